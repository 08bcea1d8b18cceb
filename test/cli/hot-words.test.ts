/**
 * Hot words end to end on exports written here: two months of 20 complaints each, the second with
 * 阶梯电价 in 8 texts it never had before (emerging: G² = 2 (8 ln 2 + 12 ln 0.75 + 20 ln 1.25)
 * = 13.11 ≥ 10.83), the JSON, the terminal, the bulletin, the sheet, the options and the config
 * file, and an export without 受理内容, which says so once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBook } from '../helpers/book.js';
import { complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-hot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '工单编号,受理时间,供电单位,业务类型,受理内容';
// Days 1–19 and the month's last: the export covers both months whole, so they compare.
const row = (id: number, month: string, i: number, unit: string, text: string) =>
  `H${id},2016-${month}-${i === 19 ? (month === '10' ? 31 : 30) : String(1 + i).padStart(2, '0')} 09:00:00,${unit},投诉,${text}`;
const OUTAGE = '客户来电反映：其位于屯溪区昱中街道1号，近一个月停电3次，要求尽快处理。';
const PRICE = '客户来电反映：阶梯电价执行有误，电费比上月高出很多，要求核实。';
const lines = [HEADER];
for (let i = 0; i < 20; i++)
  lines.push(row(i, '10', i, i % 2 ? '国网甲县供电公司' : '国网乙县供电公司', OUTAGE));
for (let i = 0; i < 20; i++)
  lines.push(
    row(100 + i, '11', i, i % 2 ? '国网甲县供电公司' : '国网乙县供电公司', i < 8 ? PRICE : OUTAGE),
  );
const FILE = join(dir, 'hot.csv');
writeFileSync(FILE, lines.join('\n') + '\n');
const BARE = join(dir, 'bare.csv');
writeFileSync(BARE, lines.map((l) => l.split(',').slice(0, 4).join(',')).join('\n') + '\n');

interface Row {
  word: string;
  kind: string;
  count: number;
  baseline: number | null;
  change: number | null;
  g2: number | null;
  emerging: boolean;
  top: boolean;
  classes: { name: string; count: number }[];
}

function json(args: string[]) {
  const run = complaints([...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    hotWords?: Row[];
    hotWordsContext?: Record<string, unknown>;
    hotWordsByUnit?: { unit: string; texts: number; words: { word: string; count: number }[] }[];
  };
}

describe('hot words', () => {
  it('counts each word once per work order and finds the new one', () => {
    const j = json(['analyze', FILE, '--month', '2016-11']);
    expect(j.hotWordsContext).toMatchObject({
      period: { from: '2016-11', to: '2016-11' },
      texts: 20,
      basis: 'preceding',
      baseline: { from: '2016-10', to: '2016-10' },
      baselineTexts: 20,
      yearEarlier: null,
      minCount: 5,
      g2Threshold: 10.83,
    });
    const byWord = new Map(j.hotWords!.map((r) => [`${r.kind}:${r.word}`, r]));
    expect(byWord.get('word:停电')).toMatchObject({ count: 12, baseline: 20, emerging: false });
    const price = byWord.get('word:阶梯电价')!;
    expect(price).toMatchObject({ count: 8, baseline: 0, change: 8, emerging: true, top: true });
    expect(price.g2).toBeCloseTo(13.1118, 3);
    // The address (屯溪区昱中街道) and the agent's words (客户, 反映, 要求) are not hot words.
    for (const w of ['屯溪区', '昱中', '街道', '客户', '反映', '要求', '来电'])
      expect(byWord.has(`word:${w}`), w).toBe(false);
  });

  it('prints the lines in the terminal, zh and en', () => {
    const zh = complaints(['analyze', FILE, '--month', '2016-11', '--no-progress']).stdout;
    expect(zh).toMatch(/^热词（20 条受理内容）: 停电 12，/m);
    expect(zh).toMatch(/^新出现或明显增多（较上期）: .*阶梯电价 0→8/m);
    const en = complaints(['analyze', FILE, '--month', '2016-11', '--lang', 'en']).stdout;
    expect(en).toMatch(/^hot words \(20 texts\): 停电 12, /m);
    expect(en).toMatch(/^new or rising \(against the period before\): .*阶梯电价 0→8/m);
  });

  it('says in the bulletin which words are new', () => {
    const out = join(dir, 'b.md');
    expect(complaints(['report', FILE, '--month', '2016-11', '--out', out]).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md).toMatch(/本期投诉热词主要是停电（12件）/);
    expect(md).toMatch(/较上月新出现或明显增多的有：.*阶梯电价（新出现，8件）/);
  });

  it('writes the 热词 sheet after 预警, with its chart', async () => {
    const out = join(dir, 'r.xlsx');
    expect(complaints(['report', FILE, '--month', '2016-11', '--out', out]).code).toBe(0);
    const book = await readBook(out);
    const names = book.worksheets.map((s) => s.name);
    expect(names.indexOf('热词')).toBe(names.indexOf('预警') + 1);
    const text = book
      .getWorksheet('热词')!
      .getSheetValues()
      .flat()
      .map((v) => String(v ?? ''))
      .join('|');
    expect(text).toContain('阶梯电价');
    expect(text).toContain('新出现或明显增多');
    expect(book.getWorksheet('热词')!.getImages().length).toBe(1);
  });

  it('June 2016: 恢复, in the same five complaints as 尽快恢复, is left out everywhere', async () => {
    // The five June texts with 恢复 (恢复送电 …, 还没有恢复) all ask 尽快恢复供电.
    const args = [
      'fixtures/metrics/95598-2015.xlsx',
      'fixtures/metrics/95598-2016-01-06.xlsx',
      'fixtures/metrics/95598-2016-06-12-gb18030.csv',
      '--month',
      '2016-06',
    ];
    const words = json(['analyze', ...args])
      .hotWords!.filter((r) => r.kind === 'word')
      .map((r) => `${r.word} ${r.count}`);
    expect(words.slice(0, 5)).toEqual(['停电 5', '尽快恢复 5', '线路 5', '承诺 4', '申请 4']);
    expect(words.some((w) => w.startsWith('恢复 '))).toBe(false);
    const zh = complaints(['analyze', ...args, '--no-progress']).stdout;
    expect(zh).toMatch(/^热词（24 条受理内容）: 停电 5，尽快恢复 5，线路 5，承诺 4，申请 4，/m);
    const out = join(dir, 'june.xlsx');
    expect(complaints(['report', ...args, '--out', out]).code).toBe(0);
    const cells = (await readBook(out))
      .getWorksheet('热词')!
      .getSheetValues()
      .flat()
      .map((v) => String(v ?? ''));
    expect(cells).toContain('尽快恢复');
    expect(cells).not.toContain('恢复');
  });

  it('--hot-words N, --hot-words-by unit, --no-hot-words and the config file', () => {
    const few = json(['analyze', FILE, '--month', '2016-11', '--hot-words', '2']);
    expect(few.hotWords!.filter((r) => r.kind === 'word' && r.top)).toHaveLength(2);
    const units = json(['analyze', FILE, '--month', '2016-11', '--hot-words-by', 'unit']);
    expect(units.hotWordsByUnit!.map((u) => [u.unit, u.texts])).toEqual([
      ['国网乙县供电公司', 10],
      ['国网甲县供电公司', 10],
    ]);
    expect(json(['analyze', FILE, '--no-hot-words'])).not.toHaveProperty('hotWords');
    const config = join(dir, 'off.json');
    writeFileSync(config, JSON.stringify({ hotWords: false }));
    expect(json(['analyze', FILE, '--config', config])).not.toHaveProperty('hotWords');
    writeFileSync(config, JSON.stringify({ hotWords: 3, hotWordsBy: 'unit' }));
    expect(json(['analyze', FILE, '--config', config]).hotWordsByUnit).toHaveLength(2);
  });

  it('an export without 受理内容 says so once', () => {
    const j = json(['analyze', BARE, '--month', '2016-11']);
    expect(j.hotWords).toEqual([]);
    expect(j.hotWordsContext).toMatchObject({ texts: 0 });
    const out = complaints(['analyze', BARE, '--month', '2016-11']).stdout;
    expect(out.match(/热词/g)).toHaveLength(1);
    expect(out).toMatch(/^热词: 本期投诉没有受理内容，未统计$/m);
  });

  it('refuses what it cannot use, in a line or two', () => {
    for (const args of [
      ['trend', FILE, '--hot-words', '5'],
      ['analyze', FILE, '--hot-words', '0'],
      ['analyze', FILE, '--hot-words-by', 'level2'],
      ['analyze', FILE, '--no-hot-words', '--hot-words-by', 'unit'],
    ]) {
      const run = complaints(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(isPlainError(run.stderr), run.stderr).toBe(true);
    }
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ hotWordsBy: 'level2' }));
    const run = complaints(['analyze', FILE, '--config', config]);
    expect(run.stderr).toContain('"hotWordsBy"：应为 "unit"，实际是字符串 "level2"。');
    const en = complaints(inEnglish(['analyze', FILE, '--config', config]));
    expect(en.stderr).toMatch(/"hotWordsBy": expected "unit", got a string \("level2"\)/);
  });
});

describe('--hot-words-by in --help', () => {
  it.each(['analyze', 'report'])('%s --help names its only value, unit, in both languages', (c) => {
    const zh = complaints([c, '--help']).stdout.replace(/\s+/g, ' ');
    expect(zh).toContain(
      '--hot-words-by <unit> 写 unit：另列出每个单位的前 5 个热词（只能按单位）',
    );
    const en = complaints([c, '--help', '--lang', 'en']).stdout.replace(/\s+/g, ' ');
    expect(en).toContain(
      '--hot-words-by <unit> unit: also list each unit’s five top hot words (by unit only)',
    );
  });
});
