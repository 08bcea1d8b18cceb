/**
 * End to end: the realistic exports of fixtures/metrics (made by scripts/make-metrics-fixtures.js,
 * whose figures are counted by the generator, not by the tool) must give the published figures
 * to the digit, under any time zone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { complaints, isPlainError, ROOT, apartFromJsonNotes } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const DIR = join(ROOT, 'fixtures/metrics');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
const annual = expected.annual;
const files = (annual.inputs as string[]).map((f) => `fixtures/metrics/${f}`);
const targets = (kind: 'csv' | 'xlsx' | 'json') => `fixtures/metrics/${annual.targets[kind]}`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function json(args: string[], tz = 'Asia/Shanghai'): Json {
  const run = complaints([...args, '--json'], { env: { TZ: tz } });
  expect(apartFromJsonNotes(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

const shanghai = json(['analyze', ...files, '--targets', targets('csv')]);
const losAngeles = json(['analyze', ...files, '--targets', targets('csv')], 'America/Los_Angeles');

describe('analyze: the 2016 annual evaluation', () => {
  it('gives identical results under Asia/Shanghai and America/Los_Angeles', () => {
    expect(losAngeles).toEqual(shanghai);
  });

  it.each([
    ['Asia/Shanghai', shanghai],
    ['America/Los_Angeles', losAngeles],
  ])('gives the published totals under %s', (_tz, r) => {
    expect(r.period).toMatchObject({ from: '2016-01', to: '2016-12', months: 12 });
    expect(r.period.yearEarlier).toEqual({ from: '2015-01', to: '2015-12' });
    expect(r.totals).toMatchObject({
      complaints: 226,
      appealApproved: 80,
      assessed: 146,
      target: 125,
    });
    expect(r.totals.overTargetRate).toBe(0.168);
    const assessedVsTarget = (r.units as Json[]).map((u) => [
      u.assessed,
      u.target,
      u.overTargetRate,
    ]);
    expect(assessedVsTarget).toContainEqual([22, 16, 0.375]);
    expect(assessedVsTarget).toContainEqual([13, 8, 0.625]);
    const d = Object.fromEntries((r.categories.discipline as Json[]).map((x) => [x.name, x]));
    expect(d['运检']).toMatchObject({ complaints: 110, previous: 53 });
    expect(d['运检']!.yoy).toBeCloseTo(1.0755, 4);
    expect(d['营销']).toMatchObject({ complaints: 116, previous: 127 });
    expect(d['营销']!.yoy).toBeCloseTo(-0.0866, 4);
  });

  it('matches every total counted by the generator', () => {
    const t = annual.totals;
    expect(shanghai.totals).toMatchObject({
      workOrders: t.workOrders,
      complaints: t.complaints,
      appealApproved: t.appealApproved,
      unsubstantiated: t.unsubstantiated,
      assessed: t.assessed,
      target: t.target,
      overTargetRate: t.overTargetRate,
      duplicates: t.duplicates,
      duplicatesDiffering: t.duplicatesDiffering,
      rejected: t.rejected,
      excludedByType: t.excludedByType,
      previous: t.previous,
      yoy: t.yoy,
    });
  });

  it('matches every unit, in rank order', () => {
    const fields = [
      'unit',
      'complaints',
      'appealApproved',
      'unsubstantiated',
      'assessed',
      'target',
      'customers',
      'overTargetRate',
      'share',
      'ratePer10k',
      'previous',
      'yoy',
      'rank',
    ];
    const pick = (u: Json) => fields.map((f) => u[f]);
    expect((shanghai.units as Json[]).map(pick)).toEqual((annual.units as Json[]).map(pick));
    // The targets file writes 国网黄山供电公司（市直）, the exports (市直) too, in both forms.
    expect(shanghai.targets).toMatchObject({ unitsWithoutTarget: [], targetsWithoutData: [] });
  });

  it('matches the monthly series of 2016 and of the year before', () => {
    const pick = (m: Json) => [m.month, m.complaints, m.assessed, m.mom, m.previous, m.yoy];
    expect((shanghai.months as Json[]).map(pick)).toEqual((annual.months as Json[]).map(pick));
    expect((shanghai.months as Json[]).map((m) => m.previous)).toEqual(
      (annual.monthsPrevious as Json[]).map((m) => m.complaints),
    );
  });

  it.each(['Asia/Shanghai', 'America/Los_Angeles'])(
    'puts complaints of the first and last seconds of a month in their own month under %s',
    (tz) => {
      const dir = mkdtempSync(join(tmpdir(), 'complaints-boundary-'));
      try {
        const csv = join(dir, 'boundary.csv');
        const rows = (annual.boundary as Json[]).map((b) =>
          [b.id, b.acceptedAt, b.unit, b.type].join(','),
        );
        writeFileSync(csv, ['工单编号,受理时间,供电单位,业务类型', ...rows].join('\n') + '\n');
        const r = json(['trend', csv, '--from', '2015-12', '--to', '2016-06'], tz);
        const counts = Object.fromEntries((r.months as Json[]).map((m) => [m.month, m.complaints]));
        const want: Record<string, number> = {};
        for (const b of annual.boundary as Json[]) want[b.month] = (want[b.month] ?? 0) + 1;
        expect(counts).toEqual({ '2016-02': 0, '2016-03': 0, ...want });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('matches the categories at both levels', () => {
    const l1 = (r: Json[]) =>
      r
        .filter((x) => x.complaints > 0 || x.previous > 0)
        .map((x) => [x.name, x.complaints, x.previous]);
    const byName = (rows: Json[]) => Object.fromEntries(rows.map((x) => [x.name, x]));
    const want1 = byName(annual.level1);
    for (const [name, complaints, previous] of l1(shanghai.categories.level1)) {
      expect([complaints, previous]).toEqual([want1[name].complaints, want1[name].previous]);
    }
    expect(Object.keys(want1).sort()).toEqual(
      l1(shanghai.categories.level1)
        .map((x) => x[0])
        .sort(),
    );
    const got2 = byName(
      (shanghai.categories.level2 as Json[]).filter((x) => x.complaints > 0 || x.previous > 0),
    );
    for (const row of annual.level2 as Json[]) {
      expect([row.name, got2[row.name]?.complaints, got2[row.name]?.previous]).toEqual([
        row.name,
        row.complaints,
        row.previous,
      ]);
    }
    expect(shanghai.categories.unclassified).toBe(annual.unclassified);
  });

  it('lists the rejected rows with file and line', () => {
    expect(shanghai.rejects.map((r: Json) => [r.file, r.row])).toEqual(
      (annual.rejects as Json[]).map((r) => [`fixtures/metrics/${r.file}`, r.row]),
    );
  });

  it('finds the repeat complainants by customer id and by phone', () => {
    const got = (list: Json) => list.top.map((x: Json) => [x.key, x.complaints]);
    expect(got(shanghai.repeatComplainants.byCustomer)).toEqual(
      (annual.repeatCustomers as Json[]).map((x) => [x.customerId, x.complaints]),
    );
    expect(got(shanghai.repeatComplainants.byPhone)).toEqual(
      (annual.repeatPhones as Json[]).map((x) => [x.phone, x.complaints]),
    );
  });

  it('measures timeliness and satisfaction', () => {
    for (const kind of ['reply', 'close'] as const) {
      const want = annual.timeliness[kind];
      const got = shanghai.timeliness[kind];
      expect([got.count, got.overLimit, got.limitHours]).toEqual([
        want.withTime,
        want.over,
        want.limitHours,
      ]);
      expect(got.meanHours).toBeCloseTo(want.meanHours, 9);
    }
    expect(shanghai.satisfaction.byValue).toEqual({
      ...annual.satisfaction.values,
      '(空)': annual.satisfaction.blank,
    });
  });

  it('subtracts the unsubstantiated too with --exclude-unsubstantiated, each complaint once', () => {
    const r = json(['analyze', ...files, '--targets', targets('csv'), '--exclude-unsubstantiated']);
    expect(r.totals.assessed).toBe(annual.totals.assessedExcludingUnsubstantiated);
    expect(r.totals.overTargetRate).toBe(annual.totals.overTargetRateExcludingUnsubstantiated);
    const byUnit = Object.fromEntries((r.units as Json[]).map((u) => [u.unit, u.assessed]));
    for (const u of annual.units as Json[])
      expect(byUnit[u.unit]).toBe(u.assessedExcludingUnsubstantiated);
  });

  it.each(['xlsx', 'json'] as const)('reads the same targets from %s', (kind) => {
    const r = json(['assess', ...files, '--targets', targets(kind), '--year', '2016']);
    expect(r.totals).toMatchObject({ target: 125, overTargetRate: 0.168, unitsWithTarget: 8 });
    expect((r.units as Json[]).map((u) => [u.unit, u.target])).toEqual(
      (shanghai.units as Json[]).map((u) => [u.unit, u.target]),
    );
  });
});

describe('trend: the series 409 (April) … 89 (December)', () => {
  const series = expected.series;
  const r = json(['trend', `fixtures/metrics/${series.file}`]);

  it('gives the months, their 环比, and both average monthly reductions', () => {
    expect(r.period).toMatchObject({ from: '2016-04', to: '2016-12' });
    expect((r.months as Json[]).map((m) => [m.month, m.complaints, m.mom])).toEqual(
      (series.months as Json[]).map((m) => [m.month, m.complaints, m.mom]),
    );
    expect(r.trend.avgMonthlyReduction.compound).toBeCloseTo(
      series.avgMonthlyReduction.compound,
      15,
    );
    expect(r.trend.avgMonthlyReduction.compound).toBeCloseTo(0.1736, 4);
    expect(r.trend.avgMonthlyReduction.arithmetic).toBeCloseTo(
      series.avgMonthlyReduction.arithmetic,
      15,
    );
  });

  it('prints them in the terminal with the compound reduction 17.36%', () => {
    const run = complaints(['trend', `fixtures/metrics/${series.file}`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2016-04\s+409\s+409\s+-/);
    expect(run.stdout).toMatch(/2016-12\s+89\s+89\s+−23\.93%/);
    expect(run.stdout).toContain('复合 17.36%');
  });

  it('--by unit gives one series per unit that adds up to the whole', () => {
    const byUnit = json(['trend', `fixtures/metrics/${series.file}`, '--by', 'unit']);
    expect(byUnit.by).toBe('unit');
    expect((byUnit.series as Json[]).map((s) => s.key).sort()).toEqual([...series.units].sort());
    const sums = (r.months as Json[]).map((_, i) =>
      (byUnit.series as Json[]).reduce((sum, s) => sum + s.months[i].complaints, 0),
    );
    expect(sums).toEqual((series.months as Json[]).map((m) => m.complaints));
  });
});

describe('assess in the terminal', () => {
  it('marks the units over target and ends with the totals', () => {
    const run = complaints(['assess', ...files, '--targets', targets('csv')]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const line = (unit: string) => lines.find((l) => l.includes(unit))!;
    expect(line('国网歙县供电公司')).toMatch(/53\s+22\s+31\s+26\s+\+19\.23%\s+超/);
    expect(line('国网黟县供电公司')).not.toContain('超');
    expect(line('合计')).toMatch(/226\s+80\s+146\s+125\s+\+16\.8%\s+超/);
  });

  it('speaks English with --lang en', () => {
    const run = complaints(['assess', ...files, '--targets', targets('csv'), '--lang', 'en']);
    expect(run.stdout).toMatch(
      /rank\s+unit\s+complaints\s+appeal approved\s+assessed\s+target\s+over target/,
    );
    expect(run.stdout).toMatch(/total\s+226\s+80\s+146\s+125\s+\+16\.8%\s+over/);
  });
});

describe('the month and its year to date: --month 2016-11 in every command', () => {
  // expected.json unitMonths, summed by hand: January–November per unit (assessed / annual
  // target) 市直 31/28, 歙县 28/26, 黄山区 22/16, 休宁 17/15, 徽州 11/8, 祁门 10/9 — at or over —
  // 屯溪 10/12 and 黟县 7/11 under; 209 complaints, 136 assessed against 125 (+8.8%).
  const months = annual.unitMonths as { unit: string; complaints: number[]; assessed: number[] }[];
  const toNov = (xs: number[]) => xs.slice(0, 11).reduce((a, b) => a + b, 0);
  const target = (unit: string) => annual.units.find((u: Json) => u.unit === unit).target;
  const reached = months
    .filter((u) => toNov(u.assessed) >= target(u.unit))
    .map((u) => `${u.unit} ${toNov(u.assessed)} / ${target(u.unit)}`);
  const args = [...files, '--targets', targets('csv'), '--month', '2016-11'];

  it('analyze: the month without targets, the year to date against them, who reached theirs', () => {
    const run = complaints(['analyze', ...args]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(reached).toHaveLength(6);
    expect(lines[2]).toBe(
      '总体: 工单 37，投诉 16，申诉成功 6，考核投诉 10，投诉同比 +14.29% (上年同期投诉 14)，投诉环比 −11.11%',
    );
    expect(lines[3]).toBe(
      '累计 2016-01 – 2016-11: 投诉 209，申诉成功 73，考核投诉 136，年度指标 125，超指标率 +8.8%，' +
        '超指标单位 6 / 8，投诉同比 +26.67% (上年同期投诉 165)',
    );
    expect(lines[4]).toBe(`已达到或超过年度指标（6 / 8）：${reached.join('，')}`);
    // The month's table has no target column; the year to date's marks who reached it.
    expect(lines[6]).not.toContain('指标');
    const at = lines.indexOf('累计 2016-01 – 2016-11');
    expect(at).toBeGreaterThan(6);
    expect(lines[at + 1]).toMatch(/考核投诉\s+年度指标\s+超指标率/);
    const row = (unit: string) => lines.slice(at).find((l) => l.includes(unit))!;
    expect(row('国网祁门县供电公司')).toMatch(/14\s+4\s+10\s+9\s+\+11\.11%\s+已达/);
    expect(row('国网黄山市屯溪区供电公司')).not.toContain('已达');
    expect(row('合计')).toMatch(/209\s+73\s+136\s+125\s+\+8\.8%\s+已达/);
  });

  it('assess: the month, then the year to date, and says the month has no target', () => {
    const run = complaints(['assess', ...args]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('累计 2016-01 – 2016-11\n');
    expect(run.stdout).toContain(`已达到或超过年度指标（6 / 8）：${reached.join('，')}\n`);
    expect(run.stdout).toContain('本月不与指标比较：指标为年度指标，与累计比较（见累计表）。');
    expect(run.stdout).not.toContain('−92%'); // 10 against the whole 125: never shown
  });

  // trend takes no targets (it refuses --targets): its year to date is counts and 同比.
  const trendArgs = [...files, '--month', '2016-11'];

  it('trend: the month, then the year to date in one line', () => {
    const run = complaints(['trend', ...trendArgs]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      '累计 2016-01 – 2016-11: 投诉 209，申诉成功 73，考核投诉 136，投诉同比 +26.67% (上年同期投诉 165)',
    );
  });

  it('JSON: the same yearToDate from analyze, assess and trend', () => {
    const [analyze, assess] = ['analyze', 'assess'].map((c) => json([c, ...args]));
    const trend = json(['trend', ...trendArgs]);
    for (const r of [analyze!, assess!, trend]) {
      expect(r.period).toMatchObject({ from: '2016-11', to: '2016-11', kind: 'month' });
      expect(Object.keys(r.yearToDate)).toEqual(Object.keys(analyze!.yearToDate));
    }
    expect(assess!.yearToDate).toEqual(analyze!.yearToDate);
    const y = analyze!.yearToDate;
    const counts = (r: Json) =>
      r.yearToDate.units.map((u: Json) => [u.unit, u.complaints, u.assessed]);
    expect(counts(trend)).toEqual(counts(analyze!));
    expect(trend.yearToDate.targets).toBeNull();
    expect(counts(analyze!)).toEqual(
      [...months]
        .map((u) => [u.unit, toNov(u.complaints), toNov(u.assessed)] as const)
        .sort((a, b) => b[2] - a[2] || b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    );
    expect(y.totals).toMatchObject({ complaints: 209, assessed: 136, annualTarget: 125 });
  });

  it('speaks English with --lang en', () => {
    const run = complaints(['analyze', ...args, '--lang', 'en']);
    expect(run.stdout).toContain(
      'year to date 2016-01 – 2016-11: complaints 209, appeal approved 73, assessed 136, annual target 125',
    );
    expect(run.stdout).toContain(
      'at or over the annual target (6 / 8): 国网黄山供电公司(市直) 31 / 28, ',
    );
    expect(run.stdout).toMatch(/国网祁门县供电公司\s+14\s+4\s+10\s+9\s+\+11\.11%\s+reached/);
  });
});

describe('metric commands: mistakes', () => {
  // [arguments, Chinese (the default; null: a message of the reading side, checked in English
  // here), English (--lang en)]
  it.each<[string[], RegExp | null, RegExp]>([
    [
      ['assess', files[1]!],
      /^complaints: assess 需要 --targets FILE：各单位的年度考核指标。\n/,
      /assess needs --targets FILE/,
    ],
    [
      ['analyze', files[1]!, '--year', '2017'],
      /：时段 2017-01 – 2017-12 没有工单；输入文件的时间范围是 2016-01 – 2016-06。/,
      /no work order in 2017-01 – 2017-12; the inputs hold 2016-01 – 2016-06/,
    ],
    [
      ['analyze', files[1]!, '--month', '2016-13'],
      /^complaints: --month 2016-13：应为月份，写作 2016-11、201611 或 2016年11月。\n/,
      /--month 2016-13: expected a month as 2016-11/,
    ],
    [['analyze', files[1]!, '--targets', 'fixtures/metrics/nope.csv'], /nope\.csv/, /nope\.csv/],
    [['trend', files[1]!, '--by', 'city'], /city/, /city/],
    [
      ['analyze', files[1]!, '--top', '0'],
      /^complaints: --top 0：应为大于 0 的整数。\n$/,
      /--top 0: expected a whole number above 0/,
    ],
  ])('%j is exit 2 with a plain message', (args, message, english) => {
    const run = complaints(args);
    expect(run.code).toBe(2);
    if (message) expect(run.stderr).toMatch(message);
    const en = complaints(inEnglish(args));
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(english);
  });

  it('fails under --strict when rows were rejected (exit 3), printing no result', () => {
    const run = complaints(['analyze', ...files, '--strict', '--json']);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(isPlainError(run.stderr)).toBe(true);
  });
});

describe('analyze in the terminal', () => {
  const run = complaints(['analyze', ...files, '--targets', targets('csv')], {
    env: { NO_COLOR: '' },
  });
  const lines = run.stdout.split('\n');

  it('says the period, the inputs and the totals against target first', () => {
    expect(run.code).toBe(0);
    expect(lines[0]).toBe('投诉分析 2016-01 – 2016-12（12 个月；同比 2015-01 – 2015-12）');
    expect(lines[1]).toContain('输入 3 个文件');
    expect(lines[2]).toContain('投诉 226，申诉成功 80，考核投诉 146，指标 125，超指标率 +16.8%');
    // 同比 compares complaints, beside the assessed ones: said so.
    expect(lines[2]).toContain('投诉同比 +25.56% (上年同期投诉 180)');
  });

  it('ranks the units with those over target marked, and a totals row', () => {
    const first = lines.findIndex((l) => /^\s+1\s/.test(l));
    expect(lines[first]).toMatch(
      /^\s+1\s+国网黄山供电公司\(市直\)\s+50\s+17\s+33\s+28\s+\+17\.86%\s+超/,
    );
    expect(lines.find((l) => l.includes('国网黄山市徽州区供电公司'))).toMatch(
      /13\s+8\s+\+62\.5%\s+超/,
    );
    expect(lines.find((l) => l.includes('国网黟县供电公司'))).not.toContain('超');
    // Columns line up although unit names are Chinese (two columns a character).
    const unitRows = lines.filter((l) => /供电公司|合计/.test(l) && /%/.test(l));
    const ends = new Set(unitRows.map((l) => stringWidth(l.slice(0, l.indexOf('%') + 1))));
    expect(ends.size).toBe(1);
  });

  it('shows the monthly series with 环比, the disciplines, hot spots and data problems', () => {
    expect(run.stdout).toMatch(/2016-02\s+12\s+8\s+−14\.29%\s+10\s+\+20%/);
    expect(run.stdout).toContain(
      '专业: 运检 110 (48.67%, 投诉同比 +107.55%)，营销 116 (51.33%, 投诉同比 −8.66%)',
    );
    expect(run.stdout).toMatch(/热点（二级分类）: \S+ \d+/);
    expect(run.stdout).toContain('拒收 2 行');
    expect(run.stdout).toContain('重复工单 30 条，已去重（其中 7 条内容不同，以后一个输入为准）');
    expect(run.stdout).toContain(`详见 complaints inspect ${files.join(' ')}`);
  });

  it('uses no colour when stdout is not a terminal', () => {
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('prints nothing with --quiet, and writes --json FILE whole', () => {
    const quiet = complaints(['analyze', ...files, '--quiet']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, '', '']);
    const dir = mkdtempSync(join(tmpdir(), 'complaints-json-'));
    try {
      const out = join(dir, 'result.json');
      const written = complaints(['analyze', ...files, '--targets', targets('csv'), '--json', out]);
      expect([written.code, written.stdout]).toEqual([0, '']);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(shanghai);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which extras could not be computed and why', () => {
    const series = complaints(['analyze', `fixtures/metrics/${expected.series.file}`]);
    expect(series.stdout).toContain('未计算:');
    expect(series.stdout).toContain('没有申诉结果列');
    expect(series.stdout).toContain('季节性：需要覆盖 12 个月以上的输入');
  });
});
