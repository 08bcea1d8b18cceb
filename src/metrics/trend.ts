/**
 * `trend --by`: one monthly series per unit, first- or second-level class, or discipline,
 * each with its 环比, 同比 and average monthly reduction.
 */
import type { AnalysisInput, MonthRow } from './analysis.js';
import { monthSeries } from './analysis.js';
import type { CubeCell } from './cube.js';
import { averageMonthlyReduction, type AverageMonthlyReduction } from './formulas.js';

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
}

interface Group {
  key: string;
  name: string;
  nameEn: string;
  where: (c: CubeCell) => boolean;
}

function groups(input: AnalysisInput, by: TrendBy): Group[] {
  const { cube, taxonomy } = input;
  const unclassified: Group = {
    key: '',
    name: '未分类',
    nameEn: 'unclassified',
    where: (c) => cube.classes[c.kind]!.level1 === null,
  };
  switch (by) {
    case 'unit':
      return cube.units.map((name, id) => ({
        key: name,
        name,
        nameEn: name,
        where: (c) => c.unit === id,
      }));
    case 'level1':
      return [
        ...taxonomy.roots.map((node) => ({
          key: node.code,
          name: node.name,
          nameEn: node.nameEn,
          where: (c: CubeCell) => cube.classes[c.kind]!.level1 === node,
        })),
        unclassified,
      ];
    case 'level2':
      return [
        ...taxonomy.nodes
          .filter((n) => n.level === 2)
          .map((node) => ({
            key: node.code,
            name: node.name,
            nameEn: node.nameEn,
            where: (c: CubeCell) => cube.classes[c.kind]!.level2 === node,
          })),
        unclassified,
      ];
    case 'discipline':
      return [
        { key: '运检', name: '运检', nameEn: 'operations' },
        { key: '营销', name: '营销', nameEn: 'marketing' },
      ]
        .map((d) => ({ ...d, where: (c: CubeCell) => cube.classes[c.kind]!.discipline === d.key }))
        .concat(unclassified);
  }
}

/** The groups with complaints in the period, most complaints first. */
export function seriesBy(input: AnalysisInput, by: TrendBy): GroupSeries[] {
  return groups(input, by)
    .map((g) => {
      const months = monthSeries(input, g.where);
      return {
        key: g.key,
        name: g.name,
        nameEn: g.nameEn,
        complaints: months.reduce((sum, m) => sum + m.complaints, 0),
        months,
        avgMonthlyReduction: averageMonthlyReduction(months.map((m) => m.complaints)),
      };
    })
    .filter((s) => s.complaints > 0)
    .sort((a, b) => b.complaints - a.complaints || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
