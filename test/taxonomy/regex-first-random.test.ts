/**
 * What regex-first.ts reads from a pattern, against random patterns a user's taxonomy might hold:
 * wherever a pattern really matches, the match begins at a character (or pair) its starts name,
 * and the text holds one of the words its needs name. A wrong answer would make the classifier
 * skip a pattern silently, so the answers are checked on expressions the shipped data lacks:
 * negated classes, escapes, anchors, lookarounds either way, nested quantifiers and characters
 * outside the BMP.
 */
import { describe, expect, it } from 'vitest';
import { patternNeeds, patternStarts, type Starts } from '../../src/taxonomy/regex-first.js';

/** A small linear congruential generator: the same patterns on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const ALPHABET = ['a', 'b', 'c', '通', '知', '频', '繁', '停', '，', '𠀀'];

function patternMaker(rnd: () => number) {
  const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)]!;
  const bmp = ALPHABET.slice(0, 9);
  const atom = (depth: number): string => {
    const r = rnd();
    if (r < 0.35 || depth > 3) return pick(ALPHABET);
    if (r < 0.45) return `[${rnd() < 0.3 ? '^' : ''}${pick(bmp)}${pick(bmp)}]`;
    if (r < 0.5) return pick(['.', '[^]', '\\d', '\\w', '\\s', '[0-9]']);
    if (r < 0.55) return pick(['^', '$', '\\b']);
    return `(${pick(['', '?:', '?=', '?!', '?<=', '?<!'])}${alternation(depth + 1)})`;
  };
  const quantified = (depth: number): string => {
    const a = atom(depth);
    if (/^[\^$]|^\\b|^\(\?[=!<]/.test(a)) return a;
    const r = rnd();
    if (r < 0.1) return `${a}?`;
    if (r < 0.2) return `${a}*`;
    if (r < 0.28) return `${a}+`;
    if (r < 0.36) return a + pick(['{0,3}', '{2}', '{1,}', '{0,5}']);
    return a;
  };
  const sequence = (depth: number): string => {
    let s = '';
    for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) s += quantified(depth);
    return s;
  };
  const alternation = (depth: number): string => {
    let s = sequence(depth);
    while (rnd() < 0.3) s += `|${sequence(depth)}`;
    return s;
  };
  return {
    pattern: () => alternation(0),
    text: () => {
      let text = '';
      for (let n = Math.floor(rnd() * 12); n > 0; n--) text += pick(ALPHABET);
      return text;
    },
  };
}

const startsAt = (starts: Starts, text: string, i: number): boolean => {
  const unit = text.charCodeAt(i);
  if (starts.any.has(unit)) return true;
  return i + 1 < text.length && starts.pairs.get(unit)?.has(text.charCodeAt(i + 1)) === true;
};

/** Whether a needed word begins anywhere in the text (by UTF-16 position, as the scan reads). */
const holdsWord = (needs: Starts, text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (startsAt(needs, text, i)) return true;
  return false;
};

describe('regex-first on random patterns', () => {
  it('every real match begins where the starts say and in a text holding a needed word', () => {
    const rnd = random(20261206);
    const make = patternMaker(rnd);
    let matches = 0;
    let withStarts = 0;
    let withNeeds = 0;
    const wrong: string[] = [];
    for (let k = 0; k < 2500; k++) {
      const source = make.pattern();
      let regex: RegExp;
      try {
        regex = new RegExp(source, 'uy');
      } catch {
        continue;
      }
      const starts = patternStarts(source);
      const needs = patternNeeds(source);
      if (starts) withStarts++;
      if (needs) withNeeds++;
      for (let t = 0; t < 25; t++) {
        const text = make.text();
        for (let p = 0; p <= text.length; p++) {
          regex.lastIndex = p;
          const m = regex.exec(text);
          // With the u flag a search from inside a surrogate pair begins at the pair.
          if (m === null || m.index !== p) continue;
          matches++;
          if (starts && !startsAt(starts, text, p)) wrong.push(`starts /${source}/ ${text} @${p}`);
          if (needs && !holdsWord(needs, text)) wrong.push(`needs /${source}/ ${text}`);
        }
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The check means something: many patterns have starts and needs, and many matches were seen.
    expect(withStarts).toBeGreaterThan(1000);
    expect(withNeeds).toBeGreaterThan(1000);
    expect(matches).toBeGreaterThan(50_000);
  });
});
