/**
 * Which months the data covers, wholly or in part, from the days each input covers
 * (ingest/coverage.ts) and the units it holds. A month is partial when some unit's inputs do not
 * cover all its days: the exports of one company that overlap fill each other's gaps (an export to
 * 21 June and one from 1 June cover June), while a county's export that stops on 26 December
 * leaves December partial even when the others run to the 31st — that county's December is short.
 *
 * Partial months are left out of 环比, seasonality and the average monthly reduction unless
 * `includePartial` (--include-partial); a month no input covers is left out always. Pure.
 */
import { firstDayOfMonth, lastDayOfMonth, monthOfDay } from './calendar.js';

/** The days an input covers (inclusive day indexes) and the units it holds. */
export interface InputSpan {
  from: number;
  to: number;
  units: readonly string[];
}

/** A month the data covers only in part. */
export interface PartialMonth {
  month: number;
  /** The first day covered, when later than the 1st; else null. */
  since: number | null;
  /** The last day covered, when earlier than the month's last day; else null. */
  through: number | null;
  /** Some unit's data has a hole inside the month (two exports that leave days between them). */
  gap: boolean;
}

/** The months any input covers at least a day of. */
export function coveredMonths(spans: readonly InputSpan[]): Set<number> {
  const months = new Set<number>();
  for (const s of spans) for (let m = monthOfDay(s.from); m <= monthOfDay(s.to); m++) months.add(m);
  return months;
}

/** How one unit's inputs cover the days a…b: its first and last day covered, and any hole. */
function unitCover(intervals: [number, number][], a: number, b: number) {
  intervals.sort((x, y) => x[0] - y[0]);
  let gap = false;
  let reach = intervals[0]![1];
  for (const [from, to] of intervals.slice(1)) {
    if (from > reach + 1) gap = true;
    reach = Math.max(reach, to);
  }
  return { first: Math.max(intervals[0]![0], a), last: Math.min(reach, b), gap };
}

/** Month `m`'s coverage when partial, else null (also null when no input covers any of it). */
function monthCover(spans: readonly InputSpan[], m: number): PartialMonth | null {
  const a = firstDayOfMonth(m);
  const b = lastDayOfMonth(m);
  const byUnit = new Map<string, [number, number][]>();
  for (const s of spans) {
    if (s.to < a || s.from > b) continue;
    for (const unit of s.units) {
      let list = byUnit.get(unit);
      if (!list) byUnit.set(unit, (list = []));
      list.push([Math.max(s.from, a), Math.min(s.to, b)]);
    }
  }
  let since = a;
  let through = b;
  let gap = false;
  for (const intervals of byUnit.values()) {
    const u = unitCover(intervals, a, b);
    since = Math.max(since, u.first);
    through = Math.min(through, u.last);
    gap ||= u.gap;
  }
  if (byUnit.size === 0 || (since === a && through === b && !gap)) return null;
  return { month: m, since: since > a ? since : null, through: through < b ? through : null, gap };
}

/** The months from `from` to `to` (month indexes) the inputs cover only in part. */
export function partialMonths(
  spans: readonly InputSpan[],
  from: number,
  to: number,
): Map<number, PartialMonth> {
  const partial = new Map<number, PartialMonth>();
  for (let m = from; m <= to; m++) {
    const p = monthCover(spans, m);
    if (p) partial.set(m, p);
  }
  return partial;
}

/** What the metrics need to know of a month's coverage. */
export interface MonthUse {
  /** Some input covers at least a day of it. */
  covered(month: number): boolean;
  /** Covered in part only. */
  partial(month: number): PartialMonth | undefined;
  /** Its count can stand beside the others (环比, seasonality, the average reduction). */
  usable(month: number): boolean;
}

export function monthUse(
  covered: ReadonlySet<number>,
  partial: ReadonlyMap<number, PartialMonth>,
  includePartial: boolean,
): MonthUse {
  return {
    covered: (m) => covered.has(m),
    partial: (m) => partial.get(m),
    usable: (m) => covered.has(m) && (includePartial || !partial.has(m)),
  };
}

/**
 * How the inputs cover the days a…b (a day, a week, a range of days): `none` when no input
 * covers any of them; `part` when some unit's inputs — those of the units the inputs hold in the
 * months of a…b or the four weeks before, as for a partial month — leave a day of a…b out (the county whose export
 * stops on the 26th leaves the 27th partial); `whole` otherwise. `through` is the last day every
 * unit's inputs reach, when earlier than b.
 */
export interface DaysCover {
  cover: 'none' | 'part' | 'whole';
  /** The days of a…b no input covers at all. */
  uncovered: number[];
  through: number | null;
  /** The units whose exports leave a day of a…b out (a…b covered in part), by name. */
  short: string[];
}

export function daysCover(spans: readonly InputSpan[], a: number, b: number): DaysCover {
  // The units expected: those the inputs hold in the months of a…b or the four weeks before
  // it (a county whose export stops on 30 June is missing on 1 July).
  const around = [Math.min(firstDayOfMonth(monthOfDay(a)), a - 28), lastDayOfMonth(monthOfDay(b))];
  const byUnit = new Map<string, [number, number][]>();
  const any = new Uint8Array(b - a + 1);
  for (const s of spans) {
    if (s.to < around[0]! || s.from > around[1]!) continue;
    for (let d = Math.max(s.from, a); d <= Math.min(s.to, b); d++) any[d - a] = 1;
    for (const unit of s.units) {
      let list = byUnit.get(unit);
      if (!list) byUnit.set(unit, (list = []));
      if (s.to >= a && s.from <= b) list.push([Math.max(s.from, a), Math.min(s.to, b)]);
    }
  }
  const uncovered: number[] = [];
  any.forEach((v, i) => {
    if (!v) uncovered.push(a + i);
  });
  if (uncovered.length === any.length)
    return { cover: 'none', uncovered, through: null, short: [] };
  let through = b;
  const short: string[] = [];
  for (const [unit, intervals] of byUnit) {
    if (intervals.length === 0) {
      short.push(unit);
      through = Math.min(through, a - 1);
      continue;
    }
    const u = unitCover(intervals, a, b);
    if (u.first > a || u.last < b || u.gap) short.push(unit);
    through = Math.min(through, u.last);
  }
  const whole = uncovered.length === 0 && short.length === 0;
  return {
    cover: whole ? 'whole' : 'part',
    uncovered,
    through: through < b ? through : null,
    short: whole ? [] : short.sort(),
  };
}
