/**
 * The cube: work orders counted by unit × day × class (or business type) × appeal/substantiation
 * flags, and the optional dimensions chosen before reading (dimensions.ts). Built in one pass
 * over the de-duplicated records; every count the reports show is a sum over its cells, so the
 * metrics are pure functions of it, reached through `groupBy` (group.ts).
 */
import type { Discipline, Taxonomy, TaxonomyNode } from '../taxonomy/load.js';
import { CORE_WIDTH, DAY, FLAGS, KIND, UNIT, type OptionalDimension } from './dimensions.js';
import type { Records } from './records.js';

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
  /** The optional dimensions counted by, and each one's values by id (BLANK: none). */
  dimensions: readonly OptionalDimension[];
  values: readonly (readonly string[])[];
  /** The cells with a count, in order of first appearance, as columns: cell i is unit[i] … */
  size: number;
  unit: Int32Array;
  day: Int32Array;
  /** Class index for complaints, business-type index otherwise. */
  kind: Int32Array;
  flags: Int32Array;
  count: Int32Array;
  /** Per optional dimension, in order, its value id per cell. */
  extra: readonly Int32Array[];
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
  const table = records.cells;
  let size = 0;
  for (let i = 0; i < table.size; i++) if (table.counts[i]! !== 0) size++;
  const column = () => new Int32Array(size);
  const cube = {
    units: records.units.list,
    types: records.types.list,
    classes,
    dimensions: records.dimensions,
    values: records.values.map((names) => names.list),
    size,
    unit: column(),
    day: column(),
    kind: column(),
    flags: column(),
    count: column(),
    extra: records.dimensions.map(column),
  };
  let at = 0;
  for (let i = 0; i < table.size; i++) {
    const count = table.counts[i]!;
    if (count === 0) continue;
    cube.unit[at] = table.value(i, UNIT);
    cube.day[at] = table.value(i, DAY);
    cube.kind[at] = table.value(i, KIND);
    cube.flags[at] = table.value(i, FLAGS);
    cube.count[at] = count;
    cube.extra.forEach((values, d) => (values[at] = table.value(i, CORE_WIDTH + d)));
    at++;
  }
  return cube;
}
