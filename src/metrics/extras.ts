/**
 * The metrics beyond the bulletin basics that need the work orders one by one rather than the
 * cube: repeat complainants, timeliness and callback satisfaction. Each is computed only when
 * its columns exist, in one pass over the period's complaints; otherwise it is null (the notes
 * section says which column was missing).
 */
import { mean, medianOfSorted, share } from './formulas.js';
import { chineseDays } from './holiday-calendar.js';
import { contains } from './period.js';
import { NO_SLOT, NO_TIME, type Complainants } from './records.js';
import type {
  AnalysisInput,
  DurationStats,
  Extras,
  RepeatList,
  Satisfaction,
  Timeliness,
} from './types.js';
import {
  pastWorkingDayLimit,
  workingDayDue,
  type Due,
  type TimeLimit,
  type WorkCalendar,
} from './workdays.js';

// Kept where report/workbook.ts imports it from.
export type { DurationStats } from './types.js';

export const SATISFACTION_GROUPS = {
  satisfied: ['非常满意', '满意', '基本满意', '十分满意', '很满意'],
  neutral: ['一般', '较满意'],
  dissatisfied: ['不满意', '非常不满意', '很不满意', '不太满意'],
  notSurveyed: [
    '未回访',
    '回访失败',
    '无法联系',
    '未联系上',
    '拒绝回访',
    '不需回访',
    '无需回访',
    '联系不上',
  ],
} as const;
type SatisfactionGroup = keyof typeof SATISFACTION_GROUPS;

/** Calls `visit` with the row, unit and day of every complaint in the period. */
function eachComplaint(
  input: AnalysisInput,
  visit: (row: number, unit: number, day: number) => void,
): void {
  const { records, period } = input;
  const days = records.cellDay;
  const units = records.cellUnit;
  for (let row = 0; row < records.complaintRows; row++) {
    const cell = records.cellOf(row);
    if (cell >= 0 && contains(period, days[cell]!)) visit(row, units[cell]!, days[cell]!);
  }
}

/**
 * Complaints per complainant in one pass. Counted in typed arrays: a Map entry per complainant
 * would cost ~100 bytes each. Only a complainant seen a second time gets the set of its units,
 * started with the unit of its first complaint.
 */
class RepeatTally {
  readonly counts: Uint32Array;
  private readonly firstUnit: Int32Array;
  readonly units = new Map<number, Set<number>>();

  constructor(size: number) {
    this.counts = new Uint32Array(size);
    this.firstUnit = new Int32Array(size);
  }

  add(slot: number, unit: number): void {
    if (slot === NO_SLOT) return;
    if (this.counts[slot]!++ === 0) {
      this.firstUnit[slot] = unit;
      return;
    }
    let set = this.units.get(slot);
    if (!set) this.units.set(slot, (set = new Set([this.firstUnit[slot]!])));
    set.add(unit);
  }
}

function repeatList(
  input: AnalysisInput,
  tally: RepeatTally,
  who: Complainants,
  total: number,
): RepeatList {
  let complaints = 0;
  for (const slot of tally.units.keys()) complaints += tally.counts[slot]!;
  const names = input.records.units.list;
  const top = [...tally.units]
    .map(([slot, set]) => ({
      key: who.text.get(slot) ?? '',
      complaints: tally.counts[slot]!,
      units: [...set].map((u) => names[u]!).sort(),
    }))
    .sort((a, b) => b.complaints - a.complaints || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, input.settings.top);
  return {
    complainants: tally.units.size,
    complaints,
    share: share(complaints, total),
    top,
  };
}

/** Complainants (by customer number, by phone) with two or more complaints in the period. */
export function repeatComplainants(input: AnalysisInput): Extras['repeatComplainants'] {
  const hasCustomer = input.fields.has('customerId');
  const hasPhone = input.fields.has('phone');
  if (!hasCustomer && !hasPhone) return null;
  const { records } = input;
  const byCustomer = hasCustomer ? new RepeatTally(records.customers.size) : null;
  const byPhone = hasPhone ? new RepeatTally(records.phones.size) : null;
  let total = 0;
  eachComplaint(input, (r, unit) => {
    total++;
    byCustomer?.add(records.customer(r), unit);
    byPhone?.add(records.phone(r), unit);
  });
  return {
    byCustomer: byCustomer && repeatList(input, byCustomer, records.customers, total),
    byPhone: byPhone && repeatList(input, byPhone, records.phones, total),
  };
}

/** A stage's durations: seconds of those after acceptance, how many of them are over the limit,
 * and how many times came before acceptance (left out). */
interface Durations {
  seconds: number[];
  over: number;
  negative: number;
}

const noDurations = (): Durations => ({ seconds: [], over: 0, negative: 0 });

/** A stage's durations in hours, ascending; sorted once though used per unit and overall. */
const sortedHours = new WeakMap<Durations, Float64Array>();

function hoursOf(d: Durations): Float64Array {
  let hours = sortedHours.get(d);
  if (!hours) {
    hours = new Float64Array(d.seconds.length);
    for (let i = 0; i < hours.length; i++) hours[i] = d.seconds[i]! / 3600;
    sortedHours.set(d, hours.sort());
  }
  return hours;
}

/**
 * Sorted runs merged into one sorted run: the same values in the same order as sorting them
 * all, so the mean (summed in that order) comes out to the same bit, at a fraction of the cost
 * of sorting a million hours again for the whole.
 */
function mergeSorted(runs: readonly Float64Array[]): Float64Array {
  if (runs.length === 0) return new Float64Array(0);
  // In pairs, so that many units cost n·log(units), not n·units.
  let level = runs;
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let r = 0; r + 1 < level.length; r += 2) next.push(mergeTwo(level[r]!, level[r + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  // The rest copied whole: a loop of its own, run only now and then, had V8 drop the function's
  // optimised code and compile it again on most calls (20 times a run on the 1M CSV).
  const rest = i < a.length ? a : b;
  out.set(rest.subarray(rest === a ? i : j), k);
  return out;
}

function durationStats(of: readonly Durations[], limit: TimeLimit): DurationStats {
  const hours = mergeSorted(of.map(hoursOf));
  const overLimit = of.reduce((sum, d) => sum + d.over, 0);
  return {
    count: hours.length,
    beforeAcceptance: of.reduce((sum, d) => sum + d.negative, 0),
    meanHours: mean(hours),
    medianHours: medianOfSorted(hours),
    limitHours: limit.unit === 'hours' ? limit.value : null,
    overLimit,
    overLimitShare: share(overLimit, hours.length),
    limit,
  };
}

/**
 * Whether `seconds` after acceptance is past a limit: past so many hours, or past the end of the
 * N-th working day after the day of acceptance (workdays.ts). Working days note, through
 * `outside`, a due time counted beyond the calendar's years.
 */
function overLimitTest(
  limit: TimeLimit,
  calendar: WorkCalendar,
): (day: number, second: number, seconds: number) => { over: boolean; outside: boolean } {
  if (limit.unit === 'hours') {
    const result = { over: false, outside: false };
    return (_day, _second, seconds) => {
      result.over = seconds / 3600 > limit.value;
      return result;
    };
  }
  // One due day per day of acceptance: a year of complaints has at most 366 of them.
  const dues = new Map<number, Due>();
  return (day, second, seconds) => {
    let due = dues.get(day);
    if (!due) dues.set(day, (due = workingDayDue(day, limit.value, calendar)));
    return { over: pastWorkingDayLimit(day, second, seconds, due), outside: due.outside };
  };
}

/** Hours from acceptance to reply and to closing, against the limits, overall and per unit. */
export function timeliness(
  input: AnalysisInput,
  calendar: WorkCalendar = chineseDays(),
): Timeliness | null {
  const hasReply = input.fields.has('repliedAt');
  const hasClose = input.fields.has('closedAt');
  if (!hasReply && !hasClose) return null;
  const { records, settings } = input;
  const { replyLimit, closeLimit } = settings;
  const replyOver = overLimitTest(replyLimit, calendar);
  const closeOver = overLimitTest(closeLimit, calendar);
  // One pass: the durations of each unit, and those before acceptance, kept apart.
  const perUnit = new Map<number, { reply: Durations; close: Durations }>();
  let outside = 0;
  const add = (d: Durations, s: number, test: typeof replyOver, day: number, second: number) => {
    if (s === NO_TIME) return false;
    if (s < 0) {
      d.negative++;
      return false;
    }
    d.seconds.push(s);
    const { over, outside } = test(day, second, s);
    if (over) d.over++;
    return outside;
  };
  eachComplaint(input, (r, unit, day) => {
    let u = perUnit.get(unit);
    if (!u) perUnit.set(unit, (u = { reply: noDurations(), close: noDurations() }));
    const second = records.acceptSecond(r);
    const a = add(u.reply, records.replySeconds(r), replyOver, day, second);
    const b = add(u.close, records.closeSeconds(r), closeOver, day, second);
    if (a || b) outside++;
  });
  const stats = (of: Durations[], kind: 'reply' | 'close') =>
    (kind === 'reply' ? hasReply : hasClose)
      ? durationStats(of, kind === 'reply' ? replyLimit : closeLimit)
      : null;
  const all = [...perUnit.values()];
  const byUnit = [...perUnit.entries()]
    .map(([unit, u]) => ({
      unit: records.units.list[unit]!,
      reply: stats([u.reply], 'reply'),
      close: stats([u.close], 'close'),
    }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const inWorkingDays = [hasReply && replyLimit, hasClose && closeLimit].some(
    (l) => l && l.unit === 'workingDays',
  );
  return {
    reply: stats(
      all.map((u) => u.reply),
      'reply',
    ),
    close: stats(
      all.map((u) => u.close),
      'close',
    ),
    byUnit,
    calendar: inWorkingDays
      ? {
          source: calendar.source,
          years: [calendar.firstYear, calendar.lastYear],
          outside,
        }
      : null,
  };
}

/** Callback results grouped as satisfied, neutral, dissatisfied or not surveyed. */
export function satisfaction(input: AnalysisInput): Satisfaction | null {
  if (!input.fields.has('satisfaction')) return null;
  const { records } = input;
  const values = records.satisfactions.list;
  const groupOf = values.map((v): SatisfactionGroup | null => {
    for (const g of Object.keys(SATISFACTION_GROUPS) as SatisfactionGroup[])
      if ((SATISFACTION_GROUPS[g] as readonly string[]).includes(v)) return g;
    return null;
  });
  const result: Satisfaction = {
    byValue: {},
    satisfied: 0,
    neutral: 0,
    dissatisfied: 0,
    notSurveyed: 0,
    unrecognised: 0,
    satisfiedShare: null,
    byUnit: [],
  };
  const perUnit = new Map<number, { surveyed: number; satisfied: number }>();
  eachComplaint(input, (r, unit) => {
    const id = records.satisfaction(r);
    const value = id === 0 ? '(空)' : values[id - 1]!;
    result.byValue[value] = (result.byValue[value] ?? 0) + 1;
    const group = id === 0 ? 'notSurveyed' : groupOf[id - 1];
    if (group === null || group === undefined) {
      result.unrecognised++;
      return;
    }
    result[group]++;
    if (group === 'notSurveyed') return;
    let u = perUnit.get(unit);
    if (!u) perUnit.set(unit, (u = { surveyed: 0, satisfied: 0 }));
    u.surveyed++;
    if (group === 'satisfied') u.satisfied++;
  });
  result.satisfiedShare = share(
    result.satisfied,
    result.satisfied + result.neutral + result.dissatisfied,
  );
  result.byUnit = [...perUnit.entries()]
    .map(([unit, u]) => ({
      unit: records.units.list[unit]!,
      ...u,
      satisfiedShare: share(u.satisfied, u.surveyed),
    }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return result;
}
