/**
 * How the targets file lines up with the data: a unit with complaints but no target, and a
 * target whose unit is in no input, are listed, never guessed. A target that matches no unit is
 * named with the unit of the data closest in spelling ("国网歙县供电公" → 国网歙县供电公司), so a
 * typo in the targets file is found at once; it is still not matched.
 */
import { closest } from '../../settings/suggest.js';
import { monthCount } from '../period.js';
import type { AnalysisInput, TargetMatch, UnitRow } from '../types.js';

export function targetMatch(input: AnalysisInput, units: readonly UnitRow[]): TargetMatch | null {
  const { targets, settings, cube } = input;
  if (!targets) return null;
  const seen = new Set(cube.units);
  const targetsWithoutData = [...targets.byUnit.keys()].filter((u) => !seen.has(u));
  // A typo's unit is most likely one of those left without a target.
  const untargeted = cube.units.filter((u) => !targets.byUnit.has(u));
  return {
    file: targets.file,
    prorated: settings.prorate,
    factor: settings.prorate ? monthCount(input.period) / 12 : 1,
    unitsWithoutTarget: units
      .filter((u) => u.target === null && u.complaints > 0)
      .map((u) => u.unit),
    targetsWithoutData,
    unmatched: targetsWithoutData.map((unit) => ({
      unit,
      closest: closest(unit, untargeted) ?? closest(unit, cube.units),
    })),
  };
}
