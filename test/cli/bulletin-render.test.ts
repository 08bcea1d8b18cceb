/**
 * `report --out X.docx` from the command line, as a user runs it: the line on stderr counts the
 * sections, tables and pictures the file really holds, --no-charts leaves the pictures out, and
 * LibreOffice opens the file and prints it to a PDF with the title and the units in it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bulletin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
  '--targets',
  'fixtures/metrics/targets-2016.csv',
];

function report(name: string, args: string[]) {
  const out = join(dir, name);
  const run = complaints(['report', ...INPUTS, ...args, '--out', out]);
  expect(run.stderr.split('\n')[0]).toContain(out);
  expect(run.code, run.stderr).toBe(0);
  return { out, run, parts: new DocxParts(readFileSync(out)) };
}

const count = (line: string, zh: RegExp, en: RegExp) =>
  Number((zh.exec(line) ?? en.exec(line))![1]);

describe('report --out X.docx', () => {
  it.each([
    ['month', ['--month', '2016-11']],
    ['quarter', ['--quarter', '2016Q4']],
    ['year', ['--year', '2016']],
    ['month-en', ['--month', '2016-11', '--lang', 'en']],
  ])('writes the %s bulletin with what stderr says it holds', (name, args) => {
    const { run, parts } = report(`${name}.docx`, args);
    const line = run.stderr.split('\n')[0]!;
    const doc = parts.text('word/document.xml');
    const tables = count(line, /(\d+) 张表/, /(\d+) tables/);
    const charts = count(line, /(\d+) 幅图/, /(\d+) charts/);
    expect(tables).toBeGreaterThan(0);
    expect(charts).toBeGreaterThan(0);
    expect(doc.match(/<w:tbl>/g)?.length).toBe(tables);
    expect(parts.names().filter((n) => n.startsWith('word/media/')).length).toBe(charts);
    if (name.endsWith('en')) expect(line).toMatch(/^wrote .*\(the bulletin: \d+ sections/);
    else expect(line).toMatch(/^已写入 .*（通报：\d+ 个部分/);
  });

  it('leaves the pictures and their captions out with --no-charts', () => {
    const { run, parts } = report('bare.docx', ['--month', '2016-11', '--no-charts']);
    expect(run.stderr).toContain('0 幅图');
    expect(parts.names().filter((n) => n.startsWith('word/media/'))).toEqual([]);
    expect(paragraphs(parts.text('word/document.xml')).some((p) => /^图\d/.test(p))).toBe(false);
  });

  it('draws its pictures short enough that one with its caption takes at most a third of a page', () => {
    const { parts } = report('pictures.docx', ['--quarter', '2016Q4']);
    const extents = [
      ...parts.text('word/document.xml').matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g),
    ].map((m) => [Number(m[1]) / 36_000, Number(m[2]) / 36_000]);
    expect(extents).toHaveLength(4);
    // The text width, 156 mm; at most 61 mm tall (a third of the 225 mm text height less the
    // caption's 14 mm), where the workbook's 960×540 pictures printed 88 mm tall.
    for (const [width, height] of extents) {
      expect(width).toBeCloseTo(155.8, 0);
      expect(height).toBeLessThanOrEqual(61);
      expect(height).toBeGreaterThan(60);
    }
  });

  it('writes the same document twice, the time of writing aside', () => {
    const a = report('a.docx', ['--month', '2016-11']).parts;
    const b = report('b.docx', ['--month', '2016-11']).parts;
    // The subtitle says when the bulletin was made, to the minute.
    const strip = (xml: string) => xml.replace(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d[^<]*/g, 'TIME');
    for (const part of [
      'word/document.xml',
      'word/styles.xml',
      'word/fontTable.xml',
      'docProps/core.xml',
    ])
      expect(strip(b.text(part)), part).toBe(strip(a.text(part)));
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const poppler = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' }).status === 0;
const skipped =
  soffice && poppler
    ? ''
    : ' (SKIPPED: soffice or pdfinfo is not on PATH; apt-get install libreoffice-writer-nogui poppler-utils)';

describe('the bulletin in LibreOffice', () => {
  it.skipIf(!soffice || !poppler)(
    `prints to a PDF with the title and the units${skipped}`,
    () => {
      const { out } = report('print.docx', ['--quarter', '2016Q4']);
      // A profile of its own: LibreOffice refuses to start beside another one using the same.
      const profile = `file://${join(dir, 'lo-profile')}`;
      const convert = spawnSync(
        'soffice',
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          out,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(
        convert.stderr,
        'LibreOffice Writer (libreoffice-writer-nogui) must be installed',
      ).not.toContain('source file could not be loaded');
      const pdf = join(dir, 'print.pdf');
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], {
        encoding: 'utf8',
      }).stdout.replace(/\s+/g, '');
      expect(text).toContain('国网黄山供电公司2016年第四季度');
      expect(text).toContain('国网黄山市徽州区供电公司');
      expect(text).toContain('—1—');
      // The sources line breaks between the files, never inside a name (95598-2016-06-12- | gb18030.csv).
      const lines = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(lines).toMatch(
        /来源：95598-2015\.xlsx，95598-2016-01-06\.xlsx，\n\s*95598-2016-06-12-gb18030\.csv；\n/,
      );
    },
    180_000,
  );
});
