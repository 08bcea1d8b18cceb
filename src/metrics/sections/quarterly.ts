/**
 * The quarterly evaluation's per-unit figures beyond the units table (issue 14): complaints of
 * each discipline (运检, 营销) and timeliness — 及时回复率, the share of the complaints with a reply
 * time that were replied within the limit (--reply-limit), and 及时办结率 the same for closing
 * (--close-limit), either limit in hours or working days. Times before acceptance are left out, as in the timeliness section. Only for
 * a quarter: the units rows and the JSON units[] gain them then, and the totals row with them.
 */
import { DISCIPLINES } from '../../taxonomy/load.js';
import { share } from '../formulas.js';
import { groupBy } from '../group.js';
import type { AnalysisInput, DurationStats, Timeliness, UnitRow } from '../types.js';

export interface QuarterFigures {
  /** Complaints of the 运检 and 营销 disciplines (unclassified in neither). */
  operations: number;
  marketing: number;
  /** Replied (closed) within the limit, of those with a time; null without one. */
  repliedInTime: number | null;
  closedInTime: number | null;
}

const inTime = (s: DurationStats | null | undefined): number | null =>
  s ? share(s.count - s.overLimit, s.count) : null;

/** Per unit and in all, for a quarter; null for any other period. */
export function quarterFigures(
  input: AnalysisInput,
  timeliness: Timeliness | null,
): { byUnit: Map<string, QuarterFigures>; totals: QuarterFigures } | null {
  if (input.request.kind !== 'quarter') return null;
  const { cube, period, settings } = input;
  const operations = DISCIPLINES.indexOf('运检');
  const marketing = DISCIPLINES.indexOf('营销');
  const byUnit = new Map<string, QuarterFigures>();
  const of = (unit: string) => {
    let f = byUnit.get(unit);
    if (!f) {
      const t = timeliness?.byUnit.find((u) => u.unit === unit);
      f = {
        operations: 0,
        marketing: 0,
        repliedInTime: inTime(t?.reply),
        closedInTime: inTime(t?.close),
      };
      byUnit.set(unit, f);
    }
    return f;
  };
  const totals: QuarterFigures = {
    operations: 0,
    marketing: 0,
    repliedInTime: inTime(timeliness?.reply),
    closedInTime: inTime(timeliness?.close),
  };
  for (const g of groupBy(cube, ['unit', 'discipline'], period, settings)) {
    const [unit, discipline] = g.key as [number, number];
    const f = of(cube.units[unit]!);
    const n = g.total.complaints;
    if (discipline === operations) ((f.operations += n), (totals.operations += n));
    if (discipline === marketing) ((f.marketing += n), (totals.marketing += n));
  }
  return { byUnit, totals };
}

/** The units rows with their quarter figures (a unit without complaints: 0 and null). */
export function withQuarterFigures(
  units: UnitRow[],
  figures: ReturnType<typeof quarterFigures>,
): UnitRow[] {
  if (!figures) return units;
  const none: QuarterFigures = {
    operations: 0,
    marketing: 0,
    repliedInTime: null,
    closedInTime: null,
  };
  return units.map((u) => ({ ...u, ...(figures.byUnit.get(u.unit) ?? none) }));
}
