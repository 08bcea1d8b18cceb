/**
 * complaints inspect <inputs...>
 *
 * What an analyst runs when a file looks wrong: per input the format, encoding, sheet, header
 * row, which header went to which field, rows read, complaints, other business types,
 * duplicates, skipped rows, rejects by reason with their first rows, and the date range.
 */
import type { Command } from 'commander';
import { RejectedRowsError } from '../errors.js';
import { FIELDS, FIELD_SPECS } from '../schema/fields.js';
import { ingest, type IngestResult, type InputSummary, type RejectCode } from '../ingest/ingest.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { GENERATED_BY, SCHEMA_VERSION, emitJson } from '../report/json.js';
import { colours, formatInt, table } from '../report/terminal.js';
import {
  addCommonOptions,
  ingestSettings,
  parseLang,
  type CommonOptions,
  type Lang,
  filesRead,
  jsonFile,
} from '../settings.js';
import { print } from '../report/print.js';

const FIELD_LIST = FIELDS.map((f) => `${f} (${FIELD_SPECS[f].zh})`)
  .reduce<string[]>((lines, item) => {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + item.length < 70) lines[last] += `, ${item}`;
    else lines.push(item);
    return lines;
  }, [])
  .join(',\n  ');

const HELP = `
Fields for --map:
  ${FIELD_LIST}.
Required: acceptedAt and unit; without id, rows are not de-duplicated; without
businessType, every row is taken as a complaint.

Reads the exports as the other commands do and reports what it found, without analysing.
Several inputs are read as one data set: a work order that appears again (same 工单编号)
counts as a duplicate, and the later input's copy is the one kept.

Exit codes: 0 read; 2 an input cannot be read (missing file, .xls, no header, missing
column); 3 with --strict, when any row was rejected.

Examples:
  complaints inspect fixtures/95598-2016-09-11.xlsx
  complaints inspect exports/*.csv --json inspect.json
  complaints inspect odd.csv --map unit=管理单位名称 --encoding gbk
  cat export.csv | complaints inspect -`;

type InspectOptions = CommonOptions;

export function register(program: Command): void {
  const command = program
    .command('inspect')
    .summary('show how the exports are read: format, header, columns, counts, problems')
    .description(
      'Show how each export is read: format, encoding, sheet, header row, column mapping, counts and problems.',
    )
    .argument('<inputs...>', 'export files (.xlsx, .csv, .txt); - reads stdin');
  addCommonOptions(command)
    .addHelpText('after', HELP)
    .action(async (inputs: string[], options: InspectOptions) => run(inputs, options));
}

export async function run(inputs: string[], options: InspectOptions): Promise<void> {
  const lang = parseLang(options.lang);
  const settings = ingestSettings(options);
  await guardOutputs([jsonFile(options.json)], filesRead(inputs, {}));
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  const result = await ingest(inputs, settings);
  if (options.json !== undefined) {
    await emitJson(toJson(result), options.json);
  } else if (!options.quiet) {
    print(process.stdout, render(result, lang, options.color) + '\n');
  }
  if (!options.quiet && options.json === undefined) {
    for (const warning of result.warnings) print(process.stderr, `warning: ${warning}\n`);
  }
  if (options.strict && result.totals.rejected > 0) {
    const first = result.rejects[0];
    throw new RejectedRowsError(
      result.totals.rejected,
      first ? `${first.file} row ${first.row}: ${first.reason}` : 'see complaints inspect',
    );
  }
}

export function toJson(result: IngestResult): object {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    inputs: result.inputs,
    totals: {
      workOrders: result.totals.workOrders,
      complaints: result.totals.complaints,
      duplicates: result.totals.duplicates,
      duplicatesDiffering: result.totals.duplicatesDiffering,
      rejected: result.totals.rejected,
      excludedByType: result.totals.excludedByType,
      withoutId: result.totals.withoutId,
    },
    rejects: result.rejects,
    rejectsOmitted: result.rejectsOmitted,
    warnings: result.warnings,
  };
}

const LABELS = {
  zh: {
    format: '格式',
    sheet: '工作表',
    headerRow: (n: number) => `表头在第 ${n} 行`,
    delimiter: '分隔符',
    columns: '列映射',
    column: '列',
    header: '表头',
    field: '字段',
    unmapped: '未映射列',
    rows: '数据行',
    complaints: '投诉',
    types: '业务类型',
    units: '供电单位',
    colon: ' 个：',
    rowsColon: ' 行：',
    duplicates: '重复工单',
    differing: (n: number) => `其中内容不同 ${formatInt(n)}`,
    skipped: '跳过',
    skippedParts: (s: InputSummary['skipped']) =>
      `表头前 ${s.beforeHeader} 行，空行 ${s.blank}，合计行 ${s.total}` +
      (s.repeatedHeader ? `，重复表头 ${s.repeatedHeader}` : ''),
    rejected: '拒收行',
    unrecognised: '无法识别的值',
    dates: '受理时间',
    to: '至',
    rowsAt: (rows: number[], more: boolean) => `第 ${rows.join('、')}${more ? ' 等' : ''} 行`,
    totals: '合计（全部输入去重后）',
    workOrders: '工单',
    other: '其他业务类型（不计入投诉）',
    none: '无',
    more: '逐行明细：complaints inspect --json',
    reasons: {
      ragged: '字段数与表头不符',
      quote: '引号不配对',
      'date-missing': '受理时间为空',
      'date-invalid': '受理时间不是有效日期',
      'unit-empty': '供电单位为空',
      garbled: '含乱码（U+FFFD）',
    } satisfies Record<RejectCode, string>,
  },
  en: {
    format: 'format',
    sheet: 'sheet',
    headerRow: (n: number) => `header on row ${n}`,
    delimiter: 'delimiter',
    columns: 'columns',
    column: 'column',
    header: 'header',
    field: 'field',
    unmapped: 'unmapped',
    rows: 'data rows',
    complaints: 'complaints',
    types: 'business types',
    units: 'units',
    colon: ': ',
    rowsColon: ': ',
    duplicates: 'duplicates',
    differing: (n: number) => `${formatInt(n)} with differing fields`,
    skipped: 'skipped',
    skippedParts: (s: InputSummary['skipped']) =>
      `${s.beforeHeader} above the header, ${s.blank} blank, ${s.total} total rows` +
      (s.repeatedHeader ? `, ${s.repeatedHeader} repeated headers` : ''),
    rejected: 'rejected',
    unrecognised: 'unrecognised values',
    dates: 'accepted',
    to: 'to',
    rowsAt: (rows: number[], more: boolean) =>
      `row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}${more ? ', …' : ''}`,
    totals: 'All inputs, after de-duplication',
    workOrders: 'work orders',
    other: 'other business types (not complaints)',
    none: 'none',
    more: 'every row: complaints inspect --json',
    reasons: {
      ragged: 'wrong number of fields',
      quote: 'unbalanced quotes',
      'date-missing': 'no acceptance time',
      'date-invalid': 'acceptance time is not a date',
      'unit-empty': 'no unit',
      garbled: 'garbled text (U+FFFD)',
    } satisfies Record<RejectCode, string>,
  },
} as const;

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

function render(result: IngestResult, lang: Lang, color: boolean): string {
  const L = LABELS[lang];
  const c = colours(process.stdout, color);
  const sep = lang === 'zh' ? '，' : ', ';
  const out: string[] = [];
  for (const input of result.inputs) {
    const lines: [string, string][] = [];
    const format = [
      input.format + (input.encoding ? ` ${input.encoding}` : ''),
      input.sheet ? `${L.sheet} ${input.sheet}` : null,
      input.delimiter
        ? `${L.delimiter} ${DELIMITER_NAMES[input.delimiter] ?? input.delimiter}`
        : null,
      input.headerRow ? L.headerRow(input.headerRow) : null,
    ].filter(Boolean);
    lines.push([L.format, format.join(sep)]);
    lines.push([
      L.rows,
      `${formatInt(input.rows)}${sep}${L.complaints} ${formatInt(input.complaints)}`,
    ]);
    const types = Object.entries(input.byType)
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `${type} ${formatInt(n)}`);
    lines.push([L.types, types.join(sep) || L.none]);
    const units = Object.entries(input.units).sort((a, b) => b[1] - a[1]);
    lines.push([
      L.units,
      `${units.length}${L.colon}${units.map(([unit, n]) => `${unit} ${formatInt(n)}`).join(sep)}`,
    ]);
    lines.push([
      L.duplicates,
      input.duplicates === 0
        ? '0'
        : `${formatInt(input.duplicates)}${sep}${L.differing(input.duplicatesDiffering)}`,
    ]);
    lines.push([L.skipped, L.skippedParts(input.skipped)]);
    const reasons = Object.entries(input.rejectsByReason).map(
      ([code, r]) =>
        `${L.reasons[code as RejectCode]} ×${formatInt(r.count)}（${L.rowsAt(r.rows, r.count > r.rows.length)}）`,
    );
    lines.push([
      L.rejected,
      input.rejected === 0
        ? '0'
        : c.red(`${formatInt(input.rejected)}${L.rowsColon}${reasons.join(sep)}`),
    ]);
    const odd = Object.entries(input.unrecognised).map(
      ([field, u]) =>
        `${field} ×${u.count}: ${u.values.map((v) => `'${v}'`).join(' ')}（${L.rowsAt(u.rows, u.count > u.rows.length)}）`,
    );
    if (odd.length > 0) lines.push([L.unrecognised, odd.join(sep)]);
    if (input.dateRange)
      lines.push([L.dates, `${input.dateRange.from} ${L.to} ${input.dateRange.to}`]);
    out.push(c.bold(input.file));
    if (input.notes.length > 0) out.push(...input.notes.map((n) => `  ${n}`));
    out.push(table(['', ''], lines, [], '  ').split('\n').slice(1).join('\n'));
    out.push(`  ${L.columns}${lang === 'zh' ? '：' : ':'}`);
    out.push(
      table(
        [L.column, L.header, L.field],
        input.columns.map((m) => [m.column, m.header, m.field]),
        ['right'],
        '    ',
      ),
    );
    if (input.unmapped.length > 0)
      out.push(`  ${L.unmapped}${lang === 'zh' ? '：' : ': '}${input.unmapped.join(sep)}`);
    out.push('');
  }
  const t = result.totals;
  out.push(c.bold(L.totals));
  const other = Object.entries(t.excludedByType)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${type} ${formatInt(n)}`);
  out.push(
    table(
      ['', ''],
      [
        [L.workOrders, formatInt(t.workOrders)],
        [L.complaints, formatInt(t.complaints)],
        [L.other, other.join(sep) || L.none],
        [
          L.duplicates,
          t.duplicates === 0
            ? '0'
            : `${formatInt(t.duplicates)}${sep}${L.differing(t.duplicatesDiffering)}`,
        ],
        [L.rejected, t.rejected === 0 ? '0' : `${formatInt(t.rejected)}${sep}${L.more}`],
      ],
      [],
      '  ',
    )
      .split('\n')
      .slice(1)
      .join('\n'),
  );
  return out.join('\n');
}
