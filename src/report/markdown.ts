/**
 * The written bulletin as Markdown, for e-mail and chat: the title, the period and sources, each
 * numbered section's paragraphs, then its tables as pipe tables (figures right-aligned). It
 * lays out the report model's bulletin and computes nothing. Charts are pictures only the Word
 * bulletin carries.
 */
import { cellText } from './cell-text.js';
import { heading } from './labels.js';
import { paragraphText, totalsRows, type ReportModel, type Table } from './types.js';

/** Characters Markdown would read as markup inside a table cell or at a line's start. */
function escape(text: string): string {
  return text.replace(/([\\|*_`#[\]<>])/g, '\\$1').replace(/\n/g, ' ');
}

function markdownTable(t: Table, lang: ReportModel['lang']): string[] {
  const head = t.columns.map((c) =>
    escape(typeof c.label === 'string' ? heading(c.label, lang) : c.label.text),
  );
  const align = t.columns.map((c) =>
    c.format === 'text' || c.format === 'flag' || c.format === 'alert' ? ':---' : '---:',
  );
  const rows = [...t.rows, ...totalsRows(t)].map((row) =>
    t.columns.map((c) => escape(cellText(c, row, lang))),
  );
  return [
    ...(t.caption ? [`**${escape(t.caption)}**`, ''] : []),
    `| ${head.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function bulletinMarkdown(model: ReportModel): string {
  const b = model.bulletin;
  const lines = [
    `# ${escape(b.title)}`,
    '',
    ...b.subtitle.split('\n').map((l) => `${escape(l)}  `),
  ];
  for (const s of b.sections) {
    lines.push('', `## ${escape(s.heading)}`);
    for (const p of s.paragraphs) lines.push('', escape(paragraphText(p)));
    for (const t of s.tables) lines.push('', ...markdownTable(t, model.lang));
  }
  lines.push('', '---', '', `${escape(b.closing.sources)}  `, `${escape(b.closing.date)}`);
  return lines.join('\n') + '\n';
}
