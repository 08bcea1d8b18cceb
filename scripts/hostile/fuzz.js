#!/usr/bin/env node
// The fuzz campaign of issue 10: real fixture files mutated (byte flips, truncation, splices,
// broken zip directories and CRCs, zip bombs, damaged sheet XML, giant cells and lines,
// control characters, mixed encodings and line endings, stray quotes, wide files) and run
// through the built program, each case in a fresh working folder and TMPDIR, two at a time.
// A case passes when it ends with exit 0, 2 or 3 within 60 s and under 1 GiB, with no stack
// trace or internal error, names the file when it refuses, leaves nothing behind and leaves
// its input unchanged (scripts/hostile/run.js judge()).
//
//   node scripts/hostile/fuzz.js [--seed N] [--cases N] [--concurrency N] [--timeout S]
//                                [--only KIND,...] [--case K] [--keep]
//
// Case K of seed S is always the same file and command: `--seed S --case K --keep` reruns it
// alone and keeps its input under fuzz-results/. Results: fuzz-results/fuzz-seed-S.json (every
// case) and .txt (the summary), also printed; exit 1 when any case fails.

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';

import { createRng } from '../lib/prng.js';
import { MUTATIONS, mutate, seedsFor } from './mutate.js';
import {
  GiB,
  BIN,
  MiB,
  ROOT,
  crashSigns,
  judge,
  leftovers,
  listFiles,
  runComplaints,
  sha256,
} from './run.js';

function options(argv) {
  const o = {
    seed: 1,
    cases: 1000,
    concurrency: 2,
    timeout: 60,
    only: null,
    case: null,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seed') o.seed = Number(value());
    else if (a === '--cases') o.cases = Number(value());
    else if (a === '--concurrency') o.concurrency = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--only') o.only = value().split(',');
    else if (a === '--case') o.case = Number(value());
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of o.only ?? [])
    if (!MUTATIONS[k]) throw new Error(`no mutation ${k}: ${Object.keys(MUTATIONS).join(', ')}`);
  if (!Number.isInteger(o.seed) || !(o.cases > 0) || !(o.concurrency > 0))
    throw new Error('bad --seed, --cases or --concurrency');
  return o;
}

function seedFiles() {
  const dirs = ['fixtures', 'fixtures/metrics'];
  const files = [];
  for (const d of dirs) {
    for (const name of readdirSync(join(ROOT, d)).sort()) {
      if (/\.(csv|xlsx|txt)$/.test(name) || /^targets-.*\.json$/.test(name)) {
        files.push({ file: `${d}/${name}`, bytes: readFileSync(join(ROOT, d, name)) });
      }
    }
  }
  return files;
}

/** What case `index` of `seed` is: its mutation, seed file, command; all from its own PRNG. */
function plan(seed, index, seeds, only) {
  const rng = createRng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const kinds = Object.entries(MUTATIONS).filter(([k]) => !only || only.includes(k));
  const kind = rng.weighted(kinds.map(([k, [w]]) => [k, w]));
  const source = rng.pick(seedsFor(kind, seeds));
  const { name, bytes, detail, refuse, warn } = mutate(kind, rng, source, seeds);
  const command = rng.weighted([
    ['inspect', 40],
    ['analyze --json', 30],
    ['classify --out x.csv', 20],
    ['report --out x.xlsx', 10],
  ]);
  return { index, kind, source: source.file, name, bytes, detail, refuse, warn, command };
}

function argsFor(command, input) {
  switch (command) {
    case 'inspect':
      return ['inspect', input];
    case 'analyze --json':
      return ['analyze', input, '--json'];
    case 'classify --out x.csv':
      return ['classify', input, '--out', 'x.csv'];
    default:
      return ['report', input, '--out', 'x.xlsx'];
  }
}

async function runCase(c, o, work) {
  const dir = join(work, String(c.index));
  const inDir = join(dir, 'in');
  const cwd = join(dir, 'out');
  const tmp = join(dir, 'tmp');
  for (const d of [inDir, cwd, tmp]) mkdirSync(d, { recursive: true });
  const input = join(inDir, c.name);
  writeFileSync(input, c.bytes);
  const before = sha256(input);
  const args = argsFor(c.command, relative(cwd, input));
  const run = await runComplaints(args, { cwd, tmp, timeoutMs: o.timeout * 1000, rssLimit: GiB });
  const after = existsSync(input) ? sha256(input) : 'gone';
  const problems = judge(run, {
    input,
    hashBefore: before,
    hashAfter: after,
    timeLimitMs: o.timeout * 1000,
  });
  // Beyond the general rule: damage or a limit we know we put there must be refused, and a
  // mix of encodings must never come out as U+FFFD.
  if (c.refuse && !run.killed && run.code !== 2) {
    problems.push(`not refused (exit ${run.code}) despite ${c.refuse}`);
  }
  // (the file's own name, *.zip-directory.xlsx, does not count as a warning)
  const shown = (run.stdout + run.stderr).split(c.name).join('');
  const warned = /directory|local header|zip 目录/i.test(shown);
  if (c.warn && c.command === 'inspect' && run.code === 0 && !warned) {
    problems.push(`read without a warning despite ${c.warn}`);
  }
  if (c.kind === 'encodings' && run.code === 0 && run.stdout.includes('\uFFFD')) {
    problems.push('garbled text (U+FFFD) in the output');
  }
  const signs = crashSigns(run.stderr);
  const result = {
    case: c.index,
    kind: c.kind,
    source: c.source,
    detail: c.detail,
    mustRefuse: c.refuse,
    mustWarn: c.warn,
    size: c.bytes.length,
    command: `complaints ${args.join(' ')}`,
    exit: run.code,
    signal: run.signal,
    seconds: Math.round(run.ms) / 1000,
    peakRssMiB: Math.round(run.maxRss / MiB),
    killed: run.killed,
    stackTrace: signs.includes('stack trace'),
    internalError: signs.includes('internal error'),
    namesFile: run.code === 2 ? run.stderr.includes(basename(input)) : null,
    leftovers: [...listFiles(tmp).map((f) => `TMPDIR/${f}`), ...leftovers(cwd)],
    inputChanged: before !== after,
    stderr: run.stderr.slice(0, 400),
    problems,
    pass: problems.length === 0,
    repro: `node scripts/hostile/fuzz.js --seed ${o.seed} --case ${c.index} --keep`,
  };
  if (o.keep) {
    const keep = join(ROOT, 'fuzz-results', `case-${o.seed}-${c.index}`);
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, c.name), c.bytes);
    result.kept = relative(ROOT, join(keep, c.name));
  }
  rmSync(dir, { recursive: true, force: true });
  return result;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  // Names left-aligned, figures right-aligned, the exit codes (last) left-aligned and unpadded.
  const last = rows[0].length - 1;
  const cell = (v, i) =>
    i === 0 ? String(v).padEnd(widths[i]) : i === last ? String(v) : String(v).padStart(widths[i]);
  return rows.map((r) => r.map(cell).join('  ')).join('\n');
}

function summary(results, o, seconds) {
  const groups = new Map();
  for (const r of results) {
    for (const key of [r.kind, '(all)']) {
      const g = groups.get(key) ?? { cases: 0, pass: 0, maxTime: 0, maxRss: 0, exits: {} };
      g.cases++;
      if (r.pass) g.pass++;
      g.maxTime = Math.max(g.maxTime, r.seconds);
      g.maxRss = Math.max(g.maxRss, r.peakRssMiB);
      const e = r.killed ? `killed:${r.killed}` : String(r.exit);
      g.exits[e] = (g.exits[e] ?? 0) + 1;
      groups.set(key, g);
    }
  }
  const keys = [...groups.keys()].filter((k) => k !== '(all)').sort();
  const rows = [['mutation', 'cases', 'pass', 'fail', 'max s', 'max RSS MiB', 'exit codes']];
  for (const k of [...keys, '(all)']) {
    const g = groups.get(k);
    const exits = Object.entries(g.exits)
      .sort()
      .map(([e, n]) => `${e}:${n}`)
      .join(' ');
    rows.push([k, g.cases, g.pass, g.cases - g.pass, g.maxTime.toFixed(1), g.maxRss, exits]);
  }
  const failing = results.filter((r) => !r.pass);
  const problemCounts = {};
  for (const r of failing)
    for (const p of r.problems) {
      const key = p
        .replace(/(?<![A-Za-z0-9-]|exit )\d[\d.,]*/g, 'N')
        .replace(/: .*/, '')
        .replace(/ on \S+$/, '');
      problemCounts[key] = (problemCounts[key] ?? 0) + 1;
    }
  const lines = [
    `fuzz campaign: seed ${o.seed}, ${results.length} cases, concurrency ${o.concurrency}, ${Math.round(seconds)} s, program ${relative(ROOT, BIN) || BIN}`,
    '',
    table(rows),
    '',
    `${results.length - failing.length} passed, ${failing.length} failed.`,
  ];
  if (failing.length) {
    lines.push(
      '',
      'broken rules (cases):',
      ...Object.entries(problemCounts)
        .sort((a, b) => b[1] - a[1])
        .map(([p, n]) => `  ${n}\t${p}`),
    );
    lines.push('', 'failing cases (reproduce with the command after the #):');
    for (const r of failing) {
      lines.push(
        `  ${r.case}\t${r.kind}: ${r.source}, ${r.detail}; ${r.command.replace(/ \S*in\/\S+/, ' FILE')}: ${r.problems.join('; ')}  # ${r.repro}`,
      );
    }
  }
  return lines.join('\n');
}

async function main() {
  const o = options(process.argv.slice(2));
  if (!process.env.COMPLAINTS_BIN && !existsSync(join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
  const seeds = seedFiles();
  const indexes = o.case !== null ? [o.case] : Array.from({ length: o.cases }, (_, i) => i);
  if (o.case !== null) o.keep = true;
  const work = mkdtempSync(join(tmpdir(), 'complaints-fuzz-'));
  const results = [];
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < indexes.length) {
      const index = indexes[next++];
      const c = plan(o.seed, index, seeds, o.only);
      const r = await runCase(c, o, work);
      results.push(r);
      if (!r.pass || o.case !== null) {
        process.stderr.write(
          `case ${r.case} ${r.kind} (${r.detail}) ${r.command}: exit ${r.exit}, ${r.seconds} s, ${r.peakRssMiB} MiB${r.pass ? '' : ` FAIL: ${r.problems.join('; ')}`}\n`,
        );
      }
      if (results.length % 50 === 0) {
        process.stderr.write(
          `… ${results.length}/${indexes.length} cases, ${results.filter((x) => !x.pass).length} failing, ${Math.round((Date.now() - started) / 1000)} s\n`,
        );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, worker));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  results.sort((a, b) => a.case - b.case);
  const text = summary(results, o, (Date.now() - started) / 1000);
  const outDir = join(ROOT, 'fuzz-results');
  mkdirSync(outDir, { recursive: true });
  const stem = o.case !== null ? `case-${o.seed}-${o.case}` : `fuzz-seed-${o.seed}`;
  writeFileSync(
    join(outDir, `${stem}.json`),
    JSON.stringify(
      { seed: o.seed, cases: results.length, program: BIN, options: o, results },
      null,
      2,
    ) + '\n',
  );
  writeFileSync(join(outDir, `${stem}.txt`), text + '\n');
  console.log(text);
  console.log(`\nwritten: fuzz-results/${stem}.json, fuzz-results/${stem}.txt`);
  return results.every((r) => r.pass) ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`fuzz: ${error.message}`);
    process.exitCode = 2;
  },
);
