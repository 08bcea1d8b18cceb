/**
 * Periods in days (issue 14), hand-checked: requests resolved at day and week grain, the same
 * weekday's four-week average (日通报), how the inputs cover a day or a week, and the daily
 * series and notes of a day analysed from a cube counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { daysFromCivil, dayToString } from '../../src/metrics/calendar.js';
import { daysCover, type InputSpan } from '../../src/metrics/coverage.js';
import { buildCube, complaintClasses, unclassifiedIndex } from '../../src/metrics/cube.js';
import { analyse } from '../../src/metrics/analysis.js';
import { BASELINE_WEEKS, sameWeekdayAverage } from '../../src/metrics/formulas.js';
import {
  knownPeriod,
  preceding,
  resolvePeriod,
  yearEarlier,
  type Period,
  type PeriodRequest,
} from '../../src/metrics/period.js';
import { Records } from '../../src/metrics/records.js';
import { DEFAULT_SETTINGS, type AnalysisInput } from '../../src/metrics/types.js';
import { parsePeriodOptions } from '../../src/settings/period-syntax.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const d = (text: string) => {
  const [y, m, dd] = text.split('-').map(Number);
  return daysFromCivil(y!, m!, dd!);
};
const span = (p: Period | null) => p && [dayToString(p.from), dayToString(p.to), p.grain];

describe('sameWeekdayAverage: the same weekday over the four weeks before', () => {
  it.each<[(number | null)[], number | null, number]>([
    [[5, 4, 6, 4], 4.75, 4],
    [[0, 0, 0, 0], 0, 4],
    // A week the inputs do not cover is left out, not read as 0.
    [[5, null, 6, 4], 5, 3],
    [[null, null, null, 3], 3, 1],
    [[null, null, null, null], null, 0],
    // Only four weeks count.
    [[1, 1, 1, 1, 100], 1, 4],
  ])('%j → %s over %s weeks', (counts, average, weeks) => {
    expect(sameWeekdayAverage(counts)).toEqual({ average, weeks });
  });

  it('reaches four weeks back', () => expect(BASELINE_WEEKS).toBe(4));
});

describe('resolvePeriod at day and week grain', () => {
  const data = ['2016-05-23', '2016-06-29', '2016-06-30', '2016-07-03'].map(d);
  const months = [2016 * 12 + 4, 2016 * 12 + 5, 2016 * 12 + 6];
  it.each<[Parameters<typeof parsePeriodOptions>[0], [string, string, string]]>([
    [{ day: '2016-06-30' }, ['2016-06-30', '2016-06-30', 'day']],
    [{ week: '2016-W25' }, ['2016-06-20', '2016-06-26', 'week']],
    [{ from: '2016-06-01', to: '2016-06-15' }, ['2016-06-01', '2016-06-15', 'day']],
    // An open end is the first or last day with data.
    [{ from: '2016-06-20' }, ['2016-06-20', '2016-07-03', 'day']],
    [{ to: '2016-06-30' }, ['2016-05-23', '2016-06-30', 'day']],
  ])('%j → %j', (options, expected) => {
    expect(span(resolvePeriod(parsePeriodOptions(options), months, data))).toEqual(expected);
  });

  it('is null when no day with data is left', () => {
    expect(resolvePeriod(parsePeriodOptions({ from: '2016-08-01' }), months, data)).toBeNull();
  });

  it('knows a day or a week before reading, and a month request stays months', () => {
    expect(span(knownPeriod(parsePeriodOptions({ week: '2016-W25' })))).toEqual([
      '2016-06-20',
      '2016-06-26',
      'week',
    ]);
    expect(knownPeriod(parsePeriodOptions({ from: '2016-06-20' }))).toBeNull();
    expect(span(knownPeriod(parsePeriodOptions({ month: '2016-06' })))).toEqual([
      '2016-06-01',
      '2016-06-30',
      'month',
    ]);
  });
});

describe('weeks and days compared, across year ends', () => {
  const period = (options: Parameters<typeof parsePeriodOptions>[0]) =>
    resolvePeriod(parsePeriodOptions(options), [], [])!;
  it.each<[Parameters<typeof parsePeriodOptions>[0], [string, string], [string, string]]>([
    // 同比 is the same ISO week number a year earlier; 环比 the week before.
    [{ week: '2016-W52' }, ['2015-12-21', '2015-12-27'], ['2016-12-19', '2016-12-25']],
    [{ week: '2017-W01' }, ['2016-01-04', '2016-01-10'], ['2016-12-26', '2017-01-01']],
    // 2015-W53 has no week 53 a year earlier (2014 has 52): week 52 instead.
    [{ week: '2015-W53' }, ['2014-12-22', '2014-12-28'], ['2015-12-21', '2015-12-27']],
    [{ week: '2016-W01' }, ['2014-12-29', '2015-01-04'], ['2015-12-28', '2016-01-03']],
    [{ day: '2016-06-30' }, ['2015-06-30', '2015-06-30'], ['2016-06-29', '2016-06-29']],
    [{ day: '2017-01-01' }, ['2016-01-01', '2016-01-01'], ['2016-12-31', '2016-12-31']],
    [{ day: '2016-02-29' }, ['2015-02-28', '2015-02-28'], ['2016-02-28', '2016-02-28']],
    [
      { from: '2016-06-01', to: '2016-06-15' },
      ['2015-06-01', '2015-06-15'],
      ['2016-05-17', '2016-05-31'],
    ],
  ])('%j: a year earlier %j, before %j', (options, earlier, before) => {
    const p = period(options);
    expect(span(yearEarlier(p))!.slice(0, 2)).toEqual(earlier);
    expect(span(preceding(p))!.slice(0, 2)).toEqual(before);
  });
});

describe('daysCover: how the inputs cover a day or a week', () => {
  const city: InputSpan = { from: d('2016-05-23'), to: d('2016-07-03'), units: ['市直', '屯溪'] };
  const county: InputSpan = { from: d('2016-05-23'), to: d('2016-07-01'), units: ['歙县'] };
  const later: InputSpan = { from: d('2016-07-03'), to: d('2016-07-10'), units: ['歙县'] };
  it.each<[string, InputSpan[], string, string, object]>([
    [
      'every unit covers it',
      [city, county],
      '2016-06-30',
      '2016-06-30',
      { cover: 'whole', short: [] },
    ],
    [
      'a county stops on 1 July',
      [city, county],
      '2016-07-02',
      '2016-07-02',
      { cover: 'part', uncovered: [], short: ['歙县'] },
    ],
    [
      'a week it covers in part',
      [city, county],
      '2016-06-27',
      '2016-07-03',
      { cover: 'part', through: d('2016-07-01') },
    ],
    [
      'days no input covers',
      [city, county],
      '2016-07-03',
      '2016-07-05',
      { cover: 'part', uncovered: [d('2016-07-04'), d('2016-07-05')] },
    ],
    ['nothing', [city, county], '2016-08-01', '2016-08-07', { cover: 'none' }],
    // Two exports of a unit that leave a day between them.
    ['a hole', [county, later], '2016-06-27', '2016-07-03', { cover: 'part', short: ['歙县'] }],
    [
      'two counties stop, each named',
      [city, county, { ...county, to: d('2016-06-29'), units: ['黟县'] }],
      '2016-06-27',
      '2016-07-03',
      { cover: 'part', through: d('2016-06-29'), short: ['歙县', '黟县'] },
    ],
    ['no input', [], '2016-06-30', '2016-06-30', { cover: 'none' }],
  ])('%s', (_what, spans, from, to, expected) => {
    expect(daysCover(spans, d(from), d(to))).toMatchObject(expected);
  });
});

/**
 * Thursday 30 June 2016, counted by hand: unit A 3 complaints (one appeal-approved), B 1; the
 * Thursdays before 2, 3, (not covered), 1; the day before 2; 30 June 2015 1.
 */
function dayInput(request: PeriodRequest, spans: InputSpan[]): AnalysisInput {
  const taxonomy = loadTaxonomy('sgcc-95598');
  const records = new Records();
  const add = (unit: string, day: string, n: number, extra: object = {}) => {
    for (let i = 0; i < n; i++)
      records.add(
        { unit, day: d(day), complaint: true, classIndex: unclassifiedIndex(taxonomy), ...extra },
        -1,
      );
  };
  add('A', '2016-06-30', 2);
  add('A', '2016-06-30', 1, { appealApproved: true });
  add('B', '2016-06-30', 1);
  add('A', '2016-06-29', 2);
  add('A', '2016-06-23', 2);
  add('B', '2016-06-16', 3);
  add('A', '2016-06-09', 7); // not covered: left out of the average
  add('A', '2016-06-02', 1);
  add('A', '2015-06-30', 1);
  const cube = buildCube(records, complaintClasses(taxonomy));
  const period = resolvePeriod(request, [], [])!;
  return {
    cube,
    records,
    taxonomy,
    period,
    request,
    covered: new Set([2015 * 12 + 5, 2016 * 12 + 5]),
    partial: new Map(),
    targets: null,
    fields: new Set(['appealResult']),
    settings: DEFAULT_SETTINGS,
    spans,
  };
}

describe('a day analysed', () => {
  const both = ['A', 'B'];
  const spans: InputSpan[] = [
    { from: d('2015-06-01'), to: d('2015-06-30'), units: both },
    { from: d('2016-05-30'), to: d('2016-06-05'), units: both },
    { from: d('2016-06-13'), to: d('2016-06-30'), units: both },
  ];
  const a = analyse(dayInput(parsePeriodOptions({ day: '2016-06-30' }), spans));

  it('counts the day, against the day before and the same day a year earlier', () => {
    expect(a.totals).toMatchObject({
      complaints: 4,
      appealApproved: 1,
      assessed: 3,
      preceding: 2,
      mom: 1,
      previous: 1,
      yoy: 3,
    });
  });

  it('sets the day against the covered Thursdays of the four weeks before', () => {
    expect(a.days).toEqual([
      expect.objectContaining({
        day: '2016-06-30',
        weekday: 4,
        complaints: 4,
        partial: false,
        baseline: 2, // (2 + 3 + 1) / 3: 9 June is not covered
        baselineWeeks: 3,
        vsBaseline: 1,
      }),
    ]);
  });

  it('holds no target and has no year to date; its months stay as they were', () => {
    expect(a.yearToDate).toBeNull();
    expect(a.period).toMatchObject({ from: '2016-06-30', to: '2016-06-30', kind: 'day' });
  });

  it('says a day no input covers, and a day covered for some units only', () => {
    const partial = analyse(
      dayInput(parsePeriodOptions({ from: '2016-06-30', to: '2016-07-02' }), [
        ...spans,
        { from: d('2016-07-01'), to: d('2016-07-01'), units: ['A'] },
      ]),
    );
    expect(partial.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['days-missing', 'days-partial']),
    );
    expect(partial.notes.find((n) => n.code === 'days-missing')!.zh).toBe(
      '2016-07-02 不在任何输入中，按 0 计。',
    );
    expect(partial.days!.map((r) => r.partial)).toEqual([false, true, true]);
    // A period the inputs cover in part is not compared with the one before.
    expect(partial.period.preceding).toBeNull();
  });
});
