/**
 * How the targets file lines up with the data: a unit with complaints but no target, and a
 * target whose unit is in no input, are listed, never guessed.
 */
import { monthCount } from '../period.js';
import type { AnalysisInput, TargetMatch, UnitRow } from '../types.js';

export function targetMatch(input: AnalysisInput, units: readonly UnitRow[]): TargetMatch | null {
  const { targets, settings, cube } = input;
  if (!targets) return null;
  const seen = new Set(cube.units);
  return {
    file: targets.file,
    prorated: settings.prorate,
    factor: settings.prorate ? monthCount(input.period) / 12 : 1,
    unitsWithoutTarget: units
      .filter((u) => u.target === null && u.complaints > 0)
      .map((u) => u.unit),
    targetsWithoutData: [...targets.byUnit.keys()].filter((u) => !seen.has(u)),
  };
}
