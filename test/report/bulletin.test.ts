/**
 * The bulletin's text against the analysis: every figure of every sentence is resolved in the
 * JSON result by its source path and must print as that value does; no digit of a paragraph
 * stands outside a figure; and the sentences of the 2016 fixtures read as hand-checked (the
 * published figures: 16 complaints in November 2016, +14.29% on 14 a year earlier, 226 in the
 * year, 146 assessed against 125, +16.8%).
 */
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { formatCount, formatPercent } from '../../src/report/format.js';
import { resultJson } from '../../src/report/json.js';
import { buildReportModel } from '../../src/report/model.js';
import {
  paragraphText,
  type Bulletin,
  type Figure,
  type FigureSource,
  type Paragraph,
  type Table,
} from '../../src/report/types.js';
import { resolveSettings } from '../../src/settings/resolve.js';
import type { CommandLineOptions } from '../../src/settings/types.js';

const METRICS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = 'fixtures/metrics/targets-2016.csv';
const COVERAGE = ['fixtures/coverage/95598-2015.xlsx', 'fixtures/coverage/95598-2016-1226.xlsx'];
const CHANNELS = ['fixtures/breakdown/95598-2015Q4-2016Q4-channels.csv'];
const REVISIONS = [
  'fixtures/revisions/95598-2016-10.xlsx',
  'fixtures/revisions/95598-2016-10-11.csv',
];
const CORRECTIONS = 'fixtures/revisions/corrections-2016-10.csv';
const DAYS = [
  'fixtures/days/95598-2016-0523-0703.xlsx',
  'fixtures/days/95598-2016-shexian-gb18030.csv',
  'fixtures/days/95598-2015-06.csv',
];

async function run(
  inputs: string[],
  options: CommandLineOptions,
  command: 'report' | 'analyze' = 'report',
) {
  const result = await runPipeline(await resolveSettings({ inputs, options }, null, command));
  const lang = options.lang === 'en' ? 'en' : 'zh';
  const model = buildReportModel({ result, lang, generatedAt: '2017-01-05 08:00 UTC+08:00' });
  // Through text, as a reader of the JSON gets it.
  const json = JSON.parse(JSON.stringify(resultJson(result))) as unknown;
  return { result, bulletin: model.bulletin, json, model };
}

/** `units[国网歙县供电公司].yoy` → the value in the JSON result; array elements by their key. */
export function resolvePath(json: unknown, path: string): unknown {
  let at: unknown = json;
  for (const segment of path.match(/[^.[\]]+(?:\[[^\]]+\])?/g) ?? []) {
    const [, name, key] = /^([^[]+)(?:\[([^\]]+)\])?$/.exec(segment)!;
    at = (at as Record<string, unknown>)[name!];
    if (key !== undefined) {
      if (!Array.isArray(at)) throw new Error(`${path}: ${name} is not a list`);
      at = at.find((x: Record<string, unknown>) =>
        [x.unit, x.month, x.code, x.name, x.key, x.day, x.word].includes(key),
      );
    }
    if (at === undefined) throw new Error(`${path}: nothing at ${segment}`);
  }
  return at;
}

function valueOf(json: unknown, source: FigureSource): unknown {
  if (typeof source === 'string') return resolvePath(json, source);
  if ('divide' in source) {
    const [a, b] = source.divide.map((p) => resolvePath(json, p) as number);
    return a! / b!;
  }
  const [a, b] = source.minus.map((p) => resolvePath(json, p) as number);
  return a! - b!;
}

/** What a figure's text must be, printed from its value in the JSON. */
function expectFigure(json: unknown, f: Figure): void {
  const value = valueOf(json, f.source);
  const where = `${JSON.stringify(f.source)} → ${JSON.stringify(value)}`;
  switch (f.as) {
    case 'count':
      expect(typeof value, where).toBe('number');
      // Chinese text has no thousands separators: 1695件.
      expect(
        [formatCount(value as number), formatCount(value as number).replace(/,/g, '')],
        where,
      ).toContain(f.text);
      // and the number read back from the text is the value (to two decimals: a prorated target)
      expect(Number(f.text.replace(/,/g, '')), where).toBeCloseTo(value as number, 2);
      return;
    case 'rate':
      expect(f.text, where).toBe(formatPercent(Math.abs(value as number)));
      // read back, within the half of the last printed decimal (0.005 of a percent)
      expect(
        Math.abs(Number(f.text.replace('%', '')) / 100 - Math.abs(value as number)),
        where,
      ).toBeLessThanOrEqual(0.00005 + 1e-12);
      return;
    case 'name':
      // An input by its file name, as the sources line names it (its folders in the JSON).
      if (typeof f.source === 'string' && /^inputs\.\d+\.file$/.test(f.source))
        expect([value, String(value).split('/').at(-1)], where).toContain(f.text);
      else expect(f.text, where).toBe(value);
      return;
    case 'fixed':
      expect(f.text, where).toBe((value as number).toFixed(2));
      return;
    case 'hours':
      expect(Number(f.text), where).toBeCloseTo(value as number, 1);
      return;
    case 'average':
      // Whole without decimals (6件, not 6.00件), else to two decimals.
      expect(f.text, where).toBe(
        Number.isInteger(value) ? String(value) : (value as number).toFixed(2),
      );
      return;
    case 'period': {
      // Every number of a period's words is a year, month or day of the value it names.
      const digits = new Set(
        (JSON.stringify(value).match(/\d+/g) ?? []).flatMap((d) => [d, String(Number(d))]),
      );
      for (const d of f.text.match(/\d+/g) ?? []) expect(digits, where).toContain(d);
      expect(f.text.match(/\d/), `${where}: a period names a year, month or day`).not.toBeNull();
    }
  }
}

function paragraphs(b: Bulletin): Paragraph[] {
  return b.sections.flatMap((s) => s.paragraphs);
}

/** Traces every number of the bulletin to the JSON result. */
function expectTraced(b: Bulletin, json: unknown): number {
  let figures = 0;
  for (const p of paragraphs(b)) {
    const words = p.runs.filter((r): r is string => typeof r === 'string').join('|');
    // A note on the bulletin's own tables names them by number (表2, Tables 1 and 3): no figure.
    const unnamed = p.ofTables
      ? words.replace(/表\d+|Tables? \d+(?:(?:, | and )\d+)*/g, '')
      : words;
    expect(unnamed, `a number outside a figure in: ${paragraphText(p)}`).not.toMatch(/\d/);
    for (const r of p.runs)
      if (typeof r !== 'string') {
        expectFigure(json, r);
        figures++;
      }
  }
  return figures;
}

const CASES: [string, string[], CommandLineOptions][] = [
  ['month 2016-11', METRICS, { targets: TARGETS, month: '2016-11' }],
  ['quarter 2016Q4', METRICS, { targets: TARGETS, quarter: '2016Q4' }],
  ['year 2016', METRICS, { targets: TARGETS, year: '2016' }],
  [
    'quarter, prorated, en',
    METRICS,
    { targets: TARGETS, quarter: '2016Q2', prorate: true, lang: 'en' },
  ],
  ['year without targets, en', METRICS, { year: '2016', lang: 'en' }],
  ['month 2016-03, en', METRICS, { targets: TARGETS, month: '2016-03', lang: 'en' }],
  ['a partial December', COVERAGE, { month: '2016-12' }],
  ['a year ending in a partial December, en', COVERAGE, { year: '2016', lang: 'en' }],
  [
    'limits in working days',
    METRICS,
    { targets: TARGETS, year: '2016', replyLimit: '1wd', closeLimit: '4wd' },
  ],
  [
    'limits in working days, en',
    METRICS,
    { targets: TARGETS, month: '2016-10', replyLimit: '24h', closeLimit: '4wd', lang: 'en' },
  ],
  ['day 2016-06-30', DAYS, { day: '2016-06-30' }],
  ['day 2016-06-30, en', DAYS, { day: '2016-06-30', lang: 'en' }],
  ['week 2016-W25', DAYS, { week: '2016-W25', targets: TARGETS }],
  ['week 2016-W26, partly covered, en', DAYS, { week: '2016-W26', lang: 'en' }],
  ['a quarter the data starts in (23 May)', DAYS, { quarter: '2016Q2' }],
  ['a range of days', DAYS, { from: '2016-06-01', to: '2016-06-15' }],
  ['by channel (12398 a channel)', CHANNELS, { month: '2016-11', by: ['channel'] }],
  [
    'by unit × first-level class, en',
    CHANNELS,
    { quarter: '2016Q4', by: ['unit', 'level1'], lang: 'en' },
  ],
  ['by unit in a partial December', COVERAGE, { month: '2016-12', by: ['unit'] }],
  ['October with corrections by hand', REVISIONS, { month: '2016-10', corrections: CORRECTIONS }],
  [
    'October with corrections by hand, en',
    REVISIONS,
    { month: '2016-10', corrections: CORRECTIONS, lang: 'en' },
  ],
];

describe('every number of the bulletin is the JSON result’s', () => {
  it.each(CASES)('%s', async (_name, inputs, options) => {
    const { bulletin, json } = await run(inputs, options);
    expect(bulletin.sections.length).toBeGreaterThan(2);
    for (const s of bulletin.sections) expect(s.paragraphs.length, s.heading).toBeGreaterThan(0);
    expect(expectTraced(bulletin, json)).toBeGreaterThan(20);
  });
});

describe('the sentences, hand-checked on the 2016 fixtures', () => {
  const text = (b: Bulletin, key: string) =>
    b.sections.find((s) => s.key === key)!.paragraphs.map(paragraphText);

  it('October 2016 with a corrections file: how many complaints a person ruled on', async () => {
    // corrections-2016-10.csv: rows 2–5 apply to October complaints, rows 6–7 to none.
    const { bulletin: b } = await run(REVISIONS, { month: '2016-10', corrections: CORRECTIONS });
    expect(text(b, 'attention')).toContain('4件投诉按人工复核结果统计（分类或是否考核有调整）。');
    const { bulletin: plain } = await run(REVISIONS, { month: '2016-10' });
    expect(text(plain, 'attention').join('')).not.toContain('人工复核');
  });

  it('a day with one week behind it: its average is over "1 week", en', async () => {
    // The 2016 export starts on Monday 23 May: Monday 30 May has one Monday before it.
    const { bulletin: b } = await run(DAYS, { day: '2016-05-30', lang: 'en' });
    expect(text(b, 'overall')[0]).toContain(
      'the same weekday averaged 6 over the 1 week before, and the day was level with it',
    );
    const { bulletin: two } = await run(DAYS, { day: '2016-06-06', lang: 'en' });
    expect(text(two, 'overall')[0]).toContain('over the 2 weeks before');
  });

  it('a week whose two largest first-level classes are level: none of them "led", en', async () => {
    // 2016-W26: 营业投诉 and 供电质量投诉 8 each, then 服务投诉 7, 停送电投诉 5, 电网建设投诉 3.
    const { bulletin: b } = await run(DAYS, { week: '2016-W26', lang: 'en' });
    expect(text(b, 'categories')[0]).toBe(
      'By first-level class: Business and billing 8 (25.81%), Supply quality 8 (25.81%), Service 7 (22.58%), Outage and restoration 5 (16.13%), and Grid construction 3 (9.68%).',
    );
    const { bulletin: zh } = await run(DAYS, { week: '2016-W26' });
    expect(text(zh, 'categories')[0]).toMatch(
      /^从一级分类看，一是营业投诉8件，占25.81%；二是供电质量投诉8件/,
    );
  });

  it('November 2016: the month, its year to date, the units over their annual target', async () => {
    const { bulletin: b } = await run(METRICS, { targets: TARGETS, month: '2016-11' });
    expect(b.title).toBe('国网黄山供电公司2016年11月95598客户投诉分析通报');
    expect(b.subtitle).toBe('统计期间：2016年11月（1 个月）；同比基期：2015年11月');
    expect(b.closing).toEqual({
      sources:
        '来源：95598-2015.xlsx，95598-2016-01-06.xlsx，95598-2016-06-12-gb18030.csv；生成于 2017-01-05 08:00 UTC+08:00',
      date: '2017年1月5日',
    });
    expect(b.sections.map((s) => s.heading)).toEqual([
      '一、总体情况',
      '二、分单位情况',
      '三、分类及热点',
      '四、重复投诉',
      '五、时效与满意度',
      '六、需关注事项',
    ]);
    const overall = text(b, 'overall');
    expect(overall[0]).toBe(
      '2016年11月，共受理客户投诉16件，同比上升14.29%（上年同期14件），环比下降11.11%（上月18件），万户投诉率0.19；其中申诉成功6件，考核投诉10件。',
    );
    expect(overall[1]).toBe(
      '2016年1–11月累计受理客户投诉209件，同比上升26.67%（上年同期165件）；其中申诉成功73件，考核投诉136件。年度指标125件，超年度指标8.8%；8个有指标的单位中，已有6个达到或超过年度指标。',
    );
    const units = text(b, 'units');
    expect(units[0]).toBe(
      '分单位看，考核投诉较多的是国网歙县供电公司（3件）和国网祁门县供电公司、国网黄山供电公司(市直)（各2件），其余单位各1件；国网黄山市屯溪区供电公司和国网黄山市徽州区供电公司无考核投诉。',
    );
    // Each unit's figures said in words, never "28件/26件" (read as a fraction); the year to
    // date's assessed against the annual target, as `analyze` prints them (31 / 28, 28 / 26 …).
    expect(units[1]).toBe(
      '累计考核投诉已达到或超过年度指标的单位有6个：国网黄山供电公司(市直)（累计31件，年度指标28件）、国网歙县供电公司（累计28件，年度指标26件）、国网黄山市黄山区供电公司（累计22件，年度指标16件）、国网休宁县供电公司（累计17件，年度指标15件）、国网黄山市徽州区供电公司（累计11件，年度指标8件）和国网祁门县供电公司（累计10件，年度指标9件）。',
    );
    const { bulletin: en } = await run(METRICS, { targets: TARGETS, month: '2016-11', lang: 'en' });
    expect(text(en, 'units')[1]).toBe(
      'Units at or over the annual target in the year to date (6): 国网黄山供电公司(市直) (31 assessed, annual target 28), 国网歙县供电公司 (28 assessed, annual target 26), 国网黄山市黄山区供电公司 (22 assessed, annual target 16), 国网休宁县供电公司 (17 assessed, annual target 15), 国网黄山市徽州区供电公司 (11 assessed, annual target 8) and 国网祁门县供电公司 (10 assessed, annual target 9).',
    );
    // 祁门 rose from 0 to 3: a count, never a rate on a zero base.
    expect(units[2]).toBe(
      '投诉同比增加最多的是国网祁门县供电公司（增加3件）；投诉同比减少最多的是国网黄山市屯溪区供电公司（减少3件）。',
    );
    // 营业 fell from 9 to 7, a base under ten: said as a count; 停送电 3 → 3 持平.
    expect(text(b, 'categories')[0]).toBe(
      '从一级分类看，一是营业投诉7件，占43.75%，同比减少2件；二是服务投诉5件，占31.25%，同比增加4件；三是停送电投诉3件，占18.75%，同比持平；四是电网建设投诉1件，占6.25%，同比增加1件。',
    );
    expect(text(b, 'timeliness')[1]).toBe('回访满意率76.92%（满意10件，一般2件，不满意1件）。');
    expect(b.sections.flatMap((s) => s.tables.map((t) => t.caption))).toEqual([
      '表1　本月：2016年11月（同比基期：2015年11月）',
      '表2　累计：2016年1–11月（与年度指标比较）',
      '表3　一级分类投诉情况',
    ]);
  });

  it('January 2016: no month of the year before it, so no sentence about a year to date', async () => {
    // It used to print "，不作累计分析。" alone: the months without data it names were none.
    for (const lang of ['zh', 'en'] as const) {
      const { bulletin: b } = await run(METRICS, { targets: TARGETS, month: '2016-01', lang });
      const overall = text(b, 'overall');
      expect(overall.join('\n')).not.toMatch(/不作累计分析|no year to date/);
      for (const p of overall) expect(p).toMatch(/^[\p{Script=Han}0-9A-Z]/u);
    }
  });

  it('2016Q4: the rising classes keep a tie whole, as the hot spots do', async () => {
    // 热点 sheet: 供电设施 +4, 停送电信息公告 and 供电可靠性 +3, then three at +2 (服务态度,
    // 停电计划执行, 电能计量). Naming two of the three would say 电能计量 rose less; none is named.
    const { bulletin: b } = await run(METRICS, { targets: TARGETS, quarter: '2016Q4' });
    expect(text(b, 'categories')).toContain(
      '与上年同期相比，增加较多的二级分类有供电设施（由0件增至4件）、停送电信息公告（由3件增至6件）和供电可靠性（由2件增至5件）。',
    );
  });

  it('a month the data starts in is said from its first day, never "截至" its last', async () => {
    // fixtures/days: the 2016 export runs from 23 May; April has no data.
    const { bulletin: b } = await run(DAYS, { quarter: '2016Q2' });
    const all = b.sections.flatMap((s) => s.paragraphs.map(paragraphText)).join('\n');
    expect(text(b, 'overall')[0]).toMatch(
      /^2016年第二季度（2016年4月无数据，2016年5月数据自5月23日起，/,
    );
    expect(all).not.toContain('截至5月31日');
    const { bulletin: en } = await run(DAYS, { quarter: '2016Q2', lang: 'en' });
    expect(text(en, 'overall')[0]).toContain('May 2016 starts only on 23 May');
  });

  it('says a limit in working days as 个工作日, figures from limit.value', async () => {
    const workdays = 'fixtures/workdays/95598-2016-10-gb18030.csv';
    const { bulletin: b, json } = await run([workdays], { replyLimit: '1wd', closeLimit: '4wd' });
    // fixtures/workdays/expected.json: 2 of 10 replies past 1 working day, 3 of 9 closings past 4.
    expect(text(b, 'timeliness')[0]).toBe(
      '回复平均用时49.8小时（中位27.3小时），有时间记录的10件中超过1个工作日的2件，占20%；办结平均用时168.7小时（中位139.9小时），有时间记录的9件中超过4个工作日的3件，占33.33%。',
    );
    expect(expectTraced(b, json)).toBeGreaterThan(10);
    const en = await run([workdays], { replyLimit: '24h', closeLimit: '4wd', lang: 'en' });
    expect(text(en.bulletin, 'timeliness')[0]).toBe(
      'Replies took 49.8 hours on average (median 27.3); of the 10 timed, 6 took over 24 hours (60%). Closing took 168.7 hours on average (median 139.9); of the 9 timed, 3 took over 4 working days (33.33%).',
    );
  });

  it('without a targets file, no table says it is held against the annual targets', async () => {
    const { bulletin: b } = await run(METRICS, { month: '2016-11' });
    expect(b.sections.flatMap((s) => s.tables.map((t) => t.caption))).toEqual([
      '表1　本月：2016年11月（同比基期：2015年11月）',
      '表2　累计：2016年1–11月',
      '表3　一级分类投诉情况',
    ]);
    expect(b.sections.flatMap((s) => s.paragraphs.map(paragraphText)).join('')).not.toContain(
      '指标',
    );
  });

  it('names the unsubstantiated complaints only when they are taken off the assessed', async () => {
    const { bulletin: b } = await run(METRICS, {
      targets: TARGETS,
      month: '2016-11',
      excludeUnsubstantiated: true,
    });
    // 16 − 6 appeal-approved − 2 unsubstantiated = 8 assessed.
    expect(text(b, 'overall')[0]).toMatch(/；其中申诉成功6件、核实不属实2件，考核投诉8件。$/);
  });

  it('June 2016: the year to date as the share of the annual target used, and the units ahead of pace', async () => {
    const { bulletin: b } = await run(METRICS, { targets: TARGETS, month: '2016-06' });
    // 71 of 125 = 56.8%; no unit has reached its target yet.
    expect(text(b, 'overall')[1]).toBe(
      '2016年1–6月累计受理客户投诉103件，同比上升32.05%（上年同期78件）；其中申诉成功32件，考核投诉71件。年度指标125件，已用56.8%；8个有指标的单位中，尚无单位达到年度指标。',
    );
    // 歙县: 17 assessed by June against 26 for the year, more than half of it (13): ahead of pace.
    // 屯溪 (12 for the year) and 黟县 (11) are within theirs: not named.
    // analyze --out x.md has no early warning: the pace names the units at risk.
    const { bulletin: paced } = await run(
      METRICS,
      { targets: TARGETS, month: '2016-06' },
      'analyze',
    );
    const risk = text(paced, 'attention')[0]!;
    expect(risk).toMatch(
      /^累计考核投诉已超过时间进度（6个月）、尚未达到年度指标的单位：国网歙县供电公司（累计17件，年度指标26件，剩余指标9件）、/,
    );
    expect(risk).not.toMatch(/屯溪|黟县/);
    // report judges the early warning instead, from the same month.
    expect(text(b, 'attention')[0]).toMatch(
      /^2016年6月预警情况：红色预警为.*国网歙县供电公司（预计全年将达到年度指标）/,
    );
    // The most serious first within a level, not by character code: at red, 歙县 (17 of its 26)
    // before 黄山区 (a spike, no target passed); at yellow, by assessed against the annual
    // target: 祁门 6/9, 徽州 5/8, 休宁 9/15, 屯溪 6/12, all four for the same reason, said once.
    // One colon, levels apart by ；.
    expect(text(b, 'attention')[0]).toMatch(
      /^2016年6月预警情况：红色预警为国网歙县供电公司（[^）]+）、国网黄山市黄山区供电公司（本期投诉异常增多）；黄色预警为国网祁门县供电公司、国网黄山市徽州区供电公司、国网休宁县供电公司、国网黄山市屯溪区供电公司（均为[^）]+）。/,
    );
  });

  it('the early warning: the 预警 sheet named inside the workbook, else the period’s workbook, no command', async () => {
    const result = await runPipeline(
      await resolveSettings(
        { inputs: METRICS, options: { targets: TARGETS, month: '2016-06' } },
        null,
        'report',
      ),
    );
    const attention = (workbook: boolean) =>
      text(
        buildReportModel({ result, lang: 'zh', generatedAt: '2017-01-05 08:00', workbook })
          .bulletin,
        'attention',
      ).find((p) => p.startsWith('2016年6月预警情况：'))!;
    expect(attention(true)).toMatch(/各单位的数字见报表“预警”表。$/);
    expect(attention(false)).toMatch(/各单位的数字见同期投诉分析报表的“预警”表。$/);
    expect(attention(false)).not.toContain('见报表“预警”表');
    // A manager reads it: no command named, no English word.
    expect(attention(false)).not.toMatch(/[A-Za-z]/);
    // The 2016 exports have no 是否越级 column: the bulletin says escalation was not judged.
    expect(attention(false)).toContain('未能判断越级投诉（缺少相应的列或数据）。');
  });

  it('a month covered in part: no early warning, and the bulletin says so and why', async () => {
    // December 2016 runs to the 26th only: no month of the period is covered whole.
    const { bulletin: b, result } = await run(COVERAGE, { month: '2016-12' });
    expect(result.earlyWarning).toBeNull();
    expect(text(b, 'attention')).toContain(
      '本期没有一个月份的数据完整，未作预警（不完整月份的投诉数偏低，会被误读为下降）。最近一个完整月份的预警见该月投诉分析报表的“预警”表。',
    );
    // The year of the same data judges November, the latest month covered whole.
    const year = await run(COVERAGE, { year: '2016' });
    expect(text(year.bulletin, 'attention').join('')).toMatch(/2016年11月预警情况：/);
  });

  it('a series without 办结时间: no unit red for work orders "past the limit" (they were never judged)', async () => {
    const { bulletin: b, result } = await run(['fixtures/metrics/95598-2016-04-12-series.csv'], {
      month: '2016-11',
    });
    expect(result.earlyWarning!.units.every((u) => u.level === 'green')).toBe(true);
    const said = text(b, 'attention').join('');
    expect(said).not.toContain('工单超时）');
    expect(said).toContain('2016年11月预警情况：没有单位达到黄色或红色预警。');
    expect(said).toContain('工单超时（缺少相应的列或数据）');
  });

  it('2016: the year against the annual targets, with rates where the base is ten or more', async () => {
    const { bulletin: b } = await run(METRICS, { targets: TARGETS, year: '2016' });
    expect(text(b, 'overall')[0]).toBe(
      '2016年，共受理客户投诉226件，同比上升25.56%（上年同期180件），万户投诉率2.62；其中申诉成功80件，考核投诉146件。年度指标125件，超年度指标16.8%；有指标的8个单位中超指标6个。',
    );
    expect(b.sections.some((s) => s.key === 'attention')).toBe(true);
    // The months table says its months as the text does: 2016年1月, January 2016.
    const months = (t: Bulletin) =>
      t.sections.flatMap((s) => s.tables).find((x) => x.columns[0]!.key === 'month')!;
    expect(months(b).rows.map((r) => r.month)).toEqual(
      [...Array(12)].map((_, i) => `2016年${i + 1}月`),
    );
    // January 2016: 14 complaints, 12 assessed (the 月度趋势 sheet's first row).
    expect(months(b).rows[0]).toMatchObject({ complaints: 14, assessed: 12 });
    const { bulletin: en } = await run(METRICS, { targets: TARGETS, year: '2016', lang: 'en' });
    expect(
      months(en)
        .rows.map((r) => r.month)
        .slice(0, 2),
    ).toEqual(['January 2016', 'February 2016']);
    expect(months(en).rows[11]!.month).toBe('December 2016');
    // 停送电 56 against 23 a year earlier: up 33, 33 / 23 = 143.48%, said without a bracket
    // inside the class's bracket.
    expect(text(en, 'categories')[0]).toContain(
      'followed by Outage and restoration with 56 (24.78%, up 33 or 143.48% on a year earlier), Service with 31 (13.72%, down 11 or 26.19% on a year earlier)',
    );
  });

  it('June 2016: a hot word a longer one holds in every text is named once (尽快恢复, not 恢复 too)', async () => {
    // The five June texts that say 恢复 all say 尽快恢复 (恢复送电 … 尽快恢复供电): one topic, one
    // name; 停电 and 线路 in 5 texts, 承诺 and 申请 in 4 (the tie of 4 named whole).
    const { bulletin: b } = await run(METRICS, { targets: TARGETS, month: '2016-06' });
    const hot = text(b, 'categories').find((p) => p.startsWith('从受理内容看'));
    expect(hot).toBe(
      '从受理内容看，本期投诉热词主要是停电（5件）、尽快恢复（5件）、线路（5件）、承诺（4件）和申请（4件）。',
    );
  });

  it('no English sentence holds a bracket inside a bracket', async () => {
    for (const [, inputs, options] of CASES.filter(([, , o]) => o.lang === 'en')) {
      const { bulletin: b } = await run(inputs, options);
      for (const p of b.sections.flatMap((s) => s.paragraphs.map(paragraphText)))
        expect(p).not.toMatch(/\([^)]*\(/);
    }
  });

  it('a December the data covers to the 26th is said to be incomplete and not compared', async () => {
    const { bulletin: b } = await run(COVERAGE, { month: '2016-12' });
    const overall = text(b, 'overall');
    expect(overall[0]).toBe(
      '2016年12月（数据截至12月26日，数据不完整，相关数字偏低，不作同比），共受理客户投诉30件；其中申诉成功7件，考核投诉23件。',
    );
    expect(overall[1]).toContain(
      '（2016年12月数据截至12月26日，数据不完整，相关数字偏低，不作同比）',
    );
    expect(text(b, 'attention').join('')).toContain('数据不完整：2016年12月数据截至12月26日。');
    // No rate of any kind against a whole month a year earlier: not for the units, nor the classes.
    const all = b.sections.flatMap((s) => s.paragraphs.map(paragraphText)).join('');
    expect(all).not.toMatch(/[同环]比(上升|下降|增加|减少|持平)/);
    expect(
      b.sections
        .find((s) => s.key === 'units')!
        .paragraphs.map(paragraphText)
        .join(''),
    ).not.toContain('最多的是国网黄山供电公司(市直)（减少');
  });

  it('with --include-partial the partial December is still said, and compared as whole', async () => {
    const { bulletin: b } = await run(COVERAGE, { month: '2016-12', includePartial: true });
    expect(text(b, 'overall')[0]).toMatch(
      /^2016年12月（数据截至12月26日，数据不完整，相关数字偏低），共受理客户投诉30件，同比下降37.5%（上年同期48件）/,
    );
  });

  it('--by channel, 2016Q4 (fixtures/breakdown/expected.json): groups with share and change', async () => {
    // 96 complaints; 95598电话 37 (46 a year earlier), 网上国网 27 (26), blank 14 (5), 12398 11
    // (10), 微信公众号 7 (8): rates on bases of ten or more, counts below.
    const { bulletin } = await run(CHANNELS, { quarter: '2016Q4', by: ['channel'] });
    expect(text(bulletin, 'breakdowns')).toEqual([
      '按受理渠道分，95598电话（37件，占38.54%，同比下降19.57%）；网上国网（27件，占28.13%，同比上升3.85%）；' +
        '未填受理渠道（14件，占14.58%，同比增加9件）；12398（11件，占11.46%，同比上升10%）；微信公众号（7件，占7.29%，同比减少1件）。',
    ]);
    const section = bulletin.sections.find((s) => s.key === 'breakdowns')!;
    expect(section.heading).toBe('四、分项情况');
    expect(section.tables[0]!.columns.map((c) => c.key)).toEqual([
      'key',
      'complaints',
      'share',
      'previous',
      'yoy',
    ]);
  });

  it('--by channel: blanks are 未填 / not given in the tables as in the sentences, (空) in the JSON', async () => {
    const keys = (t: Table) => t.rows.map((r) => r.key);
    for (const [lang, words, sentence] of [
      ['zh', '未填', '未填受理渠道（14件'],
      ['en', 'not given', 'channel not given: 14 ('],
    ] as const) {
      const { bulletin, model, json } = await run(CHANNELS, {
        quarter: '2016Q4',
        by: ['channel'],
        lang,
      });
      const section = bulletin.sections.find((s) => s.key === 'breakdowns')!;
      expect(section.paragraphs.map(paragraphText).join(''), lang).toContain(sentence);
      expect(keys(section.tables[0]!), lang).toContain(words);
      expect(JSON.stringify(section.tables), lang).not.toMatch(/\(空\)|"blank"/);
      // The workbook's breakdown sheet and its chart say it the same way.
      const sheet = model.sheets.find((s) => s.charts.includes('breakdown-0'))!;
      expect(keys(sheet.tables[0]!), lang).toContain(words);
      expect(keys(sheet.tables[0]!), lang).not.toContain(lang === 'zh' ? '(空)' : 'blank');
      // The JSON keeps its contract.
      const b = (json as { breakdowns: { groups: { key: string[]; keyEn: string[] }[] }[] })
        .breakdowns[0]!;
      expect(b.groups.some((g) => g.key[0] === '(空)' && g.keyEn[0] === 'blank')).toBe(true);
    }
  });

  it('--by unit × channel: a matrix names its blank column in words', async () => {
    const { bulletin } = await run(CHANNELS, { quarter: '2016Q4', by: ['unit', 'channel'] });
    const table = bulletin.sections.find((s) => s.key === 'breakdowns')!.tables[0]!;
    const labels = table.columns.map((c) => (typeof c.label === 'object' ? c.label.text : c.label));
    expect(labels).toContain('未填');
    expect(labels).not.toContain('(空)');
  });

  it('--by in a partial December: groups without any comparison', async () => {
    const { bulletin } = await run(COVERAGE, { month: '2016-12', by: ['unit'] });
    const [said] = text(bulletin, 'breakdowns') as [string];
    expect(said).toMatch(/^按供电单位分，/);
    expect(said).not.toMatch(/同比|环比/);
    const section = bulletin.sections.find((s) => s.key === 'breakdowns')!;
    expect(section.tables[0]!.columns.map((c) => c.key)).toEqual(['key', 'complaints', 'share']);
  });

  it('is the same text for the same data', async () => {
    const [x, y] = await Promise.all([
      run(METRICS, { targets: TARGETS, quarter: '2016Q4' }),
      run(METRICS, { targets: TARGETS, quarter: '2016Q4' }),
    ]);
    expect(x.bulletin).toEqual(y.bulletin);
  });
});

export type { PipelineResult };
