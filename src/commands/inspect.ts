/**
 * complaints inspect <inputs...>: what it does (options and help: cli/inspect.ts).
 *
 * What an analyst runs when a file looks wrong: per input the format, encoding, sheet, header
 * row, which header went to which field, rows read, complaints, other business types,
 * duplicates, skipped rows, rejects by reason with their first rows, and the date range.
 */
import { refuseRejects } from '../errors.js';
import { ingest, type IngestResult, type InputSummary, type RejectCode } from '../ingest/ingest.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { GENERATED_BY, SCHEMA_VERSION, emitJson } from '../report/json.js';
import { colours, formatInt, table } from '../report/terminal.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Lang, Settings } from '../settings/types.js';

export async function run(settings: Settings): Promise<void> {
  const { inputs, json } = settings;
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await ingest(inputs, settings.ingest);
  if (json) {
    await emitJson(toJson(result), json.file ?? true);
  } else if (!settings.quiet) {
    print(process.stdout, render(result, settings.lang, settings.color) + '\n');
    for (const warning of result.warnings) print(process.stderr, `warning: ${warning}\n`);
  }
  // Unlike the other commands, inspect reports first: the rejects are what it is run to see.
  refuseRejects(settings.strict, result);
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
