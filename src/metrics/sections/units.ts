/**
 * The units table (DESIGN.md §2): complaints, assessed complaints against the target, share,
 * 同比 and 环比 per unit, ranked by assessed complaints. One pass over the cube.
 */
import { addComplaints, eachCell, noCounts } from '../cells.js';
import {
  change,
  competitionRanks,
  isOverTarget,
  overTargetRate,
  prorate,
  ratePer10k,
  share,
} from '../formulas.js';
import { contains, monthCount } from '../period.js';
import type { AnalysisInput, Counts, UnitRow } from '../types.js';
import { comparisons } from './period.js';

/** What one pass gathers for a unit. */
interface UnitTally {
  /** A unit is listed when it has work orders in the period or complaints a year earlier. */
  active: boolean;
  counts: Counts;
  previous: number;
  preceding: number;
}

function tallyUnits(input: AnalysisInput): UnitTally[] {
  const { cube, settings } = input;
  const { period, yearEarlier, preceding } = comparisons(input);
  const tallies = cube.units.map((): UnitTally => ({
    active: false,
    counts: noCounts(),
    previous: 0,
    preceding: 0,
  }));
  eachCell(cube, (cell, month) => {
    const t = tallies[cell.unit]!;
    if (contains(period, month)) {
      t.active = true;
      if (cell.complaint) addComplaints(t.counts, cell, settings);
    }
    if (!cell.complaint) return;
    if (yearEarlier && contains(yearEarlier, month)) {
      t.active = true;
      t.previous += cell.count;
    }
    if (preceding && contains(preceding, month)) t.preceding += cell.count;
  });
  return tallies;
}

/** Units by assessed complaints, most first (then by complaints, then by name); ranks shared. */
export function units(input: AnalysisInput): UnitRow[] {
  const { cube, period, settings } = input;
  const compared = comparisons(input);
  const tallies = tallyUnits(input);
  const targetOf = (unit: string) => input.targets?.byUnit.get(unit) ?? null;
  // A unit with a target is listed even without data, so the table shows its 0.
  const listed = cube.units.flatMap((name, id) =>
    tallies[id]!.active || targetOf(name) ? [id] : [],
  );
  let total = 0;
  for (const id of listed) total += tallies[id]!.counts.complaints;
  const rows = listed.map((id) => {
    const name = cube.units[id]!;
    const { counts, previous: before, preceding: prior } = tallies[id]!;
    const t = targetOf(name);
    const target = t ? (settings.prorate ? prorate(t.target, monthCount(period)) : t.target) : null;
    const previous = compared.yearEarlier ? before : null;
    const preceding = compared.preceding ? prior : null;
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
