/**
 * The hot words in the report: the 热词 sheet (words, phrases, emerging terms, each unit's
 * words with --hot-words-by unit), its bar chart, and the terminal's few lines. The figures are
 * the JSON's `hotWords[]` (ingest/hot-words-run.ts); a period whose complaints have no text
 * says so once instead of showing empty tables.
 */
import type { HotWords } from '../../ingest/hot-words-run.js';
import type { HotWordRow } from '../../metrics/hot-words.js';
import { EMERGING_G2, MIN_EMERGING_COUNT } from '../../metrics/hot-words.js';
import type { Lang } from '../../settings/types.js';
import { formatInt } from '../format.js';
import { HOT_WORDS, spanWords } from '../labels.js';
import type { ChartBase, Column, Format, HotWordsChart, Sheet, Table } from '../types.js';

/** Bars in the chart: the words with the most complaints. */
const CHART_WORDS = 15;
/** Words, phrases and emerging terms in the terminal's lines. */
const TERMINAL_WORDS = 8;
const TERMINAL_PHRASES = 5;
const TERMINAL_EMERGING = 5;

/** The baseline in words: 上期, 上年同期; null without one. */
export function basisWords(h: HotWords, lang: Lang): string | null {
  return h.basis ? HOT_WORDS[lang].basis[h.basis]! : null;
}

const classesText = (r: HotWordRow, lang: Lang) =>
  HOT_WORDS[lang].list(
    r.classes.map((c) => `${lang === 'zh' ? c.name : c.nameEn} ${formatInt(c.count)}`),
  );

function column(key: keyof (typeof HOT_WORDS)['zh']['columns'], format: Format, lang: Lang) {
  return { key, label: { text: HOT_WORDS[lang].columns[key] }, format } satisfies Column;
}

function termTable(
  caption: string,
  rows: readonly HotWordRow[],
  h: HotWords,
  lang: Lang,
  /** What the first column holds: words or two-word phrases. */
  kind: 'word' | 'phrase',
): Table {
  const t = HOT_WORDS[lang];
  const based = h.basis !== null;
  const columns = [
    // Keyed 'word' either way (the rows' field); headed by what it holds.
    { ...column('word', 'text', lang), label: { text: t.columns[kind] } },
    column('count', 'int', lang),
    column('share', 'pct', lang),
    ...(based ? [column('baseline', 'int', lang)] : []),
    ...(h.yearEarlierTexts !== null && h.basis !== 'yearEarlier'
      ? [column('yearEarlier', 'int', lang)]
      : []),
    ...(based ? [column('change', 'change', lang), column('emerging', 'text', lang)] : []),
    column('classes', 'text', lang),
  ];
  return {
    caption,
    columns,
    rows: rows.map((r) => ({
      word: r.word,
      count: r.count,
      share: r.share,
      baseline: r.baseline,
      yearEarlier: r.yearEarlier,
      change: r.change,
      // null, not '': a column with no emerging word is left out (withoutEmptyColumns).
      emerging: r.emerging ? t.yes : null,
      classes: classesText(r, lang),
    })),
  };
}

function emergingTable(h: HotWords, lang: Lang): Table | null {
  const t = HOT_WORDS[lang];
  const rows = h.rows.filter((r) => r.emerging);
  if (rows.length === 0 || !h.basis) return null;
  return {
    caption: t.emerging(basisWords(h, lang)!),
    columns: [
      column('word', 'text', lang),
      column('kind', 'text', lang),
      column('count', 'int', lang),
      column('baseline', 'int', lang),
      column('change', 'change', lang),
      column('g2', 'fixed', lang),
      column('classes', 'text', lang),
    ],
    rows: rows.map((r) => ({
      word: r.word,
      kind: t.kinds[r.kind],
      count: r.count,
      baseline: r.baseline,
      change: r.change,
      g2: r.g2,
      classes: classesText(r, lang),
    })),
  };
}

function unitsTable(h: HotWords, lang: Lang): Table | null {
  if (!h.units) return null;
  const t = HOT_WORDS[lang];
  return {
    caption: t.byUnit,
    columns: [
      column('unit', 'text', lang),
      column('texts', 'int', lang),
      column('unitWords', 'text', lang),
    ],
    rows: h.units.map((u) => ({
      unit: u.unit,
      texts: u.texts,
      unitWords: t.list(u.words.map((w) => `${w.word} ${formatInt(w.count)}`)),
    })),
  };
}

export function hotWordsSheet(h: HotWords, lang: Lang): Sheet {
  const t = HOT_WORDS[lang];
  if (h.texts === 0)
    return { name: t.sheet, tables: [], filter: false, notes: [t.noTexts], charts: [] };
  const words = h.rows.filter((r) => r.kind === 'word' && r.top);
  const phrases = h.rows.filter((r) => r.kind === 'phrase' && r.top);
  const tables = [
    termTable(t.words(spanWords(h.period, lang), h.texts), words, h, lang, 'word'),
    ...(phrases.length > 0 ? [termTable(t.phrases, phrases, h, lang, 'phrase')] : []),
    emergingTable(h, lang),
    unitsTable(h, lang),
  ].filter((x): x is Table => x !== null);
  return {
    name: t.sheet,
    tables,
    filter: true,
    notes: t.notes(basisWords(h, lang), MIN_EMERGING_COUNT, EMERGING_G2),
    charts: words.length > 0 ? ['hotWords'] : [],
  };
}

export function hotWordsChart(h: HotWords, lang: Lang): HotWordsChart | null {
  const words = h.rows.filter((r) => r.kind === 'word' && r.top);
  if (words.length === 0) return null;
  const t = HOT_WORDS[lang];
  const shown = words.slice(0, CHART_WORDS);
  const base: ChartBase = { title: t.chart, subtitle: t.chartSubtitle(spanWords(h.period, lang)) };
  return {
    ...base,
    name: 'hotWords',
    categories: shown.map((r) => r.word),
    series: [{ name: HOT_WORDS[lang].columns.count, values: shown.map((r) => r.count) }],
  };
}

/** The terminal's lines: the top words, the top phrases, the emerging terms. */
export function hotWordsLines(h: HotWords, lang: Lang): string[] {
  const t = HOT_WORDS[lang];
  if (h.texts === 0) return [t.terminalNoTexts];
  const sep = lang === 'zh' ? '，' : ', ';
  const items = (rows: HotWordRow[]) =>
    rows.map((r) => `${r.word} ${formatInt(r.count)}`).join(sep);
  const words = h.rows.filter((r) => r.kind === 'word' && r.top);
  const phrases = h.rows.filter((r) => r.kind === 'phrase' && r.top);
  const emerging = h.rows.filter((r) => r.emerging).slice(0, TERMINAL_EMERGING);
  const colon = ': ';
  return [
    `${t.terminal(h.texts)}${colon}${items(words.slice(0, TERMINAL_WORDS)) || '-'}`,
    ...(phrases.length > 0
      ? [`${t.terminalPhrases}${colon}${items(phrases.slice(0, TERMINAL_PHRASES))}`]
      : []),
    ...(emerging.length > 0 && h.basis
      ? [
          `${t.terminalEmerging(basisWords(h, lang)!)}${colon}` +
            emerging
              .map((r) => `${r.word} ${formatInt(r.baseline ?? 0)}→${formatInt(r.count)}`)
              .join(sep),
        ]
      : []),
  ];
}
