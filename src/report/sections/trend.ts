/**
 * The months: 月度趋势 (units × months, the monthly series with 环比 and 同比, the average
 * monthly reduction), 季节性, the terminal's month table and trend --by's group table. A month
 * the data covers only in part says so wherever it is shown: the day its data runs to (数据截至)
 * beside its figures, a * on its heading, and the note saying what it was left out of.
 */
import type { Analysis, MonthRow } from '../../metrics/types.js';
import { yearToDateInput } from '../../metrics/sections/year-to-date.js';
import { seriesBy, type GroupSeries } from '../../metrics/trend.js';
import type { PipelineResult } from '../../pipeline.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, COVERAGE, SHEET_NAMES, TERMINAL, reductionLabel } from '../labels.js';
import type { Column, Row, Sheet, Table } from '../types.js';

const MONTH_COLUMNS = {
  month: { key: 'month', label: 'month', format: 'text' },
  complaints: { key: 'complaints', label: 'complaints', format: 'int' },
  assessed: { key: 'assessed', label: 'assessed', format: 'int' },
  appealApproved: { key: 'appealApproved', label: 'appealApproved', format: 'int' },
  mom: { key: 'mom', label: 'mom', format: 'change' },
  previous: { key: 'previous', label: 'previous', format: 'int' },
  yoy: { key: 'yoy', label: 'yoy', format: 'change' },
  through: { key: 'through', label: 'through', format: 'text' },
} as const satisfies Record<string, Column>;

/** Notes about the months: those the data covers only in part, or not at all. */
export const MONTH_NOTES = new Set([
  'months-partial',
  'months-missing',
  'days-missing',
  'days-partial',
]);

/** "2016-12-26" for a partial month, "无数据" for one no input covers, "" for a whole one. */
function throughText(m: MonthRow, lang: Lang): string {
  return m.partial ? (m.through ?? COVERAGE[lang].noData) : '';
}

const monthRow = (m: MonthRow, lang: Lang): Row => ({
  month: m.month,
  complaints: m.complaints,
  assessed: m.assessed,
  appealApproved: m.appealApproved,
  mom: m.mom,
  previous: m.previous,
  yoy: m.yoy,
  through: throughText(m, lang),
});

/** A month's heading in a table of months: marked * when the data covers it in part. */
const monthHeading = (m: MonthRow, text = m.month) => (m.partial ? `${text}*` : text);

/** The month notes of an analysis, in the report's language. */
const monthNotes = (a: Analysis, lang: Lang) =>
  a.notes.filter((n) => MONTH_NOTES.has(n.code)).map((n) => (lang === 'zh' ? n.zh : n.message));

/** The figures the sheet shows: the year to date's beside a month or a quarter. */
type Shown = Pick<Analysis, 'months' | 'totals' | 'trend'>;

/** Complaints per unit and month, with the totals of both. */
function unitMatrix(
  a: Shown,
  series: readonly GroupSeries[],
  lang: Lang,
  ytd: { from: string; to: string } | null,
): Table {
  const t = BOOK[lang];
  return {
    caption: ytd ? `${t.unitByMonth} · ${t.ytd} ${ytd.from} – ${ytd.to}` : t.unitByMonth,
    columns: [
      { key: 'unit', label: 'unit', format: 'text' },
      ...a.months.map((m): Column => ({
        key: m.month,
        label: { text: monthHeading(m) },
        format: 'int',
      })),
      { key: 'complaints', label: { text: t.total }, format: 'int' },
    ],
    rows: series.map((s) => ({
      unit: s.name,
      ...Object.fromEntries(s.months.map((m) => [m.month, m.complaints])),
      complaints: s.complaints,
    })),
    totals: {
      unit: t.total,
      ...Object.fromEntries(a.months.map((m) => [m.month, m.complaints])),
      complaints: a.totals.complaints,
    },
  };
}

/**
 * Beside a month or a quarter, the months of its year to date (January on): a bulletin charts
 * the year so far, and a single month is no series.
 */
export function monthlySheet(result: PipelineResult, lang: Lang): Sheet {
  const y = result.analysis.yearToDate;
  const a: Shown = y ?? result.analysis;
  const input = y ? yearToDateInput(result.input) : result.input;
  const t = BOOK[lang];
  const x = a.totals;
  const c = MONTH_COLUMNS;
  const partial = a.months.some((m) => m.partial);
  const series: Table = {
    columns: [
      c.month,
      ...(partial ? [c.through] : []),
      c.complaints,
      c.assessed,
      c.appealApproved,
      c.mom,
      c.previous,
      c.yoy,
    ],
    rows: a.months.map((m) => monthRow(m, lang)),
    totals: {
      month: t.total,
      complaints: x.complaints,
      assessed: x.assessed,
      appealApproved: x.appealApproved,
      mom: null,
      previous: x.previous,
      yoy: x.yoy,
    },
  };
  const r = a.trend.avgMonthlyReduction;
  const reduction: Table = {
    columns: [
      { key: 'item', label: 'item', format: 'text', wraps: true },
      { key: 'value', label: 'value', format: 'pct' },
    ],
    rows: [
      {
        field: 'trend.avgMonthlyReduction.arithmetic',
        item: reductionLabel('arithmetic', r, lang),
        value: r.arithmetic,
      },
      {
        field: 'trend.avgMonthlyReduction.compound',
        item: reductionLabel('compound', r, lang),
        value: r.compound,
      },
    ],
  };
  return {
    name: SHEET_NAMES[lang][2],
    // A single month has no monthly reduction.
    tables: [
      unitMatrix(a, seriesBy(input, 'unit'), lang, y?.period ?? null),
      series,
      ...(a.months.length > 1 ? [reduction] : []),
    ],
    filter: true,
    notes: monthNotes(result.analysis, lang),
    charts: ['trend'],
  };
}

/**
 * The terminal's series: the year before only when some month has it, the day the data runs to
 * only when some month is partial.
 */
export function monthsTerminalTable(months: readonly MonthRow[], lang: Lang): Table {
  const c = MONTH_COLUMNS;
  const hasPrevious = months.some((m) => m.previous !== null);
  const partial = months.some((m) => m.partial);
  return {
    columns: [
      c.month,
      c.complaints,
      c.assessed,
      c.mom,
      ...(hasPrevious ? [c.previous, c.yoy] : []),
      ...(partial ? [c.through] : []),
    ],
    rows: months.map((m) => monthRow(m, lang)),
  };
}

/** trend --by in the terminal: a group per row, a month per column (16-04 …). */
export function groupsTerminalTable(series: readonly GroupSeries[], lang: Lang): Table {
  const t = TERMINAL[lang];
  const days = series[0]?.days;
  // A day, a week or a range of days: a day per column (06-20 …), no monthly reduction.
  if (days)
    return {
      columns: [
        { key: 'name', label: { text: '' }, format: 'text' },
        ...days.map((d): Column => ({
          key: d.day,
          label: { text: d.day.slice(5) },
          format: 'int',
        })),
        { key: 'complaints', label: { text: t.total }, format: 'int' },
      ],
      rows: series.map((s) => ({
        name: lang === 'zh' ? s.name : s.nameEn,
        ...Object.fromEntries((s.days ?? []).map((d) => [d.day, d.complaints])),
        complaints: s.complaints,
      })),
    };
  const months = series[0]?.months ?? [];
  return {
    columns: [
      { key: 'name', label: { text: '' }, format: 'text' },
      ...months.map((m): Column => ({
        key: m.month,
        label: { text: monthHeading(m, m.month.slice(2)) },
        format: 'int',
      })),
      { key: 'complaints', label: { text: t.total }, format: 'int' },
      { key: 'compound', label: { text: t.compound }, format: 'pct' },
    ],
    rows: series.map((s) => ({
      name: lang === 'zh' ? s.name : s.nameEn,
      ...Object.fromEntries(s.months.map((m) => [m.month, m.complaints])),
      complaints: s.complaints,
      compound: s.avgMonthlyReduction.compound,
    })),
  };
}

export function seasonalitySheet(a: Analysis, lang: Lang): Sheet {
  const name = SHEET_NAMES[lang][4];
  const s = a.seasonality;
  if (!s) return { name, tables: [], filter: true, notes: [BOOK[lang].noSeasonality], charts: [] };
  const years = [...new Set(s.months.flatMap((m) => Object.keys(m.values)))].sort();
  return {
    name,
    tables: [
      {
        columns: [
          { key: 'month', label: 'monthOfYear', format: 'int' },
          ...years.map((y): Column => ({ key: y, label: { text: y }, format: 'int' })),
          { key: 'mean', label: 'mean', format: 'dec' },
          { key: 'index', label: 'index', format: 'dec' },
        ],
        rows: s.months.map((m) => ({
          month: m.month,
          ...Object.fromEntries(years.map((y) => [y, m.values[y] ?? null])),
          mean: m.mean,
          index: m.index,
        })),
      },
    ],
    filter: true,
    notes: a.notes
      .filter((n) => n.code === 'months-partial')
      .map((n) => (lang === 'zh' ? n.zh : n.message)),
    charts: [],
  };
}
