// Usage: npm run bench -- [--only csv|gb18030|xlsx|bulletin|by|threads|hotwords|accuracy|warn] [--skip-generate] [--repeat N]
//        (env BENCH_CLI=path/to/complaints.js to measure another build)
//
// Ingest speed and memory: runs each reader as its own child process on the generated files,
// takes wall time and peak RSS, prints a table and PASS/FAIL per target, and writes
// bench/data/last-run.json. With --repeat N the fastest time and the highest RSS are kept.
// Exit code 1 when a target fails; a missing CLI makes its lines "not available", not a fail.

import fs from 'node:fs';
import { backtest } from './warn-backtest.js';
import path from 'node:path';
import os from 'node:os';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
// BENCH_CLI lets another build (say, a branch checked out elsewhere) be measured in its place.
const CLI = process.env.BENCH_CLI ?? path.join(ROOT, 'bin', 'complaints.js');
const DATA_DIR = path.join(BENCH, 'data');
const MiB = 1024 * 1024;

const data = (name) => path.join(DATA_DIR, name);
const script = (name) => path.join(BENCH, name);

// Keys are `<kind>:<size>`, so a 1m line finds its 250k counterpart and its reference.
const floor = (size, file, encoding = 'utf-8') => ({
  key: `floor-${encoding === 'utf-8' ? 'utf8' : 'gb'}:${size}`,
  name: `floor ${encoding} ${size}`,
  file,
  cmd: [script('floor.js'), data(file), encoding],
});
const readlineFloor = (size, file) => ({
  key: `floor-readline:${size}`,
  name: `floor readline ${size}`,
  file,
  cmd: [script('floor-readline.js'), data(file)],
});
const parser = (which) => ({
  key: `${which}:1m`,
  name: `${which} 1m`,
  file: 'orders-1m.csv',
  cmd: [script('parsers.js'), which, data('orders-1m.csv')],
});
const walk = (size, file) => ({
  key: `walk:${size}`,
  name: `exceljs walk ${file.match(/-(\w+)\./)[1]}`,
  file,
  cmd: [script('exceljs-walk.js'), data(file)],
});
const reader = (size, file) => ({
  key: `reader:${size}`,
  name: `xlsx reader walk ${file.match(/-(\w+)\./)[1]}`,
  file,
  cmd: [script('xlsx-walk.js'), data(file)],
  cli: true,
});
const inspect = (kind, size, file) => ({
  key: `inspect-${kind}:${size}`,
  name: `inspect ${file}`,
  file,
  cmd: [CLI, 'inspect', data(file), '--json'],
  cli: true,
});

const analyze = (kind, size, file) => ({
  key: `analyze-${kind}:${size}`,
  name: `analyze --json ${file}`,
  file,
  cmd: [CLI, 'analyze', data(file), '--json'],
  cli: true,
});
// Issue 16: analyze computes the hot words by default; the same run without them.
const analyzeWithoutHotWords = (kind, size, file) => ({
  key: `analyze-nohot-${kind}:${size}`,
  name: `analyze --json --no-hot-words ${file}`,
  file,
  cmd: [CLI, 'analyze', data(file), '--json', '--no-hot-words'],
  cli: true,
});
const trend = (kind, size, file) => ({
  key: `trend-${kind}:${size}`,
  name: `trend --by unit ${file}`,
  file,
  cmd: [CLI, 'trend', data(file), '--by', 'unit', '--json'],
  cli: true,
});

// Issue 14: a two-way breakdown (unit × level2) against the plain analysis of the same file.
const analyzeBy = (kind, size, file) => ({
  key: `analyze-by-${kind}:${size}`,
  name: `analyze --by unit --by level2 --json ${file}`,
  file,
  cmd: [CLI, 'analyze', data(file), '--by', 'unit', '--by', 'level2', '--json'],
  cli: true,
});

const report = (kind, size, file) => ({
  key: `report-${kind}:${size}`,
  name: `report --detail ${file}`,
  file,
  cmd: [
    CLI,
    'report',
    data(file),
    '--year',
    '2016',
    '--detail',
    '--quiet',
    '--out',
    data(`report-${size}.xlsx`),
  ],
  cli: true,
});

// Issue 13: the written bulletin against the workbook of the same report (no 明细 in either):
// the same pipeline, then docx instead of exceljs.
const bulletin = (ext, size, file) => ({
  key: `bulletin-${ext}:${size}`,
  name: `report --out x.${ext} ${file}`,
  file,
  cmd: [
    CLI,
    'report',
    data(file),
    '--year',
    '2016',
    '--quiet',
    '--out',
    data(`bulletin-${size}.${ext}`),
  ],
  cli: true,
});

// Issue 17: the same command on one thread and on two (workers reading byte ranges), 250k and 1M.
const threaded = (command, threads, size, file) => ({
  key: `${command}-t${threads}:${size}`,
  name: `${command} --json --threads ${threads} ${file}`,
  file,
  cmd: [CLI, command, data(file), '--json', '--threads', String(threads)],
  cli: true,
});

const SUITES = {
  csv: [
    floor('250k', 'orders-250k.csv'),
    floor('1m', 'orders-1m.csv'),
    readlineFloor('250k', 'orders-250k.csv'),
    readlineFloor('1m', 'orders-1m.csv'),
    parser('csv-parse'),
    parser('papaparse'),
    inspect('utf8', '250k', 'orders-250k.csv'),
    inspect('utf8', '1m', 'orders-1m.csv'),
    analyze('utf8', '250k', 'orders-250k.csv'),
    analyze('utf8', '1m', 'orders-1m.csv'),
    trend('utf8', '1m', 'orders-1m.csv'),
    report('utf8', '1m', 'orders-1m.csv'),
  ],
  gb18030: [
    floor('250k', 'orders-250k-gb18030.csv', 'gb18030'),
    floor('1m', 'orders-1m-gb18030.csv', 'gb18030'),
    inspect('gb', '250k', 'orders-250k-gb18030.csv'),
    inspect('gb', '1m', 'orders-1m-gb18030.csv'),
  ],
  xlsx: [
    walk('250k', 'orders-250k.xlsx'),
    walk('1m', 'orders-1048575.xlsx'),
    reader('250k', 'orders-250k.xlsx'),
    reader('1m', 'orders-1048575.xlsx'),
    inspect('xlsx', '250k', 'orders-250k.xlsx'),
    inspect('xlsx', '1m', 'orders-1048575.xlsx'),
    analyze('xlsx', '1m', 'orders-1048575.xlsx'),
  ],
  bulletin: [bulletin('xlsx', '1m', 'orders-1m.csv'), bulletin('docx', '1m', 'orders-1m.csv')],
  by: [analyze('utf8', '1m', 'orders-1m.csv'), analyzeBy('utf8', '1m', 'orders-1m.csv')],
  threads: ['inspect', 'analyze'].flatMap((command) =>
    [1, 2].flatMap((threads) => [
      threaded(command, threads, '250k', 'orders-250k.csv'),
      threaded(command, threads, '1m', 'orders-1m.csv'),
    ]),
  ),
  hotwords: [
    analyzeWithoutHotWords('utf8', '1m', 'orders-1m.csv'),
    analyze('utf8', '1m', 'orders-1m.csv'),
  ],
};

// [line key, reference key, label]: time ratios shown in the table.
const RATIOS = [
  ['floor-gb', 'floor-utf8', 'utf-8 floor'],
  ['csv-parse', 'floor-utf8', 'utf-8 floor'],
  ['papaparse', 'floor-utf8', 'utf-8 floor'],
  ['inspect-utf8', 'floor-utf8', 'utf-8 floor'],
  ['inspect-utf8', 'floor-readline', 'readline floor'],
  ['papaparse', 'floor-readline', 'readline floor'],
  ['csv-parse', 'floor-readline', 'readline floor'],
  ['inspect-gb', 'floor-utf8', 'utf-8 floor'],
  ['inspect-gb', 'inspect-utf8', 'utf-8 inspect'],
  ['reader', 'walk', 'walk'],
  ['inspect-xlsx', 'walk', 'walk'],
  ['analyze-xlsx', 'walk', 'walk'],
  ['analyze-utf8', 'inspect-utf8', 'inspect'],
  ['trend-utf8', 'inspect-utf8', 'inspect'],
  ['report-utf8', 'analyze-utf8', 'analyze --json'],
  ['bulletin-docx', 'bulletin-xlsx', 'report .xlsx'],
  ['analyze-by-utf8', 'analyze-utf8', 'analyze --json'],
  ['inspect-t2', 'inspect-t1', '--threads 1'],
  ['analyze-t2', 'analyze-t1', '--threads 1'],
  ['analyze-utf8', 'analyze-nohot-utf8', 'analyze --no-hot-words'],
];

function parseArgs(argv) {
  const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const only = value('--only');
  if (only !== undefined && !(only in SUITES) && only !== 'accuracy' && only !== 'warn') {
    throw new Error(
      '--only takes csv, gb18030, xlsx, bulletin, by, threads, hotwords, accuracy or warn',
    );
  }
  const repeat = Number(value('--repeat') ?? 1);
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a positive integer');
  return { only, repeat, skipGenerate: argv.includes('--skip-generate') };
}

// Read a file once so every measured run finds it in the page cache, as the floor does.
function warm(file) {
  const buf = Buffer.allocUnsafe(16 * MiB);
  const fd = fs.openSync(file, 'r');
  while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  fs.closeSync(fd);
}

const vmHwmKiB = (pid) => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // already exited
  }
};

// The pids of `pid`'s children (a relaunched run's child: src/relaunch.ts).
const childrenOf = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
  } catch {
    return [];
  }
};

// What each process of a run wrote at its exit (bench/peak-rss.js): the largest peak RSS (the
// processes' peaks are not added: each is its own limit), the CPU seconds added, how many.
function readSelves(rssFile) {
  const dir = path.dirname(rssFile);
  const prefix = `${path.basename(rssFile)}-`;
  const selves = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(prefix))) {
    try {
      selves.push(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
    } catch {}
    fs.rmSync(path.join(dir, name), { force: true });
  }
  if (selves.length === 0) return { maxRssKiB: 0, cpuSeconds: null, processes: 0 };
  return {
    maxRssKiB: Math.max(...selves.map((s) => s.maxRssKiB)),
    cpuSeconds: selves.reduce((sum, s) => sum + s.cpuSeconds, 0),
    processes: selves.length,
  };
}

// One child: wall time from spawn to exit, peak RSS as the larger of the VmHWM last polled and
// the child's own getrusage figure (bench/peak-rss.js). A run relaunched by the CLI with
// MALLOC_MMAP_THRESHOLD_ is two processes: the peak is the larger one's (the relaunched child:
// the waiting parent holds 40-55 MiB), the CPU time both's.
function runOnce(cmd) {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const args = ['--import', pathToFileURL(script('peak-rss.js')).href, ...cmd];
  const env = { ...process.env, BENCH_PEAK_RSS_FILE: rssFile };
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    let polled = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const timer = setInterval(() => {
      for (const pid of [child.pid, ...childrenOf(child.pid)])
        polled = Math.max(polled, vmHwmKiB(pid));
    }, 20);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      const { maxRssKiB: selfKiB, cpuSeconds, processes } = readSelves(rssFile);
      resolve({
        code,
        signal,
        seconds,
        cpuSeconds,
        processes,
        stdout,
        stderr,
        polledKiB: polled,
        selfKiB,
      });
    });
  });
}

// Floors and reference readers print {"rows": n}; inspect prints the JSON contract.
function rowsFrom(stdout) {
  try {
    const out = JSON.parse(stdout);
    if (typeof out.rows === 'number') return out.rows;
    if (Array.isArray(out.inputs)) return out.inputs.reduce((sum, input) => sum + input.rows, 0);
  } catch {}
  return null;
}

async function measure(spec, repeat) {
  const result = { key: spec.key, name: spec.name, file: spec.file };
  if (spec.cli && !fs.existsSync(CLI)) return { ...result, status: 'not available' };
  for (let i = 0; i < repeat; i++) {
    const r = await runOnce(spec.cmd);
    if (r.code !== 0) {
      const why = r.stderr.trim().split('\n').pop() || `signal ${r.signal}`;
      return { ...result, status: `failed (exit ${r.code ?? r.signal}): ${why}` };
    }
    const peakKiB = Math.max(r.polledKiB, r.selfKiB);
    result.status = 'ok';
    result.rows = rowsFrom(r.stdout);
    if (r.seconds < (result.seconds ?? Infinity)) {
      result.seconds = r.seconds;
      result.cpuSeconds = r.cpuSeconds;
    }
    result.peakRssMiB = Math.max(result.peakRssMiB ?? 0, peakKiB / 1024);
    result.peakRssPolledKiB = Math.max(result.peakRssPolledKiB ?? 0, r.polledKiB);
    result.peakRssSelfKiB = Math.max(result.peakRssSelfKiB ?? 0, r.selfKiB);
    result.processes = r.processes;
  }
  result.rowsPerSecond = result.rows === null ? null : result.rows / result.seconds;
  return result;
}

function addRatios(results) {
  const byKey = new Map(results.filter((r) => r.status === 'ok').map((r) => [r.key, r]));
  for (const r of byKey.values()) {
    const [kind, size] = r.key.split(':');
    r.ratios = {};
    for (const [line, ref, label] of RATIOS) {
      const other = byKey.get(`${ref}:${size}`);
      if (line === kind && other) r.ratios[label] = r.seconds / other.seconds;
    }
    const small = size === '1m' && byKey.get(`${kind}:250k`);
    if (small) {
      r.rssVs250k = r.peakRssMiB / small.peakRssMiB;
      r.timeVs250k = r.seconds / small.seconds;
    }
  }
}

// [what, line, reference, limit]: time ratios judged on the largest files, where start-up
// costs matter least.
const TIME_TARGETS = [
  // Issue 3 states the floor as about 3.5 s for this file: Node's own line reader.
  ['UTF-8 CSV inspect time ≤ 2× readline floor (1m)', 'inspect-utf8:1m', 'floor-readline:1m', 2],
  ['GB18030 inspect time ≤ 1.3× UTF-8 inspect (1m)', 'inspect-gb:1m', 'inspect-utf8:1m', 1.3],
  // Issue 17's own targets, against the floor (reading, decoding and splitting the lines).
  ['UTF-8 CSV inspect time ≤ 1.1× floor (1m, issue 17)', 'inspect-utf8:1m', 'floor-utf8:1m', 1.1],
  [
    'UTF-8 CSV analyze --json time ≤ 1.3× floor (1m, issue 17)',
    'analyze-utf8:1m',
    'floor-utf8:1m',
    1.3,
  ],
  [
    'GB18030 inspect time ≤ 1.2× UTF-8 inspect (1m, issue 17)',
    'inspect-gb:1m',
    'inspect-utf8:1m',
    1.2,
  ],
  [
    'report --detail time ≤ 1.5× analyze --json (1m, issue 17)',
    'report-utf8:1m',
    'analyze-utf8:1m',
    1.5,
  ],
  // Issue 17: our own reader, at least 3× faster than exceljs's streaming walk.
  ['xlsx inspect time ≤ 0.33× exceljs walk (1048575)', 'inspect-xlsx:1m', 'walk:1m', 0.33],
  ['xlsx analyze --json time ≤ 0.33× exceljs walk (1048575)', 'analyze-xlsx:1m', 'walk:1m', 0.33],
  // Issue 5: the full pipeline (classify, cube, metrics, JSON) against reading alone.
  ['UTF-8 CSV analyze --json time ≤ 1.5× inspect (1m)', 'analyze-utf8:1m', 'inspect-utf8:1m', 1.5],
  // Issue 16: the hot words (segmenting the texts of the period and its baselines).
  [
    'analyze --json with hot words ≤ 1.5× without (1m)',
    'analyze-utf8:1m',
    'analyze-nohot-utf8:1m',
    1.5,
  ],
  // Issue 6: the whole workbook with 明细 and charts against the JSON result.
  [
    'UTF-8 CSV report --detail time ≤ 2× analyze --json (1m)',
    'report-utf8:1m',
    'analyze-utf8:1m',
    2,
  ],
  // Issue 13: the Word bulletin costs about what the workbook does.
  [
    'report --out x.docx time ≤ 1.2× report --out x.xlsx (1m)',
    'bulletin-docx:1m',
    'bulletin-xlsx:1m',
    1.2,
  ],
  // Issue 14: --by unit --by level2 costs little beyond the analysis itself.
  [
    'analyze --by unit --by level2 time ≤ 1.2× analyze --json (1m)',
    'analyze-by-utf8:1m',
    'analyze-utf8:1m',
    1.2,
  ],
];
const RSS_LIMIT_MIB = 300;
const RSS_GROWTH = [
  ['UTF-8 CSV', 'inspect-utf8:1m'],
  ['GB18030 CSV', 'inspect-gb:1m'],
  ['xlsx', 'inspect-xlsx:1m'],
  ['UTF-8 CSV analyze', 'analyze-utf8:1m'],
];

function targets(results) {
  const ok = new Map(results.filter((r) => r.status === 'ok').map((r) => [r.key, r]));
  const list = TIME_TARGETS.map(([name, line, ref, limit]) => {
    const [x, y] = [ok.get(line), ok.get(ref)];
    return { name, limit, value: x && y ? x.seconds / y.seconds : null };
  });
  const inspects = [...ok.values()].filter((r) => /^(inspect|analyze|trend)-/.test(r.key));
  const reports = [...ok.values()].filter((r) => r.key.startsWith('report-'));
  list.push({
    name: 'report --detail peak RSS ≤ 400 MiB',
    limit: 400,
    value: reports.length ? Math.max(...reports.map((r) => r.peakRssMiB)) : null,
  });
  list.push({
    name: `report --detail peak RSS ≤ ${RSS_LIMIT_MIB} MiB (issue 17)`,
    limit: RSS_LIMIT_MIB,
    value: reports.length ? Math.max(...reports.map((r) => r.peakRssMiB)) : null,
  });
  list.push({
    name: `peak RSS ≤ ${RSS_LIMIT_MIB} MiB for every inspect, analyze and trend`,
    limit: RSS_LIMIT_MIB,
    value: inspects.length ? Math.max(...inspects.map((r) => r.peakRssMiB)) : null,
  });
  for (const [format, key] of RSS_GROWTH) {
    const name = `peak RSS(1m) ≤ 1.3× RSS(250k), ${format}`;
    list.push({ name, limit: 1.3, value: ok.get(key)?.rssVs250k ?? null });
  }
  for (const t of list) t.status = t.value === null ? 'n/a' : t.value <= t.limit ? 'PASS' : 'FAIL';
  return list;
}

function table(results) {
  const fmt = (x, digits) => (x === null || x === undefined ? '' : x.toFixed(digits));
  const rows = [
    [
      'name',
      'rows',
      'seconds',
      'cpu s',
      'rows/s',
      'time ratio',
      'peak RSS MiB',
      'RSS ×250k',
      'time ×250k',
      'procs',
    ],
  ];
  for (const r of results) {
    if (r.status !== 'ok') {
      rows.push([r.name, r.status]);
      continue;
    }
    const ratios = Object.entries(r.ratios ?? {}).map(([label, x]) => `${x.toFixed(2)}× ${label}`);
    rows.push([
      r.name,
      r.rows === null ? '?' : String(r.rows),
      fmt(r.seconds, 2),
      fmt(r.cpuSeconds, 2),
      r.rowsPerSecond === null ? '' : String(Math.round(r.rowsPerSecond)),
      ratios.join(', '),
      fmt(r.peakRssMiB, 1),
      fmt(r.rssVs250k, 2),
      fmt(r.timeVs250k, 2),
      r.processes ? String(r.processes) : '',
    ]);
  }
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.filter((row) => row.length > 2 || i === 0).map((row) => row[i].length)),
  );
  // Text columns left-aligned, figures right-aligned; failure lines run on after the name.
  const left = new Set([0, 5]);
  return rows
    .map((row) =>
      row.length === 2
        ? `${row[0].padEnd(widths[0])}  ${row[1]}`
        : row
            .map((cell, i) => (left.has(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
            .join('  ')
            .trimEnd(),
    )
    .join('\n');
}

// Classification (issue 4): accuracy on the held-out part of the hand-labelled set, with rules
// alone and with a model trained on the tuning part, and rule throughput.
function classification() {
  console.log('[bench] classification accuracy and throughput');
  const run = spawnSync(process.execPath, [script('accuracy.js'), '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`bench/accuracy.js failed: ${run.stderr}`);
  const lines = run.stdout.trimEnd().split('\n');
  const figures = JSON.parse(lines.pop());
  const check = (name, value, limit, atLeast = true) => ({
    name,
    limit,
    value,
    status: (atLeast ? value >= limit : value <= limit) ? 'PASS' : 'FAIL',
  });
  const verdicts = [
    check('held-out level 1 accuracy, rules alone ≥ 0.90', figures.rulesTest.level1, 0.9),
    check('held-out level 2 accuracy, rules alone ≥ 0.80', figures.rulesTest.level2, 0.8),
    check(
      'held-out level 2 accuracy, rules + model ≥ rules alone',
      figures.modelTest.level2 - figures.rulesTest.level2,
      0,
    ),
    check('rule throughput ≥ 100,000 texts/s', figures.rulesPerSecond, 100_000),
  ];
  return { text: lines.join('\n'), figures, verdicts };
}

async function main() {
  const { only, repeat, skipGenerate } = parseArgs(process.argv.slice(2));
  // GB18030 lines are judged against the UTF-8 ones, so that subset measures those too.
  const suites =
    only === undefined
      ? ['csv', 'gb18030', 'xlsx', 'bulletin', 'by', 'threads']
      : only === 'gb18030'
        ? ['csv', 'gb18030']
        : only === 'accuracy' || only === 'warn'
          ? []
          : [only];
  // A line two suites share (the plain analyze beside --by) is measured once.
  let specs = [...new Map(suites.flatMap((s) => SUITES[s]).map((s) => [s.key, s])).values()];
  if (only === 'gb18030') specs = specs.filter((s) => !/^(csv-parse|papaparse)/.test(s.key));

  if (!skipGenerate && specs.length > 0) {
    const genOnly = only === undefined ? [] : ['--only', only === 'xlsx' ? 'xlsx' : 'csv'];
    const gen = spawnSync(process.execPath, [script('generate.js'), ...genOnly], {
      stdio: 'inherit',
    });
    if (gen.status !== 0) throw new Error('generating the test files failed');
  }
  const missing = [...new Set(specs.map((s) => s.file))].filter((f) => !fs.existsSync(data(f)));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run node bench/generate.js`);
  if (!fs.existsSync(CLI)) console.log(`note: ${CLI} not found, inspect lines are not available`);

  // Other work on the machine (a build, a test run) shows up in wall times, not in cpu s.
  const loadAtStart = os.loadavg()[0];
  if (loadAtStart > 0.5)
    console.log(`note: load average ${loadAtStart.toFixed(2)}, times may be noisy`);
  const results = [];
  for (const spec of specs) {
    warm(data(spec.file));
    const result = await measure(spec, repeat);
    const done =
      result.status === 'ok'
        ? `${result.seconds.toFixed(2)} s, ${result.peakRssMiB.toFixed(1)} MiB`
        : result.status;
    console.log(`[bench] ${spec.name}: ${done}`);
    results.push(result);
  }
  addRatios(results);
  const verdicts = targets(results);
  const accuracy = only === undefined || only === 'accuracy' ? classification() : null;
  if (accuracy) verdicts.push(...accuracy.verdicts);
  const warning = only === undefined || only === 'warn' ? backtest() : null;
  if (warning)
    verdicts.push({
      name: 'spike false alarms on months without spikes ≤ 5%',
      limit: 5,
      value: warning.figures.spikes.flagged * 100,
      status: warning.figures.spikes.flagged <= 0.05 ? 'PASS' : 'FAIL',
    });

  if (results.length > 0) console.log('\n' + table(results) + '\n');
  if (results.some((r) => r.processes > 1))
    console.log(
      'procs 2: the CLI ran the command again in a child with MALLOC_MMAP_THRESHOLD_=131072\n' +
        '(src/relaunch.ts); peak RSS is the larger process, the child; cpu s is both.\n',
    );
  if (accuracy) console.log(accuracy.text + '\n');
  if (warning) console.log(warning.text + '\n');
  // With --only, targets of the parts not run are left out rather than listed as n/a.
  for (const t of verdicts.filter((v) => only === undefined || v.value !== null)) {
    const value = t.value === null ? 'not measured' : t.value.toFixed(2);
    console.log(`${t.status.padEnd(4)}  ${t.name}: ${value}`);
  }

  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    repeat,
    loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
    files: Object.fromEntries(specs.map((s) => [s.file, fs.statSync(data(s.file)).size])),
    results,
    classification: accuracy?.figures ?? null,
    warnBacktest: warning?.figures ?? null,
    targets: verdicts,
  };
  fs.mkdirSync(path.dirname(data('last-run.json')), { recursive: true });
  fs.writeFileSync(data('last-run.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(ROOT, data('last-run.json'))}`);
  if (verdicts.some((t) => t.status === 'FAIL')) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 2;
});
