/**
 * `--by`: the complaints broken down by one dimension, or two (a matrix, with its totals both
 * ways). Each group: complaints, assessed, share of all complaints of the period, 同比 and 环比
 * of its complaints, and its rank by complaints. Blank values are a group of their own ("(空)"),
 * as unclassified complaints are on a level of the taxonomy ("未分类"), so the groups of a
 * breakdown always add up to the period's complaints, and a matrix's rows and columns to the
 * one-way breakdowns by each of its dimensions.
 *
 * The formulas work on groups keyed by text (`breakdownRows`, `margins`): pure, tested with
 * hand-counted tables. `breakdowns` reads them off the cube, once per period compared.
 */
import { DISCIPLINES, type TaxonomyNode } from '../taxonomy/load.js';
import { monthIndexToString } from '../schema/values.js';
import { monthOfDay } from './calendar.js';
import {
  BLANK,
  breakdownDimension,
  columnHeader,
  isColumnDimension,
  type BreakdownDimension,
} from './dimensions.js';
import { change, competitionRanks, share } from './formulas.js';
import { groupBy, NONE, type GroupDimension } from './group.js';
import { bucketEnd, bucketStart, months, type Period } from './period.js';
import { comparisons } from './sections/period.js';
import { monthsOf } from './sections/months.js';
import type { AnalysisInput } from './types.js';

export const BLANK_VALUE = '(空)';
export const UNCLASSIFIED_VALUE = '未分类';
const DISCIPLINE_EN: Record<string, string> = { 运检: 'operations', 营销: 'marketing' };

/** A group's counts in one period, keyed by its value on each dimension. */
export interface KeyedCounts {
  key: string[];
  complaints: number;
  assessed: number;
}

export interface BreakdownGroup {
  key: string[];
  /** The key in English where it is a word of ours (a class, a discipline, blank). */
  keyEn: string[];
  complaints: number;
  assessed: number;
  share: number | null;
  /** The same months a year earlier, when the inputs cover them (null otherwise). */
  previous: number | null;
  yoy: number | null;
  /** The span just before (for a month: the month before), when covered. */
  preceding: number | null;
  mom: number | null;
  rank: number;
}

export interface BreakdownTotals {
  complaints: number;
  assessed: number;
  previous: number | null;
  yoy: number | null;
  preceding: number | null;
  mom: number | null;
  /** For two dimensions: the totals of each row (dimension 0) and each column (dimension 1). */
  margins: BreakdownGroup[][];
}

export interface Breakdown {
  /** The dimensions: a field's name, or a column's header as written. */
  by: string[];
  groups: BreakdownGroup[];
  totals: BreakdownTotals;
}

const keyName = (key: readonly string[]) => key.join('\u0000');
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Groups with equal keys summed (two codes a table names alike are one group). */
function merged(counts: readonly KeyedCounts[]): Map<string, KeyedCounts> {
  const out = new Map<string, KeyedCounts>();
  for (const c of counts) {
    const name = keyName(c.key);
    const at = out.get(name);
    if (at) {
      at.complaints += c.complaints;
      at.assessed += c.assessed;
    } else out.set(name, { key: [...c.key], complaints: c.complaints, assessed: c.assessed });
  }
  return out;
}

/**
 * The groups of a breakdown: those with complaints in the period or a year earlier, most
 * complaints first (then most assessed, then by key), ranked by complaints (ties share a rank).
 * `earlier` and `before` are null when the inputs do not cover those periods.
 */
export function breakdownRows(
  now: readonly KeyedCounts[],
  earlier: readonly KeyedCounts[] | null,
  before: readonly KeyedCounts[] | null,
  english: (key: readonly string[]) => string[] = (key) => [...key],
): BreakdownGroup[] {
  const current = merged(now);
  const past = earlier ? merged(earlier) : null;
  const prior = before ? merged(before) : null;
  let total = 0;
  for (const c of current.values()) total += c.complaints;
  const names = new Set(current.keys());
  for (const [name, c] of past ?? []) if (c.complaints > 0) names.add(name);
  const rows = [...names].flatMap((name) => {
    const c = current.get(name);
    const key = c?.key ?? past!.get(name)!.key;
    const complaints = c?.complaints ?? 0;
    const previous = past ? (past.get(name)?.complaints ?? 0) : null;
    if (complaints === 0 && !previous) return [];
    const preceding = prior ? (prior.get(name)?.complaints ?? 0) : null;
    return [
      {
        key,
        keyEn: english(key),
        complaints,
        assessed: c?.assessed ?? 0,
        share: share(complaints, total),
        previous,
        yoy: change(complaints, previous),
        preceding,
        mom: change(complaints, preceding),
        rank: 0,
      },
    ];
  });
  rows.sort(
    (a, b) =>
      b.complaints - a.complaints ||
      b.assessed - a.assessed ||
      compareText(keyName(a.key), keyName(b.key)),
  );
  const ranks = competitionRanks(rows.map((r) => r.complaints));
  return rows.map((r, i) => ({ ...r, rank: ranks[i]! }));
}

/** The counts summed over every dimension but `d`: a row's or a column's totals. */
export function margin(counts: readonly KeyedCounts[], d: number): KeyedCounts[] {
  return [...merged(counts.map((c) => ({ ...c, key: [c.key[d]!] }))).values()];
}

function sum(counts: readonly KeyedCounts[] | null, pick: (c: KeyedCounts) => number) {
  return counts === null ? null : counts.reduce((s, c) => s + pick(c), 0);
}

/**
 * A breakdown of counts in the period, a year earlier and just before (null: not covered).
 * By month, `before` holds each month's month before; `spanBefore` then holds the span just
 * before the whole period, which the totals and the margins over the other dimension compare
 * with (a quarter's total against the quarter before, not against the sum of its months' months
 * before). Without it, `before` serves both.
 */
export function breakdownOf(
  by: readonly string[],
  now: readonly KeyedCounts[],
  earlier: readonly KeyedCounts[] | null,
  before: readonly KeyedCounts[] | null,
  english: (key: readonly string[]) => string[] = (key) => [...key],
  chronological: readonly boolean[] = by.map(() => false),
  spanBefore: readonly KeyedCounts[] | null = before,
): Breakdown {
  const complaints = sum(now, (c) => c.complaints)!;
  const previous = sum(earlier, (c) => c.complaints);
  const preceding = sum(spanBefore, (c) => c.complaints);
  const inOrder = (rows: BreakdownGroup[], d: number) =>
    chronological[d] ? rows.sort((a, b) => compareText(a.key[0]!, b.key[0]!)) : rows;
  const margins =
    by.length < 2
      ? []
      : by.map((_, d) =>
          inOrder(
            breakdownRows(
              margin(now, d),
              earlier && margin(earlier, d),
              chronological[d] ? before && margin(before, d) : spanBefore && margin(spanBefore, d),
              english,
            ),
            d,
          ),
        );
  const groups = breakdownRows(now, earlier, before, english);
  return {
    by: [...by],
    groups: by.length === 1 ? inOrder(groups, 0) : groups,
    totals: {
      complaints,
      assessed: sum(now, (c) => c.assessed)!,
      previous,
      yoy: change(complaints, previous),
      preceding,
      mom: change(complaints, preceding),
      margins,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Off the cube

/** How a dimension is grouped in the cube, and how its values read as text. */
export interface Reading {
  group: GroupDimension;
  /** The value as text (zh), the value in English; `shift` moves a month (comparisons). */
  text(value: number, shift: number): [string, string];
}

function nodeAtLevel(node: TaxonomyNode, level: number): TaxonomyNode | null {
  const chain: TaxonomyNode[] = [];
  for (let n: TaxonomyNode | null = node; n; n = n.parent) chain.unshift(n);
  return chain[level - 1] ?? null;
}

export function reading(input: AnalysisInput, dimension: BreakdownDimension): Reading {
  const { cube, taxonomy } = input;
  const blank: [string, string] = [BLANK_VALUE, 'blank'];
  const unclassified: [string, string] = [UNCLASSIFIED_VALUE, 'unclassified'];
  switch (dimension) {
    case 'unit':
      return { group: 'unit', text: (v) => [cube.units[v]!, cube.units[v]!] };
    case 'month':
      return {
        group: 'month',
        text: (v, shift) => {
          const m = monthIndexToString(v + shift);
          return [m, m];
        },
      };
    case 'discipline':
      return {
        group: 'discipline',
        text: (v) => {
          if (v === NONE) return unclassified;
          const name = DISCIPLINES[v]!;
          return [name, DISCIPLINE_EN[name] ?? name];
        },
      };
    case 'level1':
    case 'level2':
    case 'level3': {
      const level = Number(dimension.slice(-1));
      return {
        group: 'class',
        text: (v) => {
          if (v === NONE) return unclassified;
          const node = nodeAtLevel(taxonomy.nodes[v]!, level);
          return node ? [node.name, node.nameEn] : blank;
        },
      };
    }
    default: {
      const at = cube.dimensions.indexOf(dimension);
      if (at < 0) throw new Error(`the cube was not built by ${dimension}`);
      const values = cube.values[at]!;
      return {
        group: dimension,
        text: (v) => (v === BLANK ? blank : [values[v]!, values[v]!]),
      };
    }
  }
}

/** The months of a period shifted by whole months. */
function shiftMonths(period: Period, by: number): Period {
  return {
    from: bucketStart('month', monthOfDay(period.from) + by),
    to: bucketEnd('month', monthOfDay(period.to) + by),
    grain: 'month',
  };
}

/** The name `--by` shows for a dimension: the field's, or the header as written. */
export function dimensionName(dimension: BreakdownDimension): string {
  return isColumnDimension(dimension) ? columnHeader(dimension) : dimension;
}

/** The breakdown the names of `--by` ask for (one or two), off the cube. */
export function breakdown(input: AnalysisInput, names: readonly string[]): Breakdown {
  const dimensions = names.map(breakdownDimension);
  const readings = dimensions.map((d) => reading(input, d));
  const byMonth = dimensions.includes('month');
  const compared = comparisons(input);
  const use = monthsOf(input);
  const whole = (p: Period) => months(p).every(use.usable);
  // By month, 同比 is each month's own year earlier and 环比 its month before.
  const monthBefore = shiftMonths(input.period, -1);
  const before = byMonth
    ? whole(monthBefore) && whole(input.period)
      ? { period: monthBefore, shift: 1 }
      : null
    : compared.preceding && { period: compared.preceding, shift: 0 };
  const earlier = compared.yearEarlier && { period: compared.yearEarlier, shift: 12 };
  const english = new Map<string, string>();
  const counts = (period: Period, shift: number): KeyedCounts[] =>
    groupBy(
      input.cube,
      readings.map((r) => r.group),
      period,
      input.settings,
    ).map((g) => {
      const texts = g.key.map((v, d) => readings[d]!.text(v, shift));
      texts.forEach(([zh, en]) => english.set(zh, en));
      return {
        key: texts.map((t) => t[0]),
        complaints: g.total.complaints,
        assessed: g.total.assessed,
      };
    });
  const now = counts(input.period, 0);
  const past = earlier && counts(earlier.period, earlier.shift);
  const prior = before && counts(before.period, before.shift);
  const span = byMonth ? compared.preceding && counts(compared.preceding, 0) : prior;
  return breakdownOf(
    dimensions.map(dimensionName),
    now,
    past,
    prior,
    (key) => key.map((k) => english.get(k) ?? k),
    dimensions.map((d) => d === 'month'),
    span,
  );
}

/** Every breakdown asked for (settings.by), in order. */
export function breakdowns(input: AnalysisInput): Breakdown[] {
  return (input.by ?? []).map((names) => breakdown(input, names));
}
