/**
 * The pieces the bulletin's sentences are made of: figures that remember where their number
 * comes from in the JSON result, and the rule for saying a change — a rate where the base is
 * large enough to carry one, the absolute change where a rate would mislead (1 → 3 is "增加2件",
 * not "+200%"), and nothing where there is no base at all.
 */
import { formatCount, formatPercent } from '../../format.js';
import type { Figure, FigureSource, Run } from '../../types.js';

/**
 * Below this many complaints in the base period a change is said as a count: a rate on a base
 * of a handful swings by tens of percent with one complaint, and reads as an alarm it is not.
 */
export const MIN_RATE_BASE = 10;

export const count = (value: number, source: FigureSource): Figure => ({
  text: formatCount(value),
  source,
  as: 'count',
});

/** A rate without its sign: the words around it say which way it goes. */
export const rate = (value: number, source: FigureSource): Figure => ({
  text: formatPercent(Math.abs(value)),
  source,
  as: 'rate',
});

export const hours = (value: number, source: FigureSource): Figure => ({
  text: value.toFixed(1),
  source,
  as: 'hours',
});

export const fixed = (value: number, source: FigureSource): Figure => ({
  text: value.toFixed(2),
  source,
  as: 'fixed',
});

/** An average of counts: 6 when whole (a whole number of complaints), else 4.75. */
export const average = (value: number, source: FigureSource): Figure => ({
  text: Number.isInteger(value) ? String(value) : value.toFixed(2),
  source,
  as: 'average',
});

export const period = (text: string, source: string): Figure => ({ text, source, as: 'period' });

export const name = (text: string, source: string): Figure => ({ text, source, as: 'name' });

/**
 * The rows with the highest values, in whole ties: groups of equal value, most first, taken while
 * they hold at most `limit` rows — the first group always — so that a list never names one of
 * three units with 1 complaint and leaves out the other two.
 */
export function topGroups<T>(rows: readonly T[], value: (r: T) => number, limit: number): T[][] {
  const groups: T[][] = [];
  for (const r of [...rows].sort((x, y) => value(y) - value(x))) {
    const last = groups[groups.length - 1];
    if (last && value(last[0]!) === value(r)) last.push(r);
    else groups.push([r]);
  }
  const taken: T[][] = [];
  let n = 0;
  for (const g of groups) {
    if (taken.length > 0 && n + g.length > limit) break;
    taken.push(g);
    n += g.length;
  }
  return taken;
}

/** What a sentence is built from: words, figures, or pieces already built. */
export type Piece = string | Figure | readonly Piece[] | null | false;

/** Flattens pieces into runs, joining neighbouring words and dropping null and false. */
export function runs(...pieces: Piece[]): Run[] {
  const out: Run[] = [];
  const add = (p: Piece): void => {
    if (p === null || p === false || p === '') return;
    if (Array.isArray(p)) return (p as readonly Piece[]).forEach(add);
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p as Run);
  };
  pieces.forEach(add);
  return out;
}

/** Sentence pieces as a tagged template: words`共受理投诉${count(…)}件`. */
export function words(strings: TemplateStringsArray, ...values: Piece[]): Run[] {
  return runs(...strings.flatMap((s, i) => (i < values.length ? [s, values[i]!] : [s])));
}

/**
 * A change between a base and now, as the reader should take it: `rate` when the base has at
 * least MIN_RATE_BASE complaints and a rate exists; `count` (the absolute change) when the base
 * is smaller or zero; `same` when nothing changed. Null when there is no base.
 */
export type Change =
  | { kind: 'rate'; up: boolean; figure: Figure }
  | { kind: 'count'; up: boolean; figure: Figure }
  | { kind: 'same' };

export function changeOf(
  now: number,
  base: number | null,
  rateValue: number | null,
  paths: { now: string; base: string; rate: string },
): Change | null {
  if (base === null) return null;
  if (now === base) return { kind: 'same' };
  const up = now > base;
  if (base >= MIN_RATE_BASE && rateValue !== null)
    return { kind: 'rate', up, figure: rate(rateValue, paths.rate) };
  const minus: [string, string] = up ? [paths.now, paths.base] : [paths.base, paths.now];
  return { kind: 'count', up, figure: count(Math.abs(now - base), { minus }) };
}
