/**
 * The Word bulletin, written for the month, the quarter and the year of fixtures/metrics (and
 * the month in English), read back from the file: the model's words in order, the fonts every
 * run names (East-Asian included, so WPS shows the Chinese face), tables WPS will draw (a grid
 * and a width on every cell, summing to the text width), the pictures, the page number.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { renderCharts, type ChartImage } from '../../src/report/charts.js';
import { bulletinDocx } from '../../src/report/docx.js';
import { fill, headingLines, tableLayout } from '../../src/report/docx-table.js';
import { TEXT_WIDTH, ems, titleLines } from '../../src/report/word-metrics.js';
import { buildReportModel } from '../../src/report/model.js';
import { paragraphText, type ReportModel, type Table } from '../../src/report/types.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';
import { DocxParts, attribute, elements, paragraphs } from '../helpers/docx.js';
import { reach } from '../helpers/source-imports.js';

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const PERIODS: Record<string, CommandLineOptions> = {
  month: { month: '2016-11' },
  quarter: { quarter: '2016Q4' },
  year: { year: '2016' },
};

interface Written {
  model: ReportModel;
  charts: ChartImage[];
  parts: DocxParts;
  document: string;
}

const dir = mkdtempSync(join(tmpdir(), 'complaints-docx-'));
const written = new Map<string, Written>();

async function write(
  name: string,
  options: CommandLineOptions,
  lang: 'zh' | 'en',
  withCharts = true,
) {
  const settings = await resolveSettings(
    { inputs: INPUTS, options: { targets: 'fixtures/metrics/targets-2016.csv', ...options } },
    null,
    'report',
  );
  const model = buildReportModel({
    result: await runPipeline(settings),
    lang,
    generatedAt: '2017-01-05 08:00 UTC+08:00',
  });
  const charts = withCharts ? await renderCharts(model.charts, lang) : [];
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, await bulletinDocx(model, charts));
  const parts = new DocxParts(readFileSync(file));
  written.set(name, { model, charts, parts, document: parts.text('word/document.xml') });
}

beforeAll(async () => {
  for (const [name, options] of Object.entries(PERIODS)) await write(name, options, 'zh');
  await write('month-en', PERIODS.month!, 'en');
  await write('quarter-en', PERIODS.quarter!, 'en', false);
  await write('month-bare', PERIODS.month!, 'zh', false);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (name: string): Written => written.get(name)!;
const used = (w: Written) => {
  const names = new Set(w.model.bulletin.sections.flatMap((s) => s.charts));
  return w.charts.filter((c) => names.has(c.name));
};

describe('tables across pages', () => {
  /** The rows of the table after the caption `caption`, and how many keep with the next. */
  const rowsAfter = (w: Written, caption: string) => {
    const at = w.document.indexOf(caption);
    const table = w.document.slice(at, w.document.indexOf('</w:tbl>', at));
    const rows = table.split('<w:tr>').slice(1);
    return { rows: rows.length, keep: rows.filter((r) => r.includes('<w:keepNext/>')).length };
  };

  it('keeps a short table whole, lets the year’s months start on the page before', () => {
    const year = get('year');
    // 8 units and the total, under the heading: every row but the last keeps with the next.
    const units = rowsAfter(year, '表2');
    expect(units.keep).toBe(units.rows - 1);
    // 12 months and the total: only the heading and the two rows before the total keep.
    expect(rowsAfter(year, '各月投诉情况')).toEqual({ rows: 14, keep: 3 });
  });
});

describe.each(['month', 'quarter', 'year', 'month-en'])('the %s bulletin', (name) => {
  it('has the title, the subtitle, every heading and every paragraph of the model, in order', () => {
    const w = get(name);
    const b = w.model.bulletin;
    const expected = [
      b.title,
      ...b.subtitle.split('\n'),
      ...b.sections.flatMap((s) => [s.heading, ...s.paragraphs.map(paragraphText)]),
      b.closing.sources,
      b.closing.date,
    ];
    const found = paragraphs(w.document);
    let at = -1;
    for (const text of expected) {
      const next = found.indexOf(text, at + 1);
      expect(next, text).toBeGreaterThan(at);
      at = next;
    }
    expect(b.sections.length).toBeGreaterThan(1);
  });

  it('names four fonts on every run and in the defaults, the East-Asian one included', () => {
    const w = get(name);
    const runs = [...w.document.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
    const texts = runs.filter((r) => r.includes('<w:t'));
    expect(texts.length).toBeGreaterThan(50);
    for (const r of texts) expect(r).toContain('<w:rFonts');
    const fonts = elements(w.document, 'w:rFonts');
    for (const f of fonts) {
      expect(attribute(f, 'w:eastAsia'), f).toBeTruthy();
      expect(attribute(f, 'w:ascii')).toBe('Times New Roman');
      expect(attribute(f, 'w:hAnsi')).toBe('Times New Roman');
      expect(attribute(f, 'w:cs')).toBe('Times New Roman');
    }
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(
      w.parts.text('word/styles.xml'),
    )![0];
    expect(attribute(elements(defaults, 'w:rFonts')[0]!, 'w:eastAsia')).toBe(
      w.model.lang === 'zh' ? '仿宋_GB2312' : '宋体',
    );
  });

  it('has every table of the model with its caption above, a grid and a width on every cell', () => {
    const w = get(name);
    const tables = w.model.bulletin.sections.flatMap((s) => s.tables);
    const xml = [...w.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(xml.length).toBe(tables.length);
    expect(tables.length).toBeGreaterThan(0);
    tables.forEach((t, i) => {
      const tbl = xml[i]!;
      const grid = elements(tbl, 'w:gridCol').map((g) => Number(attribute(g, 'w:w')));
      expect(grid.length).toBe(t.columns.length);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
      const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows.length).toBe(1 + t.rows.length + (t.totals ? 1 : 0) + (t.subtotals?.length ?? 0));
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const row of rows) {
        const cells = [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
        expect(cells.map((c) => Number(attribute(elements(c, 'w:tcW')[0]!, 'w:w')))).toEqual(grid);
        for (const c of cells) expect(attribute(elements(c, 'w:tcW')[0]!, 'w:type')).toBe('dxa');
      }
      if (t.caption) {
        const before = paragraphs(w.document.slice(0, w.document.indexOf(tbl)));
        expect(before[before.length - 1]).toBe(t.caption);
      }
      // The totals row in bold.
      if (t.totals) expect(rows[1 + t.rows.length]).toContain('<w:b/>');
    });
  });

  it('has a picture for each chart of a section, with its caption below', () => {
    const w = get(name);
    const charts = used(w);
    expect(charts.length).toBeGreaterThan(0);
    const media = w.parts.names().filter((n) => /^word\/media\/.*\.png$/.test(n));
    expect(media.length).toBe(charts.length);
    const rels = w.parts.text('word/_rels/document.xml.rels');
    const embeds = elements(w.document, 'a:blip').map((b) => attribute(b, 'r:embed')!);
    expect(embeds.length).toBe(charts.length);
    for (const id of embeds)
      expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="media/[^"]+\\.png"`));
    const found = paragraphs(w.document);
    charts.forEach((c, i) => {
      const caption =
        w.model.lang === 'zh' ? `图${i + 1} ${c.title}` : `Figure ${i + 1}. ${c.title}`;
      expect(found).toContain(caption);
    });
  });

  it('numbers the pages in the footer', () => {
    const w = get(name);
    const footer = w.parts.text('word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    if (w.model.lang === 'en') expect(footer).toContain('NUMPAGES');
    else expect(paragraphs(footer).join('')).toBe('—  —');
  });
});

describe('the layout', () => {
  it('is A4 portrait with the official margins', () => {
    const doc = get('month').document;
    const size = elements(doc, 'w:pgSz')[0]!;
    expect([attribute(size, 'w:w'), attribute(size, 'w:h')]).toEqual(['11906', '16838']);
    const margin = elements(doc, 'w:pgMar')[0]!;
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => attribute(margin, a))).toEqual([
      '2098',
      '1984',
      '1587',
      '1474',
    ]);
  });

  it('sets the title in 方正小标宋 二号, headings in 黑体, the text in 仿宋 三号 on a fixed line', () => {
    const w = get('month');
    const runOf = (text: string) => {
      const at = w.document.indexOf(`>${text}</w:t>`);
      return w.document.slice(w.document.lastIndexOf('<w:r>', at), at);
    };
    const [first, second] = titleLines(w.model.bulletin.title);
    expect([first, second]).toEqual(['国网黄山供电公司2016年11月', '95598客户投诉分析通报']);
    expect(runOf(first!)).toContain('w:eastAsia="方正小标宋简体"');
    expect(runOf(first!)).toContain('<w:sz w:val="44"/>');
    expect(runOf(second!)).toContain('<w:br/>');
    const section = w.model.bulletin.sections[0]!;
    expect(runOf(section.heading)).toContain('w:eastAsia="黑体"');
    const body = runOf(paragraphText(section.paragraphs[0]!));
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    const styles = w.parts.text('word/styles.xml');
    expect(styles).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(styles).toMatch(/<w:ind w:firstLine="640"\/>/);
  });

  it('declares a fallback for each official font in the font table', () => {
    const fonts = get('month').parts.text('word/fontTable.xml');
    for (const [font, alt] of [
      ['仿宋_GB2312', '仿宋'],
      ['楷体_GB2312', '楷体'],
      ['方正小标宋简体', '黑体'],
    ])
      expect(fonts).toMatch(new RegExp(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`));
  });

  it('is English throughout in English', () => {
    const w = get('month-en');
    expect(w.model.bulletin.title).toMatch(/^[^\n]*customer complaints/);
    // No line of the title opens with its colon.
    expect(w.document).not.toMatch(/<w:t[^>]*>: /);
    expect(paragraphs(w.document)).toContain(w.model.bulletin.sections[0]!.heading);
    expect(w.document).not.toContain('图1');
    expect(w.document).not.toContain('方正小标宋简体');
  });

  it('has no picture and no figure caption without charts', () => {
    const w = get('month-bare');
    expect(w.document).not.toContain('<w:drawing>');
    expect(w.document).not.toMatch(/>图\d/);
    expect(w.parts.names().filter((n) => n.startsWith('word/media/'))).toEqual([]);
  });

  it('gives the same XML for the same model, with the model’s time in docProps', async () => {
    const w = get('month');
    const again = new DocxParts(await bulletinDocx(w.model, w.charts));
    for (const part of [
      'word/document.xml',
      'word/styles.xml',
      'word/footer1.xml',
      'docProps/core.xml',
    ])
      expect(again.text(part), part).toBe(w.parts.text(part));
    const core = w.parts.text('docProps/core.xml');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2017-01-05T08:00:00+08:00</dcterms:created>',
    );
    expect(core).toContain(`<dc:title>${w.model.bulletin.title}</dc:title>`);
  });
});

describe('the sources line', () => {
  /** The lines of the paragraph naming the sources, a non-breaking hyphen read as "-". */
  const sourcesLines = (w: Written, start: RegExp) => {
    const p = [...w.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((x) => start.test(paragraphs(x)[0]!))!;
    return {
      xml: p,
      lines: p
        .split('<w:br/>')
        .map((line) =>
          [...line.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
            .map((m) => m[1] ?? '-')
            .join(''),
        ),
    };
  };

  it.each([
    [
      'year',
      /^来源/,
      [
        '来源：95598-2015.xlsx，95598-2016-01-06.xlsx，',
        '95598-2016-06-12-gb18030.csv；',
        '生成于 2017-01-05 08:00 UTC+08:00',
      ],
    ],
    [
      'month-en',
      /^Sources/,
      [
        'Sources: 95598-2015.xlsx, 95598-2016-01-06.xlsx, ',
        '95598-2016-06-12-gb18030.csv; ',
        'made 2017-01-05 08:00 UTC+08:00',
      ],
    ],
  ])(
    '%s: breaks only between the files, and never at a file name’s hyphen',
    (name, start, lines) => {
      const { xml, lines: written } = sourcesLines(get(name), start);
      expect(written).toEqual(lines);
      // Every hyphen is Word's non-breaking one: none is left in the text to break at.
      expect(elements(xml, 'w:t').length).toBeGreaterThan(0);
      expect([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)</g)].some((m) => m[1]!.includes('-'))).toBe(
        false,
      );
      // Six in the file names, two in the date.
      expect(xml.match(/<w:noBreakHyphen\/>/g)).toHaveLength(10);
    },
  );
});

describe('titleLines', () => {
  it.each([
    ['国网黄山供电公司2016年11月95598客户投诉分析通报', '国网黄山供电公司2016年11月'],
    ['国网黄山供电公司2016年第四季度95598客户投诉分析通报', '国网黄山供电公司2016年第四季度'],
    ['国网黄山供电公司2016年95598客户投诉分析通报', '国网黄山供电公司2016年'],
    ['国网黄山供电公司2016年1–6月95598客户投诉分析通报', '国网黄山供电公司2016年1–6月'],
    ['国网黄山供电公司2016年6月30日95598客户投诉分析通报', '国网黄山供电公司2016年6月30日'],
    ['国网黄山供电公司: 95598 customer complaints, 2016 Q4', '国网黄山供电公司: '],
  ])('cuts %s after the period or the company', (title, first) => {
    const lines = titleLines(title);
    expect(lines[0]).toBe(first);
    expect(lines.join('')).toBe(title);
  });

  it('gives a week three lines: the company, the week and its days, the rest', () => {
    expect(
      titleLines('国网黄山供电公司2016年第25周（6月20日至26日）95598客户投诉分析通报'),
    ).toEqual(['国网黄山供电公司', '2016年第25周（6月20日至26日）', '95598客户投诉分析通报']);
  });

  it('keeps an English title’s colon on the company’s line when the rest needs two lines', () => {
    // As LibreOffice showed it before: "国网黄山供电公司" | ": 95598 customer complaints," | …
    expect(titleLines('国网黄山供电公司: 95598 customer complaints, November 2016')).toEqual([
      '国网黄山供电公司: ',
      '95598 customer complaints, ',
      'November 2016',
    ]);
  });

  it('leaves a short title whole', () => {
    expect(titleLines('国网黄山供电公司投诉通报')).toEqual(['国网黄山供电公司投诉通报']);
  });
});

describe('headingLines: a Chinese heading too wide for its column', () => {
  // At 五号 (10.5 pt) a Chinese character takes about 220 twips, a cell's margins 120.
  it.each([
    ['营业投诉', 800, ['营业', '投诉']],
    ['上年同期投诉', 1100, ['上年同期', '投诉']],
    // 上年同期 does not fit: still whole (halfway, 上年同 | 期投诉, broke a word until session 18);
    // the layout gives a column its heading's longest word.
    ['上年同期投诉', 800, ['上年同期', '投诉']],
    ['已达年度指标', 1100, ['已达', '年度指标']],
    ['前四周同日均值', 1000, ['前四周', '同日均值']],
    // Three lines, each whole words.
    ['早于受理时间', 500, ['早于', '受理', '时间']],
    // Word keeps it on one line: left whole.
    ['投诉同比', 1000, ['投诉同比']],
    ['complaints yoy', 600, ['complaints yoy']],
  ])('%s in %i twips: %j', (text, width, lines) => {
    expect(headingLines(text, width, 10.5)).toEqual(lines);
  });

  it('is written whole in the bulletin where the table has room for it on one line', () => {
    const whole = get('month').document;
    const doc = whole.slice(whole.indexOf('表3'), whole.indexOf('</w:tbl>', whole.indexOf('表3')));
    // 表3's heading: Word once ran the first line to the edge (上年同期投 | 诉); then it was
    // broken before its last word (上年同期 | 投诉) though the table had room to spare.
    expect(doc).toMatch(/<w:t[^>]*>上年同期投诉<\/w:t>/);
    expect(doc).not.toMatch(/>上年同期<\/w:t>/);
  });
});

describe('fill: water-filling word columns', () => {
  it.each([
    // wants, room, widths: short columns whole, the longest capped at what is left
    [[10, 20, 100], 90, [10, 20, 60]],
    [[10, 50, 100], 90, [10, 40, 40]],
    [[30, 30, 30], 60, [20, 20, 20]],
    // room to spare goes to every column alike
    [[10, 20], 60, [25, 35]],
  ])('%j in %i → %j', (wants, room, widths) => {
    expect(fill(wants, room)).toEqual(widths);
  });
});

describe('tableLayout of a day list (受理时间, unit, class, text, id)', () => {
  const list: Table = {
    columns: [
      { key: 'acceptedAt', label: 'acceptedAt', format: 'time' },
      { key: 'unit', label: 'unit', format: 'text' },
      { key: 'class', label: 'class', format: 'text' },
      { key: 'text', label: 'text', format: 'text' },
      { key: 'id', label: 'id', format: 'text' },
    ],
    rows: [
      {
        acceptedAt: '2016-06-30 08:37:15',
        unit: '国网黄山市屯溪区供电公司',
        class: '员工服务态度',
        text: '客户来电反映：'.repeat(11),
        id: '16063096691428',
      },
    ],
  };
  it('keeps a date, a unit’s half and the id unbroken, and gives the rest to the text', () => {
    const { size, widths } = tableLayout(list, 'zh', TEXT_WIDTH);
    const twips = (text: string) => ems(text) * size * 20;
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(widths[0]).toBeGreaterThan(twips('2016-06-30'));
    expect(widths[1]).toBeGreaterThan(twips('国网黄山市屯'));
    expect(widths[4]).toBeGreaterThan(twips('16063096691428'));
    expect(widths[3]).toBe(Math.max(...widths));
    expect(widths[3]).toBeGreaterThan(TEXT_WIDTH / 3);
  });
});

describe('tableLayout', () => {
  const unit = '国网黄山市徽州区供电公司';
  /** A unit and `columns - 1` figures: signed rates, or counts like a months table's. */
  const table = (columns: number, value = -0.4567): Table => ({
    columns: [
      { key: 'unit', label: 'unit', format: 'text' },
      ...Array.from({ length: columns - 1 }, (_, i) => ({
        key: `c${i}`,
        label: { text: `指标${i}名称` },
        format: Number.isInteger(value) ? ('int' as const) : ('change' as const),
      })),
    ],
    rows: [
      Object.fromEntries([
        ['unit', unit],
        ...Array.from({ length: columns - 1 }, (_, i) => [`c${i}`, value]),
      ]),
    ],
  });

  it.each([
    [4, -0.4567, '−45.67%'],
    [8, -0.4567, '−45.67%'],
    [13, 123, '123'],
  ])(
    'keeps a unit name and the figures on one line in %i columns, summing to the text width',
    (n, value, shown) => {
      const { size, widths } = tableLayout(table(n, value), 'zh', TEXT_WIDTH);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      expect(widths[0]).toBeGreaterThanOrEqual(ems(unit) * size * 20);
      expect(widths.slice(1).every((w) => w >= ems(shown) * size * 20)).toBe(true);
    },
  );

  it('takes the largest font the table fits: 四号 for a few columns, smaller for many', () => {
    expect(tableLayout(table(3), 'zh', TEXT_WIDTH).size).toBe(14);
    expect(tableLayout(table(8), 'zh', TEXT_WIDTH).size).toBeLessThan(14);
  });

  it('gives every column its share when even 小五 is too narrow, still summing to the width', () => {
    const { size, widths } = tableLayout(table(16), 'zh', TEXT_WIDTH);
    expect(size).toBe(9);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(Math.min(...widths)).toBeGreaterThan(0);
  });
});

describe('an English table of nine columns beside a Chinese unit name', () => {
  it('breaks no heading mid-word: each column holds its heading’s longest word', () => {
    const doc = get('quarter-en').document;
    const at = doc.indexOf('Table 1.');
    const table = doc.slice(at, doc.indexOf('</w:tbl>', at));
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const head = table.slice(0, table.indexOf('</w:tr>'));
    const cells = head.split('<w:tc>').slice(1);
    const texts = cells.map((c) =>
      [...c.matchAll(/<w:t(?: [^>]*)?>([^<]*)</g)].map((m) => m[1]).join(' '),
    );
    const size = Number(/<w:sz w:val="(\d+)"/.exec(head)![1]) / 2;
    expect(grid.length).toBe(9);
    // The narrow headings: "complaints yoy" and "share of complaints" broke "complai|nts", "ran|k".
    expect(texts).toEqual([
      '#',
      'unit',
      'complaints',
      'assessed',
      // The quarter's share of the annual target (26 × 3/12 = 6.5), not the target itself.
      'prorated target',
      'over-target rate',
      'share',
      'yoy',
      'mom',
    ]);
    texts.forEach((text, i) => {
      const word = Math.max(...text.split(/(?<=[\s-])/).map((w) => ems(w.trim())));
      expect(grid[i]).toBeGreaterThanOrEqual(word * size * 20 + 100);
    });
  });
});

describe('an empty table cell', () => {
  it('is as tall as the others: its paragraph mark is at the table’s size', () => {
    const doc = get('quarter-en').document;
    const at = doc.indexOf('Table 2.');
    const table = doc.slice(at, doc.indexOf('</w:tbl>', at));
    // 国网黄山市屯溪区供电公司 has not reached its annual target: that cell is empty.
    const empty = [...table.matchAll(/<w:p>(?:(?!<\/w:p>).)*<w:t xml:space="preserve"><\/w:t>/g)];
    expect(empty.length).toBeGreaterThan(0);
    const marks = [...table.matchAll(/<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>/g)].map((m) => m[0]);
    const runs = [...table.matchAll(/<w:r><w:rPr>(?:(?!<\/w:rPr>).)*<w:sz w:val="(\d+)"/g)];
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toContain(`<w:sz w:val="${runs[0]![1]}"/>`);
  });
});

describe('the Word renderer', () => {
  it.each(['src/report/docx.ts'])('%s reaches neither src/metrics nor the pipeline', (file) => {
    const reached = reach(file, (_edge, from) => from.startsWith('src/report/'));
    const computing = [...reached.keys()].filter(
      (target) => target.startsWith('src/metrics/') || target === 'src/pipeline.ts',
    );
    expect(computing).toEqual([]);
  });
});
