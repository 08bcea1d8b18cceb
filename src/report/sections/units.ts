/**
 * The units: one row per unit, ranked, and a totals row — the 单位 sheet (with the quarter's
 * own table in the quarterly evaluation), the CSV units table and the terminal's table show
 * the same rows, each with its own choice of columns.
 */
import { TARGET_NOTES, type Analysis, type UnitRow } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, PRORATED, SHEET_NAMES } from '../labels.js';
import type { Column, Row, Sheet, Table } from '../types.js';
import { showsPreceding } from './heading.js';
import { say } from './notes.js';

const COLUMNS = {
  rank: { key: 'rank', label: 'rank', format: 'int' },
  unit: { key: 'unit', label: 'unit', format: 'text' },
  complaints: { key: 'complaints', label: 'complaints', format: 'int' },
  appealApproved: { key: 'appealApproved', label: 'appealApproved', format: 'int' },
  unsubstantiated: { key: 'unsubstantiated', label: 'unsubstantiated', format: 'int' },
  assessed: { key: 'assessed', label: 'assessed', format: 'int' },
  target: { key: 'target', label: 'target', format: 'dec' },
  overTargetRate: { key: 'overTargetRate', label: 'overTargetRate', format: 'over' },
  overTarget: { key: 'overTarget', label: 'overTarget', format: 'flag' },
  share: { key: 'share', label: 'share', format: 'pct' },
  previous: { key: 'previous', label: 'previous', format: 'int' },
  yoy: { key: 'yoy', label: 'yoy', format: 'change' },
  preceding: { key: 'preceding', label: 'preceding', format: 'int' },
  mom: { key: 'mom', label: 'mom', format: 'change' },
  customers: { key: 'customers', label: 'customers', format: 'int' },
  ratePer10k: { key: 'ratePer10k', label: 'ratePer10k', format: 'fixed' },
} as const satisfies Record<string, Column>;
type Key = keyof typeof COLUMNS;
const pick = (keys: readonly (Key | false)[]): Column[] =>
  keys.filter((k): k is Key => k !== false).map((k) => COLUMNS[k]);

const TARGET_KEYS = ['target', 'overTargetRate', 'overTarget'] as const;

type Totals = Analysis['totals'];

function unitRow(u: UnitRow): Row {
  return {
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
  };
}

/** The totals row: no rank, all complaints as the share. */
function totalsRow(x: Totals, lang: Lang): Row {
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
 * The columns a units table of the report shows: every unit column but the target ones when
 * there are no targets, and 上期/环比 only for a period that has one (showsPreceding).
 */
function reportKeys(a: Analysis): Key[] {
  const hasTarget = a.targets !== null;
  const preceding = showsPreceding(a.period);
  return (Object.keys(COLUMNS) as Key[]).filter(
    (k) =>
      (hasTarget || !(TARGET_KEYS as readonly Key[]).includes(k)) &&
      (preceding || !PRECEDING_KEYS.includes(k)),
  );
}

function bookTable(a: Analysis, lang: Lang, caption?: string): Table {
  const keys = reportKeys(a);
  return {
    ...(caption === undefined ? {} : { caption }),
    columns: pick(keys),
    rows: a.units.map(unitRow),
    totals: totalsRow(a.totals, lang),
  };
}

export function unitsSheet(a: Analysis, quarter: Analysis | null, lang: Lang): Sheet {
  const q = quarter?.period;
  return {
    name: SHEET_NAMES[lang][1],
    tables: [
      bookTable(a, lang),
      ...(quarter && q
        ? [bookTable(quarter, lang, BOOK[lang].quarterCaption(q.from, q.to, q.yearEarlier))]
        : []),
    ],
    filter: true,
    notes: [
      ...a.notes.filter((n) => TARGET_NOTES.has(n.code) || n.code === 'no-appeal').map(say(lang)),
      ...(a.targets?.prorated ? [PRORATED[lang](String(a.targets.factor))] : []),
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
  return {
    columns: pick(
      (Object.keys(COLUMNS) as Key[]).filter(
        (k) => k !== 'overTarget' && (preceding || !PRECEDING_KEYS.includes(k)),
      ),
    ),
    rows: a.units.map(unitRow),
    totals: totalsRow(a.totals, lang),
  };
}

/**
 * The terminal's table, as wide as a terminal allows: the unsubstantiated only when they are
 * subtracted, targets, the year before and the rate per customers only when there are any;
 * the first `limit` units.
 */
export function unitsTerminalTable(a: Analysis, lang: Lang, limit = Infinity): Table {
  const hasTarget = a.targets !== null;
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
      hasCustomers && 'ratePer10k',
    ]),
    rows: a.units.slice(0, limit).map(unitRow),
    totals: totalsRow(a.totals, lang),
    omitted: Math.max(0, a.units.length - limit),
  };
}
