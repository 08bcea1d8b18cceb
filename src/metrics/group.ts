/**
 * `groupBy(cube, by, period)`: the one way the metrics read the cube. One pass over its cells
 * counts, for each combination of values of the dimensions `by` found in the period, the work
 * orders and complaints of each bucket of the period's grain (grain.ts). Units, the monthly
 * series, `trend --by`, categories and hot spots are all groupings of the cube.
 *
 * Dimensions: `unit`; the complaint's class (`class`, the deepest node known) or its node at
 * one level (`level1`, `level2`, `level3`) or its `discipline` — these count complaints only,
 * with NONE for an unclassified complaint, and leave out a classified complaint with no node at
 * the level asked; `type`, the business type of the work orders of other types (only those);
 * and the optional dimensions the cube was built with (dimensions.ts), BLANK for no value.
 * Groups come in the order their first cell was counted: the order of first appearance.
 */
import { DISCIPLINES, type Taxonomy, type TaxonomyNode } from '../taxonomy/load.js';
import { monthOfDay } from './calendar.js';
import type { ComplaintClass, Cube } from './cube.js';
import {
  APPEAL_APPROVED,
  COMPLAINT,
  UNSUBSTANTIATED,
  type OptionalDimension,
} from './dimensions.js';
import { bucketOf, type Period } from './period.js';
import type { Counts } from './types.js';

export type ClassDimension = 'class' | 'level1' | 'level2' | 'level3' | 'discipline';
export type GroupDimension = 'unit' | ClassDimension | 'type' | OptionalDimension;

/** The key value of an unclassified complaint on a class dimension. */
export const NONE = -1;
/** A cell left out of a grouping (a classified complaint with no node at the level asked). */
const SKIP = -2;

export interface Tally {
  /** Work orders of every type. */
  workOrders: number;
  complaints: number;
  appealApproved: number;
  unsubstantiated: number;
  /** Complaints less appeal-approved (and unsubstantiated, when excluded), each once. */
  assessed: number;
}

/** The complaint counts of a tally, in the order the JSON result lists them. */
export function countsOf(t: Tally): Counts {
  return {
    complaints: t.complaints,
    appealApproved: t.appealApproved,
    unsubstantiated: t.unsubstantiated,
    assessed: t.assessed,
  };
}

export const noTally = (): Tally => ({
  workOrders: 0,
  complaints: 0,
  appealApproved: 0,
  unsubstantiated: 0,
  assessed: 0,
});

export interface Group {
  /**
   * The group's value on each dimension of `by`, in order: a unit, type or dictionary id, a
   * taxonomy node index (taxonomy.nodes), a DISCIPLINES index; NONE or BLANK for none.
   */
  key: number[];
  /** Per bucket of the period, first to last. */
  buckets: Tally[];
  total: Tally;
}

export interface GroupOptions {
  /** Assessed complaints also leave out the unsubstantiated (--exclude-unsubstantiated). */
  excludeUnsubstantiated: boolean;
}

/** Per class index, its value on a class dimension: a node index, a discipline, NONE or SKIP. */
function classValues(cube: Cube, dimension: ClassDimension): Int32Array {
  const nodeIndex = new Map<TaxonomyNode, number>();
  cube.classes.forEach((k, i) => {
    if (k.node) nodeIndex.set(k.node, i);
  });
  const pick: Record<
    Exclude<ClassDimension, 'discipline'>,
    (k: ComplaintClass) => TaxonomyNode | null
  > = {
    class: (k) => k.node,
    level1: (k) => k.level1,
    level2: (k) => k.level2,
    level3: (k) => k.level3,
  };
  return Int32Array.from(cube.classes, (k) => {
    if (k.level1 === null) return NONE;
    if (dimension === 'discipline') return k.discipline ? DISCIPLINES.indexOf(k.discipline) : NONE;
    const node = pick[dimension](k);
    return node ? nodeIndex.get(node)! : SKIP;
  });
}

const CLASS_DIMENSIONS: ReadonlySet<GroupDimension> = new Set([
  'class',
  'level1',
  'level2',
  'level3',
  'discipline',
]);

/** Reads one dimension of a cell; SKIP leaves the cell out. */
type Reader = (cell: number) => number;

function reader(cube: Cube, dimension: GroupDimension): Reader {
  if (dimension === 'unit') return (c) => cube.unit[c]!;
  if (dimension === 'type') return (c) => (cube.flags[c]! & COMPLAINT ? SKIP : cube.kind[c]!);
  if (CLASS_DIMENSIONS.has(dimension)) {
    const values = classValues(cube, dimension as ClassDimension);
    return (c) => (cube.flags[c]! & COMPLAINT ? values[cube.kind[c]!]! : SKIP);
  }
  const at = cube.dimensions.indexOf(dimension as OptionalDimension);
  if (at < 0) throw new Error(`the cube was not built by ${dimension}`);
  const column = cube.extra[at]!;
  return (c) => column[c]!;
}

/** The bucket of each cell's day, computed once per distinct day (few: days, not cells). */
function bucketReader(cube: Cube, period: Period): (cell: number) => number {
  const first = bucketOf(period.grain, period.from);
  if (period.grain === 'day') return (c) => cube.day[c]! - first;
  const cache = new Map<number, number>();
  const of =
    period.grain === 'month'
      ? (day: number) => monthOfDay(day)
      : (day: number) => bucketOf(period.grain, day);
  return (c) => {
    const day = cube.day[c]!;
    let bucket = cache.get(day);
    if (bucket === undefined) cache.set(day, (bucket = of(day) - first));
    return bucket;
  };
}

function add(tally: Tally, flags: number, count: number, options: GroupOptions): void {
  tally.workOrders += count;
  if (!(flags & COMPLAINT)) return;
  tally.complaints += count;
  if (flags & APPEAL_APPROVED) tally.appealApproved += count;
  if (flags & UNSUBSTANTIATED) tally.unsubstantiated += count;
  if (!(flags & APPEAL_APPROVED) && !(options.excludeUnsubstantiated && flags & UNSUBSTANTIATED))
    tally.assessed += count;
}

/** The cells of `period`, grouped by the dimensions `by`, counted per bucket. */
export function groupBy(
  cube: Cube,
  by: readonly GroupDimension[],
  period: Period,
  options: GroupOptions,
): Group[] {
  const readers = by.map((dimension) => reader(cube, dimension));
  const bucket = bucketReader(cube, period);
  const bucketTotal = bucketOf(period.grain, period.to) - bucketOf(period.grain, period.from) + 1;
  // Keyed by the value itself when there is one dimension, by the values joined otherwise.
  const groups = new Map<number | string, Group>();
  const key: number[] = new Array<number>(by.length);
  const size = cube.size;
  for (let c = 0; c < size; c++) {
    const day = cube.day[c]!;
    if (day < period.from || day > period.to) continue;
    let skip = false;
    for (let d = 0; d < readers.length; d++) {
      const value = readers[d]!(c);
      if (value === SKIP) skip = true;
      key[d] = value;
    }
    if (skip) continue;
    const name = key.length === 1 ? key[0]! : key.join();
    let group = groups.get(name);
    if (group === undefined) {
      group = {
        key: [...key],
        buckets: Array.from({ length: bucketTotal }, noTally),
        total: noTally(),
      };
      groups.set(name, group);
    }
    const flags = cube.flags[c]!;
    const count = cube.count[c]!;
    add(group.buckets[bucket(c)]!, flags, count, options);
    add(group.total, flags, count, options);
  }
  return [...groups.values()];
}

/** The one group of every cell of the period (a grouping by nothing). */
export function tallyOf(cube: Cube, period: Period, options: GroupOptions): Group {
  const buckets = bucketOf(period.grain, period.to) - bucketOf(period.grain, period.from) + 1;
  return (
    groupBy(cube, [], period, options)[0] ?? {
      key: [],
      buckets: Array.from({ length: buckets }, noTally),
      total: noTally(),
    }
  );
}

/** A taxonomy node of a class-dimension key value; null for NONE. */
export function nodeOf(taxonomy: Taxonomy, value: number): TaxonomyNode | null {
  return value === NONE ? null : taxonomy.nodes[value]!;
}
