/**
 * The daily series of a period at day or week grain (a day, an ISO week, a range of days): each
 * day's counts, against the day before (环比) and against the same weekday's average of the four
 * weeks before (sameWeekdayAverage) — what a daily bulletin compares a day with, since a Monday
 * is never a Sunday. A day the inputs do not wholly cover is marked and never a base: its count
 * would read the missing exports as a fall. Months keep their own series (months.ts).
 */
import { dayToString, weekday } from '../calendar.js';
import { daysCover } from '../coverage.js';
import { BASELINE_WEEKS, change, sameWeekdayAverage } from '../formulas.js';
import { countsOf, tallyOf } from '../group.js';
import type { AnalysisInput, DayRow } from '../types.js';
import { inDays } from './period.js';

/**
 * Each day's coverage: `whole` when every unit's inputs cover it; usable as a base when whole
 * (or covered at all, with --include-partial). Without spans (an input made by hand) every day is
 * whole.
 */
function dayUse(input: AnalysisInput): (day: number) => { whole: boolean; usable: boolean } {
  const { spans, settings } = input;
  const cache = new Map<number, { whole: boolean; usable: boolean }>();
  return (day) => {
    let use = cache.get(day);
    if (!use) {
      const cover = spans ? daysCover(spans, day, day).cover : 'whole';
      const usable = cover === 'whole' || (cover === 'part' && settings.includePartial);
      cache.set(day, (use = { whole: cover === 'whole', usable }));
    }
    return use;
  };
}

export function days(input: AnalysisInput): DayRow[] | null {
  const { cube, period, settings } = input;
  if (!inDays(period)) return null;
  const back = BASELINE_WEEKS * 7;
  const first = period.from - back;
  const all = tallyOf(cube, { from: first, to: period.to, grain: 'day' }, settings).buckets;
  const use = dayUse(input);
  const countAt = (d: number) => (use(d).usable ? all[d - first]!.complaints : null);
  const rows: DayRow[] = [];
  for (let d = period.from; d <= period.to; d++) {
    const t = all[d - first]!;
    const { whole, usable } = use(d);
    const { average, weeks } = sameWeekdayAverage(
      Array.from({ length: BASELINE_WEEKS }, (_, w) => countAt(d - 7 * (w + 1))),
    );
    rows.push({
      day: dayToString(d),
      weekday: weekday(d),
      ...countsOf(t),
      partial: !whole,
      mom: usable ? change(t.complaints, countAt(d - 1)) : null,
      baseline: average,
      baselineWeeks: weeks,
      vsBaseline: usable ? change(t.complaints, average) : null,
    });
  }
  return rows;
}
