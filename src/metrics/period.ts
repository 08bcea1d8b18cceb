/**
 * The period a report covers, as a span of calendar months (month index = year × 12 + month − 1,
 * as in schema/values.ts). Chosen with --from/--to, --month, --quarter or --year (read by
 * settings/period-syntax.ts); bounds not given come from the data. Comparisons: the same months a year earlier (同比) and the span of equal
 * length just before (环比).
 */
import { monthIndexToString } from '../schema/values.js';

export interface Period {
  /** First and last month index, inclusive. */
  from: number;
  to: number;
}

/** What the options ask for; null bounds are taken from the data. */
export interface PeriodRequest {
  from: number | null;
  to: number | null;
  /** How it was asked: shown in reports and used for default output names. */
  kind: 'auto' | 'range' | 'month' | 'quarter' | 'year';
  label: string | null;
}

/**
 * Fills the bounds the request leaves open from the months that hold data (sorted ascending):
 * with none given, the latest calendar year with data, from its first month with data to its
 * last; with only --to, the same within the months up to it; with only --from, up to the last
 * month with data. Null when there is nothing to fill from.
 */
export function resolvePeriod(
  request: PeriodRequest,
  dataMonths: readonly number[],
): Period | null {
  if (request.from !== null && request.to !== null) return { from: request.from, to: request.to };
  const upTo = dataMonths.filter((m) => request.to === null || m <= request.to);
  const fromOn = upTo.filter((m) => request.from === null || m >= request.from);
  if (fromOn.length === 0) return null;
  const last = request.to ?? fromOn[fromOn.length - 1]!;
  if (request.from !== null) return { from: request.from, to: last };
  const yearStart = Math.floor(last / 12) * 12;
  const inYear = fromOn.filter((m) => m >= yearStart && m <= last);
  return { from: inYear[0] ?? yearStart, to: last };
}

export function monthCount(period: Period): number {
  return period.to - period.from + 1;
}

export function months(period: Period): number[] {
  const out: number[] = [];
  for (let m = period.from; m <= period.to; m++) out.push(m);
  return out;
}

export function contains(period: Period, month: number): boolean {
  return month >= period.from && month <= period.to;
}

/** The same months a year earlier (同比). */
export function yearEarlier(period: Period): Period {
  return { from: period.from - 12, to: period.to - 12 };
}

/** The span of equal length just before (环比 of a whole period). */
export function preceding(period: Period): Period {
  const n = monthCount(period);
  return { from: period.from - n, to: period.from - 1 };
}

export function periodJson(period: Period): { from: string; to: string } {
  return { from: monthIndexToString(period.from), to: monthIndexToString(period.to) };
}

/** [from, to] as YYYY-MM. */
export function spanOf(period: Period): [string, string] {
  return [monthIndexToString(period.from), monthIndexToString(period.to)];
}

/** 2016-01 … 2016-12 → "2016-01 – 2016-12"; one month alone. */
export function periodText(period: Period): string {
  const { from, to } = periodJson(period);
  return from === to ? from : `${from} – ${to}`;
}
