/**
 * The report model's types (see model.ts): what the renderers read. Nothing here depends on
 * the metrics, so a renderer that imports only these types, labels.ts and format.ts cannot
 * compute a figure of its own.
 */
import type { Cell } from '../io/table.js';
import type { Lang } from '../settings/types.js';
import type { ColumnLabel } from './labels.js';

/**
 * How a value is shown. int: a whole number; dec: a number with up to two decimals (an
 * average); target: a target, as dec in text, in the workbook whole (125) when it is, two decimals
 * (31.25) when prorated; fixed: always two decimals (a rate per 10,000 customers); pct: a share; change: a
 * signed rate, rising red and falling green; over: an over-target rate, signed like a change, red above
 * zero; overShare: a share that should be nil (超时限占比), red above zero; flag: true marks the
 * row (over target); text: as it is; alert: text as it is, in red (a unit that has reached its
 * annual target, named where a bulletin must raise it).
 */
export type Format =
  | 'int'
  | 'dec'
  | 'target'
  | 'fixed'
  | 'pct'
  | 'change'
  | 'over'
  | 'overShare'
  | 'flag'
  | 'text'
  | 'alert'
  /** A wall-clock time written YYYY-MM-DD HH:MM:SS: a date cell in the workbook, text elsewhere. */
  | 'time';

/** The totals row and the rows of part-totals after it, in order. */
export function totalsRows(t: Table): Row[] {
  return [...(t.totals ? [t.totals] : []), ...(t.subtotals ?? [])];
}

/** A heading that is data rather than a word: a month, a year. */
export interface Text {
  text: string;
}

export interface Column {
  /** The field the column shows: its JSON name (`assessed`, `overTargetRate` …). */
  key: string;
  label: ColumnLabel | Text;
  format: Format;
  /**
   * The heading is a name (a two-way breakdown's group: 网上国网, a unit), which the bulletin
   * keeps on one line where the page allows, as it does a cell's text; other headings may
   * take two lines.
   */
  nameHeading?: true;
  /**
   * A long text wraps in the workbook, broken first before its brackets, the column as wide as
   * its longest phrase (up to the widest column): 月均下降率 / （算术，2016-01至2016-12）. Whole,
   * average monthly reduction (arithmetic, 2016-01 to 2016-12) made 月度趋势's first column 60
   * characters wide, and the English quarter's sheet printed in two strips; 当日明细's 受理内容
   * was cut in print at its column's edge. A number: the widest, in characters, the column
   * grows for a text, which wraps at its spaces within it (a text without spaces, a Chinese class
   * name, keeps its width): 热点's English class names (Meter reading and collection) and 数据质量's
   * rejection reasons, whole, made 热点 print in two strips and 编码, above 原因, 46 wide.
   */
  wraps?: true | number;
}

/**
 * One row, by column key. A key absent from a row is a blank cell (the rank of a totals row);
 * null is a figure that could not be computed ("-" in the terminal).
 */
export type Row = Readonly<Record<string, Cell | undefined>>;

export interface Table {
  caption?: string;
  columns: readonly Column[];
  rows: readonly Row[];
  totals?: Row;
  /** Rows after the totals row, shown as it is: the totals of part of the rows. */
  subtotals?: readonly Row[];
  /** A list of items (label, value): one format per row for the value. */
  rowFormats?: readonly Format[];
  /** What an absent value shows as, when not an empty cell. */
  blank?: string;
  /** Rows left out of a shortened table (the terminal's first 20 units). */
  omitted?: number;
}

export interface Sheet {
  name: string;
  tables: Table[];
  /** An auto-filter on the first table (off for a list of items). */
  filter: boolean;
  notes: string[];
  /** Chart pictures placed beside the tables, in this order. */
  charts: ChartName[];
  /** Whether the bulletin's text (ReportModel.bulletin) is shown under the tables (概览). */
  bulletin?: true;
}

export interface ReportModel {
  lang: Lang;
  /** The title of every sheet: the units covered (国网黄山供电公司, 8 个供电单位) … */
  scope: string;
  /** … and what the report is about, in words: 2016年第四季度, 2016年11月, 2016年. */
  about: string;
  /** Under every sheet's title: the period, and the sources with the time of writing. */
  period: string;
  /** The inputs by file name. */
  sources: readonly string[];
  /** Local time with its offset from UTC (localStamp). */
  generatedAt: string;
  /** The bulletin's date of issue (成文日期), YYYY-MM-DD: --issued, or the day in China it was made. */
  issued: string;
  sheets: Sheet[];
  /** The name of the 明细 sheet(s), written row by row from the spool (detail.ts). */
  detailSheet: string;
  charts: ChartSpec[];
  bulletin: Bulletin;
}

export type ChartName =
  'trend' | 'units' | 'categories' | 'discipline' | BreakdownChartName | 'hotWords';
/** The chart of the i-th breakdown (--by). */
export type BreakdownChartName = `breakdown-${number}`;

export interface ChartBase {
  title: string;
  subtitle: string;
}

export interface TrendChart extends ChartBase {
  name: 'trend';
  months: string[];
  complaints: number[];
  assessed: number[];
  /** The same months a year earlier; null when no month has them. */
  previous: (number | null)[] | null;
}

/** A unit's bar: red over target, blue within, grey without a target. */
export type UnitState = 'over' | 'within' | 'noTarget';

export interface UnitsChart extends ChartBase {
  name: 'units';
  /** Whether any unit has a target: then bars are coloured by state and targets marked. */
  withTarget: boolean;
  units: { unit: string; assessed: number; target: number | null; state: UnitState }[];
}

export interface CategoriesChart extends ChartBase {
  name: 'categories';
  /** Level-1 classes with complaints, then the unclassified (share null). */
  slices: { name: string; complaints: number; share: number | null; unclassified: boolean }[];
}

export interface DisciplineChart extends ChartBase {
  name: 'discipline';
  /** Whether the year before is known: then its bars stand beside this period's. */
  hasPrevious: boolean;
  rows: { name: string; complaints: number; previous: number | null; yoy: number | null }[];
}

/** A breakdown's bars: one series (one dimension), or a series per column of a matrix, stacked. */
export interface BreakdownChart extends ChartBase {
  name: BreakdownChartName;
  categories: string[];
  series: { name: string; values: number[] }[];
}

/** The hot words' bars (sections/hot-words.ts), drawn as a breakdown's. */
export interface HotWordsChart extends ChartBase {
  name: 'hotWords';
  categories: string[];
  series: { name: string; values: number[] }[];
}

export type ChartSpec =
  TrendChart | UnitsChart | CategoriesChart | DisciplineChart | BreakdownChart | HotWordsChart;

/** A breakdown in the terminal: its title, then its tables. */
export interface BreakdownView {
  title: string;
  tables: Table[];
}

/** The first lines of every terminal view: the period, what it is compared with, the inputs. */
export interface TerminalHeading {
  span: string;
  months: number;
  /** For a day, a week or a range of days: how many days (said instead of the months). */
  days: number | null;
  yearEarlier: { from: string; to: string } | null;
  files: string[];
}

/** One part of the summary's "overall" line. */
export type OverallPart =
  | { kind: 'count'; label: ColumnLabel; value: number }
  | {
      kind: 'target';
      /** How the target is headed: 指标, or 年度指标 when it is the whole annual target. */
      label: 'target' | 'annualTarget';
      target: number;
      overTargetRate: number | null;
      overTarget: boolean | null;
      unitsOverTarget: number;
      unitsWithTarget: number;
      /** What the target is held against, when units without one have complaints too. */
      withTarget: { units: number; assessed: number } | null;
    }
  | { kind: 'yoy'; yoy: number | null; previous: number }
  | { kind: 'mom'; mom: number | null };

/** A class or discipline in a line of the summary. */
export interface ClassFigures {
  name: string;
  complaints: number;
  share: number | null;
  previous: number | null;
  yoy: number | null;
}

export interface MonthsView {
  table: Table;
  /** Only for more than one month. */
  reduction: {
    arithmetic: number | null;
    compound: number | null;
    from: string | null;
    to: string | null;
  } | null;
}

export interface ProblemsView {
  rejected: number;
  duplicates: number;
  duplicatesDiffering: number;
  /** Other business types, most first. */
  excluded: [type: string, workOrders: number][];
  unclassified: number;
  warnings: string[];
  /** Notes about the data, then (as one line) the metrics left out and why. */
  notes: string[];
  skipped: string[];
  /** The inputs, when `inspect` would show more (rejects, differing duplicates). */
  inspect: string[] | null;
  /** Complaints read that the text model classified (where the rules were unsure). */
  modelDecided: number;
}

/** The year to date beside a month or a quarter, in the terminal. */
export interface YearToDateView {
  span: string;
  overall: OverallPart[];
  /** The units at or over their annual target, of those with one; null without targets. */
  reached: { units: { unit: string; figures: string }[]; of: number } | null;
  units: Table;
}

/** `analyze` in the terminal. */
export interface SummaryView {
  heading: TerminalHeading;
  overall: OverallPart[];
  units: Table;
  yearToDate: YearToDateView | null;
  months: MonthsView;
  disciplines: ClassFigures[];
  /** Level-1 classes with complaints, most first. */
  level1: ClassFigures[];
  hotspots: { name: string; complaints: number }[];
  rising: {
    basis: 'yoy' | 'mom';
    classes: { name: string; base: number; complaints: number }[];
  } | null;
  repeat: { by: 'customer' | 'phone'; complainants: number; complaints: number }[];
  timeliness: {
    stage: 'reply' | 'close';
    /** The complaints with a usable time: the base of the figures, said beside them. */
    count: number;
    /** Times before the acceptance time: left out of the figures, said beside them. */
    beforeAcceptance: number;
    meanHours: number | null;
    medianHours: number | null;
    limitHours: number | null;
    overLimit: number;
    overLimitShare: number | null;
    /** As the analysis gives it (metrics/workdays.ts TimeLimit). */
    limit: { value: number; unit: 'hours' | 'workingDays' };
  }[];
  satisfaction: { satisfiedShare: number | null; surveyed: number } | null;
  problems: ProblemsView;
  /** --by: the breakdowns, after the summary. */
  breakdowns: BreakdownView[];
  /** The hot words' lines (sections/hot-words.ts); [] when not computed. */
  hotWords: string[];
}

/** `assess` in the terminal. */
export interface AssessView {
  heading: TerminalHeading;
  units: Table;
  yearToDate: YearToDateView | null;
  /** Under the table: months covered in part or not at all, prorating, targets that do not match. */
  notes: string[];
  /** --by: the breakdowns, after the units. */
  breakdowns: BreakdownView[];
}

/** `trend` in the terminal. */
export interface TrendView {
  heading: TerminalHeading;
  months: MonthsView;
  /** With --by: one row per group. */
  groups: Table | null;
  /** Under the tables: what reading found, then months the data covers in part or not at all. */
  notes: string[];
  /** Beside a month or a quarter: its year to date's overall line (the units are assess's). */
  yearToDate: YearToDateView | null;
}

/**
 * Where a figure of the bulletin comes from: a path into the JSON result (DESIGN.md §6) —
 * `totals.complaints`, `units[国网歙县供电公司].yoy`, `categories.level1[营业投诉].share`,
 * an array element named by its unit, month, code or name — or the difference of two such
 * values (an absolute change: "增加2件"), or their quotient (the share of the annual target used
 * so far). Tests resolve it in the JSON and compare.
 */
export type FigureSource = string | { minus: [string, string] } | { divide: [string, string] };

/**
 * A number inside a sentence: the words printed and the value they come from.
 * count: a whole number (or a prorated target, two decimals), printed with formatCount;
 * rate: a fraction printed as a percentage, without sign (the sign is a word: 上升/下降);
 * hours: a duration, one decimal; fixed: two decimals (complaints per 10,000 customers);
 * period: a month, a span or a day, in words; name: a value of the data as the JSON has it (a
 * channel 12398, a group of --by), words that may hold digits.
 */
export interface Figure {
  text: string;
  source: FigureSource;
  as: 'count' | 'rate' | 'hours' | 'fixed' | 'average' | 'period' | 'name';
}

/** A piece of a sentence: words, or a figure. */
export type Run = string | Figure;

export interface Paragraph {
  runs: Run[];
  /** It speaks of the bulletin's own tables (表2未列出…): said only where they are shown. */
  ofTables?: true;
}

export type BulletinSectionKey =
  | 'overall'
  | 'units'
  | 'categories'
  | 'breakdowns'
  | 'repeat'
  | 'timeliness'
  | 'attention'
  | 'day'
  | 'days';

/** One numbered part of the bulletin: its heading, paragraphs, then tables and charts. */
export interface BulletinSection {
  key: BulletinSectionKey;
  /** With its number, in the reader's language: "一、总体情况", "1. Overview". */
  heading: string;
  paragraphs: Paragraph[];
  /** Tables after the paragraphs, each with a caption ("表1 …"). */
  tables: Table[];
  charts: ChartName[];
}

/**
 * The written bulletin (通报): the report model's narrative, laid out by the Word, Markdown and
 * template renderers and shown as a text block on 概览. Sections without data are left out.
 */
export interface Bulletin {
  /** 国网黄山供电公司2016年11月95598客户投诉分析通报 */
  title: string;
  /** Under the title: the period and what it is compared with. */
  subtitle: string;
  sections: BulletinSection[];
  /**
   * After the sections, right-aligned as a document's date is: where the figures come from (the
   * input files, when it was made), then the date in words (成文日期: 2016年12月5日).
   */
  closing: { sources: string; date: string };
}

/** A paragraph's text as printed. */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}
