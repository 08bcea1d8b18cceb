/**
 * 概览: the totals as a list of items, each with the JSON field it shows (`field`), then
 * complaints per discipline; for a month or a quarter, under its caption, and beside it its
 * year to date against the annual targets with the units that have already reached theirs.
 */
import type { Analysis, YearToDate } from '../../metrics/types.js';
import type { Cell } from '../../io/table.js';
import type { Lang } from '../../settings/types.js';
import type { Said } from '../../errors.js';
import {
  BOOK,
  SHEET_NAMES,
  disciplineName,
  heading,
  reachedFigures,
  type ColumnLabel,
  reductionLabel,
} from '../labels.js';
import type { Format, Row, Sheet, Table } from '../types.js';
import { showsPreceding, yearTargets } from './heading.js';
import { say } from './notes.js';

interface Item {
  /** The JSON field (§6) the item shows, as a path. */
  field: string;
  label: string;
  value: Cell;
  format: Format;
}

/** The period's totals: without target items when the period is not held against targets. */
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
  const withTarget = a.targets?.basis !== 'none';
  return [
    item('workOrders', 'int'),
    item('complaints', 'int'),
    item('appealApproved', 'int'),
    item('unsubstantiated', 'int'),
    item('assessed', 'int'),
    ...(withTarget
      ? [
          item('target', 'target'),
          item('overTargetRate', 'over'),
          {
            field: 'totals.unitsOverTarget',
            label: t.unitsOver,
            value: a.targets ? x.unitsOverTarget : null,
            format: 'int',
          } satisfies Item,
          {
            field: 'totals.unitsWithTarget',
            label: t.unitsWithTarget,
            value: a.targets ? x.unitsWithTarget : null,
            format: 'int',
          } satisfies Item,
        ]
      : []),
    item('previous', 'int'),
    item('yoy', 'change'),
    ...(showsPreceding(a.period) ? [item('preceding', 'int'), item('mom', 'change')] : []),
    item('ratePer10k', 'dec'),
    // A single month has no monthly reduction.
    ...(a.period.months > 1
      ? [
          {
            field: 'trend.avgMonthlyReduction.arithmetic',
            label: reductionLabel('arithmetic', r, lang),
            value: r.arithmetic,
            format: 'pct',
          } satisfies Item,
          {
            field: 'trend.avgMonthlyReduction.compound',
            label: reductionLabel('compound', r, lang),
            value: r.compound,
            format: 'pct',
          } satisfies Item,
        ]
      : []),
  ];
}

/**
 * The year to date (yearToDate.totals of the JSON result): against the annual targets, and the
 * units that have already reached theirs — named, in red, the first thing a bulletin raises.
 */
function yearToDateItems(a: Analysis, y: YearToDate, lang: Lang): Item[] {
  const t = BOOK[lang];
  const x = y.totals;
  const item = (key: keyof typeof x & ColumnLabel, format: Format, label = key): Item => ({
    field: `yearToDate.totals.${key}`,
    label: heading(label, lang),
    value: x[key] as Cell,
    format,
  });
  const r = y.trend.avgMonthlyReduction;
  const prorated = y.targets?.prorated === true;
  const reached = y.units.filter((u) => u.reachedAnnualTarget === true);
  const targetItems: Item[] = [
    item('target', 'target', prorated ? 'target' : 'annualTarget'),
    item('overTargetRate', 'over'),
    {
      field: 'yearToDate.totals.unitsOverTarget',
      label: t.unitsOver,
      value: x.unitsOverTarget,
      format: 'int',
    },
    ...(prorated ? [item('annualTarget', 'target')] : []),
    {
      field: 'yearToDate.totals.unitsReachedAnnualTarget',
      label: t.unitsReached,
      value: x.unitsReachedAnnualTarget,
      format: 'int',
    },
    // Each such unit on a row of its own, red: assessed so far / annual target.
    ...reached.map((u): Item => ({
      field: `yearToDate.units[${u.unit}].reachedAnnualTarget`,
      label: u.unit,
      value: reachedFigures(u.assessed, u.annualTarget!),
      format: 'alert',
    })),
  ];
  return [
    item('complaints', 'int'),
    item('appealApproved', 'int'),
    ...(a.settings.excludeUnsubstantiated ? [item('unsubstantiated', 'int')] : []),
    item('assessed', 'int'),
    ...(y.targets ? targetItems : []),
    item('previous', 'int'),
    item('yoy', 'change'),
    {
      field: 'yearToDate.trend.avgMonthlyReduction.arithmetic',
      label: reductionLabel('arithmetic', r, lang),
      value: r.arithmetic,
      format: 'pct',
    },
    {
      field: 'yearToDate.trend.avgMonthlyReduction.compound',
      label: reductionLabel('compound', r, lang),
      value: r.compound,
      format: 'pct',
    },
  ];
}

function itemsTable(items: readonly Item[], caption?: string): Table {
  return {
    ...(caption === undefined ? {} : { caption }),
    columns: [
      { key: 'item', label: 'item', format: 'text' },
      { key: 'value', label: 'value', format: 'pct' },
    ],
    rows: items.map((i): Row => ({ field: i.field, item: i.label, value: i.value })),
    rowFormats: items.map((i) => i.format),
    blank: '-',
  };
}

/** A month or a quarter: its own figures, then its year to date, each under its caption. */
function withYearToDate(a: Analysis, y: YearToDate, disciplines: Item[], lang: Lang): Table[] {
  const t = BOOK[lang];
  const p = a.period;
  const kind = p.kind === 'quarter' ? 'quarter' : 'month';
  const q = y.period;
  return [
    itemsTable(
      [...totalsItems(a, lang), ...disciplines],
      t.askedCaption(kind, p.from, p.to, p.yearEarlier),
    ),
    itemsTable(yearToDateItems(a, y, lang), t.ytdCaption(q.from, q.to, q.months, yearTargets(y))),
  ];
}

export function overviewSheet(a: Analysis, warnings: readonly Said[], lang: Lang): Sheet {
  const disciplines = a.categories.discipline.map((d): Item => ({
    field: `categories.discipline[${d.name}].complaints`,
    // 运检投诉, as 考核投诉 is written; 'operations complaints' in English.
    label: `${disciplineName(d.name, lang)}${lang === 'zh' ? '' : ' '}${heading('complaints', lang)}`,
    value: d.complaints,
    format: 'int',
  }));
  return {
    name: SHEET_NAMES[lang][0],
    tables: a.yearToDate
      ? withYearToDate(a, a.yearToDate, disciplines, lang)
      : [itemsTable([...totalsItems(a, lang), ...disciplines])],
    filter: false,
    notes: [...a.notes.map(say(lang)), ...warnings.map((w) => w[lang])],
    charts: ['trend', 'units'],
    bulletin: true,
  };
}
