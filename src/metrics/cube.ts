/**
 * The cube: work orders counted by unit × month × class (or business type) × appeal/substantiation
 * flags. Built in one pass over the de-duplicated records; every count the reports show is a sum
 * over its cells, so the metrics are pure functions of it.
 */
import type { Discipline, Taxonomy, TaxonomyNode } from '../taxonomy/load.js';
import { APPEAL_APPROVED, COMPLAINT, UNSUBSTANTIATED, type Records } from './records.js';

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

export function buildCube(records: Records, classes: readonly ComplaintClass[]): Cube {
  const cells: CubeCell[] = [];
  const byKey = new Map<number, CubeCell>();
  const { unit, month, kind, flags } = records;
  for (let r = 0; r < records.size; r++) {
    // unit < 2^21, month < 2^16, kind < 2^13, flags < 2^3: 53 bits, exact in a double.
    const key = ((unit[r]! * 65536 + month[r]!) * 8192 + kind[r]!) * 8 + flags[r]!;
    const cell = byKey.get(key);
    if (cell) cell.count++;
    else {
      const f = flags[r]!;
      const created: CubeCell = {
        unit: unit[r]!,
        month: month[r]!,
        kind: kind[r]!,
        complaint: (f & COMPLAINT) !== 0,
        appealApproved: (f & APPEAL_APPROVED) !== 0,
        unsubstantiated: (f & UNSUBSTANTIATED) !== 0,
        count: 1,
      };
      byKey.set(key, created);
      cells.push(created);
    }
  }
  return { units: records.units.list, types: records.types.list, classes, cells };
}
