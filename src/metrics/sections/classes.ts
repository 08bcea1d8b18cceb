/**
 * Complaints per taxonomy node, for the categories and the hot spots: one pass over the cube
 * counts each complaint class (per period compared, and per unit), then each count array is
 * rolled up the taxonomy once — a class adds to its first-, second- and third-level nodes.
 */
import type { TaxonomyNode } from '../../taxonomy/load.js';
import { eachCell } from '../cells.js';
import type { ComplaintClass } from '../cube.js';
import { contains } from '../period.js';
import type { AnalysisInput } from '../types.js';
import { comparisons } from './period.js';

/** Complaints per node; a node without complaints is absent. */
export type NodeCounts = ReadonlyMap<TaxonomyNode, number>;

export interface ClassCounts {
  /** All complaints of the period, classified or not. */
  total: number;
  now: NodeCounts;
  /** Null when the inputs do not cover the comparison period. */
  yearEarlier: NodeCounts | null;
  preceding: NodeCounts | null;
  /** The period's complaints per unit id, for units that have some. */
  byUnit: ReadonlyMap<number, NodeCounts>;
}

function rollUp(classes: readonly ComplaintClass[], counts: readonly number[]): NodeCounts {
  const nodes = new Map<TaxonomyNode, number>();
  counts.forEach((n, i) => {
    if (n === 0) return;
    const k = classes[i]!;
    for (const node of [k.level1, k.level2, k.level3])
      if (node) nodes.set(node, (nodes.get(node) ?? 0) + n);
  });
  return nodes;
}

export function classCounts(input: AnalysisInput): ClassCounts {
  const { cube } = input;
  const { period, yearEarlier, preceding } = comparisons(input);
  const size = cube.classes.length;
  const zeros = () => new Array<number>(size).fill(0);
  const now = zeros();
  const earlier = yearEarlier ? zeros() : null;
  const before = preceding ? zeros() : null;
  const byUnit = new Map<number, number[]>();
  let total = 0;
  eachCell(cube, (cell, month) => {
    if (!cell.complaint) return;
    if (contains(period, month)) {
      now[cell.kind]! += cell.count;
      total += cell.count;
      let unit = byUnit.get(cell.unit);
      if (!unit) byUnit.set(cell.unit, (unit = zeros()));
      unit[cell.kind]! += cell.count;
    }
    if (earlier && contains(yearEarlier!, month)) earlier[cell.kind]! += cell.count;
    if (before && contains(preceding!, month)) before[cell.kind]! += cell.count;
  });
  const { classes } = cube;
  return {
    total,
    now: rollUp(classes, now),
    yearEarlier: earlier && rollUp(classes, earlier),
    preceding: before && rollUp(classes, before),
    byUnit: new Map([...byUnit].map(([unit, counts]) => [unit, rollUp(classes, counts)])),
  };
}
