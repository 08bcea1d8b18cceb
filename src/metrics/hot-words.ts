/**
 * Hot words (热词) and emerging terms of the complaint texts — pure statistics over the words of
 * each text (src/text/segmenter.ts makes them), one formula per function as in formulas.ts.
 *
 * - A word or a two-word phrase (two adjacent kept words) is counted once per work order: a
 *   text that says 台区 three times is one complaint about the 台区.
 * - **Emerging** against a baseline — the span just before the period (环比) when the data covers
 *   it, else the same span a year earlier (同比) — by Dunning's log-likelihood G² on the 2×2
 *   table of texts with and without the term in the period and in the baseline
 *   (logLikelihood), when the term is in at least MIN_EMERGING_COUNT texts, more often than in
 *   the baseline, and G² ≥ EMERGING_G2.
 * - `change`: the term's count against its baseline count scaled to the period's number of
 *   texts, each plus one, minus one (smoothedChange): +1 is "twice as often", and a term new
 *   this period has a finite change, its count.
 */

/** Words and phrases of a piece of text (a clause, shared by the texts that have it). */
export interface HotWordTerms {
  words: readonly string[];
  phrases: readonly string[];
}

/** A class as the hot words name it. */
export interface HotWordClassRef {
  code: string;
  name: string;
  nameEn: string;
}

/** A text's terms in pieces (a term in several counts once), with where the text belongs. */
export interface HotWordDoc {
  unit: string;
  class: HotWordClassRef | null;
  terms: readonly HotWordTerms[];
}

/**
 * Texts compactly (the collector's form, ingest/hot-word-texts.ts): per text its unit (into
 * `units`), class (into `classes`; -1: none) and pieces, `pieces[start[i]]` to
 * `pieces[start[i + 1]]`, each a number into `terms`, which many texts share.
 */
export interface HotWordTextSet {
  units: readonly string[];
  classes: readonly HotWordClassRef[];
  unit: ArrayLike<number>;
  cls: ArrayLike<number>;
  start: ArrayLike<number>;
  pieces: ArrayLike<number>;
  terms: readonly HotWordTerms[];
}

/** Texts given either way. */
export type HotWordDocs = readonly HotWordDoc[] | HotWordTextSet;

/** Texts as objects → a text set (each doc's pieces its own). */
export function textSet(docs: readonly HotWordDoc[]): HotWordTextSet {
  const units: string[] = [];
  const unitIds = new Map<string, number>();
  const classes: HotWordClassRef[] = [];
  const classIds = new Map<string, number>();
  const terms: HotWordTerms[] = [];
  const set = {
    units,
    classes,
    terms,
    unit: new Int32Array(docs.length),
    cls: new Int32Array(docs.length),
    start: new Int32Array(docs.length + 1),
    pieces: [] as number[],
  };
  docs.forEach((d, i) => {
    let u = unitIds.get(d.unit);
    if (u === undefined) unitIds.set(d.unit, (u = units.push(d.unit) - 1));
    let c = -1;
    if (d.class) {
      c = classIds.get(d.class.code) ?? -1;
      if (c < 0) classIds.set(d.class.code, (c = classes.push(d.class) - 1));
    }
    set.unit[i] = u;
    set.cls[i] = c;
    set.start[i] = set.pieces.length;
    for (const t of d.terms) set.pieces.push(terms.push(t) - 1);
  });
  set.start[docs.length] = set.pieces.length;
  return set;
}

const asSet = (texts: HotWordDocs): HotWordTextSet =>
  Array.isArray(texts) ? textSet(texts as readonly HotWordDoc[]) : (texts as HotWordTextSet);

const sizeOf = (set: HotWordTextSet) => set.unit.length;

type Kind = 'words' | 'phrases';

/**
 * Terms as numbers, the same across the texts of one computation: each piece's terms looked up
 * once (by its text set's `terms` list), then every count is over arrays of small integers.
 */
class TermIds {
  readonly list: Record<Kind, string[]> = { words: [], phrases: [] };
  private readonly ids: Record<Kind, Map<string, number>> = {
    words: new Map(),
    phrases: new Map(),
  };
  private readonly byTerms = new Map<readonly HotWordTerms[], Record<Kind, Int32Array[]>>();

  /** The numbers of each piece's terms of one kind. */
  of(set: HotWordTextSet, kind: Kind): Int32Array[] {
    let known = this.byTerms.get(set.terms);
    if (!known) this.byTerms.set(set.terms, (known = { words: [], phrases: [] }));
    const lists = known[kind];
    if (lists.length < set.terms.length) {
      const ids = this.ids[kind];
      const list = this.list[kind];
      for (let p = lists.length; p < set.terms.length; p++)
        lists.push(
          Int32Array.from(set.terms[p]![kind], (t) => {
            let id = ids.get(t);
            if (id === undefined) ids.set(t, (id = list.push(t) - 1));
            return id;
          }),
        );
    }
    return lists;
  }

  /**
   * Calls `fn(text, term)` once per distinct term of each text (`texts`: the indexes; all when
   * null), texts in order, a text's terms in their first order.
   */
  each(
    set: HotWordTextSet,
    kind: Kind,
    texts: ArrayLike<number> | null,
    fn: (text: number, term: number) => void,
  ): void {
    const lists = this.of(set, kind);
    const stamp = new Int32Array(this.list[kind].length).fill(-1);
    const n = texts ? texts.length : sizeOf(set);
    for (let k = 0; k < n; k++) {
      const i = texts ? texts[k]! : k;
      for (let p = set.start[i]!; p < set.start[i + 1]!; p++)
        for (const t of lists[set.pieces[p]!]!)
          if (stamp[t] !== i) {
            stamp[t] = i;
            fn(i, t);
          }
    }
  }

  /** Texts with each term, in order of first appearance. */
  count(set: HotWordTextSet, kind: Kind, texts: ArrayLike<number> | null = null): Counts {
    // each()'s walk written out: a call per term and text was most of the hot words' counting.
    const lists = this.of(set, kind);
    const list = this.list[kind];
    const counts = new Int32Array(list.length);
    const stamp = new Int32Array(list.length).fill(-1);
    const order: number[] = [];
    const { start, pieces } = set;
    const n = texts ? texts.length : sizeOf(set);
    for (let k = 0; k < n; k++) {
      const i = texts ? texts[k]! : k;
      for (let p = start[i]!; p < start[i + 1]!; p++) {
        const terms = lists[pieces[p]!]!;
        for (let q = 0; q < terms.length; q++) {
          const t = terms[q]!;
          if (stamp[t] === i) continue;
          stamp[t] = i;
          if (counts[t] === 0) order.push(t);
          counts[t]!++;
        }
      }
    }
    return new Map(order.map((t) => [list[t]!, counts[t]!]));
  }

  /**
   * For each pair [shorter, longer] of terms, whether every text (`texts`: the indexes; all
   * when null) with the shorter also has the longer.
   */
  alwaysWith(
    set: HotWordTextSet,
    kind: Kind,
    texts: ArrayLike<number> | null,
    pairs: readonly (readonly [string, string])[],
  ): boolean[] {
    const lists = this.of(set, kind);
    const ids = this.ids[kind];
    const size = this.list[kind].length;
    const longer = pairs.map(([, l]) => ids.get(l)!);
    const byShorter = new Map<number, number[]>();
    pairs.forEach(([s], p) => {
      const id = ids.get(s)!;
      const known = byShorter.get(id);
      if (known) known.push(p);
      else byShorter.set(id, [p]);
    });
    const isShorter = new Uint8Array(size);
    for (const id of byShorter.keys()) isShorter[id] = 1;
    const holds = pairs.map(() => true);
    const stamp = new Int32Array(size).fill(-1);
    const present: number[] = [];
    const { start, pieces } = set;
    const n = texts ? texts.length : sizeOf(set);
    for (let k = 0; k < n; k++) {
      const i = texts ? texts[k]! : k;
      present.length = 0;
      for (let p = start[i]!; p < start[i + 1]!; p++)
        for (const t of lists[pieces[p]!]!)
          if (stamp[t] !== i) {
            stamp[t] = i;
            if (isShorter[t] === 1) present.push(t);
          }
      // Only after the whole text: the longer term may come after the shorter.
      for (const s of present)
        for (const p of byShorter.get(s)!) if (stamp[longer[p]!] !== i) holds[p] = false;
    }
    return holds;
  }
}

export interface HotWordClass {
  code: string;
  name: string;
  nameEn: string;
  count: number;
}

export interface HotWordRow {
  word: string;
  kind: 'word' | 'phrase';
  /** Texts of the period with the term. */
  count: number;
  /** count / texts of the period. */
  share: number;
  /** Texts of the baseline with the term; null without a baseline. */
  baseline: number | null;
  /** Texts of the same span a year earlier with the term; null when the data has none. */
  yearEarlier: number | null;
  /** smoothedChange against the baseline; null without one. */
  change: number | null;
  /** Dunning's G² against the baseline; null without one. */
  g2: number | null;
  emerging: boolean;
  /** Among the most frequent words or phrases; false: listed only as emerging. */
  top: boolean;
  /** The classes (level 2) of the texts with the term, most first, at most CLASSES_SHOWN. */
  classes: HotWordClass[];
}

export interface UnitHotWords {
  unit: string;
  texts: number;
  words: { word: string; count: number }[];
}

export type HotWordBasis = 'preceding' | 'yearEarlier';

export interface HotWordsInput {
  period: HotWordDocs;
  /** The baseline emerging terms are judged against, and which one it is. */
  baseline: { basis: HotWordBasis; docs: HotWordDocs } | null;
  /** The same span a year earlier, when covered (the baseline's docs again when it is that). */
  yearEarlier: HotWordDocs | null;
  /** How many words are listed (phrases: half as many, rounded up). */
  top: number;
  /** Also the top words of each unit. */
  byUnit: boolean;
}

export interface HotWordsResult {
  /** Complaints of the period with a text. */
  texts: number;
  basis: HotWordBasis | null;
  baselineTexts: number | null;
  yearEarlierTexts: number | null;
  rows: HotWordRow[];
  units: UnitHotWords[] | null;
}

/**
 * A term is emerging from this many texts: below it the G² of a 2×2 table is unreliable (an
 * expected cell under 5), and a word of three complaints is no topic.
 */
export const MIN_EMERGING_COUNT = 5;
/**
 * G² at or above this is emerging: χ² with one degree of freedom at p = 0.001. A month's list
 * tests hundreds of terms; at p = 0.05 a dozen would be "emerging" by chance alone.
 */
export const EMERGING_G2 = 10.83;
/** Classes named per term. */
export const CLASSES_SHOWN = 3;
/** Words listed per unit. */
export const UNIT_WORDS = 5;

const xlnx = (o: number, e: number) => (o === 0 ? 0 : o * Math.log(o / e));

/**
 * Dunning's log-likelihood G² = 2 Σ O ln(O/E) over the 2×2 table: `a` of `n1` texts of the
 * period with the term, `b` of `n2` of the baseline. 0 when either side has no texts.
 */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const n = n1 + n2;
  if (n1 === 0 || n2 === 0) return 0;
  const withTerm = a + b;
  const without = n - withTerm;
  const g =
    xlnx(a, (n1 * withTerm) / n) +
    xlnx(n1 - a, (n1 * without) / n) +
    xlnx(b, (n2 * withTerm) / n) +
    xlnx(n2 - b, (n2 * without) / n);
  return Math.max(0, 2 * g);
}

/**
 * (a + 1) / (b × n1/n2 + 1) − 1: the count against the baseline's count scaled to the period's
 * texts, each plus one. Null when the baseline has no texts.
 */
export function smoothedChange(a: number, n1: number, b: number, n2: number): number | null {
  if (n2 === 0) return null;
  return (a + 1) / ((b * n1) / n2 + 1) - 1;
}

/** Whether a term is emerging: enough texts, more often than in the baseline, G² high enough. */
export function isEmerging(a: number, n1: number, b: number, n2: number): boolean {
  if (a < MIN_EMERGING_COUNT || n1 === 0 || n2 === 0) return false;
  return a / n1 > b / n2 && logLikelihood(a, n1, b, n2) >= EMERGING_G2;
}

type Counts = Map<string, number>;

const termKey = (r: Pick<HotWordRow, 'kind' | 'word'>) =>
  `${r.kind === 'word' ? 'w' : 'p'}${r.word}`;

/** Most texts first; among equals by code point, so a list never depends on the locale. */
function ranked(counts: Counts): [string, number][] {
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
}

/**
 * The first `limit` of `candidates` (all when Infinity) without the terms a longer term of
 * `pool` holds in every text that has them: 恢复, in 5 complaints all of which say 尽快恢复,
 * would name the same five complaints twice. A longer term that holds it in only some (停电 in
 * 5, 停电公告 in 3 of them) leaves both. The longer may be held in turn (a chain ends at the
 * longest), so `pool` keeps every candidate; only a term with at least as many texts can hold
 * another, which keeps the pairs few.
 */
function withoutHeld(
  ids: TermIds,
  set: HotWordTextSet,
  kind: Kind,
  texts: ArrayLike<number> | null,
  candidates: readonly (readonly [string, number])[],
  pool: readonly (readonly [string, number])[],
  limit: number,
): [string, number][] {
  const kept: [string, number][] = [];
  let next = 0;
  // In rounds: a term left out brings in the next, whose pairs need another look at the texts.
  while (kept.length < limit && next < candidates.length) {
    const round = candidates.slice(next, next + (limit - kept.length));
    next += round.length;
    const pairs: [string, string][] = [];
    const owner: number[] = [];
    round.forEach(([word, n], r) => {
      for (const [longer, m] of pool)
        if (m >= n && longer.length > word.length && longer.includes(word)) {
          pairs.push([word, longer]);
          owner.push(r);
        }
    });
    const held = new Uint8Array(round.length);
    if (pairs.length > 0)
      ids.alwaysWith(set, kind, texts, pairs).forEach((holds, p) => {
        if (holds) held[owner[p]!] = 1;
      });
    round.forEach((c, r) => {
      if (held[r] === 0) kept.push([c[0], c[1]]);
    });
  }
  return kept;
}

function classesOf(ids: TermIds, set: HotWordTextSet, rows: readonly HotWordRow[]) {
  // By kind: a phrase may be written as a word is (电压 + 偏低, 电压偏低).
  const byTerm = { words: new Map<string, Map<string, HotWordClass>>(), phrases: new Map() };
  for (const kind of ['words', 'phrases'] as const) {
    const listed = new Set(
      rows.filter((r) => (r.kind === 'word') === (kind === 'words')).map((r) => r.word),
    );
    ids.of(set, kind);
    const terms = ids.list[kind];
    // By term number: a string looked up for every term of every text cost more than the walk.
    const isListed = Uint8Array.from(terms, (word) => (listed.has(word) ? 1 : 0));
    ids.each(set, kind, null, (i, t) => {
      const c = set.cls[i]!;
      if (c < 0 || isListed[t] === 0) return;
      const word = terms[t]!;
      const cls = set.classes[c]!;
      let classes = byTerm[kind].get(word);
      if (!classes) byTerm[kind].set(word, (classes = new Map()));
      const known = classes.get(cls.code);
      if (known) known.count++;
      else classes.set(cls.code, { ...cls, count: 1 });
    });
  }
  return (r: Pick<HotWordRow, 'kind' | 'word'>): HotWordClass[] =>
    [...(byTerm[r.kind === 'word' ? 'words' : 'phrases'].get(r.word)?.values() ?? [])]
      .sort((x, y) => y.count - x.count || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0))
      .slice(0, CLASSES_SHOWN);
}

function unitTop(ids: TermIds, set: HotWordTextSet, texts: readonly number[]) {
  const list = ranked(ids.count(set, 'words', texts));
  return withoutHeld(ids, set, 'words', texts, list, list, UNIT_WORDS);
}

function unitWords(ids: TermIds, set: HotWordTextSet): UnitHotWords[] {
  const byUnit = new Map<string, number[]>();
  for (let i = 0; i < sizeOf(set); i++) {
    const unit = set.units[set.unit[i]!]!;
    const list = byUnit.get(unit);
    if (list) list.push(i);
    else byUnit.set(unit, [i]);
  }
  return [...byUnit]
    .map(([unit, list]) => ({
      unit,
      texts: list.length,
      words: unitTop(ids, set, list).map(([word, count]) => ({ word, count })),
    }))
    .sort((x, y) => y.texts - x.texts || (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : 0));
}

/**
 * The period's hot words: the `top` words and half as many phrases with the most texts, then
 * the emerging terms not already listed (highest G² first, at most `top`).
 */
export function hotWords(input: HotWordsInput): HotWordsResult {
  const { top } = input;
  const ids = new TermIds();
  const period = asSet(input.period);
  const baseline = input.baseline && { ...input.baseline, docs: asSet(input.baseline.docs) };
  const yearEarlier =
    input.yearEarlier === input.baseline?.docs
      ? baseline!.docs
      : input.yearEarlier && asSet(input.yearEarlier);
  const counts = (set: HotWordTextSet) => ({
    word: ids.count(set, 'words'),
    phrase: ids.count(set, 'phrases'),
  });
  const n1 = sizeOf(period);
  const n2 = baseline ? sizeOf(baseline.docs) : 0;
  const now = counts(period);
  const base = baseline && counts(baseline.docs);
  const earlier = yearEarlier && (baseline?.basis === 'yearEarlier' ? base! : counts(yearEarlier));
  const row = (kind: 'word' | 'phrase', word: string, count: number): HotWordRow => {
    const b = base ? (base[kind].get(word) ?? 0) : null;
    return {
      word,
      kind,
      count,
      share: count / n1,
      baseline: b,
      yearEarlier: earlier ? (earlier[kind].get(word) ?? 0) : null,
      change: b === null ? null : smoothedChange(count, n1, b, n2),
      g2: b === null ? null : logLikelihood(count, n1, b, n2),
      emerging: b !== null && isEmerging(count, n1, b, n2),
      top: true,
      classes: [],
    };
  };
  const idsOf = { word: 'words', phrase: 'phrases' } as const;
  const topOf = (kind: 'word' | 'phrase', limit: number) => {
    const list = ranked(now[kind]);
    return withoutHeld(ids, period, idsOf[kind], null, list, list, limit);
  };
  const listed = [
    ...topOf('word', top).map(([w, c]) => row('word', w, c)),
    ...topOf('phrase', Math.ceil(top / 2)).map(([w, c]) => row('phrase', w, c)),
  ];
  const seen = new Set(listed.map(termKey));
  // An emerging term a longer listed or emerging one holds is left out as in the top lists.
  const emergingOf = (kind: 'word' | 'phrase') => {
    const rising = [...now[kind]].filter(
      ([w, c]) => !seen.has(termKey({ kind, word: w })) && row(kind, w, c).emerging,
    );
    const pool = [
      ...listed.filter((r) => r.kind === kind).map((r): [string, number] => [r.word, r.count]),
      ...rising,
    ];
    return withoutHeld(ids, period, idsOf[kind], null, rising, pool, Infinity).map(([w, c]) =>
      row(kind, w, c),
    );
  };
  const emerging = base
    ? [...emergingOf('word'), ...emergingOf('phrase')]
        .sort((x, y) => y.g2! - x.g2! || (x.word < y.word ? -1 : 1))
        .slice(0, top)
        .map((r) => ({ ...r, top: false }))
    : [];
  const rows = [...listed, ...emerging];
  const classes = classesOf(ids, period, rows);
  for (const r of rows) r.classes = classes(r);
  return {
    texts: n1,
    basis: baseline?.basis ?? null,
    baselineTexts: baseline ? n2 : null,
    yearEarlierTexts: yearEarlier ? sizeOf(yearEarlier) : null,
    rows,
    units: input.byUnit ? unitWords(ids, period) : null,
  };
}
