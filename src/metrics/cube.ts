/**
 * The cube: work orders counted by unit × month × class (or business type) × appeal/substantiation
 * flags. Built in one pass over the de-duplicated records; every count the reports show is a sum
 * over its cells, so the metrics are pure functions of it.
 */
import type { Discipline, Taxonomy, TaxonomyNode } from '../taxonomy/load.js';
import {
  APPEAL_APPROVED,
  COMPLAINT,
  FLAGS,
  KIND,
  MONTH,
  UNIT,
  UNSUBSTANTIATED,
  type Records,
} from './records.js';

export interface CubeCell {
  unit: number;
  month: number;
  /** Class index for complaints, business-type index otherwise. */
  kind: number;
  complaint: boolean;
  appealApproved: boolean;
  unsubstantiated: boolean;
  count: number;
}

/** A complaint class: the deepest taxonomy node known for it, and its ancestors. */
export interface ComplaintClass {
  node: TaxonomyNode | null;
  level1: TaxonomyNode | null;
  level2: TaxonomyNode | null;
  level3: TaxonomyNode | null;
  discipline: Discipline | null;
}

export interface Cube {
  units: readonly string[];
  types: readonly string[];
  classes: readonly ComplaintClass[];
  cells: readonly CubeCell[];
}

/**
 * The classes of a taxonomy in record form: index i is taxonomy.nodes[i], and the last index
 * (nodes.length) is "unclassified".
 */
export function complaintClasses(taxonomy: Taxonomy): ComplaintClass[] {
  const classes: ComplaintClass[] = taxonomy.nodes.map((node) => {
    const chain: TaxonomyNode[] = [];
    for (let n: TaxonomyNode | null = node; n; n = n.parent) chain.unshift(n);
    return {
      node,
      level1: chain[0] ?? null,
      level2: chain[1] ?? null,
      level3: chain[2] ?? null,
      discipline: chain[0]?.discipline ?? null,
    };
  });
  classes.push({ node: null, level1: null, level2: null, level3: null, discipline: null });
  return classes;
}

export function unclassifiedIndex(taxonomy: Taxonomy): number {
  return taxonomy.nodes.length;
}

/** The cube of what the records counted; cells a later copy emptied are left out. */
export function buildCube(records: Records, classes: readonly ComplaintClass[]): Cube {
  const cells: CubeCell[] = [];
  const table = records.cells;
  for (let i = 0; i < table.size; i++) {
    const count = table.counts[i]!;
    if (count === 0) continue;
    const flags = table.value(i, FLAGS);
    cells.push({
      unit: table.value(i, UNIT),
      month: table.value(i, MONTH),
      kind: table.value(i, KIND),
      complaint: (flags & COMPLAINT) !== 0,
      appealApproved: (flags & APPEAL_APPROVED) !== 0,
      unsubstantiated: (flags & UNSUBSTANTIATED) !== 0,
      count,
    });
  }
  return { units: records.units.list, types: records.types.list, classes, cells };
}
