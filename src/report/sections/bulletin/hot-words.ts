/**
 * 热点问题 from the complaint texts, closing 分类及热点: the words most complaints use, then the
 * words new or markedly more frequent than in the baseline — "本期投诉热词主要是电费（6件）、停电
 * （5件）……；较上月新出现或明显增多的有：阶梯电价（由2件增至15件）". Every number is a figure
 * of `hotWords[]` in the JSON result. A period whose complaints have no text says so once.
 */
import type { HotWords } from '../../../ingest/hot-words-run.js';
import type { HotWordRow } from '../../../metrics/hot-words.js';
import type { Lang } from '../../../settings/types.js';
import type { Paragraph } from '../../types.js';
import { count, runs, topGroups, type Piece } from './figures.js';
import { list } from './units.js';

/** Words the paragraph names, and emerging terms. */
const NAMED_WORDS = 5;
const NAMED_EMERGING = 5;

/** What the baseline is called: 上月 for a month, 上期 otherwise, 上年同期. */
function baselineWords(h: HotWords, lang: Lang): string {
  const zh = lang === 'zh';
  if (h.basis === 'yearEarlier') return zh ? '上年同期' : 'a year earlier';
  const month = h.period.from === h.period.to && h.period.from.length === 7;
  return zh ? (month ? '上月' : '上期') : month ? 'the month before' : 'the period before';
}

const path = (r: HotWordRow) => `hotWords[${r.word}]`;

export function hotWordsParagraphs(h: HotWords | null, lang: Lang): Paragraph[] {
  if (!h) return [];
  const zh = lang === 'zh';
  if (h.texts === 0)
    return [
      {
        runs: runs(
          zh
            ? '本期投诉没有受理内容，未统计热词。'
            : 'The complaints of the period have no text, so no hot words are given.',
        ),
      },
    ];
  // Ties stay whole: a list never names one of three words said in 3 complaints.
  const words = topGroups(
    h.rows.filter((r) => r.kind === 'word' && r.top),
    (r) => r.count,
    NAMED_WORDS,
  ).flat();
  if (words.length === 0) return [];
  const named = words.map((r): Piece => {
    const n = count(r.count, `${path(r)}.count`);
    return zh ? [r.word, '（', n, '件）'] : [r.word, ' (', n, ')'];
  });
  // A phrase written as a word is (电压 + 偏低, 电压偏低) would point at the word's row.
  const wordSet = new Set(h.rows.filter((r) => r.kind === 'word').map((r) => r.word));
  const emerging = h.rows
    .filter((r) => r.emerging && r.baseline !== null && (r.kind === 'word' || !wordSet.has(r.word)))
    .slice(0, NAMED_EMERGING)
    .map((r): Piece => {
      const from = count(r.baseline!, `${path(r)}.baseline`);
      const to = count(r.count, `${path(r)}.count`);
      return zh
        ? r.baseline === 0
          ? [r.word, '（新出现，', to, '件）']
          : [r.word, '（由', from, '件增至', to, '件）']
        : r.baseline === 0
          ? [r.word, ' (new, ', to, ')']
          : [r.word, ' (from ', from, ' to ', to, ')'];
    });
  const base = baselineWords(h, lang);
  return [
    {
      runs: runs(
        zh
          ? '从受理内容看，本期投诉热词主要是'
          : 'In the complaint texts the most frequent words were ',
        list(named, lang),
        emerging.length > 0
          ? zh
            ? ['；较', base, '新出现或明显增多的有：', list(emerging, lang)]
            : ['; new or markedly more frequent than ', base, ': ', list(emerging, lang)]
          : null,
        zh ? '。' : '.',
      ),
    },
  ];
}
