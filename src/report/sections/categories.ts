/**
 * The classes: 分类 (level 1 with the unclassified, level 2, the disciplines, level 3) and
 * 热点 (the top classes, those rising fastest, the top three per unit, repeat complainants).
 */
import type { Analysis, CategoryRow } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, MODEL_DECIDED, SHEET_NAMES, disciplineName } from '../labels.js';
import type { Column, Row, Sheet, Table } from '../types.js';
import { say } from './notes.js';

/**
 * The widest a class name makes its column in the workbook: a longer English one wraps at its
 * spaces (Meter reading and / collection). Whole, four tables' class columns stacked on 热点
 * printed it in two strips across. Chinese names have no spaces and keep their width.
 */
const CLASS_WIDTH = 20;

const CATEGORY_COLUMNS: readonly Column[] = [
  { key: 'code', label: 'code', format: 'text' },
  { key: 'name', label: 'name', format: 'text', wraps: CLASS_WIDTH },
  { key: 'parent', label: 'parent', format: 'text', wraps: CLASS_WIDTH },
  { key: 'discipline', label: 'discipline', format: 'text' },
  { key: 'complaints', label: 'complaints', format: 'int' },
  { key: 'share', label: 'share', format: 'pct' },
  { key: 'previous', label: 'previous', format: 'int' },
  { key: 'yoy', label: 'yoy', format: 'change' },
];

const nameIn = (r: { name: string; nameEn: string }, lang: Lang) =>
  lang === 'zh' ? r.name : r.nameEn;

/** Category rows, each naming its parent class rather than giving its code. */
function categoryRows(a: Analysis, lang: Lang): (r: CategoryRow) => Row {
  const nameOf = new Map(
    [...a.categories.level1, ...a.categories.level2].map((r) => [r.code, nameIn(r, lang)]),
  );
  return (r) => ({
    code: r.code,
    name: nameIn(r, lang),
    parent: r.parent ? (nameOf.get(r.parent) ?? r.parent) : null,
    discipline: disciplineName(r.discipline, lang),
    complaints: r.complaints,
    share: r.share,
    previous: r.previous,
    yoy: r.yoy,
  });
}

/** `classifiedBy`: how the complaints read were classified; a note when the model decided any. */
export function categoriesSheet(
  a: Analysis,
  lang: Lang,
  classifiedBy?: Record<'columns' | 'rules' | 'model' | 'unclassified', number>,
): Sheet {
  const t = BOOK[lang];
  const x = a.totals;
  const row = categoryRows(a, lang);
  const unclassified = a.categories.unclassified;
  const level1: Table = {
    caption: t.level1,
    // A first-level class has no parent.
    columns: CATEGORY_COLUMNS.filter((c) => c.key !== 'parent'),
    rows: [
      ...a.categories.level1.map(row),
      ...(unclassified > 0
        ? [
            {
              name: t.unclassified,
              complaints: unclassified,
              share: unclassified / Math.max(1, x.complaints),
            },
          ]
        : []),
    ],
    totals: {
      name: t.total,
      complaints: x.complaints,
      share: x.complaints > 0 ? 1 : null,
      previous: x.previous,
      yoy: x.yoy,
    },
  };
  const level2: Table = {
    caption: t.level2,
    columns: CATEGORY_COLUMNS,
    rows: a.categories.level2.map(row),
  };
  // The disciplines add up the classified complaints only.
  const classified = a.categories.classified;
  const discipline: Table = {
    caption: t.discipline,
    columns: [
      { key: 'name', label: 'discipline', format: 'text' },
      { key: 'complaints', label: 'complaints', format: 'int' },
      { key: 'share', label: 'share', format: 'pct' },
      { key: 'previous', label: 'previous', format: 'int' },
      { key: 'yoy', label: 'yoy', format: 'change' },
    ],
    rows: a.categories.discipline.map((d) => ({
      name: disciplineName(d.name, lang),
      complaints: d.complaints,
      share: d.share,
      previous: d.previous,
      yoy: d.yoy,
    })),
    totals: {
      name: t.total,
      complaints: classified.complaints,
      share: classified.complaints > 0 ? classified.complaints / Math.max(1, x.complaints) : null,
      previous: classified.previous,
      yoy: classified.yoy,
    },
  };
  const level3: Table = {
    caption: t.level3,
    columns: CATEGORY_COLUMNS,
    rows: a.categories.level3.map(row),
  };
  return {
    name: SHEET_NAMES[lang][3],
    tables: [level1, level2, discipline, ...(level3.rows.length > 0 ? [level3] : [])],
    filter: true,
    notes: classifiedBy && classifiedBy.model > 0 ? [MODEL_DECIDED[lang].sheet(classifiedBy)] : [],
    charts: ['categories', 'discipline'],
  };
}

function risingTable(a: Analysis, lang: Lang): Table | null {
  const rising = a.hotspots.rising;
  if (!rising || rising.categories.length === 0) return null;
  return {
    caption: BOOK[lang].rising(rising.basis),
    columns: [
      { key: 'code', label: 'code', format: 'text' },
      { key: 'name', label: 'name', format: 'text', wraps: CLASS_WIDTH },
      { key: 'base', label: 'base', format: 'int' },
      { key: 'complaints', label: 'complaints', format: 'int' },
      { key: 'increase', label: 'increase', format: 'int' },
      { key: 'rate', label: rising.basis, format: 'change' },
    ],
    rows: rising.categories.map((r) => ({
      code: r.code,
      name: nameIn(r, lang),
      base: r.base,
      complaints: r.complaints,
      increase: r.increase,
      rate: r.rate,
    })),
  };
}

const PLACES = [1, 2, 3] as const;

/** Each place in three columns of its own: the class, its complaints, its share of the unit's. */
function topPerUnitTable(a: Analysis, lang: Lang): Table {
  return {
    caption: BOOK[lang].topPerUnit,
    columns: [
      { key: 'unit', label: 'unit', format: 'text' },
      { key: 'complaints', label: 'complaints', format: 'int' },
      ...PLACES.flatMap((i): Column[] => [
        { key: `top${i}`, label: `top${i}`, format: 'text', wraps: CLASS_WIDTH },
        { key: `top${i}Complaints`, label: 'placeComplaints', format: 'int' },
        { key: `top${i}Share`, label: 'placeShare', format: 'pct' },
      ]),
    ],
    rows: a.hotspots.byUnit.map((u) => {
      const row: Record<string, string | number | null> = {
        unit: u.unit,
        complaints: u.complaints,
      };
      // A unit with fewer classes than places leaves the rest empty, not "-".
      u.top.slice(0, PLACES.length).forEach((top, p) => {
        row[`top${p + 1}`] = nameIn(top, lang);
        row[`top${p + 1}Complaints`] = top.complaints;
        row[`top${p + 1}Share`] = top.share;
      });
      return row;
    }),
  };
}

/**
 * A customer id or phone number as the management workbook shows it: the last four characters
 * (at most half), enough to find the customer in 明细, the rest masked.
 */
export function maskedComplainant(key: string): string {
  const chars = [...key];
  const shown = Math.min(4, Math.floor(chars.length / 2));
  return '*'.repeat(chars.length - shown) + chars.slice(chars.length - shown).join('');
}

function repeatTables(a: Analysis, lang: Lang): Table[] {
  const t = BOOK[lang];
  const repeat = a.repeatComplainants;
  const tables: Table[] = [];
  for (const [caption, list] of [
    [t.repeatCustomers, repeat?.byCustomer],
    [t.repeatPhones, repeat?.byPhone],
  ] as const) {
    if (!list) continue;
    tables.push({
      caption: caption(list.complainants, list.complaints),
      columns: [
        { key: 'key', label: 'complainant', format: 'text' },
        { key: 'complaints', label: 'complaints', format: 'int' },
        { key: 'units', label: 'units', format: 'text' },
      ],
      rows: list.top.map((r) => ({
        key: maskedComplainant(r.key),
        complaints: r.complaints,
        units: r.units.join(t.listSeparator),
      })),
    });
  }
  return tables;
}

export function hotspotsSheet(a: Analysis, lang: Lang): Sheet {
  const t = BOOK[lang];
  const row = categoryRows(a, lang);
  const rising = risingTable(a, lang);
  const repeats = repeatTables(a, lang);
  return {
    name: SHEET_NAMES[lang][5],
    tables: [
      { caption: t.level2, columns: CATEGORY_COLUMNS, rows: a.hotspots.level2.map(row) },
      ...(a.hotspots.level3.length > 0
        ? [{ caption: t.level3, columns: CATEGORY_COLUMNS, rows: a.hotspots.level3.map(row) }]
        : []),
      ...(rising ? [rising] : []),
      topPerUnitTable(a, lang),
      ...repeats,
    ],
    filter: true,
    notes: [
      ...a.notes.filter((n) => n.code === 'no-repeat').map(say(lang)),
      ...(repeats.some((r) => r.rows.length > 0) ? [t.repeatMasked] : []),
    ],
    charts: [],
  };
}
