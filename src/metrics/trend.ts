/**
 * `trend --by`: one monthly series per group, each with its 环比, 同比 and average monthly
 * reduction. By unit, first- or second-level class or discipline as always (a classified
 * complaint with no node at the level asked is left out); by any other dimension of --by
 * (channel, a column of the export …) through the breakdown's reading of it (breakdown.ts),
 * blank values one series of their own. For a day, a week or a range of days, one series of days
 * per group.
 */
import { DISCIPLINES } from '../taxonomy/load.js';
import { BLANK_VALUE, reading } from './breakdown.js';
import { dayToString, monthOfDay } from './calendar.js';
import { breakdownDimension, type BreakdownDimension } from './dimensions.js';
import type { Period } from './period.js';
import type { AnalysisInput, MonthRow } from './types.js';
import type { SeriesReduction } from './series.js';
import { groupBy, NONE, nodeOf, noTally, type Group, type Tally } from './group.js';
import { monthsOf } from './sections/months.js';
import { inDays } from './sections/period.js';
import { monthRows, seriesPeriod, seriesReduction } from './series.js';

export const TREND_GROUPS = ['unit', 'level1', 'level2', 'discipline'] as const;
export type TrendBy = (typeof TREND_GROUPS)[number];

export interface GroupSeries {
  /** The unit name, class code or discipline; "" for complaints with no class; the value. */
  key: string;
  name: string;
  nameEn: string;
  complaints: number;
  months: MonthRow[];
  avgMonthlyReduction: SeriesReduction;
  /** For a day, a week or a range of days: the group's days (its `months` are then empty). */
  days?: { day: string; complaints: number; assessed: number }[];
}

const UNCLASSIFIED = { key: '', name: '未分类', nameEn: 'unclassified' };
const DISCIPLINE_EN: Record<(typeof DISCIPLINES)[number], string> = {
  运检: 'operations',
  营销: 'marketing',
};

/** The key and names of a group's value on the dimension `by`. */
function describe(input: AnalysisInput, by: TrendBy, value: number) {
  if (by === 'unit') {
    const name = input.cube.units[value]!;
    return { key: name, name, nameEn: name };
  }
  if (value === NONE) return UNCLASSIFIED;
  if (by === 'discipline') {
    const name = DISCIPLINES[value]!;
    return { key: name, name, nameEn: DISCIPLINE_EN[name] };
  }
  const node = nodeOf(input.taxonomy, value)!;
  return { key: node.code, name: node.name, nameEn: node.nameEn };
}

function sumTally(into: Tally, t: Tally): void {
  into.workOrders += t.workOrders;
  into.complaints += t.complaints;
  into.appealApproved += t.appealApproved;
  into.unsubstantiated += t.unsubstantiated;
  into.assessed += t.assessed;
}

/** Groups of another dimension, merged by their value as text (codes named alike are one). */
function groupsByText(
  input: AnalysisInput,
  dimension: BreakdownDimension,
  groups: readonly Group[],
): { describe: { key: string; name: string; nameEn: string }; buckets: Tally[] }[] {
  const r = reading(input, dimension);
  const byText = new Map<
    string,
    { describe: { key: string; name: string; nameEn: string }; buckets: Tally[] }
  >();
  for (const g of groups) {
    const [zh, en] = r.text(g.key[0]!, 0);
    let at = byText.get(zh);
    if (!at) {
      at = {
        describe: { key: zh === BLANK_VALUE ? '' : zh, name: zh, nameEn: en },
        buckets: g.buckets.map(noTally),
      };
      byText.set(zh, at);
    }
    g.buckets.forEach((b, i) => sumTally(at.buckets[i]!, b));
  }
  return [...byText.values()];
}

type Described = { describe: { key: string; name: string; nameEn: string }; buckets: Tally[] };

/** The groups of `by` over `period`, each with its key, names and buckets. */
function describedGroups(input: AnalysisInput, by: string, period: Period): Described[] {
  const dimension = breakdownDimension(by);
  const classic = (TREND_GROUPS as readonly string[]).includes(dimension);
  const grouped = groupBy(
    input.cube,
    [classic ? (dimension as TrendBy) : reading(input, dimension).group],
    period,
    input.settings,
  );
  return classic
    ? grouped.map((g) => ({
        describe: describe(input, dimension as TrendBy, g.key[0]!),
        buckets: g.buckets,
      }))
    : groupsByText(input, dimension, grouped);
}

/** The order of the groups: most complaints first, then by key. */
/** Assessed complaints over the group's months or days. */
const assessedOf = (g: GroupSeries) => (g.days ?? g.months).reduce((sum, m) => sum + m.assessed, 0);

/** Most complaints first, then most assessed, then by name: the order of `analyze --by`'s rows. */
function byComplaints(a: GroupSeries, b: GroupSeries): number {
  return (
    b.complaints - a.complaints ||
    assessedOf(b) - assessedOf(a) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** A day, a week or a range of days: one series of days per group. */
function daySeriesBy(input: AnalysisInput, by: string): GroupSeries[] {
  const { period } = input;
  const days: Period = { from: period.from, to: period.to, grain: 'day' };
  return describedGroups(input, by, days)
    .map((g) => ({
      ...g.describe,
      complaints: g.buckets.reduce((sum, b) => sum + b.complaints, 0),
      months: [],
      avgMonthlyReduction: { arithmetic: null, compound: null, from: null, to: null },
      days: g.buckets.map((b, i) => ({
        day: dayToString(period.from + i),
        complaints: b.complaints,
        assessed: b.assessed,
      })),
    }))
    .filter((s) => s.complaints > 0)
    .sort(byComplaints);
}

/** The groups with complaints in the period, most complaints first. */
export function seriesBy(input: AnalysisInput, by: string): GroupSeries[] {
  if (inDays(input.period)) return daySeriesBy(input, by);
  const { period } = input;
  const from = monthOfDay(period.from);
  const to = monthOfDay(period.to);
  const use = monthsOf(input);
  return describedGroups(input, by, seriesPeriod(from, to))
    .map((g) => {
      const months = monthRows(from, to, g.buckets, use);
      return {
        ...g.describe,
        complaints: months.reduce((sum, m) => sum + m.complaints, 0),
        months,
        avgMonthlyReduction: seriesReduction(months, from, use),
      };
    })
    .filter((s) => s.complaints > 0)
    .sort(byComplaints);
}
