/**
 * A bulletin table's column with no value in any row ("-" all down: 投诉同比 of a month whose
 * year earlier is not in the data) tells the reader nothing: it is left out, and the text says
 * once, with the first table that loses one, which tables, which columns and why. The tables are
 * named by their numbers (表2), as index.ts numbers them through the bulletin: "表中" read as
 * every table, beside a 表1 that shows the column.
 */
import type { Lang } from '../../../settings/types.js';
import { heading } from '../../labels.js';
import type { Column, Paragraph, Table } from '../../types.js';
import { totalsRows } from '../../types.js';

/** Why a column can be empty throughout, by its key. */
const REASONS: Record<Lang, Record<'year' | 'preceding' | 'target' | 'other', string>> = {
  zh: {
    year: '上年同期无可比数据',
    preceding: '上期无可比数据',
    // A targets file whose units match none in the data: its columns are empty, the data is not.
    target: '没有单位有指标',
    other: '无数据',
  },
  en: {
    year: 'no comparable data a year earlier',
    preceding: 'no comparable data for the period before',
    target: 'no unit has a target',
    other: 'no data',
  },
};

const TARGET_KEYS = new Set([
  'target',
  'overTargetRate',
  'overTarget',
  'annualTarget',
  'reachedAnnualTarget',
]);

const reasonOf = (key: string): 'year' | 'preceding' | 'target' | 'other' =>
  key === 'yoy' || key === 'previous' || key.startsWith('previous')
    ? 'year'
    : key === 'mom' || key === 'preceding'
      ? 'preceding'
      : TARGET_KEYS.has(key)
        ? 'target'
        : 'other';

const blank = (t: Table, c: Column) =>
  [...t.rows, ...totalsRows(t)].every((r) => r[c.key] === null || r[c.key] === undefined);

const label = (c: Column, lang: Lang) =>
  typeof c.label === 'string' ? heading(c.label, lang) : c.label.text;

interface Body {
  paragraphs: Paragraph[];
  tables: Table[];
}

/** The numbers of the tables, said as a reader would: 表2, 表2、表3; Table 2, Tables 2 and 3. */
function tableNames(numbers: readonly number[], lang: Lang): string {
  if (lang === 'zh') return numbers.map((n) => `表${n}`).join('、');
  if (numbers.length === 1) return `Table ${numbers[0]}`;
  return `Tables ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

/**
 * The bodies with their blank columns left out (a table with rows only), and the note said once
 * in the first body that lost one: "表2未列出投诉同比（各行均无数值：上年同期无可比数据）。"
 */
export function withoutBlankColumns<B extends Body>(bodies: readonly B[], lang: Lang): B[] {
  // Tables that lost the same columns, said together: "表1、表2未列出投诉同比", and a table that lost
  // others apart, so that no table is said to lack a column it never had.
  const groups = new Map<string, { tables: number[]; columns: Column[] }>();
  let first = -1;
  let numbered = 0;
  const out = bodies.map((body, i) => {
    const tables = body.tables.map((t) => {
      numbered++;
      if (t.rows.length === 0) return t;
      const gone = t.columns.filter((c) => blank(t, c));
      if (gone.length === 0) return t;
      const key = gone.map((c) => label(c, lang)).join('\n');
      const group = groups.get(key) ?? { tables: [], columns: gone };
      group.tables.push(numbered);
      groups.set(key, group);
      if (first < 0) first = i;
      return { ...t, columns: t.columns.filter((c) => !gone.includes(c)) };
    });
    return { ...body, tables };
  });
  if (first < 0) return out;
  const all = [...groups.values()];
  const reasons = [
    ...new Set(all.flatMap((g) => g.columns.map((c) => REASONS[lang][reasonOf(c.key)]))),
  ];
  const names = (g: { columns: Column[] }) => g.columns.map((c) => label(c, lang));
  const text =
    lang === 'zh'
      ? `${all.map((g) => `${tableNames(g.tables, lang)}未列出${names(g).join('、')}`).join('；')}（各行均无数值：${reasons.join('；')}）。`
      : `${all.map((g) => `${tableNames(g.tables, lang)} ${g.tables.length === 1 ? 'leaves' : 'leave'} out ${names(g).join(', ')}`).join('; ')}: no row has a value (${reasons.join('; ')}).`;
  const at = out[first]!;
  out[first] = { ...at, paragraphs: [...at.paragraphs, { runs: [text], ofTables: true }] };
  return out;
}
