/**
 * The rules classifier's fast paths against straightforward references: the keyword index
 * (keywords.ts) against startsWith at every position, the scores and the order of the evidence
 * against indexOf per keyword, and the first characters of a pattern (regex-first.ts) against
 * where the pattern really matches.
 */
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/taxonomy/classify.js';
import { splitClauses } from '../../src/taxonomy/clauses.js';
import { KeywordIndex, PAIR, SINGLE } from '../../src/taxonomy/keywords.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { normalizeText } from '../../src/taxonomy/normalize.js';
import { firstUnits } from '../../src/taxonomy/regex-first.js';

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

describe('first characters of a pattern', () => {
  it.each([
    ['收[了取]?[^，。；]{0,6}[0-9]+元', '收'],
    ['“[^”]{0,8}[^电”]费”', '“'],
    ['(结果|可|却|但|实际)[^。；]{0,12}(就|便)', '结可却但实'],
    ['(停|断|跳)[^，。；]{0,5}([3-9]|[1-9][0-9])[余多]?(次|回)', '停断跳'],
    ['(?<![是要])(?:并|倒|也|而)?不是(?!很|太)|并非', '并倒也而不'],
    ['a?b*c', 'abc'],
    ['(?:ab)+|x{2,3}', 'ax'],
    ['[0-3]z', '0123'],
    ['x\\dy', 'x'],
  ])('%s → %s', (source, units) => {
    expect(String.fromCharCode(...[...firstUnits(source)!].sort((a, b) => a - b))).toBe(
      [...units].sort().join(''),
    );
  });

  it.each(['[^x]y', '.a', 'a|', 'a*', '\\d', '(?=a)', '^a', 'a{0,2}', '(a)\\1|'])(
    '%s: any character (null)',
    (source) => expect(firstUnits(source)).toBeNull(),
  );

  it('every match of the shipped patterns begins with one of them', () => {
    const patterns = loadTaxonomy('sgcc-95598').nodes.flatMap((n) =>
      n.rules.filter((r) => r.regex),
    );
    const texts = [
      '收了三百元',
      '说“电 费”',
      '实际5点停',
      '可是就停了',
      '跳了十次',
      '结果已经断电',
      '“水费”',
    ];
    for (const p of patterns) {
      const units = firstUnits(p.regex!.source);
      for (const text of texts) {
        const m = p.regex!.exec(text);
        if (m && units) expect(units.has(text.charCodeAt(m.index))).toBe(true);
      }
    }
  });
});
