/**
 * The model shipped with the tool: naive Bayes over character 2-grams trained on the tuning part of our evaluation set
 * (fixtures/eval/tune.csv) for the taxonomy it was labelled with (sgcc-95598 only: a user's
 * taxonomy or county-4x17 gets none). Used after the rules unless --no-model; a model the user
 * trained (--model FILE) replaces it. Read lazily: the file is parsed the first time a text
 * reaches the model, never for --help, inspect, or exports whose class columns decide every row.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Taxonomy } from './load.js';
import { NaiveBayes, type Ranked, type Sample, type TextModel } from './model.js';
import { loadModel } from './model-file.js';

/**
 * n-grams seen fewer times than this in the tuning texts are left out of the shipped file.
 * Chosen by 5-fold cross-validation on the tuning part (scripts/train-default-model.js --cv):
 * rules + model at level 2 90.1% for 1 to 4 (3: 5,462 n-grams instead of 22,037, the file about
 * half the size), the model alone 89.6% → 89.2%; from 5 up the model alone loses a point or more.
 */
export const SHIPPED_MIN_COUNT = 3;

/**
 * Character 2-grams alone: chosen in session 15 by 5-fold cross-validation on the tuning part
 * (bench/model-cv.js; criterion rules + model at level 2 on the dev batches, the file no larger),
 * 1,599 → 1,613 of the 1,680 dev texts (22 won, 8 lost), the rest 94.5% → 94.7%, 9,052 n-grams
 * a fold instead of 10,513. Single characters, once their pairs are read, added more noise than
 * evidence; tf-idf weighting read 4 dev texts more but its fractional counts make the file larger.
 */
export const SHIPPED_ORDERS: readonly number[] = [2];

const MODELS = new URL('../../src/taxonomy/models/', import.meta.url);

export function shippedModelPath(taxonomyName: string): URL {
  return new URL(`${taxonomyName}.json`, MODELS);
}

/** The shipped model of a shipped taxonomy (not of a user file that happens to share its name). */
export function hasShippedModel(taxonomy: Taxonomy): boolean {
  return taxonomy.origin === taxonomy.name && existsSync(shippedModelPath(taxonomy.name));
}

/** Parses the file the first time a text needs it. */
export class LazyModel implements TextModel {
  private model: NaiveBayes | null = null;
  constructor(private readonly path: URL) {}

  get loaded(): boolean {
    return this.model !== null;
  }

  rank(text: string, allowed: readonly string[]): Ranked[] {
    if (this.model === null) {
      const model = NaiveBayes.fromJSON(JSON.parse(readFileSync(this.path, 'utf8')));
      if (typeof model === 'string') throw new Error(`${this.path.pathname}: ${model}`);
      this.model = model;
    }
    return this.model.rank(text, allowed);
  }
}

/**
 * The model a run classifies with: the user's (`model` a path), none (`false`: --no-model, or a
 * taxonomy without a shipped model), or the shipped one (`null`: the default).
 */
export function modelFor(model: string | false | null, taxonomy: Taxonomy): TextModel | null {
  if (model === false) return null;
  if (model !== null) return loadModel(model, taxonomy);
  return hasShippedModel(taxonomy) ? new LazyModel(shippedModelPath(taxonomy.name)) : null;
}

/** The shipped file's text: one n-gram a line, so a retrained model diffs readably. */
export function shippedModelJson(samples: readonly Sample[], taxonomyName: string): string {
  const doc = NaiveBayes.train(
    samples,
    taxonomyName,
    SHIPPED_MIN_COUNT,
    SHIPPED_ORDERS,
  ).toJSON() as Record<string, unknown>;
  const { counts, ...head } = doc as { counts: Record<string, unknown> };
  const header = JSON.stringify({
    ...head,
    minCount: SHIPPED_MIN_COUNT,
    trainedOn: 'fixtures/eval/tune.csv',
  });
  const lines = Object.entries(counts).map(
    ([gram, row]) => `${JSON.stringify(gram)}:${JSON.stringify(row)}`,
  );
  return `${header.slice(0, -1)},"counts":{\n${lines.join(',\n')}\n}}\n`;
}
