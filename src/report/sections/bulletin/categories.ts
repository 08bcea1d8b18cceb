/**
 * 分类及热点: the complaints by discipline and by first-level class ("一是……（占比x%），二是……"),
 * the second-level hot spots with their counts, and the second-level classes rising fastest
 * (as counts: their bases are small). Then the first-level table and the categories chart.
 */
import type { Analysis, CategoryRow } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import { disciplineName } from '../../labels.js';
import type { Paragraph, Table } from '../../types.js';
import { categoriesSheet } from '../categories.js';
import { changeWords, comparable } from './overall.js';
import { changeOf, count, rate, runs, topGroups, type Piece } from './figures.js';
import { groupWords, list } from './units.js';

/** How many hot spots (second-level classes) the text names. */
const NAMED_HOT_SPOTS = 5;

/** A class is named as a hot spot, or as rising, from this many complaints (or more) up. */
const MIN_NAMED = 2;

const ORDINALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const nameIn = (r: { name: string; nameEn: string }, lang: Lang) =>
  lang === 'zh' ? r.name : r.nameEn;

/** Most complaints first; the taxonomy's order among equals. */
const byComplaints = <T extends { complaints: number }>(rows: readonly T[]): T[] =>
  rows
    .map((r, i) => [r, i] as const)
    .filter(([r]) => r.complaints > 0)
    .sort((x, y) => y[0].complaints - x[0].complaints || x[1] - y[1])
    .map(([r]) => r);

function disciplineParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const rows = byComplaints(a.categories.discipline);
  if (rows.length === 0) return null;
  const items = rows.map((d) => {
    const p = `categories.discipline[${d.name}]`;
    const n = count(d.complaints, `${p}.complaints`);
    const share = d.share === null ? null : rate(d.share, `${p}.share`);
    const name = disciplineName(d.name, lang);
    return zh
      ? [name, '专业', n, '件', share ? ['，占', share] : '']
      : [name, ' ', n, share ? [' (', share, ')'] : ''];
  });
  return {
    runs: runs(
      zh ? '按专业分，' : 'By discipline: ',
      items.flatMap((x, i) => (i === 0 ? [x] : [zh ? '；' : '; ', x])),
      zh ? '。' : '.',
    ),
  };
}

/** 1 → 一, 12 → 十二, 23 → 二十三: the ordinals of 一是、二是 … */
export function numeralZh(n: number): string {
  const digit = (d: number) => ORDINALS_ZH[d - 1]!;
  if (n <= 10) return digit(n);
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digit(tens)}十${n % 10 === 0 ? '' : digit(n % 10)}`;
}

/**
 * A class's change on a year earlier: always the count, and the rate beside it where the base
 * carries one — "同比增加3件（上升30%）", "同比减少2件", "同比持平".
 */
function classChange(r: CategoryRow, p: string, lang: Lang): Piece {
  const zh = lang === 'zh';
  const paths = { now: `${p}.complaints`, base: `${p}.previous`, rate: `${p}.yoy` };
  const c = changeOf(r.complaints, r.previous, r.yoy, paths);
  if (c === null) return null;
  if (c.kind !== 'rate')
    return zh ? ['同比', changeWords(c, lang)] : [changeWords(c, lang), ' on a year earlier'];
  const up = c.up;
  const by = count(Math.abs(r.complaints - r.previous!), {
    minus: up ? [paths.now, paths.base] : [paths.base, paths.now],
  });
  return zh
    ? ['同比', up ? '增加' : '减少', by, '件（', changeWords(c, lang), '）']
    : // It stands in the class's bracket: "up 33 or 143.48%", never a bracket in a bracket.
      [up ? 'up ' : 'down ', by, ' or ', c.figure, ' on a year earlier'];
}

/** "一是营业投诉7件，占43.75%，同比减少2件；二是……" */
function level1Paragraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const rows = byComplaints(a.categories.level1);
  if (rows.length === 0) return null;
  const compared = comparable(a, a.months);
  // Two level at the top: none "led", so the English lists them without the verbs.
  const level = rows.length > 1 && rows[1]!.complaints === rows[0]!.complaints;
  const items = rows.map((r: CategoryRow, i): Piece => {
    const p = `categories.level1[${r.code}]`;
    const n = count(r.complaints, `${p}.complaints`);
    const share = r.share === null ? null : rate(r.share, `${p}.share`);
    const change = compared && classChange(r, p, lang);
    if (zh)
      return [
        `${numeralZh(i + 1)}是`,
        nameIn(r, lang),
        n,
        '件',
        share ? ['，占', share] : '',
        change && ['，', change],
      ];
    const figures = [n, ' (', share ? [share, change ? ', ' : ''] : '', change, ')'];
    if (i === 0) return [nameIn(r, lang), level ? ' ' : ' led with ', figures];
    const and = i === rows.length - 1 && i > 1 ? 'and ' : '';
    return [and, nameIn(r, lang), level ? ' ' : ' with ', figures];
  });
  const unclassified = a.categories.unclassified;
  const rest =
    unclassified > 0 &&
    (zh
      ? ['；另有', count(unclassified, 'categories.unclassified'), '件未能分类']
      : ['; another ', count(unclassified, 'categories.unclassified'), ' could not be classified']);
  return {
    runs: runs(
      zh ? '从一级分类看，' : level ? 'By first-level class: ' : 'By first-level class, ',
      items.flatMap((x, i) =>
        i === 0 ? [x] : [zh ? '；' : i === 1 && !level ? ', followed by ' : ', ', x],
      ),
      rest,
      zh ? '。' : '.',
    ),
  };
}

function hotSpotsParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  // A class with one complaint is no hot spot unless there is nothing more; ties stay whole.
  const withSome = a.hotspots.level2.filter((r) => r.complaints > 0);
  const repeated = withSome.filter((r) => r.complaints >= MIN_NAMED);
  const groups = topGroups(
    repeated.length > 0 ? repeated : withSome,
    (r) => r.complaints,
    NAMED_HOT_SPOTS,
  );
  if (groups.length === 0) return null;
  const items = groups.map((g) =>
    groupWords(
      g.map((r) => nameIn(r, lang)),
      count(g[0]!.complaints, `hotspots.level2[${g[0]!.code}].complaints`),
      lang,
    ),
  );
  return {
    runs: runs(
      zh ? '热点问题（二级分类）主要是' : 'The hot spots (second-level classes) were ',
      list(items, lang),
      zh ? '。' : '.',
    ),
  };
}

function risingParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const rising = comparable(a, a.months) ? a.hotspots.rising : null;
  // A rise of one complaint is noise, not a trend.
  const rows = rising?.categories.filter((r) => r.increase >= MIN_NAMED) ?? [];
  if (!rising || rows.length === 0) return null;
  // Ties stay whole, as in the hot spots: naming two of three classes that rose by 2 says the
  // third rose less.
  const named = topGroups(rows, (r) => r.increase, NAMED_HOT_SPOTS).flat();
  const items = named.map((r) => {
    const p = `hotspots.rising.categories[${r.code}]`;
    const from = count(r.base, `${p}.base`);
    const to = count(r.complaints, `${p}.complaints`);
    return zh
      ? [nameIn(r, lang), '（由', from, '件增至', to, '件）']
      : [nameIn(r, lang), ' (from ', from, ' to ', to, ')'];
  });
  const basis =
    rising.basis === 'yoy'
      ? zh
        ? '与上年同期相比'
        : 'on a year earlier'
      : zh
        ? '与上期相比'
        : 'on the period before';
  return {
    runs: runs(
      zh ? [basis, '，增加较多的二级分类有'] : ['Rising most ', basis, ': '],
      list(items, lang),
      zh ? '。' : '.',
    ),
  };
}

/**
 * The first-level table as the workbook has it, with the columns a bulletin prints, its rows
 * ranked as the text ranks them (the workbook keeps the taxonomy's order).
 */
function level1Table(a: Analysis, lang: Lang): Table {
  const level1 = categoriesSheet(a, lang).tables[0]!;
  const keys = comparable(a, a.months)
    ? ['name', 'complaints', 'share', 'previous', 'yoy']
    : ['name', 'complaints', 'share'];
  // Ranked as the sentence above it names them (一是、二是 …): most complaints first.
  const ranked = level1.rows
    .map((r, i) => [r, i] as const)
    .sort(([x, i], [y, j]) => Number(y.complaints ?? 0) - Number(x.complaints ?? 0) || i - j)
    .map(([r]) => r);
  return {
    ...level1,
    rows: ranked,
    caption: lang === 'zh' ? '一级分类投诉情况' : 'Complaints by first-level class',
    columns: keys.flatMap((k) => level1.columns.filter((c) => c.key === k)),
  };
}

export function categoriesSection(a: Analysis, lang: Lang) {
  if (a.totals.complaints === 0) return null;
  const paragraphs = [
    level1Paragraph(a, lang),
    disciplineParagraph(a, lang),
    hotSpotsParagraph(a, lang),
    risingParagraph(a, lang),
  ].filter((p): p is Paragraph => p !== null);
  return { paragraphs, tables: [level1Table(a, lang)], charts: ['categories' as const] };
}
