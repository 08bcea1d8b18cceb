/**
 * The early warning's thresholds, each overridable (README: Early warning; `--thresholds FILE`
 * or "warn" in complaints.config.json). Levels: 红 red, 黄 yellow, 绿 green.
 */
import { EVENT_DEFAULTS, type EventThresholds } from './events.js';
import { SPIKE_DEFAULTS, type SpikeThresholds } from './spike.js';

/** Complaints a unit's earlier complete years must hold for its own profile to be used. */
export const MIN_PROFILE_COMPLAINTS = 24;

/** A count at or above which an indicator is yellow, and red. */
export interface CountLevels {
  yellow: number;
  red: number;
}

export interface WarnThresholds {
  spike: SpikeThresholds;
  events: EventThresholds;
  /** Repeat complainants: a customer again within `withinDays`; customers per level. */
  repeat: CountLevels & { withinDays: number };
  /** Escalated work orders (越级, 升级) in the period. */
  escalation: CountLevels;
  /**
   * Complaints still open past the closing limit at the period's end (yellow, red), and how
   * many closed late make a yellow.
   */
  overdue: CountLevels & { lateYellow: number };
  /**
   * Complaints of the period replied to after the reply limit (--reply-limit, 24 hours): a
   * promise broken but done with, as a work order closed late — yellow from a few; red from
   * twice as many, as events.
   */
  reply: CountLevels;
  /** Complaints a unit's earlier years need for its own seasonal profile. */
  minProfileComplaints: number;
}

export const WARN_DEFAULTS: WarnThresholds = {
  spike: SPIKE_DEFAULTS,
  events: EVENT_DEFAULTS,
  repeat: { withinDays: 30, yellow: 1, red: 3 },
  escalation: { yellow: 1, red: 2 },
  overdue: { yellow: 1, red: 3, lateYellow: 3 },
  minProfileComplaints: MIN_PROFILE_COMPLAINTS,
  reply: { yellow: 3, red: 6 },
};

/** The level of a count against its levels. */
export function countLevel(n: number, levels: CountLevels): 'red' | 'yellow' | 'green' {
  return n >= levels.red ? 'red' : n >= levels.yellow ? 'yellow' : 'green';
}
