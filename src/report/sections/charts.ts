/**
 * The charts as data: what each shows, its title and subtitle, or none when its data is
 * absent. charts.ts draws them; how (series, colours, sizes) is its business.
 */
import type { Analysis } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { CHART, disciplineName } from '../labels.js';
import { breakdownCharts } from './breakdowns.js';
import type {
  CategoriesChart,
  ChartSpec,
  DisciplineChart,
  TrendChart,
  UnitsChart,
} from '../types.js';

const span = (p: { from: string; to: string }) =>
  p.from === p.to ? p.from : `${p.from} – ${p.to}`;

/**
 * The months a chart of the series shows: those the data covers wholly (or, with
 * --include-partial, in part). A partial December drawn as a whole month is a cliff that is not
 * there; the subtitle says which months are left out.
 */
function chartMonths(
  a: Analysis,
  months: Analysis['months'],
): { shown: Analysis['months']; left: string[] } {
  const usable = (m: Analysis['months'][number]) =>
    !m.partial || (a.settings.includePartial && m.through !== null);
  return {
    shown: months.filter(usable),
    left: months.filter((m) => !usable(m)).map((m) => m.month),
  };
}

/** A week or a range of days: its days, those the data covers wholly; one day is no trend. */
function dailyChart(
  a: Analysis,
  days: NonNullable<Analysis['days']>,
  lang: Lang,
): TrendChart | null {
  const shown = days.filter((d) => !d.partial || a.settings.includePartial);
  if (shown.length < 2) return null;
  const left = days.filter((d) => !shown.includes(d)).map((d) => d.day);
  const t = CHART[lang];
  const subtitle = span(a.period);
  return {
    name: 'trend',
    // Its points are days: a week's chart titled 月度 would be read as months.
    title: t.dailyTrend,
    subtitle: left.length > 0 ? `${subtitle}　${t.leftOut(left)}` : subtitle,
    months: shown.map((d) => d.day.slice(5)),
    complaints: shown.map((d) => d.complaints),
    assessed: shown.map((d) => d.assessed),
    previous: null,
  };
}

/** The months of the year to date beside a month or a quarter: one month is no trend. */
function trendChart(a: Analysis, lang: Lang): TrendChart | null {
  if (a.days) return dailyChart(a, a.days, lang);
  const { months, period: p } = a.yearToDate ?? a;
  const { shown, left } = chartMonths(a, months);
  if (shown.length === 0) return null;
  const t = CHART[lang];
  const hasPrevious = shown.some((m) => m.previous !== null);
  const subtitle = p.yearEarlier && hasPrevious ? t.against(span(p), span(p.yearEarlier)) : span(p);
  return {
    name: 'trend',
    title: t.trend,
    subtitle: left.length > 0 ? `${subtitle}　${t.leftOut(left)}` : subtitle,
    months: shown.map((m) => m.month),
    complaints: shown.map((m) => m.complaints),
    assessed: shown.map((m) => m.assessed),
    previous: hasPrevious ? shown.map((m) => m.previous) : null,
  };
}

/** The units against their targets: of the year to date when there is one (the annual figure). */
function unitsChart(a: Analysis, lang: Lang): UnitsChart | null {
  const { units, period, totals } = a.yearToDate ?? a;
  if (units.length === 0) return null;
  const t = CHART[lang];
  const withTarget = units.some((u) => u.target !== null);
  return {
    name: 'units',
    title: withTarget ? t.units : t.unitsNoTarget,
    subtitle: withTarget
      ? `${span(period)}　${t.unitsOver(totals.unitsOverTarget, totals.unitsWithTarget)}`
      : span(period),
    withTarget,
    units: units.map((u) => ({
      unit: u.unit,
      assessed: u.assessed,
      target: u.target,
      state: !withTarget || u.overTarget === false ? 'within' : u.overTarget ? 'over' : 'noTarget',
    })),
  };
}

function categoriesChart(a: Analysis, lang: Lang): CategoriesChart | null {
  const t = CHART[lang];
  const rows = a.categories.level1.filter((r) => r.complaints > 0);
  const unclassified = a.categories.unclassified;
  if (rows.length === 0 && unclassified <= 0) return null;
  return {
    name: 'categories',
    title: t.categories,
    subtitle: `${span(a.period)}　${t.total(a.totals.complaints)}`,
    slices: [
      ...rows.map((r) => ({
        name: lang === 'zh' ? r.name : r.nameEn,
        complaints: r.complaints,
        share: r.share,
        unclassified: false,
      })),
      ...(unclassified > 0
        ? [{ name: t.unclassified, complaints: unclassified, share: null, unclassified: true }]
        : []),
    ],
  };
}

function disciplineChart(a: Analysis, lang: Lang): DisciplineChart | null {
  const t = CHART[lang];
  const rows = a.categories.discipline;
  if (rows.length === 0 || rows.every((r) => r.complaints === 0 && !r.previous)) return null;
  const hasPrevious = rows.some((r) => r.previous !== null);
  const p = a.period;
  return {
    name: 'discipline',
    title: hasPrevious ? t.discipline : t.disciplineNoYoy,
    subtitle: p.yearEarlier && hasPrevious ? t.against(span(p), span(p.yearEarlier)) : span(p),
    hasPrevious,
    rows: rows.map((r) => ({
      name: disciplineName(r.name, lang),
      complaints: r.complaints,
      previous: r.previous,
      yoy: r.yoy,
    })),
  };
}

/** The report's charts, in the order the workbook places them. */
export function chartSpecs(a: Analysis, lang: Lang): ChartSpec[] {
  const specs: (ChartSpec | null)[] = [
    trendChart(a, lang),
    unitsChart(a, lang),
    categoriesChart(a, lang),
    disciplineChart(a, lang),
    ...breakdownCharts(a, lang),
  ];
  return specs.filter((s): s is ChartSpec => s !== null);
}
