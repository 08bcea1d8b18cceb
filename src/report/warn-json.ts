/**
 * The early warning as JSON (warn --json's units, report --json's `earlyWarning`): the figures of
 * every reason, an event's times as text. Kept apart from warn.ts (the terminal's words), so the
 * JSON result imports no table or colour library.
 */
import { dayToString } from '../metrics/calendar.js';
import { INTERVAL } from '../metrics/warn/interval.js';
import type { Level } from '../metrics/warn/levels.js';
import type { EarlyWarning, UnitWarning } from '../metrics/warn/warnings.js';

/** How the forecast's low–high is made (forecast.ts, predictive.ts): in the JSON beside it. */
const FORECAST_INTERVAL = {
  probability: INTERVAL.high - INTERVAL.low,
  model: 'negative-binomial',
  prior: 'jeffreys',
} as const;

/** Wall-clock minutes as "2016-11-13 14:00". */
export function minuteText(minutes: number): string {
  const day = Math.floor(minutes / 1440);
  const m = minutes - day * 1440;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayToString(day)} ${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** How many units are at each level. */
export function levelsOf(units: readonly UnitWarning[]) {
  const n = (l: Level) => units.filter((u) => u.level === l).length;
  return { red: n('red'), yellow: n('yellow'), green: n('green') };
}

/** The units as JSON: reasons with their figures (an event's times as text), the forecast. */
export function unitsJson(units: readonly UnitWarning[]): object[] {
  return units.map((u) => {
    const target = u.reasons.find((r) => r.indicator === 'target');
    return {
      unit: u.unit,
      level: u.level,
      reasons: u.reasons.map((r) =>
        r.indicator === 'event'
          ? {
              ...r,
              event: { ...r.event, from: minuteText(r.event.from), to: minuteText(r.event.to) },
            }
          : r,
      ),
      forecast:
        target && target.indicator === 'target' && target.forecast !== null
          ? {
              assessed: target.assessed,
              annualTarget: target.annualTarget,
              yearEnd: target.forecast,
              low: target.low,
              high: target.high,
              profile: target.profile,
              interval: FORECAST_INTERVAL,
            }
          : null,
    };
  });
}

/** `earlyWarning` in report's JSON: the month judged, the levels and the units (as warn --json). */
export function earlyWarningJson(w: EarlyWarning | null): object | null {
  return (
    w && { month: w.month, levels: levelsOf(w.units), units: unitsJson(w.units), notes: w.gaps }
  );
}
