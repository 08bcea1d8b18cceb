/**
 * The terminal views: what `analyze`, `trend` and `assess` print, chosen and ordered here so
 * that summary.ts only words and aligns them. The ten-second summary shows the first 20 units,
 * the five top level-2 classes and the three rising fastest.
 */
import type { IngestResult } from '../../ingest/ingest.js';
import {
  CORRECTION_NOTES,
  DEFAULT_SETTINGS,
  SKIPPED_NOTES,
  TARGET_NOTES,
  type Analysis,
  type CategoryRow,
  type DisciplineRow,
} from '../../metrics/types.js';
import type { GroupSeries } from '../../metrics/trend.js';
import type { PipelineResult } from '../../pipeline.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, PRORATED, businessTypeName, disciplineName, reachedFigures } from '../labels.js';
import type {
  AssessView,
  ClassFigures,
  MonthsView,
  OverallPart,
  ProblemsView,
  SummaryView,
  TerminalHeading,
  TrendView,
  YearToDateView,
} from '../types.js';
import { breakdownViews } from './breakdowns.js';
import { hotWordsLines } from './hot-words.js';
import { showsPreceding } from './heading.js';
import { say } from './notes.js';
import { daysTerminalTable } from './days.js';
import { MONTH_NOTES, groupsTerminalTable, monthsTerminalTable } from './trend.js';
import { unitsTerminalTable, yearToDateTerminalTable } from './units.js';

const SUMMARY_UNITS = 20;
/** The summary's hot spots: five, or as many as --top asks when it asks another length. */
const SUMMARY_HOTSPOTS = 5;
const summaryHotspots = (top: number) => (top === DEFAULT_SETTINGS.top ? SUMMARY_HOTSPOTS : top);
const SUMMARY_RISING = 3;

export function terminalHeading(result: PipelineResult): TerminalHeading {
  const p = result.analysis.period;
  return {
    span: p.from === p.to ? p.from : `${p.from} – ${p.to}`,
    months: p.months,
    days: result.analysis.days?.length ?? null,
    yearEarlier: p.yearEarlier,
    files: result.ingest.inputs.map((i) => i.file),
  };
}

/** The counts of the overall line; work orders only for the period asked. */
function counts(a: Analysis, x: Analysis['totals'], workOrders: boolean): OverallPart[] {
  return [
    ...(workOrders ? [{ kind: 'count', label: 'workOrders', value: x.workOrders } as const] : []),
    { kind: 'count', label: 'complaints', value: x.complaints },
    { kind: 'count', label: 'appealApproved', value: x.appealApproved },
    ...(a.settings.excludeUnsubstantiated
      ? [{ kind: 'count', label: 'unsubstantiated', value: x.unsubstantiated } as const]
      : []),
    { kind: 'count', label: 'assessed', value: x.assessed },
  ];
}

/** What the total target is held against, when units without one have complaints too. */
function withTargetPart(x: Analysis['totals']): { units: number; assessed: number } | null {
  return x.withTarget && x.withTarget.complaints !== x.complaints
    ? { units: x.withTarget.units, assessed: x.withTarget.assessed }
    : null;
}

function overall(a: Analysis): OverallPart[] {
  const x = a.totals;
  const parts = counts(a, x, true);
  if (x.target !== null)
    parts.push({
      kind: 'target',
      label: 'target',
      target: x.target,
      overTargetRate: x.overTargetRate,
      overTarget: x.overTarget,
      unitsOverTarget: x.unitsOverTarget,
      unitsWithTarget: x.unitsWithTarget,
      withTarget: withTargetPart(x),
    });
  if (x.previous !== null) parts.push({ kind: 'yoy', yoy: x.yoy, previous: x.previous });
  if (x.preceding !== null && showsPreceding(a.period)) parts.push({ kind: 'mom', mom: x.mom });
  return parts;
}

/**
 * The year to date's lines: its overall line against the annual target, the units at or over
 * theirs (named: the one thing a monthly bulletin must raise), and its units table.
 */
function yearToDateView(a: Analysis, lang: Lang, limit = Infinity): YearToDateView | null {
  const y = a.yearToDate;
  if (!y) return null;
  const x = y.totals;
  const parts = counts(a, x, false);
  if (x.target !== null)
    parts.push({
      kind: 'target',
      label: y.targets?.prorated ? 'target' : 'annualTarget',
      target: x.target,
      overTargetRate: x.overTargetRate,
      overTarget: x.overTarget,
      unitsOverTarget: x.unitsOverTarget,
      unitsWithTarget: x.unitsWithTarget,
      withTarget: withTargetPart(x),
    });
  if (x.previous !== null) parts.push({ kind: 'yoy', yoy: x.yoy, previous: x.previous });
  const p = y.period;
  return {
    span: p.from === p.to ? p.from : `${p.from} – ${p.to}`,
    overall: parts,
    // Nothing to say of a targets file that matches no unit: "无（0 / 0）" reads as a finding.
    reached:
      y.targets && x.unitsWithTarget > 0
        ? {
            units: y.units
              .filter((u) => u.reachedAnnualTarget === true)
              .map((u) => ({ unit: u.unit, figures: reachedFigures(u.assessed, u.annualTarget!) })),
            of: x.unitsWithTarget,
          }
        : null,
    units: yearToDateTerminalTable(a, y, lang, limit),
  };
}

function monthsView(a: Analysis, lang: Lang): MonthsView {
  // A day, a week or a range of days: its days, not the months around it.
  if (a.days) return { table: daysTerminalTable(a, lang), reduction: null };
  return {
    table: monthsTerminalTable(a.months, lang),
    reduction: a.months.length > 1 ? a.trend.avgMonthlyReduction : null,
  };
}

function figures(r: CategoryRow | DisciplineRow, name: string): ClassFigures {
  return { name, complaints: r.complaints, share: r.share, previous: r.previous, yoy: r.yoy };
}

/** Data problems, one line each, with a pointer to `inspect`. */
function problems(
  a: Analysis,
  ingest: IngestResult,
  lang: Lang,
  modelDecided: number,
): ProblemsView {
  const x = ingest.totals;
  return {
    rejected: x.rejected,
    duplicates: x.duplicates,
    duplicatesDiffering: x.duplicatesDiffering,
    excluded: Object.entries(a.totals.excludedByType)
      .sort((p, q) => q[1] - p[1])
      .map(([type, n]) => [businessTypeName(type, lang), n]),
    unclassified: a.categories.unclassified,
    warnings: ingest.warnings.map((w) => w[lang]),
    notes: a.notes.filter((n) => !SKIPPED_NOTES.has(n.code)).map(say(lang)),
    skipped: a.notes.filter((n) => SKIPPED_NOTES.has(n.code)).map(say(lang)),
    inspect: x.rejected > 0 || x.duplicatesDiffering > 0 ? ingest.inputs.map((i) => i.file) : null,
    modelDecided,
  };
}

export function summaryView(result: PipelineResult, lang: Lang): SummaryView {
  const a = result.analysis;
  const name = (r: { name: string; nameEn: string }) => (lang === 'zh' ? r.name : r.nameEn);
  const rising = a.hotspots.rising;
  const r = a.repeatComplainants;
  return {
    heading: terminalHeading(result),
    overall: overall(a),
    units: unitsTerminalTable(a, lang, SUMMARY_UNITS),
    yearToDate: yearToDateView(a, lang, SUMMARY_UNITS),
    months: monthsView(a, lang),
    disciplines: a.categories.discipline.map((d) => figures(d, disciplineName(d.name, lang))),
    level1: a.categories.level1
      .filter((c) => c.complaints > 0)
      .sort((p, q) => q.complaints - p.complaints)
      .map((c) => figures(c, name(c))),
    hotspots: a.hotspots.level2
      .slice(0, summaryHotspots(a.settings.top))
      .map((c) => ({ name: name(c), complaints: c.complaints })),
    rising:
      rising && rising.categories.length > 0
        ? {
            basis: rising.basis,
            classes: rising.categories
              .slice(0, SUMMARY_RISING)
              .map((c) => ({ name: name(c), base: c.base, complaints: c.complaints })),
          }
        : null,
    repeat: (['customer', 'phone'] as const).flatMap((by) => {
      const list = by === 'customer' ? r?.byCustomer : r?.byPhone;
      return list ? [{ by, complainants: list.complainants, complaints: list.complaints }] : [];
    }),
    timeliness: (['reply', 'close'] as const).flatMap((stage) => {
      const s = a.timeliness?.[stage];
      if (!s || s.count + s.beforeAcceptance === 0) return [];
      const { count, beforeAcceptance, meanHours, medianHours, limitHours } = s;
      const { overLimit, overLimitShare, limit } = s;
      return [
        {
          ...{ stage, count, beforeAcceptance, meanHours, medianHours, limitHours },
          ...{ overLimit, overLimitShare, limit },
        },
      ];
    }),
    satisfaction: a.satisfaction
      ? {
          satisfiedShare: a.satisfaction.satisfiedShare,
          surveyed: a.satisfaction.satisfied + a.satisfaction.neutral + a.satisfaction.dissatisfied,
        }
      : null,
    problems: problems(a, result.ingest, lang, result.classifiedBy.model),
    breakdowns: breakdownViews(a, lang),
    hotWords: result.hotWords ? hotWordsLines(result.hotWords, lang) : [],
  };
}

export function assessView(result: PipelineResult, lang: Lang): AssessView {
  const a = result.analysis;
  const notes: string[] = a.notes
    .filter((n) => MONTH_NOTES.has(n.code) || CORRECTION_NOTES.has(n.code))
    .map(say(lang));
  if (a.targets) {
    // A day, a week or a partial period says so in its own note (targets-not-held/-partial).
    const own = a.notes.some((n) => n.code === 'targets-not-held' || n.code === 'targets-partial');
    if (a.targets.basis === 'none' && !own) notes.push(BOOK[lang].monthNoTarget);
    if (a.targets.prorated && a.totals.withTarget) notes.push(PRORATED[lang](a.period));
    notes.push(...a.notes.filter((n) => TARGET_NOTES.has(n.code)).map(say(lang)));
  }
  return {
    heading: terminalHeading(result),
    units: unitsTerminalTable(a, lang),
    yearToDate: yearToDateView(a, lang),
    notes,
    breakdowns: breakdownViews(a, lang),
  };
}

/**
 * The notes trend shows: the months', why 同比 or 月均下降率 is missing, and why 环比 is when no
 * month has one (a single month; with more, the period's 环比 is not what trend shows).
 */
function trendNotes(a: PipelineResult['analysis']) {
  const noMom = a.months.every((m) => m.mom === null);
  return a.notes.filter(
    (n) =>
      MONTH_NOTES.has(n.code) ||
      CORRECTION_NOTES.has(n.code) ||
      n.code === 'no-yoy' ||
      n.code === 'no-reduction' ||
      n.code === 'units-renamed' ||
      (n.code === 'no-mom' && noMom),
  );
}

export function trendView(
  result: PipelineResult,
  series: readonly GroupSeries[] | null,
  lang: Lang,
): TrendView {
  return {
    heading: terminalHeading(result),
    months: monthsView(result.analysis, lang),
    groups: series ? groupsTerminalTable(series, lang) : null,
    // What reading found (stray rows, an export cut short …) before the months' own notes: a
    // cron job running trend alone sees it as analyze's 数据问题 shows it.
    notes: [
      ...result.ingest.warnings.map((w) => w[lang]),
      ...trendNotes(result.analysis).map(say(lang)),
    ],
    yearToDate: yearToDateView(result.analysis, lang),
  };
}
