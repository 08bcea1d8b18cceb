/**
 * Late replies (回复时间 past 受理时间 + the reply limit) as an early-warning indicator, worked by
 * hand; and the notes for the checks that need a column: 回复时间 per input, and the events'
 * places (用电地址, 受理内容).
 */
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../../src/metrics/calendar.js';
import { chineseDays } from '../../../src/metrics/holiday-calendar.js';
import type { Field } from '../../../src/schema/fields.js';
import { WARN_DEFAULTS } from '../../../src/metrics/warn/thresholds.js';
import {
  unitWarnings,
  warnGaps,
  type WarnOrder,
  type WarnSource,
} from '../../../src/metrics/warn/warnings.js';
import type { TimeLimit } from '../../../src/metrics/workdays.js';
import { input, m } from '../../helpers/analysis-input.js';

const day = (y: number, mo: number, d: number) => daysFromCivil(y, mo, d);
/** Minutes of y-mo-d h:mi. */
const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
  (day(y, mo, d) * 24 + h) * 60 + mi;
const order = (o: Partial<WarnOrder> & { id: string; at: number }): WarnOrder => ({
  unit: '戊',
  className: '服务态度',
  address: null,
  text: null,
  day: Math.floor(o.at / 1440),
  customer: null,
  escalated: false,
  closedAt: o.at + 60,
  input: 0,
  ...o,
});

const HOURS_24: TimeLimit = { value: 24, unit: 'hours' };
const a: WarnSource = { file: 'a.xlsx', fields: new Set(['repliedAt', 'closedAt', 'content']) };
const b: WarnSource = { file: 'b.csv', fields: new Set(['closedAt', 'content']) };

function judge(orders: WarnOrder[], replyLimit: TimeLimit | undefined, sources = [a]) {
  const i = input(
    Array.from({ length: 11 }, (_, k) => ({
      unit: '戊',
      month: [2016, k + 1] as [number, number],
      class: '服务态度',
    })),
    { period: { month: '2016-11' }, covered: [m(2016, 1), m(2016, 11)] },
  );
  const [u] = unitWarnings({
    input: i,
    orders,
    thresholds: WARN_DEFAULTS,
    closeLimit: { value: 144, unit: 'hours' },
    ...(replyLimit ? { replyLimit } : {}),
    calendar: chineseDays(),
    dataEnd: at(2016, 11, 30, 18),
    sources,
  });
  return u!.reasons.find((r) => r.indicator === 'reply');
}

// Accepted 09:00 on Wednesday 2 and Friday 4 November 2016 (no holiday that month).
const ON_TIME = [
  order({ id: 'P1', at: at(2016, 11, 2, 9), repliedAt: at(2016, 11, 3, 8, 59) }), // 23:59
  order({ id: 'P2', at: at(2016, 11, 2, 9), repliedAt: at(2016, 11, 3, 9) }), // 24:00 exactly
  order({ id: 'P3', at: at(2016, 11, 4, 9), repliedAt: null }), // no reply recorded: not judged
  // October: before the period.
  order({ id: 'P4', at: at(2016, 10, 20, 9), repliedAt: at(2016, 10, 25, 9) }),
];
const LATE = order({ id: 'L1', at: at(2016, 11, 4, 9), repliedAt: at(2016, 11, 5, 9, 1) });

describe('reply: complaints of the period replied to after the limit', () => {
  it('on time, exactly at the limit, no reply recorded, October: nothing', () => {
    expect(judge(ON_TIME, HOURS_24)).toBeUndefined();
  });

  it('one a minute past 24 hours: 1 late, green; three yellow, six red', () => {
    expect(judge([...ON_TIME, LATE], HOURS_24)).toEqual({
      indicator: 'reply',
      level: 'green',
      late: 1,
      limit: HOURS_24,
    });
    const copies = (n: number) => Array.from({ length: n }, (_, k) => ({ ...LATE, id: `L${k}` }));
    expect(judge([...ON_TIME, ...copies(2)], HOURS_24)).toMatchObject({ level: 'green', late: 2 });
    expect(judge([...ON_TIME, ...copies(3)], HOURS_24)).toMatchObject({ level: 'yellow', late: 3 });
    expect(judge([...ON_TIME, ...copies(5)], HOURS_24)).toMatchObject({ level: 'yellow', late: 5 });
    expect(judge([...ON_TIME, ...copies(6)], HOURS_24)).toMatchObject({ level: 'red', late: 6 });
  });

  it('1 working day: Friday 09:00 is due Monday 24:00 (Monday 20:00 on time, Tuesday 00:01 late)', () => {
    const oneDay: TimeLimit = { value: 1, unit: 'workingDays' };
    const monday = order({ id: 'W1', at: at(2016, 11, 4, 9), repliedAt: at(2016, 11, 7, 20) });
    const tuesday = order({ id: 'W2', at: at(2016, 11, 4, 9), repliedAt: at(2016, 11, 8, 0, 1) });
    expect(judge([monday], oneDay)).toBeUndefined();
    expect(judge([monday], HOURS_24)).toMatchObject({ late: 1 });
    expect(judge([monday, tuesday], oneDay)).toMatchObject({ late: 1 });
  });

  it('only the work orders of inputs with 回复时间; no limit given, not judged', () => {
    const fromB = { ...LATE, id: 'B1', input: 1 };
    expect(judge([LATE, fromB], HOURS_24, [a, b])).toMatchObject({ late: 1 });
    expect(judge([LATE, fromB], HOURS_24, [a, a])).toMatchObject({ late: 2 });
    expect(judge([LATE], undefined)).toBeUndefined();
  });
});

describe('notes: 回复时间 per input, and where events find their places', () => {
  const gaps = (sources: WarnSource[]) => {
    const fields = new Set<Field>(sources.flatMap((s) => [...s.fields]));
    const i = input([{ unit: '戊', month: [2016, 11], class: '服务态度' }], {
      period: { month: '2016-11' },
      covered: [m(2016, 1), m(2016, 11)],
      fields: [...fields],
    });
    return warnGaps(i, sources).filter((g) =>
      ['no-reply', 'no-events', 'events-partial'].includes(g.code),
    );
  };
  const both: WarnSource = { file: 'c.xlsx', fields: new Set(['repliedAt', 'address', 'content']) };
  const none: WarnSource = { file: 'd.csv', fields: new Set(['closedAt']) };

  it('every input has 回复时间, 用电地址 and 受理内容: nothing to say', () => {
    expect(gaps([both])).toEqual([]);
  });

  it('mixed: the inputs without 回复时间, without 用电地址, without either place column named', () => {
    expect(gaps([both, b, none])).toEqual([
      {
        code: 'no-reply',
        message:
          "No 回复时间 column in b.csv, d.csv: its work orders were not judged for the reply limit (the other inputs' were).",
        zh: 'b.csv、d.csv 没有回复时间列：其工单未判断回复超时（其他输入的已判断）。',
        files: ['b.csv', 'd.csv'],
      },
      {
        code: 'no-events',
        message:
          "No 用电地址 or 受理内容 column in d.csv: its work orders were not judged for events (the other inputs' were).",
        zh: 'd.csv 没有用电地址或受理内容列：其工单未判断同一地点集中投诉（其他输入的已判断）。',
        files: ['d.csv'],
      },
      {
        code: 'events-partial',
        message: 'No 用电地址 column in b.csv: events were looked for in the complaint text alone.',
        zh: 'b.csv 没有用电地址列：同一地点集中投诉只从受理内容中查找。',
        files: ['b.csv'],
      },
    ]);
  });

  it('no input has them: not judged, or from the text alone, without files', () => {
    expect(gaps([none])).toEqual([
      {
        code: 'no-reply',
        message: 'No 回复时间 column: replies past the reply limit were not judged.',
        zh: '没有回复时间列：未判断回复超时。',
      },
      {
        code: 'no-events',
        message:
          'No 用电地址 or 受理内容 column: events (several complaints about one place) were not judged.',
        zh: '没有用电地址或受理内容列：未判断同一地点集中投诉。',
      },
    ]);
    expect(gaps([b]).map((g) => [g.code, g.zh])).toEqual([
      ['no-reply', '没有回复时间列：未判断回复超时。'],
      ['events-partial', '没有用电地址列：同一地点集中投诉只从受理内容中查找。'],
    ]);
  });
});
