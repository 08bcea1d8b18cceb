#!/usr/bin/env node
// A campaign on the per-row reading of CSVs that the fuzzer does not aim at: the ids' slots read
// 64 records ahead (OffsetRow.touchAhead, the merge's IdIndex.slotOfHash), the customer number and
// phone digested in place for `inspect` (OffsetRow.digestPrintable) against analyze's strings, the
// cells not made for the ranges' collectors. Each export is built here (deterministic, seeded):
// ids repeated at distances around 64 records, at 64 KiB chunk edges and across the ranges of two
// threads, copies that differ only in how a customer number or phone is written (full-width
// digits, spaces, quotes, line breaks, control characters, non-ASCII), ragged rows, records kept
// as strings, GB18030.
//
// For each file, `inspect --json` and `analyze --json` run with --threads 1, and with
// --threads 2 cut into ranges of several sizes (COMPLAINTS_TEST_RANGE_BYTES): stdout, stderr and
// the exit code must be the same byte for byte; and inspect's duplicate counts (per input and in
// total) and rejects must be analyze's.
//
//   node scripts/hostile/threads.js [--seed N] [--keep DIR]   (--keep: leaves the exports in DIR)
//
// Exit 1 when a check fails; each failure is printed with the command that reproduces it.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

import { createRng } from '../lib/prng.js';
import { BIN } from './run.js';

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
const ID = 0;
const CUSTOMER = 7;
const PHONE = 8;

const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Ways of writing one customer number or phone: the same after cleaning (NFKC, trim). */
function sameWritten(rng, ascii) {
  const full = [...ascii]
    .map((c) => (c >= '0' && c <= '9' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
    .join('');
  return rng.pick([
    ascii,
    full,
    ` ${ascii}`,
    `${ascii}  `,
    `\t${ascii}`,
    `${ascii}\u3000`,
    `\u00a0${ascii}`,
    `${ascii}\r\n`,
  ]);
}

/** A customer number or phone that is hostile to the in-place digest. */
function oddValue(rng, ascii) {
  return rng.pick([
    ascii,
    '',
    ' ',
    `${ascii.slice(0, 3)} ${ascii.slice(3)}`,
    `"${ascii}"`,
    `${ascii}"x`,
    `${ascii.slice(0, 4)}\n${ascii.slice(4)}`,
    `${ascii.slice(0, 4)}\r\n${ascii.slice(4)}`,
    `户${ascii}`,
    `${ascii}号`,
    `${ascii}\x01`,
    `\x7f${ascii}`,
    `${ascii}\u200b`,
    `${ascii}😀`,
    `ｔｅｌ:${ascii}`,
    `'${ascii}`,
    `=${ascii}`,
    `${ascii},${ascii}`,
    '~!@#$%^&*()_+{}|:<>?',
    `${ascii}\u00e9`,
    `${ascii}e\u0301`,
  ]);
}

/** How an id may be written: raw hashes differ (touchAhead), cleaned ids do not. */
function idWritten(rng, id) {
  return rng.pick([
    id,
    id,
    id,
    ` ${id}`,
    `${id} `,
    id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
    `"${id}"`,
  ]);
}

const UNITS = [
  '国网屯溪区供电公司',
  '国网黄山区供电公司',
  '国网歙县供电公司',
  '国网休宁县供电公司',
];
const TEXTS = [
  '客户反映电压不稳，"要求"上门检测。',
  '客户来电：\r\n1. 停电十二小时\r\n2. 抢修未到，"很不满意"',
  '第一行\n第二行，含逗号, 和引号""\n第三行',
  '表情与𠮷字：多字节字符跨越切点',
  '投诉：抄表员态度恶劣',
  '',
  'x'.repeat(300),
  '电费'.repeat(120),
];

/** One work order's fields (before the copy's changes). */
function order(rng, id, texts = TEXTS) {
  const month = rng.pick(['09', '10', '11']);
  return [
    id,
    `2016-${month}-1${rng.int(0, 9)} 10:0${rng.int(0, 9)}:00`,
    rng.pick(UNITS),
    rng.pick(['投诉', '投诉', '投诉', '意见', '故障报修']),
    rng.pick(texts),
    rng.pick(['服务投诉', '营业投诉', '停送电投诉', '']),
    rng.pick(['服务态度', '抄表催费', '抢修质量', '']),
    rng.digits(10),
    `139${rng.digits(8)}`,
    rng.pick(['申诉成功', '', '']),
    rng.pick([`2016-${month}-20 10:00:00`, '']),
    rng.pick(['满意', '不满意', '未回访', '']),
    rng.pick(['是', '否', '']),
  ];
}

/** A copy of `fields`: identical, written differently but the same, or changed. */
function copyOf(rng, fields, idText) {
  const copy = [...fields];
  copy[ID] = idWritten(rng, idText);
  const how = rng.int(0, 5);
  if (how === 1 || how === 2) {
    copy[CUSTOMER] = sameWritten(rng, fields[CUSTOMER]);
    copy[PHONE] = sameWritten(rng, fields[PHONE]);
  } else if (how === 3) {
    copy[PHONE] = oddValue(rng, fields[PHONE]);
  } else if (how === 4) {
    copy[CUSTOMER] = oddValue(rng, fields[CUSTOMER]);
  } else if (how === 5) {
    copy[rng.pick([CUSTOMER, PHONE, 11, 9])] = rng.pick(['', '13900000000', '不满意', 'X']);
  }
  return copy;
}

/**
 * An export of about `rows` work orders. `distances`: how far back a copy's original lies (in
 * records). `ragged`: rows with fields missing or added. `title`: title rows above the header.
 */
function exportText(
  seed,
  rows,
  { distances, ragged = 0, odd = 0.2, title = false, eol = '\r\n', texts = TEXTS },
) {
  const rng = createRng(seed);
  const records = [];
  const lines = [];
  if (title) lines.push('国网黄山供电公司95598工单明细', '导出时间：2016-12-26 11:42:05');
  lines.push(HEADER.join(','));
  for (let i = 0; i < rows; i++) {
    let fields;
    const d = rng.pick(distances);
    if (d > 0 && records.length >= d && rng.next() < 0.5) {
      const original = records[records.length - d];
      fields = copyOf(rng, original, original[ID]);
    } else {
      fields = order(rng, `G${seed % 1000}${String(i).padStart(6, '0')}`, texts);
      if (rng.next() < odd) fields[rng.pick([CUSTOMER, PHONE])] = oddValue(rng, fields[PHONE]);
    }
    records.push(fields);
    let line = [...fields];
    if (ragged > 0 && rng.next() < ragged) {
      if (rng.next() < 0.5) line = line.slice(0, rng.int(1, line.length - 1));
      else line.push(...Array.from({ length: rng.int(1, 3) }, () => rng.pick(['', 'x', '多'])));
    }
    lines.push(line.map(quote).join(','));
  }
  return lines.join(eol) + eol;
}

/** The files of a campaign: [name, bytes]. */
function files(seed) {
  const around64 = [0, 1, 2, 62, 63, 64, 65, 66, 127, 128, 129, 191, 192, 193];
  const far = [0, 300, 700, 1500, 2999];
  const list = [
    ['ahead.csv', exportText(seed, 3000, { distances: around64 })],
    ['ahead-lf.csv', '\uFEFF' + exportText(seed + 1, 2500, { distances: around64, eol: '\n' })],
    ['far.csv', exportText(seed + 2, 4000, { distances: far, title: true })],
    ['people.csv', exportText(seed + 3, 2000, { distances: [1, 64, 65, 200], odd: 0.6 })],
    ['ragged.csv', exportText(seed + 4, 2000, { distances: around64, ragged: 0.05 })],
    ['short-rows.csv', exportText(seed + 5, 1500, { distances: [1, 63, 64], ragged: 0.3 })],
  ];
  // Every text over two lines: every record is kept as strings (OffsetRow.ofCells).
  const broken = TEXTS.filter((t) => t.includes('\n'));
  list.push(['slow.csv', exportText(seed + 8, 1500, { distances: around64, texts: broken })]);
  // GB18030, every record over two lines. the digest reads the decoded chunk; 😀 and 𠮷 are four bytes each in GB18030.
  const gb = exportText(seed + 6, 2500, { distances: around64, odd: 0.4, title: true });
  list.push(['gb18030.csv', iconv.encode(gb, 'gb18030')]);
  // Records padded so that ids fall on the 64 KiB pieces' edges: the first field of every
  // record near a multiple of 65,536 bytes.
  list.push(['edges.csv', edgesText(seed + 7)]);
  return list;
}

/** Records of 1,024 bytes shifted by one byte a record: some start at each 64 KiB edge. */
function edgesText(seed) {
  const rng = createRng(seed);
  const lines = [HEADER.join(',')];
  let bytes = Buffer.byteLength(lines[0]) + 2;
  const records = [];
  for (let i = 0; i < 700; i++) {
    let fields;
    if (records.length > 64 && rng.next() < 0.3) {
      const original = records[records.length - rng.pick([1, 63, 64, 65])];
      fields = copyOf(rng, original, original[ID]);
    } else {
      fields = order(rng, `E${String(i).padStart(5, '0')}`);
    }
    fields[4] = '';
    records.push(fields);
    let line = fields.map(quote).join(',');
    // Pad the text so that this record ends where the next one's id meets an edge, now and then.
    const target = 65_536 - (bytes % 65_536) - rng.int(0, 8);
    const pad = target > Buffer.byteLength(line) + 2 && target < 3000 ? target : 1024 + (i % 7);
    const fill = Math.max(0, pad - Buffer.byteLength(line) - 2);
    fields[4] = 'a'.repeat(fill);
    line = fields.map(quote).join(',');
    lines.push(line);
    bytes += Buffer.byteLength(line) + 2;
  }
  return lines.join('\r\n') + '\r\n';
}

function run(args, env = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The line that says a --threads above the cores was cut. */
const threadsCut = (stderr) => stderr.replace(/^--threads \d+：.*\n/m, '');

function options(argv) {
  const o = { seed: 1, keep: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') o.seed = Number(argv[++i]);
    else if (argv[i] === '--keep') o.keep = argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}

function main() {
  const o = options(process.argv.slice(2));
  const dir = o.keep ?? mkdtempSync(join(tmpdir(), 'complaints-threads-'));
  mkdirSync(dir, { recursive: true });
  const failures = [];
  let checks = 0;
  const fail = (what, args, env) => {
    const envText = Object.entries(env)
      .map(([k, v]) => `${k}=${v} `)
      .join('');
    failures.push(`${what}\n    ${envText}node bin/complaints.js ${args.join(' ')}`);
    console.log(`FAIL ${what}`);
  };
  try {
    const written = files(o.seed).map(([name, data]) => {
      const file = join(dir, name);
      writeFileSync(file, data);
      return file;
    });
    // Two exports read together: the merge's look-ahead over another input's ids.
    const sets = [...written.map((f) => [f]), [written[0], written[2]], [written[3], written[0]]];
    for (const inputs of sets) {
      const size = inputs.reduce((s, f) => s + statSync(f).size, 0);
      const ranges = [97, 4096, 65_536 + 13, Math.ceil(size / 2)];
      const results = {};
      for (const command of ['inspect', 'analyze']) {
        const args = [command, ...inputs, '--json'];
        const one = run([...args, '--threads', '1']);
        results[command] = one;
        checks++;
        if (one.code !== 0)
          fail(
            `${command} exit ${one.code}: ${one.stderr.slice(0, 200)}`,
            [...args, '--threads', '1'],
            {},
          );
        for (const bytes of ranges) {
          const env = { COMPLAINTS_TEST_RANGE_BYTES: String(bytes) };
          const two = run([...args, '--threads', '2'], env);
          checks++;
          const name = `${command} ${inputs.map((f) => f.slice(dir.length + 1)).join(' ')} ranges ${bytes}`;
          if (two.code !== one.code)
            fail(`${name}: exit ${two.code} vs ${one.code}`, [...args, '--threads', '2'], env);
          else if (threadsCut(two.stderr) !== one.stderr)
            fail(`${name}: stderr differs`, [...args, '--threads', '2'], env);
          else if (two.stdout !== one.stdout)
            fail(`${name}: stdout differs`, [...args, '--threads', '2'], env);
        }
      }
      checks++;
      const agree = compareCounts(results.inspect.stdout, results.analyze.stdout);
      if (agree)
        fail(
          `inspect and analyze disagree on ${inputs.join(' ')}: ${agree}`,
          ['inspect', ...inputs, '--json'],
          {},
        );
      else {
        const t = JSON.parse(results.inspect.stdout).totals;
        console.log(
          `ok ${inputs.map((f) => f.slice(dir.length + 1)).join(' + ')}: ${t.workOrders} orders, ${t.duplicates} duplicates (${t.duplicatesDiffering} differing), ${t.rejected} rejected`,
        );
      }
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${checks} checks, ${failures.length} failing`);
  for (const f of failures) console.log(`- ${f}`);
  if (failures.length > 0 && !o.keep)
    console.log(`(the exports are removed: --seed ${o.seed} --keep DIR makes them again in DIR)`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

/** What inspect's and analyze's JSON say differently about rows and duplicates; '' when nothing. */
function compareCounts(inspectJson, analyzeJson) {
  let a;
  let b;
  try {
    a = JSON.parse(inspectJson);
    b = JSON.parse(analyzeJson);
  } catch {
    return 'output is not JSON';
  }
  const pick = (i) => ({
    rows: i.rows ?? i.workOrders,
    duplicates: i.duplicates,
    duplicatesDiffering: i.duplicatesDiffering,
    rejected: i.rejected,
  });
  const x = JSON.stringify({
    inputs: a.inputs.map(pick),
    rejects: a.rejects,
    totals: pick(a.totals),
  });
  const y = JSON.stringify({
    inputs: b.inputs.map(pick),
    rejects: b.rejects,
    totals: pick(b.totals),
  });
  if (x === y) return '';
  return `inspect ${x.slice(0, 400)} vs analyze ${y.slice(0, 400)}`;
}

main();
