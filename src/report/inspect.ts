/**
 * `inspect` in the terminal: per input the format, encoding, sheet, header row, which header
 * went to which field, rows, complaints, other business types, duplicates, skipped rows,
 * rejects by reason with their first rows, and the date range; then the totals.
 */
import type { IngestResult, RejectCode } from '../ingest/ingest.js';
import { zhInputNote } from '../ingest/input-notes.js';
import type { Lang } from '../settings/types.js';
import { FIELD_SPECS, type Field } from '../schema/fields.js';
import { formatInt } from './format.js';
import { COVERAGE, DELIMITER_NAMES, INSPECT, businessTypeName } from './labels.js';
import { colours, table } from './terminal.js';

/** An input that could not be read: where it was among the inputs, and why (the error's words). */
export interface UnreadableView {
  input: number;
  file: string;
  message: string;
  hint: string | null;
}

export function renderInspect(
  result: IngestResult,
  lang: Lang,
  color: boolean,
  unreadable: readonly UnreadableView[] = [],
): string {
  const L = INSPECT[lang];
  const c = colours(process.stdout, color);
  const sep = L.sep;
  const out: string[] = [];
  // The inputs in the order given, those that could not be read in their place.
  let position = 0;
  const bad = [...unreadable];
  const badBefore = (limit: number) => {
    while (bad.length > 0 && bad[0]!.input <= limit) {
      const u = bad.shift()!;
      const why = u.message.startsWith(`${u.file}: `)
        ? u.message.slice(u.file.length + 2)
        : u.message.startsWith(`${u.file}：`)
          ? u.message.slice(u.file.length + 1)
          : u.message;
      out.push(c.bold(u.file), `  ${c.red(`${L.unreadable}${L.unreadableColon}${why}`)}`);
      if (u.hint) out.push(`  ${u.hint}`);
      out.push('');
      position++;
    }
  };
  for (const input of result.inputs) {
    badBefore(position);
    position++;
    const lines: [string, string][] = [];
    const format = [
      input.format + (input.encoding ? ` ${input.encoding}` : ''),
      input.sheet ? `${L.sheet} ${input.sheet}` : null,
      input.delimiter
        ? `${L.delimiter} ${DELIMITER_NAMES[lang][input.delimiter] ?? input.delimiter}`
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
      .map(([type, n]) => `${businessTypeName(type, lang)} ${formatInt(n)}`);
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
        `${L.reasons[code as RejectCode]} ×${formatInt(r.count)}${L.bracket(L.rowsAt(r.rows, r.count > r.rows.length))}`,
    );
    lines.push([
      L.rejected,
      input.rejected === 0
        ? '0'
        : c.red(`${formatInt(input.rejected)}${L.rowsColon}${reasons.join(sep)}`),
    ]);
    // A field by its column as the export names it (是否属实), in Chinese; by its key in English.
    const column = (field: string) =>
      lang === 'en'
        ? field
        : (input.columns.find((m) => m.field === field)?.header ?? FIELD_SPECS[field as Field].zh);
    const odd = Object.entries(input.unrecognised).map(
      ([field, u]) =>
        `${column(field)} ×${u.count}${lang === 'zh' ? '：' : ': '}${u.values.map((v) => `'${v}'`).join(' ')}${L.bracket(L.rowsAt(u.rows, u.count > u.rows.length))}`,
    );
    if (odd.length > 0) lines.push([L.unrecognised, odd.join(sep)]);
    // Class values the taxonomy lacks: said beside the input, not only among the warnings.
    const unknown = (input.unknownLabels ?? []).map((u) =>
      L.unknownLabel(u.level, u.value, u.rows),
    );
    if (unknown.length > 0) lines.push([L.unknownLabels, c.red(unknown.join(sep))]);
    if (input.dateRange)
      lines.push([L.dates, `${input.dateRange.from} ${L.to} ${input.dateRange.to}`]);
    if (input.coverage) lines.push([COVERAGE[lang].covered, COVERAGE[lang].span(input.coverage)]);
    out.push(c.bold(input.file));
    // The notes are English in the JSON; here they are said in the run's language.
    const notes = lang === 'zh' ? input.notes.map(zhInputNote) : input.notes;
    out.push(...notes.map((n) => `  ${n}`));
    out.push(table(['', ''], lines, [], '  ').split('\n').slice(1).join('\n'));
    out.push(`  ${L.columns}${L.columnsColon}`);
    out.push(
      table(
        [L.column, L.header, L.field],
        input.columns.map((m) => [m.column, m.header, m.field]),
        ['right'],
        '    ',
      ),
    );
    if (input.unmapped.length > 0)
      out.push(`  ${L.unmapped}${L.unmappedColon}${input.unmapped.join(sep)}`);
    out.push('');
  }
  badBefore(Infinity);
  if (result.inputs.length === 0) return out.join('\n').trimEnd();
  const t = result.totals;
  out.push(c.bold(unreadable.length === 0 ? L.totals : L.totalsRead(result.inputs.length)));
  const other = Object.entries(t.excludedByType)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${businessTypeName(type, lang)} ${formatInt(n)}`);
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
        ...(unreadable.length > 0
          ? [[L.unreadable, unreadable.map((u) => u.file).join(sep)] as [string, string]]
          : []),
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
