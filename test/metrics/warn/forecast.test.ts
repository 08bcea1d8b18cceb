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
    // 36 still to come: Poisson(36)'s 10th and 90th percentiles are 28 and 44.
    expect([f.low, f.high]).toEqual([24 + 28, 24 + 44]);
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

  it('a profile with nothing in the months gone falls back to the calendar', () => {
    const late = { ...profile, shares: [0, 0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1] };
    expect(yearEndForecast(3, 3, late).forecast).toBeCloseTo(12, 10);
  });
});
