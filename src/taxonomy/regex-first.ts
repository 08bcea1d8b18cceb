/**
 * What a text must hold for a regular expression to match in it, read from the expression's
 * source, so that classify.ts need not run a taxonomy pattern on a text that cannot match:
 * - patternStarts(): the characters a match can begin with and, where it is known, the second
 *   character that must follow (频繁, 经常: a text with 频 but no 频繁 is not searched, and a
 *   search starts at the first position that can begin a match);
 * - patternNeeds(): words one of which must be somewhere in the text, for a pattern that looks
 *   for a word anywhere around its match (`(?=[^]*(通知|公告))`): a text with none of them is not
 *   searched.
 * Conservative: the expression is parsed for literal characters, classes, groups, alternation,
 * quantifiers and lookarounds (they match no character); anything else is read as "any
 * character" (escapes such as `\w`, `.`, `[^…]`) or makes the answer null, "anything can begin
 * a match" (back references, an empty match); `^`, `$` and `\b` match no character. Written for the `u` flag without `i`:
 * characters are UTF-16 code units, a character outside the BMP its two.
 */
import { PairSlots, pairKey } from './keywords.js';

/** Where a match can begin, by UTF-16 code unit. */
export interface Starts {
  /** Units a match can begin with, whatever follows. */
  any: Set<number>;
  /** Units a match can begin with only when one of these units follows. */
  pairs: Map<number, Set<number>>;
}

/** Where a match can begin, or null when any character can begin one (or none). */
export function patternStarts(source: string): Starts | null {
  const tree = parse(source);
  if (tree === null) return null;
  const p = prefix(tree);
  if (p.anyFirst || p.empty) return null;
  const starts: Starts = { any: new Set(p.one), pairs: new Map() };
  for (const [unit, next] of p.two) if (next === null) starts.any.add(unit);
  for (const [unit, next] of p.two)
    if (next !== null && !starts.any.has(unit)) starts.pairs.set(unit, next);
  return starts;
}

/**
 * Words one of which a text must hold for the pattern to match, as the starts of a word (its
 * first character, or its first two); null when the pattern needs no word that its starts do
 * not already ask for (a text where a match can begin holds one anyway).
 */
export function patternNeeds(source: string): Starts | null {
  const tree = parse(source);
  if (tree === null) return null;
  const starts = patternStarts(source);
  // Of the words a part asks for, those a start of the pattern would not already show.
  const telling = (words: Set<string>) => !(starts && implies(starts, wordStarts(words)));
  const words = required(tree, telling);
  return words && telling(words) ? wordStarts(words) : null;
}

/** Words as the starts of a word: their first character, or their first two. */
function wordStarts(words: Set<string>): Starts {
  const starts: Starts = { any: new Set(), pairs: new Map() };
  for (const word of words)
    if (word.length === 1) starts.any.add(word.charCodeAt(0));
    else {
      const first = word.charCodeAt(0);
      const next = starts.pairs.get(first) ?? new Set<number>();
      next.add(word.charCodeAt(1));
      starts.pairs.set(first, next);
    }
  for (const unit of starts.any) starts.pairs.delete(unit);
  return starts;
}

/** Whether every text where `a` finds a start also holds a start of `b`. */
function implies(a: Starts, b: Starts): boolean {
  for (const unit of a.any) if (!b.any.has(unit)) return false;
  for (const [unit, next] of a.pairs) {
    if (b.any.has(unit)) continue;
    // The second character begins one of b's (实际 shows 际).
    const other = b.pairs.get(unit);
    for (const n of next) if (!other?.has(n) && !b.any.has(n)) return false;
  }
  return true;
}

/** The expression as a tree. `units` null: any one character. */
type Node =
  | { kind: 'chars'; units: Set<number> | null }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; items: Node[] }
  | { kind: 'repeat'; item: Node; min: number; max: number }
  | { kind: 'look'; item: Node; positive: boolean }
  /** A back reference: any text, or none. */
  | { kind: 'unknown' };

function parse(source: string): Node | null {
  try {
    const parser = new Parser(source);
    const tree = parser.alternation();
    return parser.at === source.length ? tree : null;
  } catch {
    return null;
  }
}

class GiveUp extends Error {}

/** Where a match may be (`^`, `$`, `\b`): it matches no character, and needs no word. */
const NOTHING: Node = { kind: 'look', item: { kind: 'seq', items: [] }, positive: false };

const SPECIAL = new Set([...'\\^$.|?*+()[]{}'].map((c) => c.charCodeAt(0)));
/** Escapes of one character any, of a class it is not worth listing. */
const ANY_ESCAPES = new Set([...'DwWsS']);

class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  private peek(): string {
    return this.source[this.at] ?? '';
  }

  alternation(): Node {
    const items = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { kind: 'alt', items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')')
      items.push(this.quantified());
    return { kind: 'seq', items };
  }

  private quantified(): Node {
    const item = this.atom();
    const q = this.peek();
    let min = 1;
    let max = 1;
    if (q === '?' || q === '*' || q === '+') {
      this.at++;
      min = q === '+' ? 1 : 0;
      max = q === '?' ? 1 : Infinity;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) throw new GiveUp();
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    } else return item;
    if (this.peek() === '?') this.at++;
    return { kind: 'repeat', item, min, max };
  }

  private atom(): Node {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') {
      this.at++;
      return NOTHING;
    }
    if (c === '.') {
      this.at++;
      return { kind: 'chars', units: null };
    }
    const code = this.source.charCodeAt(this.at);
    if (c === '' || SPECIAL.has(code)) throw new GiveUp();
    this.at++;
    const unit = (u: number): Node => ({ kind: 'chars', units: new Set([u]) });
    if (code >= 0xd800 && code <= 0xdbff)
      return { kind: 'seq', items: [unit(code), unit(this.source.charCodeAt(this.at++))] };
    return unit(code);
  }

  private group(): Node {
    this.at++;
    let look: boolean | null = null;
    if (this.peek() === '?') {
      const head = this.source.slice(this.at, this.at + 3);
      if (head.startsWith('?:')) this.at += 2;
      else if (head.startsWith('?=') || head.startsWith('?!')) {
        look = head[1] === '=';
        this.at += 2;
      } else if (head === '?<=' || head === '?<!') {
        look = head[2] === '=';
        this.at += 3;
      } else if (/^\?<[A-Za-z_$]/.test(head)) this.at = this.source.indexOf('>', this.at) + 1;
      else throw new GiveUp();
      if (this.at === 0) throw new GiveUp();
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new GiveUp();
    this.at++;
    return look === null ? inner : { kind: 'look', item: inner, positive: look };
  }

  private escape(): Node {
    const c = this.source[this.at + 1] ?? '';
    this.at += 2;
    if (c === 'd') return { kind: 'chars', units: new Set([...'0123456789'].map(code)) };
    if (ANY_ESCAPES.has(c)) return { kind: 'chars', units: null };
    if (c === 'p' || c === 'P') {
      const end = this.source.indexOf('}', this.at);
      if (this.peek() !== '{' || end < 0) throw new GiveUp();
      this.at = end + 1;
      return { kind: 'chars', units: null };
    }
    if (c === 'b' || c === 'B') return NOTHING;
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(this.peek())) this.at++;
      return { kind: 'unknown' };
    }
    if (c === 'k') {
      const end = this.source.indexOf('>', this.at);
      if (end < 0) throw new GiveUp();
      this.at = end + 1;
      return { kind: 'unknown' };
    }
    if (c !== '' && (SPECIAL.has(code(c)) || c === '/' || c === '-'))
      return { kind: 'chars', units: new Set([code(c)]) };
    throw new GiveUp();
  }

  private characterClass(): Node {
    this.at++;
    const negated = this.peek() === '^';
    const units = new Set<number>();
    let listed = !negated;
    if (negated) this.at++;
    else if (this.peek() === ']') throw new GiveUp();
    while (this.peek() !== ']') {
      if (this.peek() === '') throw new GiveUp();
      const from = this.source.charCodeAt(this.at);
      if (this.peek() === '\\' || this.peek() === '[' || (from >= 0xd800 && from <= 0xdfff)) {
        // Read as any character: skip to the class's end.
        listed = false;
        this.at += this.peek() === '\\' ? 2 : 1;
        continue;
      }
      this.at++;
      if (this.peek() === '-' && this.source[this.at + 1] !== ']') {
        const to = this.source.charCodeAt(this.at + 1);
        if (this.source[this.at + 1] === '\\' || (to >= 0xd800 && to <= 0xdfff) || to < from)
          listed = false;
        else for (let u = from; u <= to; u++) units.add(u);
        this.at += 2;
      } else units.add(from);
    }
    this.at++;
    return { kind: 'chars', units: listed ? units : null };
  }
}

function code(c: string): number {
  return c.charCodeAt(0);
}

/** Second units kept per first unit; more, and any second unit is taken to follow. */
const SECONDS = 64;

/**
 * The matches of a part cut to their first two units: whether one can be empty, the units a
 * match of exactly one can be, the pairs (first → seconds, null: any second) a longer one can
 * begin with, and whether one can begin with any unit at all.
 */
interface Prefix {
  empty: boolean;
  one: Set<number>;
  two: Map<number, Set<number> | null>;
  anyFirst: boolean;
}

const EMPTY: Prefix = { empty: true, one: new Set(), two: new Map(), anyFirst: false };

function prefix(node: Node): Prefix {
  switch (node.kind) {
    case 'chars':
      return node.units === null
        ? { empty: false, one: new Set(), two: new Map(), anyFirst: true }
        : { empty: false, one: node.units, two: new Map(), anyFirst: false };
    case 'seq':
      return node.items.map(prefix).reduce(concat, EMPTY);
    case 'alt':
      return node.items.map(prefix).reduce(either);
    case 'repeat': {
      const item = prefix(node.item);
      if (node.max === 0) return EMPTY;
      if (node.max === 1) return node.min === 0 ? either(item, EMPTY) : item;
      // Cut to two units, any number of repeats begins as none, one or two do; at least two
      // (x{2,3}) as two and more.
      const star = either(EMPTY, either(item, concat(item, item)));
      if (node.min === 0) return star;
      return node.min === 1 ? concat(item, star) : concat(item, concat(item, star));
    }
    case 'look':
      return EMPTY;
    case 'unknown':
      return { empty: true, one: new Set(), two: new Map(), anyFirst: true };
  }
}

/** The units a match can begin with; null: any. */
function firstOf(p: Prefix): Set<number> | null {
  return p.anyFirst ? null : new Set([...p.one, ...p.two.keys()]);
}

function concat(a: Prefix, b: Prefix): Prefix {
  const one = new Set<number>();
  if (b.empty) for (const u of a.one) one.add(u);
  if (a.empty) for (const u of b.one) one.add(u);
  const two = new Map(a.two);
  const next = firstOf(b);
  if (next === null || next.size > 0) for (const u of a.one) addPairs(two, u, next);
  if (a.empty) for (const [u, s] of b.two) addPairs(two, u, s);
  return { empty: a.empty && b.empty, one, two, anyFirst: a.anyFirst || (a.empty && b.anyFirst) };
}

function either(a: Prefix, b: Prefix): Prefix {
  const two = new Map(a.two);
  for (const [u, s] of b.two) addPairs(two, u, s);
  return {
    empty: a.empty || b.empty,
    one: new Set([...a.one, ...b.one]),
    two,
    anyFirst: a.anyFirst || b.anyFirst,
  };
}

/** Adds seconds to a first unit's (sets are shared between entries: never changed in place). */
function addPairs(
  two: Map<number, Set<number> | null>,
  unit: number,
  seconds: Set<number> | null,
): void {
  const had = two.get(unit);
  if (had === undefined) two.set(unit, seconds !== null && seconds.size > SECONDS ? null : seconds);
  else if (had === null || seconds === null) two.set(unit, null);
  else {
    const all = new Set([...had, ...seconds]);
    two.set(unit, all.size > SECONDS ? null : all);
  }
}

/** Sets of words kept no larger than this. */
const WORDS = 64;

/** The strings a part can match, when they are few (a lookaround matches ''); else null. */
function exact(node: Node): Set<string> | null {
  switch (node.kind) {
    case 'chars':
      return node.units !== null && node.units.size <= 16
        ? new Set([...node.units].map((u) => String.fromCharCode(u)))
        : null;
    case 'seq': {
      let all: Set<string> | null = new Set(['']);
      for (const item of node.items) all = all && cross(all, exact(item));
      return all;
    }
    case 'alt': {
      const all = new Set<string>();
      for (const item of node.items) {
        const words = exact(item);
        if (words === null) return null;
        for (const w of words) all.add(w);
      }
      return all.size > WORDS ? null : all;
    }
    case 'repeat': {
      const words = exact(node.item);
      if (words === null || node.max > 4) return null;
      let times: Set<string> | null = new Set(['']);
      const all = new Set<string>();
      for (let k = 0; k <= node.max && times; k++) {
        if (k >= node.min) for (const w of times) all.add(w);
        times = cross(times, words);
      }
      return times && all.size <= WORDS ? all : null;
    }
    case 'look':
      return new Set(['']);
    case 'unknown':
      return null;
  }
}

function cross(a: Set<string>, b: Set<string> | null): Set<string> | null {
  if (b === null || a.size * b.size > WORDS) return null;
  const all = new Set<string>();
  for (const x of a) for (const y of b) all.add(x + y);
  return all;
}

/**
 * Words one of which is in any text the part matches in: in its match (the words it can match,
 * when they are few) or in a lookaround's.
 */
function required(node: Node, telling = (_: Set<string>) => true): Set<string> | null {
  switch (node.kind) {
    case 'chars':
      return exact(node);
    case 'seq': {
      let best: Set<string> | null = null;
      // Runs of parts with few matches make longer words (一个, 好几个月); a part alone, too:
      // the words that tell most (the pattern's whole text is asked `telling`, its parts not).
      let run: Set<string> | null = new Set(['']);
      for (const item of node.items) {
        const matches = exact(item);
        run = matches === null ? new Set(['']) : ((run && cross(run, matches)) ?? matches);
        if (!run.has('') && telling(run)) best = better(best, run);
        const some = required(item);
        if (some && telling(some)) best = better(best, some);
      }
      return best;
    }
    case 'alt': {
      const all = new Set<string>();
      for (const item of node.items) {
        const some = required(item);
        if (some === null) return null;
        for (const w of some) all.add(w);
      }
      return all;
    }
    case 'repeat':
      return node.min >= 1 ? required(node.item) : null;
    case 'look':
      return node.positive ? required(node.item) : null;
    case 'unknown':
      return null;
  }
}

/** The more telling of two sets of words: the longer shortest word, then the fewer words. */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null || b === null) return a ?? b;
  const shortest = (s: Set<string>) => Math.min(...[...s].map((w) => w.length));
  const [la, lb] = [shortest(a), shortest(b)];
  if (la !== lb) return la > lb ? a : b;
  return b.size < a.size ? b : a;
}

/**
 * A pattern's starts as tables, to find the first position in a text that can begin a match
 * (a regex with the g flag then runs from there: no match begins before it).
 */
export class StartScan {
  /** By UTF-16 code: 1 when it can begin a match whatever follows, 2 when some pairs can. */
  private readonly units = new Uint8Array(0x10000);
  private readonly pairs: PairSlots;

  /** `starts` null: any position can. */
  constructor(private readonly starts: Starts | null) {
    const keys: number[] = [];
    for (const unit of starts?.any ?? []) this.units[unit] = 1;
    for (const [unit, next] of starts?.pairs ?? []) {
      this.units[unit] = 2;
      for (const second of next) keys.push(pairKey(unit, second));
    }
    this.pairs = new PairSlots(keys);
  }

  /** The first position from `from` that can begin a match, or -1. */
  first(text: string, from = 0): number {
    if (this.starts === null) return from;
    const units = this.units;
    for (let i = from; i < text.length; i++) {
      const kind = units[text.charCodeAt(i)]!;
      if (
        kind === 1 ||
        (kind === 2 && this.pairs.slotOf(text.charCodeAt(i), text.charCodeAt(i + 1)) >= 0)
      )
        return i;
    }
    return -1;
  }
}
