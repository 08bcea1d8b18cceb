/**
 * A text classifier trained on the user's own labelled history: multinomial naive Bayes over
 * character 1- and 2-grams (Chinese has no spaces to split words on; character n-grams need
 * no dictionary). Deterministic, no network, saved as plain JSON.
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

/** NFKC, no spaces, punctuation or digits: the characters that carry meaning. */
export function features(text: string): string[] {
  const chars = text.normalize('NFKC').replace(/[\s\p{P}\p{S}\d]+/gu, ' ');
  const grams: string[] = [];
  for (const run of chars.split(' ')) {
    for (let i = 0; i < run.length; i++) {
      grams.push(run[i]!);
      if (i + 1 < run.length) grams.push(run.slice(i, i + 2));
    }
  }
  return grams;
}

export class NaiveBayes implements TextModel {
  private constructor(
    readonly taxonomy: string,
    readonly labels: string[],
    /** Training texts per label. */
    private readonly docs: number[],
    /** n-gram occurrences per label. */
    private readonly totals: number[],
    private readonly counts: Map<string, Map<number, number>>,
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
  static train(samples: readonly Sample[], taxonomy: string, minCount = 1): NaiveBayes {
    const labels = [...new Set(samples.map((s) => s.label))].sort();
    const docs = labels.map(() => 0);
    const all = new Map<string, Map<number, number>>();
    for (const sample of samples) {
      const label = labels.indexOf(sample.label);
      docs[label]!++;
      for (const gram of features(sample.text)) {
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
    return new NaiveBayes(taxonomy, labels, docs, totals, counts);
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
    const rows = features(text)
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
      features: 'character 1- and 2-grams',
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
    const counts = new Map<string, Map<number, number>>();
    for (const [gram, row] of Object.entries(d.counts)) counts.set(gram, new Map(row));
    return new NaiveBayes(d.taxonomy ?? '', d.labels, d.docs, d.totals, counts);
  }
}
