/**
 * `report` and `warn` read large CSVs in byte ranges too (issue 17): the early warning's recent
 * complaints and the 明细 rows are collected per range by the workers and merged in range order
 * (ingest/recent-complaints.ts, report/detail-rows.ts). Run through the real program with
 * --threads 1 and with --threads 2 over many small ranges (COMPLAINTS_TEST_RANGE_BYTES): the
 * JSON, stderr, the exit code and the 明细 sheet's rows read back (values and column widths)
 * must be the same; the range log shows the ranges were really read apart; and no temporary
 * file is left, after success and after an error in a worker.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { complaints, type Run } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-parallel-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Log {
  ranges: number;
  fallback: boolean;
}

let runs = 0;

/** One run with TMPDIR a fresh folder; the folder is empty afterwards (checked here). */
function run(args: string[], env: Record<string, string>): Run & { out: string } {
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  const out = join(dir, `out-${runs++}.xlsx`);
  const r = complaints(
    args.map((a) => (a === 'OUT' ? out : a)),
    { env: { ...env, TMPDIR: tmp } },
  );
  expect(readdirSync(tmp), `${args.join(' ')}: temporary files left`).toEqual([]);
  return { ...r, out };
}

// The one-thread reference of a command is the same whatever the range size: made once per
// file (its workbook kept), each case compares with it.
const references = new Map<string, Run & { out: string }>();

/** Runs with one thread, then two over ranges of `bytes`. */
function both(args: string[], bytes: number) {
  const logFile = join(dir, `log-${runs}.jsonl`);
  writeFileSync(logFile, '');
  const key = JSON.stringify(args);
  const one = references.get(key) ?? run([...args, '--threads', '1'], {});
  references.set(key, one);
  const two = run([...args, '--threads', '2'], {
    COMPLAINTS_TEST_RANGE_BYTES: String(bytes),
    COMPLAINTS_TEST_RANGE_LOG: logFile,
  });
  const log = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Log);
  return { one, two, log };
}

function expectSame(one: Run, two: Run): void {
  expect(two.code).toBe(one.code);
  expect(two.stderr.replaceAll(/out-\d+/g, 'out')).toBe(one.stderr.replaceAll(/out-\d+/g, 'out'));
  expect(two.stdout).toBe(one.stdout);
}

/** The 明细 sheets' rows (values) and column widths, as read back. */
async function detailSheets(file: string): Promise<{ rows: unknown[][]; widths: unknown[] }> {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: unknown[][] = [];
  const widths: unknown[] = [];
  for (const sheet of book.worksheets) {
    if (!/^(明细|Detail)/.test(sheet.name)) continue;
    sheet.eachRow((row) => rows.push(row.values as unknown[]));
    widths.push(sheet.columns.map((c) => c.width));
  }
  return { rows, widths };
}

// ---- An export made to be hard to cut, with copies of work orders far apart ----------------

const HEADER =
  '工单编号,受理时间,供电单位,业务类型,受理内容,客户编号,联系电话,申诉结果,办结时间,是否越级';

function hardRows(rows: number, seed: number): string {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = <T>(list: readonly T[]) => list[next(list.length)]!;
  const lines = ['国网黄山供电公司95598工单明细', HEADER];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 96) lines.push(',,合计,,,,,,,');
    // One in four a copy of an earlier work order, often far back; some copies are no complaint.
    const id = next(4) === 0 ? `G${next(Math.max(1, i))}` : `G${i}`;
    const month = pick(['09', '10', '11', '12']);
    // Every day of the month may have work orders: runs of days without any (the 28th to the
    // 9th) would read as data missing inside the export.
    const day = String(1 + next(30)).padStart(2, '0');
    const fields = [
      next(40) === 0 ? '' : id,
      `2016-${month}-${day} 1${next(10)}:0${next(10)}:00`,
      pick(['国网屯溪区供电公司', '国网黄山区供电公司', '国网歙县供电公司']),
      pick(['投诉', '投诉', '投诉', '意见']),
      pick([
        '客户反映屯溪区老街片区停电，"要求"尽快恢复。',
        `客户来电：\r\n黄山区汤口镇芳村电压低\r\n已多次反映，"很不满意"`,
        '歙县徽城镇抄表错误，多收电费, 要求退还',
        '😀 表情与𠮷字：多字节字符跨越切点',
      ]),
      pick(['C1', 'C2', 'C3', 'C4', '']),
      pick(['13900000001', '13900000002', '']),
      pick(['申诉成功', '', '', '']),
      pick([`2016-${month}-${day} 23:30:00`, '']),
      pick(['是', '否', '否']),
    ];
    lines.push(
      fields.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const hard = join(dir, 'hard.csv');
writeFileSync(hard, hardRows(700, 5));
const hardB = join(dir, 'hard-b.csv');
writeFileSync(hardB, hardRows(300, 9));
// An export with a column the others lack, first (序号): the later inputs' rows go under its
// columns, by header, in their ranges as on one thread.
const lead = join(dir, 'lead.csv');
writeFileSync(
  lead,
  hardRows(60, 7)
    .split('\r\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${i === 1 ? '序号' : i - 1},${line}`))
    .join('\r\n'),
);
const undecodable = join(dir, 'undecodable.csv');
writeFileSync(
  undecodable,
  Buffer.concat([Buffer.from(hardRows(400, 3)), Buffer.from([0xff, 0xfe, 0x2c, 0x0d, 0x0a])]),
);

const textFiles = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(csv|txt|tsv)$/.test(f))
    .map((f) => join(folder, f))
    .sort();
const fixtureFiles = [...textFiles('fixtures'), ...textFiles('test/files/bad')].filter(
  (f) => !/targets|codes\.csv|units\.csv|eval\//.test(f),
);

describe('report and warn: --threads 2 over small ranges gives what --threads 1 gives', () => {
  it.each(fixtureFiles.map((f) => [f]))(
    '%s',
    async (file) => {
      // report's JSON holds the early warning too; warn itself is compared on the hard exports
      // below (one command per fixture keeps npm test within its time).
      for (const args of [['report', file, '--detail', '--out', 'OUT', '--json', '--quiet']]) {
        const { one, two } = both(args, 97);
        expectSame(one, two);
        if (one.code === 0 && args.includes('--detail'))
          expect(await detailSheets(two.out)).toEqual(await detailSheets(one.out));
      }
    },
    300_000,
  );

  it.each([
    ['hard.csv', [hard], 64],
    ['hard.csv in ranges of 1000 bytes', [hard], 1000],
    [
      'hard.csv --month 2016-11 (the period known before reading)',
      [hard, '--month', '2016-11'],
      80,
    ],
    [
      'two inputs, and the first again: its copies in the later inputs win',
      [hard, hardB, hard],
      128,
    ],
    ['--lang en', [hard, '--lang', 'en'], 64],
    [
      "an input with 序号 first, then hard.csv: its rows under the first input's columns",
      [lead, hard],
      64,
    ],
  ])(
    '%s: warn, report --json, report --detail',
    async (_name, args, bytes) => {
      for (const command of [
        ['warn', ...args, '--json'],
        ['report', ...args, '--json', '--quiet', '--out', 'OUT'],
        ['report', ...args, '--detail', '--json', '--quiet', '--out', 'OUT'],
      ]) {
        const { one, two, log } = both(command, bytes);
        expect(one.code, one.stderr).toBe(0);
        // The early warning found something to say (repeats of the same customers at least).
        if (command[0] === 'warn') expect(one.stdout).toMatch(/"repeat"/);
        expectSame(one, two);
        expect(log.length).toBeGreaterThan(0);
        expect(log.every((l) => !l.fallback && l.ranges > 3)).toBe(true);
        if (command.includes('--detail')) {
          const [a, b] = [await detailSheets(one.out), await detailSheets(two.out)];
          expect(a.rows.length).toBeGreaterThan(100);
          expect(b).toEqual(a);
        }
      }
    },
    600_000,
  );

  it('an error in a worker: the one-thread error, exit 2, no temporary file left', () => {
    const { one, two, log } = both(
      ['report', undecodable, '--detail', '--json', '--quiet', '--out', 'OUT'],
      200,
    );
    expect(one.code).toBe(2);
    expectSame(one, two);
    expect(log[0]!.fallback).toBe(true);
  }, 300_000);
});
