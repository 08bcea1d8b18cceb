/**
 * The rules classifier's fast paths against straightforward references: the keyword index
 * (keywords.ts) against startsWith at every position, the scores and the order of the evidence
 * against indexOf per keyword, and what a pattern needs to match (regex-first.ts: the characters
 * a match begins with, the words the text must hold) against where the pattern really matches.
 */
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/taxonomy/classify.js';
import { splitClauses } from '../../src/taxonomy/clauses.js';
import { KeywordIndex, PAIR, SINGLE } from '../../src/taxonomy/keywords.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { normalizeText } from '../../src/taxonomy/normalize.js';
import {
  patternNeeds,
  patternStarts,
  StartScan,
  type Starts,
} from '../../src/taxonomy/regex-first.js';

/** Keywords that overlap, nest, share first characters and end where others begin. */
const WORDS = [
  '电',
  '电表',
  '电表箱',
  '停电',
  '停电通知',
  '通知',
  '知道',
  '表',
  '表箱',
  '箱',
  'ab',
  'abc',
  'b',
  '１２',
];
const TEXTS = [
  '',
  '电',
  '停电通知电表箱表箱',
  '停电通知，电表箱。表',
  '停停电电表表箱箱',
  'abcab b abc',
  '电表箱电表箱电表',
  '通知道知道',
  '１２１２',
];

/** Every (position, keyword id) by startsWith, in the order the index gives them. */
function reference(words: string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const here = words.flatMap((w, id) => (text.startsWith(w, i) ? [id] : []));
    here.sort((a, b) => (words[a]!.length === 1 ? -1 : words[b]!.length === 1 ? 1 : a - b));
    for (const id of here) found.push([i, id]);
  }
  return found;
}

function viaIndex(index: KeywordIndex, text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const first = text.charCodeAt(i);
    if ((index.starts[first]! & SINGLE) !== 0) found.push([i, index.single[first]!]);
    if ((index.starts[first]! & PAIR) !== 0 && i + 1 < text.length) {
      const slot = index.slot(first, text.charCodeAt(i + 1));
      if (slot < 0) continue;
      for (let b = index.from[slot]!; b < index.to[slot]!; b++) {
        const id = index.ids[b]!;
        if (text.startsWith(index.texts[id]!, i)) found.push([i, id]);
      }
    }
  }
  return found;
}

describe('keyword index', () => {
  const index = new KeywordIndex(WORDS);
  it.each(TEXTS)('%j: the same keywords at the same places, in the same order', (text) => {
    expect(viaIndex(index, text)).toEqual(reference(WORDS, text));
  });

  it('finds every keyword of the shipped taxonomy in a text made of them all', () => {
    const words = [
      ...new Set(
        loadTaxonomy('sgcc-95598').nodes.flatMap((n) =>
          n.rules.filter((r) => !r.regex).map((r) => r.text),
        ),
      ),
    ];
    const text = words.join('，');
    expect(viaIndex(new KeywordIndex(words), text)).toEqual(reference(words, text));
  });
});

describe('classifier scores and evidence against indexOf per keyword', () => {
  const taxonomy = loadTaxonomy('sgcc-95598');
  const classifier = new Classifier(taxonomy);
  const rules = taxonomy.nodes.flatMap((node, i) =>
    node.rules.filter((r) => !r.regex).map((r) => ({ ...r, node: i })),
  );
  const words = [...new Set(rules.map((r) => r.text))];

  /** Each node's points (keywords and patterns), and the keywords in the order of their first counting occurrence. */
  function score(text: string): { own: number[]; order: string[] } {
    const normal = normalizeText(text, taxonomy.text);
    const { spans } = splitClauses(normal);
    const factorAt = (at: number) => spans.find((s) => s.end > at && s.start <= at)?.factor ?? 1;
    const own = taxonomy.nodes.map(() => 0);
    const first: [number, number, string][] = [];
    words.forEach((word, id) => {
      let best = -1;
      let firstAt = -1;
      for (let at = normal.indexOf(word); at >= 0; at = normal.indexOf(word, at + 1)) {
        if (firstAt < 0) firstAt = at;
        best = Math.max(best, factorAt(at));
      }
      if (best < 0) return;
      first.push([firstAt, word.length === 1 ? -1 : id, word]);
      for (const r of rules) if (r.text === word) own[r.node]! += r.weight * best;
    });
    taxonomy.nodes.forEach((node, i) => {
      for (const r of node.rules) {
        const m = r.regex?.exec(normal);
        if (m) own[i]! += r.weight * (spans.find((s) => s.end > m.index)?.factor ?? 1);
      }
    });
    first.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return { own, order: first.map((f) => f[2]) };
  }

  it.each([
    '停电通知没收到，但停电了三次',
    '不是抢修慢，是同一条线路一个月跳闸5次',
    '電錶走字太快，電費多收了',
    '停電通知提前一周就看到了，通知没问题，问题是说好5点来电到10点还没电',
    '电表读数１２３４，一天跳了２００多度',
    '之前的抢修已处理好。本次反映电压低，电压不稳',
    '抢修抢修抢修，态度差；另外电费也贵',
    '冇电三日，电牙好低，超表员冇来',
    '经常停电，停电通知也没发',
    '停了5次电，跳了好几回',
    '频繁停电，频率不对，公告说是检修',
    '欠费了？余额还有，交电费也交了',
    '好几个月了电压低，一年来都这样',
    '一天跳了200多度，一个晚上走了30度',
    '停电三天，没电两昼夜',
    '营业员说：“你这个电费”',
  ])('%s', (text) => {
    const c = classifier.byText(text);
    const internals = classifier as unknown as {
      own: Float64Array;
      hits: number[];
      keywordList: { text: string }[];
    };
    const expected = score(text);
    expect([...internals.own]).toEqual(expected.own);
    expect(internals.hits.filter((h) => h >= 0).map((h) => internals.keywordList[h]!.text)).toEqual(
      expected.order,
    );
    expect(c.method).toBe('rules');
  });
});

/** Whether a match of a pattern with these starts can begin at position i. */
const canBegin = (starts: Starts, text: string, i: number): boolean =>
  starts.any.has(text.charCodeAt(i)) ||
  (starts.pairs.get(text.charCodeAt(i))?.has(text.charCodeAt(i + 1)) ?? false);

/** A pattern's starts as text: the characters alone, then first+seconds. */
const shown = (s: Starts | null): string | null =>
  s &&
  [
    [...s.any]
      .sort((a, b) => a - b)
      .map((u) => String.fromCharCode(u))
      .join(''),
    ...[...s.pairs]
      .sort((a, b) => a[0] - b[0])
      .map(([u, next]) => String.fromCharCode(u, ...[...next].sort((a, b) => a - b))),
  ].join(' ');

describe('where a match of a pattern can begin', () => {
  it.each([
    ['收[了取]?[^，。；]{0,6}[0-9]+元', '收'],
    ['“[^”]{0,8}[^电”]费”', '“'],
    ['(结果|可|却|但|实际)[^。；]{0,12}(就|便)', '但却可 实际 结果'],
    ['(停|断|跳)[^，。；]{0,5}([3-9]|[1-9][0-9])[余多]?(次|回)', '停断跳'],
    ['(?<![是要])(?:并|倒|也|而)?不是(?!很|太)|并非', ' 不是 也不 倒不 并不非 而不'],
    ['a?b*c', 'c abc bbc'],
    ['(?:ab)+|x{2,3}', ' ab xx'],
    ['[0-3]z', ' 0z 1z 2z 3z'],
    ['x\\dy', ' x0123456789'],
    ['^a|b$', 'ab'],
    ['(?<x>天|夜)(?=里)', '夜天'],
    ['一(?:天|晚上)', ' 一天晚'],
    ['好几个?月', ' 好几'],
    ['\\b次', '次'],
  ])('%s → %s', (source, starts) => expect(shown(patternStarts(source))).toBe(starts));

  it.each(['[^x]y', '.a', 'a|', 'a*', '\\w', '(?=a)', 'a{0,2}', '(a)\\1|', '\\1a', '[\\d]b'])(
    '%s: any character (null)',
    (source) => expect(patternStarts(source)).toBeNull(),
  );

  it.each([
    ['(频繁|经常)(?=[^]*(通知|公告))', ' 公告 通知'],
    ['(?<=(停电|没电)[^。]{0,6})天', ' 停电 没电'],
    ['(他|她)[^，]{0,8}说[:：]?“', ' 说:“：'],
    ['(结果|可)[^。]{0,3}(就|便)', '便就'],
    // What the starts already ask for: no more.
    ['(欠费|余额)', null],
    ['(个把月|好几个月)', null],
    ['(?<!不)(频繁|经常)(?!通知)', null],
    // A match can be empty, and even then the text must hold b.
    ['a*(?=[^]*b)', 'b'],
  ])('%s needs %s', (source, needs) => expect(shown(patternNeeds(source))).toBe(needs));

  /** Texts that begin, need and miss the shipped patterns' words. */
  const TEXTS = [
    '收了三百元',
    '说“电 费”',
    '实际5点停',
    '可是就停了',
    '跳了十次',
    '结果已经断电',
    '“水费”',
    '经常停电，停电通知也没发',
    '通知没发，停了五次',
    '好几个月了，长期这样',
    '欠费停电，交电费了',
    '一天跳了200多度',
    '停电三天三夜，没电两昼夜',
    '第三次停电了',
    '营业员说：“不办”',
    '灯很暗',
    '通知上日期写错了',
  ];
  const patterns = loadTaxonomy('sgcc-95598').nodes.flatMap((n) => n.rules.filter((r) => r.regex));

  it('every match of the shipped patterns begins where their starts say, in a text with a word they need', () => {
    let matched = 0;
    for (const p of patterns) {
      const starts = patternStarts(p.regex!.source);
      const needs = patternNeeds(p.regex!.source);
      for (const text of TEXTS) {
        const m = p.regex!.exec(text);
        if (!m) continue;
        matched++;
        if (starts) expect(canBegin(starts, text, m.index)).toBe(true);
        if (needs) expect([...text].some((_, i) => canBegin(needs, text, i))).toBe(true);
      }
    }
    expect(matched).toBeGreaterThanOrEqual(patterns.length);
  });

  it('the scan finds the first position that can begin a match', () => {
    const scan = new StartScan(patternStarts('(个把月|好几个月|一年来|长期)'));
    expect(scan.first('一个好人好几个月一年来')).toBe(4);
    expect(scan.first('一个好人好几个月一年来', 5)).toBe(8);
    expect(scan.first('好人长')).toBe(-1);
    expect(new StartScan(null).first('abc', 2)).toBe(2);
  });
});
