/**
 * The early warning of every unit for a period (`complaints warn`, the 预警 sheet, the bulletin's
 * 需关注事项): each indicator's reason with its figures and level, the unit's level the most
 * serious of them. Pure: the cube and targets of the analysis input, and the period's complaints
 * as the reader saw them (WarnOrder: times, places, customers), collected at the I/O edge.
 */
import { civilFromDays, daysInMonth, dayToString, monthOfDay } from '../calendar.js';
import { groupBy, type Tally } from '../group.js';
import { bucketCount, monthPeriod, type Period } from '../period.js';
import { daysCover } from '../coverage.js';
import { monthsOf } from '../sections/months.js';
import type { AnalysisInput } from '../types.js';
import { workingDayDue, type TimeLimit, type WorkCalendar } from '../workdays.js';
import { baselinePeriods, judgedOn, usable, type WarnGap, type WarnSource } from './gaps.js';
import { findEvents, type ComplaintEvent, type EventOrder } from './events.js';
import { chooseProfile, profileOf, yearEndForecast, type SeasonalProfile } from './forecast.js';
import { INDICATORS, levelOf, sortReasons, type Level } from './levels.js';
import { repeatsWithin } from './repeats.js';
import { baseline, spikeOf } from './spike.js';
import { countLevel, type WarnThresholds } from './thresholds.js';
import { atOnce } from '../../turn.js';

/** A complaint as the warning needs it. Times are wall-clock minutes since 1970 (LocalTime.ms / 60000). */
export interface WarnOrder extends EventOrder {
  /** The input the (kept copy of the) work order was read from: its columns say what it can be judged on. */
  input?: number;
  /** Day index of acceptance. */
  day: number;
  /** The customer number, else the telephone; null: neither. */
  customer: string | null;
  escalated: boolean;
  closedAt: number | null;
  /** When the customer was replied to (minutes); null: no reply recorded. Absent: not read. */
  repliedAt?: number | null;
}

export type WarnReason =
  | {
      indicator: 'target';
      level: Level;
      assessed: number;
      annualTarget: number;
      /** The annual target's share of the year gone (the calendar's): the pace. */
      prorated: number;
      forecast: number | null;
      low: number | null;
      high: number | null;
      profile: SeasonalProfile['basis'] | null;
    }
  | { indicator: 'spike'; level: Level; observed: number; expected: number; p: number }
  | { indicator: 'repeat'; level: Level; customers: number; complaints: number; withinDays: number }
  | { indicator: 'escalation'; level: Level; complaints: number }
  | { indicator: 'event'; level: Level; event: ComplaintEvent }
  | { indicator: 'overdue'; level: Level; open: number; late: number; limit: TimeLimit }
  /** Complaints of the period replied to after the reply limit (回复时间 past 受理时间 + limit). */
  | { indicator: 'reply'; level: Level; late: number; limit: TimeLimit };

export interface UnitWarning {
  unit: string;
  level: Level;
  /** Most serious first; green reasons stay (a unit within its target says so). */
  reasons: WarnReason[];
}

/** A run's early warning: the month judged (YYYY-MM), its analysis input, every unit's warning. */
export interface EarlyWarning {
  /** The period judged, as asked: a month (2016-12), or a day or a week (2016-06-30, 2016-W48). */
  month: string;
  input: AnalysisInput;
  units: UnitWarning[];
  thresholds: WarnThresholds;
  /** The checks that could not be made, and why: a unit at green was not judged on these. */
  gaps: WarnGap[];
}

export { warnGaps, type WarnGap, type WarnSource } from './gaps.js';

export interface WarnInput {
  input: AnalysisInput;
  /** The complaints of the period and of the repeat window before it. */
  orders: readonly WarnOrder[];
  /**
   * The units of every complaint kept, of any day (each is listed, as the data's units are);
   * absent: those of `orders`.
   */
  units?: readonly string[];
  thresholds: WarnThresholds;
  /** The closing limit: hours, or working days on the calendar. */
  closeLimit: TimeLimit;
  /** The reply limit (the timeliness section's): absent, replies are not judged. */
  replyLimit?: TimeLimit;
  calendar: WorkCalendar;
  /** The last acceptance time of the data (minutes): open work orders are judged as of then. */
  dataEnd: number;
  /**
   * The inputs, in input order (WarnOrder.input): a work order is judged on a column check only
   * when its own input has the column. Absent: when any input has it.
   */
  sources?: readonly WarnSource[];
}

const MINUTES_A_DAY = 24 * 60;

/**
 * When a complaint is due to be closed (minutes): its acceptance plus the hours, or the end
 * (24:00) of the N-th working day after the day of acceptance (metrics/workdays.ts).
 */
function dueOf(limit: TimeLimit, calendar: WorkCalendar): (o: WarnOrder) => number {
  if (limit.unit === 'hours') return (o) => o.at + limit.value * 60;
  const byDay = new Map<number, number>();
  return (o) => {
    let due = byDay.get(o.day);
    if (due === undefined) {
      due = (workingDayDue(o.day, limit.value, calendar).day + 1) * MINUTES_A_DAY;
      byDay.set(o.day, due);
    }
    return due;
  };
}

/** Per unit name, its tallies over `period` (buckets) by the cube. */
function byUnit(input: AnalysisInput, period: Period): Map<string, Tally[]> {
  const out = new Map<string, Tally[]>();
  for (const g of groupBy(input.cube, ['unit'], period, input.settings))
    out.set(input.cube.units[g.key[0]!]!, g.buckets);
  return out;
}

/** Spikes: the period against the unit's own baseline (baselinePeriods), by the Poisson tail. */
function spikes(w: WarnInput): Map<string, WarnReason> {
  const { input, thresholds } = w;
  const period = input.period;
  const out = new Map<string, WarnReason>();
  if (!['day', 'week', 'month'].includes(period.grain) || bucketCount(period) !== 1) return out;
  if (!usable(input, period)) return out;
  const { before, earlier } = baselinePeriods(period, thresholds.spike.trailing);
  const tally = (p: Period) => (usable(input, p) ? byUnit(input, p) : null);
  const beforeTallies = before.map(tally);
  const earlierTallies = earlier && tally(earlier);
  for (const [unit, now] of byUnit(input, period)) {
    const trailing = beforeTallies.map((t) => (t ? (t.get(unit)?.[0]?.complaints ?? 0) : null));
    const yearBefore = earlierTallies ? (earlierTallies.get(unit)?.[0]?.complaints ?? 0) : null;
    const expected = baseline(trailing, yearBefore, thresholds.spike);
    if (expected === null) continue;
    out.set(unit, {
      indicator: 'spike',
      ...spikeOf(now[0]!.complaints, expected, thresholds.spike),
    });
  }
  return out;
}

/** Complete years before the period's, by unit: 12 monthly assessed counts each. */
function profiles(input: AnalysisInput, year: number, min: number) {
  const use = monthsOf(input);
  const years = new Map<string, Map<number, number[]>>();
  const all = new Map<number, number[]>();
  for (const covered of [...input.covered].map((m) => Math.floor(m / 12))) {
    if (covered >= year || all.has(covered)) continue;
    if (!Array.from({ length: 12 }, (_, i) => covered * 12 + i).every((m) => use.usable(m)))
      continue;
    const sums = Array.from({ length: 12 }, () => 0);
    for (const [unit, tallies] of byUnit(input, monthPeriod(covered * 12, covered * 12 + 11))) {
      const counts = tallies.map((t) => t.assessed);
      counts.forEach((n, i) => (sums[i]! += n));
      const mine = years.get(unit) ?? new Map<number, number[]>();
      mine.set(covered, counts);
      years.set(unit, mine);
    }
    all.set(covered, sums);
  }
  const everyone = profileOf(all, 'all', min);
  return (unit: string) =>
    chooseProfile(profileOf(years.get(unit) ?? new Map(), 'unit', min), everyone);
}

/** Each unit with an annual target: its year to date, the pace and the year-end forecast. */
function targets(w: WarnInput): Map<string, WarnReason> {
  const { input, thresholds } = w;
  const out = new Map<string, WarnReason>();
  if (!input.targets) return out;
  const end = input.period.to;
  const { year, month, day } = civilFromDays(end);
  const through = month - 1 + day / daysInMonth(year, month);
  const ytd: Period = { from: monthPeriod(year * 12, year * 12).from, to: end, grain: 'day' };
  const complete = usable(input, ytd);
  const profileFor = profiles(input, year, thresholds.minProfileComplaints);
  const tallies = byUnit(input, ytd);
  // A target whose unit is in no input (a misspelling, a unit gone) is no unit at 0 complaints:
  // it is said among the gaps (targets-without-data), as the analysis says it.
  const inData = new Set(input.cube.units);
  for (const [unit, target] of input.targets.byUnit) {
    if (!inData.has(unit)) continue;
    const assessed = tallies.get(unit)?.reduce((s, t) => s + t.assessed, 0) ?? 0;
    const annualTarget = target.target;
    const prorated = (annualTarget * through) / 12;
    const profile = profileFor(unit);
    const f = complete ? yearEndForecast(assessed, through, profile) : null;
    const level: Level =
      assessed >= annualTarget || (f && f.low >= annualTarget)
        ? 'red'
        : f && f.forecast >= annualTarget
          ? 'yellow'
          : 'green';
    out.set(unit, {
      indicator: 'target',
      level,
      assessed,
      annualTarget,
      prorated,
      forecast: f?.forecast ?? null,
      low: f?.low ?? null,
      high: f?.high ?? null,
      profile: f ? profile.basis : null,
    });
  }
  return out;
}

/** Repeats, escalation, events and overdue work orders: from the period's complaints. */
function orderReasons(w: WarnInput): Map<string, WarnReason[]> {
  const { input, orders, thresholds: t } = w;
  const { from, to } = input.period;
  const out = new Map<string, WarnReason[]>();
  const add = (unit: string, r: WarnReason) => out.set(unit, [...(out.get(unit) ?? []), r]);
  for (const r of repeatsWithin(orders, t.repeat.withinDays, from, to))
    add(r.unit, {
      indicator: 'repeat',
      level: countLevel(r.customers, t.repeat),
      ...r,
      withinDays: t.repeat.withinDays,
    });
  const inPeriod = orders.filter((o) => o.day >= from && o.day <= to);
  const escalated = new Map<string, number>();
  for (const o of inPeriod)
    if (o.escalated) escalated.set(o.unit, (escalated.get(o.unit) ?? 0) + 1);
  for (const [unit, complaints] of escalated)
    add(unit, { indicator: 'escalation', level: countLevel(complaints, t.escalation), complaints });
  for (const event of findEvents(inPeriod, t.events))
    add(event.unit, {
      indicator: 'event',
      level: event.ids.length >= 2 * t.events.minComplaints ? 'red' : 'yellow',
      event,
    });
  const due = dueOf(w.closeLimit, w.calendar);
  const asOf = Math.min(w.dataEnd, (to + 1) * MINUTES_A_DAY);
  const overdue = new Map<string, { open: number; late: number }>();
  // Without a 办结时间 column a work order's closing time is unknown, not "still open".
  const closable = judgedOn('no-overdue', input, w.sources);
  for (const o of inPeriod) {
    if (!closable(o)) continue;
    const open = o.closedAt === null && asOf > due(o);
    const late = o.closedAt !== null && o.closedAt > due(o);
    if (!open && !late) continue;
    const u = overdue.get(o.unit) ?? { open: 0, late: 0 };
    if (open) u.open++;
    else u.late++;
    overdue.set(o.unit, u);
  }
  // Still open past the limit is a customer still waiting: yellow, red from a few. Closed late
  // is done with: yellow from a few, never red.
  for (const [unit, u] of overdue)
    add(unit, {
      indicator: 'overdue',
      level: maxLevel(
        countLevel(u.open, t.overdue),
        u.late >= t.overdue.lateYellow ? 'yellow' : 'green',
      ),
      ...u,
      limit: w.closeLimit,
    });
  for (const r of lateReplies(w, inPeriod)) add(r.unit, r.reason);
  return out;
}

/**
 * Per unit, the complaints of the period replied to after the reply limit: a broken promise to
 * the customer, judged only on the work orders whose input has a 回复时间 column and that record
 * a reply (an empty 回复时间 is no reply recorded, as the timeliness section counts it).
 */
function lateReplies(
  w: WarnInput,
  inPeriod: readonly WarnOrder[],
): { unit: string; reason: WarnReason }[] {
  const limit = w.replyLimit;
  if (!limit) return [];
  const due = dueOf(limit, w.calendar);
  const replied = judgedOn('no-reply', w.input, w.sources);
  const late = new Map<string, number>();
  for (const o of inPeriod)
    if (o.repliedAt != null && replied(o) && o.repliedAt > due(o))
      late.set(o.unit, (late.get(o.unit) ?? 0) + 1);
  return [...late].map(([unit, n]) => ({
    unit,
    reason: { indicator: 'reply', level: countLevel(n, w.thresholds.reply), late: n, limit },
  }));
}

const LEVEL_ORDER: Record<Level, number> = { red: 0, yellow: 1, green: 2 };

/**
 * The input with the latest day the data covers for every unit as its period (warn --day
 * latest): from the last day with data back, at most 31 days. Null: none.
 */
export function latestCompleteDay(input: AnalysisInput): AnalysisInput | null {
  if (!input.spans || input.spans.length === 0) return null;
  const last = Math.max(...input.spans.map((s) => s.to));
  for (let d = last; d > last - 31; d--) {
    if (daysCover(input.spans, d, d).cover !== 'whole') continue;
    const month = monthOfDay(d);
    const label = dayToString(d);
    return {
      ...input,
      period: { from: d, to: d, grain: 'day' },
      request: { from: month, to: month, kind: 'day', label, days: { from: d, to: d } },
    };
  }
  return null;
}

/**
 * The input with the latest month up to the period's end that the data covers whole as its
 * period (a month covered in part would read as a fall): what `warn` judges by default, and
 * what a report's early warning judges (a quarter's or a year's last month). Null: none.
 */
export function latestCompleteMonth(input: AnalysisInput): AnalysisInput | null {
  const use = monthsOf(input);
  const last = monthOfDay(input.period.to);
  const first = monthOfDay(input.period.from);
  for (let m = last; m >= first; m--) {
    if (!use.usable(m)) continue;
    const label = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    return {
      ...input,
      period: monthPeriod(m, m),
      request: { from: m, to: m, kind: 'month', label },
    };
  }
  return null;
}

function maxLevel(a: Level, b: Level): Level {
  return LEVEL_ORDER[a] <= LEVEL_ORDER[b] ? a : b;
}

/**
 * How far a reason goes, to put the most urgent unit first among those of its level and leading
 * indicator: compared figure by figure, larger first. A target: whether it is reached already,
 * then the share of it reached (or, not reached, forecast), then the excess; a spike: observed
 * over expected, then observed; the others their count of complaints (or work orders).
 */
export function reasonSize(r: WarnReason): number[] {
  switch (r.indicator) {
    case 'target': {
      const reached = r.assessed >= r.annualTarget;
      const figure = reached ? r.assessed : (r.forecast ?? r.assessed);
      return [reached ? 1 : 0, figure / r.annualTarget, figure - r.annualTarget];
    }
    case 'spike':
      return [r.expected > 0 ? r.observed / r.expected : Infinity, r.observed];
    case 'repeat':
      return [r.complaints, r.customers];
    case 'escalation':
      return [r.complaints];
    case 'event':
      return [r.event.ids.length];
    case 'overdue':
      return [r.open + r.late];
    case 'reply':
      return [r.late];
  }
}

function bySize(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

/**
 * Most urgent first, as an analyst reads the list: red, yellow, green; within a level, by the
 * leading reason's indicator (the order reasons are ranked in: the assessment first), then by how
 * far it goes (reasonSize), then by name.
 */
export function byUrgency(a: UnitWarning, b: UnitWarning): number {
  const lead = (w: UnitWarning) => w.reasons[0];
  const [ra, rb] = [lead(a), lead(b)];
  return (
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    (ra && rb
      ? INDICATORS.indexOf(ra.indicator) - INDICATORS.indexOf(rb.indicator) ||
        (ra.indicator === rb.indicator ? bySize(reasonSize(ra), reasonSize(rb)) : 0)
      : (ra ? 0 : 1) - (rb ? 0 : 1)) ||
    (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
  );
}

/** Every unit of the data or the complaints, the most urgent first (byUrgency). */
export function unitWarnings(w: WarnInput): UnitWarning[] {
  return atOnce(unitWarningSteps(w));
}

/** The same, a step a kind of reason (turn.ts: a run answering signals yields between them). */
export function* unitWarningSteps(w: WarnInput): Generator<void, UnitWarning[]> {
  const spike = spikes(w);
  yield;
  const target = targets(w);
  yield;
  const rest = orderReasons(w);
  yield;
  const units = new Set([...w.input.cube.units, ...(w.units ?? w.orders.map((o) => o.unit))]);
  return [...units]
    .map((unit): UnitWarning => {
      const reasons = sortReasons([
        ...(target.has(unit) ? [target.get(unit)!] : []),
        ...(spike.has(unit) ? [spike.get(unit)!] : []),
        ...(rest.get(unit) ?? []),
      ]);
      return { unit, level: levelOf(reasons), reasons };
    })
    .sort(byUrgency);
}
