/**
 * What the class columns of a row decide (Classifier.byColumns), by their three values: an
 * export holds a few hundred combinations of 一级/二级/三级分类, and a complaint's class was
 * otherwise looked up again at every row (three NFKC normalisations and regular expressions:
 * ~4% of `analyze`'s CPU on the bench file). The answers are shared between rows: never
 * changed by their readers. An empty value is the same as none, as byColumns reads it.
 */
import type { Classification } from './classify.js';

/** Combinations kept before the memo starts again (exports with free-text class columns). */
const LIMIT = 10_000;

type Level = string | null | undefined;

export class ColumnClassMemo {
  private readonly answers = new Map<string, Map<string, Map<string, Classification | null>>>();
  private size = 0;

  /** The answer for the three values, or undefined when not yet known. */
  get(level1: Level, level2: Level, level3: Level): Classification | null | undefined {
    return this.answers
      .get(level1 || '')
      ?.get(level2 || '')
      ?.get(level3 || '');
  }

  set(level1: Level, level2: Level, level3: Level, answer: Classification | null): void {
    if (this.size >= LIMIT) {
      this.answers.clear();
      this.size = 0;
    }
    let byLevel2 = this.answers.get(level1 || '');
    if (byLevel2 === undefined) this.answers.set(level1 || '', (byLevel2 = new Map()));
    let byLevel3 = byLevel2.get(level2 || '');
    if (byLevel3 === undefined) byLevel2.set(level2 || '', (byLevel3 = new Map()));
    byLevel3.set(level3 || '', answer);
    this.size++;
  }
}
