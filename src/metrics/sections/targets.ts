/**
 * How the period is held against the annual targets (its basis), and how the targets file
 * lines up with the data: a unit with complaints but no target, and a target whose unit is in
 * no input, are listed, never guessed. A target that matches no unit is named with the unit of
 * the data closest in spelling ("国网歙县供电公" → 国网歙县供电公司), so a typo in the targets
 * file is found at once; it is still not matched.
 */
import { closestUnit } from '../../settings/suggest.js';
import { prorate } from '../formulas.js';
import { monthCount } from '../period.js';
import { wholeIn } from './period.js';
import type { Targets } from '../targets.js';
import type { AnalysisInput, TargetBasis, TargetMatch, UnitRow } from '../types.js';

type Basis = Pick<AnalysisInput, 'request' | 'settings' | 'period'> &
  Partial<Pick<AnalysisInput, 'covered' | 'partial' | 'spans'>>;

/**
 * A period the inputs do not cover wholly (a December exported to the 26th, a month in no input)
 * is not held against the targets: its count falls short of the whole period's, so "under target"
 * would be good news it is not, and "over" would come late (review2 item 7; notes:
 * targets-partial). A year to date is "so far" by nature and says how much is used.
 * --include-partial counts partial months as whole, here as everywhere.
 */
export function heldShort(input: Basis): boolean {
  // A month is held against no target, whole or not (targetBasis): nothing to fall short of.
  if (input.request.kind === 'month') return false;
  if (!input.covered || !input.partial || input.request.kind === 'yearToDate') return false;
  return !wholeIn(input as AnalysisInput)(input.period);
}

/**
 * A month is not held against the targets: its share of the year (1/12) ignores the seasons —
 * a summer month would be "over" and a winter one "under" every year — and the whole annual
 * target makes any month look far under it; the year to date beside it is the comparison a
 * bulletin makes. A quarter is held against its share, as the quarterly evaluation does,
 * whatever --prorate says. Any other period (a year, a range, the year to date) against the
 * whole target, or its share with --prorate. A day, a week or a range of days is not held
 * against them either: a day's share of a year's allowance says nothing (notes: targets-not-held).
 */
export function targetBasis(input: Basis): TargetBasis {
  if (input.period.grain === 'day' || input.period.grain === 'week') return 'none';
  if (heldShort(input)) return 'none';
  switch (input.request.kind) {
    case 'month':
      return 'none';
    case 'quarter':
      return 'prorated';
    case 'yearToDate':
      // Twelve twelfths are the whole target: the year to date of December is the year.
      return input.settings.prorate && monthCount(input.period) < 12 ? 'prorated' : 'annual';
    default:
      return input.settings.prorate ? 'prorated' : 'annual';
  }
}

/** What the annual targets are multiplied by for the period; null when it has none. */
export function targetFactor(input: Basis): number | null {
  const basis = targetBasis(input);
  return basis === 'none' ? null : basis === 'prorated' ? monthCount(input.period) / 12 : 1;
}

/** A unit's target for the period from its annual target. */
export function periodTarget(input: Basis, annual: number): number | null {
  const basis = targetBasis(input);
  if (basis === 'none') return null;
  return basis === 'prorated' ? prorate(annual, monthCount(input.period)) : annual;
}

/**
 * The targets whose unit is in no input, each with the unit of the data closest in spelling:
 * what the analysis notes and what the early warning leaves out (a typo is no unit at 0).
 */
export function targetsWithoutData(
  targets: Pick<Targets, 'byUnit'>,
  units: readonly string[],
): TargetMatch['unmatched'] {
  const seen = new Set(units);
  // A typo's unit is most likely one of those left without a target.
  const untargeted = units.filter((u) => !targets.byUnit.has(u));
  return [...targets.byUnit.keys()]
    .filter((u) => !seen.has(u))
    .map((unit) => ({
      unit,
      closest: closestUnit(unit, untargeted) ?? closestUnit(unit, units),
    }));
}

export function targetMatch(input: AnalysisInput, units: readonly UnitRow[]): TargetMatch | null {
  const { targets, cube } = input;
  if (!targets) return null;
  const unmatched = targetsWithoutData(targets, cube.units);
  const basis = targetBasis(input);
  return {
    file: targets.file,
    prorated: basis === 'prorated',
    factor: targetFactor(input),
    basis,
    unitsWithoutTarget: units
      .filter((u) => !targets.byUnit.has(u.unit) && u.complaints > 0)
      .map((u) => u.unit),
    targetsWithoutData: unmatched.map((u) => u.unit),
    unmatched,
  };
}
