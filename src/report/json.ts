/**
 * The JSON result of DESIGN.md §6: a contract for cron scripts (schemaVersion 1). It is made
 * beside the report model, from the same analysis, field by field in the contract's order.
 */
import { createRequire } from 'node:module';
import { earlyWarningJson } from './warn-json.js';
import type { HotWords } from '../ingest/hot-words-run.js';
import { EMERGING_G2, MIN_EMERGING_COUNT } from '../metrics/hot-words.js';
import type { IngestResult } from '../ingest/ingest.js';
import { writeFileAtomic } from '../io/write.js';
import type { Analysis, YearToDate } from '../metrics/types.js';
import type { PipelineResult } from '../pipeline.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

export const SCHEMA_VERSION = 1;
export const GENERATED_BY = `complaints ${pkg.version}`;

interface JsonParts {
  /** analyze prints all; trend the months, trend and seasonality; assess the units and targets. */
  parts?: 'all' | 'trend' | 'assess';
  /** Fields of one command, after the parts (trend --by: `by`, `series`). */
  extra?: object;
  /**
   * report --quarter: also `quarter`, the top level's period, totals, units and targets again,
   * where readers of the quarterly evaluation found the quarter before its top level became
   * the quarter (it was the year to date, now in `yearToDate`).
   */
  quarterKey?: boolean;
}

/** The totals of a period's own figures (the inputs' duplicates and rejects are the top level's). */
function periodTotals(x: Analysis['totals']) {
  return {
    workOrders: x.workOrders,
    complaints: x.complaints,
    appealApproved: x.appealApproved,
    unsubstantiated: x.unsubstantiated,
    assessed: x.assessed,
    target: x.target,
    overTargetRate: x.overTargetRate,
    excludedByType: x.excludedByType,
    overTarget: x.overTarget,
    unitsOverTarget: x.unitsOverTarget,
    unitsWithTarget: x.unitsWithTarget,
    withTarget: x.withTarget,
    customers: x.customers,
    ratePer10k: x.ratePer10k,
    previous: x.previous,
    yoy: x.yoy,
    preceding: x.preceding,
    mom: x.mom,
  };
}

/** The quarter of report --quarter (see `quarterKey`), in the shape it has always had. */
function quarterJson(q: Analysis): object {
  return { period: q.period, totals: periodTotals(q.totals), units: q.units, targets: q.targets };
}

/**
 * `yearToDate`: January to the last month of a month or a quarter, in the top level's shapes,
 * with each unit's and the total's whole annual target and whether it is reached.
 */
function yearToDateJson(y: YearToDate): object {
  const x = y.totals;
  return {
    period: y.period,
    totals: {
      ...periodTotals(x),
      annualTarget: x.annualTarget,
      reachedAnnualTarget: x.reachedAnnualTarget,
      unitsReachedAnnualTarget: x.unitsReachedAnnualTarget,
    },
    units: y.units,
    months: y.months,
    trend: y.trend,
    targets: y.targets,
  };
}

/** `inspect --json`: schemaVersion, inputs and rejects in the §6 shape, and the totals. */
export function inspectJson(
  result: IngestResult,
  unreadable: readonly { file: string; code: string; message: string; hint: string | null }[] = [],
): object {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    inputs: result.inputs,
    unreadable,
    totals: {
      workOrders: result.totals.workOrders,
      complaints: result.totals.complaints,
      duplicates: result.totals.duplicates,
      duplicatesDiffering: result.totals.duplicatesDiffering,
      rejected: result.totals.rejected,
      excludedByType: result.totals.excludedByType,
      withoutId: result.totals.withoutId,
    },
    rejects: result.rejects,
    rejectsOmitted: result.rejectsOmitted,
    warnings: result.warnings.map((w) => w.en),
  };
}

/** The JSON result of DESIGN.md §6, with what this toolkit adds. */
export function resultJson(result: PipelineResult, options: JsonParts = {}): object {
  const { analysis: a, ingest: i } = result;
  const { parts = 'all', extra = {}, quarterKey = false } = options;
  const totals = {
    workOrders: a.totals.workOrders,
    complaints: a.totals.complaints,
    appealApproved: a.totals.appealApproved,
    unsubstantiated: a.totals.unsubstantiated,
    assessed: a.totals.assessed,
    target: a.totals.target,
    overTargetRate: a.totals.overTargetRate,
    duplicates: i.totals.duplicates,
    rejected: i.totals.rejected,
    excludedByType: a.totals.excludedByType,
    overTarget: a.totals.overTarget,
    unitsOverTarget: a.totals.unitsOverTarget,
    unitsWithTarget: a.totals.unitsWithTarget,
    withTarget: a.totals.withTarget,
    customers: a.totals.customers,
    ratePer10k: a.totals.ratePer10k,
    previous: a.totals.previous,
    yoy: a.totals.yoy,
    preceding: a.totals.preceding,
    mom: a.totals.mom,
    duplicatesDiffering: i.totals.duplicatesDiffering,
    withoutId: i.totals.withoutId,
  };
  const head = {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    period: a.period,
    taxonomy: result.taxonomy.name,
    inputs: i.inputs,
    totals,
    yearToDate: a.yearToDate && yearToDateJson(a.yearToDate),
    ...(quarterKey && a.period.kind === 'quarter' ? { quarter: quarterJson(a) } : {}),
  };
  // A day, a week or a range of days: its daily series, and a day's complaints (日通报). Only
  // then: the results of months keep their shape.
  const daily = {
    ...(a.days ? { days: a.days } : {}),
    ...(a.dayComplaints ? { dayComplaints: a.dayComplaints } : {}),
  };
  // --by: the breakdowns, only when asked for (the shape: README, "Breakdowns").
  const breakdowns =
    a.breakdowns.length > 0 && parts !== 'trend' ? { breakdowns: a.breakdowns } : {};
  const tail = {
    ...breakdowns,
    // --corrections: what the file applied and could not, only when one was given.
    ...(result.corrections ? { corrections: result.corrections } : {}),
    settings: a.settings,
    // The book wording of a note is the report's (model.ts), not the contract's.
    notes: a.notes.map(({ code, message, zh }) => ({ code, message, zh })),
    warnings: i.warnings.map((w) => w.en),
    rejects: i.rejects,
    rejectsOmitted: i.rejectsOmitted,
  };
  if (parts === 'trend')
    return {
      ...head,
      months: a.months,
      ...daily,
      trend: a.trend,
      seasonality: a.seasonality,
      ...extra,
      ...tail,
    };
  if (parts === 'assess') return { ...head, units: a.units, targets: a.targets, ...extra, ...tail };
  return {
    ...head,
    units: a.units,
    months: a.months,
    ...daily,
    trend: a.trend,
    categories: a.categories,
    classified: result.classifiedBy,
    seasonality: a.seasonality,
    hotspots: a.hotspots,
    repeatComplainants: a.repeatComplainants,
    timeliness: a.timeliness,
    satisfaction: a.satisfaction,
    targets: a.targets,
    // report and warn judge the early warning; analyze does not, and says nothing of it.
    ...(result.earlyWarning !== undefined
      ? { earlyWarning: earlyWarningJson(result.earlyWarning) }
      : {}),
    ...(result.hotWords ? hotWordsJson(result.hotWords) : {}),
    ...extra,
    ...tail,
  };
}

/**
 * `hotWords[]` (DESIGN.md §6: word, count, baseline, change, classes, and what this toolkit
 * adds), `hotWordsContext` (what they were counted over and the emerging rule) and, with
 * --hot-words-by unit, `hotWordsByUnit[]`.
 */
export function hotWordsJson(h: HotWords): object {
  return {
    hotWords: h.rows,
    hotWordsContext: {
      period: h.period,
      texts: h.texts,
      basis: h.basis,
      baseline: h.baselinePeriod,
      baselineTexts: h.baselineTexts,
      yearEarlier: h.yearEarlierPeriod,
      yearEarlierTexts: h.yearEarlierTexts,
      minCount: MIN_EMERGING_COUNT,
      g2Threshold: EMERGING_G2,
    },
    ...(h.units ? { hotWordsByUnit: h.units } : {}),
  };
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** `--json` with no file prints to stdout; with a file, writes it atomically. */
export async function emitJson(value: unknown, target: string | true): Promise<void> {
  const text = jsonText(value);
  if (target === true || target === '-') process.stdout.write(text);
  else await writeFileAtomic(target, text);
}
