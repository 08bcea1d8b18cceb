/**
 * What a company's bulletin template is filled with (template.ts), and the names a template may
 * use: the title lines, the sections and their paragraphs, the headline figures of 概览, the
 * bulletin's tables row by row, and the charts. Every value is text the report model already
 * holds, laid out as docxtemplater reads it; nothing is computed here.
 *
 * The names are fixed, whatever the period: a template written for a month bulletin also fills
 * a quarter's or a year's. A name whose value this period does not have is blank ("-" for a
 * figure), so one template serves every period, and a name the tool does not know is refused
 * before anything is filled (template.ts).
 */
import { cellText } from './cell-text.js';
import { titleLines } from './word-metrics.js';
import {
  paragraphText,
  totalsRows,
  type BulletinSection,
  type BulletinSectionKey,
  type ChartName,
  type ReportModel,
  type Row,
  type Table,
} from './types.js';

/** In the bulletin's order (sections/bulletin/index.ts): 当日投诉明细 (day) and 每日情况 (days) for a day or a week, 分项情况 (breakdowns) with --by. */
export const SECTION_KEYS: readonly BulletinSectionKey[] = [
  'overall',
  'day',
  'days',
  'units',
  'categories',
  'breakdowns',
  'repeat',
  'timeliness',
  'attention',
];

export const CHART_NAMES: readonly ChartName[] = [
  'trend',
  'units',
  'categories',
  'discipline',
  'hotWords',
];

/** `{trendChart}` …: a chart's tag, for a picture of its own paragraph (`{@trendChart}`). */
export const chartTag = (name: ChartName): string => `${name}Chart`;

/** The headline figures of the period: 概览's items `totals.X` and the monthly reduction. */
const PERIOD_FIGURES = [
  'workOrders',
  'complaints',
  'appealApproved',
  'unsubstantiated',
  'assessed',
  'target',
  'overTargetRate',
  'unitsOverTarget',
  'unitsWithTarget',
  'previous',
  'yoy',
  'preceding',
  'mom',
  'ratePer10k',
  'avgReductionArithmetic',
  'avgReductionCompound',
];

/** … and of the year to date beside a month or a quarter: `yearToDate.totals.X` as ytdX. */
const YEAR_TO_DATE_FIGURES = [
  'complaints',
  'appealApproved',
  'unsubstantiated',
  'assessed',
  'target',
  'annualTarget',
  'overTargetRate',
  'unitsOverTarget',
  'unitsReachedAnnualTarget',
  'previous',
  'yoy',
  'avgReductionArithmetic',
  'avgReductionCompound',
].map((f) => `ytd${f.charAt(0).toUpperCase()}${f.slice(1)}`);

export const FIGURE_NAMES: readonly string[] = [...PERIOD_FIGURES, ...YEAR_TO_DATE_FIGURES];

/**
 * The tag of a 概览 item, from the JSON field it shows: totals.yoy → yoy,
 * yearToDate.totals.assessed → ytdAssessed, trend.avgMonthlyReduction.compound →
 * avgReductionCompound. Items of one unit or one discipline have none (null).
 */
export function figureName(field: string): string | null {
  const m =
    /^(yearToDate\.)?(?:totals\.(\w+)|trend\.avgMonthlyReduction\.(arithmetic|compound))$/.exec(
      field,
    );
  if (!m) return null;
  const name = m[2] ?? `avgReduction${m[3]!.charAt(0).toUpperCase()}${m[3]!.slice(1)}`;
  return m[1] ? `ytd${name.charAt(0).toUpperCase()}${name.slice(1)}` : name;
}

/**
 * The column keys a table row may name: every column of the bulletin's tables. A key the
 * row's table does not have is blank rather than the headline figure of the same name, which
 * docxtemplater would otherwise find in the scope outside the loop.
 */
export const COLUMN_KEYS: readonly string[] = [
  'rank',
  'unit',
  'name',
  'month',
  'complaints',
  'appealApproved',
  'unsubstantiated',
  'assessed',
  'target',
  'annualTarget',
  'overTargetRate',
  'reachedAnnualTarget',
  'share',
  'customers',
  'ratePer10k',
  'previous',
  'yoy',
  'preceding',
  'mom',
  // A week's days (daysTable) and a day's complaints (dayTable): sections/days.ts.
  'day',
  'weekday',
  'baseline',
  'vsBaseline',
  'through',
  'acceptedAt',
  'class',
  'text',
  'id',
  // A breakdown's groups (breakdownsTable): the group's value.
  'key',
];

/** How many tables of one section a template can name: unitsTable, unitsTable2, unitsTable3. */
const TABLES_PER_SECTION = 3;

/** `{#unitsTable}` for a section's first table, `{#unitsTable2}` for its second … */
export const tableTag = (key: BulletinSectionKey, index: number): string =>
  index === 0 ? `${key}Table` : `${key}Table${index + 1}`;

export const TABLE_NAMES: readonly string[] = SECTION_KEYS.flatMap((key) =>
  Array.from({ length: TABLES_PER_SECTION }, (_, i) => tableTag(key, i)),
);

/** Names inside `{#sections}` or `{#overall}` …: the section's heading, paragraphs, charts. */
export const SECTION_NAMES = ['heading', 'text'] as const;
export const PARAGRAPH_NAMES = ['text'] as const;
export const SECTION_CHART_NAMES = ['chart', 'title'] as const;

/** The names outside any loop: the title lines, and the texts of the period. */
export const DOCUMENT_NAMES = [
  'title',
  'titleLines',
  'subtitle',
  'scope',
  'about',
  'period',
  'sources',
  'date',
  'generatedAt',
] as const;

/**
 * A section as a template reads it: `{#overall}{heading}{#paragraphs}{text}{/paragraphs}
 * {/overall}` makes real paragraphs in the template's paragraph style; `{overall}` alone is the
 * paragraphs' text with line breaks (template.ts tells the two apart).
 */
export class SectionData {
  constructor(
    readonly key: BulletinSectionKey,
    readonly heading: string,
    readonly paragraphs: readonly { text: string }[],
    readonly charts: readonly { chart: string; title: string }[],
    /**
     * In `{#sections}`, a chart's own tag ({@trendChart}) by tag name: the picture in the
     * section that has the chart, blank in every other — not once a section. Null in a section
     * named by its tag (`{#overall}`), where the chart is placed as the template places it.
     */
    readonly ownCharts: ReadonlyMap<string, string> | null = null,
  ) {}
  get text(): string {
    return this.paragraphs.map((p) => p.text).join('\n');
  }
}

export type TemplateData = Record<string, unknown>;

/** A table's rows then its totals rows, each cell as text, every column key present. */
function tableRows(t: Table, lang: ReportModel['lang']): Record<string, string>[] {
  const empty = Object.fromEntries(COLUMN_KEYS.map((k) => [k, '']));
  return [...t.rows, ...totalsRows(t)].map((row: Row) => ({
    ...empty,
    ...Object.fromEntries(t.columns.map((c) => [c.key, cellText(c, row, lang, t.blank)])),
  }));
}

/** 概览's items as headline figures, each as the workbook shows it; "-" where absent. */
function figures(model: ReportModel): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(FIGURE_NAMES.map((n) => [n, '-']));
  const overview = model.sheets[0];
  for (const t of overview?.tables ?? []) {
    t.rows.forEach((row, i) => {
      const name = typeof row.field === 'string' ? figureName(row.field) : null;
      const format = t.rowFormats?.[i];
      if (name === null || format === undefined || !FIGURE_NAMES.includes(name)) return;
      out[name] = cellText({ key: 'value', label: 'value', format }, row, model.lang, '-');
    });
  }
  return out;
}

/**
 * The data of a template: `charts` holds the raw XML of each chart's picture paragraph
 * (template-charts.ts), by chart name; a chart without one is left out. A chart the template
 * places by its own tag (`tagged`: {@trendChart}) stands there, and not a second time in its
 * section's `{#charts}` loop, which places the others.
 */
export function templateData(
  model: ReportModel,
  charts: ReadonlyMap<ChartName, string>,
  tagged: ReadonlySet<ChartName> = new Set(),
): TemplateData {
  const b = model.bulletin;
  const section = (s: BulletinSection, listed: boolean) =>
    new SectionData(
      s.key,
      s.heading,
      s.paragraphs.map((p) => ({ text: paragraphText(p) })),
      s.charts.flatMap((name) => {
        const xml = tagged.has(name) ? undefined : charts.get(name);
        const spec = model.charts.find((c) => c.name === name);
        return xml === undefined ? [] : [{ chart: xml, title: spec?.title ?? '' }];
      }),
      listed
        ? new Map(
            CHART_NAMES.map((n) => [
              chartTag(n),
              s.charts.includes(n) ? (charts.get(n) ?? '') : '',
            ]),
          )
        : null,
    );
  const sections = b.sections.map((s) => section(s, true));
  const data: TemplateData = {
    title: b.title,
    // On the lines the built-in bulletin gives it (a 22-point title on the official page):
    // one paragraph of {title} would run to its end and cut a word (…95598客户投|诉分析通报).
    titleLines: titleLines(b.title).join('\n'),
    subtitle: b.subtitle,
    scope: model.scope,
    about: model.about,
    period: b.subtitle,
    sources: b.closing.sources,
    date: b.closing.date,
    generatedAt: model.generatedAt,
    sections,
    ...figures(model),
  };
  for (const key of SECTION_KEYS) {
    const s = b.sections.find((x) => x.key === key);
    data[key] = s === undefined ? null : section(s, false);
  }
  for (const name of TABLE_NAMES) {
    data[name] = [];
    data[`${name}Caption`] = '';
  }
  for (const s of b.sections) {
    s.tables.slice(0, TABLES_PER_SECTION).forEach((t, i) => {
      data[tableTag(s.key, i)] = tableRows(t, model.lang);
      data[`${tableTag(s.key, i)}Caption`] = t.caption ?? '';
    });
  }
  for (const name of CHART_NAMES) data[chartTag(name)] = charts.get(name) ?? '';
  return data;
}
