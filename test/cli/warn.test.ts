/**
 * `complaints warn` end to end on fixtures/metrics, against the figures the fixture generator
 * counted (expected.json): June 2016's spike at 黄山区 (6 complaints against a baseline of
 * 0.83), the year-end forecasts from every unit's 2015 profile, the levels, --fail-on's exit 4,
 * the config file, the thresholds file, and an outage burst planted in a generated export.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook } from '../helpers/book.js';
import { complaints, isPlainError, ROOT, apartFromJsonNotes } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = ['--targets', 'fixtures/metrics/targets-2016.csv'];
const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/metrics/expected.json'), 'utf8'));
interface UnitMonths {
  unit: string;
  complaints: number[];
  assessed: number[];
  complaints2015: number[];
  assessed2015: number[];
}
const unitMonths = expected.annual.unitMonths as UnitMonths[];
const targetOf = (unit: string) =>
  (expected.annual.units as { unit: string; target: number }[]).find((u) => u.unit === unit)!
    .target;

const dir = mkdtempSync(join(tmpdir(), 'complaints-warn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function warn(args: string[]): Json {
  const run = complaints(['warn', ...INPUTS, ...args, '--json']);
  expect(apartFromJsonNotes(run.stderr)).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('June 2016, against the generator’s counts', () => {
  const june = warn([...TARGETS, '--month', '2016-06']);
  const unit = (name: string) => june.units.find((u: Json) => u.unit === name);

  it('each unit’s spike baseline: December–May and June 2015, half and half', () => {
    for (const u of unitMonths) {
      const trailing = [u.complaints2015[11]!, ...u.complaints.slice(0, 5)];
      const lambda = (trailing.reduce((s, n) => s + n, 0) / 6 + u.complaints2015[5]!) / 2;
      const spike = unit(u.unit).reasons.find((r: Json) => r.indicator === 'spike');
      expect(spike, u.unit).toMatchObject({ observed: u.complaints[5] });
      expect(spike.expected, u.unit).toBeCloseTo(lambda, 10);
    }
  });

  it('黄山区: 6 against 0.83 is a red spike (P(X ≥ 6) = 0.00023)', () => {
    const spike = unit('国网黄山市黄山区供电公司').reasons[0];
    expect(spike).toMatchObject({ indicator: 'spike', level: 'red', observed: 6 });
    expect(spike.p).toBeCloseTo(0.000229, 6);
    expect(unit('国网黄山市黄山区供电公司').level).toBe('red');
  });

  it('the year-end forecasts: January–June scaled by every unit’s 2015 profile', () => {
    // A unit's own 2015 is its profile when it holds 24 assessed complaints or more; else
    // every unit's 2015 is.
    const sum = (xs: number[]) => xs.reduce((s, n) => s + n, 0);
    const all = Array.from({ length: 12 }, (_, m) =>
      sum(unitMonths.map((u) => u.assessed2015[m]!)),
    );
    for (const u of unitMonths) {
      const own = sum(u.assessed2015) >= 24;
      const profile = own ? u.assessed2015 : all;
      const share = sum(profile.slice(0, 6)) / sum(profile);
      const assessed = sum(u.assessed.slice(0, 6));
      const f = unit(u.unit).forecast;
      expect(f, u.unit).toMatchObject({
        assessed,
        annualTarget: targetOf(u.unit),
        profile: own ? 'unit' : 'all',
      });
      expect(f.yearEnd, u.unit).toBeCloseTo(assessed / share, 10);
      expect(f.low).toBeLessThanOrEqual(f.yearEnd);
      expect(f.high).toBeGreaterThanOrEqual(f.yearEnd);
    }
  });

  it('levels: a unit is as serious as its most serious reason; red first', () => {
    const rank = { red: 2, yellow: 1, green: 0 } as Record<string, number>;
    for (const u of june.units)
      expect(rank[u.level]).toBe(Math.max(0, ...u.reasons.map((r: Json) => rank[r.level]!)));
    const levels = june.units.map((u: Json) => rank[u.level]);
    expect(levels).toEqual([...levels].sort((a, b) => b - a));
    expect(june.levels.red + june.levels.yellow + june.levels.green).toBe(8);
  });
});

describe('the most urgent first', () => {
  it('within a level, by how far the leading reason goes (a target: the share of it reached), then by name', () => {
    const r = warn([...TARGETS, '--month', '2016-11']);
    // 累计/年度指标: 黄山区 22/16 and 徽州区 11/8 (both 137.5%: the larger excess, 6, first),
    // 休宁 17/15, 祁门 10/9, 市直 31/28, 歙县 28/26; green by the forecast's share of the
    // target: 屯溪 10.7/12, 黟县 7.5/11.
    expect(r.units.map((u: Json) => [u.level, u.unit])).toEqual([
      ['red', '国网黄山市黄山区供电公司'],
      ['red', '国网黄山市徽州区供电公司'],
      ['red', '国网休宁县供电公司'],
      ['red', '国网祁门县供电公司'],
      ['red', '国网黄山供电公司(市直)'],
      ['red', '国网歙县供电公司'],
      ['green', '国网黄山市屯溪区供电公司'],
      ['green', '国网黟县供电公司'],
    ]);
    // The terminal lists them in the same order.
    const text = complaints(['warn', ...INPUTS, ...TARGETS, '--month', '2016-11']).stdout;
    const shown = r.units.map((u: Json) => text.indexOf(u.unit));
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
  });
});

describe('what the warning could not judge is said, not shown as green', () => {
  it('a December covered to the 26th, without targets: no spike, no pace, no escalation', () => {
    const args = ['fixtures/coverage/95598-2015.xlsx', 'fixtures/coverage/95598-2016-1226.xlsx'];
    const run = complaints(['warn', ...args, '--month', '2016-12']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        '未能判断或只部分判断：',
        '  未给年度指标（--targets）：未判断指标进度和全年预测。',
        '  本期数据不完整：未判断投诉异常增多（不完整的数字偏低）。',
        '  没有是否越级列：未判断越级投诉。',
        '  没有用电地址列：同一地点集中投诉只从受理内容中查找。',
      ].join('\n'),
    );
    const json = JSON.parse(complaints(['warn', ...args, '--month', '2016-12', '--json']).stdout);
    expect(json.notes.map((n: Json) => n.code)).toEqual([
      'no-targets',
      'no-spike',
      'no-escalation',
      'events-partial',
    ]);
    const en = complaints(['warn', ...args, '--month', '2016-12', '--lang', 'en']).stdout;
    expect(en).toContain(
      'Not judged, or in part:\n  No --targets: the pace against the annual targets',
    );
  });

  it('a history too short for a baseline: no spike judged, and said so (a new export series)', () => {
    const notes = (args: string[]) =>
      JSON.parse(complaints(['warn', ...args, '--json']).stdout).notes as Json[];
    // February 2015: only January before it, no February 2014.
    const february = notes([...INPUTS, ...TARGETS, '--month', '2015-02']);
    expect(february.find((n) => n.code === 'no-spike')).toEqual({
      code: 'no-spike',
      message:
        'The inputs cover 1 of the 6 months before (3 needed) and not the same month a year earlier: spikes were not judged.',
      zh: '输入只覆盖此前 6 个月中的 1 个月（至少要 3 个月），也没有上年同月：未判断投诉异常增多。',
    });
    // April 2015 has January to March: a baseline, no note.
    expect(notes([...INPUTS, ...TARGETS, '--month', '2015-04']).map((n) => n.code)).not.toContain(
      'no-spike',
    );
    // The days fixture starts on Monday 2016-05-23: two Mondays before 06-06, three before 06-13.
    const days = ['fixtures/days/95598-2016-0523-0703.xlsx'];
    expect(notes([...days, '--day', '2016-06-06']).find((n) => n.code === 'no-spike')?.zh).toBe(
      '输入只覆盖前四周同一星期几中的 2 天（至少要 3 天）：未判断投诉异常增多。',
    );
    expect(notes([...days, '--day', '2016-06-13']).map((n) => n.code)).not.toContain('no-spike');
    const text = complaints(['warn', ...days, '--week', '2016-W22']).stdout;
    expect(text).toContain(
      '  输入只覆盖此前 6 周中的 1 周（至少要 3 周），也没有上年同周：未判断投诉异常增多。',
    );
  });

  it('with targets and a whole month, only the missing column is said', () => {
    const json = warn([...TARGETS, '--month', '2016-11']);
    expect(json.notes).toEqual([
      {
        code: 'no-escalation',
        message: 'No 是否越级 column: escalated complaints were not judged.',
        zh: '没有是否越级列：未判断越级投诉。',
      },
      {
        code: 'events-partial',
        message: 'No 用电地址 column: events were looked for in the complaint text alone.',
        zh: '没有用电地址列：同一地点集中投诉只从受理内容中查找。',
      },
    ]);
  });
});

describe('a targets file with misspelt units (analyst9)', () => {
  // 歙县 and 黟县 misspelt: the real units have no target, the misspelt names no data.
  const misspelt = join(dir, 'targets-misspelt.csv');
  writeFileSync(
    misspelt,
    readFileSync(join(ROOT, 'fixtures/metrics/targets-2016.csv'), 'utf8')
      .replace('国网歙县供电公司', '国网歙县供电公')
      .replace('国网黟县供电公司', '国网黟县公司'),
  );

  it('a target in no input is no unit at 0, and a unit without one is not "nothing to raise"', () => {
    const json = warn(['--targets', misspelt, '--month', '2016-11']);
    // 2016-11 is the same as with the right file for the six units that match.
    expect(json.units.map((u: Json) => u.unit).sort()).toEqual(
      unitMonths.map((u) => u.unit).sort(),
    );
    const shexian = json.units.find((u: Json) => u.unit === '国网歙县供电公司');
    expect(shexian.reasons.some((r: Json) => r.indicator === 'target')).toBe(false);
    const codes = json.notes.map((n: Json) => n.code);
    expect(codes.slice(0, 2)).toEqual(['units-without-target', 'targets-without-data']);
    expect(json.notes[0].zh).toBe(
      `targets-misspelt.csv 中没有 国网歙县供电公司、国网黟县供电公司 的指标：未判断其指标进度和全年预测。`,
    );
    expect(json.notes[1].zh).toBe(
      `国网歙县供电公（是否为 国网歙县供电公司？）、国网黟县公司（是否为 国网黟县供电公司？） 在 targets-misspelt.csv 中有指标，但输入中没有其工单：未作预警。`,
    );
    expect(json.notes[1].message).toBe(
      `国网歙县供电公 (did you mean 国网歙县供电公司?), 国网黟县公司 (did you mean 国网黟县供电公司?): in targets-misspelt.csv but in no input; not judged.`,
    );
  });

  it('the terminal says both under the levels; the 8 units are counted, not 10', () => {
    const run = complaints(['warn', ...INPUTS, '--targets', misspelt, '--month', '2016-11']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^预警 2016年11月（8 个单位：/);
    expect(run.stdout).not.toContain('国网黟县公司  ');
    expect(run.stdout).toContain(
      `未能判断或只部分判断：\n  targets-misspelt.csv 中没有 国网歙县供电公司、国网黟县供电公司 的指标：未判断其指标进度和全年预测。\n  国网歙县供电公（是否为 国网歙县供电公司？）`,
    );
  });
});

describe('exit codes and where the settings come from', () => {
  it('--fail-on red: exit 4 after the lines, naming the units on stderr', () => {
    const run = complaints([
      'warn',
      ...INPUTS,
      ...TARGETS,
      '--month',
      '2016-06',
      '--fail-on',
      'red',
    ]);
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/^预警 2016年6月（8 个单位：红 \d+，黄 \d+，绿 \d+）/);
    expect(run.stderr).toMatch(
      /^complaints: warn：\d+ 个单位达到红色及以上预警（--fail-on red）：.*国网黄山市黄山区供电公司/,
    );
    expect(isPlainError(run.stderr)).toBe(true);
  });

  it('without --fail-on: exit 0 whatever the levels', () => {
    expect(complaints(['warn', ...INPUTS, ...TARGETS, '--month', '2016-06']).code).toBe(0);
  });

  it('the config file: failOn and a thresholds file beside it', () => {
    const thresholds = join(dir, 'thresholds.json');
    // A spike needs 10 complaints over the baseline: 黄山区's June is no longer one.
    writeFileSync(thresholds, JSON.stringify({ spike: { minExcess: 10 } }));
    writeFileSync(
      join(dir, 'complaints.config.json'),
      JSON.stringify({
        inputs: INPUTS.map((f) => join(ROOT, f)),
        targets: join(ROOT, 'fixtures/metrics/targets-2016.csv'),
        period: '2016-06',
        failOn: 'red',
        thresholds: 'thresholds.json',
      }),
    );
    const run = complaints(['warn', '--json'], { cwd: dir });
    expect(run.code).toBe(4);
    // The cron mail names the key that ended the run with 4, not an option nobody typed.
    expect(run.stderr).toContain(
      `（${join(dir, 'complaints.config.json')} 中的 "failOn": "red"）：`,
    );
    expect(run.stderr).not.toContain('--fail-on');
    const en = complaints(['warn', '--json', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain(`("failOn": "red" in ${join(dir, 'complaints.config.json')}): `);
    const j = JSON.parse(run.stdout);
    expect(j.thresholds.spike.minExcess).toBe(10);
    const spike = j.units
      .find((u: Json) => u.unit === '国网黄山市黄山区供电公司')
      .reasons.find((r: Json) => r.indicator === 'spike');
    expect(spike.level).toBe('green');
  });

  it('a misspelt threshold is refused, naming it and the closest one', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ spike: { minExces: 4 } }));
    const run = complaints(['warn', ...INPUTS, '--thresholds', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('不认识的阈值 "spike.minExces"；是不是 "spike.minExcess"？');
    const en = complaints(['warn', ...INPUTS, '--thresholds', bad, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      'unknown threshold "spike.minExces"; did you mean "spike.minExcess"?',
    );
    expect(isPlainError(run.stderr)).toBe(true);
  });

  it('warn judges one month: --quarter is refused with the reason', () => {
    const run = complaints(['warn', ...INPUTS, '--quarter', '2016Q4']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'warn：--quarter 不起作用：warn 把一个月（或一天、一周）与该单位此前各期相比。',
    );
    const en = complaints(inEnglish(['warn', ...INPUTS, '--quarter', '2016Q4']));
    expect(en.stderr).toContain('warn: --quarter is not used: warn judges one month');
  });

  it('without a period: the latest month the exports cover whole (not a December cut at the 26th)', () => {
    const run = complaints([
      'warn',
      'fixtures/coverage/95598-2015.xlsx',
      'fixtures/coverage/95598-2016-1226.xlsx',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).period).toMatchObject({ from: '2016-11', to: '2016-11' });
  });
});

describe('an outage burst planted in an export', () => {
  const header = '工单编号,受理时间,供电单位,业务类型,一级分类,二级分类,受理内容,用电地址';
  const ordinary = Array.from({ length: 120 }, (_, i) => {
    const day = 1 + (i % 28);
    const hour = 8 + (i % 10);
    const village = ['东山村', '西河村', '南林村', '北田村', '中石村', '上山村'][i % 6];
    const unit = ['甲供电公司', '乙供电公司', '丙供电公司'][i % 3];
    const cls = ['停送电投诉,停电计划执行', '营业投诉,抄表催费', '服务投诉,服务态度'][
      Math.floor(i / 3) % 3
    ];
    return `T${1000 + i},2016-11-${String(day).padStart(2, '0')} ${hour}:00,${unit},投诉,${cls},客户反映${village}的问题,${village}`;
  });
  const burst = [
    'B1,2016-11-13 14:05,乙供电公司,投诉,停送电投诉,停电计划执行,汤口镇芳村停电两小时,汤口镇芳村三组',
    'B2,2016-11-13 14:40,乙供电公司,投诉,停送电投诉,停电计划执行,芳村一直没电,',
    'B3,2016-11-13 15:30,乙供电公司,投诉,停送电投诉,停电计划执行,我们芳村什么时候来电,',
    'B4,2016-11-13 17:10,乙供电公司,投诉,停送电投诉,停电计划执行,停电,黄山区汤口镇芳村',
  ];
  const write = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, [header, ...lines].join('\n') + '\n');
    return file;
  };

  it('finds the burst, with its work orders', () => {
    const j = JSON.parse(
      complaints([
        'warn',
        write('burst.csv', [...ordinary, ...burst]),
        '--month',
        '2016-11',
        '--json',
      ]).stdout,
    );
    const events = j.units.flatMap((u: Json) =>
      u.reasons.filter((r: Json) => r.indicator === 'event'),
    );
    expect(events).toHaveLength(1);
    expect(events[0].event).toMatchObject({
      unit: '乙供电公司',
      className: '停电计划执行',
      place: '芳村',
      from: '2016-11-13 14:05',
      to: '2016-11-13 17:10',
      ids: ['B1', 'B2', 'B3', 'B4'],
    });
    expect(events[0].level).toBe('yellow');
  });

  it('finds nothing in the same month without it', () => {
    const j = JSON.parse(
      complaints(['warn', write('plain.csv', ordinary), '--month', '2016-11', '--json']).stdout,
    );
    expect(
      j.units.flatMap((u: Json) => u.reasons.filter((r: Json) => r.indicator === 'event')),
    ).toEqual([]);
  });
});

describe('the report shows the same warning', () => {
  it('the 预警 sheet: one row per reason of warn, the units in warn’s order', async () => {
    const month = ['--month', '2016-06', ...TARGETS];
    const j = warn(month);
    const out = join(dir, 'r.xlsx');
    expect(complaints(['report', ...INPUTS, ...month, '--out', out, '--no-charts']).code).toBe(0);
    const sheet = (await readBook(out)).getWorksheet('预警')!;
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    const start = rows.findIndex((r) => r[0] === '预警级别');
    const body = rows.slice(start + 1).filter((r) => ['红', '黄', '绿'].includes(r[0]!));
    const words = { red: '红', yellow: '黄', green: '绿' } as Record<string, string>;
    const shown = j.units.flatMap((u: Json) =>
      u.reasons
        .filter((r: Json) => r.indicator === 'target' || r.level !== 'green')
        .map(() => [words[u.level], u.unit]),
    );
    expect(body.map((r) => [r[0], r[1]])).toEqual(shown);
  });

  it('report --json carries the same warning as earlyWarning', () => {
    const month = ['--month', '2016-06', ...TARGETS];
    const run = complaints([
      'report',
      ...INPUTS,
      ...month,
      '--out',
      join(dir, 'j.xlsx'),
      '--no-charts',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const early = JSON.parse(run.stdout).earlyWarning;
    const j = warn(month);
    expect(early).toEqual({ month: '2016-06', levels: j.levels, units: j.units, notes: j.notes });
  });

  it('a year report judges its last month covered whole: December', () => {
    const run = complaints([
      'report',
      ...INPUTS,
      '--year',
      '2016',
      ...TARGETS,
      '--out',
      join(dir, 'y.md'),
      '--json',
    ]);
    expect(JSON.parse(run.stdout).earlyWarning.month).toBe('2016-12');
  });

  it('the bulletin names the red and yellow units in 需关注事项', () => {
    const out = join(dir, 'r.md');
    const month = ['--month', '2016-06', ...TARGETS];
    expect(complaints(['report', ...INPUTS, ...month, '--out', out]).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const j = warn(month);
    const attention = text.slice(text.indexOf('需关注事项'));
    // A unit is named with its reasons, or in a list of units sharing them (A、B（均为…）).
    for (const u of j.units) {
      const named = new RegExp(`${u.unit.replace(/[()]/g, '\\$&')}[（、]`);
      if (u.level === 'green') expect(attention).not.toMatch(named);
      else expect(attention).toMatch(named);
    }
    expect(attention).toMatch(/2016年6月预警情况：红色预警为国网/);
  });
});

describe('a day and a week (fixtures/days)', () => {
  const DAYS = [
    'fixtures/days/95598-2015-06.csv',
    'fixtures/days/95598-2016-0523-0703.xlsx',
    'fixtures/days/95598-2016-shexian-gb18030.csv',
  ];
  const json = (args: string[]) => {
    const run = complaints([...args, '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  it('a day against the same weekday of the four weeks before, unit by unit', () => {
    const w = json(['warn', ...DAYS, '--day', '2016-06-30']);
    expect(w.period).toMatchObject({ from: '2016-06-30', to: '2016-06-30' });
    const before = ['2016-06-02', '2016-06-09', '2016-06-16', '2016-06-23'].map((d) =>
      json(['analyze', ...DAYS, '--day', d]),
    );
    const spikes = w.units.flatMap((u: Json) =>
      u.reasons.filter((r: Json) => r.indicator === 'spike').map((r: Json) => [u.unit, r]),
    );
    expect(spikes.length).toBeGreaterThan(0);
    for (const [unit, r] of spikes) {
      const counts = before.map(
        (b: Json) => b.units.find((u: Json) => u.unit === unit)?.complaints ?? 0,
      );
      expect(r.expected, unit).toBeCloseTo(
        counts.reduce((s: number, n: number) => s + n, 0) / 4,
        10,
      );
    }
  });

  it('--day latest: the last day every unit’s export covers (歙县 stops on 1 July, the rest on 3 July)', () => {
    const w = json(['warn', ...DAYS, '--day', 'latest']);
    expect(w.period).toMatchObject({ from: '2016-07-01', to: '2016-07-01', kind: 'day' });
  });

  it('a week: judged, and --fail-on yellow exits 4 on its late work orders', () => {
    const run = complaints(['warn', ...DAYS, '--week', '2016-W25', '--fail-on', 'yellow']);
    expect(run.stdout).toMatch(/^预警 2016年第25周/);
    expect(run.code).toBe(4);
  });
});

describe('overdue judged per input (review2 item 1)', () => {
  it('an export without 办结时间 beside one with it: its work orders not "open", the input named', () => {
    const run = complaints([
      'warn',
      'fixtures/95598-2016-09-11.xlsx',
      'fixtures/95598-2016-08-pinyin.csv',
      '--month',
      '2016-08',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const j = JSON.parse(run.stdout);
    // August is the pinyin export's alone (no 办结时间): before, 2 red and 3 yellow for 18
    // "open" work orders; now none is judged.
    expect(j.levels).toEqual({ red: 0, yellow: 0, green: 6 });
    expect(j.notes.find((n: Json) => n.code === 'no-overdue')).toEqual({
      code: 'no-overdue',
      message:
        "No 办结时间 column in fixtures/95598-2016-08-pinyin.csv: its work orders were not judged for the closing limit (the other inputs' were).",
      zh: 'fixtures/95598-2016-08-pinyin.csv 没有办结时间列：其工单未判断超时（其他输入的已判断）。',
      files: ['fixtures/95598-2016-08-pinyin.csv'],
    });
  });

  it('the forecast says how its interval is made (JSON, and under the levels)', () => {
    const j = warn([...TARGETS, '--month', '2016-01']);
    const f = j.units.find((u: Json) => u.unit === '国网歙县供电公司').forecast;
    // 4 assessed in January, the calendar's 1/12: 48; NegativeBinomial(4.5, 1/12): 22–82 to come.
    expect(f).toMatchObject({ assessed: 4, yearEnd: 48, low: 26, high: 86 });
    expect(f.interval).toEqual({ probability: 0.8, model: 'negative-binomial', prior: 'jeffreys' });
    const text = complaints(['warn', ...INPUTS, ...TARGETS, '--month', '2016-01']).stdout;
    expect(text).toContain('括号内为80%预测区间（负二项分布');
  });
});
