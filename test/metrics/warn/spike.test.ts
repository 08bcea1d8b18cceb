/** Spikes against a unit's own baseline: worked cases, the thresholds at their edges. */
import { describe, expect, it } from 'vitest';
import { SPIKE_DEFAULTS, baseline, spikeOf } from '../../../src/metrics/warn/spike.js';

describe('baseline', () => {
  it.each<[(number | null)[], number | null, number | null]>([
    [[4, 5, 3, 4, 6, 2], null, 4], // the mean of six months
    [[4, 5, 3, 4, 6, 2], 8, 6], // half and half with a year earlier: (4 + 8) / 2
    [[9, 9, 4, 5, 3, 4, 6, 2], null, 4], // only the last six
    [[null, null, 4, 5, 3], null, 4], // three known are enough
    [[null, null, null, 4, 5], null, null], // two are not …
    [[null, null, null, 4, 5], 7, 7], // … unless a year earlier is known
  ])('%j and a year earlier %s: %s', (trailing, earlier, expected) => {
    expect(baseline(trailing, earlier)).toBe(expected);
  });
});

describe('spikeOf', () => {
  it('12 against 4: p = 0.0009, red', () => {
    expect(spikeOf(12, 4)).toMatchObject({ observed: 12, expected: 4, level: 'red' });
    expect(spikeOf(12, 4).p).toBeCloseTo(0.0009, 4);
  });

  it('P(X ≥ 8 | λ = 4) = 0.0511: just over 5%, not a spike', () => {
    const s = spikeOf(8, 4);
    expect(s.p).toBeCloseTo(0.0511, 4);
    expect(s.level).toBe('green');
  });

  it('P(X ≥ 9 | λ = 4) = 0.0214: yellow; P(X ≥ 10 | λ = 4) = 0.0081: red', () => {
    expect(spikeOf(9, 4)).toMatchObject({ level: 'yellow' });
    expect(spikeOf(9, 4).p).toBeCloseTo(0.0214, 4);
    expect(spikeOf(10, 4)).toMatchObject({ level: 'red' });
    expect(spikeOf(10, 4).p).toBeCloseTo(0.0081, 4);
  });

  it('1 → 3 is no alarm; 1 → 4 (p = 0.019, three more) is yellow', () => {
    expect(spikeOf(3, 1).level).toBe('green');
    expect(spikeOf(4, 1).level).toBe('yellow');
    expect(spikeOf(4, 1).p).toBeCloseTo(0.019, 3);
  });

  it('a tail below the threshold without the excess is no spike', () => {
    expect(spikeOf(3, 0.2, { ...SPIKE_DEFAULTS, minExcess: 3 }).level).toBe('green');
  });
});
