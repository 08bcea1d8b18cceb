/**
 * jieba's dictionary cut down to the words that can occur in given texts, segmenting them
 * exactly as the whole dictionary does, at a fraction of the cost: loading the whole one
 * (349,000 words) takes about 0.4 s of CPU and 45 MiB that stay for the run, while the hot words
 * of a run segment only its distinct clauses (a few hundred or thousand).
 *
 * Why it is exact (jieba-rs, which @node-rs/jieba wraps): a sentence is cut by the most likely
 * route through the words of the dictionary that occur in it, each scored ln(freq) − ln(total),
 * where total is the sum of every word's frequency; a word is tagged with its own entry's tag.
 * So only the words occurring in the texts matter, and the total: the words that cannot occur
 * are left out and one word that cannot occur either — a character none of the texts has —
 * carries their frequencies, so the total is the same to the unit. A word can occur only if
 * each pair of its adjacent characters occurs in some text (each character, for a word of one):
 * a few words kept that do not occur change nothing.
 *
 * Our power-supply words are merged in as loadDict would merge them after the whole dictionary
 * (a word already there takes the new frequency and keeps its tag; a new one is tagged n).
 * test/text/dictionary.test.ts checks the tags are those of the whole dictionary.
 */

/** Pairs of adjacent UTF-16 codes (first × 65536 + second) and single codes in `texts`. */
function pairsOf(texts: Iterable<string>): { pairs: Set<number>; chars: Set<number> } {
  const pairs = new Set<number>();
  const chars = new Set<number>();
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      chars.add(c);
      if (i + 1 < t.length) pairs.add(c * 0x10000 + t.charCodeAt(i + 1));
    }
  }
  return { pairs, chars };
}

function mayOccur(word: string, seen: { pairs: Set<number>; chars: Set<number> }): boolean {
  if (word.length === 1) return seen.chars.has(word.charCodeAt(0));
  for (let i = 0; i + 1 < word.length; i++)
    if (!seen.pairs.has(word.charCodeAt(i) * 0x10000 + word.charCodeAt(i + 1))) return false;
  return true;
}

/**
 * mayOccur on a word as UTF-8 bytes (`from` to `to` in `dict`), without making it a string (the
 * dictionary's 349,000 strings were most of the cut's time): true when it may occur, and when the
 * bytes are not plain UTF-8 (the string then decides).
 */
function mayOccurBytes(
  dict: Buffer,
  from: number,
  to: number,
  seen: { pairs: Set<number>; chars: Set<number> },
): boolean {
  let previous = -1;
  let codes = 0;
  for (let i = from; i < to;) {
    const b = dict[i]!;
    let cp: number;
    if (b < 0x80) {
      cp = b;
      i += 1;
    } else if (b >= 0xe0 && b < 0xf0 && i + 2 < to && continues(dict, i + 1, 2)) {
      cp = ((b & 0x0f) << 12) | ((dict[i + 1]! & 0x3f) << 6) | (dict[i + 2]! & 0x3f);
      i += 3;
    } else if (b >= 0xc2 && b < 0xe0 && i + 1 < to && continues(dict, i + 1, 1)) {
      cp = ((b & 0x1f) << 6) | (dict[i + 1]! & 0x3f);
      i += 2;
    } else return true;
    // A surrogate's bytes, or an over-long form: not plain UTF-8.
    if ((cp >= 0xd800 && cp <= 0xdfff) || (b >= 0xe0 && cp < 0x800)) return true;
    if (previous >= 0 && !seen.pairs.has(previous * 0x10000 + cp)) return false;
    previous = cp;
    codes++;
  }
  return codes === 1 ? seen.chars.has(previous) : true;
}

/** A word's length in bytes and its first three bytes, as one number. */
function startKey(bytes: Buffer, from: number, to: number): number {
  let key = to - from;
  for (let i = from; i < from + 3; i++) key = key * 256 + (i < to ? bytes[i]! : 0);
  return key;
}

/** Whether the `n` bytes at `at` are UTF-8 continuation bytes. */
function continues(bytes: Buffer, at: number, n: number): boolean {
  for (let i = at; i < at + n; i++) if ((bytes[i]! & 0xc0) !== 0x80) return false;
  return true;
}

interface Entry {
  freq: number;
  tag: string;
}

/**
 * The dictionary (jieba's dict.txt format: `word freq tag` a line) with `ours` added at
 * `frequency`, cut down to what `texts` can hold, as dict.txt bytes for Jieba.withDict.
 */
export function dictionaryFor(
  dict: Buffer,
  ours: readonly string[],
  frequency: number,
  texts: Iterable<string>,
): Buffer {
  const seen = pairsOf(texts);
  const own = new Set(ours);
  const ownStarts = new Set(
    ours.map((w) => {
      const bytes = Buffer.from(w);
      return startKey(bytes, 0, bytes.length);
    }),
  );
  const kept = new Map<string, Entry>();
  // As load_dict reads a line: the word, its frequency, its tag, separated by spaces. Only the
  // words kept are made strings of; every frequency counts in the total. The shipped dictionary
  // has each word once (the test checks), as the total's sum assumes.
  let total = 0;
  for (let at = 0; at < dict.length;) {
    let end = dict.indexOf(0x0a, at);
    if (end < 0) end = dict.length;
    let space = dict.indexOf(0x20, at);
    if (space < 0 || space > end) space = end;
    let freq = 0;
    let i = space + 1;
    for (; i < end && dict[i]! >= 0x30 && dict[i]! <= 0x39; i++) freq = freq * 10 + dict[i]! - 0x30;
    total += freq;
    // Our words are few: a word of the dictionary is made a string when it may occur, or when
    // it begins with the bytes one of ours begins with and is as long.
    if (
      space > at &&
      (mayOccurBytes(dict, at, space, seen) || ownStarts.has(startKey(dict, at, space)))
    ) {
      const word = dict.toString('utf8', at, space);
      if (own.has(word) || mayOccur(word, seen)) {
        const tag = i < end ? dict.toString('utf8', i + 1, end).trim() : '';
        kept.set(word, { freq, tag });
      }
    }
    at = end + 1;
  }
  for (const word of ours) {
    const known = kept.get(word);
    total += frequency - (known?.freq ?? 0);
    if (known) known.freq = frequency;
    else kept.set(word, { freq: frequency, tag: 'n' });
  }
  const lines: string[] = [];
  let written = 0;
  for (const [word, e] of kept) {
    if (!own.has(word) && !mayOccur(word, seen)) continue;
    written += e.freq;
    lines.push(e.tag === '' ? `${word} ${e.freq}` : `${word} ${e.freq} ${e.tag}`);
  }
  // The rest of the total, on a character no text has (from the private use area).
  let stand = 0xe000;
  while (seen.chars.has(stand)) stand++;
  lines.push(`${String.fromCharCode(stand)} ${total - written} x`);
  return Buffer.from(lines.join('\n'));
}
