#!/usr/bin/env node
// A campaign on the early warning's kept complaints (src/ingest/recent-complaints.ts: columns in
// blocks of 8,192, strings one byte a character when they fit else UTF-16, texts and addresses
// cut at 300 characters, blocks moved between threads whole, pruning past 50,000 when the period
// is known only after reading). Each export is built here (deterministic, seeded): texts and
// addresses of 299, 300 and 301 characters with a surrogate pair or an emoji across the cut,
// Latin-1 and wider characters, controls, empty and very long units and customers, the same work
// order repeated within a range and across ranges with different content (a later copy that is
// no complaint takes the earlier out), more than 8,192 complaints a range and 50,000 in all,
// dates out of order.
//
// For each file, `warn --json`, `analyze --json` and `report --out x.xlsx` (every part of the
// workbook but its timestamps) run with --threads 1 and with --threads 2 over ranges of several
// sizes (COMPLAINTS_TEST_RANGE_BYTES): stdout, stderr, the exit code and the workbook must be
// the same. With COMPLAINTS_BASE_BIN (another build's bin/complaints.js) its one-thread outputs
// must be the same too.
//
//   node scripts/hostile/warn-store.js [--seed N] [--only NAME,...] [--keep DIR]
//
// Exit 1 when a check fails; each failure is printed with the command that reproduces it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createRng } from '../lib/prng.js';
import { BIN } from './run.js';
import { unzip } from './zip.js';

const HEADER = [
  '工单编号',
  '受理时间',
  '供电单位',
  '业务类型',
  '受理内容',
  '用电地址',
  '客户编号',
  '联系电话',
  '回复时间',
  '办结时间',
  '是否越级',
];

const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const pad = (n) => String(n).padStart(2, '0');

/** A text of exactly `length` UTF-16 units whose character at 299 (a pair) crosses the cut. */
function cutText(rng, length, wide) {
  const head = rng.pick(['停电', '电费', 'é', 'ü', 'Ａ', 'x', '\u0001', '\u007f', '\u0085']);
  let s = '';
  while (s.length < 299) s += rng.pick(['抢修不及时', head, 'abc', '，', ' ']);
  s = s.slice(0, 299);
  const pair = rng.pick(['𠀀', '😀', '𠮷']);
  s += wide ? pair : 'é';
  while (s.length < length) s += rng.pick(['x', '费', 'ü']);
  return s.slice(0, length);
}

const UNITS_SHORT = ['国网歙县供电公司', '国网休宁县供电公司', '国网祁门县供电公司'];

function unitName(rng, style) {
  if (style === 'plain') return rng.pick(UNITS_SHORT);
  return rng.pick([
    ...UNITS_SHORT,
    '',
    'Société é ü',
    'ＡＢＣ供电所',
    // Few long names: many distinct ones make the renamed-unit check quadratic in their length.
    `国网${'长'.repeat(2000)}供电公司`,
    'x'.repeat(5000),
    `供电所😀${rng.int(1, 3)}`,
  ]);
}

function customer(rng, style) {
  if (style === 'plain') return `C${rng.int(1, 400)}`;
  return rng.pick([
    `C${rng.int(1, 50)}`,
    `C${rng.int(1, 50)}`,
    '',
    'é'.repeat(rng.int(1, 400)),
    `客户${'名'.repeat(rng.int(100, 3000))}`,
    'Ｃ１２',
    `ü${rng.int(1, 5)}`,
    'c'.repeat(rng.int(5000, 20000)),
  ]);
}

/** A time in `months` (1-based months of 2024), or a random one of them. */
function when(rng, months) {
  const m = rng.pick(months);
  const d = rng.int(1, m === 2 ? 29 : 30);
  return `2024-${pad(m)}-${pad(d)} ${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:00`;
}

function later(stamp, hours) {
  const t = new Date(`${stamp.replace(' ', 'T')}Z`).getTime() + hours * 3_600_000;
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One work order. `style`: 'plain' (short values, a few customers repeating), 'odd' (every kind of
 * string the store keeps differently).
 */
function order(rng, id, { months, style, complaintShare = 0.85 }) {
  const at = when(rng, months);
  const odd = style === 'odd';
  const text = odd
    ? rng.pick([
        cutText(rng, rng.pick([299, 300, 301]), rng.next() < 0.7),
        cutText(rng, rng.pick([299, 300, 301]), false),
        '',
        '停电抢修不及时，客户很不满意',
        `${'表'.repeat(rng.int(1, 40))}😀`,
        'é'.repeat(rng.int(290, 310)),
      ])
    : rng.pick(['停电抢修不及时', '抄表员态度恶劣', '电费计算有误，多收电费', '电压低，灯泡发暗']);
  const address = odd
    ? rng.pick(['', cutText(rng, rng.pick([299, 300, 301]), true), 'XX路12号', 'Rue é 3'])
    : rng.pick(['黄山路1号', '屯溪区新安路3号', '']);
  return [
    id,
    at,
    unitName(rng, style),
    rng.next() < complaintShare ? '投诉' : '咨询',
    text,
    address,
    customer(rng, style),
    rng.next() < 0.5 ? `139${rng.digits(8)}` : '',
    rng.pick([later(at, rng.int(1, 48)), '']),
    rng.pick([later(at, rng.int(1, 300)), '']),
    rng.pick(['是', '否', '']),
  ];
}

/** An export: `rows` orders, `repeat` of them copies of earlier ones (changed), sorted or not. */
function exportText(seed, rows, opts) {
  const rng = createRng(seed);
  const records = [];
  for (let i = 0; i < rows; i++) {
    if (records.length > 0 && rng.next() < (opts.repeat ?? 0.1)) {
      const back = rng.pick([1, 2, 63, 64, 65, rng.int(1, records.length)]);
      const from = records[Math.max(0, records.length - back)];
      const copy = order(rng, from[0], opts);
      if (rng.next() < 0.5) copy[1] = from[1];
      records.push(copy);
    } else records.push(order(rng, `GD${seed}${String(i).padStart(7, '0')}`, opts));
  }
  if (opts.noId) for (const r of records) if (rng.next() < opts.noId) r[0] = '';
  if (opts.sorted) records.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const lines = [HEADER.join(','), ...records.map((r) => r.map(quote).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const CASES = {
  cut: { rows: 900, months: [1, 2, 3], style: 'odd', repeat: 0.2 },
  'cut-noid': { rows: 600, months: [2, 3], style: 'odd', repeat: 0.2, noId: 0.3 },
  dups: { rows: 3000, months: [1, 2, 3], style: 'plain', repeat: 0.4, complaintShare: 0.6 },
  'dups-odd': { rows: 3000, months: [3, 4], style: 'odd', repeat: 0.5, complaintShare: 0.5 },
  sorted: { rows: 4000, months: [1, 2, 3, 4], style: 'plain', repeat: 0.2, sorted: true },
  'block-edge': { rows: 8192 * 2 + 7, months: [5, 6], style: 'plain', repeat: 0.02 },
  prune: { rows: 62_000, months: [1, 2, 3, 4, 5, 6, 7], style: 'plain', repeat: 0.05 },
  'prune-sorted': {
    rows: 56_000,
    months: [1, 2, 3, 4, 5, 6],
    style: 'plain',
    repeat: 0.1,
    sorted: true,
    noId: 0.05,
  },
};

function run(bin, args, cwd, env = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, ...env, NO_COLOR: '1', TZ: 'Asia/Shanghai' },
    maxBuffer: 1 << 30,
    timeout: 600_000,
  });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** The workbook's parts but docProps/core.xml, as one text, the time it was made left out. */
function workbook(file) {
  try {
    return unzip(readFileSync(file))
      .filter((e) => e.name !== 'docProps/core.xml')
      .map((e) => `== ${e.name}\n${e.data.toString('utf8')}`)
      .join('\n')
      .replace(/(生成于|Generated) \d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, '$1 <time>');
  } catch (e) {
    return `unreadable: ${e.message}`;
  }
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

function main() {
  const argv = process.argv.slice(2);
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i < 0 ? null : argv[i + 1];
  };
  const seed = Number(arg('--seed') ?? 1);
  const only = arg('--only')?.split(',');
  const keep = arg('--keep');
  const base = process.env.COMPLAINTS_BASE_BIN ?? null;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'warn-store-'));
  mkdirSync(dir, { recursive: true });
  let checks = 0;
  const failures = [];
  for (const [name, opts] of Object.entries(CASES)) {
    if (only && !only.includes(name)) continue;
    const file = join(dir, `${name}-${seed}.csv`);
    writeFileSync(file, exportText(seed * 1000 + name.length, opts.rows, opts));
    const big = opts.rows > 20_000;
    const ranges = big ? [null, 65_549, 1 << 20] : [null, 97, 4096, 65_549];
    const commands = [
      ['warn', '--json'],
      ['analyze', '--json'],
      ['report', '--out', 'x.xlsx'],
    ];
    if (!big) commands.push(['warn', '--json', '--month', '2024-02']);
    for (const command of commands) {
      const args = [...command, '--no-progress', file];
      const out = (bin, threads, bytes) => {
        const cwd = mkdtempSync(join(dir, 'run-'));
        const env = bytes === null ? {} : { COMPLAINTS_TEST_RANGE_BYTES: String(bytes) };
        const r = run(bin, [...args, '--threads', String(threads)], cwd, env);
        if (command[0] === 'report') r.stdout += `\n${workbook(join(cwd, 'x.xlsx'))}`;
        r.stderr = r.stderr.replaceAll(cwd, '<cwd>');
        rmSync(cwd, { recursive: true, force: true });
        return r;
      };
      const one = out(BIN, 1, null);
      const compare = (label, other, repro) => {
        checks++;
        for (const key of ['status', 'stdout', 'stderr'])
          if (one[key] !== other[key]) {
            const detail =
              key === 'status'
                ? `${one.status} vs ${other.status}`
                : firstDifference(one[key], other[key]);
            failures.push(
              `${name} ${command.join(' ')} ${label}: ${key} differs ${detail}\n  ${repro}`,
            );
            console.log(`FAIL ${name} ${command.join(' ')} ${label}: ${key}`);
            return;
          }
      };
      for (const bytes of ranges) {
        const env = bytes === null ? '' : `COMPLAINTS_TEST_RANGE_BYTES=${bytes} `;
        compare(
          `2 threads, ranges ${bytes ?? 'default'}`,
          out(BIN, 2, bytes),
          `${env}node bin/complaints.js ${args.join(' ')} --threads 2 (seed ${seed}, --keep DIR)`,
        );
      }
      if (base) compare('base build', out(base, 1, null), `${base} ${args.join(' ')} --threads 1`);
      console.log(
        `${name} ${command.join(' ')}: exit ${one.status}, ${one.stdout.length} chars, ${checks} checks, ${failures.length} failing`,
      );
    }
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  console.log(`${checks} checks, ${failures.length} failing`);
  for (const f of failures) console.log(f);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main();
