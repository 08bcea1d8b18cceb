/**
 * --by in the report model: each breakdown (metrics/breakdown.ts) as tables — one dimension: a
 * row per group with its complaints, assessed, share, 同比, 环比 and rank, and a totals row; two:
 * a matrix of complaints (rows × columns, totals both ways), then the same matrix of 同比 when
 * the year earlier is covered — on a sheet of its own (按渠道, By channel …) with a bar chart,
 * and in the terminal. Renderers lay these out; nothing here is counted.
 */
import { BLANK_VALUE, type Breakdown, type BreakdownGroup } from '../../metrics/breakdown.js';
import type { Analysis } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { BREAKDOWN } from '../labels.js';
import type { BreakdownChart, Column, Row, Sheet, Table } from '../types.js';

/** Beyond this many columns a matrix's smallest columns are summed into "other" in the chart. */
const CHART_SERIES = 8;
const EXCEL_SHEET_NAME = 31;

const span = (p: { from: string; to: string }) =>
  p.from === p.to ? p.from : `${p.from} – ${p.to}`;

/** A dimension as the reader knows it: 受理渠道, or a column's header as written. */
export function dimensionWord(name: string, lang: Lang): string {
  return BREAKDOWN[lang].dimensions[name] ?? name;
}

/** The sheet of a breakdown: 按渠道, By channel; Excel's forbidden characters left out. */
export function breakdownSheetName(by: readonly string[], lang: Lang): string {
  const w = BREAKDOWN[lang];
  const words = by.map((d) => w.short[d] ?? dimensionWord(d, lang));
  return w
    .sheet(words)
    .replace(/[:\\/?*[\]]/g, '_')
    .slice(0, EXCEL_SHEET_NAME);
}

/**
 * Blank values in words where a manager reads them (the workbook's sheets and charts, the
 * bulletin, whose sentences say 未填受理渠道): the JSON's "(空)" and "blank" stay in the JSON
 * and the terminal, which `--help` and the cron scripts know them by.
 */
export const BLANK_WORDS: Record<Lang, string> = { zh: '未填', en: 'not given' };
export type BlankAs = 'words' | 'json';

const keyText = (g: BreakdownGroup, lang: Lang, d = 0, blank: BlankAs = 'words') =>
  blank === 'words' && g.key[d] === BLANK_VALUE
    ? BLANK_WORDS[lang]
    : (lang === 'zh' ? g.key : g.keyEn)[d]!;

const FIGURES: Column[] = [
  { key: 'complaints', label: 'complaints', format: 'int' },
  { key: 'assessed', label: 'assessed', format: 'int' },
  { key: 'share', label: 'share', format: 'pct' },
  { key: 'previous', label: 'previous', format: 'int' },
  { key: 'yoy', label: 'yoy', format: 'change' },
  { key: 'preceding', label: 'preceding', format: 'int' },
  { key: 'mom', label: 'mom', format: 'change' },
  { key: 'rank', label: 'rank', format: 'int' },
];

/** One dimension: a row per group, then the totals. */
function groupsTable(b: Breakdown, lang: Lang, blank: BlankAs): Table {
  const w = BREAKDOWN[lang];
  const t = b.totals;
  const figures = FIGURES.filter(
    (c) => (c.key !== 'previous' && c.key !== 'yoy') || t.previous !== null,
  ).filter((c) => (c.key !== 'preceding' && c.key !== 'mom') || t.preceding !== null);
  return {
    columns: [
      { key: 'key', label: { text: dimensionWord(b.by[0]!, lang) }, format: 'text' },
      ...figures,
    ],
    rows: b.groups.map((g): Row => {
      const { key: _, keyEn: __, ...numbers } = g;
      return { key: keyText(g, lang, 0, blank), ...numbers };
    }),
    totals: {
      key: w.total,
      complaints: t.complaints,
      assessed: t.assessed,
      share: t.complaints > 0 ? 1 : null,
      previous: t.previous,
      yoy: t.yoy,
      preceding: t.preceding,
      mom: t.mom,
    },
  };
}

/** Two dimensions: the matrix of one figure, rows and columns in their totals' order. */
function matrixTable(
  b: Breakdown,
  lang: Lang,
  figure: 'complaints' | 'yoy',
  blank: BlankAs,
): Table {
  const w = BREAKDOWN[lang];
  const [rows, columns] = b.totals.margins as [BreakdownGroup[], BreakdownGroup[]];
  const cell = new Map(b.groups.map((g) => [`${g.key[0]}\u0000${g.key[1]}`, g]));
  const format = figure === 'complaints' ? 'int' : 'change';
  const columnKey = (i: number) => `c${i}`;
  const value = (g: BreakdownGroup | undefined) =>
    figure === 'complaints' ? (g?.complaints ?? 0) : (g?.yoy ?? null);
  return {
    caption: bracketed(
      figure === 'complaints' ? w.complaints : w.yoy,
      `${dimensionWord(b.by[0]!, lang)} × ${dimensionWord(b.by[1]!, lang)}`,
      lang,
    ),
    columns: [
      { key: 'key', label: { text: dimensionWord(b.by[0]!, lang) }, format: 'text' },
      ...columns.map((c, i): Column => ({
        key: columnKey(i),
        label: { text: keyText(c, lang, 0, blank) },
        format,
        nameHeading: true,
      })),
      { key: 'total', label: { text: w.total }, format },
    ],
    rows: rows.map((r): Row => ({
      key: keyText(r, lang, 0, blank),
      ...Object.fromEntries(
        columns.map((c, i) => [columnKey(i), value(cell.get(`${r.key[0]}\u0000${c.key[0]}`))]),
      ),
      total: value(r),
    })),
    totals: {
      key: w.total,
      ...Object.fromEntries(columns.map((c, i) => [columnKey(i), value(c)])),
      total: figure === 'complaints' ? b.totals.complaints : b.totals.yoy,
    },
  };
}

/** The tables of a breakdown, in the order they are shown. */
export function breakdownTables(b: Breakdown, lang: Lang, blank: BlankAs = 'words'): Table[] {
  if (b.by.length === 1) return [groupsTable(b, lang, blank)];
  const tables = [matrixTable(b, lang, 'complaints', blank)];
  if (b.totals.previous !== null) tables.push(matrixTable(b, lang, 'yoy', blank));
  return tables;
}

export function breakdownTitle(b: Breakdown, lang: Lang): string {
  return BREAKDOWN[lang].title(b.by.map((d) => dimensionWord(d, lang)));
}

/** The chart of breakdown i: its groups' complaints; a matrix's rows stacked by column. */
export function breakdownChart(a: Analysis, i: number, lang: Lang): BreakdownChart {
  const b = a.breakdowns[i]!;
  const w = BREAKDOWN[lang];
  const base = {
    name: `breakdown-${i}` as const,
    title: breakdownTitle(b, lang),
    subtitle: w.chartSubtitle(span(a.period)),
  };
  if (b.by.length === 1) {
    return {
      ...base,
      categories: b.groups.map((g) => keyText(g, lang)),
      series: [{ name: w.complaints, values: b.groups.map((g) => g.complaints) }],
    };
  }
  const [rows, columns] = b.totals.margins as [BreakdownGroup[], BreakdownGroup[]];
  const shown = columns.slice(0, CHART_SERIES);
  const rest = columns.slice(CHART_SERIES);
  const cell = new Map(b.groups.map((g) => [`${g.key[0]}\u0000${g.key[1]}`, g.complaints]));
  const of = (r: BreakdownGroup, c: BreakdownGroup) =>
    cell.get(`${r.key[0]}\u0000${c.key[0]}`) ?? 0;
  return {
    ...base,
    categories: rows.map((r) => keyText(r, lang)),
    series: [
      ...shown.map((c) => ({ name: keyText(c, lang), values: rows.map((r) => of(r, c)) })),
      ...(rest.length > 0
        ? [
            {
              name: lang === 'zh' ? '其他' : 'other',
              values: rows.map((r) => rest.reduce((s, c) => s + of(r, c), 0)),
            },
          ]
        : []),
    ],
  };
}

/** A sheet per breakdown, each with its chart. */
export function breakdownSheets(a: Analysis, lang: Lang): Sheet[] {
  const used = new Set<string>();
  return a.breakdowns.map((b, i) => {
    let name = breakdownSheetName(b.by, lang);
    // The same breakdown asked twice (config file) still gets a sheet name of its own.
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, EXCEL_SHEET_NAME - 3)}(${n})`;
    used.add(name);
    return {
      name,
      tables: breakdownTables(b, lang).map((t, k) =>
        k === 0 ? { ...t, caption: t.caption ?? breakdownTitle(b, lang) } : t,
      ),
      filter: b.by.length === 1,
      notes: [],
      charts: [`breakdown-${i}` as const],
    };
  });
}

/** The breakdowns' charts, in order. */
export function breakdownCharts(a: Analysis, lang: Lang): BreakdownChart[] {
  return a.breakdowns.map((_, i) => breakdownChart(a, i, lang));
}

/** The breakdowns in the terminal: a title and the tables of each. */
export function breakdownViews(a: Analysis, lang: Lang): { title: string; tables: Table[] }[] {
  return a.breakdowns.map((b) => ({
    title: breakdownTitle(b, lang),
    tables: breakdownTables(b, lang, 'json'),
  }));
}

/** "投诉件数（供电单位 × 受理渠道）", "complaints (unit × channel)": each language's brackets. */
function bracketed(what: string, inside: string, lang: Lang): string {
  return lang === 'zh' ? `${what}（${inside}）` : `${what} (${inside})`;
}
