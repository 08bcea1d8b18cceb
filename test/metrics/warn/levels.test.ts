/** Levels combined from reasons: the worst decides; reasons most serious first. */
import { describe, expect, it } from 'vitest';
import { atLeast, levelOf, sortReasons, type Reason } from '../../../src/metrics/warn/levels.js';

const r = (indicator: Reason['indicator'], level: Reason['level']): Reason => ({
  indicator,
  level,
});

describe('levelOf', () => {
  it.each<[Reason[], string]>([
    [[], 'green'],
    [[r('overdue', 'yellow')], 'yellow'],
    [[r('overdue', 'yellow'), r('spike', 'red')], 'red'],
    [[r('target', 'green'), r('event', 'green')], 'green'],
  ])('%j → %s', (reasons, level) => expect(levelOf(reasons)).toBe(level));
});

describe('sortReasons', () => {
  it('red before yellow before green; the assessment first among equals', () => {
    const sorted = sortReasons([
      r('overdue', 'yellow'),
      r('event', 'red'),
      r('target', 'yellow'),
      r('repeat', 'green'),
      r('spike', 'red'),
    ]);
    expect(sorted.map((x) => `${x.level}:${x.indicator}`)).toEqual([
      'red:spike',
      'red:event',
      'yellow:target',
      'yellow:overdue',
      'green:repeat',
    ]);
  });
});

describe('atLeast: what --fail-on fails on', () => {
  it.each<[Reason['level'], Reason['level'], boolean]>([
    ['red', 'yellow', true],
    ['yellow', 'yellow', true],
    ['green', 'yellow', false],
    ['yellow', 'red', false],
    ['red', 'red', true],
  ])('%s at or above %s: %s', (level, threshold, yes) =>
    expect(atLeast(level, threshold)).toBe(yes),
  );
});
