// Usage: node bench/generate.js [--only csv|xlsx] [--force]
//
// Writes the synthetic 95598 exports the benchmark reads into bench/data/. Every file is a
// prefix of the same deterministic row stream (bench/rows.js), so 250k and 1M files differ
// only in length. Files whose size matches the manifest of the last generation are skipped.

import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { HEADERS, workOrders, rowValues, formatTime } from './rows.js';

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
// Bump when rows.js changes, so stale files are regenerated rather than trusted by size.
const GENERATOR_VERSION = 1;
const SEED = 95598;
const MANIFEST = path.join(DATA_DIR, 'manifest.json');

const CSV_FILES = [
  ['orders-1m.csv', 1_000_000, 'utf8'],
  ['orders-250k.csv', 250_000, 'utf8'],
  ['orders-1m-gb18030.csv', 1_000_000, 'gb18030'],
  ['orders-250k-gb18030.csv', 250_000, 'gb18030'],
];
const XLSX_FILES = [
  ['orders-250k.xlsx', 250_000],
  ['orders-1048575.xlsx', 1_048_575],
];

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(1).padStart(6) + ' s';
const log = (msg) => console.log(`[generate ${elapsed()}] ${msg}`);

function readManifest() {
  try {
    const m = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
    return m.version === GENERATOR_VERSION && m.seed === SEED ? m : { files: {} };
  } catch {
    return { files: {} };
  }
}

function isCurrent(manifest, name) {
  const file = path.join(DATA_DIR, name);
  return fs.existsSync(file) && fs.statSync(file).size === manifest.files[name];
}

function record(name) {
  const manifest = readManifest();
  manifest.version = GENERATOR_VERSION;
  manifest.seed = SEED;
  manifest.files[name] = fs.statSync(path.join(DATA_DIR, name)).size;
  fs.writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2) + '\n');
}

const csvField = (v) => (/[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);

function csvLine(order) {
  const values = rowValues(order);
  values[1] = formatTime(values[1]);
  return values.map(csvField).join(',') + '\r\n';
}

// One pass writes all four CSV files: the 250k ones are closed at the boundary.
async function writeCsv() {
  const outs = CSV_FILES.map(([name, rows, encoding]) => ({
    name,
    rows,
    tmp: path.join(DATA_DIR, name + '.tmp'),
    encoder: encoding === 'utf8' ? null : iconv.getEncoder(encoding),
  }));
  for (const o of outs) o.stream = fs.createWriteStream(o.tmp, { highWaterMark: 1 << 20 });

  const flush = async (text, written) => {
    const waits = [];
    for (const o of outs) {
      if (written > o.rows) continue;
      const bytes = o.encoder ? o.encoder.write(text) : Buffer.from(text, 'utf8');
      // An ending stream emits no 'drain'; the final wait is on 'close' instead.
      if (written === o.rows) o.stream.end(bytes);
      else if (!o.stream.write(bytes)) waits.push(once(o.stream, 'drain'));
    }
    await Promise.all(waits);
  };

  // Windows exports end records with CRLF; a line break inside a cell is a bare LF.
  let text = HEADERS.join(',') + '\r\n';
  let written = 0;
  for (const order of workOrders(1_000_000, SEED)) {
    text += csvLine(order);
    written++;
    // 2500 divides both file sizes, so each file ends exactly on a flush.
    if (written % 2500 === 0) {
      await flush(text, written);
      text = '';
      if (written % 100_000 === 0) log(`csv ${written} rows`);
    }
  }
  if (text) await flush(text, written);
  await Promise.all(outs.map((o) => (o.stream.closed ? null : once(o.stream, 'close'))));
  for (const o of outs) {
    fs.renameSync(o.tmp, path.join(DATA_DIR, o.name));
    record(o.name);
    log(`wrote ${o.name} (${fs.statSync(path.join(DATA_DIR, o.name)).size} bytes)`);
  }
}

async function writeXlsx(name, rows) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const tmp = path.join(DATA_DIR, name + '.tmp');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: tmp,
    useStyles: true, // needed for the date number format
    useSharedStrings: false,
  });
  // The writer reports a failed output stream only from commit(); catch it while writing.
  const failed = new Promise((resolve, reject) => {
    workbook.stream.on('error', reject);
    workbook.zip.on('error', reject);
  });
  failed.catch(() => {}); // observed through Promise.race below
  const sheet = workbook.addWorksheet('工单明细');
  sheet.columns = HEADERS.map((header, i) => ({
    header,
    width: i === 4 ? 60 : 18,
    style: i === 1 ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : undefined,
  }));
  let written = 0;
  for (const order of workOrders(rows, SEED)) {
    const values = rowValues(order).map((v) => (v === '' ? null : v));
    values[1] = new Date(order.acceptedAt);
    sheet.addRow(values).commit();
    written++;
    // The writer ignores backpressure and deflate is slower than we are, so the sheet XML
    // piles up in the PassThrough that archiver reads from (exceljs internals): wait for it.
    if (written % 2000 === 0) {
      await new Promise(setImmediate);
      const queue = sheet.stream.pipes?.[0];
      if (queue?._writableState?.length > 8 << 20) {
        await Promise.race([once(queue, 'drain'), failed]);
      }
      if (written % 100_000 === 0) log(`${name} ${written} rows`);
    }
  }
  sheet.commit();
  await workbook.commit();
  fs.renameSync(tmp, path.join(DATA_DIR, name));
  record(name);
  log(`wrote ${name} (${fs.statSync(path.join(DATA_DIR, name)).size} bytes)`);
}

async function main(argv) {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  if (only !== null && only !== 'csv' && only !== 'xlsx') {
    throw new Error(`--only takes csv or xlsx, got ${only}`);
  }
  const force = argv.includes('--force');
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const manifest = readManifest();

  if (only !== 'xlsx') {
    if (!force && CSV_FILES.every(([name]) => isCurrent(manifest, name)))
      log('csv files up to date');
    else await writeCsv();
  }
  if (only !== 'csv') {
    for (const [name, rows] of XLSX_FILES) {
      if (!force && isCurrent(manifest, name)) log(`${name} up to date`);
      else await writeXlsx(name, rows);
    }
  }
  log('done');
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
