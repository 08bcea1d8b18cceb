/**
 * `trend --by`: one monthly series per group, each with its 环比, 同比 and average monthly
 * reduction. By unit, first- or second-level class or discipline as always (a classified
 * complaint with no node at the level asked is left out); by any other dimension of --by
 * (channel, a column of the export …) through the breakdown's reading of it (breakdown.ts),
 * blank values one series of their own.
 */
import { DISCIPLINES } from '../taxonomy/load.js';
import { BLANK_VALUE, reading } from './breakdown.js';
import { monthOfDay } from './calendar.js';
import { breakdownDimension, type BreakdownDimension } from './dimensions.js';
import type { AnalysisInput, MonthRow } from './types.js';
import type { AverageMonthlyReduction } from './formulas.js';
import { groupBy, NONE, nodeOf, noTally, type Group, type Tally } from './group.js';
import { monthsOf } from './sections/months.js';
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
  avgMonthlyReduction: AverageMonthlyReduction;
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

/** The groups with complaints in the period, most complaints first. */
export function seriesBy(input: AnalysisInput, by: string): GroupSeries[] {
  const { cube, period, settings } = input;
  const from = monthOfDay(period.from);
  const to = monthOfDay(period.to);
  const use = monthsOf(input);
  const dimension = breakdownDimension(by);
  const classic = (TREND_GROUPS as readonly string[]).includes(dimension);
  const grouped = groupBy(
    cube,
    [classic ? (dimension as TrendBy) : reading(input, dimension).group],
    seriesPeriod(from, to),
    settings,
  );
  const described = classic
    ? grouped.map((g) => ({
        describe: describe(input, dimension as TrendBy, g.key[0]!),
        buckets: g.buckets,
      }))
    : groupsByText(input, dimension, grouped);
  return described
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
    .sort((a, b) => b.complaints - a.complaints || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
