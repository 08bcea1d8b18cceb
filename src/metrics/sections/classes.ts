/**
 * Complaints per taxonomy node, for the categories and the hot spots: the cube grouped by
 * complaint class (per period compared, and per unit and class), then each count array is
 * rolled up the taxonomy once — a class adds to its first-, second- and third-level nodes.
 */
import type { TaxonomyNode } from '../../taxonomy/load.js';
import type { ComplaintClass } from '../cube.js';
import { groupBy, NONE, type Group } from '../group.js';
import type { Period } from '../period.js';
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

/** Complaints per class index in `period` (the unclassified at the last index, see cube.ts). */
function perClass(input: AnalysisInput, groups: readonly Group[], at = 0): number[] {
  const counts = new Array<number>(input.cube.classes.length).fill(0);
  const unclassified = counts.length - 1;
  for (const g of groups) {
    const value = g.key[at]!;
    counts[value === NONE ? unclassified : value]! += g.total.complaints;
  }
  return counts;
}

export function classCounts(input: AnalysisInput): ClassCounts {
  const { cube, settings } = input;
  const { period, yearEarlier, preceding } = comparisons(input);
  // A class's node is taxonomy.nodes[class index]: grouping by class gives class indexes.
  const classesIn = (p: Period) => perClass(input, groupBy(cube, ['class'], p, settings));
  const now = classesIn(period);
  const byUnit = new Map<number, number[]>();
  const perUnit = new Map<number, Group[]>();
  for (const g of groupBy(cube, ['unit', 'class'], period, settings)) {
    const unit = g.key[0]!;
    let groups = perUnit.get(unit);
    if (!groups) perUnit.set(unit, (groups = []));
    groups.push(g);
  }
  for (const [unit, groups] of perUnit) byUnit.set(unit, perClass(input, groups, 1));
  const { classes } = cube;
  return {
    total: now.reduce((sum, n) => sum + n, 0),
    now: rollUp(classes, now),
    yearEarlier: yearEarlier && rollUp(classes, classesIn(yearEarlier)),
    preceding: preceding && rollUp(classes, classesIn(preceding)),
    byUnit: new Map([...byUnit].map(([unit, counts]) => [unit, rollUp(classes, counts)])),
  };
}
