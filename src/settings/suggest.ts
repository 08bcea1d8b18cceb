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

/** Whether every character of `short` is in `long`, in order. */
function within(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
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
 * data set of thousands of units: renamedFrom keeps only a unit whose distinctive part holds
 * the other's, in order, or is held in it, so the shorter part's characters are all the
 * longer's. Indexed by character, a name is compared with the units that share its characters,
 * not with every one (20,000 stations' names took minutes, pair by pair). A superset, in order:
 * renamedFrom over it chooses as over all.
 */
export class RenameCandidates {
  private readonly own: (string | null)[];
  private readonly distinct: Int32Array;
  private readonly postings = new Map<number, number[]>();
  private readonly counts: Int32Array;
  private readonly lengths: Int32Array;

  constructor(units: readonly string[]) {
    this.own = units.map((unit) => (nameLike(unit) ? distinctive(unit) : null));
    this.lengths = Int32Array.from(units, (unit) => squash(unit).length);
    this.distinct = new Int32Array(units.length);
    this.counts = new Int32Array(units.length);
    this.own.forEach((own, i) => {
      if (own === null) return;
      const chars = charSet(own);
      this.distinct[i] = chars.size;
      for (const c of chars) {
        let list = this.postings.get(c);
        if (!list) this.postings.set(c, (list = []));
        list.push(i);
      }
    });
  }

  candidates(name: string): number[] {
    if (!nameLike(name)) return [];
    const written = distinctive(name);
    const chars = [...charSet(written)];
    const lists = chars.map((c) => this.postings.get(c) ?? []);
    const found: number[] = [];
    // Units whose characters are all the name's: each counted once per character it shares.
    const touched: number[] = [];
    for (const list of lists)
      for (const i of list) if ((this.counts[i] = this.counts[i]! + 1) === 1) touched.push(i);
    for (const i of touched) {
      if (this.counts[i] === this.distinct[i] && within(this.own[i]!, written)) found.push(i);
      this.counts[i] = 0;
    }
    // Units holding all the name's characters: among those holding its rarest.
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a), lists[0] ?? []);
    for (const i of rarest) if (within(written, this.own[i]!)) found.push(i);
    // renamedFrom's own test, as there: in the end the closest whole name within a third of
    // the name's length, which a unit longer or shorter than that cannot be.
    const length = squash(name).length;
    const most = Math.max(1, Math.floor(length / 3));
    return [...new Set(found)]
      .filter((i) => Math.abs(this.lengths[i]! - length) <= most)
      .sort((a, b) => a - b);
  }
}

function charSet(text: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < text.length; i++) set.add(text.charCodeAt(i));
  return set;
}

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
