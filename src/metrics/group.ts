/**
 * `groupBy(cube, by, period)`: the one way the metrics read the cube. One pass over its cells
 * counts, for each combination of values of the dimensions `by` found in the period, the work
 * orders and complaints of each bucket of the period's grain (period.ts). Units, the monthly
 * series, `trend --by`, categories and hot spots are all groupings of the cube.
 *
 * Dimensions: `unit`; the complaint's class (`class`, the deepest node known) or its node at
 * one level (`level1`, `level2`, `level3`) or its `discipline` — these count complaints only,
 * with NONE for an unclassified complaint, and leave out a classified complaint with no node at
 * the level asked; `type`, the business type of the work orders of other types (only those);
 * the `month` of the acceptance (a month index); and the optional dimensions the cube was built with (dimensions.ts), BLANK for no value.
 * Groups come in the order their first cell was counted: the order of first appearance.
 */
import { DISCIPLINES, type Taxonomy, type TaxonomyNode } from '../taxonomy/load.js';
import { monthOfDay } from './calendar.js';
import type { ComplaintClass, Cube } from './cube.js';
import {
  APPEAL_APPROVED,
  COMPLAINT,
  RULED_ASSESSED,
  RULED_NOT_ASSESSED,
  UNSUBSTANTIATED,
  type OptionalDimension,
} from './dimensions.js';
import { bucketOf, type Period } from './period.js';
import type { Counts } from './types.js';

export type ClassDimension = 'class' | 'level1' | 'level2' | 'level3' | 'discipline';
export type GroupDimension = 'unit' | ClassDimension | 'type' | 'month' | OptionalDimension;

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

/**
 * A dimension's value for every cell, and one more than its largest value: computed once per
 * cube and dimension (cells never change) and kept, so groupings read plain columns.
 */
interface Column {
  values: Int32Array;
  /** Values run from SKIP to `range` − 1. */
  range: number;
}

const columns = new WeakMap<Cube, Map<string, Column>>();

function derive(cube: Cube, name: string, of: (cell: number) => number): Column {
  let cached = columns.get(cube);
  if (!cached) columns.set(cube, (cached = new Map()));
  let column = cached.get(name);
  if (!column) {
    const values = new Int32Array(cube.size);
    let range = 0;
    for (let c = 0; c < values.length; c++) {
      const value = of(c);
      values[c] = value;
      if (value >= range) range = value + 1;
    }
    cached.set(name, (column = { values, range }));
  }
  return column;
}

function column(cube: Cube, dimension: GroupDimension): Column {
  const { flags, kind } = cube;
  if (dimension === 'unit') return derive(cube, dimension, (c) => cube.unit[c]!);
  // The month index of the acceptance day (the same column the monthly buckets read).
  if (dimension === 'month') return derive(cube, dimension, (c) => monthOfDay(cube.day[c]!));
  if (dimension === 'type')
    return derive(cube, dimension, (c) => (flags[c]! & COMPLAINT ? SKIP : kind[c]!));
  if (CLASS_DIMENSIONS.has(dimension)) {
    const values = classValues(cube, dimension as ClassDimension);
    return derive(cube, dimension, (c) => (flags[c]! & COMPLAINT ? values[kind[c]!]! : SKIP));
  }
  const at = cube.dimensions.indexOf(dimension as OptionalDimension);
  if (at < 0) throw new Error(`the cube was not built by ${dimension}`);
  return derive(cube, dimension, (c) => cube.extra[at]![c]!);
}

/**
 * The bucket of each day of the period, relative to its first bucket (index: day − period.from):
 * a table of the period's days rather than a function per cell, so that the loop over the cells
 * reads typed arrays only.
 */
function bucketsByDay(period: Period): Int32Array {
  const first = bucketOf(period.grain, period.from);
  const days = new Int32Array(Math.max(0, period.to - period.from + 1));
  for (let d = 0; d < days.length; d++) days[d] = bucketOf(period.grain, period.from + d) - first;
  return days;
}

/**
 * Groups numbered by their key: a dense table of key slots when the keys are few (`table`, a
 * value v of dimension d at (v + 1) × strides[d], NONE and BLANK (−1) at 0), a Map otherwise.
 */
class GroupIndex {
  private readonly strides: Int32Array;
  private readonly table: Int32Array | null;
  private readonly map = new Map<string, number>();
  private next = 0;

  constructor(dims: readonly Column[]) {
    this.strides = new Int32Array(dims.length);
    let slots = 1;
    dims.forEach((d, i) => {
      this.strides[i] = slots;
      slots *= d.range + 1;
    });
    this.table = slots <= 1 << 16 ? new Int32Array(slots).fill(-1) : null;
  }

  of(key: readonly number[]): number {
    const table = this.table;
    if (table === null) {
      const name = key.join();
      let group = this.map.get(name);
      if (group === undefined) this.map.set(name, (group = this.next++));
      return group;
    }
    let at = 0;
    for (let d = 0; d < key.length; d++) at += (key[d]! + 1) * this.strides[d]!;
    if (table[at]! < 0) table[at] = this.next++;
    return table[at]!;
  }
}

function add(tally: Tally, flags: number, count: number, excludeUnsubstantiated: boolean): void {
  tally.workOrders += count;
  if (!(flags & COMPLAINT)) return;
  tally.complaints += count;
  if (flags & APPEAL_APPROVED) tally.appealApproved += count;
  if (flags & UNSUBSTANTIATED) tally.unsubstantiated += count;
  if (isAssessed(flags, excludeUnsubstantiated)) tally.assessed += count;
}

/**
 * Whether a complaint's cell is held against its unit: DESIGN.md §2, not appeal-approved (nor
 * unsubstantiated, with --exclude-unsubstantiated) — unless a corrections file ruled otherwise.
 */
export function isAssessed(flags: number, excludeUnsubstantiated: boolean): boolean {
  if (flags & RULED_ASSESSED) return true;
  if (flags & RULED_NOT_ASSESSED) return false;
  return !(flags & APPEAL_APPROVED) && !(excludeUnsubstantiated && flags & UNSUBSTANTIATED);
}

/** The cells of `period`, grouped by the dimensions `by`, counted per bucket. */
export function groupBy(
  cube: Cube,
  by: readonly GroupDimension[],
  period: Period,
  options: GroupOptions,
): Group[] {
  const dims = by.map((dimension) => column(cube, dimension));
  const bucketTotal = bucketOf(period.grain, period.to) - bucketOf(period.grain, period.from) + 1;
  // The loop is a function of plain values: periods and settings come in objects of several
  // shapes, and a property read in the loop had V8 drop and recompile it for each new shape.
  return countCells(
    cube,
    dims.map((d) => d.values),
    new GroupIndex(dims),
    period.from,
    period.to,
    bucketsByDay(period),
    bucketTotal,
    options.excludeUnsubstantiated,
  );
}

function countCells(
  cube: Cube,
  values: readonly Int32Array[],
  index: GroupIndex,
  from: number,
  to: number,
  bucketOfDay: Int32Array,
  bucketTotal: number,
  exclude: boolean,
): Group[] {
  const groups: Group[] = [];
  const key: number[] = new Array<number>(values.length).fill(0);
  const { day, flags, count } = cube;
  const size = cube.size;
  cells: for (let c = 0; c < size; c++) {
    const d = day[c]!;
    if (d < from || d > to) continue;
    for (let k = 0; k < values.length; k++) {
      const value = values[k]![c]!;
      if (value === SKIP) continue cells;
      key[k] = value;
    }
    const at = index.of(key);
    let group = groups[at];
    if (group === undefined) {
      group = {
        key: [...key],
        buckets: Array.from({ length: bucketTotal }, noTally),
        total: noTally(),
      };
      groups[at] = group;
    }
    add(group.buckets[bucketOfDay[d - from]!]!, flags[c]!, count[c]!, exclude);
    add(group.total, flags[c]!, count[c]!, exclude);
  }
  return groups;
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
