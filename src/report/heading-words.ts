/**
 * The words the tables' Chinese headings are made of, and a heading cut into them: where the
 * bulletin's tables (docx-table.ts) and the workbook's (workbook.ts) may break a heading.
 */
import { CJK } from './word-metrics.js';

/**
 * The words the tables' Chinese headings are made of. A heading breaks between two of them,
 * never inside one: 上年同期 | 投诉 (not 上年同 | 期投诉), 已达 | 年度指标 (not 已达年 | 度指标),
 * 前四周 | 同日均值. A dictionary segmenter (Intl.Segmenter, ICU) cuts finer than a heading
 * may break (上|年|同期, 均|值, 占|比), so the words are listed here, from labels.ts's headings.
 */
const HEAD_WORDS = new Set([
  ...[
    '上年同期',
    '上期',
    '前四周',
    '营业',
    '同日均值',
    '年度指标',
    '已达',
    '折算',
    '指标',
    '超指标率',
  ],
  ...['超指标', '考核', '投诉', '申诉', '成功', '不属实', '占比', '同比', '环比', '万户', '投诉率'],
  ...['供电', '单位', '工单', '编号', '受理', '时间', '内容', '摘要', '分类', '季节', '指数'],
  ...['均值', '周数', '及时', '回复率', '办结率', '运检', '营销', '超时限', '平均', '中位'],
  ...['小时', '回访', '结果', '满意数', '满意率', '涉及', '重复', '客户', '户数', '件数'],
]);
const LONGEST_WORD = Math.max(...[...HEAD_WORDS].map((w) => w.length));

export const isChinese = (text: string) => [...text].every((c) => CJK.test(c));

/**
 * A Chinese heading in its words (HEAD_WORDS, longest first). Characters no word covers are a
 * word of their own when two or more (营业 | 投诉); one alone stays with the word before it
 * (有时间的 | 投诉), or with the one after at the start or when it opens a bracket (较同日均值
 * whole, 受理 | 内容 | （摘要）).
 */
export function headingWords(text: string): string[] {
  const chars = [...text];
  const words: string[] = [];
  let loose: string[] = [];
  const place = (next: string | null) => {
    const alone = loose.join('');
    loose = [];
    if (alone === '') return next;
    if (alone.length >= 2 && !OPENING.test(alone)) words.push(alone);
    else if (words.length > 0 && !OPENING.test(alone)) words[words.length - 1] += alone;
    else return alone + (next ?? '');
    return next;
  };
  for (let at = 0; at < chars.length;) {
    let length = Math.min(LONGEST_WORD, chars.length - at);
    while (length > 1 && !HEAD_WORDS.has(chars.slice(at, at + length).join(''))) length--;
    const word = chars.slice(at, at + length).join('');
    at += length;
    if (!HEAD_WORDS.has(word)) loose.push(word);
    else words.push(place(word)!);
  }
  const rest = place(null);
  if (rest !== null) words.push(rest);
  return words;
}

/** Opening brackets and quotes: a line never ends with one. */
const OPENING = /^[（《“〈「『【]/;
