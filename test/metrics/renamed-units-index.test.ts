/**
 * The rename check compares a new unit only with the units its index offers (RenameCandidates):
 * the same pairs as comparing it with every unit gone before it, the reference kept here, on
 * random sets of names; and 20,000 stations' names in seconds, not minutes.
 */
import { describe, expect, it } from 'vitest';
import { renamedUnits } from '../../src/metrics/sections/renamed-units.js';
import { monthOfDay } from '../../src/metrics/calendar.js';
import type { Cube } from '../../src/metrics/cube.js';
import { RenameCandidates, renamedFrom } from '../../src/settings/suggest.js';
import { input, type Row } from '../helpers/analysis-input.js';

/** The check as it was, every new unit against every unit gone before it: quadratic. */
function reference(cube: Cube, unitsFile: ReadonlySet<string> = new Set()) {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (let c = 0; c < cube.size; c++) {
    const unit = cube.units[cube.unit[c]!]!;
    const month = monthOfDay(cube.day[c]!);
    first.set(unit, Math.min(first.get(unit) ?? Infinity, month));
    last.set(unit, Math.max(last.get(unit) ?? -Infinity, month));
  }
  const spans = cube.units
    .filter((unit) => first.has(unit))
    .map((unit) => ({ unit, first: first.get(unit)!, last: last.get(unit)! }));
  if (spans.length < 2) return [];
  const dataFirst = Math.min(...spans.map((s) => s.first));
  const dataLast = Math.max(...spans.map((s) => s.last));
  const pairs: [string, string][] = [];
  const taken = new Set<string>();
  for (const after of spans) {
    if (after.first <= dataFirst || /^[\d\s._-]+$/.test(after.unit)) continue;
    const gone = spans.filter(
      (s) =>
        s.last < dataLast &&
        s.last <= after.first &&
        s.first < after.first &&
        !taken.has(s.unit) &&
        !(unitsFile.has(s.unit) && unitsFile.has(after.unit)),
    );
    const name = renamedFrom(
      after.unit,
      gone.map((s) => s.unit),
    );
    if (name === null) continue;
    taken.add(name);
    pairs.push([name, after.unit]);
  }
  return pairs;
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * `n` distinct names over `alphabet` (few characters: many near names, ties, names within
 * names), each with work orders in a random run of months of 2016.
 */
function randomRows(n: number, alphabet: string, seed: number): Row[] {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const chars = [...alphabet];
  const names = new Set<string>();
  while (names.size < n) {
    const own = Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(chars)).join('');
    names.add(
      pick([
        `国网${own}县供电公司`,
        `国网${own}供电公司`,
        `${own}供电所`,
        `国网黄山市${own}区供电公司`,
        own,
        `${own} ${pick(chars)}`,
        String(3440000 + Math.floor(r() * 50)),
      ]),
    );
  }
  return [...names].flatMap((unit) => {
    const from = 1 + Math.floor(r() * 6);
    const to = Math.min(6, from + Math.floor(r() * 3));
    return Array.from({ length: to - from + 1 }, (_, i): Row => ({
      unit,
      month: [2016, from + i],
      type: '故障报修',
    }));
  });
}

describe('the rename check by its index gives the pairs of every comparison', () => {
  it.each([
    [1, 'ABab', 200],
    [2, '东南西北中祁门歙黟', 400],
    [
      3,
      '东南西北中上下新老城关乡镇村山河湖江口岭塘坝桥溪林石岩田庄店集寺泉峰港湾滩洲屯歙黟祁休宁黄',
      800,
    ],
    [4, '祁门歙😀𠀀A-_', 300],
  ])('seed %i over %s, %i names', (seed, alphabet, n) => {
    const cube = input(randomRows(n, alphabet, seed)).cube;
    const want = reference(cube);
    expect(want.length).toBeGreaterThan(0);
    expect(renamedUnits(cube).map(({ before, after }) => [before.unit, after.unit])).toEqual(want);
    // Told apart by a units file: the pairs it names are never taken for a rename.
    const named = new Set(cube.units.filter((_, i) => i % 3 === 0));
    expect(renamedUnits(cube, named).map(({ before, after }) => [before.unit, after.unit])).toEqual(
      reference(cube, named),
    );
  });
});

describe('many distinct names', () => {
  it('20,000 stations of a county-level export: each new name compared with few old ones', () => {
    let alphabet = '';
    for (let c = 0x4e00; alphabet.length < 1500; c += 7) alphabet += String.fromCharCode(c);
    const r = random(20_000);
    const names = new Set<string>();
    while (names.size < 20_000) {
      const own = Array.from(
        { length: 2 + Math.floor(r() * 3) },
        () => alphabet[Math.floor(r() * alphabet.length)],
      ).join('');
      names.add(`${own}${r() < 0.5 ? '供电所' : '县供电公司'}`);
    }
    // Half gone after January, half new from March: every new name a question for every old.
    const rows = [...names].map((unit, i): Row => ({
      unit,
      month: [2016, i % 2 === 0 ? 1 : 3],
      type: '故障报修',
    }));
    rows.push({ unit: [...names][0]!, month: [2016, 2], type: '故障报修' });
    const cube = input(rows).cube;
    // Counted, not timed (speed is the bench's): comparing every pair took over a minute, the
    // index about 0.5 s, because each new name meets a small share of the old ones.
    const old = [...names].filter((_, i) => i % 2 === 0);
    const index = new RenameCandidates(old);
    const asked = [...names].filter((_, i) => i % 2 === 1).slice(0, 500);
    const compared = asked.reduce((sum, name) => sum + index.candidates(name).length, 0);
    expect(compared).toBeLessThan(0.02 * asked.length * old.length);
    expect(renamedUnits(cube).length).toBeGreaterThan(0);
  }, 60_000);
});
