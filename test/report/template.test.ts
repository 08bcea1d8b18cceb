/**
 * A company's template filled (`report --template fixtures/bulletin/template.docx --out X.docx`),
 * read back from the written file: every tag replaced, each section's heading and paragraphs as
 * paragraphs in the template's own styles, every table row with the model's cell texts, the
 * charts as pictures, and the template's letterhead, styles, page and footer kept. Then every
 * way a template can be wrong, as the user sees it: exit 2, one or two plain lines.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, userMessage } from '../../src/errors.js';
import { runPipeline } from '../../src/pipeline.js';
import { cellText } from '../../src/report/cell-text.js';
import { renderCharts, type ChartImage } from '../../src/report/charts.js';
import { localStamp } from '../../src/report/format.js';
import { buildReportModel } from '../../src/report/model.js';
import { fillTemplate } from '../../src/report/template.js';
import { FIGURE_NAMES, COLUMN_KEYS, figureName } from '../../src/report/template-data.js';
import { titleLines } from '../../src/report/word-metrics.js';
import { paragraphText, totalsRows, type ReportModel } from '../../src/report/types.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';
import { complaints, isPlainError } from '../helpers/cli.js';

const TEMPLATE = 'fixtures/bulletin/template.docx';
const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = 'fixtures/metrics/targets-2016.csv';

const dir = mkdtempSync(join(tmpdir(), 'complaints-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const XML_TEXT: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => XML_TEXT[m]!);

interface Para {
  style: string | null;
  text: string;
  xml: string;
}

/** The body's paragraphs (outside and inside tables) with their style and text. */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    xml: p,
  }));
}

/** Each table's rows, each row as its cells' texts. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) =>
    [...t.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([r]) =>
      [...r.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) =>
        paragraphs(c)
          .map((p) => p.text)
          .join(''),
      ),
    ),
  );
}

async function model(options: CommandLineOptions, lang: 'zh' | 'en' = 'zh') {
  const settings = await resolveSettings(
    { inputs: INPUTS, options: { targets: TARGETS, ...options } },
    null,
    'report',
  );
  // Made now, as the command's: the date that closes the document is today's.
  const generatedAt = localStamp(new Date());
  return buildReportModel({ result: await runPipeline(settings), lang, generatedAt });
}

interface Case {
  name: string;
  args: string[];
  options: CommandLineOptions;
  lang: 'zh' | 'en';
}
const CASES: Case[] = [
  { name: 'month', args: ['--month', '2016-11'], options: { month: '2016-11' }, lang: 'zh' },
  { name: 'quarter', args: ['--quarter', '2016Q4'], options: { quarter: '2016Q4' }, lang: 'zh' },
  { name: 'year', args: ['--year', '2016'], options: { year: '2016' }, lang: 'zh' },
  {
    name: 'month-en',
    args: ['--month', '2016-11', '--lang', 'en'],
    options: { month: '2016-11' },
    lang: 'en',
  },
];

describe.each(CASES)('the fixture template filled: $name', (c) => {
  let m: ReportModel;
  let zip: PizZip;
  let xml: string;
  let paras: Para[];
  const out = join(dir, `${c.name}.docx`);
  const before = sha(TEMPLATE);

  beforeAll(async () => {
    const run = complaints([
      'report',
      ...INPUTS,
      '--targets',
      TARGETS,
      ...c.args,
      '--template',
      TEMPLATE,
      '--out',
      out,
    ]);
    expect(run.stderr).toMatch(c.lang === 'zh' ? /^已写入 / : /^wrote /);
    expect(run.code).toBe(0);
    m = await model(c.options, c.lang);
    zip = new PizZip(readFileSync(out));
    xml = zip.file('word/document.xml')!.asText();
    paras = paragraphs(xml);
  });

  it('replaces every tag and leaves the template file as it was', () => {
    const text = paras.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/\{[#/^@]?\w+\}/);
    expect(text).not.toContain('undefined');
    expect(sha(TEMPLATE)).toBe(before);
  });

  it('says the title and the period lines, then each section in the template’s styles', () => {
    const b = m.bulletin;
    const title = paras.find((p) => p.style === 'BulletinTitle')!;
    expect(title.text).toBe(b.title);
    // {titleLines}: broken where the built-in bulletin breaks it, never inside a word.
    const lines = titleLines(b.title);
    expect(title.xml.split('<w:br/>').length).toBe(lines.length);
    if (lines.length > 1) expect(title.xml).toMatch(new RegExp(`${lines[0]}</w:t>.*<w:br/>`));
    // The period under the title; the sources and the date (成文日期) close the document.
    const notes = paras.filter((p) => p.style === 'Note').map((p) => p.text);
    expect(notes[0]).toBe(b.subtitle);
    // The sources line ends with the time of writing: the command's, not this model's.
    const sources = b.closing.sources.slice(0, b.closing.sources.indexOf(m.generatedAt));
    expect(notes[1]!.startsWith(`（${sources}`)).toBe(true);
    expect(notes).toHaveLength(2);
    expect(paras.at(-2)!.text).toBe(b.closing.date);
    const headings = paras.filter((p) => p.style === 'BulletinHeading').map((p) => p.text);
    expect(headings).toEqual(b.sections.map((s) => s.heading));
    const body = paras.filter((p) => p.style === 'Body').map((p) => p.text);
    for (const s of b.sections) {
      for (const p of s.paragraphs) expect(body).toContain(paragraphText(p));
    }
    // Each paragraph of the model is one paragraph of the document, in order.
    const modelTexts = b.sections.flatMap((s) => s.paragraphs.map(paragraphText));
    expect(body.filter((t) => modelTexts.includes(t))).toEqual(modelTexts);
  });

  it('puts the headline figures where the template says them, as 概览 shows them', () => {
    const items = m.sheets[0]!.tables.flatMap((t) =>
      t.rows.map((row, i) => ({ row, format: t.rowFormats![i]! })),
    );
    const shown = (name: string) => {
      const item = items.find((x) => figureName(String(x.row.field)) === name)!;
      return cellText({ key: 'value', label: 'value', format: item.format }, item.row, m.lang);
    };
    const sentence = paras.find((p) => p.text.startsWith('现将'))!.text;
    expect(sentence).toBe(
      `现将${m.about}95598客户投诉情况通报如下。本期共受理投诉${shown('complaints')}件，同比${shown('yoy')}；其中考核投诉${shown('assessed')}件。`,
    );
  });

  it('fills one table row per row of the model’s tables, totals last, with its captions', () => {
    const docTables = tables(xml);
    // The fixture places the units' and the classes' tables; a year's months table
    // ({#overallTable}) is not in it, but its columns are names a template can use.
    const months = m.bulletin.sections.find((s) => s.key === 'overall')!.tables;
    expect(
      months.flatMap((t) => t.columns.map((c) => c.key)).every((k) => COLUMN_KEYS.includes(k)),
    ).toBe(true);
    const modelTables = m.bulletin.sections
      .filter((s) => s.key !== 'overall')
      .flatMap((s) => s.tables);
    const yearToDate = m.bulletin.sections.find((s) => s.key === 'units')!.tables[1];
    // The year has no year-to-date table: its loop and caption are gone with the condition.
    expect(docTables).toHaveLength(modelTables.length);
    modelTables.forEach((t, i) => {
      const rows = [...t.rows, ...totalsRows(t)];
      const [header, ...body] = docTables[i]!;
      expect(header![0]).toMatch(/排名|一级分类/);
      expect(body).toHaveLength(rows.length);
      const keys = t.columns.map((col) => col.key);
      // The units' tables each with their own columns: the period's (表1), the year to date's.
      const templateKeys =
        header![0] !== '排名'
          ? ['name', 'complaints', 'share', 'previous', 'yoy']
          : header!.includes('超指标率')
            ? ['rank', 'unit', 'complaints', 'assessed', 'target', 'overTargetRate', 'yoy']
            : ['rank', 'unit', 'complaints', 'assessed', 'share', 'previous', 'yoy'];
      // 表2, the year to date's, is the one against the target; 表1 has the period's share.
      if (header![0] === '排名') expect(header!.includes('超指标率')).toBe(t === yearToDate);
      rows.forEach((row, r) => {
        const expected = templateKeys.map((k) => {
          const col = t.columns.find((x) => x.key === k);
          return col ? cellText(col, row, m.lang, t.blank) : '';
        });
        expect(body[r], `${t.caption} row ${r}`).toEqual(expected);
      });
      expect(keys.every((k) => COLUMN_KEYS.includes(k))).toBe(true);
      expect(paras.some((p) => p.style === 'Caption' && p.text === t.caption)).toBe(true);
    });
  });

  it('places each section’s chart as a picture the width of the text column', () => {
    const embeds = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((x) => x[1]);
    // The fixture template names every chart the built-in bulletin draws, in its order: the hot
    // words' ({@hotWordsChart}) after the classes', in 分类及热点 (热点问题).
    const charts = m.bulletin.sections.flatMap((s) => s.charts);
    expect(charts).toContain('hotWords');
    expect(embeds).toHaveLength(charts.length);
    const rels = zip.file('word/_rels/document.xml.rels')!.asText();
    for (const [i, id] of embeds.entries()) {
      const target = new RegExp(`Id="${id}"[^>]*Target="media/([^"]+)"`).exec(rels)![1]!;
      expect(target).toBe(`complaints-${charts[i]}.png`);
      const png = zip.file(`word/media/${target}`)!.asUint8Array();
      expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    }
    expect(zip.file('[Content_Types].xml')!.asText()).toContain('Extension="png"');
    // 11906 − 1588 − 1474 twips of text column, 635 EMU a twip.
    for (const [, cx] of xml.matchAll(/<wp:extent cx="(\d+)"/g))
      expect(Number(cx)).toBe(8844 * 635);
  });

  it('keeps the template’s letterhead, styles, page and footer', () => {
    const original = new PizZip(readFileSync(TEMPLATE));
    expect(zip.file('word/styles.xml')!.asText()).toBe(original.file('word/styles.xml')!.asText());
    const head = paras.find((p) => p.text === '国网黄山供电公司')!;
    expect(head.xml).toContain('<w:color w:val="E00000"/>');
    expect(paras.find((p) => p.text === '黄电营销〔2016〕95号')!.xml).toMatch(
      /<w:bottom [^>]*w:color="E00000"/,
    );
    const sectPr = (x: string) => /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(x)![0];
    expect(sectPr(xml)).toBe(sectPr(original.file('word/document.xml')!.asText()));
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.map((f) => zip.file(f)!.asText()).join('')).toContain('PAGE');
  });
});

/** The fixture's sections (from {#overall} to {/attention}) replaced by other paragraphs. */
function withBody(name: string, lines: [style: string, text: string][]): string {
  return variant(name, (x) => {
    const start = x.lastIndexOf('<w:p>', x.indexOf('{#overall}'));
    const end = x.indexOf('</w:p>', x.indexOf('{/attention}')) + '</w:p>'.length;
    const body = lines
      .map(
        ([style, text]) =>
          `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`,
      )
      .join('');
    return x.slice(0, start) + body + x.slice(end);
  });
}

describe('the other forms of a section', () => {
  let m: ReportModel;
  let charts: ChartImage[];
  beforeAll(async () => {
    m = await model({ quarter: '2016Q4' });
    charts = await renderCharts(m.charts, m.lang);
  });
  const filled = async (file: string) =>
    new PizZip((await fillTemplate(file, m, charts)).bytes).file('word/document.xml')!.asText();

  it('{#sections}: every section, its paragraphs and charts, in the styles of the lines', async () => {
    const file = withBody('sections.docx', [
      ['Body', '{#sections}'],
      ['BulletinHeading', '{heading}'],
      ['Body', '{#paragraphs}'],
      ['Body', '{text}'],
      ['Body', '{/paragraphs}'],
      ['Body', '{#charts}'],
      ['Body', '{@chart}'],
      ['Body', '{/charts}'],
      ['Body', '{/sections}'],
    ]);
    const xml = await filled(file);
    const paras = paragraphs(xml);
    const b = m.bulletin;
    expect(paras.filter((p) => p.style === 'BulletinHeading').map((p) => p.text)).toEqual(
      b.sections.map((s) => s.heading),
    );
    const texts = b.sections.flatMap((s) => s.paragraphs.map(paragraphText));
    expect(
      paras.filter((p) => p.style === 'Body' && texts.includes(p.text)).map((p) => p.text),
    ).toEqual(texts);
    expect([...xml.matchAll(/<w:drawing>/g)]).toHaveLength(
      b.sections.flatMap((s) => s.charts).length,
    );
    expect(xml).not.toMatch(/\{[#/@]?\w+\}/);
  });

  it('a Word template (.dotx) is filled as a document', async () => {
    const zip = new PizZip(readFileSync(TEMPLATE));
    const types = zip.file('[Content_Types].xml')!.asText();
    const dotx = types.replace(
      'wordprocessingml.document.main+xml',
      'wordprocessingml.template.main+xml',
    );
    expect(dotx).not.toBe(types);
    zip.file('[Content_Types].xml', dotx);
    const file = join(dir, 'company.dotx');
    writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
    const out = new PizZip((await fillTemplate(file, m, [])).bytes);
    expect(out.file('[Content_Types].xml')!.asText()).toContain(
      'wordprocessingml.document.main+xml',
    );
    expect(out.file('[Content_Types].xml')!.asText()).not.toContain('template.main');
  });

  it('a template without pictures gets the png content type its charts need', async () => {
    const zip = new PizZip(readFileSync(TEMPLATE));
    const types = zip.file('[Content_Types].xml')!.asText();
    zip.file('[Content_Types].xml', types.replace(/<Default [^>]*Extension="png"\/>/, ''));
    const file = join(dir, 'no-png.docx');
    writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
    expect(zip.file('[Content_Types].xml')!.asText()).not.toContain('png');
    const out = new PizZip((await fillTemplate(file, m, charts)).bytes);
    expect(out.file('[Content_Types].xml')!.asText()).toContain(
      '<Default Extension="png" ContentType="image/png"/>',
    );
    expect(out.file(/^word\/media\/complaints-/)).toHaveLength(4);
  });

  it('{@hotWordsChart} places the hot words’ chart; blank when there are no hot words', async () => {
    expect(m.charts.some((c) => c.name === 'hotWords')).toBe(true);
    const file = withBody('hot-words.docx', [
      ['Body', '热点问题'],
      ['Body', '{@hotWordsChart}'],
    ]);
    const filled = await fillTemplate(file, m, charts);
    expect(filled.charts).toBe(1);
    const out = new PizZip(filled.bytes);
    const rels = out.file('word/_rels/document.xml.rels')!.asText();
    const embeds = [
      ...out
        .file('word/document.xml')!
        .asText()
        .matchAll(/r:embed="([^"]+)"/g),
    ];
    expect(embeds).toHaveLength(1);
    expect(rels).toMatch(
      new RegExp(`Id="${embeds[0]![1]}"[^>]*Target="media/complaints-hotWords.png"`),
    );
    const none = await fillTemplate(
      file,
      { ...m, charts: m.charts.filter((c) => c.name !== 'hotWords') },
      charts.filter((c) => c.name !== 'hotWords'),
    );
    expect(none.charts).toBe(0);
    expect(new PizZip(none.bytes).file('word/document.xml')!.asText()).not.toContain('<w:drawing>');
  });

  it('counts the charts its tags place: none when the template has no chart tag', async () => {
    const placed = await fillTemplate(
      withBody('no-chart.docx', [['Body', '{overall}']]),
      m,
      charts,
    );
    expect(placed.charts).toBe(0);
    // trend, units, categories and hot words; without hot words, their paragraph goes too.
    expect((await fillTemplate(TEMPLATE, m, charts)).charts).toBe(4);
    const quiet = await model({ month: '2016-11', hotWords: false });
    const without = await fillTemplate(TEMPLATE, quiet, await renderCharts(quiet.charts, 'zh'));
    expect(without.charts).toBe(3);
    const text = paragraphs(new PizZip(without.bytes).file('word/document.xml')!.asText());
    expect(text.map((p) => p.text).join('\n')).not.toMatch(/hotWords|\{@/);
  });

  it('{@chart} places the charts of the sections whose loop holds it, and no other’s', async () => {
    // {#charts} in 总体情况 only: 分单位情况's chart has no place, and is counted and said so.
    const file = withBody('overall-charts.docx', [
      ['Body', '{#overall}'],
      ['BulletinHeading', '{heading}'],
      ['Body', '{#charts}'],
      ['Body', '{@chart}'],
      ['Body', '{/charts}'],
      ['Body', '{/overall}'],
      ['Body', '{#units}'],
      ['BulletinHeading', '{heading}'],
      ['Body', '{/units}'],
    ]);
    const filled = await fillTemplate(file, m, charts);
    expect(filled.charts).toBe(1);
    expect([
      ...new PizZip(filled.bytes)
        .file('word/document.xml')!
        .asText()
        .matchAll(/r:embed="/g),
    ]).toHaveLength(1);
    expect(filled.omittedCharts).toEqual([
      { title: '各单位考核投诉与指标', tag: '{@unitsChart}', section: 'units' },
    ]);
  });

  it('{@trendChart} in {#sections}: the chart once, in its own section, not once a section', async () => {
    const filled = await fillTemplate(
      withBody('sections-trend.docx', [
        ['Body', '{#sections}'],
        ['BulletinHeading', '{heading}'],
        ['Body', '{@trendChart}'],
        ['Body', '{/sections}'],
      ]),
      m,
      charts,
    );
    expect(filled.charts).toBe(1);
    const xml = new PizZip(filled.bytes).file('word/document.xml')!.asText();
    const paras = paragraphs(xml);
    const pictures = paras.flatMap((p, i) => (p.xml.includes('<w:drawing>') ? [i] : []));
    expect(pictures).toHaveLength(1);
    // Right under 一、总体情况, the section that has the trend, before 二、.
    const overall = m.bulletin.sections.find((s) => s.charts.includes('trend'))!;
    expect(overall.key).toBe('overall');
    expect(paras[pictures[0]! - 1]!.text).toBe(overall.heading);
    expect(filled.omittedCharts.map((c) => c.tag)).toEqual([
      '{@unitsChart}',
      '{@categoriesChart}',
      '{@hotWordsChart}',
    ]);
  });

  it('a chart placed by its own tag is not placed again by its section’s {#charts} loop', async () => {
    const filled = await fillTemplate(
      withBody('trend-and-charts.docx', [
        ['Body', '{@trendChart}'],
        ['Body', '{#sections}'],
        ['Body', '{#charts}'],
        ['Body', '{@chart}'],
        ['Body', '{/charts}'],
        ['Body', '{/sections}'],
      ]),
      m,
      charts,
    );
    const xml = new PizZip(filled.bytes).file('word/document.xml')!.asText();
    const embeds = [...xml.matchAll(/r:embed="([^"]+)"/g)].map((e) => e[1]);
    expect(embeds).toHaveLength(m.bulletin.sections.flatMap((s) => s.charts).length);
    expect(new Set(embeds).size).toBe(embeds.length);
  });

  it('{overall}: one paragraph, its sentences on lines of their own', async () => {
    const xml = await filled(
      withBody('simple.docx', [
        ['Body', '{overall}'],
        ['Body', '{repeat}'],
      ]),
    );
    const paras = paragraphs(xml);
    const overall = m.bulletin.sections.find((s) => s.key === 'overall')!;
    const p = paras.find((x) => x.text.startsWith(paragraphText(overall.paragraphs[0]!)))!;
    expect(p.text).toBe(overall.paragraphs.map(paragraphText).join(''));
    expect([...p.xml.matchAll(/<w:br\/>/g)]).toHaveLength(overall.paragraphs.length - 1);
    // Only the charts a template names are added to the document.
    expect(xml).not.toContain('<w:drawing>');
  });
});

describe('the daily and weekly bulletins in the fixture template', () => {
  const DAYS = [
    'fixtures/days/95598-2016-0523-0703.xlsx',
    'fixtures/days/95598-2015-06.csv',
    'fixtures/days/95598-2016-shexian-gb18030.csv',
  ];
  const report = (template: string, period: string[], out: string) =>
    complaints(['report', ...DAYS, ...period, '--no-charts', '--template', template, '--out', out]);
  const dayModel = async (period: CommandLineOptions) =>
    buildReportModel({
      result: await runPipeline(
        await resolveSettings({ inputs: DAYS, options: period }, null, 'report'),
      ),
      lang: 'zh',
      generatedAt: localStamp(new Date()),
    });

  it('a day: 当日投诉明细 with the day’s complaints one a row, numbered as the built-in bulletin', async () => {
    const out = join(dir, 'day.docx');
    const r = report(TEMPLATE, ['--day', '2016-06-30'], out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^已写入 .*（通报：7 个部分，3 张表，0 幅图；投诉 10 条）\n$/);
    const xml = new PizZip(readFileSync(out)).file('word/document.xml')!.asText();
    const texts = paragraphs(xml).map((p) => p.text);
    const m = await dayModel({ day: '2016-06-30' });
    expect(texts.filter((t) => /^[一二三四五六七]、/.test(t))).toEqual(
      m.bulletin.sections.map((s) => s.heading),
    );
    expect(texts).toContain('二、当日投诉明细');
    const day = m.bulletin.sections.find((s) => s.key === 'day')!.tables[0]!;
    const list = tables(xml).find((t) => t[0]![0] === '受理时间')!;
    expect(list.slice(1).map((row) => row[4])).toEqual(day.rows.map((row) => row.id));
    expect(list).toHaveLength(1 + 10);
  });

  it('a week: 每日情况 with its days; a template without the section says it leaves it out', async () => {
    const out = join(dir, 'week.docx');
    expect(report(TEMPLATE, ['--week', '2016-W25'], out).code).toBe(0);
    const xml = new PizZip(readFileSync(out)).file('word/document.xml')!.asText();
    const days = tables(xml).find((t) => t[0]![0] === '日期')!;
    expect(days.slice(1).map((row) => row[0])).toEqual([
      '2016-06-20',
      '2016-06-21',
      '2016-06-22',
      '2016-06-23',
      '2016-06-24',
      '2016-06-25',
      '2016-06-26',
      '合计',
    ]);
    // A template made for the month bulletin, without {#days}…{/days}: said on stderr, and the
    // line counts the sections and tables the document holds.
    const monthOnly = variant('month-only.docx', (x) =>
      x.replace(/<w:p>(?:(?!<w:p>)[\s\S])*?\{#days\}[\s\S]*?\{\/days\}<\/w:t><\/w:r><\/w:p>/, ''),
    );
    const r = report(monthOnly, ['--week', '2016-W25'], join(dir, 'week-2.docx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('（通报：6 个部分，2 张表，0 幅图；投诉 27 条）');
    expect(r.stderr).toContain(
      '  模板里没有“每日情况”一节的位置，通报中没有这一节（用 {#sections}…{/sections} 可放置全部各节，或在模板中加上 {#days}…{/days}）。',
    );
    const en = complaints([
      'report',
      ...DAYS,
      '--week',
      '2016-W25',
      '--no-charts',
      '--template',
      monthOnly,
      '--out',
      join(dir, 'week-3.docx'),
      '--lang',
      'en',
    ]);
    expect(en.stderr).toContain(
      'The template has no place for “By day”: the bulletin leaves it out',
    );
  });
});

describe('charts a template has no place for', () => {
  const run = (template: string, extra: string[], out: string) =>
    complaints([
      'report',
      ...INPUTS,
      '--targets',
      TARGETS,
      '--month',
      '2016-11',
      '--template',
      template,
      '--out',
      out,
      ...extra,
    ]);
  // The fixture template without its {@trendChart}: the company left the trend out.
  const noTrend = () =>
    variant('template-no-trend.docx', (x) =>
      x.replace(/<w:p>(?:(?!<w:p>)[\s\S])*?\{@trendChart\}[\s\S]*?<\/w:p>/, ''),
    );

  it('says which charts are left out, by their titles, with the tag that would place them', () => {
    const file = noTrend();
    expect(readFileSync(file, 'latin1')).not.toContain('trendChart');
    const r = run(file, [], join(dir, 'no-trend.docx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/（通报：6 个部分，3 张表，3 幅图；投诉 16 条）\n/);
    expect(r.stderr).toContain(
      '\n  模板中没有放置“月度投诉趋势”图的标签，这幅图未写入（要放置它，请在模板中加上 {@trendChart}）。\n',
    );
    const en = run(file, ['--lang', 'en'], join(dir, 'no-trend-en.docx'));
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(
      '\n  The template has no tag for the chart “Complaints by month”: it is not in the bulletin (to place it, add {@trendChart} to the template).\n',
    );
  });

  it('a breakdown’s chart, which has no tag of its own, is said with the loop that places it', () => {
    const r = run(noTrend(), ['--by', 'level1'], join(dir, 'no-trend-by.docx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '\n  模板中没有放置“月度投诉趋势”“投诉按一级分类分布”这 2 幅图的标签，这几幅图未写入（要放置它们，请在模板中加上 {@trendChart}，并在 {#breakdowns} 或 {#sections} 里加上 {#charts}{@chart}{/charts}）。\n',
    );
    const en = run(noTrend(), ['--by', 'level1', '--lang', 'en'], join(dir, 'no-trend-by-en.docx'));
    expect(en.stderr).toContain(
      '\n  The template has no tag for the 2 charts “Complaints by month”, “Complaints by level 1”: they are not in the bulletin (to place them, add {@trendChart} to the template, and put {#charts}{@chart}{/charts} inside {#breakdowns} or {#sections}).\n',
    );
    // The fixture template as it is places every chart: nothing said.
    const all = run(TEMPLATE, [], join(dir, 'all-charts.docx'));
    expect(all.code).toBe(0);
    expect(all.stderr).not.toMatch(/图的标签|no tag for the chart/);
  });
});

describe('a filled template in LibreOffice', () => {
  const soffice = spawnSync('soffice', ['--version']).status === 0;
  // Where LibreOffice is missing the test is skipped, and its name says why.
  const missing = soffice
    ? ''
    : ' (SKIPPED: soffice is not on PATH; apt-get install libreoffice-writer-nogui)';
  it.skipIf(!soffice)(`renders to pages with the title, tables and page numbers${missing}`, () => {
    const file = join(dir, 'month.docx');
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'month.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    expect(text).toContain('国网黄山供电公司');
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toContain('表1');
    expect(text).not.toMatch(/\{[#/]?\w+\}/);
  });
});

/**
 * The fixture template with one part claiming, in the zip's central directory, to inflate to
 * 300 MiB: what a zip bomb says of itself. Refused before anything is inflated.
 */
function bomb(name: string): string {
  const bytes = Buffer.from(readFileSync(TEMPLATE));
  const header = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  bytes.writeUInt32LE(300 * 1024 ** 2, header + 24);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/**
 * The fixture template with a part of 1 MiB whose central directory says 1,000 bytes: within
 * the cap by the directory's word. pizzip never inflates a part it does not fill, so it copied
 * the lie, and the part, into the bulletin.
 */
function lyingPart(name: string): string {
  const zip = new PizZip(readFileSync(TEMPLATE));
  zip.file('word/media/extra.bin', Buffer.alloc(1024 ** 2), { compression: 'DEFLATE' });
  const bytes = Buffer.from(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const central = bytes.lastIndexOf(Buffer.from('word/media/extra.bin')) - 46;
  expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
  bytes.writeUInt32LE(1000, central + 24);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The fixture template with its document.xml changed. */
function variant(name: string, change: (xml: string) => string): string {
  const zip = new PizZip(readFileSync(TEMPLATE));
  zip.file('word/document.xml', change(zip.file('word/document.xml')!.asText()));
  const file = join(dir, name);
  writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}

describe('templates that cannot be filled', () => {
  let m: ReportModel;
  beforeAll(async () => {
    m = await model({ month: '2016-11' });
  });
  const refused = async (file: string) => {
    const error = await fillTemplate(file, m, []).then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${error}`);
    expect(error.exitCode).toBe(2);
    expect(error.file).toBe(file);
    expect(error.hint).toBeTruthy();
    return error;
  };

  it('names the tags it does not know, each with the closest it knows, before filling', async () => {
    const file = variant('unknown.docx', (x) =>
      x
        .replace('{complaints}件', '{complaint}件')
        .replace('{#unitsTable}', '{#unitTable}')
        .replace('{/unitsTable}', '{/unitTable}')
        .replace('{date}', '{签发人}'),
    );
    const e = await refused(file);
    expect(e.code).toBe('BAD_TEMPLATE');
    expect(e.message).toBe(
      `--template ${file}: 3 tags the tool does not know: {complaint} (did you mean {complaints}?), {#unitTable} (did you mean {#unitsTable}?), {签发人}.`,
    );
  });

  it('a document with no tag the tool fills (a finished bulletin) is refused, naming the tags', async () => {
    const file = variant('finished.docx', (x) => x.replace(/\{[^{}<]*\}/g, ''));
    const e = await refused(file);
    expect(e.code).toBe('BAD_TEMPLATE');
    expect(e.message).toBe(
      `--template ${file}: holds no tag the tool fills, so the bulletin would be this document unchanged.`,
    );
    expect(e.hint).toContain('{title}, {period}, {#overall}…{/overall}');
  });

  it('checks tags in a loop this period leaves empty, and knows names by where they stand', async () => {
    // {unit} is a column: outside a table's loop it is not a name the tool fills.
    const file = variant('scopes.docx', (x) =>
      x.replace('{#paragraphs}', '{unit}{#paragraphs}').replace('{heading}', '{headng}'),
    );
    const e = await refused(file);
    // {unit} is a name the tool knows, in the wrong place: not said as one it does not know.
    expect(e.message).toContain(
      'a tag the tool does not know: {headng} (did you mean {heading}?); a tag the tool knows in the wrong place: {unit} (only inside a table row’s loop such as {#unitsTable}).',
    );
    // In Chinese all of it: where a name may stand is no English phrase inside the sentence.
    expect(userMessage(e, 'zh').message).toContain(
      '有 1 个本工具不认识的标签：{headng}（是不是 {heading}？）；有 1 个标签本工具认识，但放错了位置：{unit}（只能用在表格行的循环里，如 {#unitsTable}）。',
    );
  });

  it.each([
    [
      '{#paragraphs}',
      ['{#overall}', '{#paragraphs}', '{text}', '{@trendChart}', '{/paragraphs}', '{/overall}'],
    ],
    [
      '{#charts}',
      ['{#sections}', '{#charts}', '{@chart}', '{@trendChart}', '{/charts}', '{/sections}'],
    ],
  ])('a chart’s tag in %s, which would repeat the picture, is refused', async (loop, lines) => {
    const file = withBody(
      `repeated-chart-${loop.slice(2, -1)}.docx`,
      lines.map((t) => ['Body', t]),
    );
    const e = await refused(file);
    expect(userMessage(e, 'zh').message).toBe(
      `模板 ${file}（--template）：有 1 个标签本工具认识，但放错了位置：{@trendChart}（只能用在所有循环之外，或 {#overall}、{#sections} 这样的一节里；放在表格行、{#paragraphs} 或 {#charts} 里，图片会每行、每段重复一次）。`,
    );
  });

  it('a chart’s tag in a table row’s loop is refused, not repeated once a row', async () => {
    const file = variant('chart-in-row.docx', (x) => {
      const cell = x.indexOf('</w:p>', x.indexOf('{#unitsTable}')) + '</w:p>'.length;
      return `${x.slice(0, cell)}<w:p><w:r><w:t>{@unitsChart}</w:t></w:r></w:p>${x.slice(cell)}`;
    });
    const e = await refused(file);
    expect(e.message).toBe(
      `--template ${file}: a tag the tool knows in the wrong place: {@unitsChart} (only outside any loop, or in a section such as {#overall} or {#sections}; in a table row, {#paragraphs} or {#charts} the picture would repeat, once a row or a paragraph).`,
    );
  });

  it('a section’s tags without their section: the section’s tags are said, not as unknown', async () => {
    // A company deleted {#overall} and {/overall}: {heading} and {#paragraphs} are now outside
    // any section; the missing section is what to fix.
    const file = variant('no-section.docx', (x) =>
      x.replace('{#overall}', '').replace('{/overall}', ''),
    );
    const e = await refused(file);
    const zh = userMessage(e, 'zh');
    expect(zh.message).toBe(
      `模板 ${file}（--template）：有 2 个标签本工具认识，但放错了位置：{heading}、{#paragraphs}（只能用在 {#sections} 或 {#overall} 这样的一节里）。`,
    );
    expect(zh.hint).toBe(
      '一节里的标签要放在这一节的开始和结束标签之间，如 {#overall}…{/overall}；模板里是不是删掉了这两个标签？请补上，或用 {#sections}…{/sections} 放置全部各节。',
    );
    expect(e.message).toBe(
      `--template ${file}: 2 tags the tool knows in the wrong place: {heading}, {#paragraphs} (only inside {#sections} or a section such as {#overall}).`,
    );
    expect(e.hint).toBe(
      'A section’s tags go between its opening and closing tags, such as {#overall}…{/overall}: were these deleted from the template? Put them back, or place every section with {#sections}…{/sections}.',
    );
  });

  it('tags typed with full-width braces (a Chinese input method) are named, not printed as typed', async () => {
    const file = variant('full-width.docx', (x) =>
      x
        .replace('{subtitle}', '｛subtitle｝')
        .replace('{date}', '｛date｝')
        // A company's own ｛…｝ around a word the tool does not fill is text, left alone.
        .replace('各县供电公司', '｛各县｝供电公司'),
    );
    const e = await refused(file);
    expect(e.code).toBe('BAD_TEMPLATE');
    expect(userMessage(e, 'zh').message).toBe(
      `模板 ${file}（--template）：有 2 个标签用了全角括号：｛subtitle｝、｛date｝；本工具只认半角的 { }，这些标签会原样印在通报里。`,
    );
    expect(e.message).toBe(
      `--template ${file}: 2 tags are typed with full-width braces: ｛subtitle｝, ｛date｝; the tool reads only { }, and would print these as they are.`,
    );
    const own = variant('own-braces.docx', (x) => x.replace('各县供电公司', '｛各县｝供电公司'));
    expect((await fillTemplate(own, m, [])).sections).toBe(m.bulletin.sections.length);
  });

  it('a tag with one brace full-width is named as such, not as a tag without its {', async () => {
    // The input method switched within the tag: docxtemplater saw "}…现将｛about}" as one tag.
    const file = variant('half-full.docx', (x) =>
      x.replace('{about}', '｛about}').replace('{date}', '{date｝'),
    );
    const e = await refused(file);
    expect(userMessage(e, 'zh').message).toBe(
      `模板 ${file}（--template）：有 2 个标签用了全角括号：｛about}、{date｝；本工具只认半角的 { }，这些标签会原样印在通报里。`,
    );
  });

  it('a tag typed with spaces inside its braces is filled as the name it was checked as', async () => {
    const file = variant('spaced.docx', (x) => x.replace('{subtitle}', '{ subtitle }'));
    const filled = await fillTemplate(file, m, []);
    const text = paragraphs(new PizZip(filled.bytes).file('word/document.xml')!.asText())
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain(m.bulletin.subtitle);
    expect(text).not.toContain('subtitle');
  });

  it.each([
    [
      'unclosed.docx',
      (x: string) => x.replace('{/overall}', ''),
      '{#overall} is never closed with {/overall}',
      '有 1 个标签问题：{#overall} 没有用 {/overall} 结束。',
    ],
    [
      'unopened.docx',
      (x: string) => x.replace('{#repeat}', ''),
      '{/repeat} closes a loop that was not opened',
      '有 1 个标签问题：{/repeat} 结束的循环没有开始过。',
    ],
    [
      'brace.docx',
      (x: string) => x.replace('{titleLines}', '{titleLines'),
      'the tag {titleLines has no closing }',
      '有 1 个标签问题：标签 {titleLines 缺少结尾的 }。',
    ],
    // Followed by text, not a tag: docxtemplater's tag runs on over the next paragraphs.
    [
      'brace-text.docx',
      (x: string) => x.replace('{subtitle}', '{subtitle'),
      'a tag problem: the tag {subtitle has no closing }.',
      '有 1 个标签问题：标签 {subtitle 缺少结尾的 }。',
    ],
    [
      'mismatch.docx',
      (x: string) => x.replace('{/paragraphs}', '{/paragraph}'),
      '2 tag problems: {/paragraph} closes a loop that was not opened; {#paragraphs} is never closed with {/paragraphs}.',
      '有 2 个标签问题：{/paragraph} 结束的循环没有开始过；{#paragraphs} 没有用 {/paragraphs} 结束。',
    ],
    // docxtemplater's rarer problems: its English explanation, and what it means in Chinese.
    [
      'renamed.docx',
      (x: string) =>
        x.replace('{#paragraphs}', '{#paragraph2}').replace('{/paragraphs}', '{/paragraph}'),
      'a tag problem: The tag "paragraph2" is closed by the tag "paragraph".',
      '有 1 个标签问题：{#paragraph2} 被 {/paragraph} 结束了，两处名称不一致。',
    ],
    [
      'crossed.docx',
      // In the units table's row (the day's table before it has a {unit} too).
      (x: string) =>
        x
          .replace('{rank}', '{#a}{rank}')
          .replace(/(\{#a\}[\s\S]*?)\{unit\}/, '$1{/a}{#b}{unit}{/b}'),
      'a tag problem: Unbalanced loop tags {#a}{/a}{#b}{/b}.',
      '有 1 个标签问题：循环 {#a}…{/a} 和 {#b}…{/b} 交错了：一个循环要整个放在另一个的里面或外面。',
    ],
    [
      'inline-chart.docx',
      (x: string) => x.replace('{subtitle}', '前{@hotWordsChart}后'),
      'a tag problem: The raw tag "hotWordsChart" should be the only text in this paragraph.',
      '有 1 个标签问题：图片标签 {@hotWordsChart} 要单独占一个段落，前后不能有文字或空格。',
    ],
  ])('%s: unbalanced tags are named in one line', async (name, change, said, zh) => {
    const e = await refused(variant(name, change));
    expect(e.code).toBe('BAD_TEMPLATE');
    expect(e.message).toContain(said);
    expect(e.message).not.toContain('\n');
    expect(userMessage(e, 'zh').message).toContain(`（--template）：${zh}`);
  });

  it.each<[string, Buffer | string, string, string, string]>([
    [
      'notes.docx',
      'not a zip',
      'BAD_TEMPLATE',
      'not a Word document (.docx is a zip file; this is not one).',
      '不是 Word 文档（.docx 是 zip 文件，这个不是）。',
    ],
    [
      'old.docx',
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ]),
      'BAD_TEMPLATE',
      'a Word 97–2003 .doc file or a password-protected document, not a .docx.',
      '这是 Word 97–2003 的 .doc 文件或设有密码的文档，不是 .docx。',
    ],
    [
      'cut.docx',
      readFileSync(TEMPLATE).subarray(0, 4000),
      'BAD_TEMPLATE',
      'the file is incomplete (a copy or download not finished?)',
      // No English of the zip library inside the Chinese sentence.
      '文件不完整（可能没有复制或下载完），无法打开。',
    ],
    [
      'book.docx',
      readFileSync('fixtures/metrics/95598-2015.xlsx'),
      'BAD_TEMPLATE',
      'a zip file but not a Word document (no word/document.xml).',
      '是 zip 文件，但不是 Word 文档（没有 word/document.xml）。',
    ],
  ])('%s is refused: %s', async (name, bytes, code, said, zh) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const e = await refused(file);
    expect(e.code).toBe(code);
    expect(e.message).toContain(`--template ${file}: ${said}`);
    expect(userMessage(e, 'zh').message).toContain(`模板 ${file}（--template）：${zh}`);
  });

  it('a missing template and a folder', async () => {
    const missing = await refused(join(dir, 'nope.docx'));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.message).toBe(`--template ${join(dir, 'nope.docx')}: no such file.`);
    const folder = await refused(dir);
    expect(folder.code).toBe('FILE_UNREADABLE');
  });
});

describe('template errors from the command line', () => {
  const run = (template: string, lang: readonly string[] = []) =>
    complaints([
      'report',
      'fixtures/metrics/95598-2016-06-12-gb18030.csv',
      '--month',
      '2016-11',
      '--no-charts',
      '--template',
      template,
      '--out',
      join(dir, 'cli.docx'),
      ...lang,
    ]);

  it.each([
    [
      'a missing file',
      () => join(dir, 'absent.docx'),
      /（--template）：文件不存在。$/m,
      /no such file\.$/m,
    ],
    [
      'a text file',
      () => variantBytes('text.docx', 'hello'),
      /不是 Word 文档/,
      /not a Word document/,
    ],
    [
      'a zip bomb',
      () => bomb('bomb.docx'),
      /解压后共 300 MiB，超过模板的上限（256 MiB）/,
      /its parts inflate to 300 MiB, more than a template can be \(256 MiB\)/,
    ],
    [
      'a part larger than its zip directory says',
      () => lyingPart('lying.docx'),
      /文件已损坏：word\/media\/extra\.bin 解压后与 zip 目录所记的大小或校验值不符（或是 zip 炸弹）。/,
      /the file is damaged: word\/media\/extra\.bin does not inflate to the size or CRC its zip directory gives/,
    ],
    [
      'an unknown tag',
      () => variant('cli-unknown.docx', (x) => x.replace('{subtitle}', '{subtitel}')),
      /有 1 个本工具不认识的标签：\{subtitel\}（是不是 \{subtitle\}？）/,
      /\{subtitel\} \(did you mean \{subtitle\}\?\)/,
    ],
    [
      'a finished bulletin: no tag',
      () => variant('cli-finished.docx', (x) => x.replace(/\{[^{}<]*\}/g, '')),
      /里面没有本工具填写的标签/,
      /holds no tag the tool fills/,
    ],
    [
      'an unclosed loop',
      () => variant('cli-unclosed.docx', (x) => x.replace('{/units}', '')),
      /\{#units\} 没有用 \{\/units\} 结束/,
      /\{#units\} is never closed with \{\/units\}/,
    ],
  ])('%s: exit 2, one or two plain lines, nothing written', (_, make, zh, en) => {
    const template = make();
    for (const [said, lang] of [
      [zh, []],
      [en, ['--lang', 'en']],
    ] as const) {
      const r = run(template, lang);
      expect(r.code).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(said);
      expect(spawnSync('test', ['-e', join(dir, 'cli.docx')]).status).toBe(1);
    }
  });

  it('the template is never the output: refused, and left as it was', () => {
    const file = variantBytes('same.docx', '');
    writeFileSync(file, readFileSync(TEMPLATE));
    const r = complaints([
      'report',
      INPUTS[2]!,
      '--month',
      '2016-11',
      '--template',
      file,
      '--out',
      file,
    ]);
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('这个输出就是模板');
    expect(sha(file)).toBe(sha(TEMPLATE));
  });

  it('from the config file: "template" relative to its folder', () => {
    const cron = join(dir, 'cron');
    mkdirSync(join(cron, '模板'), { recursive: true });
    writeFileSync(join(cron, '模板', '通报模板.docx'), readFileSync(TEMPLATE));
    writeFileSync(
      join(cron, 'monthly.json'),
      JSON.stringify({
        template: '模板/通报模板.docx',
        out: '通报-{period}.docx',
        targets: join(process.cwd(), TARGETS),
      }),
    );
    const r = complaints([
      'report',
      ...INPUTS,
      '--month',
      '2016-11',
      '--no-charts',
      '--config',
      join(cron, 'monthly.json'),
    ]);
    expect(r.code).toBe(0);
    const zip = new PizZip(readFileSync(join(cron, '通报-2016-11.docx')));
    const text = paragraphs(zip.file('word/document.xml')!.asText()).map((p) => p.text);
    expect(text).toContain('国网黄山供电公司');
    expect(text.some((t) => t.startsWith('一、总体情况'))).toBe(true);
    expect(zip.file(/^word\/media\//)).toHaveLength(0);
  });

  it('a bad template is said before the exports are read', () => {
    // 2030-01 is in no export: reading them would fail on the period instead.
    const bad = variantBytes('early.docx', 'hello');
    for (const command of ['report', 'analyze']) {
      const r = complaints([
        command,
        INPUTS[2]!,
        '--month',
        '2030-01',
        '--template',
        bad,
        '--out',
        join(dir, 'e.docx'),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^complaints: 模板 .*early\.docx（--template）：不是 Word 文档/);
    }
  });

  it('--template is refused without --out .docx', () => {
    const r = complaints([
      'report',
      INPUTS[2]!,
      '--template',
      TEMPLATE,
      '--out',
      join(dir, 'x.md'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--template 不起作用');
    const en = complaints([
      'report',
      INPUTS[2]!,
      '--template',
      TEMPLATE,
      '--out',
      join(dir, 'x.md'),
      '--lang',
      'en',
    ]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--template is not used');
  });
});

function variantBytes(name: string, bytes: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('the names a template can use', () => {
  it('every headline item of 概览 that has a tag is one the template knows', async () => {
    for (const options of [{ month: '2016-11' }, { quarter: '2016Q4' }, { year: '2016' }]) {
      const m = await model(options);
      for (const t of m.sheets[0]!.tables)
        for (const row of t.rows) {
          const name = figureName(String(row.field));
          if (name !== null) expect(FIGURE_NAMES, String(row.field)).toContain(name);
        }
      for (const t of m.bulletin.sections.flatMap((s) => s.tables))
        for (const col of t.columns) expect(COLUMN_KEYS, t.caption).toContain(col.key);
    }
  });
});
