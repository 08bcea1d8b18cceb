/**
 * Text as written → text as the rules and the model read it, before any keyword is looked for:
 * 1. full-width letters, digits and signs → half-width, except the punctuation Chinese is
 *    written with (，；：！？（）), kept as it is: it splits clauses, and nearly every text has
 *    it; other compatibility forms (①, ㎾, 兼容汉字) by NFKC, character by character;
 * 2. traditional → simplified characters (opencc-js, t2s: OpenCC's phrases and characters; not the
 *    Taiwan variants, which turn simplified 显著 into 显着), loaded on the
 *    first text that has a character that differs, so simplified texts — nearly all — skip it;
 * 3. the text table of the taxonomy data: homophone typos, dialect and colloquial words → the
 *    standard words the rules know (电牙→电压, 冇电→没电, 电闸跳了→跳闸), longest first, once.
 * Pure and fast: a text that needs none of it is checked in one pass and returned as it is.
 */
import { createRequire } from 'node:module';
import { PairSlots, pairKey } from './keywords.js';

/** A compiled text table: replacements by their first character, longest first. */
export interface TextTable {
  /** Every entry, source → standard word, in the order written. */
  readonly entries: ReadonlyMap<string, string>;
  /** Entries by the UTF-16 code of their first character, longest source first. */
  readonly byFirst: ReadonlyMap<number, readonly (readonly [string, string])[]>;
  /** By UTF-16 code: 1 when a source word of two or more characters starts with it, 2 when a
   *  one-character source word is it. */
  readonly first: Uint8Array;
  /** By UTF-16 code: 1 when it is the second character of a source word. */
  readonly second: Uint8Array;
  /** Source words of two or more characters by their first two (slot of `pairs`), longest first. */
  readonly byPair: readonly (readonly (readonly [string, string])[] | undefined)[];
  readonly pairs: PairSlots;
}

/** A normalised text and, when it differs, where each of its characters came from. */
export interface NormalText {
  text: string;
  /**
   * `origin[i]` is the index in the original text of normalised character i, and
   * `origin[text.length]` the original length; null when the text did not change.
   */
  origin: Int32Array | null;
}

export function compileTextTable(entries: Iterable<readonly [string, string]>): TextTable {
  const all = new Map<string, string>();
  for (const [from, to] of entries) all.set(from, to);
  const byFirst = new Map<number, [string, string][]>();
  for (const [from, to] of all) {
    const key = from.charCodeAt(0);
    const list = byFirst.get(key) ?? [];
    list.push([from, to]);
    byFirst.set(key, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b[0].length - a[0].length);
  const first = new Uint8Array(0x10000);
  const second = new Uint8Array(0x10000);
  for (const from of all.keys()) {
    first[from.charCodeAt(0)]! |= from.length === 1 ? 2 : 1;
    if (from.length > 1) second[from.charCodeAt(1)] = 1;
  }
  const long = [...byFirst.values()].flat().filter((entry) => entry[0].length >= 2);
  const key = (word: string): number => pairKey(word.charCodeAt(0), word.charCodeAt(1));
  const pairs = new PairSlots(long.map((entry) => key(entry[0])));
  const byPair: [string, string][][] = [];
  for (const entry of long) (byPair[pairs.slotOfKey(key(entry[0]))] ??= []).push(entry);
  return { entries: all, byFirst, first, second, byPair, pairs };
}

export const EMPTY_TABLE: TextTable = compileTextTable([]);

/** Bits per UTF-16 code: what a character needs. */
const WIDE = 1;
const COMPAT = 2;
const TRADITIONAL = 4;

let flags: Uint8Array | null = null;
let converter: ((text: string) => string) | null = null;

interface OpenCC {
  Converter(options: { from: string; to: string }): (text: string) => string;
  Locale: {
    configs: Record<string, { normalizationChain?: unknown[]; conversionChain: unknown[] }>;
  };
}

/** Loads opencc-js (synchronously, ~5 ms, once) and marks every character it would change. */
function loadConverter(marks: Uint8Array): (text: string) => string {
  const require = createRequire(import.meta.url);
  const opencc = require('opencc-js/t2cn') as OpenCC;
  const config = opencc.Locale.configs['t2s']!;
  const dicts: unknown[] = [];
  const collect = (x: unknown): void => {
    if (typeof x === 'string') dicts.push(x);
    else if (Array.isArray(x) && x.length > 0 && x.every(isPair)) dicts.push(x);
    else if (Array.isArray(x)) x.forEach(collect);
  };
  collect(config.normalizationChain ?? []);
  collect(config.conversionChain);
  // Only characters that change on their own: a phrase entry such as 一坏→一坯 fixes a
  // traditional phrase and would otherwise send every simplified text with 坏 to the converter.
  const mark = (from: string, to: string): void => {
    const c = from.charCodeAt(0);
    if (from.length === 1 && to !== from) marks[c]! |= TRADITIONAL;
  };
  for (const dict of dicts) {
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [from, to] = entry.split(' ');
        if (from && to) mark(from, to);
      }
    } else for (const [from, to] of dict as [string, string][]) mark(from, to);
  }
  return opencc.Converter({ from: 't', to: 'cn' });
}

/** An entry of a dictionary given as pairs; a pair of dictionary strings holds '|' and ' '. */
const isPair = (e: unknown): boolean =>
  Array.isArray(e) &&
  e.length === 2 &&
  e.every((s) => typeof s === 'string' && !s.includes(' ') && !s.includes('|'));

function characterFlags(): Uint8Array {
  if (flags) return flags;
  const marks = new Uint8Array(0x10000);
  for (let c = 0xff01; c <= 0xff5e; c++) marks[c] = WIDE;
  for (const c of '，；：！？（）') marks[c.charCodeAt(0)] = 0;
  marks[0x3000] = WIDE;
  // Compatibility forms NFKC folds: circled and parenthesised numbers, roman numerals, units,
  // CJK compatibility ideographs, vertical and small forms, half-width katakana and signs.
  for (const [from, to] of [
    [0x2150, 0x218f],
    [0x2460, 0x24ff],
    [0x3200, 0x33ff],
    [0xf900, 0xfaff],
    [0xfe10, 0xfe1f],
    [0xfe30, 0xfe6f],
    [0xff5f, 0xffef],
  ] as const) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (ch.normalize('NFKC') !== ch) marks[c] = COMPAT;
    }
  }
  converter = loadConverter(marks);
  flags = marks;
  return marks;
}

/** The text as the rules read it (see the module comment). Pure; the same text, same result. */
export function normalizeText(text: string, table: TextTable | null): string {
  return normalizeMapped(text, table).text;
}

/**
 * A rule's keyword or a table's source word as texts read it (full-width and traditional
 * characters converted, no table). Its own function: called on the taxonomy's short and often
 * ASCII words, it keeps normalizeMapped's loop tuned for complaint texts.
 */
export function normalizeWord(word: string): string {
  const marks = flags ?? characterFlags();
  let need = 0;
  for (const ch of word) need |= marks[ch.charCodeAt(0)]!;
  if (need === 0) return word;
  let out = need & (WIDE | COMPAT) ? narrow(word, marks).text : word;
  if (need & TRADITIONAL) out = converter!(out);
  return out;
}

/** normalizeText, and where each normalised character came from (for quoting the original). */
export function normalizeMapped(text: string, table: TextTable | null): NormalText {
  const marks = flags ?? characterFlags();
  const first = table && table.entries.size > 0 ? table.first : null;
  let need = 0;
  /** The first position of a table's word in the text as written. */
  let tabled = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    need |= marks[c]!;
    if (first !== null && tabled < 0 && first[c] !== 0 && matchAt(text, i, c, table!) !== null)
      tabled = i;
  }
  if (need === 0 && tabled < 0) return { text, origin: null };
  let out = text;
  let origin: Int32Array | null = null;
  if (need & (WIDE | COMPAT)) ({ text: out, origin } = narrow(out, marks));
  if (need & TRADITIONAL) {
    const simplified = converter!(out);
    // Conversions are character for character nearly always; where a phrase changes length,
    // the map keeps the original positions as far as they go.
    if (simplified.length !== out.length)
      origin = compose(origin, stretch(out.length, simplified.length));
    out = simplified;
  }
  if (first !== null) {
    // Converted, the text may hold a table's word anywhere; as written, from the first one.
    const replaced = replace(out, table!, need === 0 ? tabled : 0);
    if (replaced) {
      out = replaced.text;
      origin = compose(origin, replaced.origin!);
    }
  }
  if (out === text) return { text, origin: null };
  return { text: out, origin: origin ?? identity(out.length) };
}

function narrow(text: string, marks: Uint8Array): NormalText {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mark = marks[c]! & (WIDE | COMPAT);
    const piece =
      mark === WIDE
        ? c === 0x3000
          ? ' '
          : String.fromCharCode(c - 0xfee0)
        : mark === COMPAT
          ? text[i]!.normalize('NFKC')
          : text[i]!;
    out += piece;
    for (let k = 0; k < piece.length; k++) origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin: Int32Array.from(origin) };
}

/** The table entry whose source word starts at i, if any (the first two characters say
 *  quickly that none can). */
function matchAt(
  text: string,
  i: number,
  c: number,
  table: TextTable,
): readonly [string, string] | null {
  const f = table.first[c]!;
  if (f === 0) return null;
  if ((f & 1) !== 0) {
    const next = text.charCodeAt(i + 1);
    if (table.second[next] === 1) {
      const slot = table.pairs.slotOf(c, next);
      const list = slot < 0 ? undefined : table.byPair[slot];
      if (list !== undefined)
        for (const entry of list) if (text.startsWith(entry[0], i)) return entry;
    }
  }
  return (f & 2) !== 0 ? table.byFirst.get(c)!.find((e) => e[0].length === 1)! : null;
}

/** The table's words replaced, looked for from `from` (none starts before it). */
function replace(text: string, table: TextTable, from: number): NormalText | null {
  let out = '';
  let origin: number[] | null = null;
  let copied = 0;
  for (let i = from; i < text.length;) {
    const hit = matchAt(text, i, text.charCodeAt(i), table);
    if (!hit) {
      i++;
      continue;
    }
    origin ??= [];
    out += text.slice(copied, i);
    for (let k = copied; k < i; k++) origin.push(k);
    out += hit[1];
    for (let k = 0; k < hit[1].length; k++) origin.push(i);
    i += hit[0].length;
    copied = i;
  }
  if (origin === null) return null;
  out += text.slice(copied);
  for (let k = copied; k < text.length; k++) origin.push(k);
  origin.push(text.length);
  return { text: out, origin: Int32Array.from(origin) };
}

function identity(n: number): Int32Array {
  const map = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) map[i] = i;
  return map;
}

/** A map from a text of length `to` back to one of length `from`, positions kept in proportion. */
function stretch(from: number, to: number): Int32Array {
  const map = new Int32Array(to + 1);
  for (let i = 0; i <= to; i++) map[i] = Math.min(from, i < from ? i : Math.round((i * from) / to));
  return map;
}

/** outer maps the middle text to the original; inner maps the final text to the middle one. */
function compose(outer: Int32Array | null, inner: Int32Array): Int32Array {
  if (outer === null) return inner;
  return inner.map((i) => outer[i]!);
}

/** The original words behind normalised characters [start, end). */
export function originalSlice(
  original: string,
  normal: NormalText,
  start: number,
  end: number,
): string {
  if (normal.origin === null) return original.slice(start, end);
  const o = normal.origin;
  const from = o[Math.min(start, o.length - 1)]!;
  let to = o[Math.min(end, o.length - 1)]!;
  // A replaced word maps all its characters to its start: take the whole source word.
  let k = Math.min(end, o.length - 1);
  while (o[k]! <= from && k < o.length - 1) k++;
  if (to <= from) to = o[k]!;
  return original.slice(from, Math.max(from, to));
}
