// The fuzz campaign's mutations of real fixture files. Each takes the case's seeded PRNG and
// the seed files and returns { name, bytes, detail }: the damaged file, its name (extension
// kept, so the program sees what a user would give it) and one line saying what was done.
// Every choice comes from the PRNG, so (seed, case) regenerates the same bytes.

import { extname, basename } from 'node:path';
import iconv from 'iconv-lite';

import { entry, makeZip, readDirectory, repeatedEntry, unzip } from './zip.js';
import { damageDirectory, DIRECTORY_DAMAGE } from './make.js';

const MiB = 1024 * 1024;
const isZip = (b) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

/** The text of a seed file and how to write text back the same way. */
export function textOf(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: iconv.decode(bytes.subarray(2), 'utf-16le'),
      encode: (t) => Buffer.concat([bytes.subarray(0, 2), iconv.encode(t, 'utf-16le')]),
    };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: bytes.toString('utf8', 3),
      encode: (t) => Buffer.concat([bytes.subarray(0, 3), Buffer.from(t, 'utf8')]),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encode: (t) => Buffer.from(t, 'utf8') };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encode: (t) => iconv.encode(t, 'gb18030') };
  }
}

function lines(text) {
  return text.split(/(?<=\r\n|\n|\r)/);
}

// ---- any file --------------------------------------------------------------------------------

function flip(rng, seed) {
  const bytes = Buffer.from(seed.bytes);
  const n = rng.int(1, 32);
  const at = [];
  for (let i = 0; i < n; i++) {
    const p = rng.int(0, bytes.length - 1);
    bytes[p] ^= rng.int(1, 255);
    at.push(p);
  }
  return {
    bytes,
    detail: `${n} bytes changed at ${at.slice(0, 6).join(', ')}${n > 6 ? ' …' : ''}`,
  };
}

function truncate(rng, seed) {
  const cut = rng.int(0, seed.bytes.length - 1);
  return {
    bytes: seed.bytes.subarray(0, cut),
    detail: `cut to ${cut} of ${seed.bytes.length} bytes`,
  };
}

function splice(rng, seed, seeds) {
  const other = rng.pick(seeds);
  const a = rng.int(0, seed.bytes.length);
  const b = rng.int(0, other.bytes.length);
  return {
    bytes: Buffer.concat([seed.bytes.subarray(0, a), other.bytes.subarray(b)]),
    detail: `first ${a} bytes, then ${basename(other.file)} from byte ${b}`,
  };
}

// ---- zips ------------------------------------------------------------------------------------

function zipDirectory(rng, seed) {
  const { entries } = readDirectory(seed.bytes);
  const target = rng.pick(entries).name;
  const kind = rng.pick([...Object.keys(DIRECTORY_DAMAGE), 'cd-bytes']);
  if (kind === 'cd-bytes') {
    const bytes = Buffer.from(seed.bytes);
    const start = entries[0].at;
    const n = rng.int(1, 8);
    for (let i = 0; i < n; i++) bytes[rng.int(start, bytes.length - 1)] ^= rng.int(1, 255);
    return { bytes, detail: `${n} random bytes of the central directory changed` };
  }
  // A reader that reads this part sees its directory record disagree with its local header:
  // it must say so (inspect shows the warning) or refuse the file.
  const read =
    /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/sheet\d+\.xml)$/;
  const warn = kind.startsWith('cd-') && read.test(target) ? `${kind} on ${target}` : null;
  return { bytes: damageDirectory(seed.bytes, kind, target), detail: `${kind} on ${target}`, warn };
}

/** Every entry stored, then one byte of one entry's data changed behind its CRC. */
function zipCrc(rng, seed) {
  const parts = unzip(seed.bytes);
  const zip = makeZip(parts.map((p) => entry(p.name, p.data, 0)));
  const { entries } = readDirectory(zip);
  const sheets = entries.filter(
    (e) => /worksheets\/sheet|sharedStrings/.test(e.name) && e.size > 0,
  );
  const e = sheets.length ? rng.pick(sheets) : rng.pick(entries);
  const start = e.localOffset + 30 + Buffer.byteLength(e.name);
  const data = zip.subarray(start, start + e.size);
  // A digit for another digit: the XML stays well-formed, only the CRC can tell.
  const digits = [];
  for (let i = 0; i < data.length; i++) if (data[i] >= 0x30 && data[i] <= 0x39) digits.push(i);
  const at = digits.length ? rng.pick(digits) : rng.int(0, Math.max(0, data.length - 1));
  data[at] = digits.length ? 0x30 + ((data[at] - 0x30 + rng.int(1, 9)) % 10) : data[at] ^ 1;
  return {
    bytes: zip,
    detail: `all stored; byte ${at} of ${e.name} changed, CRC kept`,
    refuse: 'a CRC-32 mismatch',
  };
}

const bombCache = new Map();
function bombEntry(name, size, xml) {
  const key = `${name}:${size}:${xml}`;
  if (!bombCache.has(key)) {
    const unit = xml ? '<si><t>国网黄山供电公司投诉</t></si>' : 'A';
    const block = unit.repeat(Math.floor((16 * MiB) / Buffer.byteLength(unit)));
    const times = Math.max(1, Math.floor(size / Buffer.byteLength(block)));
    bombCache.set(key, repeatedEntry(name, [{ data: block, times }], 9));
  }
  return bombCache.get(key);
}

/** One part replaced by a stream that inflates to 0.25–3.9 GiB; sometimes moved first. */
function zipBomb(rng, seed) {
  const parts = unzip(seed.bytes);
  const candidates = parts.filter((p) =>
    /sharedStrings|worksheets\/sheet\d|styles|workbook\.xml$/.test(p.name),
  );
  const victim = rng.pick(candidates.length ? candidates : parts);
  const size = rng.pick([256, 512, 1024, 2048, 3072, 3990]) * MiB;
  const xml = rng.next() < 0.7;
  const bomb = bombEntry(victim.name, size, xml);
  const entries = parts.map((p) => (p === victim ? bomb : entry(p.name, p.data)));
  const first = rng.next() < 0.3;
  if (first) entries.unshift(entries.splice(entries.indexOf(bomb), 1)[0]);
  return {
    bytes: makeZip(entries),
    detail: `${victim.name} inflates to ${size / MiB} MiB of ${xml ? '<si> elements' : "'A'"}${first ? ', first in the zip' : ''}`,
    refuse: 'a zip bomb',
  };
}

/** The sheet XML (or another part) changed as text, then zipped again with true CRCs. */
function xml(rng, seed) {
  const parts = unzip(seed.bytes);
  const sheets = parts.filter((p) => /worksheets\/sheet\d+\.xml$/.test(p.name));
  const part = sheets.length && rng.next() < 0.8 ? rng.pick(sheets) : rng.pick(parts);
  let text = part.data.toString('utf8');
  const how = rng.pick([
    'row-ref',
    'cell-ref',
    'drop-tag',
    'entity-bomb',
    'char-ref',
    'delete',
    'huge-number',
    'control',
  ]);
  const pickMatch = (re) => {
    const all = [...text.matchAll(re)];
    return all.length ? rng.pick(all) : null;
  };
  let detail = how;
  let refuse = null;
  const inSheet = /worksheets\/sheet\d+\.xml$/.test(part.name);
  if (how === 'row-ref') {
    const m = pickMatch(/<row r="\d+"/g);
    const ref = rng.pick(['0', '1.5', '1e14', '4294967297', '-1', '', '1048577', 'A1']);
    if (m) text = text.slice(0, m.index) + `<row r="${ref}"` + text.slice(m.index + m[0].length);
    if (m && inSheet) refuse = 'a malformed row reference';
    detail = `row r="${ref}"`;
  } else if (how === 'cell-ref') {
    const m = pickMatch(/<c r="[A-Z]+\d+"/g);
    const ref = rng.pick(['XFE2', 'AAAA1', 'A0', 'ZZZZZ99', 'A-1', '1A']);
    if (m) text = text.slice(0, m.index) + `<c r="${ref}"` + text.slice(m.index + m[0].length);
    if (m && inSheet) refuse = 'a malformed cell reference';
    detail = `cell r="${ref}"`;
  } else if (how === 'drop-tag') {
    const m = pickMatch(/<\/[a-zA-Z:]+>/g);
    if (m) text = text.slice(0, m.index) + text.slice(m.index + m[0].length);
    detail = `closing tag ${m ? m[0] : ''} removed`;
  } else if (how === 'entity-bomb') {
    const decl =
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>';
    text = text.replace(/^(<\?xml[^>]*\?>)?/, (h) => h + decl).replace(/<t([^>]*)>/, '<t$1>&h;');
    detail = 'billion-laughs DOCTYPE, &h; in a text';
  } else if (how === 'char-ref') {
    const m = pickMatch(/<t[^>]*>/g);
    const ref = rng.pick(['&#0;', '&#1;', '&#x1b;', '&#xD800;', '&#99999999;', '&bogus;']);
    if (m) text = text.slice(0, m.index + m[0].length) + ref + text.slice(m.index + m[0].length);
    detail = `${ref} in a text`;
  } else if (how === 'delete') {
    const a = rng.int(0, text.length - 1);
    const n = rng.int(1, 200);
    text = text.slice(0, a) + text.slice(a + n);
    detail = `${n} characters deleted at ${a}`;
  } else if (how === 'huge-number') {
    const m = pickMatch(/<v>[^<]*<\/v>/g);
    const v = rng.pick(['1e308', '-1e308', 'NaN', 'Infinity', '99999999999999999999', '4.2e-320']);
    if (m) text = text.slice(0, m.index) + `<v>${v}</v>` + text.slice(m.index + m[0].length);
    detail = `<v>${v}</v>`;
  } else {
    const m = pickMatch(/<t[^>]*>/g);
    const c = rng.pick(['\u0000', '\u0001', '\u001b[2J', '\u0007']);
    if (m) text = text.slice(0, m.index + m[0].length) + c + text.slice(m.index + m[0].length);
    detail = `${JSON.stringify(c)} raw in a text`;
  }
  const entries = parts.map((p) => (p === part ? entry(p.name, text) : entry(p.name, p.data)));
  return { bytes: makeZip(entries), detail: `${part.name}: ${detail}`, refuse };
}

// ---- text, or text inside a sheet ------------------------------------------------------------

function giantCell(rng, seed) {
  const size = rng.pick([
    32_768,
    40_000,
    100_000,
    1 * MiB,
    4 * MiB,
    rng.next() < 0.2 ? 40 * MiB : 2 * MiB,
  ]);
  const filler = '客户反映电压偏低'.repeat(Math.ceil(size / 8)).slice(0, size);
  if (isZip(seed.bytes)) {
    const parts = unzip(seed.bytes);
    const sheet = parts.find((p) => /worksheets\/sheet\d+\.xml$/.test(p.name));
    if (!sheet) return flip(rng, seed);
    const text = sheet.data
      .toString('utf8')
      .replace(/(<row r="(\d+)"[^>]*>.*?)(<\/row>)/s, (all, open, n, close) =>
        all.includes(`r="Z${n}"`)
          ? all
          : `${open}<c r="Z${n}" t="inlineStr"><is><t>${filler}</t></is></c>${close}`,
      );
    const entries = parts.map((p) => (p === sheet ? entry(p.name, text) : entry(p.name, p.data)));
    return {
      bytes: makeZip(entries),
      detail: `a ${size}-character inline string in the first row of ${sheet.name}`,
      refuse: 'a cell over 32,767 characters',
    };
  }
  const { text, encode } = textOf(seed.bytes);
  const ls = lines(text);
  const i = rng.int(1, Math.max(1, ls.length - 1));
  ls[i] = (ls[i] ?? '').replace(/([^,\t\r\n]*)([\r\n]*)$/, (_, field, eol) => field + filler + eol);
  return {
    bytes: encode(ls.join('')),
    detail: `line ${i + 1}: its last field grows by ${size} characters`,
    refuse: 'a field over 32,767 characters',
  };
}

function giantLine(rng, seed) {
  if (isZip(seed.bytes)) return giantCell(rng, seed);
  const size = rng.pick([4, 8, 16, 32, 48]) * MiB;
  const { text, encode } = textOf(seed.bytes);
  const ls = lines(text);
  const i = rng.int(1, ls.length);
  const quoted = rng.next() < 0.3;
  const body =
    (quoted ? '"' : '') + '客户反映,'.repeat(Math.ceil(size / 13)) + (quoted ? '"' : '') + '\n';
  ls.splice(i, 0, body);
  return {
    bytes: encode(ls.join('')),
    detail: `a ${size / MiB} MB line${quoted ? ' (one quoted field)' : ''} inserted as line ${i + 1}`,
    refuse: quoted ? 'a field over 32,767 characters' : 'a line of more than 16,384 fields',
  };
}

function controls(rng, seed) {
  if (isZip(seed.bytes)) return xml(rng, seed);
  const { text, encode } = textOf(seed.bytes);
  const n = rng.int(1, 12);
  let out = text;
  for (let k = 0; k < n; k++) {
    const at = rng.int(0, out.length);
    const c = rng.pick([
      '\u0000',
      '\u0001',
      '\u0008',
      '\u001b[2J',
      '\u001b]0;title\u0007',
      '\u009b31m',
      '\u007f',
      '\u0000\u0000\u0000',
    ]);
    out = out.slice(0, at) + c + out.slice(at);
  }
  return { bytes: encode(out), detail: `${n} control sequences (NUL, \\x01, ESC …) inserted` };
}

function encodings(rng, seed) {
  if (isZip(seed.bytes)) return flip(rng, seed);
  const { text } = textOf(seed.bytes);
  const ls = lines(text);
  const at = rng.int(1, Math.max(1, ls.length - 1));
  const [a, b] = rng.pick([
    ['utf8', 'gb18030'],
    ['gb18030', 'utf8'],
    ['utf8', 'utf-16le'],
    ['utf8', 'big5'],
  ]);
  const bom = rng.next() < 0.2 ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
  const bytes = Buffer.concat([
    bom,
    iconv.encode(ls.slice(0, at).join(''), a),
    iconv.encode(ls.slice(at).join(''), b),
  ]);
  return {
    bytes,
    detail: `${a} up to line ${at}, ${b} after${bom.length ? ', with a UTF-8 BOM' : ''}`,
  };
}

function lineEndings(rng, seed) {
  if (isZip(seed.bytes)) return truncate(rng, seed);
  const { text, encode } = textOf(seed.bytes);
  const out = text.replace(/\r\n|\n|\r/g, () => rng.pick(['\r\n', '\n', '\r', '\n\r']));
  return {
    bytes: encode(out),
    detail: 'each line ending replaced by CRLF, LF, CR or LF CR at random',
  };
}

function quotes(rng, seed) {
  if (isZip(seed.bytes)) return xml(rng, seed);
  const { text, encode } = textOf(seed.bytes);
  const n = rng.int(1, 5);
  let out = text;
  const where = [];
  for (let k = 0; k < n; k++) {
    const ls = lines(out);
    const i = rng.next() < 0.3 ? 0 : rng.int(0, ls.length - 1);
    const line = ls[i];
    const at = rng.int(0, line.replace(/[\r\n]+$/, '').length);
    ls[i] = line.slice(0, at) + '"' + line.slice(at);
    out = ls.join('');
    where.push(i + 1);
  }
  return { bytes: encode(out), detail: `a stray " on line(s) ${where.join(', ')}` };
}

function wideFile(rng, seed) {
  const columns = rng.pick([16_384, 16_385, 20_000, 50_000, 200_000]);
  if (isZip(seed.bytes)) {
    const parts = unzip(seed.bytes);
    const sheet = parts.find((p) => /worksheets\/sheet\d+\.xml$/.test(p.name));
    if (!sheet) return flip(rng, seed);
    // Appended after the row's own cells, so its last column is past XFD (16,384) for sure.
    const added = Math.min(Math.max(columns, 16_385), 20_000);
    const cells = [];
    for (let i = 0; i < added; i++) cells.push(`<c t="inlineStr"><is><t>备注${i}</t></is></c>`);
    const text = sheet.data.toString('utf8').replace('</row>', `${cells.join('')}</row>`);
    const entries = parts.map((p) => (p === sheet ? entry(p.name, text) : entry(p.name, p.data)));
    return {
      bytes: makeZip(entries),
      detail: `${added} cells without r= appended to the first row that has cells`,
      refuse: 'more than 16,384 columns',
    };
  }
  const { text, encode } = textOf(seed.bytes);
  const ls = lines(text);
  const sep = /\t/.test(ls[0] ?? '') ? '\t' : ',';
  const headerAt = rng.int(0, Math.min(5, ls.length - 1));
  const extra = [];
  for (let i = 0; i < columns; i++) extra.push(`备注${i}`);
  const pad = sep.repeat(columns);
  const out = ls.map((l, i) => {
    const eol = /[\r\n]+$/.exec(l)?.[0] ?? '';
    const body = l.slice(0, l.length - eol.length);
    return i === headerAt ? body + sep + extra.join(sep) + eol : body + pad + eol;
  });
  return {
    bytes: encode(out.join('')),
    detail: `${columns} columns added (header on line ${headerAt + 1})`,
    refuse: 'more than 16,384 columns',
  };
}

/** name → [weight, mutate(rng, seed, seeds)] */
export const MUTATIONS = {
  flip: [12, flip],
  truncate: [8, truncate],
  splice: [8, splice],
  'zip-directory': [8, zipDirectory],
  'zip-crc': [6, zipCrc],
  'zip-bomb': [4, zipBomb],
  xml: [10, xml],
  'giant-cell': [5, giantCell],
  'giant-line': [3, giantLine],
  controls: [8, controls],
  encodings: [6, encodings],
  'line-endings': [6, lineEndings],
  quotes: [5, quotes],
  wide: [4, wideFile],
};

/** Which seeds a mutation applies to: the zip ones need a zip. */
export function seedsFor(kind, seeds) {
  if (kind.startsWith('zip-') || kind === 'xml') return seeds.filter((s) => isZip(s.bytes));
  if (['encodings', 'line-endings', 'quotes', 'controls'].includes(kind)) {
    return seeds.filter((s) => !isZip(s.bytes));
  }
  return seeds;
}

export function mutate(kind, rng, seed, seeds) {
  const { bytes, detail, refuse = null, warn = null } = MUTATIONS[kind][1](rng, seed, seeds);
  const ext = extname(seed.file);
  return { name: `${basename(seed.file, ext)}.${kind}${ext}`, bytes, detail, refuse, warn };
}
