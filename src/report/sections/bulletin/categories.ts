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
import { changeOf, count, rate, runs, type Piece } from './figures.js';
import { list } from './units.js';

/** How many hot spots (second-level classes) the text names. */
const NAMED_HOT_SPOTS = 5;

/** A class is named as a hot spot, or as rising, from this many complaints (or more) up. */
const MIN_NAMED = 2;

const ORDINALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ORDINALS_EN = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

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

/** "一是营业投诉7件，占43.75%，同比减少2件；二是……" */
function level1Paragraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const rows = byComplaints(a.categories.level1);
  if (rows.length === 0) return null;
  const compared = comparable(a, a.months);
  const items = rows.map((r: CategoryRow, i): Piece => {
    const p = `categories.level1[${r.code}]`;
    const n = count(r.complaints, `${p}.complaints`);
    const share = r.share === null ? null : rate(r.share, `${p}.share`);
    const c =
      compared &&
      changeOf(r.complaints, r.previous, r.yoy, {
        now: `${p}.complaints`,
        base: `${p}.previous`,
        rate: `${p}.yoy`,
      });
    const yoy =
      c &&
      (zh ? ['，同比', changeWords(c, lang)] : [', ', changeWords(c, lang), ' on a year earlier']);
    return zh
      ? [
          `${ORDINALS_ZH[i] ?? i + 1}是`,
          nameIn(r, lang),
          n,
          '件',
          share ? ['，占', share] : '',
          yoy,
        ]
      : [
          `${ORDINALS_EN[i] ?? `#${i + 1}`}, `,
          nameIn(r, lang),
          ' with ',
          n,
          share ? [' (', share, ')'] : '',
          yoy,
        ];
  });
  const unclassified = a.categories.unclassified;
  const rest =
    unclassified > 0 &&
    (zh
      ? ['；另有', count(unclassified, 'categories.unclassified'), '件未能分类']
      : ['; ', count(unclassified, 'categories.unclassified'), ' could not be classified']);
  return {
    runs: runs(
      zh ? '从一级分类看，' : 'By first-level class: ',
      items.flatMap((x, i) => (i === 0 ? [x] : [zh ? '；' : '; ', x])),
      rest,
      zh ? '。' : '.',
    ),
  };
}

function hotSpotsParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  // A class with one complaint is no hot spot unless there is nothing more.
  const withSome = a.hotspots.level2.filter((r) => r.complaints > 0);
  const repeated = withSome.filter((r) => r.complaints >= MIN_NAMED);
  const rows = (repeated.length > 0 ? repeated : withSome).slice(0, NAMED_HOT_SPOTS);
  if (rows.length === 0) return null;
  const items = rows.map((r) => {
    const n = count(r.complaints, `hotspots.level2[${r.code}].complaints`);
    return zh ? [nameIn(r, lang), '（', n, '件）'] : [nameIn(r, lang), ' (', n, ')'];
  });
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
  const items = rows.slice(0, NAMED_HOT_SPOTS).map((r) => {
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

/** The first-level table as the workbook has it, with the columns a bulletin prints. */
function level1Table(a: Analysis, lang: Lang): Table {
  const level1 = categoriesSheet(a, lang).tables[0]!;
  const keys = ['name', 'complaints', 'share', 'previous', 'yoy'];
  return { ...level1, columns: keys.flatMap((k) => level1.columns.filter((c) => c.key === k)) };
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
