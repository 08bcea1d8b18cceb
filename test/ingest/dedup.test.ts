import { describe, expect, it } from 'vitest';
import {
  DIFFERING,
  DIGEST_SEED,
  IdIndex,
  NEW,
  SAME,
  digestSample,
  digestSampleBytes,
  digestText,
  hash64,
  hash64At,
} from '../../src/ingest/dedup.js';

const digest = (values: string[]) => values.reduce(digestText, DIGEST_SEED);

describe('IdIndex', () => {
  it('tells new, repeated and changed work orders apart, comparing with the latest copy', () => {
    const index = new IdIndex();
    const steps: [string, number, number, number][] = [
      ['2016050300001', 1, 0, NEW],
      ['2016050300002', 1, 1, NEW],
      ['2016050300001', 1, 0, SAME],
      ['2016050300001', 2, 0, DIFFERING],
      ['2016050300001', 2, 0, SAME],
    ];
    for (const [id, rowDigest, entry, occurrence] of steps) {
      expect(index.add(id, rowDigest)).toBe(entry);
      expect(index.occurrence).toBe(occurrence);
    }
    expect(index.size).toBe(2);
  });

  it('agrees with a Map over 300,000 ids through many resizes', () => {
    const index = new IdIndex();
    const reference = new Map<string, number>();
    let state = 12345;
    let mismatches = 0;
    for (let i = 0; i < 300_000; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const id = `GD${state % 200_000}`;
      const expected = reference.get(id) ?? reference.size;
      const isNew = !reference.has(id);
      reference.set(id, expected);
      if (index.add(id, 0) !== expected || index.occurrence !== (isNew ? NEW : SAME)) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(index.size).toBe(reference.size);
  });
});

describe('IdIndex made for the ids expected', () => {
  it('holds that many without growing, and finds what a growing index finds', () => {
    const made = new IdIndex(undefined, 5000);
    const grown = new IdIndex();
    const slots = made.table().slots.length;
    expect(slots).toBe(16384);
    for (let i = 0; i < 6000; i++) {
      const id = `GD${(i * 7919) % 5500}`;
      expect(made.add(id, i & 3)).toBe(grown.add(id, i & 3));
      expect(made.occurrence).toBe(grown.occurrence);
      // Room for 8,192 ids (a power of two): no rehash up to there.
      expect(made.table().slots.length).toBe(slots);
    }
    expect(made.size).toBe(5500);
  });
});

describe('IdIndex.touch', () => {
  it('reads the slot an id is first probed at: its entry once added, 0 before', () => {
    const index = new IdIndex();
    const line = 'x,2016050300001,2016050300002,y';
    const slots = new Int32Array(2);
    slots[0] = index.slotOf(line, 2, 15);
    slots[1] = index.slotOf(line, 16, 29);
    expect(index.touch(slots, 2)).toBe(0);
    index.add('2016050300001', 7);
    // The first id's slot now holds its entry (1 + entry 0, with its hash's tag bits).
    expect(index.touch(slots, 1) & 0xffffff).toBe(1);
    expect(index.touch(slots.subarray(1), 1)).toBe(0);
  });

  it('hashes part of a string as the same characters on their own', () => {
    const [a, b] = [new Uint32Array(2), new Uint32Array(2)];
    hash64At('编号:2016050300001;', 3, 16, a);
    hash64('2016050300001', b);
    expect([...a]).toEqual([...b]);
  });
});

describe('hashes', () => {
  it('gives different 64-bit hashes to ids that differ in one character or in order', () => {
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    hash64('2016050312345678', a);
    hash64('2016050312345687', b);
    expect([...a]).not.toEqual([...b]);
  });

  it('separates fields in a row digest', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']));
    expect(digest(['a', 'b'])).toBe(digest(['a', 'b']));
  });

  it('samples long texts: the first and last 16 bytes of their UTF-8', () => {
    const text = '客户反映'.repeat(50);
    const sample = (t: string) => digestSample(DIGEST_SEED, t, 32);
    expect(sample(text)).toBe(sample(text));
    expect(sample(text + '。')).not.toBe(sample(text));
    expect(sample('甲' + text.slice(1))).not.toBe(sample(text));
    expect(sample(text.slice(0, -1) + '乙')).not.toBe(sample(text));
    // An edit inside the text is not seen (documented): the rest of the row usually tells.
    expect(sample(text.slice(0, 100) + '的' + text.slice(100))).toBe(sample(text));
    const fold = (bytes: number[]) =>
      Math.imul(
        bytes.reduce((h, b) => Math.imul(h ^ b, 0x01000193), DIGEST_SEED) ^ 0x1f,
        0x01000193,
      );
    // Up to 32 bytes, all of them: ASCII as digestText, other text by its bytes.
    expect(sample('short text')).toBe(digestText(DIGEST_SEED, 'short text'));
    expect(sample('短')).toBe(fold([0xe7, 0x9f, 0xad]));
    // Longer: the first 16 bytes, then the last 16 from the end backwards (a character may be
    // cut: 客 is E5 AE A2, 反 E5 8F 8D …).
    const bytes = [...Buffer.from(text)];
    expect(sample(text)).toBe(fold([...bytes.slice(0, 16), ...bytes.slice(-16).reverse()]));
  });

  it('samples a text the same from its string and from its UTF-8 bytes in a chunk', () => {
    const texts = [
      '客户反映'.repeat(50),
      '来电反映😀停电'.repeat(9),
      'x'.repeat(33),
      '短文本',
      '',
      '用电'.repeat(20_000),
      // A surrogate pair across the 16th unit, at either end.
      'x'.repeat(15) + '😀' + '中'.repeat(40) + '😀' + 'y'.repeat(15),
      'é' + '𠮷'.repeat(30) + 'ü',
      // Exactly 32 and 33 bytes; a 4-byte character cut at byte 16 from either end.
      '中'.repeat(10) + 'ab',
      '中'.repeat(11),
      'abcdefghijklmn😀xyz' + '中'.repeat(20) + 'x😀abcdefghijklm',
      '\ud800' + '中'.repeat(20) + '\udc00',
    ];
    for (const text of texts) {
      const chunk = Buffer.from(`a,${text},b`);
      const end = chunk.length - 2;
      expect(digestSampleBytes(DIGEST_SEED, chunk, 2, end, 32)).toBe(
        digestSample(DIGEST_SEED, text, 32),
      );
    }
  });
});

describe('IdIndex slots tagged with the hash', () => {
  /** Ids in a fixed pseudo-random order, some repeated; the Map is the reference. */
  function run(index: IdIndex, reference: Map<string, number>, count: number, seed: number) {
    let state = seed;
    let mismatches = 0;
    for (let i = 0; i < count; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const id = `GD${state % 3_000}`;
      const expected = reference.get(id) ?? reference.size;
      const isNew = !reference.has(id);
      reference.set(id, expected);
      if (index.add(id, 0) !== expected || index.occurrence !== (isNew ? NEW : SAME)) mismatches++;
    }
    return mismatches;
  }

  it('finds every id before and after the slots stop being tagged (a limit of 1,000 entries here)', () => {
    const index = new IdIndex(1_000);
    const reference = new Map<string, number>();
    expect(run(index, reference, 20_000, 7)).toBe(0);
    expect(index.size).toBe(reference.size);
    expect(index.size).toBeGreaterThan(1_000);
    const hash = new Uint32Array(2);
    let missed = 0;
    for (const [id, entry] of reference) {
      hash64(id, hash);
      if (index.find(hash[0]!, hash[1]!) !== entry) missed++;
    }
    expect(missed).toBe(0);
  });

  it('reads a table handed over before and after the limit as it was left', () => {
    for (const count of [300, 20_000]) {
      const first = new IdIndex(1_000);
      const reference = new Map<string, number>();
      run(first, reference, count, 11);
      const adopted = IdIndex.adopt(first.table(), 1_000);
      expect(run(adopted, reference, 20_000, 13)).toBe(0);
      expect(adopted.size).toBe(reference.size);
    }
  });
});
