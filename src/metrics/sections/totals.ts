/**
 * The headline figures: all work orders and complaints of the period, the total target of the
 * units that have one, 同比 and 环比, and the work orders of other business types left out.
 * The cube tallied per period compared, and grouped by business type; the target figures come
 * from the units table.
 */
import { change, isOverTarget, overTargetRate, ratePer10k } from '../formulas.js';
import { countsOf, groupBy, tallyOf } from '../group.js';
import type { AnalysisInput, Totals, UnitRow } from '../types.js';
import { comparisons } from './period.js';
import { targetBasis } from './targets.js';

export function totals(input: AnalysisInput, units: readonly UnitRow[]): Totals {
  const { cube, settings, period } = input;
  const { yearEarlier, preceding } = comparisons(input);
  const now = tallyOf(cube, period, settings);
  // Other business types, in order of first appearance.
  const excludedByType: Record<string, number> = {};
  for (const g of groupBy(cube, ['type'], period, settings))
    excludedByType[cube.types[g.key[0]!]!] = g.total.workOrders;
  const total = countsOf(now.total);

  // Only the units with a target are held against the total target, a month against none:
  // their own sums stand beside it (withTarget), never the complaints of every unit.
  let target: number | null = null;
  let withTarget: Totals['withTarget'] = null;
  if (input.targets && targetBasis(input) !== 'none') {
    target = 0;
    withTarget = { units: 0, complaints: 0, appealApproved: 0, unsubstantiated: 0, assessed: 0 };
    for (const u of units) {
      if (u.target === null) continue;
      target += u.target;
      withTarget.units++;
      withTarget.complaints += u.complaints;
      withTarget.appealApproved += u.appealApproved;
      withTarget.unsubstantiated += u.unsubstantiated;
      withTarget.assessed += u.assessed;
    }
    // A targets file that matches no unit gives no total target: not 0 units against 0.
    if (withTarget.units === 0) [target, withTarget] = [null, null];
  }
  const assessedWithTarget = withTarget?.assessed ?? 0;
  const customerUnits = units.filter((u) => u.customers !== null);
  const customers =
    customerUnits.length > 0 && customerUnits.length === units.length
      ? customerUnits.reduce((sum, u) => sum + u.customers!, 0)
      : null;
  const previousTotal = yearEarlier ? tallyOf(cube, yearEarlier, settings).total.complaints : null;
  const precedingTotal = preceding ? tallyOf(cube, preceding, settings).total.complaints : null;
  return {
    workOrders: now.total.workOrders,
    ...total,
    target,
    overTargetRate: target === null ? null : overTargetRate(assessedWithTarget, target),
    overTarget: target === null ? null : isOverTarget(assessedWithTarget, target),
    unitsOverTarget: units.filter((u) => u.overTarget === true).length,
    unitsWithTarget: units.filter((u) => u.target !== null).length,
    withTarget,
    customers,
    ratePer10k: ratePer10k(total.complaints, customers),
    previous: previousTotal,
    yoy: previousTotal === null ? null : change(total.complaints, previousTotal),
    preceding: precedingTotal,
    mom: precedingTotal === null ? null : change(total.complaints, precedingTotal),
    excludedByType,
  };
}
