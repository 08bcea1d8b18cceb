/**
 * The written bulletin as Markdown, for e-mail and chat: the title, the period, each numbered
 * section's paragraphs, then its tables as pipe tables (figures right-aligned), and after a rule
 * the sources and the date. It lays out the report model's bulletin and computes nothing.
 * Charts are pictures only the Word bulletin carries.
 *
 * The same file is read twice: by a Markdown viewer (blank lines around every block, an
 * alignment row under each table's heading, markup characters of the data escaped) and as plain
 * text in an e-mail, where the table's cells are padded to the width of their column (a Chinese
 * character is two) so that its columns line up in a fixed-width font.
 */
import stringWidth from 'string-width';
import { cellText, isWordColumn } from './cell-text.js';
import { heading } from './labels.js';
import { paragraphText, totalsRows, type ReportModel, type Table } from './types.js';

/** Characters Markdown would read as markup inside a paragraph or a table cell. */
function escape(text: string): string {
  return text.replace(/([\\|*_`#[\]<>~])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

/**
 * A paragraph, escaped, that does not start a list when its first words are a number and a
 * full stop ("1. …", "2016. …") or a dash.
 */
function escapeBlock(text: string): string {
  return escape(text)
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3')
    .replace(/^([-+])(\s|$)/, '\\$1$2');
}

function markdownTable(t: Table, lang: ReportModel['lang']): string[] {
  const head = t.columns.map((c) =>
    escape(typeof c.label === 'string' ? heading(c.label, lang) : c.label.text),
  );
  const rows = [...t.rows, ...totalsRows(t)].map((row) =>
    t.columns.map((c) => escape(cellText(c, row, lang))),
  );
  const right = t.columns.map((c) => !isWordColumn(c));
  // An alignment cell needs three characters at least (":--" / "--:").
  const widths = head.map((_, i) =>
    Math.max(3, ...[head, ...rows].map((r) => stringWidth(r[i] ?? ''))),
  );
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - stringWidth(text));
    return right[i] ? gap + text : text + gap;
  };
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const align = widths.map((w, i) =>
    right[i] ? `${'-'.repeat(w - 1)}:` : `:${'-'.repeat(w - 1)}`,
  );
  return [
    ...(t.caption ? [`**${escape(t.caption)}**`, ''] : []),
    line(head),
    `| ${align.join(' | ')} |`,
    ...rows.map(line),
  ];
}

export function bulletinMarkdown(model: ReportModel): string {
  const b = model.bulletin;
  const lines = [`# ${escape(b.title)}`, '', ...b.subtitle.split('\n').map(escapeBlock)];
  for (const s of b.sections) {
    if (s.paragraphs.length === 0 && s.tables.length === 0) continue;
    lines.push('', `## ${escape(s.heading)}`);
    for (const p of s.paragraphs) lines.push('', escapeBlock(paragraphText(p)));
    for (const t of s.tables) lines.push('', ...markdownTable(t, model.lang));
  }
  // A rule, then the sources and the date on lines of their own (two spaces end a line).
  lines.push('', '---', '', `${escape(b.closing.sources)}  `, escape(b.closing.date));
  return lines.join('\n') + '\n';
}
