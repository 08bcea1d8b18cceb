/**
 * 概览: the totals as a list of items, each with the JSON field it shows (`field`), then in
 * the quarterly evaluation the quarter's own figures, then complaints per discipline.
 */
import type { Analysis } from '../../metrics/types.js';
import type { Cell } from '../../io/table.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, SHEET_NAMES, disciplineName, heading, type ColumnLabel } from '../labels.js';
import type { Format, Row, Sheet, Table } from '../types.js';
import { showsPreceding } from './heading.js';
import { say } from './notes.js';

interface Item {
  /** The JSON field (§6) the item shows, as a path. */
  field: string;
  label: string;
  value: Cell;
  format: Format;
}

/** The year's (or the period's) totals. */
function totalsItems(a: Analysis, lang: Lang): Item[] {
  const t = BOOK[lang];
  const x = a.totals;
  const item = (key: keyof typeof x & ColumnLabel, format: Format): Item => ({
    field: `totals.${key}`,
    label: heading(key, lang),
    value: x[key] as Cell,
    format,
  });
  const r = a.trend.avgMonthlyReduction;
  return [
    item('workOrders', 'int'),
    item('complaints', 'int'),
    item('appealApproved', 'int'),
    item('unsubstantiated', 'int'),
    item('assessed', 'int'),
    item('target', 'dec'),
    item('overTargetRate', 'over'),
    {
      field: 'totals.unitsOverTarget',
      label: t.unitsOver,
      value: a.targets ? x.unitsOverTarget : null,
      format: 'int',
    },
    {
      field: 'totals.unitsWithTarget',
      label: t.unitsWithTarget,
      value: a.targets ? x.unitsWithTarget : null,
      format: 'int',
    },
    item('previous', 'int'),
    item('yoy', 'change'),
    ...(showsPreceding(a.period) ? [item('preceding', 'int'), item('mom', 'change')] : []),
    item('ratePer10k', 'dec'),
    {
      field: 'trend.avgMonthlyReduction.arithmetic',
      label: t.avgArithmetic,
      value: r.arithmetic,
      format: 'pct',
    },
    {
      field: 'trend.avgMonthlyReduction.compound',
      label: t.avgCompound,
      value: r.compound,
      format: 'pct',
    },
  ];
}

/** The quarter's own figures (quarter.totals of the JSON result). */
function quarterItems(q: Analysis, lang: Lang): Item[] {
  const x = q.totals;
  const item = (key: keyof typeof x & ColumnLabel, format: Format): Item => ({
    field: `quarter.totals.${key}`,
    label: `${BOOK[lang].quarter} ${heading(key, lang)}`,
    value: x[key] as Cell,
    format,
  });
  return [
    item('complaints', 'int'),
    item('assessed', 'int'),
    item('target', 'dec'),
    item('overTargetRate', 'over'),
    item('previous', 'int'),
    item('yoy', 'change'),
  ];
}

function itemsTable(items: readonly Item[]): Table {
  return {
    columns: [
      { key: 'item', label: 'item', format: 'text' },
      { key: 'value', label: 'value', format: 'pct' },
    ],
    rows: items.map((i): Row => ({ field: i.field, item: i.label, value: i.value })),
    rowFormats: items.map((i) => i.format),
    blank: '-',
  };
}

export function overviewSheet(
  a: Analysis,
  quarter: Analysis | null,
  warnings: readonly string[],
  lang: Lang,
): Sheet {
  const disciplines = a.categories.discipline.map((d): Item => ({
    field: `categories.discipline[${d.name}].complaints`,
    label: `${disciplineName(d.name, lang)} ${heading('complaints', lang)}`,
    value: d.complaints,
    format: 'int',
  }));
  return {
    name: SHEET_NAMES[lang][0],
    tables: [
      itemsTable([
        ...totalsItems(a, lang),
        ...(quarter ? quarterItems(quarter, lang) : []),
        ...disciplines,
      ]),
    ],
    filter: false,
    notes: [...a.notes.map(say(lang)), ...warnings],
    charts: ['trend', 'units'],
  };
}
