/** The year-end forecast, worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  CALENDAR,
  chooseProfile,
  profileOf,
  yearEndForecast,
} from '../../../src/metrics/warn/forecast.js';

// A unit's 2015: 60 complaints, half of them in June–August.
const Y2015 = [2, 2, 3, 3, 4, 10, 10, 10, 4, 4, 4, 4];

describe('profileOf', () => {
  it('sums complete years into monthly shares', () => {
    const p = profileOf(new Map([[2015, Y2015]]), 'unit')!;
    expect(p.shares[0]).toBeCloseTo(2 / 60, 10);
    expect(p.shares[5]).toBeCloseTo(10 / 60, 10);
    expect(p.shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    expect(p).toMatchObject({ basis: 'unit', years: [2015] });
  });

  it('is none under the minimum of complaints, or without a year', () => {
    expect(profileOf(new Map([[2015, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]]), 'unit')).toBeNull();
    expect(profileOf(new Map(), 'all')).toBeNull();
  });

  it('falls back from the unit to every unit to the calendar', () => {
    const all = profileOf(new Map([[2015, Y2015]]), 'all');
    expect(chooseProfile(null, all)).toBe(all);
    expect(chooseProfile(null, null)).toBe(CALENDAR);
  });
});

describe('yearEndForecast', () => {
  const profile = profileOf(new Map([[2015, Y2015]]), 'unit')!;

  it('January–June with 24 of a profile that puts 24/60 there: 60 by December', () => {
    // 2+2+3+3+4+10 = 24 of 60 = 40% of the year gone; 24 / 0.4 = 60.
    const f = yearEndForecast(24, 6, profile);
    expect(f.elapsedShare).toBeCloseTo(0.4, 10);
    expect(f.forecast).toBeCloseTo(60, 10);
    // The rest, the rate estimated from 24 (predictive.ts): NegativeBinomial(24.5, 0.4)'s 10th
    // and 90th percentiles are 25 and 49 (Poisson(36) with the rate known: 28 and 44).
    expect([f.low, f.high]).toEqual([24 + 25, 24 + 49]);
  });

  it('the calendar: 11 by June is 22 by December', () => {
    const f = yearEndForecast(11, 6, CALENDAR);
    expect(f.forecast).toBeCloseTo(22, 10);
    expect(f.low).toBeLessThanOrEqual(22);
    expect(f.high).toBeGreaterThanOrEqual(22);
  });

  it('mid-June counts half of June: 20 of a calendar year 5.5 months gone is 43.64', () => {
    expect(yearEndForecast(20, 5.5, CALENDAR).forecast).toBeCloseTo((20 * 12) / 5.5, 10);
  });

  it('December: the year is what it is', () => {
    expect(yearEndForecast(31, 12, profile)).toMatchObject({ forecast: 31, low: 31, high: 31 });
  });

  it('4 after January on the calendar: 48 expected, 26–86, so a target of 26 is reached only at the low end', () => {
    // Poisson on the point forecast (rate taken as known) gave 40–57: red in January.
    expect(yearEndForecast(4, 1, CALENDAR)).toMatchObject({ forecast: 48, low: 26, high: 86 });
    // 1 complaint: 4–36, not 8–16; none: 0–15, not 0–0.
    expect(yearEndForecast(1, 1, CALENDAR)).toMatchObject({ low: 4, high: 36 });
    expect(yearEndForecast(0, 1, CALENDAR)).toMatchObject({ forecast: 0, low: 0, high: 15 });
  });

  it('a profile with nothing in the months gone falls back to the calendar', () => {
    const late = { ...profile, shares: [0, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1] };
    expect(yearEndForecast(3, 3, late).forecast).toBeCloseTo(12, 10);
  });
});
