/**
 * The year to date (累计) beside a month or a quarter: the monthly bulletin and the quarterly
 * evaluation show the period asked and January to its last month side by side, because the
 * targets are annual — what a bulletin must raise is a unit whose assessed complaints so far
 * have already reached its target for the whole year.
 *
 * Built from the other sections with another period: the same cube, units, totals, months and
 * target match over January … the period's last month, with the request kind `yearToDate`
 * (held against the whole annual targets, or their share with --prorate; no 环比).
 */
import { monthOfDay } from '../calendar.js';
import { hasReachedTarget } from '../formulas.js';
import { monthPeriod, months as monthsOf, type Period, type PeriodRequest } from '../period.js';
import type {
  AnalysisInput,
  UnitRow,
  YearToDate,
  YearToDateTotals,
  YearToDateUnitRow,
} from '../types.js';
import { months, trend } from './months.js';
import { periodSection } from './period.js';
import { targetMatch } from './targets.js';
import { totals } from './totals.js';
import { units } from './units.js';

/** The periods asked for that have a year to date beside them. */
export function hasYearToDate(request: Pick<PeriodRequest, 'kind'>): boolean {
  return request.kind === 'month' || request.kind === 'quarter';
}

/** January of the year of the period's last month, to that month. */
export function yearToDatePeriod(period: Period): Period {
  const last = monthOfDay(period.to);
  return monthPeriod(last - (last % 12), last);
}

/** The input of the analysis over the year to date of `input`'s period. */
export function yearToDateInput(input: AnalysisInput): AnalysisInput {
  const period = yearToDatePeriod(input.period);
  const request: PeriodRequest = {
    from: monthOfDay(period.from),
    to: monthOfDay(period.to),
    kind: 'yearToDate',
    label: null,
  };
  return { ...input, period, request };
}

/**
 * What a report covers when the period is known before reading (明细 is spooled while
 * reading): the period asked, from January when it has a year to date; null when the data
 * decides it.
 */
export function reportSpan(request: PeriodRequest): Period | null {
  if (request.from === null || request.to === null) return null;
  const period = monthPeriod(request.from, request.to);
  return hasYearToDate(request) ? yearToDatePeriod(period) : period;
}

function withAnnualTarget(input: AnalysisInput, u: UnitRow): YearToDateUnitRow {
  const annualTarget = input.targets?.byUnit.get(u.unit)?.target ?? null;
  return { ...u, annualTarget, reachedAnnualTarget: hasReachedTarget(u.assessed, annualTarget) };
}

/** The months of the year to date that no input covers (counted as 0). */
export function yearToDateMissing(input: AnalysisInput): number[] {
  if (!hasYearToDate(input.request)) return [];
  const asked = new Set(monthsOf(input.period));
  // The months of the period itself are the period's own note (months-missing).
  return monthsOf(yearToDatePeriod(input.period)).filter(
    (m) => !asked.has(m) && !input.covered.has(m),
  );
}

/** The year to date of a month or a quarter; null for any other period. */
export function yearToDate(input: AnalysisInput): YearToDate | null {
  if (!hasYearToDate(input.request)) return null;
  const ytd = yearToDateInput(input);
  const rows = units(ytd).map((u) => withAnnualTarget(ytd, u));
  const sums = totals(ytd, rows);
  // The units with a target only; none of them (a targets file matching no unit): no target.
  const targeted = input.targets ? rows.filter((u) => u.annualTarget !== null) : [];
  const annualTarget =
    targeted.length === 0 ? null : targeted.reduce((sum, u) => sum + u.annualTarget!, 0);
  const assessedWithTarget = targeted.reduce((sum, u) => sum + u.assessed, 0);
  const yearTotals: YearToDateTotals = {
    ...sums,
    annualTarget,
    reachedAnnualTarget: hasReachedTarget(assessedWithTarget, annualTarget),
    unitsReachedAnnualTarget: rows.filter((u) => u.reachedAnnualTarget === true).length,
  };
  const monthRows = months(ytd);
  return {
    period: periodSection(ytd),
    totals: yearTotals,
    units: rows,
    months: monthRows,
    trend: trend(ytd, monthRows),
    targets: targetMatch(ytd, rows),
  };
}
