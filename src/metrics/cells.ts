/**
 * The one way the analysis sections reach the cube's cells and read them: which cells there are,
 * the month a cell counts in, and what it adds to the counts. When the cube's shape changes (day
 * grain, chosen dimensions), these few functions change and the sections do not.
 */
import type { Cube, CubeCell } from './cube.js';
import type { AnalysisSettings, Counts } from './types.js';

/** Calls `visit` once for each cell of the cube, with the month it counts in. */
export function eachCell(cube: Cube, visit: (cell: CubeCell, month: number) => void): void {
  for (const cell of cube.cells) visit(cell, cell.month);
}

/** Whether a complaint cell counts as assessed (考核投诉): each complaint subtracted once. */
export function isAssessed(cell: CubeCell, settings: AnalysisSettings): boolean {
  return (
    cell.complaint &&
    !cell.appealApproved &&
    !(settings.excludeUnsubstantiated && cell.unsubstantiated)
  );
}

export function noCounts(): Counts {
  return { complaints: 0, appealApproved: 0, unsubstantiated: 0, assessed: 0 };
}

/** Adds a complaint cell to `counts`. */
export function addComplaints(counts: Counts, cell: CubeCell, settings: AnalysisSettings): void {
  counts.complaints += cell.count;
  if (cell.appealApproved) counts.appealApproved += cell.count;
  if (cell.unsubstantiated) counts.unsubstantiated += cell.count;
  if (isAssessed(cell, settings)) counts.assessed += cell.count;
}
