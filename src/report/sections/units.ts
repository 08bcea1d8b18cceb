/**
 * The units: one row per unit, ranked, and a totals row — the 单位 sheet, the CSV units table
 * and the terminal's table show the same rows, each with its own choice of columns. A month or
 * a quarter has a second table, its year to date, ranked by it, against the annual targets,
 * with the units that have already reached theirs marked.
 */
import {
  TARGET_NOTES,
  type Analysis,
  type TargetMatch,
  type UnitRow,
  type YearToDate,
  type YearToDateUnitRow,
} from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, PRORATED, SHEET_NAMES, reachedFigures } from '../labels.js';
import type { Column, Row, Sheet, Table } from '../types.js';
import { showsPreceding, yearTargets } from './heading.js';
import { say } from './notes.js';

const COLUMNS = {
  rank: { key: 'rank', label: 'rank', format: 'int' },
  unit: { key: 'unit', label: 'unit', format: 'text' },
  complaints: { key: 'complaints', label: 'complaints', format: 'int' },
  appealApproved: { key: 'appealApproved', label: 'appealApproved', format: 'int' },
  unsubstantiated: { key: 'unsubstantiated', label: 'unsubstantiated', format: 'int' },
  assessed: { key: 'assessed', label: 'assessed', format: 'int' },
  target: { key: 'target', label: 'target', format: 'target' },
  overTargetRate: { key: 'overTargetRate', label: 'overTargetRate', format: 'over' },
  overTarget: { key: 'overTarget', label: 'overTarget', format: 'flag' },
  annualTarget: { key: 'annualTarget', label: 'annualTarget', format: 'target' },
  reachedAnnualTarget: { key: 'reachedAnnualTarget', label: 'reachedAnnualTarget', format: 'flag' },
  share: { key: 'share', label: 'share', format: 'pct' },
  previous: { key: 'previous', label: 'previous', format: 'int' },
  yoy: { key: 'yoy', label: 'yoy', format: 'change' },
  preceding: { key: 'preceding', label: 'preceding', format: 'int' },
  mom: { key: 'mom', label: 'mom', format: 'change' },
  customers: { key: 'customers', label: 'customers', format: 'int' },
  ratePer10k: { key: 'ratePer10k', label: 'ratePer10k', format: 'fixed' },
  operations: { key: 'operations', label: 'operations', format: 'int' },
  marketing: { key: 'marketing', label: 'marketing', format: 'int' },
  repliedInTime: { key: 'repliedInTime', label: 'repliedInTime', format: 'pct' },
  closedInTime: { key: 'closedInTime', label: 'closedInTime', format: 'pct' },
} as const satisfies Record<string, Column>;
type Key = keyof typeof COLUMNS;
const pick = (keys: readonly (Key | false)[]): Column[] =>
  keys.filter((k): k is Key => k !== false).map((k) => COLUMNS[k]);

const TARGET_KEYS = ['target', 'overTargetRate', 'overTarget'] as const;
const YEAR_KEYS = ['annualTarget', 'reachedAnnualTarget'] as const;
/** A quarter's per-unit disciplines and timeliness (metrics/sections/quarterly.ts). */
const QUARTER_KEYS = ['operations', 'marketing', 'repliedInTime', 'closedInTime'] as const;

/** Whether the period is held against targets: not without a targets file, nor a month. */
const heldAgainstTargets = (a: Pick<Analysis, 'targets'>) =>
  a.targets !== null && a.targets.basis !== 'none';

type Totals = Analysis['totals'];

function unitRow(u: UnitRow | YearToDateUnitRow): Row {
  return {
    ...('annualTarget' in u
      ? { annualTarget: u.annualTarget, reachedAnnualTarget: u.reachedAnnualTarget }
      : {}),
    rank: u.rank,
    unit: u.unit,
    complaints: u.complaints,
    appealApproved: u.appealApproved,
    unsubstantiated: u.unsubstantiated,
    assessed: u.assessed,
    target: u.target,
    overTargetRate: u.overTargetRate,
    overTarget: u.overTarget,
    share: u.share,
    previous: u.previous,
    yoy: u.yoy,
    preceding: u.preceding,
    mom: u.mom,
    customers: u.customers,
    ratePer10k: u.ratePer10k,
    ...('operations' in u
      ? {
          operations: u.operations,
          marketing: u.marketing,
          repliedInTime: u.repliedInTime,
          closedInTime: u.closedInTime,
        }
      : {}),
  };
}

/** Whether some complaints are of units without a target: the total target is not theirs. */
const splitTotals = (x: Totals) =>
  x.withTarget !== null && x.withTarget.complaints !== x.complaints;

/**
 * The totals row: no rank, all complaints as the share. When units without a target have
 * complaints, it holds no target: the target is the sum of some units' targets, and stands in the
 * row of those units (withTargetRow), never beside every unit's complaints.
 */
function totalsRow(x: Totals, lang: Lang): Row {
  const row: Record<string, Row[string]> = allTotalsRow(x, lang);
  if (splitTotals(x)) for (const key of TARGET_KEYS) delete row[key];
  return row;
}

/** The units with a target, summed, against the total target: after the totals row. */
function withTargetRows(x: Totals, lang: Lang): Row[] {
  const w = x.withTarget;
  if (w === null || !splitTotals(x)) return [];
  return [
    {
      unit: BOOK[lang].withTarget(w.units),
      complaints: w.complaints,
      appealApproved: w.appealApproved,
      unsubstantiated: w.unsubstantiated,
      assessed: w.assessed,
      target: x.target,
      overTargetRate: x.overTargetRate,
      overTarget: x.overTarget,
      share: x.complaints > 0 ? w.complaints / x.complaints : null,
    },
  ];
}

function allTotalsRow(x: Totals, lang: Lang): Record<string, Row[string]> {
  return {
    unit: BOOK[lang].total,
    complaints: x.complaints,
    appealApproved: x.appealApproved,
    unsubstantiated: x.unsubstantiated,
    assessed: x.assessed,
    target: x.target,
    overTargetRate: x.overTargetRate,
    overTarget: x.overTarget,
    share: x.complaints > 0 ? 1 : null,
    previous: x.previous,
    yoy: x.yoy,
    preceding: x.preceding,
    mom: x.mom,
    customers: x.customers,
    ratePer10k: x.ratePer10k,
  };
}

const PRECEDING_KEYS: readonly Key[] = ['preceding', 'mom'];

/**
 * The columns a units table of the report shows: every unit column of the period but the
 * target ones when it is held against none (no targets file, or a month), and 上期/环比 only
 * for a period that has one (showsPreceding).
 */
function reportKeys(a: Analysis): Key[] {
  const hasTarget = heldAgainstTargets(a);
  const preceding = showsPreceding(a.period);
  return (Object.keys(COLUMNS) as Key[]).filter(
    (k) =>
      !(YEAR_KEYS as readonly Key[]).includes(k) &&
      (hasTarget || !(TARGET_KEYS as readonly Key[]).includes(k)) &&
      (preceding || !PRECEDING_KEYS.includes(k)) &&
      (a.quarterTotals !== null || !(QUARTER_KEYS as readonly Key[]).includes(k)),
  );
}

/**
 * A share of the annual target (a quarter's 6.50 of 26, --prorate's months) headed 折算指标:
 * under 指标 it read as the unit's target. The book's notes say how it was prorated, but a
 * bulletin's table stands without them.
 */
function targetHeaded(c: Column, targets: TargetMatch | null): Column {
  const share = targets?.factor != null && targets.factor < 1;
  return c.key === 'target' && share ? { ...c, label: 'proratedTarget' } : c;
}

function bookTable(a: Analysis, lang: Lang, caption?: string): Table {
  const keys = reportKeys(a);
  return {
    ...(caption === undefined ? {} : { caption }),
    columns: pick(keys).map((c) => targetHeaded(c, a.targets)),
    rows: a.units.map(unitRow),
    totals: { ...totalsRow(a.totals, lang), ...(a.quarterTotals ?? {}) },
    subtotals: withTargetRows(a.totals, lang),
  };
}

/**
 * The year to date's target columns: the annual target and whether it is reached; prorated
 * (--prorate), the share it is held against and whether it is over that too.
 */
function yearTargetKeys(y: YearToDate): Key[] {
  if (!y.targets) return [];
  return y.targets.prorated
    ? ['target', 'overTargetRate', 'overTarget', 'annualTarget', 'reachedAnnualTarget']
    : ['target', 'overTargetRate', 'reachedAnnualTarget'];
}

/** The year to date's table: no 环比 (a year to date has no span before it worth comparing). */
function yearToDateTable(y: YearToDate, lang: Lang, caption?: string): Table {
  const prorated = y.targets?.prorated === true;
  const columns = pick([
    'rank',
    'unit',
    'complaints',
    'appealApproved',
    'unsubstantiated',
    'assessed',
    ...yearTargetKeys(y),
    'share',
    'previous',
    'yoy',
    'customers',
    'ratePer10k',
  ]).map((c) =>
    // Held against the whole annual target, the target column is headed so.
    c.key === 'target' && !prorated
      ? { ...c, label: 'annualTarget' as const }
      : targetHeaded(c, y.targets),
  );
  return {
    ...(caption === undefined ? {} : { caption }),
    columns,
    rows: y.units.map(unitRow),
    ...yearToDateTotals(y.totals, lang),
  };
}

/**
 * The year to date's totals rows: the annual target and whether it is reached stand with the
 * total target, in the row of the units that have one when others have complaints too.
 */
function yearToDateTotals(
  x: YearToDate['totals'],
  lang: Lang,
): Pick<Table, 'totals' | 'subtotals'> {
  const year = { annualTarget: x.annualTarget, reachedAnnualTarget: x.reachedAnnualTarget };
  const rows = withTargetRows(x, lang);
  if (rows.length === 0) return { totals: { ...totalsRow(x, lang), ...year }, subtotals: [] };
  return { totals: totalsRow(x, lang), subtotals: rows.map((r) => ({ ...r, ...year })) };
}

/** "国网歙县供电公司 28 / 26、…": the units of the year to date at or over the annual target. */
export function reachedList(y: YearToDate, lang: Lang): string | null {
  const reached = y.units.filter((u) => u.reachedAnnualTarget === true);
  if (reached.length === 0) return null;
  return reached
    .map((u) => `${u.unit} ${reachedFigures(u.assessed, u.annualTarget!)}`)
    .join(BOOK[lang].listSeparator);
}

/** What the notes say about the targets of a period and of its year to date. */
function targetLines(a: Analysis, lang: Lang): string[] {
  const t = BOOK[lang];
  const y = a.yearToDate;
  const lines: string[] = [];
  // A day, a week or a partial period says so in its own note (targets-not-held).
  const notHeld = a.notes.some(
    (n) => n.code === 'targets-not-held' || n.code === 'targets-partial',
  );
  if (a.targets?.basis === 'none' && !notHeld) lines.push(t.monthNoTarget);
  // Only where a target is shown: not when the targets file matched no unit.
  if (a.targets?.prorated && a.totals.withTarget) lines.push(PRORATED[lang](a.period));
  const reached = y && reachedList(y, lang);
  if (reached) lines.push(t.reachedNote(reached));
  return lines;
}

export function unitsSheet(a: Analysis, lang: Lang): Sheet {
  const t = BOOK[lang];
  const y = a.yearToDate;
  const p = a.period;
  const tables = y
    ? [
        bookTable(
          a,
          lang,
          t.askedCaption(p.kind === 'quarter' ? 'quarter' : 'month', p.from, p.to, p.yearEarlier),
        ),
        yearToDateTable(
          y,
          lang,
          t.ytdCaption(y.period.from, y.period.to, y.period.months, yearTargets(y)),
        ),
      ]
    : [bookTable(a, lang)];
  return {
    name: SHEET_NAMES[lang][1],
    tables,
    filter: true,
    notes: [
      ...targetLines(a, lang),
      ...a.notes.filter((n) => TARGET_NOTES.has(n.code) || n.code === 'no-appeal').map(say(lang)),
    ],
    charts: ['units'],
  };
}

/**
 * The CSV units table: every figure of a unit but the over-target flag, the target columns
 * empty without targets (a script reading it finds the same columns every month), 上期/环比
 * only where the report shows them.
 */
export function unitsCsvTable(a: Analysis, lang: Lang): Table {
  const preceding = showsPreceding(a.period);
  // A period that ends in a month covered in part: every row says the day its figures run to,
  // as a CSV has no notes to say it in.
  const through = a.months.at(-1)?.partial ? (a.months.at(-1)!.through ?? null) : undefined;
  const withThrough = (row: Row): Row => (through === undefined ? row : { ...row, through });
  const totals = { ...totalsRow(a.totals, lang), ...(a.quarterTotals ?? {}) };
  return {
    columns: [
      ...pick(
        (Object.keys(COLUMNS) as Key[]).filter(
          (k) =>
            k !== 'overTarget' &&
            !(YEAR_KEYS as readonly Key[]).includes(k) &&
            (preceding || !PRECEDING_KEYS.includes(k)) &&
            (a.quarterTotals !== null || !(QUARTER_KEYS as readonly Key[]).includes(k)),
        ),
      ),
      ...(through === undefined ? [] : [THROUGH]),
    ],
    rows: a.units.map((u) => withThrough(unitRow(u))),
    totals: withThrough(totals),
    subtotals: withTargetRows(a.totals, lang).map(withThrough),
  };
}

const THROUGH: Column = { key: 'through', label: 'through', format: 'text' };

/**
 * The terminal's table, as wide as a terminal allows: the unsubstantiated only when they are
 * subtracted, targets, the year before and the rate per customers only when there are any;
 * the first `limit` units.
 */
export function unitsTerminalTable(a: Analysis, lang: Lang, limit = Infinity): Table {
  const hasTarget = heldAgainstTargets(a);
  const hasPrevious = a.period.yearEarlier !== null;
  const hasCustomers = a.units.some((u) => u.customers !== null);
  return {
    columns: pick([
      'rank',
      'unit',
      'complaints',
      'appealApproved',
      a.settings.excludeUnsubstantiated && 'unsubstantiated',
      'assessed',
      ...(hasTarget ? TARGET_KEYS : []),
      'share',
      hasPrevious && 'previous',
      hasPrevious && 'yoy',
      // A month or a quarter is read for its change too (环比); longer periods are not.
      a.yearToDate !== null && a.period.preceding !== null && 'mom',
      hasCustomers && 'ratePer10k',
    ]),
    rows: a.units.slice(0, limit).map(unitRow),
    totals: totalsRow(a.totals, lang),
    subtotals: withTargetRows(a.totals, lang),
    omitted: Math.max(0, a.units.length - limit),
  };
}

/**
 * The terminal's year-to-date table: the period's columns, against the annual target (or its
 * share with --prorate, and then the annual target too), the units at or over it marked.
 */
export function yearToDateTerminalTable(
  a: Analysis,
  y: YearToDate,
  lang: Lang,
  limit = Infinity,
): Table {
  const prorated = y.targets?.prorated === true;
  const hasPrevious = y.period.yearEarlier !== null;
  const hasCustomers = y.units.some((u) => u.customers !== null);
  const columns = pick([
    'rank',
    'unit',
    'complaints',
    'appealApproved',
    a.settings.excludeUnsubstantiated && 'unsubstantiated',
    'assessed',
    ...yearTargetKeys(y),
    'share',
    hasPrevious && 'previous',
    hasPrevious && 'yoy',
    hasCustomers && 'ratePer10k',
  ]).map((c) => (c.key === 'target' && !prorated ? { ...c, label: 'annualTarget' as const } : c));
  return {
    columns,
    rows: y.units.slice(0, limit).map(unitRow),
    ...yearToDateTotals(y.totals, lang),
    omitted: Math.max(0, y.units.length - limit),
  };
}
