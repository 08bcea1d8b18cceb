/**
 * A unit's warning level from its indicators' reasons: the most serious reason decides (红 over
 * 黄 over 绿), and the reasons are listed most serious first, in a fixed order of indicators
 * among equals, so the same data always reads the same.
 */
import type { Level } from './spike.js';

export type { Level };

export type Indicator =
  'target' | 'spike' | 'escalation' | 'repeat' | 'event' | 'reply' | 'overdue';

/** The order reasons of one level are listed in: the assessment first, data problems last. */
export const INDICATORS: readonly Indicator[] = [
  'target',
  'spike',
  'escalation',
  'repeat',
  'event',
  'reply',
  'overdue',
];

const RANK: Record<Level, number> = { red: 2, yellow: 1, green: 0 };

export interface Reason {
  indicator: Indicator;
  level: Level;
}

export function levelOf(reasons: readonly Reason[]): Level {
  return reasons.reduce<Level>((l, r) => (RANK[r.level] > RANK[l] ? r.level : l), 'green');
}

export function sortReasons<R extends Reason>(reasons: readonly R[]): R[] {
  return reasons
    .map((r, i) => [r, i] as const)
    .sort(
      ([a, i], [b, j]) =>
        RANK[b.level] - RANK[a.level] ||
        INDICATORS.indexOf(a.indicator) - INDICATORS.indexOf(b.indicator) ||
        i - j,
    )
    .map(([r]) => r);
}

/** Whether a level is at or above another: `--fail-on yellow` fails on yellow and red. */
export function atLeast(level: Level, threshold: Level): boolean {
  return RANK[level] >= RANK[threshold];
}
