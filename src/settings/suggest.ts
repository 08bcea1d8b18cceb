/** "Did you mean …?" for names typed wrong: config keys, period rules, placeholders, fields. */
import { said, type Said } from '../errors.js';

/** Edit distance, a swap of two neighbours counting as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1);
      }
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name closest to `name` (ignoring case, - and _), if close enough to be a typo. */
const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

export function closest(name: string, known: readonly string[]): string | null {
  const target = squash(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(target, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(target.length / 3)) ? best : null;
}

/** Words every unit's name may carry: they say nothing about which unit it is. */
const GENERIC_UNIT_WORDS =
  /国家电网|国网|有限公司|供电分公司|供电公司|供电服务中心|供电局|供电所|分公司|公司/g;

/** Longest common subsequence length of two short strings. */
function commonSubsequence(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * What tells a unit apart from the others: its name without the words every unit carries, nor
 * the city a county or district is of (黄山市黄山区 and 黄山市徽州区 share only 黄山市), nor the
 * 市/县/区 that end most place names (黟县 and 绩溪县 share nothing that tells them apart).
 */
function distinctive(unit: string): string {
  const own = unit.replace(GENERIC_UNIT_WORDS, '');
  const place = /^.+?市(.+[市县区])$/.exec(own)?.[1] ?? own;
  return place.replace(/[市县区]$/, '') || unit;
}

/**
 * Longer than any unit's name (国网安徽省电力有限公司黄山供电公司屯溪区供电服务中心 is 27): text
 * in the unit's column, not compared, as each comparison takes the product of the two lengths (a
 * few hundred distinct texts of thousands of characters kept `analyze` busy for hours).
 */
const nameLike = (unit: string) => unit.length <= 64;

/**
 * The unit closest to `name` (a target's unit matching none of the data), if it is a typo of
 * it: close as a whole name, and sharing more than half of what tells the unit apart (歙 of
 * 国网歙县供电公司). Unit names share 国网…供电公司, so a whole-name distance alone would offer
 * 国网歙县供电公司 for 国网宁国市供电公司, another unit.
 */
export function closestUnit(name: string, known: readonly string[]): string | null {
  if (!nameLike(name)) return null;
  const written = distinctive(name);
  const sharing = known.filter((unit) => {
    if (!nameLike(unit)) return false;
    const own = distinctive(unit);
    return commonSubsequence(own, written) * 2 > own.length;
  });
  return closest(name, sharing);
}

/**
 * Whether every character of `short` is in `long`, in order. By code unit, a character beyond
 * the BMP of `long` (a surrogate pair) matching none, as comparing `for (const c of long)` with
 * `short[i]` did; without a string for each character (the rename index calls it a million
 * times on a large data set).
 */
function within(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) {
    const c = long.charCodeAt(j);
    if (c >= 0xd800 && c < 0xdc00 && j + 1 < long.length) {
      const low = long.charCodeAt(j + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        j++;
        continue;
      }
    }
    if (c === short.charCodeAt(i)) i++;
  }
  return i === short.length;
}

/**
 * The unit `name` may be the new name of (closestUnit), if it could be: a rename drops or adds
 * a word (国网祁门县供电公司 → 国网祁门供电公司; 黄山县 → 黄山市黄山区) but keeps what tells the
 * unit apart, where a name with a part of it replaced is another unit (绩溪城关供电所 and
 * 绩溪城南供电所 are two stations, one edit apart).
 */
export function renamedFrom(name: string, known: readonly string[]): string | null {
  if (!nameLike(name)) return null;
  const written = distinctive(name);
  return closestUnit(
    name,
    known.filter((unit) => {
      if (!nameLike(unit)) return false;
      const own = distinctive(unit);
      return within(own, written) || within(written, own);
    }),
  );
}

/**
 * The units among `units` that `renamedFrom(name, …)` could choose, by index (ascending), for a
 * data set of thousands of units. renamedFrom keeps a unit whose distinctive part is held in the
 * name's, in order, or holds the name's in order and is under twice as long (more than half of it
 * shared), its whole name within a third of the name's length; the index reaches each kind
 * without going through the others, as an index by character cannot when every name shares
 * characters with every other (20,000 names over 40 characters):
 * - parts held in the name's: a trie of the units' parts, walked only to a character still ahead
 *   in the name's part, meets only the name's part's subsequences;
 * - parts holding the name's: such a part is the name's with fewer characters put in than the
 *   name's has pairs of neighbours, so a pair stays neighbours there, or, in a part of twice the
 *   name's length less one, at most one character apart. The units are listed by each pair of
 *   their part's characters one or two places apart and its length, and only the lists of the
 *   name's neighbours at the lengths allowed are read.
 * What is reached is tested as renamedFrom tests it: the same choice as over all the units.
 */
export class RenameCandidates {
  private readonly own: (string | null)[];
  private readonly lengths: Int32Array;
  private readonly trie = new Prefix();
  /**
   * Each pair of each unit's part (see pair) as key · 2²⁸ + unit, sorted: a pair's units are a
   * run, found by halving (a map of a list a pair, 66,000 lists for 20,000 stations, took 38 ms
   * to build where this takes 30, and more to free).
   */
  private readonly pairs: Float64Array;
  /** The query that last reached each unit: reached twice, it is tested once. */
  private readonly reached: Int32Array;
  private query = 0;
  /** Units and trie nodes looked at, by every query so far: the pruning, counted for its test. */
  examined = 0;

  constructor(units: readonly string[]) {
    this.own = units.map((unit) => (nameLike(unit) ? distinctive(unit) : null));
    this.lengths = Int32Array.from(units, (unit) => squash(unit).length);
    this.reached = new Int32Array(units.length);
    const pairs: number[] = [];
    this.own.forEach((own, i) => {
      if (own === null) return;
      let node = this.trie;
      for (let j = 0; j < own.length; j++) node = node.add(own.charCodeAt(j));
      (node.units ??= []).push(i);
      for (let j = 0; j + 1 < own.length; j++) {
        const c = own.charCodeAt(j);
        pairs.push(pair(c, own.charCodeAt(j + 1), 1, own.length) * UNITS + i);
        if (j + 2 < own.length)
          pairs.push(pair(c, own.charCodeAt(j + 2), 2, own.length) * UNITS + i);
      }
    });
    // Numbers: a typed array sorts them as numbers.
    this.pairs = Float64Array.from(pairs).sort();
  }

  /** Calls `reach` with each unit listed under `key` (and under a key of the same hash). */
  private listed(key: number, reach: (unit: number) => void): void {
    const first = key * UNITS;
    let [low, high] = [0, this.pairs.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.pairs[middle]! < first) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < this.pairs.length && this.pairs[at]! < first + UNITS; at++)
      reach(this.pairs[at]! - first);
  }

  candidates(name: string): number[] {
    if (!nameLike(name)) return [];
    const written = distinctive(name);
    const length = squash(name).length;
    // renamedFrom's test in the end: the closest whole name within a third of the name's length.
    const most = Math.max(1, Math.floor(length / 3));
    const query = ++this.query;
    const found: number[] = [];
    const test = (i: number) => {
      this.examined++;
      if (this.reached[i] === query) return;
      this.reached[i] = query;
      const own = this.own[i]!;
      if (Math.abs(this.lengths[i]! - length) > most) return;
      // Each way only where the lengths allow it: a part is never held in a shorter one.
      if (own.length > 0 && own.length <= written.length && within(own, written)) found.push(i);
      else if (
        own.length >= written.length &&
        own.length < 2 * written.length &&
        within(written, own)
      )
        found.push(i);
    };
    this.heldIn(written, test);
    const longest = Math.min(2 * written.length - 1, 64);
    for (let j = 0; j + 1 < written.length; j++) {
      const [c, next] = [written.charCodeAt(j), written.charCodeAt(j + 1)];
      for (let own = written.length; own <= longest; own++)
        this.listed(pair(c, next, 1, own), test);
      if (longest === 2 * written.length - 1) this.listed(pair(c, next, 2, longest), test);
    }
    return found.sort((a, b) => a - b);
  }

  /** Calls `reach` with each unit whose distinctive part is a subsequence of `written`. */
  private heldIn(written: string, reach: (unit: number) => void): void {
    // Where the same code unit was before each: a walk follows a character from its first place
    // at or after the walk's, as a subsequence is matched (the earliest leaves the most ahead).
    const before = new Int32Array(written.length);
    const last = new Map<number, number>();
    for (let j = 0; j < written.length; j++) {
      const c = written.charCodeAt(j);
      before[j] = last.get(c) ?? -1;
      last.set(c, j);
    }
    const nodes = [this.trie];
    const from = [0];
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      const at = from.pop()!;
      this.examined++;
      for (const unit of node.units ?? []) reach(unit);
      for (let j = at; j < written.length; j++) {
        if (before[j]! >= at) continue;
        const child = node.child(written.charCodeAt(j));
        if (child !== null) {
          nodes.push(child);
          from.push(j + 1);
        }
      }
    }
  }
}

/** A node of the trie of the units' distinctive parts, by UTF-16 code unit. */
class Prefix {
  /** The units whose part ends here. */
  units: number[] | null = null;
  /** Most nodes have one child, held without a map (20,000 maps cost more than the queries). */
  private only = -1;
  private onlyChild: Prefix | null = null;
  private children: Map<number, Prefix> | null = null;

  child(c: number): Prefix | null {
    return this.children ? (this.children.get(c) ?? null) : c === this.only ? this.onlyChild : null;
  }

  add(c: number): Prefix {
    const known = this.child(c);
    if (known) return known;
    const child = new Prefix();
    if (this.onlyChild === null) [this.only, this.onlyChild] = [c, child];
    else (this.children ??= new Map([[this.only, this.onlyChild]])).set(c, child);
    return child;
  }
}

/**
 * Two code units `apart` places apart (1 or 2) in a part of `length` code units (at most 64:
 * nameLike), as one key: hashed into a small integer (a map's fastest key), two keys sharing a
 * list only making the units of both tested.
 */
const pair = (first: number, second: number, apart: number, length: number) =>
  (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ ((apart - 1) * 65 + length)) &
  0xffffff;

/**
 * The units an index may hold (2²⁸, more than memory holds names), a pair's key above them in
 * one double, exact below 2⁵³ (key under 2²⁴).
 */
const UNITS = 2 ** 28;

/** Ends a message with a full stop unless it asks a question. */
export function sentence(text: string): string {
  return text.endsWith('?') ? text : `${text}.`;
}

/** `sentence` in both languages: 。 unless the Chinese asks a question (？). */
export function sentences(text: Said): Said {
  return said(/[？?]$/.test(text.zh) ? text.zh : `${text.zh}。`, sentence(text.en));
}

/** A problem followed by "; did you mean NEAR?" when there is a near name. */
export function didYouMean(problem: Said, near: string | null): Said {
  return near === null
    ? problem
    : said(`${problem.zh}；是不是 ${near}？`, `${problem.en}; did you mean ${near}?`);
}

/** A space between Chinese and what follows it in ASCII ("true", "Word 通报"). */
export function spaced(text: string): string {
  return /^[\x21-\x7e]/.test(text) ? ` ${text}` : text;
}
