/**
 * The bulletin, honest (review 2, items 10 and 12, and the lead's note on 表3): a period of
 * more than one month states its 月均下降率 with the months it runs over, a year adds its months
 * as a table, columns with no value in any row are left out and said once, and the first-level
 * table is ranked as its sentence. Numbers hand-checked on the fixtures.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { buildReportModel } from '../../src/report/model.js';
import { paragraphText, type Bulletin } from '../../src/report/types.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';

const METRICS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const SERIES = ['fixtures/metrics/95598-2016-04-12-series.csv'];

async function bulletin(inputs: string[], options: CommandLineOptions): Promise<Bulletin> {
  const result = await runPipeline(await resolveSettings({ inputs, options }, null, 'report'));
  const lang = options.lang === 'en' ? 'en' : 'zh';
  return buildReportModel({ result, lang, generatedAt: '2017-01-05 08:00 UTC+08:00' }).bulletin;
}

const texts = (b: Bulletin, key: string) =>
  b.sections.find((s) => s.key === key)!.paragraphs.map(paragraphText);
const all = (b: Bulletin) => b.sections.flatMap((s) => s.paragraphs.map(paragraphText)).join('\n');

describe('月均下降率 in 总体情况', () => {
  it('a year: both rates over its months, rising said as a rise; its months as a table', async () => {
    // 2016 by month: 14 12 15 17 21 24 27 25 20 18 16 17. The monthly reductions (−环比, Feb–Dec)
    // +14.29 −25 −13.33 −23.53 −14.29 −12.5 +7.41 +20 +10 +11.11 −6.25 sum to −32.09%: −2.92% a
    // month; compound 1 − (17/14)^(1/11) = −1.78%.
    const b = await bulletin(METRICS, { year: '2016' });
    expect(texts(b, 'overall')[1]).toBe(
      '月均下降率：按各月环比的算术平均，2016年投诉月均上升2.92%；按首末两月复合计算，月均上升1.78%。',
    );
    const overall = b.sections.find((s) => s.key === 'overall')!;
    const months = overall.tables[0]!;
    expect(months.caption).toBe('表1　各月投诉情况');
    expect(months.columns.map((c) => c.key)).toEqual([
      'month',
      'complaints',
      'assessed',
      'mom',
      'yoy',
    ]);
    expect(months.rows.map((r) => r.complaints)).toEqual([
      14, 12, 15, 17, 21, 24, 27, 25, 20, 18, 16, 17,
    ]);
    expect(months.totals).toMatchObject({ month: '合计', complaints: 226, assessed: 146 });
    const en = await bulletin(METRICS, { year: '2016', lang: 'en' });
    expect(texts(en, 'overall')[1]).toBe(
      'Average monthly reduction: as the mean of the monthly changes, over 2016, complaints rose by 2.92% a month; compounded from the first month to the last, they rose by 1.78% a month.',
    );
  });

  it('a quarter: over its three months, no month table; a month: none', async () => {
    // Q4 2016: 18 16 17 (September 20). Reductions Nov +11.11%, Dec −6.25%: mean +2.43%;
    // compound 1 − (17/18)^(1/2) = +2.82%.
    const q = await bulletin(METRICS, { quarter: '2016Q4' });
    expect(texts(q, 'overall')[1]).toBe(
      '月均下降率：按各月环比的算术平均，2016年10–12月投诉月均下降2.43%；按首末两月复合计算，月均下降2.82%。',
    );
    expect(q.sections.find((s) => s.key === 'overall')!.tables).toEqual([]);
    const qEn = await bulletin(METRICS, { quarter: '2016Q4', lang: 'en' });
    expect(texts(qEn, 'overall')[1]).toMatch(
      /over October–December 2016, complaints fell by 2\.43% a month;/,
    );
    expect(all(await bulletin(METRICS, { month: '2016-11' }))).not.toContain('月均');
  });

  it('the span narrows to the months the data covers: the series file from April', async () => {
    const b = await bulletin(SERIES, { year: '2016' });
    expect(texts(b, 'overall')[1]).toMatch(
      /^月均下降率：按各月环比的算术平均，2016年4–12月投诉月均下降/,
    );
  });
});

describe('the months table', () => {
  it('a month no input covers shows "-", not 0; the rates run over the months covered', async () => {
    const b = await bulletin(SERIES, { from: '2016-01', to: '2016-06' });
    const table = b.sections.find((s) => s.key === 'overall')!.tables[0]!;
    expect(table.rows.map((r) => [r.month, r.complaints])).toEqual([
      ['2016年1月*', null],
      ['2016年2月*', null],
      ['2016年3月*', null],
      ['2016年4月', 409],
      ['2016年5月', 352],
      ['2016年6月', 318],
    ]);
    // 409 → 352 → 318: reductions 13.94% and 9.66%, mean 11.80%; 1 − (318/409)^(1/2) = 11.82%.
    expect(texts(b, 'overall')[1]).toBe(
      '月均下降率：按各月环比的算术平均，2016年4–6月投诉月均下降11.8%；按首末两月复合计算，月均下降11.82%。',
    );
  });
});

describe('bulletin tables without empty columns', () => {
  it('a month without its year earlier: 投诉同比 and 上年同期投诉 left out, said once', async () => {
    const b = await bulletin(SERIES, { month: '2016-11' });
    const keys = b.sections.flatMap((s) => s.tables.map((t) => t.columns.map((c) => c.key)));
    for (const k of keys) expect(k).not.toContain('yoy');
    expect(keys.flat()).not.toContain('previous');
    // The 环比 column has values: kept.
    expect(keys[0]).toContain('mom');
    const said = all(b).match(/表[\d、表]*未列出[^。]*。/g);
    expect(said).toEqual([
      // 表1 (本月) loses 投诉同比, 表3 (一级分类) both; 表2 (累计) has both. Each table is said
      // with what it lost: "表1、表3未列出投诉同比、上年同期投诉" said 表1 lacked a column it never had.
      '表1未列出投诉同比；表3未列出上年同期投诉、投诉同比（各行均无数值：上年同期无可比数据）。',
    ]);
    expect(texts(b, 'units')).toContain(said![0]);
  });

  it('columns with values everywhere are all kept, and nothing is said', async () => {
    const b = await bulletin(METRICS, { month: '2016-11' });
    expect(all(b)).not.toContain('未列出');
    expect(
      b.sections.find((s) => s.key === 'units')!.tables[0]!.columns.map((c) => c.key),
    ).toContain('yoy');
  });
});

describe('表 of first-level classes', () => {
  it('ranked as its sentence: most complaints first, the taxonomy order among equals', async () => {
    const b = await bulletin(METRICS, { year: '2016' });
    const table = b.sections.find((s) => s.key === 'categories')!.tables[0]!;
    expect(table.rows.map((r) => [r.name, r.complaints])).toEqual([
      ['营业投诉', 85],
      ['停送电投诉', 56],
      ['服务投诉', 31],
      ['供电质量投诉', 29],
      ['电网建设投诉', 25],
    ]);
    expect(texts(b, 'categories')[0]).toMatch(
      /^从一级分类看，一是营业投诉85件.*二是停送电投诉56件.*三是服务投诉31件.*四是供电质量投诉29件.*五是电网建设投诉25件/,
    );
  });
});
