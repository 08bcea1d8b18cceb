/**
 * A workbook read in two threads (issue 17: a worker inflates and scans, this thread normalises
 * and counts; src/parallel/xlsx-*.ts) gives what one thread gives: every xlsx fixture, the
 * hostile workbooks small enough to run here, and workbooks made here (a first sheet without a
 * header, hidden sheets, damage late in the sheet) are run through the real program with
 * --threads 1 and with --threads 2, the worker forced on whatever the size and batching a few
 * rows at a time (COMPLAINTS_TEST_XLSX_WORKER, for tests only). stdout (the JSON), stderr
 * (rejects with their row numbers, warnings, errors) and the exit code must be the same, byte for
 * byte; the log (COMPLAINTS_TEST_XLSX_LOG) shows the worker read the workbook, or fell back.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../../scripts/hostile/make.js';
import { complaints, ROOT, type Run } from '../helpers/cli.js';
import { row, workbook } from '../helpers/zip.js';

/** Two runs of the real program, each up to some 20 s on a loaded two-core machine. */
const SLOW = 180_000;

const dir = mkdtempSync(join(tmpdir(), 'complaints-xlsx-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Log {
  file: string;
  fallback: boolean;
}

// The one-thread reference of a command is the same whatever the batch size or the fault asked
// of the worker (both read by the worker only): made once per file, each case compares with it.
const references = new Map<string, Run>();

/**
 * Runs with one thread (the plain reference), then with two (worker batches of `batch` rows,
 * `env` for the worker's test switches); both and the log.
 */
function both(
  args: string[],
  batch: number,
  env: Record<string, string> = {},
): { one: Run; two: Run; log: Log[] } {
  const logFile = join(dir, `log-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(logFile, '');
  // Each run in a folder of its own: a report's default output lands there, not in the
  // repository, and the second run does not replace (and name) the first's.
  const absolute = args.map((a) =>
    !a.startsWith('-') && existsSync(join(ROOT, a)) ? join(ROOT, a) : a,
  );
  const key = JSON.stringify(absolute);
  const one =
    references.get(key) ??
    complaints([...absolute, '--threads', '1'], { cwd: mkdtempSync(join(dir, 'one-')) });
  references.set(key, one);
  const two = complaints([...absolute, '--threads', '2'], {
    cwd: mkdtempSync(join(dir, 'two-')),
    env: {
      ...env,
      COMPLAINTS_TEST_XLSX_WORKER: String(batch),
      COMPLAINTS_TEST_XLSX_LOG: logFile,
    },
  });
  const log = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Log);
  return { one, two, log };
}

function expectSame(one: Run, two: Run): void {
  expect(two.code).toBe(one.code);
  expect(two.stderr).toBe(one.stderr);
  expect(two.stdout).toBe(one.stdout);
}

const workbooks = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(folder, f))
    .sort();

// ---- Workbooks made here -----------------------------------------------------------------

const HEADER = ['工单编号', '受理时间', '供电单位', '业务类型', '受理内容', '一级分类'];
const UNITS = ['国网屯溪区供电公司', '国网黄山区供电公司', '国网歙县供电公司'];
const TEXTS = [
  '客户反映电压不稳，要求上门检测。',
  '停电十二小时 &amp; 抢修未到，&quot;很不满意&quot;',
  '😀 表情与𠮷字：多字节字符',
  '第一行_x000D_\n第二行',
];

/** `count` work orders from row `first`, one in seven a copy of an earlier one, some rejects. */
function orders(first: number, count: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const id = i % 7 === 6 ? `GD${i - 5}` : `GD${i}`;
    const date = i % 23 === 0 ? '2016-13-45' : `2016-11-${String(1 + (i % 28)).padStart(2, '0')}`;
    const values: (string | number)[] = [
      id,
      `${date} 10:00:00`,
      UNITS[i % 3]!,
      i % 5 === 0 ? '意见' : '投诉',
      TEXTS[i % TEXTS.length]!,
      i % 4 === 0 ? '' : '服务投诉',
    ];
    rows.push(i % 11 === 0 ? row(n, values).replace(/ r="[A-Z]+\d+"/g, '') : row(n, values));
  }
  return rows.join('');
}

const title = (n: number, text: string) => row(n, [text]);
const table = (first: number, count: number) => row(first, HEADER) + orders(first + 1, count);

function write(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

// A title, the export time, then the table: 300 rows.
const plain = write(
  'plain.xlsx',
  workbook({
    sheets: [
      {
        name: '工单明细',
        rows: title(1, '国网黄山供电公司95598工单明细') + table(3, 300),
      },
    ],
  }),
);
// A first sheet with no header (left for the next), a hidden one after the table.
const sheets = write(
  'sheets.xlsx',
  workbook({
    sheets: [
      {
        name: '说明',
        rows: Array.from({ length: 40 }, (_, i) => title(i + 1, `说明 ${i}`)).join(''),
      },
      { name: '工单', rows: table(1, 250) },
      { name: '隐藏', rows: table(1, 30), state: 'hidden' },
    ],
  }),
);
// Damage at row 200 of 300: the rows before it were taken when the worker meets it.
const lateDamage = write(
  'late-damage.xlsx',
  workbook({
    sheets: [
      {
        name: '工单',
        rows: table(1, 300).replace('<row r="200">', '<row r="200"><c r="B7"><v>1</v></c>'),
      },
    ],
  }),
);

// ---- The cases ---------------------------------------------------------------------------

describe('--threads 2 reads a workbook in a worker and gives what --threads 1 gives', () => {
  const fixtures = [...workbooks('fixtures'), ...workbooks('test/files')];

  it.each(fixtures.map((f) => [f]))(
    'analyze: %s',
    (file) => {
      // inspect is compared in the batch cases below (one command per fixture keeps npm test
      // within its time).
      for (const args of [['analyze', file, '--json']]) {
        const { one, two, log } = both(args, 3);
        expectSame(one, two);
        // Encrypted and truncated files are refused before the workbook is read.
        if (file.startsWith('fixtures')) expect(log.map((l) => l.fallback)).toEqual([false]);
      }
    },
    SLOW,
  );

  const batches = [
    ['plain.xlsx', 1, plain],
    ['plain.xlsx', 64, plain],
    ['sheets.xlsx', 2, sheets],
    ['sheets.xlsx', 5000, sheets],
  ] as const;
  const commands = [
    ['inspect', '--json'],
    ['analyze', '--json'],
    ['analyze', '--by', 'level2', '--json', '--lang', 'en'],
    ['trend', '--json'],
    ['analyze', '--strict'],
    ['analyze', '--sheet', '3', '--json'],
    ['analyze', '--sheet', '说明', '--json'],
  ];
  // Every command in the smallest batches; the larger batch sizes with analyze alone.
  it.each(
    batches.flatMap(([name, batch, file]) =>
      (batch <= 2 ? commands : commands.slice(1, 2)).map(
        (c) => [name, batch, c, file] as [string, number, string[], string],
      ),
    ),
  )(
    '%s in batches of %i rows: %j',
    (_name, batch, [command, ...options], file) => {
      const { one, two, log } = both([command!, file, ...options], batch);
      expectSame(one, two);
      // plain.xlsx has one sheet: --sheet is refused in the worker, then on this thread.
      // inspect reads a workbook on this thread (the worker costs it more than it saves).
      const refused = file === plain && options.includes('--sheet');
      expect(log.map((l) => l.fallback)).toEqual(command === 'inspect' ? [] : [refused]);
    },
    SLOW,
  );

  it.each([
    ['report --detail', ['report', plain, '--detail', '--json']],
    ['report', ['report', sheets, '--json']],
    ['classify', ['classify', sheets, '--json']],
    [
      'several inputs, csv and xlsx',
      ['analyze', plain, 'fixtures/95598-2016-09-11.csv', sheets, '--json'],
    ],
  ])(
    '%s: the same',
    (_name, args) => {
      const { one, two, log } = both(args as string[], 7);
      expectSame(one, two);
      expect(log.length).toBeGreaterThan(0);
      expect(log.every((l) => !l.fallback)).toBe(true);
    },
    SLOW,
  );

  it('damage late in the sheet: the one-thread error, exit 2, after a fallback', () => {
    const { one, two, log } = both(['analyze', lateDamage, '--json'], 10);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('late-damage.xlsx');
    expectSame(one, two);
    expect(log.map((l) => l.fallback)).toEqual([true]);
  });

  const faults = [
    ['plain.xlsx, after the first batch', plain, 1],
    ['plain.xlsx, late', plain, 9],
    ['sheets.xlsx, in the second sheet (the first left)', sheets, 25],
    ['sheets.xlsx, in the first sheet', sheets, 1],
  ] as const;
  const faultCommands = [
    ['analyze', '--json'],
    ['classify', '--json'],
    ['report', '--detail', '--json'],
  ];
  it.each(
    faults.flatMap(([name, file, after]) =>
      faultCommands.map((c) => [name, c, file, after] as [string, string[], string, number]),
    ),
  )(
    'a fault of the worker itself (%s), %j: read again on this thread, the same result',
    (_name, [command, ...options], file, after) => {
      const env = { COMPLAINTS_TEST_XLSX_WORKER_FAIL: String(after) };
      const { one, two, log } = both([command!, file, ...options], 2, env);
      expect(one.code).toBe(0);
      expectSame(one, two);
      expect(log.map((l) => l.fallback)).toEqual([true]);
    },
    SLOW,
  );

  it('inspect reads a workbook on this thread, whatever its size and --threads', () => {
    for (const args of [
      ['inspect', plain, '--json'],
      ['inspect', sheets, '--duplicates', '--json'],
    ]) {
      const { one, two, log } = both(args, 2);
      expectSame(one, two);
      expect(log).toEqual([]);
    }
  });

  it('below its size, a workbook is read on one thread without the test switch', () => {
    const logFile = join(dir, 'small.jsonl');
    writeFileSync(logFile, '');
    const run = complaints(['inspect', plain, '--json', '--threads', '2'], {
      env: { COMPLAINTS_TEST_XLSX_LOG: logFile },
    });
    expect(run.code).toBe(0);
    expect(readFileSync(logFile, 'utf8')).toBe('');
  });

  const hostile = Object.keys(HOSTILE).filter(
    (name) => name.endsWith('.xlsx') && !/3gib|giant|over-limit/.test(name),
  );
  it.each(hostile.map((n) => [n]))('hostile %s', async (name) => {
    const { writeHostile } = await import('../../scripts/hostile/make.js');
    const { file } = writeHostile(dir, name);
    const { one, two } = both(['analyze', file, '--json', '--max-inflated', '32MiB'], 2);
    expectSame(one, two);
  });
});
