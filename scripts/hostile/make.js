#!/usr/bin/env node
// The hostile-input files of issue 10, one class of attack or damage per file, built
// deterministically from fixed rows and a seeded PRNG. The big ones are small on disk or
// quick to build (a zip bomb is a few MB), so test/cli/hostile.test.ts builds them at test
// time into a temp folder and nothing big is committed.
//
//   node scripts/hostile/make.js DIR [NAME...]   write the files (all, or those named) to DIR
//
// `HOSTILE` lists each file with the problem it has; `build(name)` returns its bytes and facts
// the tests check against (rows, complaints, the line of the problem).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

import { createRng } from '../lib/prng.js';
import { entry, makeZip, readDirectory, repeatedEntry } from './zip.js';
import {
  COMPLAINTS,
  HEADERS,
  ROWS,
  SHARED_STRINGS_HEAD,
  SHEET_HEAD,
  SHEET_TAIL,
  escapeXml,
  rowXml,
  serial,
  sheetXml,
  standardRows,
  workbook,
  workbookEntries,
} from './xlsx.js';

const MiB = 1024 * 1024;
const csvLine = (fields) => fields.join(',');
const STANDARD_CSV = [HEADERS, ...ROWS].map(csvLine).join('\n') + '\n';

/** n work orders of May 2016 cycling through ROWS, each with its own id and time. */
export function workOrders(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const base = ROWS[i % ROWS.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hh = String(8 + (i % 10)).padStart(2, '0');
    const mm = String(i % 60).padStart(2, '0');
    rows.push([
      `1605${String(i).padStart(10, '0')}`,
      `2016-05-${day} ${hh}:${mm}:00`,
      ...base.slice(2),
    ]);
  }
  return rows;
}
const complaintsIn = (rows) => rows.filter((r) => r[3] === '投诉').length;

// ---- zip bombs and giant parts -------------------------------------------------------------

/** Shared strings: the few the sheet uses, then `<si>` filler repeated to `totalBytes`. */
function sharedStringsBomb(strings, totalBytes) {
  const head = SHARED_STRINGS_HEAD + strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('');
  const unit = '<si><t>国网黄山供电公司投诉</t></si>';
  const block = unit.repeat(Math.floor((16 * MiB) / Buffer.byteLength(unit)));
  const times = Math.max(1, Math.round(totalBytes / Buffer.byteLength(block)));
  return repeatedEntry('xl/sharedStrings.xml', [
    { data: head, times: 1 },
    { data: block, times },
    { data: '</sst>', times: 1 },
  ]);
}

/** The standard rows with every text as a shared string (index into `strings`). */
function sharedStringSheet() {
  const strings = [];
  const index = (s) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const rows = standardRows().map((values, i) => {
    const n = i + 1;
    const cells = values.map((v, c) => {
      const ref = `${String.fromCharCode(65 + c)}${n}`;
      if (typeof v === 'object') return `<c r="${ref}" s="1"><v>${serial(v.date)}</v></c>`;
      return `<c r="${ref}" t="s"><v>${index(v)}</v></c>`;
    });
    return `<row r="${n}">${cells.join('')}</row>`;
  });
  return { strings, sheet: SHEET_HEAD + rows.join('') + SHEET_TAIL };
}

function bomb(totalBytes) {
  const { strings, sheet } = sharedStringSheet();
  return workbook({ sheet, sharedStrings: sharedStringsBomb(strings, totalBytes) });
}

/** The sheet first in the zip (before workbook.xml), its rows repeated to ~`totalBytes`. */
function sheetFirstGiant(totalBytes) {
  const rows = standardRows();
  const head = SHEET_HEAD + rows.map((values, i) => rowXml(i + 1, values)).join('');
  // Rows without r= follow the one before (ECMA-376 18.3.1.73): one block serves any position.
  // They are small, so that Excel's row limit is crossed after 26 MB of XML, not 250.
  const plain = '<row><c><v>1</v></c></row>';
  const block = plain.repeat(Math.floor((16 * MiB) / Buffer.byteLength(plain)));
  const times = Math.max(1, Math.round(totalBytes / Buffer.byteLength(block)));
  const sheet = repeatedEntry('xl/worksheets/sheet1.xml', [
    { data: head, times: 1 },
    { data: block, times },
    { data: SHEET_TAIL, times: 1 },
  ]);
  const order = [
    'xl/worksheets/sheet1.xml',
    '[Content_Types].xml',
    '_rels/.rels',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
  ];
  return makeZip(workbookEntries({ sheet, order }));
}

/** `last` rows in all, each with its own row number, all of them valid work orders. */
function rowsOverLimit(last) {
  const rows = standardRows();
  const parts = [SHEET_HEAD, ...rows.map((values, i) => rowXml(i + 1, values))];
  const { strings } = sharedStringSheet();
  const unit = strings.indexOf(ROWS[0][2]);
  const type = strings.indexOf('投诉');
  const date = serial(ROWS[0][1]);
  for (let n = rows.length + 1; n <= last; n++) {
    parts.push(
      `<row r="${n}"><c><v>${n}</v></c><c s="1"><v>${date}</v></c><c t="s"><v>${unit}</v></c><c t="s"><v>${type}</v></c></row>`,
    );
  }
  parts.push(SHEET_TAIL);
  const sst =
    SHARED_STRINGS_HEAD + strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('') + '</sst>';
  return workbook({ sheet: entry('', Buffer.from(parts.join('')), 8), sharedStrings: sst });
}

// ---- damaged zips ----------------------------------------------------------------------------

/** A stored sheet whose first date has one digit changed after its CRC was taken. */
function storedWithBadCrc() {
  const xml = Buffer.from(sheetXml(standardRows()));
  const sheet = entry('', xml, 0);
  const zip = workbook({ sheet });
  const at = zip.indexOf(`<v>${serial(ROWS[0][1])}</v>`);
  zip[at + 3] = '5'.charCodeAt(0); // 42493.43… (2016-05-03) becomes 52493.43… (2043)
  return zip;
}

/** Ways a central directory can disagree with the local headers while the data is intact. */
export const DIRECTORY_DAMAGE = {
  'cd-crc': 'the directory gives the sheet another CRC-32 than its local header (data intact)',
  'cd-size': 'the directory gives the sheet an uncompressed size 100 bytes too large',
  'cd-name': 'the directory names the sheet xl/worksheets/sheet2.xml, the local header sheet1.xml',
  'cd-offset': "the directory points the sheet at styles.xml's local header",
  'cd-method': 'the directory says the sheet is stored (method 0); it is deflated',
  'eocd-count': 'the end record counts one entry fewer (the sheet is not listed)',
  'eocd-offset': 'the end record puts the directory one byte later than it is',
};

export function damageDirectory(zip, kind, target = 'xl/worksheets/sheet1.xml') {
  const buf = Buffer.from(zip);
  const { end, entries } = readDirectory(buf);
  const e = entries.find((x) => x.name === target) ?? entries[entries.length - 1];
  const other = entries.find((x) => x !== e) ?? e;
  switch (kind) {
    case 'cd-crc':
      buf.writeUInt32LE((e.crc ^ 0x01010101) >>> 0, e.at + 16);
      break;
    case 'cd-size':
      buf.writeUInt32LE(e.size + 100, e.at + 24);
      break;
    case 'cd-name': {
      const at = e.at + 46 + e.name.length - 5; // the '1' of 'sheet1.xml'
      buf[at] = buf[at] === 0x31 ? 0x32 : 0x31;
      break;
    }
    case 'cd-offset':
      buf.writeUInt32LE(other.localOffset, e.at + 42);
      break;
    case 'cd-method':
      buf.writeUInt16LE(e.method === 8 ? 0 : 8, e.at + 10);
      break;
    case 'eocd-count':
      buf.writeUInt16LE(entries.length - 1, end + 8);
      buf.writeUInt16LE(entries.length - 1, end + 10);
      break;
    case 'eocd-offset':
      buf.writeUInt32LE(buf.readUInt32LE(end + 16) + 1, end + 16);
      break;
    default:
      throw new Error(`unknown directory damage ${kind}`);
  }
  return buf;
}

/** The standard workbook with data row `index` (0-based) numbered `ref` in the sheet XML. */
function badRowRef(ref, index = 2) {
  const rows = standardRows();
  const numbers = rows.map((_, i) => String(i + 1));
  numbers[index + 1] = ref;
  return workbook({ sheet: sheetXml(rows, numbers) });
}

function cellBeyondXfd() {
  const xml = sheetXml(standardRows()).replace('<c r="E3"', '<c r="XFE3"');
  return workbook({ sheet: xml });
}

// ---- text files -------------------------------------------------------------------------------

/** Line 8 (after the header and six rows) holds one 40 MB field. */
function giantLine(bytes) {
  const chunk = '客户反映电压偏低晚上电灯发暗';
  const text = chunk.repeat(Math.ceil(bytes / Buffer.byteLength(chunk)));
  const row = ['16053100000999', '2016-05-31 10:00:00', '国网歙县供电公司', '投诉', text];
  return Buffer.from(STANDARD_CSV + csvLine(row) + '\n');
}

function wide(columns) {
  const header = [...HEADERS];
  for (let i = header.length; i < columns; i++) header.push(`备注${i + 1}`);
  const pad = ','.repeat(columns - HEADERS.length);
  const lines = [csvLine(header), ...ROWS.map((r) => csvLine(r) + pad)];
  return Buffer.from(lines.join('\n') + '\n');
}

function mixedLineEndings(n) {
  const rng = createRng(10_297);
  const rows = workOrders(n);
  const text = [HEADERS, ...rows].map((r) => csvLine(r) + rng.pick(['\r\n', '\n', '\r'])).join('');
  return { bytes: Buffer.from(text), rows: n, complaints: complaintsIn(rows) };
}

/**
 * `"` after the last header (a literal quote to RFC 4180 readers), or opening it: then the
 * contents are quoted, as many exports write text, and the header's quote pairs with the first
 * of them, so the header swallows part of line 2 and every later quote is off by one.
 */
function strayQuote(n, opening) {
  const rows = workOrders(n);
  const header = opening ? csvLine(HEADERS).replace(/,([^,]*)$/, ',"$1') : csvLine(HEADERS) + '"';
  const line = (r) => (opening ? csvLine([...r.slice(0, 4), `"${r[4]}"`]) : csvLine(r));
  const text = header + '\n' + rows.map(line).join('\n') + '\n';
  return { bytes: Buffer.from(text), rows: n, complaints: complaintsIn(rows) };
}

/** UTF-8 for the first MiB and more, then GB18030 (two exports joined with cat). */
function utf8ThenGb18030() {
  const rows = workOrders(9000);
  const head = Buffer.from(csvLine(HEADERS) + '\n', 'utf8');
  const lines = [head];
  let size = head.length;
  let utf8Rows = 0;
  while (size <= MiB + 64 * 1024) {
    const line = Buffer.from(csvLine(rows[utf8Rows]) + '\n', 'utf8');
    lines.push(line);
    size += line.length;
    utf8Rows++;
  }
  const tail = rows.slice(utf8Rows, utf8Rows + 300);
  for (const r of tail) lines.push(iconv.encode(csvLine(r) + '\n', 'gb18030'));
  const all = rows.slice(0, utf8Rows + tail.length);
  return {
    bytes: Buffer.concat(lines),
    rows: all.length,
    complaints: complaintsIn(all),
    firstGbLine: utf8Rows + 2,
  };
}

/** 297 work orders with control characters at a few places (`[row, column, text]`). */
function withControls(edits) {
  const rows = workOrders(297);
  for (const [row, column, text] of edits) rows[row][column] = text;
  return {
    bytes: Buffer.from([HEADERS, ...rows].map(csvLine).join('\n') + '\n'),
    rows: rows.length,
    units: [...new Set(workOrders(297).map((r) => r[2]))].sort(),
    // as the tool should count them: control characters gone from the business type
    complaints: complaintsIn(rows.map((r) => r.map((v) => v.replace(/[\u0000-\u001f]/g, '')))),
  };
}

export const ESCAPES = ['\u001b[2J', '\u001b]0;title\u0007', '\u001b[31m'];

function longCell(chars) {
  const rows = ROWS.map((r) => r.slice());
  rows[0][4] = '客户反映电压长期偏低'.repeat(Math.ceil(chars / 10)).slice(0, chars);
  rows[2][4] = '客户反映\u0001营业厅\u0008推诿';
  return Buffer.from([HEADERS, ...rows].map(csvLine).join('\n') + '\n');
}

// ---- the list ---------------------------------------------------------------------------------

const SIX = { rows: ROWS.length, complaints: COMPLAINTS };

/** name → [problem, () => { bytes, ...facts }] */
export const HOSTILE = {
  'bomb-64mib.xlsx': [
    'sharedStrings.xml inflates to 64 MiB from about 0.2 MB (for a small --max-inflated cap)',
    () => ({ bytes: bomb(64 * MiB), inflated: 64 * MiB }),
  ],
  'bomb-3gib.xlsx': [
    'sharedStrings.xml inflates to 3 GiB from about 9 MB',
    () => ({ bytes: bomb(3 * 1024 * MiB), inflated: 3 * 1024 * MiB }),
  ],
  'sheet-first-giant.xlsx': [
    'the sheet is the first zip entry (before workbook.xml) and inflates to 2.5 GiB: six work orders, then ~100M rows without r=',
    () => ({ bytes: sheetFirstGiant(2.5 * 1024 * MiB) }),
  ],
  'rows-over-limit.xlsx': [
    "1,048,600 rows numbered 1..1,048,600, every one a valid work order: past Excel's 1,048,576",
    () => ({ bytes: rowsOverLimit(1_048_600) }),
  ],
  'stored-crc.xlsx': [
    'a stored (method 0) sheet with one digit of the first date changed after the CRC was taken (2016 → 2043)',
    () => ({ bytes: storedWithBadCrc() }),
  ],
  ...Object.fromEntries(
    Object.entries(DIRECTORY_DAMAGE).map(([kind, problem]) => [
      `${kind}.xlsx`,
      [
        problem,
        () => ({
          bytes: damageDirectory(workbook({ sheet: sheetXml(standardRows()) }), kind),
          ...SIX,
        }),
      ],
    ]),
  ),
  ...Object.fromEntries(
    ['0', '1.5', '1e14', '4294967297'].map((ref) => [
      `row-ref-${ref}.xlsx`,
      [
        `the third data row is <row r="${ref}"> (its cells A${ref} …)`,
        () => ({ bytes: badRowRef(ref), ref }),
      ],
    ]),
  ),
  'cell-xfe.xlsx': [
    "a cell at XFE3, one column past Excel's last (XFD = 16,384)",
    () => ({ bytes: cellBeyondXfd() }),
  ],
  'line-40mb.csv': [
    'line 8 is one record of 40 MB (its 受理内容 is 13.3 million characters)',
    () => ({ bytes: giantLine(40 * MiB), line: 8 }),
  ],
  'columns-16384.csv': [
    "16,384 columns (Excel's limit, still fine)",
    () => ({ bytes: wide(16_384), ...SIX }),
  ],
  'columns-16385.csv': ["16,385 columns, one past Excel's limit", () => ({ bytes: wide(16_385) })],
  'columns-200k.csv': ['200,000 columns', () => ({ bytes: wide(200_000) })],
  'mixed-eol.csv': [
    '297 records, each line ending in CRLF, LF or a lone CR at random (seeded)',
    () => mixedLineEndings(297),
  ],
  'stray-quote.csv': [
    'a stray " at the end of the header line (受理内容"), then 297 valid records',
    () => strayQuote(297, false),
  ],
  'open-quote-header.csv': [
    'the last header field opens a quote ("受理内容), then 297 valid records with quoted contents',
    () => strayQuote(297, true),
  ],
  'utf8-then-gb18030.csv': [
    'UTF-8 for the first 1.06 MiB, then 300 records in GB18030 (two exports joined with cat)',
    () => utf8ThenGb18030(),
  ],
  'unit-x01.csv': [
    '297 work orders; \\x01 inside the unit names of lines 2 and 4 and the business type of line 6',
    () =>
      withControls([
        [0, 2, '国网歙县供电公司\u0001'],
        [2, 2, '国网休宁县\u0001供电公司'],
        [4, 3, '投\u0001诉'],
      ]),
  ],
  'nul-in-fields.csv': [
    '297 work orders; NUL bytes inside the unit names of lines 2 and 4 and the content of line 7',
    () =>
      withControls([
        [0, 2, '国网歙县\u0000供电公司'],
        [2, 2, '\u0000国网休宁县供电公司'],
        [5, 4, '客户反映\u0000门前施工路面未恢复'],
      ]),
  ],
  'terminal-escapes.csv': [
    '297 work orders; ESC [2J in a unit (line 2) and a type (line 7), ESC ]0;title BEL in a content (line 4), ESC [31m in a date (line 6)',
    () =>
      withControls([
        [0, 2, `国网歙县供电公司${ESCAPES[0]}`],
        [2, 4, `${ESCAPES[1]}客户反映营业厅推诿`],
        [4, 1, `${ESCAPES[2]}2016-13-45 08:00:00`],
        [5, 3, `投诉${ESCAPES[0]}`],
      ]),
  ],
  'standard.csv': [
    'no problem: the six work orders, for the output-path cases',
    () => ({ bytes: Buffer.from(STANDARD_CSV), ...SIX }),
  ],
  'long-cell.csv': [
    'a 受理内容 of 40,000 characters (Excel holds 32,767) and one with \\x01 and \\x08',
    () => ({ bytes: longCell(40_000), chars: 40_000 }),
  ],
};

export function build(name) {
  const item = HOSTILE[name];
  if (!item) throw new Error(`no hostile file ${name}`);
  return item[1]();
}

/** Writes the file into `dir` and returns its path and facts. */
export function writeHostile(dir, name) {
  const { bytes, ...facts } = build(name);
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return { file, size: bytes.length, ...facts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, ...names] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node scripts/hostile/make.js DIR [NAME...]');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const name of names.length ? names : Object.keys(HOSTILE)) {
    const started = Date.now();
    const { size } = writeHostile(dir, name);
    console.log(`${name}\t${size} bytes\t${Date.now() - started} ms\t${HOSTILE[name][0]}`);
  }
}
