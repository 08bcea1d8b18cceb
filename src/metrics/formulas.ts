/**
 * The formulas of DESIGN.md §2, as pure functions of plain numbers. Everything the metrics
 * report goes through these, so they are tested once, with the published worked examples.
 * Rates are plain fractions (0.168, not 16.8), unrounded; null where a rate has no meaning.
 */

/** (current − base) / base: 环比 against the preceding value, 同比 against a year earlier. */
export function change(current: number, base: number | null): number | null {
  if (base === null || base === 0) return null;
  return (current - base) / base;
}

/** 超指标率: (assessed − target) / target; negative means under target. */
export function overTargetRate(assessed: number, target: number | null): number | null {
  if (target === null || target === 0) return null;
  return (assessed - target) / target;
}

/** Whether a unit is over its target; a target of 0 is exceeded by any assessed complaint. */
export function isOverTarget(assessed: number, target: number | null): boolean | null {
  return target === null ? null : assessed > target;
}

/**
 * Whether a unit has reached its annual target: assessed ≥ target. Reaching it is what a
 * monthly bulletin raises (the allowance of the year is used up, the next complaint is over);
 * null without a target.
 */
export function hasReachedTarget(assessed: number, target: number | null): boolean | null {
  return target === null ? null : assessed >= target;
}

/** 占比: part / whole. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** 万户投诉率: complaints per 10,000 customers. */
export function ratePer10k(complaints: number, customers: number | null): number | null {
  if (customers === null || customers <= 0) return null;
  return (complaints / customers) * 10_000;
}

/** An annual target scaled to a period of `months` months (--prorate). */
export function prorate(annualTarget: number, months: number): number {
  return (annualTarget * months) / 12;
}

export interface AverageMonthlyReduction {
  /** Mean of the monthly reduction rates (−环比), over the months whose rate exists. */
  arithmetic: number | null;
  /**
   * 1 − (last / first)^(1 / (n − 1)), n − 1 the months from the first to the last; null when
   * either is 0: from 0 no rate exists, and to 0 every series gives 100% (3 → 4 → 0 as 300 → 0),
   * a figure that says nothing of the months between.
   */
  compound: number | null;
}

/**
 * 月均下降率 of a monthly series, both ways; positive means falling. A null is a month that
 * cannot stand beside the others (not covered, or covered in part): it has no reduction rate and
 * none against it, and the compound rate runs from the first month with a value to the last,
 * over the months between them.
 */
export function averageMonthlyReduction(
  series: readonly (number | null)[],
): AverageMonthlyReduction {
  const rates: number[] = [];
  for (let i = 1; i < series.length; i++) {
    const mom = change(series[i] ?? 0, series[i - 1] ?? null);
    if (series[i] !== null && mom !== null) rates.push(-mom);
  }
  const arithmetic =
    rates.length === 0 ? null : rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
  const at = series.flatMap((v, i) => (v === null ? [] : [i]));
  const firstAt = at[0];
  const lastAt = at[at.length - 1];
  const first = firstAt === undefined ? undefined : series[firstAt]!;
  const last = lastAt === undefined ? undefined : series[lastAt]!;
  const compound =
    first === undefined || last === undefined || lastAt === firstAt || first <= 0 || last <= 0
      ? null
      : 1 - Math.pow(last / first, 1 / (lastAt! - firstAt!));
  return { arithmetic, compound };
}

/**
 * Competition ranks (1, 2, 2, 4) of values already sorted best first: equal values share a
 * rank, as in the published tables.
 */
export function competitionRanks(sorted: readonly number[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((value, i) => {
    ranks.push(i > 0 && value === sorted[i - 1] ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** The median of values sorted ascending. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How many weeks back the same weekday's average of a daily bulletin reaches. */
export const BASELINE_WEEKS = 4;

/**
 * The same weekday's average (日通报): the mean of the counts of the same weekday in each of the
 * BASELINE_WEEKS weeks before, `counts` most recent first, null for a day the data does not
 * wholly cover — left out, not read as 0. Mondays are busier than Sundays, so a day is compared
 * with its own weekday, and four weeks smooth a single odd one. Null when none is covered.
 */
export function sameWeekdayAverage(counts: readonly (number | null)[]): {
  average: number | null;
  weeks: number;
} {
  const known = counts.slice(0, BASELINE_WEEKS).filter((c): c is number => c !== null);
  return { average: mean(known), weeks: known.length };
}
