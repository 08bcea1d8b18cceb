/**
 * The Markdown bulletin (`report --out X.md`) of fixtures/metrics for a month, a quarter and a
 * year, in Chinese and English, read back from the written files: the title, the period, every
 * section's heading, paragraphs and tables as the report model has them, then the sources and
 * the date, each
 * table a pipe table with its heading, an alignment row and all its rows (the totals too). It
 * has to read well twice: in a Markdown viewer (a blank line around every block, no empty
 * section, the data's markup characters escaped) and as plain text in an e-mail (a table's
 * columns line up in a fixed-width font, a Chinese character two columns wide).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { cellText, isWordColumn } from '../../src/report/cell-text.js';
import { heading } from '../../src/report/labels.js';
import { bulletinMarkdown } from '../../src/report/markdown.js';
import { buildReportModel } from '../../src/report/model.js';
import {
  paragraphText,
  totalsRows,
  type ReportModel,
  type Row,
  type Table,
} from '../../src/report/types.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-markdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = 'fixtures/metrics/targets-2016.csv';

const CASES = {
  month: { month: '2016-11' },
  quarter: { quarter: '2016Q4', prorate: true },
  year: { year: '2016' },
  monthEn: { month: '2016-11', lang: 'en' },
  yearEn: { year: '2016', lang: 'en' },
} satisfies Record<string, CommandLineOptions>;
type Case = keyof typeof CASES;
const NAMES = Object.keys(CASES) as Case[];

/** The command-line arguments of the options above. */
function args(o: CommandLineOptions): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v === true ? [`--${k}`] : [`--${k}`, String(v)]));
}

const texts = {} as Record<Case, string>;
const models = {} as Record<Case, ReportModel>;

beforeAll(async () => {
  for (const name of NAMES) {
    const out = join(dir, `${name}.md`);
    const run = complaints([
      'report',
      ...INPUTS,
      '--targets',
      TARGETS,
      ...args(CASES[name]),
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    texts[name] = readFileSync(out, 'utf8');
    const options: CommandLineOptions = { targets: TARGETS, ...CASES[name] };
    const settings = await resolveSettings({ inputs: INPUTS, options }, null, 'report');
    models[name] = buildReportModel({
      result: await runPipeline(settings),
      lang: 'lang' in CASES[name] ? 'en' : 'zh',
      generatedAt: '2017-01-05 08:00 UTC+08:00',
    });
  }
}, 90_000);

/** Markdown's escapes taken off: the text a viewer shows. */
const unescape = (text: string) => text.replace(/\\([\\|*_`#[\]<>~.)+-])/g, '$1');
/** A pipe-table line's cells, split at the pipes that are not escaped. */
const cellsOf = (line: string) =>
  line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** The blocks between blank lines. */
const blocks = (text: string) => text.trimEnd().split('\n\n');

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'caption'; text: string }
  | { kind: 'table'; table: Table };

/** What the model says the file holds after the title and the subtitle, block by block. */
function expectedBlocks(m: ReportModel): Block[] {
  return m.bulletin.sections.flatMap((s): Block[] => [
    { kind: 'heading', text: s.heading },
    ...s.paragraphs.map((p): Block => ({ kind: 'paragraph', text: paragraphText(p) })),
    ...s.tables.flatMap((t): Block[] => [
      ...(t.caption ? [{ kind: 'caption' as const, text: t.caption }] : []),
      { kind: 'table', table: t },
    ]),
  ]);
}

function checkTable(lines: string[], t: Table, m: ReportModel, where: string): void {
  const [head, align, ...rows] = lines;
  expect(cellsOf(head!).map(unescape), where).toEqual(
    t.columns.map((c) => (typeof c.label === 'string' ? heading(c.label, m.lang) : c.label.text)),
  );
  // The alignment row: words to the left, figures to the right.
  expect(cellsOf(align!), where).toEqual(
    t.columns.map((c) => expect.stringMatching(isWordColumn(c) ? /^:-{2,}$/ : /^-{2,}:$/)),
  );
  const all: Row[] = [...t.rows, ...totalsRows(t)];
  expect(rows, where).toHaveLength(all.length);
  rows.forEach((line, r) =>
    expect(cellsOf(line).map(unescape), `${where} row ${r + 1}`).toEqual(
      t.columns.map((c) => cellText(c, all[r]!, m.lang)),
    ),
  );
  // In a fixed-width font (e-mail as plain text) the columns line up.
  const widths = new Set(lines.map((l) => stringWidth(l)));
  expect(widths.size, `${where}: ${[...widths]}`).toBe(1);
}

describe.each(NAMES)('the %s bulletin in Markdown', (name) => {
  it('opens with the title, then the period', () => {
    const m = models[name];
    const [title, subtitle] = blocks(texts[name]);
    expect(title).toBe(`# ${m.bulletin.title}`);
    expect(unescape(subtitle!)).toBe(m.bulletin.subtitle);
  });

  it('closes, after a rule, with the sources and the date on lines of their own', () => {
    const m = models[name];
    const [rule, closing] = blocks(texts[name]).slice(-2);
    expect(rule).toBe('---');
    const [sources, date, ...more] = closing!.split('\n');
    expect(more).toEqual([]);
    // Two spaces end the sources' line: a line break inside the paragraph.
    expect(sources!.endsWith('  ')).toBe(true);
    // The sources as the model has them, made at the time of the run, and that day in words.
    const made = /(生成于|made) /;
    expect(unescape(sources!).split(made)[0]).toBe(m.bulletin.closing.sources.split(made)[0]);
    expect(date).toMatch(
      m.lang === 'zh' ? /^\d{4}年\d{1,2}月\d{1,2}日$/ : /^\d{1,2} [A-Z][a-z]+ \d{4}$/,
    );
  });

  it('has every heading, paragraph and table of the model, in its order', () => {
    const m = models[name];
    const found = blocks(texts[name]).slice(2, -2);
    const expected = expectedBlocks(m);
    expect(found.length).toBe(expected.length);
    expect(m.bulletin.sections.length).toBeGreaterThanOrEqual(4);
    expected.forEach((b, i) => {
      const text = found[i]!;
      const where = `${name} block ${i + 3}`;
      if (b.kind === 'heading') expect(text, where).toBe(`## ${b.text}`);
      else if (b.kind === 'paragraph') expect(unescape(text), where).toBe(b.text);
      else if (b.kind === 'caption') expect(unescape(text), where).toBe(`**${b.text}**`);
      else checkTable(text.split('\n'), b.table, m, where);
    });
    // Every table of the bulletin is there.
    const tables = m.bulletin.sections.flatMap((s) => s.tables).length;
    expect(found.filter((t) => t.startsWith('| ')).length).toBe(tables);
    expect(tables).toBeGreaterThan(0);
  });

  it('prints no empty section: each heading is followed by text', () => {
    const found = blocks(texts[name]);
    found.forEach((b, i) => {
      if (b.startsWith('## ')) expect(found[i + 1]?.startsWith('#'), b).toBe(false);
    });
    expect(found.at(-1)!.startsWith('#')).toBe(false);
  });

  it('keeps the blank lines Markdown needs and no stray whitespace', () => {
    const text = texts[name];
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
    expect(text).not.toMatch(/\t|\r/);
    // Trailing spaces only where they break a line: after the sources.
    const trailing = text.split('\n').filter((l) => /\s$/.test(l));
    expect(trailing).toHaveLength(1);
    // A heading, a caption or a table is a block of its own.
    for (const b of blocks(text)) {
      const lines = b.split('\n');
      if (lines.length > 1 && !b.startsWith('| ')) expect(lines, b).toHaveLength(2); // only the closing: the sources and the date
      if (b.startsWith('| '))
        expect(lines.every((l) => l.startsWith('| ') && l.endsWith(' |'))).toBe(true);
    }
  });

  it('writes the same text as the renderer, from the same model', () => {
    // The run's model differs only in the time of writing, said in the closing.
    const body = (text: string) => text.slice(0, text.lastIndexOf('\n---\n'));
    const run = body(texts[name]);
    const here = body(bulletinMarkdown(models[name]));
    expect(run.length).toBeGreaterThan(1000);
    expect(run).toBe(here);
  });
});

describe('markup in the data', () => {
  /** A copy of the month's model with a unit renamed everywhere in the bulletin. */
  function renamed(from: string, to: string): ReportModel {
    const m = structuredClone(models.month);
    for (const s of m.bulletin.sections) {
      for (const p of s.paragraphs)
        p.runs = p.runs.map((r) => (typeof r === 'string' ? r.split(from).join(to) : r));
      s.tables = s.tables.map((t) => ({
        ...t,
        rows: t.rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === from ? to : v])),
        ),
      }));
    }
    return m;
  }

  it('escapes | * _ in unit names, in paragraphs and table cells, and keeps the columns', () => {
    const odd = '国网*歙县*_供电_|公司';
    const text = bulletinMarkdown(renamed('国网歙县供电公司', odd));
    expect(text).toContain('国网\\*歙县\\*\\_供电\\_\\|公司');
    expect(text).not.toContain(odd);
    const row = text.split('\n').find((l) => l.startsWith('| ') && l.includes('歙县'))!;
    const cells = cellsOf(row);
    expect(cells.map(unescape)).toContain(odd);
    const head = text.split('\n').find((l) => l.startsWith('| ') && l.includes('供电单位'))!;
    expect(cells).toHaveLength(cellsOf(head).length);
  });

  it('does not start a list where a paragraph opens with a number and a full stop', () => {
    const m = structuredClone(models.monthEn);
    m.bulletin.sections[0]!.paragraphs[0]!.runs.unshift('2016. ');
    m.bulletin.sections[0]!.paragraphs[1]!.runs.unshift('- ');
    const text = bulletinMarkdown(m);
    expect(text).toMatch(/\n\n2016\\\. /);
    expect(text).toMatch(/\n\n\\- /);
  });
});
