/**
 * The parallel pipeline gives what one thread gives (issue 17): every CSV fixture, the bad-input
 * corpus, the hostile corpus's text files and exports made here to be hard to cut (quoted line
 * breaks, multi-byte text, title rows, 合计 rows, repeated headers, copies of work orders far
 * apart, rejects, a quote left open at the end, bytes that do not decode, a field over Excel's
 * limit) are run through the real program with --threads 1 and with --threads 2, cut into many
 * small ranges (COMPLAINTS_TEST_RANGE_BYTES, for tests only: cuts at the first line feed, so
 * they fall inside quoted fields and those ranges are read again). stdout (the JSON), stderr
 * (rejects with their row numbers, warnings, errors) and the exit code must be the same, byte
 * for byte; and the log (COMPLAINTS_TEST_RANGE_LOG) shows the ranges were really read apart.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../../scripts/hostile/make.js';
import { complaints, type Run } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Log {
  file: string;
  ranges: number;
  reread: number;
  swallowed: number;
  fallback: boolean;
}

type Both = { one: Run; two: Run; log: Log[] };

// Several cases run the same command: the one-thread reference of hard.csv is the same whatever
// the range size, and `analyze hard.csv --json` in ranges of 64 bytes is checked for sameness,
// hot words and re-read ranges. Each run is made once per file and each case checks its result
// (the inputs are written above and never change).
const references = new Map<string, Run>();
const pairs = new Map<string, Both>();

/** Runs with one thread, then with `threads` over ranges of `bytes`; returns both and the log. */
function both(args: string[], bytes: number, threads = 2, env: Record<string, string> = {}): Both {
  const key = JSON.stringify([args, bytes, threads, env]);
  const known = pairs.get(key);
  if (known) return known;
  const logFile = join(dir, `log-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(logFile, '');
  const reference = JSON.stringify(args);
  const one = references.get(reference) ?? complaints([...args, '--threads', '1']);
  references.set(reference, one);
  const two = complaints([...args, '--threads', String(threads)], {
    env: { COMPLAINTS_TEST_RANGE_BYTES: String(bytes), COMPLAINTS_TEST_RANGE_LOG: logFile, ...env },
  });
  const log = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Log);
  pairs.set(key, { one, two, log });
  return { one, two, log };
}

/** The line that says a --threads above the cores was cut: about N itself, on small machines. */
const threadsCut = (stderr: string) => stderr.replace(/^--threads \d+：.*\n/m, '');

function expectSame(one: Run, two: Run): void {
  expect(two.code).toBe(one.code);
  expect(threadsCut(two.stderr)).toBe(one.stderr);
  expect(two.stdout).toBe(one.stdout);
}

const textFiles = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(csv|txt|tsv)$/.test(f))
    .map((f) => join(folder, f))
    .sort();

// ---- Exports made to be hard to cut --------------------------------------------------------

const HEADER = [
  '工单编号',
  '受理时间',
  '供电单位',
  '业务类型',
  '受理内容',
  '一级分类',
  '二级分类',
  '客户编号',
  '联系电话',
  '申诉结果',
  '回复时间',
  '回访满意度',
  '是否越级',
];
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A deterministic export of `rows` work orders with everything a cut can trip on. */
function hardRows(rows: number, seed: number, eol = '\r\n'): string {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = <T>(list: readonly T[]) => list[next(list.length)]!;
  const lines = [
    '国网黄山供电公司95598工单明细',
    '导出时间：2016-12-26 11:42:05',
    HEADER.join(','),
  ];
  for (let i = 0; i < rows; i++) {
    const row = i + 1;
    if (row % 97 === 0) lines.push(',,合计,,,,,,,,,,');
    if (row % 131 === 0) lines.push('');
    if (row % 173 === 0) lines.push(HEADER.join(','));
    // One in five a copy of an earlier work order, often far back, often changed.
    const id = next(5) === 0 ? `G${next(Math.max(1, i))}` : `G${i}`;
    const month = pick(['09', '10', '11']);
    const content = pick([
      '客户反映电压不稳，"要求"上门检测。',
      `客户来电：\r\n1. 停电十二小时\r\n2. 抢修未到，"很不满意"`,
      `第一行\n第二行，含逗号, 和引号""\n第三行`,
      '😀 表情与𠮷字：多字节字符跨越切点',
      '',
    ]);
    const date =
      row % 89 === 0 ? '2016-13-45 10:00:00' : `2016-${month}-1${next(9)} 10:0${next(9)}:00`;
    const fields = [
      id,
      date,
      pick(['国网屯溪区供电公司', '国网黄山区供电公司', '国网歙县供电公司']),
      pick(['投诉', '投诉', '投诉', '意见', '故障报修']),
      content,
      pick(['服务投诉', '营业投诉', '停送电投诉', '']),
      pick(['服务态度', '抄表催费', '抢修质量', '']),
      pick(['C1', 'C2', 'C3', '']),
      pick(['13900000001', '13900000002', '']),
      pick(['申诉成功', '', '']),
      pick([`2016-${month}-20 10:00:00`, '']),
      pick(['满意', '不满意', '未回访', '']),
      pick(['是', '否', '']),
    ];
    if (row % 61 === 0) fields.pop(); // ragged
    lines.push(fields.map(quote).join(','));
  }
  return lines.join(eol) + eol;
}

const hard = join(dir, 'hard.csv');
writeFileSync(hard, hardRows(600, 7));
const hardLf = join(dir, 'hard-lf.csv');
writeFileSync(hardLf, '\uFEFF' + hardRows(400, 11, '\n'));
const hardGb = join(dir, 'hard-gb18030.csv');
writeFileSync(hardGb, iconv.encode(hardRows(500, 13).replaceAll('😀 ', ''), 'gb18030'));
const hardB = join(dir, 'hard-b.csv');
writeFileSync(hardB, hardRows(300, 17));
// hard.csv again as another file: the same file under two names is read once (inputs.ts).
const hardAgain = join(dir, 'hard-again.csv');
writeFileSync(hardAgain, hardRows(600, 7));
// A quote left open in the last rows: the rest of the file is one rejected row.
const openQuote = join(dir, 'open-quote.csv');
writeFileSync(
  openQuote,
  hardRows(400, 19) + 'G9,2016-11-11 10:00:00,国网歙县供电公司,投诉,"未闭合\r\n',
);
// Bytes that are not UTF-8 late in the file: the error names the line, as on one thread.
const undecodable = join(dir, 'undecodable.csv');
writeFileSync(
  undecodable,
  Buffer.concat([Buffer.from(hardRows(400, 23)), Buffer.from([0xff, 0xfe, 0x2c, 0x0d, 0x0a])]),
);
// A field over Excel's limit for a cell, late in the file.
const longField = join(dir, 'long-field.csv');
writeFileSync(
  longField,
  hardRows(300, 29) + `G1,2016-11-11 10:00:00,国网歙县供电公司,投诉,${'长'.repeat(33_000)}\r\n`,
);

// ---- The cases ---------------------------------------------------------------------------

const fixtureFiles = [...textFiles('fixtures'), ...textFiles('test/files/bad')].filter(
  (f) => !/targets|codes\.csv|units\.csv|eval\//.test(f),
);

describe('--threads 2 over small ranges gives what --threads 1 gives', () => {
  it.each(fixtureFiles.map((f) => [f]))('inspect and analyze: %s', (file) => {
    for (const args of [
      ['inspect', file, '--json'],
      ['analyze', file, '--json'],
    ]) {
      const { one, two } = both(args, 97);
      expectSame(one, two);
    }
  });

  it.each([
    ['hard.csv', 64, hard],
    ['hard.csv', 1000, hard],
    ['hard-lf.csv (BOM, LF)', 200, hardLf],
    ['hard-gb18030.csv', 150, hardGb],
    ['open-quote.csv', 300, openQuote],
  ])('%s in ranges of %i bytes: inspect, analyze, trend, --strict', (_name, bytes, file) => {
    for (const args of [
      ['inspect', file, '--json'],
      ['analyze', file, '--json'],
      ['analyze', file, '--by', 'level2', '--json', '--lang', 'en'],
      ['trend', file, '--json'],
      ['analyze', file, '--strict'],
    ]) {
      const { one, two, log } = both(args as string[], bytes as number);
      expectSame(one, two);
      expect(log.length, args.join(' ')).toBe(1);
      expect(log[0]!.ranges).toBeGreaterThan(3);
    }
  });

  // report and warn (the early warning's complaints, the 明细 rows) read in ranges too:
  // test/parallel/report.test.ts.
  it.each([
    ['inspect --duplicates', ['inspect', hard, '--duplicates', '--json']],
    ['classify', ['classify', hard, '--json']],
  ])('%s: read on one thread, the same', (_name, args) => {
    const { one, two, log } = both(args as string[], 100);
    expectSame(one, two);
    expect(log).toEqual([]);
  });

  // Hot words (issue 16, on by default in analyze): each range collects its texts by its own
  // entries; the main thread maps them to the data set's and merges them in range order.
  it.each([
    ['hard.csv', [hard]],
    [
      'hard-gb18030.csv, --month 2016-11 (only the days that can matter kept)',
      [hardGb, '--month', '2016-11'],
    ],
    ['four inputs, a copy in a later input wins', [hard, hardGb, hardB, hard]],
    [
      'hard.csv --hot-words-by unit --hot-words 30',
      [hard, '--hot-words-by', 'unit', '--hot-words', '30'],
    ],
  ])('analyze with hot words, in ranges: %s', (_name, args) => {
    const { one, two, log } = both(['analyze', ...(args as string[]), '--json'], 64);
    expectSame(one, two);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((l) => !l.fallback && l.ranges > 3)).toBe(true);
    const words = (JSON.parse(two.stdout) as { hotWords: { word: string }[] }).hotWords;
    expect(words.length).toBeGreaterThan(3);
  });

  // Segmented and counted on a worker thread while the main thread analyses (on a large input
  // only; the test's variable asks for it on these small ones and says where they were counted).
  it.each([
    ['hard.csv', [hard]],
    ['hard-gb18030.csv, --month 2016-11', [hardGb, '--month', '2016-11']],
    [
      'four inputs, --hot-words-by unit --hot-words 30',
      [hard, hardGb, hardB, hard, '--hot-words-by', 'unit', '--hot-words', '30'],
    ],
  ])('analyze with hot words counted on a worker: %s', (_name, args) => {
    const where = join(dir, `hot-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(where, '');
    const run = ['analyze', ...(args as string[]), '--json'];
    const { one, two } = both(run, 64, 2, { COMPLAINTS_TEST_HOT_WORDS_WORKER: where });
    expectSame(one, two);
    expect(readFileSync(where, 'utf8')).toBe('worker\n');
    const words = (JSON.parse(two.stdout) as { hotWords: { word: string }[] }).hotWords;
    expect(words.length).toBeGreaterThan(3);
  });

  // The worker starts once the inputs are read, before the period is resolved: a run refused
  // then (no work order in the period) must end as at once, not wait on the idle worker.
  it('a run refused after the hot words worker started ends with the one-thread error', () => {
    const where = join(dir, `hot-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(where, '');
    const run = ['analyze', hard, '--month', '2030-01', '--json'];
    const one = complaints([...run, '--threads', '1']);
    const two = complaints([...run, '--threads', '2'], {
      env: { COMPLAINTS_TEST_RANGE_BYTES: '64', COMPLAINTS_TEST_HOT_WORDS_WORKER: where },
      timeout: 30_000,
    });
    expectSame(one, two);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('2030-01');
    expect(readFileSync(where, 'utf8')).toBe('');
  });

  it('cuts inside quoted line breaks and reads those ranges again', () => {
    const { one, two, log } = both(['analyze', hard, '--json'], 64);
    expectSame(one, two);
    expect(log[0]!.fallback).toBe(false);
    expect(log[0]!.reread).toBeGreaterThan(0);
  });

  it('several inputs: each in ranges, merged in input order (a copy in a later input wins)', () => {
    const inputs = [hard, hardGb, hardB, hardAgain];
    for (const [command, threads] of [
      ['inspect', 2],
      ['analyze', 2],
      ['analyze', 4],
    ] as const) {
      const { one, two, log } = both([command, ...inputs, '--json'], 128, threads);
      expectSame(one, two);
      expect(log.map((l) => l.fallback)).toEqual([false, false, false, false]);
    }
  });

  it.each([
    ['undecodable bytes late in the file', undecodable],
    ['a field over the cell limit late in the file', longField],
  ])('an error in a worker (%s) is the one-thread error, exit 2', (_name, file) => {
    const { one, two, log } = both(['analyze', file, '--json'], 200);
    expect(one.code).toBe(2);
    expectSame(one, two);
    expect(log[0]!.fallback).toBe(true);
  });

  const hostileText = Object.keys(HOSTILE).filter(
    (name) => name.endsWith('.csv') && !/40mb|200k/.test(name),
  );
  it.each(hostileText.map((n) => [n]))('hostile %s', async (name) => {
    const { writeHostile } = await import('../../scripts/hostile/make.js');
    const { file } = writeHostile(dir, name);
    const { one, two } = both(['inspect', file, '--json'], 4096);
    expectSame(one, two);
  });
});
