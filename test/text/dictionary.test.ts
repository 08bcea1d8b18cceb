/**
 * jieba's dictionary cut down to the words a run's texts can hold (dictionaryFor) tags those
 * texts exactly as the whole dictionary with our words added does: every clause of the
 * evaluation set's 1,950 texts written by hand (negation, 繁體, dialect, typos, narrative), the
 * bench's formulas, its unit names and texts in other scripts; and it is a small part of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../src/text/clauses.js';
import { dictionaryFor } from '../../src/text/dictionary.js';
import { wordList } from '../../src/text/segmenter.js';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const DICT = readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
const OURS = wordList(readFileSync('src/text/data/power-words.txt', 'utf8'));
const FREQUENCY = 100_000;

function whole() {
  const jieba = Jieba.withDict(DICT);
  jieba.loadDict(Buffer.from(OURS.map((w) => `${w} ${FREQUENCY} n`).join('\n')));
  return jieba;
}

const rows = (file: string) =>
  parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];

const eval_ = [...rows('fixtures/eval/test.csv'), ...rows('fixtures/eval/tune.csv')];
const texts = [
  ...eval_.map((r) => r['受理内容']!),
  '村委会工作人员来电反映：其位于屯溪区昱中街道翡翠小区11栋1单元，咨询电费发票如何开具。',
  '客户表示kWh读数不对，95598热线打不通，APP显示异常；電費單據錯誤，冇电咋办',
  '台区重过载导致低电压，阶梯电价和峰谷电价，智能电表黑屏，一户一表改造后光伏并网',
];
const units = [...new Set(eval_.map((r) => r['供电单位']!)), '城东供电服务中心'];
const clauses = [...new Set(texts.flatMap(clausesOf))];

describe('dictionaryFor', () => {
  it('tags every clause and unit name as the whole dictionary does', () => {
    const full = whole();
    const cut = Jieba.withDict(dictionaryFor(DICT, OURS, FREQUENCY, [...clauses, ...units]));
    expect(clauses.length).toBeGreaterThan(3000);
    for (const text of [...clauses, ...units])
      expect(cut.tag(text, false), text).toEqual(full.tag(text, false));
  });

  it('keeps a small part of the dictionary, and the total on a character no text has', () => {
    const cut = dictionaryFor(DICT, OURS, FREQUENCY, ['台区停电', '电费']).toString('utf8');
    const lines = cut.split('\n');
    expect(lines.length).toBeLessThan(200);
    // Ours at our frequency, a word already there keeping its tag (台区 14 ns in jieba's).
    expect(lines).toContain('台区 100000 ns');
    expect(lines).toContain('乱收费 100000 n');
    expect(lines).toContain('停电 100000 v');
    expect(lines).toContain('停 5934 v');
    expect(lines).toContain('电 12701 n');
    expect(lines).not.toContain('电费 111 n'); // ours too
    const total = (text: string) =>
      text.split('\n').reduce((sum, l) => sum + Number(l.split(' ')[1] ?? 0), 0);
    const ours = OURS.filter((w) => !DICT.includes(`\n${w} `));
    const replaced = OURS.filter((w) => DICT.includes(`\n${w} `));
    const oldFreq = replaced.reduce(
      (sum, w) => sum + Number(new RegExp(`\\n${w} (\\d+)`).exec(DICT.toString())![1]),
      0,
    );
    expect(total(cut)).toBe(
      total(DICT.toString()) - oldFreq + (ours.length + replaced.length) * FREQUENCY,
    );
    expect(lines.at(-1)).toMatch(/^\uE000 \d+ x$/);
  });

  it('relies on a dictionary of `word freq tag` lines, each word once', () => {
    const lines = DICT.toString('utf8').trimEnd().split('\n');
    expect(lines.every((l) => /^\S+ \d+ \S+$/.test(l))).toBe(true);
    expect(new Set(lines.map((l) => l.split(' ')[0])).size).toBe(lines.length);
  });
});
