/**
 * A complaint text cut into the clauses the segmenter reads (segmenter.ts): the caller's address
 * and a labelled name taken out, cut at punctuation, digits written as 0. Cheap and without the
 * dictionary: the collector (ingest/hot-word-texts.ts) keeps texts as clauses while reading, each
 * clause string once however many texts share it, and the segmenter segments each clause once.
 *
 * The rules are the regular expressions below; clausesOf applies them in one pass over the
 * characters (a fifth of the time of replace + split + replace: every complaint of a large
 * export goes through it while reading), and test/text/clauses.test.ts checks the two agree.
 */
import { NAME_LABELS } from './names.js';

/**
 * The address a caller gives ("其位于屯溪区昱中街道翡翠小区11栋", "家住…", "地址：…"), up to the
 * next punctuation: the words of a street or an estate are where, not what. A name after its
 * label and colon (户名：张三, text/names.ts) the same: who, not what (a customer named in 30
 * work orders of a month made 春花 of 联系人：李春花 a hot word).
 */
export const ADDRESS = new RegExp(
  `(?:位于|家住|住在|住址[:：]?|地址[:：]?|(?:${NAME_LABELS.join('|')})[:：]\\s*)[^，。,.；;！!？?\\s]*`,
  'g',
);

/**
 * Where a text is cut: punctuation, which never joins two kept words into a run. Clauses repeat
 * across texts far more than whole texts do ("停电超过8小时仍未恢复").
 */
export const CLAUSE = /[\s，。,.；;！!？?：:、（）()“”"'‘’【】[\]《》<>…—-]+/;

/** Numbers are never hot words: 停电3次 and 停电5次 are one clause. */
export const DIGITS = /[0-9０-９]+/g;

/** clausesOf as the three expressions say it, step by step (the reference of the tests). */
export function clausesByExpressions(text: string): string[] {
  return text
    .replace(ADDRESS, '，')
    .split(CLAUSE)
    .filter((c) => c !== '')
    .map((c) => c.replace(DIGITS, '0'));
}

/**
 * By UTF-16 code: CUT where CLAUSE cuts, ADDRESS_END where an address ends, DIGIT a digit,
 * ADDRESS_START the first character of an address's mark (位, 家, 住, 地: addressAt then says),
 * SPACE what \s matches (after a name's label), LABEL_END the last character of a name's label.
 */
const CUT = 1;
const ADDRESS_END = 2;
const DIGIT = 4;
const ADDRESS_START = 8;
const SPACE = 16;
const LABEL_END = 32;
let kinds: Uint8Array | null = null;

function charKinds(): Uint8Array {
  const k = new Uint8Array(0x10000);
  const cut = new RegExp(`^${CLAUSE.source}$`);
  const end = /^[，。,.；;！!？?\s]$/;
  // Every character of the two classes (\s included) is below U+3100 or from U+FE00 on.
  for (let c = 0; c < 0x10000; c = c === 0x30ff ? 0xfe00 : c + 1) {
    const s = String.fromCharCode(c);
    if (cut.test(s)) k[c]! |= CUT;
    if (end.test(s)) k[c]! |= ADDRESS_END;
    if (/^\s$/.test(s)) k[c]! |= SPACE;
  }
  for (let c = 0x30; c <= 0x39; c++) k[c]! |= DIGIT;
  for (let c = 0xff10; c <= 0xff19; c++) k[c]! |= DIGIT;
  for (const c of '位家住地') k[c.charCodeAt(0)]! |= ADDRESS_START;
  for (const label of NAME_LABELS) k[label.charCodeAt(label.length - 1)]! |= LABEL_END;
  return k;
}

/** Whether an address starts at `i`: 位于, 家住, 住在, 住址, 地址. */
function addressAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  switch (a) {
    case 0x4f4d: // 位
      return b === 0x4e8e; // 于
    case 0x5bb6: // 家
      return b === 0x4f4f; // 住
    case 0x4f4f: // 住
      return b === 0x5728 || b === 0x5740; // 在, 址
    case 0x5730: // 地
      return b === 0x5740; // 址
    default:
      return false;
  }
}

/**
 * The length of the name label (户名, 联系人 …) that ends at `colon`, a colon, within the clause
 * that starts at `start`; 0: none. Looked for backwards from the colon, rare, rather than from
 * each label's first character (客, 户, 来 …), in nearly every text.
 */
function labelBefore(text: string, start: number, colon: number): number {
  const c = text.charCodeAt(colon);
  if ((c !== 0x3a && c !== 0xff1a) || !(kinds![text.charCodeAt(colon - 1)]! & LABEL_END)) return 0;
  for (const label of NAME_LABELS)
    if (colon - label.length >= start && text.startsWith(label, colon - label.length))
      return label.length;
  return 0;
}

/** Past the name after a label's colon at `colon`: its spaces, then to the next end mark. */
function nameEnd(text: string, colon: number): number {
  const k = kinds!;
  let i = colon + 1;
  while (i < text.length && k[text.charCodeAt(i)]! & SPACE) i++;
  while (i < text.length && !(k[text.charCodeAt(i)]! & ADDRESS_END)) i++;
  return i;
}

export function clausesOf(text: string): string[] {
  const k = (kinds ??= charKinds());
  const out: string[] = [];
  const n = text.length;
  // The clause being read starts at `start`; `built` holds its part before `from` when a digit
  // run was written as 0 (null: none was, the clause is a slice of the text).
  let start = 0;
  let from = 0;
  let built: string | null = null;
  const end = (at: number) => {
    if (built !== null) out.push(built + text.slice(from, at));
    else if (at > start) out.push(text.slice(start, at));
    built = null;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const kind = k[c]!;
    if (kind & CUT) {
      const label = labelBefore(text, start, i);
      if (label > 0) {
        // The label is written as a cut, and the name runs to its end mark.
        end(i - label);
        i = nameEnd(text, i);
        start = from = i;
        continue;
      }
      end(i);
      i++;
      while (i < n && k[text.charCodeAt(i)]! & CUT) i++;
      start = from = i;
    } else if (kind & DIGIT) {
      built = (built ?? '') + text.slice(from, i) + '0';
      i++;
      while (i < n && k[text.charCodeAt(i)]! & DIGIT) i++;
      from = i;
    } else if (addressAt(text, i)) {
      // Written as a cut: the clause ends here, and the address runs to its end mark.
      end(i);
      i += 2;
      while (i < n && !(k[text.charCodeAt(i)]! & ADDRESS_END)) i++;
      start = from = i;
    } else i++;
  }
  end(n);
  return out;
}

/**
 * The clauses of many texts as numbers, each distinct clause (as clausesOf gives it) made a
 * string once: a clause already known is found by a hash of its characters, computed while
 * cutting, and compared in place, so reading a text makes no string at all. The collector of
 * the hot words' texts reads every complaint through it.
 */
export class ClauseNumbers {
  /** The clauses by number. */
  readonly list: string[] = [];
  private hashes: Int32Array = new Int32Array(256);
  /** Open addressing: number + 1 by hash (0: empty). */
  private slots: Int32Array = new Int32Array(1024);

  /** Calls `fn` with the number of each clause of `text`, in order (clausesOf(text)). */
  each(text: string, fn: (id: number) => void): void {
    const k = (kinds ??= charKinds());
    const n = text.length;
    let i = 0;
    // No closure over the clause's state: V8 would keep it in a heap context, a store to
    // memory for every character (this loop reads every complaint's text while reading).
    while (i < n) {
      const start = i;
      let h = 0;
      let length = 0;
      let digits = false;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        const kind = k[c]!;
        if (kind !== 0) {
          if (kind & CUT) break;
          if (kind & DIGIT) {
            h = (Math.imul(h, 31) + 0x30) | 0;
            length++;
            digits = true;
            while (i + 1 < n && k[text.charCodeAt(i + 1)]! & DIGIT) i++;
            continue;
          }
          if (addressAt(text, i)) break;
        }
        h = (Math.imul(h, 31) + c) | 0;
        length++;
      }
      // Tested here, not in labelBefore: a call per clause cost 10% of this loop.
      const cut = text.charCodeAt(i);
      const label = cut === 0x3a || cut === 0xff1a ? labelBefore(text, start, i) : 0;
      if (label > 0) {
        // A name's label: the clause ends before it, and the name runs to its end mark.
        h = clauseHash(text, start, i - label);
        length -= label;
        if (length > 0) fn(this.find(text, start, i - label, h, digits));
        i = nameEnd(text, i);
        if (i >= n) break;
      } else if (length > 0) fn(this.find(text, start, i, h, digits));
      if (i >= n) break;
      if (k[text.charCodeAt(i)]! & CUT) {
        i++;
        while (i < n && k[text.charCodeAt(i)]! & CUT) i++;
      } else {
        // An address: it runs to its end mark, a cut the next clause starts with.
        i += 2;
        while (i < n && !(k[text.charCodeAt(i)]! & ADDRESS_END)) i++;
      }
    }
  }

  /** The number of the clause text[from, to) (digit runs as 0), added when new. */
  private find(text: string, from: number, to: number, h: number, digits: boolean): number {
    const mask = this.slots.length - 1;
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]! - 1;
      if (id < 0) return this.add(s, text, from, to, h, digits);
      if (this.hashes[id] === h && same(this.list[id]!, text, from, to)) return id;
    }
  }

  private add(slot: number, text: string, from: number, to: number, h: number, digits: boolean) {
    const written = text.slice(from, to);
    // A copy of its own, not a slice pinning the text.
    const clause = Buffer.from(digits ? written.replace(DIGITS, '0') : written, 'utf16le').toString(
      'utf16le',
    );
    const id = this.list.push(clause) - 1;
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if (this.list.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    this.list.forEach((_, id) => {
      const h = this.hashes[id]!;
      let s = (h ^ (h >>> 15)) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = id + 1;
    });
  }
}

/** The hash ClauseNumbers.each computes of text[from, to), a clause without a cut or an address. */
function clauseHash(text: string, from: number, to: number): number {
  const k = kinds!;
  let h = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (k[c]! & DIGIT) {
      h = (Math.imul(h, 31) + 0x30) | 0;
      while (i + 1 < to && k[text.charCodeAt(i + 1)]! & DIGIT) i++;
    } else h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}

/** Whether `clause` is text[from, to) with each run of digits written 0. */
function same(clause: string, text: string, from: number, to: number): boolean {
  const k = kinds!;
  let j = 0;
  for (let i = from; i < to; j++) {
    if (j >= clause.length) return false;
    const c = text.charCodeAt(i);
    if (k[c]! & DIGIT) {
      if (clause.charCodeAt(j) !== 0x30) return false;
      i++;
      while (i < to && k[text.charCodeAt(i)]! & DIGIT) i++;
    } else {
      if (clause.charCodeAt(j) !== c) return false;
      i++;
    }
  }
  return j === clause.length;
}
