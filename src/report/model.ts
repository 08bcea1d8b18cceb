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
import type { PipelineResult } from '../pipeline.js';
import type { Lang } from '../settings/types.js';
import { BOOK, SHEET_NAMES } from './labels.js';
import { categoriesSheet, hotspotsSheet } from './sections/categories.js';
import { chartSpecs } from './sections/charts.js';
import { overviewSheet } from './sections/overview.js';
import { qualitySheet, timelinessSheet } from './sections/quality.js';
import { monthlySheet, seasonalitySheet } from './sections/trend.js';
import { unitsSheet } from './sections/units.js';
import type { ReportModel } from './types.js';

export type * from './types.js';

/** What the report is built from. */
export interface ModelInput {
  result: PipelineResult;
  lang: Lang;
  /** When the report was made, as its sheets say: "2016-12-31 08:00". */
  generatedAt: string;
}

export function buildReportModel(input: ModelInput): ReportModel {
  const { result, lang } = input;
  const a = result.analysis;
  const timeliness = timelinessSheet(a, lang);
  return {
    lang,
    period: BOOK[lang].period(a.period),
    sources: result.ingest.inputs.map((i) => i.file),
    generatedAt: input.generatedAt,
    sheets: [
      overviewSheet(a, result.ingest.warnings, lang),
      unitsSheet(a, lang),
      monthlySheet(result, lang),
      categoriesSheet(a, lang),
      seasonalitySheet(a, lang),
      hotspotsSheet(a, lang),
      ...(timeliness ? [timeliness] : []),
      qualitySheet(a, result.ingest, lang),
    ],
    detailSheet: SHEET_NAMES[lang][8],
    charts: chartSpecs(a, lang),
  };
}
