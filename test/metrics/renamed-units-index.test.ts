/**
 * The rename check compares a new unit only with the units its index offers (RenameCandidates):
 * every unit renamedFrom could choose, and the same pairs as comparing it with every unit gone
 * before it, the references kept here, on random sets of names; and 20,000 names, of many
 * characters or of few, each looked at by a small share of the index.
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
  const names = randomNames(n, [...alphabet], r);
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

/** `n` distinct unit names of the characters `chars`, written as units are and as they are not. */
function randomNames(n: number, chars: readonly string[], r: () => number): Set<string> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
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
  return names;
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

/** Every unit renamedFrom would choose for `name` were it the only one: compared one by one. */
function choosable(name: string, units: readonly string[]): number[] {
  return units.flatMap((unit, i) => (renamedFrom(name, [unit]) === unit ? [i] : []));
}

describe('the index offers every unit renamedFrom could choose', () => {
  // Lone surrogates and characters beyond the BMP: renamedFrom matches a part held in another
  // by UTF-16 code unit, a surrogate pair matching nothing.
  const surrogates = ['祁', '门', '😀', '\ud83d', '\ude00', 'A', '_'];
  it.each<[number, string | string[], number]>([
    [11, 'ABab', 60],
    [12, 'AB', 300],
    [13, '东南西北中祁门歙黟', 300],
    [
      14,
      '东南西北中上下新老城关乡镇村山河湖江口岭塘坝桥溪林石岩田庄店集寺泉峰港湾滩洲屯歙黟祁休宁黄',
      1000,
    ],
    [15, surrogates, 400],
    [16, '祁门歙😀𠀀A-_', 1000],
  ])('seed %i over %s, %i names', (seed, alphabet, n) => {
    const r = random(seed);
    const units = [...randomNames(n, [...alphabet], r)];
    const index = new RenameCandidates(units);
    let chosen = 0;
    // Each unit asked about, as renamedUnits asks, and names of none, a character off.
    const asked = [
      ...units.slice(0, 300),
      ...units.slice(0, 100).map((unit) => {
        const at = Math.floor(r() * (unit.length + 1));
        return `${unit.slice(0, at)}${[...alphabet][Math.floor(r() * 3)]}${unit.slice(at + 1)}`;
      }),
    ];
    for (const name of asked) {
      const offered = index.candidates(name);
      expect(offered).toEqual([...new Set(offered)].sort((a, b) => a - b));
      expect(offered).toEqual(expect.arrayContaining(choosable(name, units)));
      const all = renamedFrom(name, units);
      expect(
        renamedFrom(
          name,
          offered.map((i) => units[i]!),
        ),
      ).toBe(all);
      if (all !== null) chosen++;
    }
    // Tested where it matters: some names have a unit to choose.
    expect(chosen).toBeGreaterThan(0);
  });
});

describe('many distinct names', () => {
  it.each([
    ['20,000 stations of a county-level export', 1500, 7, 20_000],
    // Every name shares characters with every other: an index by character prunes nothing.
    ['20,000 names over 40 characters', 40, 1, 40],
  ])(
    '%s: each new name compared with few old ones',
    (_, size, step, seed) => {
      let alphabet = '';
      for (let c = 0x4e00; alphabet.length < size; c += step) alphabet += String.fromCharCode(c);
      const r = random(seed);
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
      // Counted, not timed (speed is the bench's, bench/rename-check.js): each new name meets a
      // small share of the old ones, and the index looks at few more. By character and length it
      // looked at 0.8% of the old units a name (1,500 characters) and 31% (40 characters).
      const old = [...names].filter((_, i) => i % 2 === 0);
      const index = new RenameCandidates(old);
      const asked = [...names].filter((_, i) => i % 2 === 1).slice(0, 500);
      const compared = asked.reduce((sum, name) => sum + index.candidates(name).length, 0);
      expect(compared).toBeLessThan(0.001 * asked.length * old.length);
      expect(index.examined).toBeLessThan(0.005 * asked.length * old.length);
      expect(renamedUnits(cube).length).toBeGreaterThan(0);
    },
    60_000,
  );
});
