/**
 * The units table (DESIGN.md §2): complaints, assessed complaints against the target, share,
 * 同比 and 环比 per unit, ranked by assessed complaints. The cube grouped by unit, once per
 * period compared.
 */
import {
  change,
  competitionRanks,
  isOverTarget,
  overTargetRate,
  ratePer10k,
  share,
} from '../formulas.js';
import { countsOf, groupBy, noTally, type Tally } from '../group.js';
import type { Period } from '../period.js';
import type { AnalysisInput, UnitRow } from '../types.js';
import { comparisons } from './period.js';
import { periodTarget } from './targets.js';

/** Per unit id, its tally in `period` (an empty one when it has no cell there). */
function byUnit(input: AnalysisInput, period: Period | null): Tally[] {
  const tallies = input.cube.units.map(noTally);
  if (period)
    for (const g of groupBy(input.cube, ['unit'], period, input.settings))
      tallies[g.key[0]!] = g.total;
  return tallies;
}

/** Units by assessed complaints, most first (then by complaints, then by name); ranks shared. */
export function units(input: AnalysisInput): UnitRow[] {
  const { cube, period } = input;
  const compared = comparisons(input);
  const now = byUnit(input, period);
  const earlier = byUnit(input, compared.yearEarlier);
  const before = byUnit(input, compared.preceding);
  const targetOf = (unit: string) => input.targets?.byUnit.get(unit) ?? null;
  // A unit is listed when it has work orders in the period or complaints a year earlier, or a
  // target (so the table shows its 0).
  const listed = cube.units.flatMap((name, id) =>
    now[id]!.workOrders > 0 || earlier[id]!.complaints > 0 || targetOf(name) ? [id] : [],
  );
  let total = 0;
  for (const id of listed) total += now[id]!.complaints;
  const rows = listed.map((id) => {
    const name = cube.units[id]!;
    const counts = countsOf(now[id]!);
    const t = targetOf(name);
    const target = t ? periodTarget(input, t.target) : null;
    const previous = compared.yearEarlier ? earlier[id]!.complaints : null;
    const preceding = compared.preceding ? before[id]!.complaints : null;
    return {
      unit: name,
      ...counts,
      target,
      overTargetRate: overTargetRate(counts.assessed, target),
      overTarget: isOverTarget(counts.assessed, target),
      share: share(counts.complaints, total),
      customers: t?.customers ?? null,
      ratePer10k: ratePer10k(counts.complaints, t?.customers ?? null),
      previous,
      yoy: previous === null ? null : change(counts.complaints, previous),
      preceding,
      mom: preceding === null ? null : change(counts.complaints, preceding),
      rank: 0,
    };
  });
  rows.sort(
    (a, b) =>
      b.assessed - a.assessed ||
      b.complaints - a.complaints ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
  const ranks = competitionRanks(rows.map((r) => r.assessed));
  return rows.map((r, i) => ({ ...r, rank: ranks[i]! }));
}
