/**
 * The report model: the analysis turned once into what every renderer shows — sheets of typed
 * tables whose columns are keyed by the JSON field names of DESIGN.md §6, with their formats,
 * totals rows and notes, the terminal views (sections/terminal.ts), and the charts as data.
 * The workbook, the CSV, the terminal and the charts walk this model and compute nothing; the
 * JSON result is made beside it from the same analysis (json.ts). The types are in types.ts.
 *
 * The model is built for one language: captions, notes and sentences are text. Column headings
 * stay label keys (labels.ts), because the terminal words a few of them more briefly than the
 * workbook, and the English CSV is headed by the keys themselves.
 */
import { damagedInputNotes } from '../ingest/input-notes.js';
import { inDays } from '../metrics/sections/period.js';
import type { Analysis } from '../metrics/types.js';
import type { PipelineResult } from '../pipeline.js';
import type { Lang } from '../settings/types.js';
import { issuedDay } from './format.js';
import { BOOK, SHEET_NAMES } from './labels.js';
import { breakdownSheets } from './sections/breakdowns.js';
import { categoriesSheet, hotspotsSheet } from './sections/categories.js';
import { buildBulletin } from './sections/bulletin/index.js';
import { chartSpecs } from './sections/charts.js';
import { dailySheet, dayListSheet } from './sections/days.js';
import { aboutWords, fileNames, scopeOf } from './sections/heading.js';
import { overviewSheet } from './sections/overview.js';
import { warningsSheet } from './sections/warnings.js';
import { hotWordsChart, hotWordsSheet } from './sections/hot-words.js';
import { qualitySheet, timelinessSheet } from './sections/quality.js';
import { monthlySheet, seasonalitySheet } from './sections/trend.js';
import { unitsSheet } from './sections/units.js';
import { totalsRows, type ReportModel, type Table } from './types.js';

export type * from './types.js';

/** What the report is built from. */
export interface ModelInput {
  result: PipelineResult;
  lang: Lang;
  /** When the report was made, as its sheets say: "2016-12-31 08:00". */
  generatedAt: string;
  /**
   * The bulletin's date of issue (成文日期), YYYY-MM-DD (report --issued); absent: the day in
   * China of generatedAt, so that a server on UTC dates a bulletin made at 07:30 in Beijing
   * the day it is in Beijing.
   */
  issued?: string;
  /** The model is written as a workbook (the bulletin beside the 预警 sheet); absent: not. */
  workbook?: boolean;
}

/**
 * A table without the columns that hold nothing in any row (absent, or null everywhere): a
 * heading over an empty column says nothing, and misleads where tables share a sheet's
 * columns. A list of items keeps its value column: its blanks say "-".
 */
export function withoutEmptyColumns(table: Table): Table {
  if (table.rowFormats) return table;
  const rows = [...table.rows, ...totalsRows(table)];
  const columns = table.columns.filter((c) =>
    rows.some((r) => r[c.key] !== undefined && r[c.key] !== null),
  );
  return columns.length === table.columns.length || table.rows.length === 0
    ? table
    : { ...table, columns };
}

/**
 * The analysis as a report for management words its notes: what was done ("指标未折算"), not
 * what to type ("加 --prorate"), which is for the person running the tool (Note.book).
 */
export function bookNotes(a: Analysis): Analysis {
  return { ...a, notes: a.notes.map((n) => (n.book ? { ...n, ...n.book } : n)) };
}

export function buildReportModel(input: ModelInput): ReportModel {
  const { result, lang } = input;
  const a = bookNotes(result.analysis);
  const timeliness = timelinessSheet(a, lang);
  const files = result.ingest.inputs.map((i) => i.file);
  const names = fileNames(files);
  const sheets = [
    overviewSheet(a, [...result.ingest.warnings, ...damagedInputNotes(result.ingest.inputs)], lang),
    unitsSheet(a, lang),
    // A day, a week or a range of days: its days (and a day's complaints), not the months.
    ...(a.dayComplaints ? [dayListSheet(a.dayComplaints, lang)] : []),
    a.days ? dailySheet(a, lang) : monthlySheet({ ...result, analysis: a }, lang),
    categoriesSheet(a, lang, result.classifiedBy),
    ...breakdownSheets(a, lang),
    seasonalitySheet(a, lang),
    hotspotsSheet(a, lang),
    ...(timeliness ? [timeliness] : []),
    qualitySheet(a, result.ingest, names, lang),
    ...(result.earlyWarning ? [warningsSheet(result.earlyWarning, lang)] : []),
    // 热词 after 预警, before 明细 (DESIGN.md §7).
    ...(result.hotWords ? [hotWordsSheet(result.hotWords, lang)] : []),
  ];
  const hotChart = result.hotWords ? hotWordsChart(result.hotWords, lang) : null;
  const scope = scopeOf(
    a.units.map((u) => u.unit),
    lang,
  );
  const about = aboutWords(a, lang);
  const period = BOOK[lang].period(a.period);
  const sources = files.map((f) => names.get(f)!);
  const issued = input.issued ?? issuedDay(input.generatedAt);
  return {
    lang,
    scope,
    about,
    period,
    sources,
    generatedAt: input.generatedAt,
    issued,
    sheets: sheets.map((s) => ({ ...s, tables: s.tables.map(withoutEmptyColumns) })),
    detailSheet: SHEET_NAMES[lang][8],
    charts: [...chartSpecs(a, lang), ...(hotChart ? [hotChart] : [])],
    bulletin: buildBulletin(a, result.ingest, lang, {
      scope,
      about,
      periodLine: period,
      sourcesLine: BOOK[lang].sources(sources, input.generatedAt),
      issued,
      warnings: result.earlyWarning ?? null,
      // null, not absent: the report judged the warning and found no month covered whole, or
      // was given a range of days, which is judged on none (ingest/early-warning.ts).
      warningLeftOut:
        result.earlyWarning !== null ? null : inDays(result.input.period) ? 'range' : 'months',
      workbook: input.workbook ?? false,
      hotWords: result.hotWords ?? null,
      ...(result.corrections ? { corrections: result.corrections } : {}),
    }),
  };
}
