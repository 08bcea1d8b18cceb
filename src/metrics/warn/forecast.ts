/**
 * The year-end forecast of a unit's assessed complaints: what it has so far, scaled by how much of
 * a year its own seasonal profile says has passed — complaints are not spread evenly (summer
 * outages, winter bills), so January–June is rarely half a year's complaints. The profile comes
 * from the unit's earlier complete years when they hold enough complaints to be a profile, else
 * from every unit's, else the calendar (each month 1/12). The interval is the predictive one of the
 * complaints still to come (predictive.ts: gamma–Poisson, i.e. negative binomial), with the rate
 * itself estimated from the complaints so far: 4 complaints in January leave the year wide open.
 */
import { restOfYear } from './predictive.js';

// Defined with the thresholds: --help reads them, and this module loads simple-statistics.
import { MIN_PROFILE_COMPLAINTS } from './thresholds.js';
export { MIN_PROFILE_COMPLAINTS };

import { INTERVAL } from './interval.js';
export { INTERVAL };

export interface SeasonalProfile {
  /** Each calendar month's share of a year's complaints, January first; they sum to 1. */
  shares: number[];
  /** Whose years it comes from: the unit's, every unit's, or none (the calendar). */
  basis: 'unit' | 'all' | 'calendar';
  /** The complete years it was made from. */
  years: number[];
}

export const CALENDAR: SeasonalProfile = {
  shares: Array.from({ length: 12 }, () => 1 / 12),
  basis: 'calendar',
  years: [],
};

/**
 * A profile from complete years of monthly counts (year → 12 counts, January first), summed over
 * the years: null when they hold fewer than `min` complaints.
 */
export function profileOf(
  years: ReadonlyMap<number, readonly number[]>,
  basis: 'unit' | 'all',
  min = MIN_PROFILE_COMPLAINTS,
): SeasonalProfile | null {
  const sums = Array.from({ length: 12 }, () => 0);
  for (const counts of years.values()) counts.forEach((n, i) => (sums[i]! += n));
  const total = sums.reduce((s, n) => s + n, 0);
  if (years.size === 0 || total < min) return null;
  return { shares: sums.map((n) => n / total), basis, years: [...years.keys()].sort() };
}

/** The unit's own profile when it has one, else every unit's, else the calendar. */
export function chooseProfile(
  unit: SeasonalProfile | null,
  all: SeasonalProfile | null,
): SeasonalProfile {
  return unit ?? all ?? CALENDAR;
}

export interface YearEndForecast {
  soFar: number;
  /** The share of the year's complaints the profile puts in the months gone. */
  elapsedShare: number;
  /** The expected year-end total. */
  forecast: number;
  /** The 80% predictive interval of the year-end total (the rate's uncertainty included). */
  low: number;
  high: number;
}

/**
 * `soFar` complaints in January to month `through` (1–12; 10.5 is mid-November): the year-end
 * total expected, and its
 * interval. A profile that puts nothing in the months gone (a unit with no complaints so far in
 * any earlier year) falls back to the calendar.
 */
export function yearEndForecast(
  soFar: number,
  through: number,
  profile: SeasonalProfile,
): YearEndForecast {
  // A fraction of a month (a day or a week's end) takes that part of the month's share.
  const whole = Math.floor(through);
  const share = (p: SeasonalProfile) =>
    p.shares.slice(0, whole).reduce((s, x) => s + x, 0) +
    (whole < 12 ? p.shares[whole]! * (through - whole) : 0);
  const elapsedShare = share(profile) > 0 ? share(profile) : share(CALENDAR);
  const forecast = through >= 12 ? soFar : soFar / elapsedShare;
  const rest = through >= 12 ? { low: 0, high: 0 } : restOfYear(soFar, elapsedShare, INTERVAL);
  return { soFar, elapsedShare, forecast, low: soFar + rest.low, high: soFar + rest.high };
}
