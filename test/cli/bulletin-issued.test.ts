/**
 * The bulletin's date of issue (成文日期): the day in Beijing by default, whatever the machine's
 * zone — a server on UTC at 07:30 Beijing time is still on the day before — and `--issued` to
 * set it (a bulletin prepared on the 2nd for issue on the 3rd). The date at the end of the
 * document, the document's properties and a template's {date} agree.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { writeOutput } from '../../src/report/output.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import { complaints, isPlainError } from '../helpers/cli.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-issued-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = ['--targets', 'fixtures/metrics/targets-2016.csv'];

/** The last paragraph of the document: the date of issue. */
const lastParagraph = (parts: DocxParts) => paragraphs(parts.text('word/document.xml')).at(-1);
const created = (parts: DocxParts) =>
  /<dcterms:created[^>]*>([^<]*)</.exec(parts.text('docProps/core.xml'))?.[1];

describe('the date of issue by default', () => {
  let result: PipelineResult;
  beforeAll(async () => {
    const settings = await resolveSettings(
      { inputs: INPUTS, options: { month: '2016-11', targets: TARGETS[1] } },
      null,
      'report',
    );
    result = await runPipeline(settings);
  }, 60_000);

  /** Writes the bulletin with the machine in `zone` and its clock at `moment`. */
  async function writtenAt(name: string, zone: string, moment: string): Promise<DocxParts> {
    const out = join(dir, name);
    const before = process.env.TZ;
    process.env.TZ = zone;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(moment));
    try {
      await writeOutput(out, result, {
        lang: 'zh',
        charts: false,
        detail: null,
        quarterKey: false,
        template: null,
        issued: null,
      });
    } finally {
      vi.useRealTimers();
      // Assigning undefined would set the string "undefined".
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    return new DocxParts(readFileSync(out));
  }

  it('is the day in Beijing on a server on UTC at 07:30 Beijing time (23:30 UTC the day before)', async () => {
    const parts = await writtenAt('utc.docx', 'UTC', '2016-12-02T23:30:00Z');
    expect(lastParagraph(parts)).toBe('2016年12月3日');
    // The same moment, as the machine wrote it: 2016-12-03 07:30 in Beijing.
    expect(created(parts)).toBe('2016-12-02T23:30:00Z');
    // The sources line says the machine's own time, with its zone.
    expect(paragraphs(parts.text('word/document.xml')).at(-2)).toMatch(
      /生成于 2016-12-02 23:30 UTC\+00:00$/,
    );
  });

  it('is the same day on a machine in Beijing', async () => {
    const parts = await writtenAt('beijing.docx', 'Asia/Shanghai', '2016-12-02T23:30:00Z');
    expect(lastParagraph(parts)).toBe('2016年12月3日');
    expect(created(parts)).toBe('2016-12-03T07:30:00+08:00');
  });

  it('is still the 2nd at 23:30 in Beijing, on a machine in New York', async () => {
    const parts = await writtenAt('new-york.docx', 'America/New_York', '2016-12-02T15:30:00Z');
    expect(lastParagraph(parts)).toBe('2016年12月2日');
    expect(created(parts)).toBe('2016-12-02T10:30:00-05:00');
  });
});

describe('report --issued', () => {
  const report = (name: string, args: string[]) => {
    const out = join(dir, name);
    const run = complaints(
      ['report', ...INPUTS, ...TARGETS, '--month', '2016-11', ...args, '--out', out],
      {
        env: { TZ: 'UTC' },
      },
    );
    return { out, run };
  };

  it('dates the bulletin and its properties the day given', () => {
    const { out, run } = report('issued.docx', ['--no-charts', '--issued', '2016-12-03']);
    expect(run.code, run.stderr).toBe(0);
    const parts = new DocxParts(readFileSync(out));
    expect(lastParagraph(parts)).toBe('2016年12月3日');
    expect(created(parts)).toBe('2016-12-03T00:00:00+08:00');
    expect(parts.text('docProps/core.xml')).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2016-12-03T00:00:00+08:00</dcterms:modified>',
    );
  });

  it('reads the forms --day reads, and says the day in English', () => {
    const { out, run } = report('issued-en.docx', [
      '--no-charts',
      '--lang',
      'en',
      '--issued',
      '2016年12月3日',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastParagraph(new DocxParts(readFileSync(out)))).toBe('3 December 2016');
  });

  it('dates the Markdown bulletin', () => {
    const { out, run } = report('issued.md', ['--issued', '20161203']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n').at(-1)).toBe('2016年12月3日');
  });

  it('fills a template’s {date} with it', () => {
    const { out, run } = report('issued-template.docx', [
      '--no-charts',
      '--template',
      'fixtures/bulletin/template.docx',
      '--issued',
      '2016-12-03',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const texts = paragraphs(new DocxParts(readFileSync(out)).text('word/document.xml'));
    expect(texts).toContain('2016年12月3日');
  });

  it.each([
    [
      '2016-02-30',
      'zh',
      '--issued 2016-02-30：不是有效的日期，请写作 YYYY-MM-DD，例如 --issued 2016-12-03。',
    ],
    [
      'tomorrow',
      'en',
      '--issued tomorrow: not a date; write it as YYYY-MM-DD, e.g. --issued 2016-12-03.',
    ],
  ])('refuses %s in one line, exit 2, before reading', (value, lang, message) => {
    const { out, run } = report(`bad-${value}.docx`, ['--lang', lang, '--issued', value]);
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr), run.stderr).toBe(true);
    expect(run.stderr).toBe(`complaints: ${message}\n`);
    expect(() => readFileSync(out)).toThrow();
  });

  it('is refused for a workbook, which has no date of issue', () => {
    const { run } = report('issued.xlsx', ['--issued', '2016-12-03']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'complaints: report：--issued 不起作用：它是通报落款的成文日期，而 --out ' +
        join(dir, 'issued.xlsx') +
        ' 不是通报。',
    );
  });
});
