/**
 * The terminal views of the report model: the ten-second summary of `analyze`, the monthly
 * series of `trend` and the unit table of `assess` (built in sections/terminal.ts). They word,
 * colour and align; they compute nothing.
 */
import type { ChalkInstance } from 'chalk';
import type { Lang } from '../settings/types.js';
import { formatCount, formatInt, formatPercent } from './format.js';
import { MODEL_DECIDED, TERMINAL, heading, reductionSpan } from './labels.js';
import { table, type Align } from './terminal.js';
import {
  totalsRows,
  type AssessView,
  type BreakdownView,
  type ClassFigures,
  type Column,
  type MonthsView,
  type OverallPart,
  type ProblemsView,
  type Row,
  type SummaryView,
  type Table,
  type TerminalHeading,
  type TrendView,
  type YearToDateView,
} from './types.js';

/** Colours a signed change: rising red, falling green (complaints going up is bad news). */
function paintChange(rate: number | null, c: ChalkInstance): string {
  const text = formatPercent(rate, true);
  if (rate === null || rate === 0) return text;
  return rate > 0 ? c.red(text) : c.green(text);
}

function cellText(column: Column, row: Row, lang: Lang, c: ChalkInstance): string {
  if (!(column.key in row)) return '';
  const value = row[column.key] ?? null;
  const number = typeof value === 'number' ? value : null;
  switch (column.format) {
    case 'int':
    case 'dec':
    case 'target':
      return formatCount(number);
    case 'fixed':
      return number === null ? '-' : number.toFixed(2);
    case 'pct':
    case 'overShare':
      return formatPercent(number);
    case 'change':
      return paintChange(number, c);
    case 'over': {
      const text = formatPercent(number, true);
      return row.overTarget === true ? c.red(text) : text;
    }
    case 'flag': {
      const t = TERMINAL[lang];
      return value === true ? c.red(column.key === 'reachedAnnualTarget' ? t.reached : t.over) : '';
    }
    case 'text':
    case 'time':
      return value === null ? '' : String(value);
    case 'alert':
      return value === null ? '' : c.red(String(value));
  }
}

/** A model table, borderless: words and flags aligned left, figures right. */
export function renderTable(t: Table, lang: Lang, c: ChalkInstance): string {
  const head = t.columns.map((col) =>
    typeof col.label === 'string' ? heading(col.label, lang, 'terminal') : col.label.text,
  );
  const rows = [...t.rows, ...totalsRows(t)].map((row) =>
    t.columns.map((col) => cellText(col, row, lang, c)),
  );
  const align = t.columns.map((col): Align =>
    col.format === 'text' ||
    col.format === 'flag' ||
    col.format === 'alert' ||
    col.format === 'time'
      ? 'left'
      : 'right',
  );
  const text = table(head, rows, align);
  return t.omitted ? `${text}\n… ${t.omitted}` : text;
}

function headingLines(h: TerminalHeading, lang: Lang, c: ChalkInstance): string {
  const t = TERMINAL[lang];
  const basis = h.yearEarlier
    ? `${t.yoyBasis} ${h.yearEarlier.from === h.yearEarlier.to ? h.yearEarlier.from : `${h.yearEarlier.from} – ${h.yearEarlier.to}`}`
    : t.noYoy;
  const length = h.days !== null ? t.days(h.days) : t.months(h.months);
  const first = `${t.title} ${h.span}${t.about(length, basis)}`;
  return c.bold(`${first}\n${t.inputs(h.files.length)}: ${h.files.join(', ')}`);
}

function overallLine(
  parts: readonly OverallPart[],
  lang: Lang,
  c: ChalkInstance,
  title = TERMINAL[lang].overall,
): string {
  const t = TERMINAL[lang];
  const say = (label: Parameters<typeof heading>[0]) => heading(label, lang, 'terminal');
  const words = parts.flatMap((p): string[] => {
    switch (p.kind) {
      case 'count':
        return [`${say(p.label)} ${formatInt(p.value)}`];
      case 'target': {
        const rate = formatPercent(p.overTargetRate, true);
        const of = p.withTarget
          ? t.withTarget(p.withTarget.units, say('assessed'), formatInt(p.withTarget.assessed))
          : '';
        return [
          `${say(p.label)} ${formatCount(p.target)}${of}`,
          `${say('overTargetRate')} ${p.overTarget ? c.red(rate) : rate}`,
          t.unitsOver(p.unitsOverTarget, p.unitsWithTarget),
        ];
      }
      case 'yoy':
        return [
          `${say('yoy')} ${paintChange(p.yoy, c)} (${say('previous')} ${formatInt(p.previous)})`,
        ];
      case 'mom':
        return [`${say('mom')} ${paintChange(p.mom, c)}`];
    }
  });
  return `${title}: ${words.join(t.sep)}`;
}

/** The year to date's overall line and, with targets, the units at or over theirs, in red. */
function yearToDateLines(y: YearToDateView, lang: Lang, c: ChalkInstance): string[] {
  const t = TERMINAL[lang];
  const lines = [overallLine(y.overall, lang, c, t.ytd(y.span))];
  if (y.reached) {
    const { units, of } = y.reached;
    lines.push(
      units.length === 0
        ? t.noneReached(of)
        : c.red(
            t.reachedLine(units.map((u) => `${u.unit} ${u.figures}`).join(t.sep), units.length, of),
          ),
    );
  }
  return lines;
}

/** The year to date's units, under their own heading. */
function yearToDateTable(y: YearToDateView, lang: Lang, c: ChalkInstance): string[] {
  return ['', c.bold(TERMINAL[lang].ytd(y.span)), renderTable(y.units, lang, c)];
}

function monthsText(m: MonthsView, lang: Lang, c: ChalkInstance): string {
  const text = renderTable(m.table, lang, c);
  if (!m.reduction) return text;
  const r = m.reduction;
  const span = reductionSpan(r, lang);
  return `${text}\n${TERMINAL[lang].avgReduction(formatPercent(r.arithmetic), formatPercent(r.compound), span)}`;
}

function classLines(v: SummaryView, lang: Lang, c: ChalkInstance): string[] {
  const t = TERMINAL[lang];
  const withYoy = (r: ClassFigures) =>
    `${r.name} ${formatInt(r.complaints)} (${formatPercent(r.share)}${r.previous !== null ? `, ${heading('yoy', lang, 'terminal')} ${paintChange(r.yoy, c)}` : ''})`;
  const lines = [
    `${t.discipline}: ${v.disciplines.map(withYoy).join(t.sep)}`,
    // No class at all (every complaint unclassified) reads as 无, not as a line cut short.
    `${t.categories}: ${v.level1.map(withYoy).join(t.sep) || t.none}`,
    `${t.hotspots}: ` +
      (v.hotspots.map((r) => `${r.name} ${formatInt(r.complaints)}`).join(t.sep) || t.none),
  ];
  if (v.rising)
    lines.push(
      `${t.rising(v.rising.basis)}: ` +
        v.rising.classes
          .map((r) => `${r.name} ${formatInt(r.base)}→${formatInt(r.complaints)}`)
          .join(t.sep),
    );
  return lines;
}

function extraLines(v: SummaryView, lang: Lang): string[] {
  const t = TERMINAL[lang];
  const hours = (h: number | null) => (h === null ? '-' : h.toFixed(1));
  return [
    ...v.repeat.map((r) =>
      t.repeat(r.complainants, r.complaints, r.by === 'customer' ? t.byCustomer : t.byPhone),
    ),
    ...v.timeliness.map((s) =>
      t.timeliness(
        t.timed(t[s.stage], s.count, s.beforeAcceptance),
        hours(s.meanHours),
        hours(s.medianHours),
        t.limit(s.limit),
        `${formatInt(s.overLimit)} (${formatPercent(s.overLimitShare)})`,
      ),
    ),
    ...(v.satisfaction
      ? [t.satisfaction(formatPercent(v.satisfaction.satisfiedShare), v.satisfaction.surveyed)]
      : []),
  ];
}

function problemLines(p: ProblemsView, lang: Lang): string[] {
  const t = TERMINAL[lang];
  const lines: string[] = [];
  if (p.rejected > 0) lines.push(t.rejected(p.rejected));
  if (p.duplicates > 0) lines.push(t.duplicates(p.duplicates, p.duplicatesDiffering));
  if (p.excluded.length > 0) {
    const n = p.excluded.reduce((sum, [, v]) => sum + v, 0);
    lines.push(t.excluded(n, p.excluded.map(([k, v]) => `${k} ${formatInt(v)}`).join(t.sep)));
  }
  if (p.unclassified > 0) lines.push(t.unclassified(p.unclassified));
  if (p.modelDecided > 0) lines.push(MODEL_DECIDED[lang].terminal(p.modelDecided));
  lines.push(...p.warnings, ...p.notes);
  if (p.skipped.length > 0) lines.push(`${t.skipped}: ${p.skipped.join(' ')}`);
  if (p.inspect) lines.push(t.seeInspect(p.inspect.join(' ')));
  return lines;
}

/** --by: each breakdown under its title, a matrix with its caption. */
function breakdownLines(views: readonly BreakdownView[], lang: Lang, c: ChalkInstance): string[] {
  return views.flatMap((v) => [
    '',
    c.bold(v.title),
    ...v.tables.flatMap((t, i) => [
      ...(i > 0 || v.tables.length > 1 ? [t.caption ?? ''] : []),
      renderTable(t, lang, c),
    ]),
  ]);
}

export function renderSummary(v: SummaryView, lang: Lang, c: ChalkInstance): string {
  const t = TERMINAL[lang];
  const problems = problemLines(v.problems, lang);
  const y = v.yearToDate;
  return [
    headingLines(v.heading, lang, c),
    overallLine(v.overall, lang, c),
    ...(y ? yearToDateLines(y, lang, c) : []),
    '',
    renderTable(v.units, lang, c),
    ...(y ? yearToDateTable(y, lang, c) : []),
    '',
    monthsText(v.months, lang, c),
    '',
    ...classLines(v, lang, c),
    ...v.hotWords,
    ...extraLines(v, lang),
    ...breakdownLines(v.breakdowns, lang, c),
    '',
    `${t.problems}:` + (problems.length === 0 ? ` ${t.none}` : ''),
    ...problems.map((p) => `  ${p}`),
  ].join('\n');
}

export function renderAssess(v: AssessView, lang: Lang, c: ChalkInstance): string {
  const y = v.yearToDate;
  return [
    headingLines(v.heading, lang, c),
    '',
    renderTable(v.units, lang, c),
    ...v.notes,
    ...(y ? [...yearToDateTable(y, lang, c), ...yearToDateLines(y, lang, c).slice(1)] : []),
    ...breakdownLines(v.breakdowns, lang, c),
  ].join('\n');
}

export function renderTrend(v: TrendView, lang: Lang, c: ChalkInstance): string {
  const parts = [headingLines(v.heading, lang, c), '', monthsText(v.months, lang, c)];
  // The months of the period asked, then how the year stands so far.
  if (v.yearToDate) parts.push(yearToDateLines(v.yearToDate, lang, c)[0]!);
  if (v.groups) parts.push('', renderTable(v.groups, lang, c));
  if (v.notes.length > 0) parts.push('', ...v.notes);
  return parts.join('\n');
}
