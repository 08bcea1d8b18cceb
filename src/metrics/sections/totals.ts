/**
 * The headline figures: all work orders and complaints of the period, the total target of the
 * units that have one, 同比 and 环比, and the work orders of other business types left out.
 * One pass over the cube; the target figures come from the units table.
 */
import { addComplaints, eachCell, noCounts } from '../cells.js';
import { change, isOverTarget, overTargetRate, ratePer10k } from '../formulas.js';
import { contains } from '../period.js';
import type { AnalysisInput, Totals, UnitRow } from '../types.js';
import { comparisons } from './period.js';

export function totals(input: AnalysisInput, units: readonly UnitRow[]): Totals {
  const { cube, settings } = input;
  const { period, yearEarlier, preceding } = comparisons(input);
  const total = noCounts();
  const excludedByType: Record<string, number> = {};
  let otherOrders = 0;
  let previous = 0;
  let prior = 0;
  eachCell(cube, (cell, month) => {
    const now = contains(period, month);
    if (!cell.complaint) {
      if (!now) return;
      const type = cube.types[cell.kind]!;
      excludedByType[type] = (excludedByType[type] ?? 0) + cell.count;
      otherOrders += cell.count;
      return;
    }
    if (now) addComplaints(total, cell, settings);
    if (yearEarlier && contains(yearEarlier, month)) previous += cell.count;
    if (preceding && contains(preceding, month)) prior += cell.count;
  });

  // Only the units with a target are held against the total target.
  let target: number | null = null;
  let assessedWithTarget = 0;
  if (input.targets) {
    target = 0;
    for (const u of units) {
      if (u.target === null) continue;
      target += u.target;
      assessedWithTarget += u.assessed;
    }
  }
  const customerUnits = units.filter((u) => u.customers !== null);
  const customers =
    customerUnits.length > 0 && customerUnits.length === units.length
      ? customerUnits.reduce((sum, u) => sum + u.customers!, 0)
      : null;
  const previousTotal = yearEarlier ? previous : null;
  const precedingTotal = preceding ? prior : null;
  return {
    workOrders: total.complaints + otherOrders,
    ...total,
    target,
    overTargetRate: target === null ? null : overTargetRate(assessedWithTarget, target),
    overTarget: target === null ? null : isOverTarget(assessedWithTarget, target),
    unitsOverTarget: units.filter((u) => u.overTarget === true).length,
    unitsWithTarget: units.filter((u) => u.target !== null).length,
    customers,
    ratePer10k: ratePer10k(total.complaints, customers),
    previous: previousTotal,
    yoy: previousTotal === null ? null : change(total.complaints, previousTotal),
    preceding: precedingTotal,
    mom: precedingTotal === null ? null : change(total.complaints, precedingTotal),
    excludedByType,
  };
}
