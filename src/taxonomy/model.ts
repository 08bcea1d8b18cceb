/**
 * A text classifier trained on labelled texts: multinomial naive Bayes over character n-grams
 * (Chinese has no spaces to split words on; character n-grams need no dictionary): 2-grams
 * alone, for a user's history (`classify --train`) as for the shipped model; a file of the
 * first form, which names no orders, reads 1- and 2-grams. Deterministic, no network, saved as
 * plain JSON.
 */
export interface Ranked {
  label: string;
  probability: number;
}

export interface TextModel {
  /** Labels, most probable first, probabilities normalised over the allowed labels. */
  rank(text: string, allowed: readonly string[]): Ranked[];
}

export interface Sample {
  text: string;
  label: string;
}

export const MODEL_FORMAT = 'complaints-text-model';
// Chosen by 5-fold cross-validation on the tuning part of the evaluation set (0.05 to 0.1 best).
const ALPHA = 0.1;

/** The n-gram lengths read by a model file that names none: `classify --train`'s before session 21. */
export const FIRST_ORDERS: readonly number[] = [1, 2];

/**
 * The n-gram lengths `classify --train` reads unless --ngrams says otherwise: 2-grams alone, as
 * the shipped model. Chosen in session 21 by stratified 5-fold cross-validation on the tuning
 * part, each fold's model trained on a draw of 150 to 3,507 of the other folds' texts
 * (scripts/train-default-model.js --sizes): rules + model at level 2, 2-grams against 1- and
 * 2-grams, +3.3 points at 150 texts, +1.7 at 300, +1.0 at 600, +0.5 at 1,200, +0.4 at 3,507 (each
 * the mean of the draws' paired differences, SD 1.1 to 0.5). The model alone reads 2.5 and 1.8
 * points fewer at 150 and 300 texts with 2-grams alone, but classify reads a model after the
 * rules, and there the 2-gram model decides fewer texts and fewer wrongly (at 150 texts 11.0% of
 * them, 72% of those wrong at level 2, against 15.7% and 77%). A taxonomy with few rules leaves
 * more to the model alone: --ngrams 1,2 is there for it.
 */
export const TRAIN_ORDERS: readonly number[] = [2];

/** NFKC, no spaces, punctuation or digits: the n-grams of the characters that carry meaning. */
export function features(text: string, orders: readonly number[] = FIRST_ORDERS): string[] {
  const chars = text.normalize('NFKC').replace(/[\s\p{P}\p{S}\d]+/gu, ' ');
  const grams: string[] = [];
  for (const run of chars.split(' ')) {
    for (let i = 0; i < run.length; i++) {
      for (const n of orders) if (i + n <= run.length) grams.push(run.slice(i, i + n));
    }
  }
  return grams;
}

/** What toJSON writes in `features`: the first form's wording kept for its files. */
const describe = (orders: readonly number[]): string =>
  orders.length === 2 && orders[0] === 1 && orders[1] === 2
    ? 'character 1- and 2-grams'
    : `character ${orders.join('- and ')}-grams`;

export class NaiveBayes implements TextModel {
  private constructor(
    readonly taxonomy: string,
    readonly labels: string[],
    /** Training texts per label. */
    private readonly docs: number[],
    /** n-gram occurrences per label. */
    private readonly totals: number[],
    private readonly counts: Map<string, Map<number, number>>,
    /** The n-gram lengths it reads. */
    readonly orders: readonly number[] = FIRST_ORDERS,
  ) {}

  /** log(count + alpha) per label, per n-gram: computed once, on the first text ranked. */
  private logs: Map<string, Float64Array> | null = null;

  private logCounts(): Map<string, Float64Array> {
    if (this.logs) return this.logs;
    const unseen = Math.log(ALPHA);
    this.logs = new Map();
    for (const [gram, row] of this.counts) {
      const logs = new Float64Array(this.labels.length).fill(unseen);
      for (const [label, n] of row) logs[label] = Math.log(n + ALPHA);
      this.logs.set(gram, logs);
    }
    return this.logs;
  }

  /**
   * `minCount`: n-grams seen fewer times than this in all the texts are left out (a smaller
   * file; the shipped model's value is chosen by cross-validation, scripts/train-default-model.js).
   * The same samples give the same model, and the same JSON, byte for byte.
   */
  static train(
    samples: readonly Sample[],
    taxonomy: string,
    minCount = 1,
    orders: readonly number[] = FIRST_ORDERS,
  ): NaiveBayes {
    const labels = [...new Set(samples.map((s) => s.label))].sort();
    const docs = labels.map(() => 0);
    const all = new Map<string, Map<number, number>>();
    for (const sample of samples) {
      const label = labels.indexOf(sample.label);
      docs[label]!++;
      for (const gram of features(sample.text, orders)) {
        const row = all.get(gram) ?? new Map<number, number>();
        row.set(label, (row.get(label) ?? 0) + 1);
        all.set(gram, row);
      }
    }
    // Totals over the n-grams kept, so each label's probabilities still sum to one.
    const totals = labels.map(() => 0);
    const counts = new Map<string, Map<number, number>>();
    for (const [gram, row] of all) {
      let seen = 0;
      for (const n of row.values()) seen += n;
      if (seen < minCount) continue;
      counts.set(gram, row);
      for (const [label, n] of row) totals[label]! += n;
    }
    return new NaiveBayes(taxonomy, labels, docs, totals, counts, orders);
  }

  /** The number of n-grams the model knows. */
  get vocabulary(): number {
    return this.counts.size;
  }

  rank(text: string, allowed: readonly string[]): Ranked[] {
    const vocabulary = this.counts.size;
    const sampleCount = this.docs.reduce((a, b) => a + b, 0);
    const table = this.logCounts();
    // n-grams unseen everywhere say nothing.
    const rows = features(text, this.orders)
      .map((gram) => table.get(gram))
      .filter((row) => row !== undefined);
    const scores: { label: string; log: number }[] = [];
    for (const label of allowed) {
      const i = this.labels.indexOf(label);
      if (i < 0) continue;
      let log = Math.log(this.docs[i]! / sampleCount);
      const denominator = Math.log(this.totals[i]! + ALPHA * vocabulary);
      for (const row of rows) log += row[i]! - denominator;
      scores.push({ label, log });
    }
    if (scores.length === 0) return [];
    const max = Math.max(...scores.map((s) => s.log));
    const sum = scores.reduce((acc, s) => acc + Math.exp(s.log - max), 0);
    return scores
      .map((s) => ({ label: s.label, probability: Math.exp(s.log - max) / sum }))
      .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
  }

  toJSON(): object {
    const grams = [...this.counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      format: MODEL_FORMAT,
      version: 1,
      type: 'naive-bayes',
      features: describe(this.orders),
      // Named in every file: one that names none is of the first form, and reads 1- and 2-grams.
      orders: this.orders,
      taxonomy: this.taxonomy,
      labels: this.labels,
      docs: this.docs,
      totals: this.totals,
      counts: Object.fromEntries(
        grams.map((g) => [g, [...this.counts.get(g)!.entries()].sort((a, b) => a[0] - b[0])]),
      ),
    };
  }

  static fromJSON(doc: unknown): NaiveBayes | string {
    const d = doc as {
      format?: string;
      version?: number;
      taxonomy?: string;
      orders?: unknown;
      labels?: string[];
      docs?: number[];
      totals?: number[];
      counts?: Record<string, [number, number][]>;
    };
    if (d?.format !== MODEL_FORMAT || d.version !== 1)
      return `not a ${MODEL_FORMAT} file (version 1)`;
    if (
      !Array.isArray(d.labels) ||
      !Array.isArray(d.docs) ||
      !Array.isArray(d.totals) ||
      typeof d.counts !== 'object'
    ) {
      return 'labels, docs, totals or counts missing';
    }
    const orders = d.orders ?? FIRST_ORDERS;
    if (
      !Array.isArray(orders) ||
      orders.length === 0 ||
      !orders.every((n) => Number.isInteger(n) && n >= 1 && n <= 4)
    )
      return 'orders must be a list of n-gram lengths from 1 to 4';
    const counts = new Map<string, Map<number, number>>();
    for (const [gram, row] of Object.entries(d.counts)) counts.set(gram, new Map(row));
    return new NaiveBayes(d.taxonomy ?? '', d.labels, d.docs, d.totals, counts, orders);
  }
}
