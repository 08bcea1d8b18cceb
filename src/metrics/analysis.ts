/**
 * Every metric of DESIGN.md §2 and the extras (seasonality, hot spots, repeat complainants,
 * timeliness, satisfaction), as one pure function of the cube, the records, the period and the
 * targets. The result is the JSON result of DESIGN.md §6; renderers only format it.
 */
import type { Field } from '../schema/fields.js';
import { monthIndexToString } from '../schema/values.js';
import { DISCIPLINES, type Taxonomy, type TaxonomyNode } from '../taxonomy/load.js';
import type { ComplaintClass, Cube, CubeCell } from './cube.js';
import {
  averageMonthlyReduction,
  change,
  competitionRanks,
  isOverTarget,
  overTargetRate,
  prorate,
  ratePer10k,
  share,
  type AverageMonthlyReduction,
} from './formulas.js';
import {
  contains,
  monthCount,
  months as monthsOf,
  periodJson,
  preceding,
  yearEarlier,
  type Period,
  type PeriodRequest,
} from './period.js';
import type { Records } from './records.js';
import { repeatComplainants, satisfaction, timeliness, type Extras } from './extras.js';
import type { Targets } from './targets.js';

export interface AnalysisSettings {
  /** assessed = complaints − appeal-approved − unsubstantiated (a complaint subtracted once). */
  excludeUnsubstantiated: boolean;
  /** Scale annual targets by months-in-period / 12. */
  prorate: boolean;
  replyLimitHours: number;
  closeLimitHours: number;
  /** Length of the hot-spot and repeat-complainant lists. */
  top: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  excludeUnsubstantiated: false,
  prorate: false,
  replyLimitHours: 24,
  closeLimitHours: 144,
  top: 10,
};

export interface AnalysisInput {
  cube: Cube;
  records: Records;
  taxonomy: Taxonomy;
  period: Period;
  request: PeriodRequest;
  /** Months the inputs cover: every month between an input's first and last work order. */
  covered: ReadonlySet<number>;
  targets: Targets | null;
  /** Fields with a column in at least one input. */
  fields: ReadonlySet<Field>;
  settings: AnalysisSettings;
}

export interface Counts {
  complaints: number;
  appealApproved: number;
  unsubstantiated: number;
  assessed: number;
}

export interface UnitRow extends Counts {
  unit: string;
  target: number | null;
  overTargetRate: number | null;
  overTarget: boolean | null;
  share: number | null;
  customers: number | null;
  ratePer10k: number | null;
  previous: number | null;
  yoy: number | null;
  preceding: number | null;
  mom: number | null;
  rank: number;
}

export interface MonthRow extends Counts {
  month: string;
  previous: number | null;
  mom: number | null;
  yoy: number | null;
}

export interface CategoryRow {
  code: string;
  name: string;
  nameEn: string;
  parent?: string;
  discipline: string;
  complaints: number;
  share: number | null;
  previous: number | null;
  yoy: number | null;
}

export interface DisciplineRow {
  name: string;
  complaints: number;
  share: number | null;
  previous: number | null;
  yoy: number | null;
}

export interface Categories {
  level1: CategoryRow[];
  level2: CategoryRow[];
  level3: CategoryRow[];
  discipline: DisciplineRow[];
  unclassified: number;
}

export interface HotSpots {
  level2: CategoryRow[];
  level3: CategoryRow[];
  byUnit: {
    unit: string;
    complaints: number;
    top: { name: string; nameEn: string; complaints: number; share: number | null }[];
  }[];
  rising: {
    basis: 'yoy' | 'mom';
    categories: {
      code: string;
      name: string;
      nameEn: string;
      complaints: number;
      base: number;
      increase: number;
      rate: number | null;
    }[];
  } | null;
}

export interface Seasonality {
  from: string;
  to: string;
  months: { month: number; values: Record<string, number>; mean: number; index: number | null }[];
}

export interface Analysis extends Extras {
  period: {
    from: string;
    to: string;
    months: number;
    kind: PeriodRequest['kind'];
    label: string | null;
    yearEarlier: { from: string; to: string } | null;
    preceding: { from: string; to: string } | null;
  };
  totals: Counts & {
    workOrders: number;
    target: number | null;
    overTargetRate: number | null;
    overTarget: boolean | null;
    unitsOverTarget: number;
    unitsWithTarget: number;
    customers: number | null;
    ratePer10k: number | null;
    previous: number | null;
    yoy: number | null;
    preceding: number | null;
    mom: number | null;
    excludedByType: Record<string, number>;
  };
  units: UnitRow[];
  months: MonthRow[];
  trend: { avgMonthlyReduction: AverageMonthlyReduction };
  categories: Categories;
  seasonality: Seasonality | null;
  hotspots: HotSpots;
  targets: {
    file: string;
    prorated: boolean;
    factor: number;
    unitsWithoutTarget: string[];
    targetsWithoutData: string[];
  } | null;
  settings: AnalysisSettings;
  notes: Note[];
}

/**
 * Something the reader of a report should know: a figure that could not be computed (and
 * why), or data that does not line up. `message` in English, `zh` in Chinese.
 */
export interface Note {
  code:
    | 'months-missing'
    | 'no-yoy'
    | 'no-appeal'
    | 'no-substantiated'
    | 'units-without-target'
    | 'targets-without-data'
    | 'targets-not-prorated'
    | 'no-seasonality'
    | 'no-repeat'
    | 'no-reply'
    | 'no-close'
    | 'no-satisfaction'
    | 'satisfaction-unrecognised';
  message: string;
  zh: string;
}

/** Notes about the targets: shown beside the units table. */
export const TARGET_NOTES: ReadonlySet<Note['code']> = new Set([
  'units-without-target',
  'targets-without-data',
  'targets-not-prorated',
]);

/** Notes about a metric left out rather than about the data. */
export const SKIPPED_NOTES: ReadonlySet<Note['code']> = new Set([
  'no-yoy',
  'no-seasonality',
  'no-repeat',
  'no-reply',
  'no-close',
  'no-satisfaction',
]);

export const note = (code: Note['code'], message: string, zh: string): Note => ({
  code,
  message,
  zh,
});

const nodeName = (n: TaxonomyNode) => n.name;

export function analyse(input: AnalysisInput): Analysis {
  const { cube, period, covered, settings, taxonomy } = input;
  const notes: Note[] = [];
  const isCovered = (p: Period) => monthsOf(p).every((m) => covered.has(m));
  const earlier = yearEarlier(period);
  const before = preceding(period);
  const comparison = isCovered(earlier) ? earlier : null;
  const precedingPeriod = isCovered(before) ? before : null;
  const missing = monthsOf(period).filter((m) => !covered.has(m));
  if (missing.length > 0) {
    const list = missing.map(monthIndexToString).join(', ');
    notes.push(
      note(
        'months-missing',
        `${list}: not in any input; counted as 0.`,
        `${list} 不在任何输入中，按 0 计。`,
      ),
    );
  }
  if (!input.fields.has('appealResult')) {
    notes.push(
      note(
        'no-appeal',
        'No 申诉结果 (appealResult) column: no complaint counts as appeal-approved, so assessed = complaints.',
        '没有申诉结果列：不计申诉成功，考核投诉即全部投诉。',
      ),
    );
  }
  if (settings.excludeUnsubstantiated && !input.fields.has('substantiated')) {
    notes.push(
      note(
        'no-substantiated',
        'No 是否属实 (substantiated) column: --exclude-unsubstantiated has nothing to exclude.',
        '没有是否属实列：--exclude-unsubstantiated 无可剔除。',
      ),
    );
  }
  if (!comparison) {
    const span = `${periodJson(earlier).from} – ${periodJson(earlier).to}`;
    notes.push(
      note(
        'no-yoy',
        `yoy: ${span} is not (fully) in the inputs; add that year's export to compare.`,
        `同比：输入未完整覆盖 ${span}，加入上年同期的导出文件即可比较。`,
      ),
    );
  }

  const complaintsIn = (p: Period | null, where: (c: CubeCell) => boolean = () => true) => {
    if (!p) return null;
    let n = 0;
    for (const c of cube.cells) if (c.complaint && contains(p, c.month) && where(c)) n += c.count;
    return n;
  };
  const countsIn = (p: Period, where: (c: CubeCell) => boolean = () => true): Counts => {
    const counts: Counts = { complaints: 0, appealApproved: 0, unsubstantiated: 0, assessed: 0 };
    for (const c of cube.cells) {
      if (!c.complaint || !contains(p, c.month) || !where(c)) continue;
      counts.complaints += c.count;
      if (c.appealApproved) counts.appealApproved += c.count;
      if (c.unsubstantiated) counts.unsubstantiated += c.count;
      if (isAssessed(c, settings)) counts.assessed += c.count;
    }
    return counts;
  };

  // Units
  const factor = settings.prorate ? monthCount(period) / 12 : 1;
  const targetOf = (unit: string) => input.targets?.byUnit.get(unit) ?? null;
  const activeUnits = new Set<number>();
  for (const c of cube.cells) {
    if (contains(period, c.month) || (comparison && c.complaint && contains(comparison, c.month)))
      activeUnits.add(c.unit);
  }
  cube.units.forEach((name, id) => {
    if (targetOf(name)) activeUnits.add(id);
  });
  const total = countsIn(period);
  const rows = [...activeUnits].map((id) => {
    const name = cube.units[id]!;
    const counts = countsIn(period, (c) => c.unit === id);
    const t = targetOf(name);
    const target = t ? (settings.prorate ? prorate(t.target, monthCount(period)) : t.target) : null;
    const previous = complaintsIn(comparison, (c) => c.unit === id);
    const prior = complaintsIn(precedingPeriod, (c) => c.unit === id);
    return {
      unit: name,
      ...counts,
      target,
      overTargetRate: overTargetRate(counts.assessed, target),
      overTarget: isOverTarget(counts.assessed, target),
      share: share(counts.complaints, total.complaints),
      customers: t?.customers ?? null,
      ratePer10k: ratePer10k(counts.complaints, t?.customers ?? null),
      previous,
      yoy: previous === null ? null : change(counts.complaints, previous),
      preceding: prior,
      mom: prior === null ? null : change(counts.complaints, prior),
      rank: 0,
    };
  });
  rows.sort(
    (a, b) =>
      b.assessed - a.assessed ||
      b.complaints - a.complaints ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
  const ranks = competitionRanks(rows.map((r) => r.assessed));
  const units: UnitRow[] = rows.map((r, i) => ({ ...r, rank: ranks[i]! }));

  let targetsSection: Analysis['targets'] = null;
  let totalTarget: number | null = null;
  if (input.targets) {
    const withTarget = units.filter((u) => u.target !== null);
    totalTarget = withTarget.reduce((sum, u) => sum + u.target!, 0);
    const seen = new Set(cube.units);
    targetsSection = {
      file: input.targets.file,
      prorated: settings.prorate,
      factor,
      unitsWithoutTarget: units
        .filter((u) => u.target === null && u.complaints > 0)
        .map((u) => u.unit),
      targetsWithoutData: [...input.targets.byUnit.keys()].filter((u) => !seen.has(u)),
    };
    if (!settings.prorate && monthCount(period) < 12)
      notes.push(
        note(
          'targets-not-prorated',
          `Targets are annual and the period is ${monthCount(period)} month(s): add --prorate to hold it against ${monthCount(period)}/12 of them.`,
          `指标为年度指标，本期仅 ${monthCount(period)} 个月：加 --prorate 可按 ${monthCount(period)}/12 折算。`,
        ),
      );
    if (targetsSection.unitsWithoutTarget.length > 0)
      notes.push(
        note(
          'units-without-target',
          `No target in ${input.targets.file} for ${targetsSection.unitsWithoutTarget.join(', ')}: their complaints count in the totals but not against the target.`,
          `${input.targets.file} 中没有 ${targetsSection.unitsWithoutTarget.join('、')} 的指标：其投诉计入合计，但不与指标比较。`,
        ),
      );
    if (targetsSection.targetsWithoutData.length > 0)
      notes.push(
        note(
          'targets-without-data',
          `${targetsSection.targetsWithoutData.join(', ')}: in ${input.targets.file} but in no input; left out of the total target.`,
          `${targetsSection.targetsWithoutData.join('、')} 在 ${input.targets.file} 中有指标，但输入中没有其工单：不计入总指标。`,
        ),
      );
  }
  const assessedWithTarget = units.reduce(
    (sum, u) => sum + (u.target !== null ? u.assessed : 0),
    0,
  );
  const customerUnits = units.filter((u) => u.customers !== null);
  const allCustomers =
    customerUnits.length > 0 && customerUnits.length === units.length
      ? customerUnits.reduce((sum, u) => sum + u.customers!, 0)
      : null;

  // Work orders of other types in the period
  const excludedByType: Record<string, number> = {};
  let otherOrders = 0;
  for (const c of cube.cells) {
    if (c.complaint || !contains(period, c.month)) continue;
    const type = cube.types[c.kind]!;
    excludedByType[type] = (excludedByType[type] ?? 0) + c.count;
    otherOrders += c.count;
  }
  const previousTotal = complaintsIn(comparison);
  const precedingTotal = complaintsIn(precedingPeriod);
  const totals: Analysis['totals'] = {
    workOrders: total.complaints + otherOrders,
    ...total,
    target: totalTarget,
    overTargetRate: totalTarget === null ? null : overTargetRate(assessedWithTarget, totalTarget),
    overTarget: totalTarget === null ? null : isOverTarget(assessedWithTarget, totalTarget),
    unitsOverTarget: units.filter((u) => u.overTarget === true).length,
    unitsWithTarget: units.filter((u) => u.target !== null).length,
    customers: allCustomers,
    ratePer10k: ratePer10k(total.complaints, allCustomers),
    previous: previousTotal,
    yoy: previousTotal === null ? null : change(total.complaints, previousTotal),
    preceding: precedingTotal,
    mom: precedingTotal === null ? null : change(total.complaints, precedingTotal),
    excludedByType,
  };

  const monthRows = monthSeries(input, () => true);

  return {
    period: {
      ...periodJson(period),
      months: monthCount(period),
      kind: input.request.kind,
      label: input.request.label,
      yearEarlier: comparison ? periodJson(comparison) : null,
      preceding: precedingPeriod ? periodJson(precedingPeriod) : null,
    },
    totals,
    units,
    months: monthRows,
    trend: { avgMonthlyReduction: averageMonthlyReduction(monthRows.map((m) => m.complaints)) },
    categories: categories(cube, taxonomy, period, comparison, total.complaints),
    seasonality: seasonality(cube, covered, notes),
    hotspots: hotspots(
      cube,
      taxonomy,
      period,
      comparison,
      precedingPeriod,
      units,
      total.complaints,
      settings.top,
    ),
    ...repeatComplainants(input, notes),
    ...timeliness(input, notes),
    ...satisfaction(input, notes),
    targets: targetsSection,
    settings,
    notes,
  };
}

const isAssessed = (c: CubeCell, settings: AnalysisSettings) =>
  c.complaint && !c.appealApproved && !(settings.excludeUnsubstantiated && c.unsubstantiated);

/**
 * The monthly series of the period for the complaints `where` selects: counts, 环比 against
 * the month before and 同比 against the same month a year earlier, when the inputs cover them.
 */
export function monthSeries(input: AnalysisInput, where: (c: CubeCell) => boolean): MonthRow[] {
  const { cube, period, covered, settings } = input;
  const byMonth = new Map<number, Counts>();
  for (const c of cube.cells) {
    if (!c.complaint || !where(c)) continue;
    let counts = byMonth.get(c.month);
    if (!counts) {
      counts = { complaints: 0, appealApproved: 0, unsubstantiated: 0, assessed: 0 };
      byMonth.set(c.month, counts);
    }
    counts.complaints += c.count;
    if (c.appealApproved) counts.appealApproved += c.count;
    if (c.unsubstantiated) counts.unsubstantiated += c.count;
    if (isAssessed(c, settings)) counts.assessed += c.count;
  }
  const complaintsAt = (m: number) => (covered.has(m) ? (byMonth.get(m)?.complaints ?? 0) : null);
  return monthsOf(period).map((m) => {
    const counts = byMonth.get(m) ?? {
      complaints: 0,
      appealApproved: 0,
      unsubstantiated: 0,
      assessed: 0,
    };
    const previous = complaintsAt(m - 12);
    return {
      month: monthIndexToString(m),
      ...counts,
      previous,
      mom: change(counts.complaints, complaintsAt(m - 1)),
      yoy: change(counts.complaints, previous),
    };
  });
}

function classCounts(
  cube: Cube,
  p: Period | null,
  pick: (k: ComplaintClass) => TaxonomyNode | null,
  unit: number | null = null,
): Map<TaxonomyNode, number> | null {
  if (!p) return null;
  const counts = new Map<TaxonomyNode, number>();
  for (const c of cube.cells) {
    if (!c.complaint || !contains(p, c.month) || (unit !== null && c.unit !== unit)) continue;
    const node = pick(cube.classes[c.kind]!);
    if (node) counts.set(node, (counts.get(node) ?? 0) + c.count);
  }
  return counts;
}

function categoryRow(
  node: TaxonomyNode,
  now: Map<TaxonomyNode, number>,
  then: Map<TaxonomyNode, number> | null,
  total: number,
): CategoryRow {
  const complaints = now.get(node) ?? 0;
  const previous = then ? (then.get(node) ?? 0) : null;
  return {
    code: node.code,
    name: nodeName(node),
    nameEn: node.nameEn,
    ...(node.parent ? { parent: node.parent.code } : {}),
    discipline: node.discipline,
    complaints,
    share: share(complaints, total),
    previous,
    yoy: previous === null ? null : change(complaints, previous),
  };
}

function categories(
  cube: Cube,
  taxonomy: Taxonomy,
  period: Period,
  comparison: Period | null,
  total: number,
): Categories {
  const level = (pick: (k: ComplaintClass) => TaxonomyNode | null, nodes: TaxonomyNode[]) => {
    const now = classCounts(cube, period, pick)!;
    const then = classCounts(cube, comparison, pick);
    return nodes.map((n) => categoryRow(n, now, then, total));
  };
  const level1 = level((k) => k.level1, taxonomy.roots);
  const level2 = level(
    (k) => k.level2,
    taxonomy.nodes.filter((n) => n.level === 2),
  );
  const level3 = level(
    (k) => k.level3,
    taxonomy.nodes.filter((n) => n.level === 3),
  ).filter((r) => r.complaints > 0 || (r.previous ?? 0) > 0);
  const discipline = DISCIPLINES.map((name) => {
    const rows = level1.filter((r) => r.discipline === name);
    const complaints = rows.reduce((sum, r) => sum + r.complaints, 0);
    const previous = comparison ? rows.reduce((sum, r) => sum + r.previous!, 0) : null;
    return {
      name,
      complaints,
      share: share(complaints, total),
      previous,
      yoy: previous === null ? null : change(complaints, previous),
    };
  });
  const classified = level1.reduce((sum, r) => sum + r.complaints, 0);
  return { level1, level2, level3, discipline, unclassified: total - classified };
}

function seasonality(cube: Cube, covered: ReadonlySet<number>, notes: Note[]): Seasonality | null {
  const all = [...covered].sort((a, b) => a - b);
  if (all.length <= 12) {
    notes.push(
      note(
        'no-seasonality',
        'Seasonality needs inputs covering more than 12 months.',
        '季节性：需要覆盖 12 个月以上的输入。',
      ),
    );
    return null;
  }
  const byMonth = new Map<number, number>();
  for (const c of cube.cells)
    if (c.complaint) byMonth.set(c.month, (byMonth.get(c.month) ?? 0) + c.count);
  const overall = all.reduce((sum, m) => sum + (byMonth.get(m) ?? 0), 0) / all.length;
  const months: Seasonality['months'] = [];
  for (let moy = 0; moy < 12; moy++) {
    const values: Record<string, number> = {};
    let sum = 0;
    let n = 0;
    for (const m of all) {
      if (m % 12 !== moy) continue;
      const v = byMonth.get(m) ?? 0;
      values[String(Math.floor(m / 12))] = v;
      sum += v;
      n++;
    }
    const mean = n === 0 ? 0 : sum / n;
    months.push({
      month: moy + 1,
      values,
      mean,
      index: overall === 0 || n === 0 ? null : mean / overall,
    });
  }
  return {
    from: monthIndexToString(all[0]!),
    to: monthIndexToString(all[all.length - 1]!),
    months,
  };
}

function hotspots(
  cube: Cube,
  taxonomy: Taxonomy,
  period: Period,
  comparison: Period | null,
  precedingPeriod: Period | null,
  units: readonly UnitRow[],
  total: number,
  top: number,
): HotSpots {
  const ranked = (rows: CategoryRow[]) =>
    rows
      .filter((r) => r.complaints > 0)
      .sort((a, b) => b.complaints - a.complaints || (a.code < b.code ? -1 : 1))
      .slice(0, top);
  const level2Nodes = taxonomy.nodes.filter((n) => n.level === 2);
  const level3Nodes = taxonomy.nodes.filter((n) => n.level === 3);
  const now2 = classCounts(cube, period, (k) => k.level2)!;
  const level2 = ranked(
    level2Nodes.map((n) =>
      categoryRow(
        n,
        now2,
        classCounts(cube, comparison, (k) => k.level2),
        total,
      ),
    ),
  );
  const now3 = classCounts(cube, period, (k) => k.level3)!;
  const level3 = ranked(
    level3Nodes.map((n) =>
      categoryRow(
        n,
        now3,
        classCounts(cube, comparison, (k) => k.level3),
        total,
      ),
    ),
  );
  const unitIds = new Map(cube.units.map((name, id) => [name, id]));
  const byUnit = units
    .filter((u) => u.complaints > 0)
    .map((u) => {
      const counts = classCounts(cube, period, (k) => k.level2, unitIds.get(u.unit)!)!;
      const topThree = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0].code < b[0].code ? -1 : 1))
        .slice(0, 3)
        .map(([node, complaints]) => ({
          name: node.name,
          nameEn: node.nameEn,
          complaints,
          share: share(complaints, u.complaints),
        }));
      return { unit: u.unit, complaints: u.complaints, top: topThree };
    });
  const basePeriod = comparison ?? precedingPeriod;
  let rising: HotSpots['rising'] = null;
  if (basePeriod) {
    const then = classCounts(cube, basePeriod, (k) => k.level2)!;
    rising = {
      basis: comparison ? 'yoy' : 'mom',
      categories: level2Nodes
        .map((node) => {
          const complaints = now2.get(node) ?? 0;
          const base = then.get(node) ?? 0;
          return {
            code: node.code,
            name: node.name,
            nameEn: node.nameEn,
            complaints,
            base,
            increase: complaints - base,
            rate: change(complaints, base),
          };
        })
        .filter((r) => r.increase > 0)
        .sort((a, b) => b.increase - a.increase || (a.code < b.code ? -1 : 1))
        .slice(0, top),
    };
  }
  return { level2, level3, byUnit, rising };
}
