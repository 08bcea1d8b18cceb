/**
 * `trend --by`: one monthly series per unit, first- or second-level class, or discipline,
 * each with its 环比, 同比 and average monthly reduction; for a day, a week or a range of days,
 * one series of days.
 */
import { DISCIPLINES } from '../taxonomy/load.js';
import { dayToString, monthOfDay } from './calendar.js';
import type { AnalysisInput, MonthRow } from './types.js';
import type { AverageMonthlyReduction } from './formulas.js';
import { groupBy, NONE, nodeOf } from './group.js';
import { monthsOf } from './sections/months.js';
import { inDays } from './sections/period.js';
import { monthRows, seriesPeriod, seriesReduction } from './series.js';

export const TREND_GROUPS = ['unit', 'level1', 'level2', 'discipline'] as const;
export type TrendBy = (typeof TREND_GROUPS)[number];

export interface GroupSeries {
  /** The unit name, class code or discipline; "" for complaints with no class. */
  key: string;
  name: string;
  nameEn: string;
  complaints: number;
  months: MonthRow[];
  avgMonthlyReduction: AverageMonthlyReduction;
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

/** The order of the groups: most complaints first, then by key. */
function byComplaints(a: GroupSeries, b: GroupSeries): number {
  return b.complaints - a.complaints || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** A day, a week or a range of days: one series of days per group. */
function daySeriesBy(input: AnalysisInput, by: TrendBy): GroupSeries[] {
  const { cube, period, settings } = input;
  const days = { from: period.from, to: period.to, grain: 'day' as const };
  return groupBy(cube, [by], days, settings)
    .map((g) => ({
      ...describe(input, by, g.key[0]!),
      complaints: g.total.complaints,
      months: [],
      avgMonthlyReduction: { arithmetic: null, compound: null },
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
export function seriesBy(input: AnalysisInput, by: TrendBy): GroupSeries[] {
  if (inDays(input.period)) return daySeriesBy(input, by);
  const { cube, period, settings } = input;
  const from = monthOfDay(period.from);
  const to = monthOfDay(period.to);
  const use = monthsOf(input);
  return groupBy(cube, [by], seriesPeriod(from, to), settings)
    .map((g) => {
      const months = monthRows(from, to, g.buckets, use);
      return {
        ...describe(input, by, g.key[0]!),
        complaints: months.reduce((sum, m) => sum + m.complaints, 0),
        months,
        avgMonthlyReduction: seriesReduction(months, from, use),
      };
    })
    .filter((s) => s.complaints > 0)
    .sort(byComplaints);
}
