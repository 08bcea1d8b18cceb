/**
 * The hot words as part of a run (analyze, report): the complaint texts collected while reading
 * (HotWordTexts), then, once the period is resolved, the texts of the period, of the span before
 * it and of the same span a year earlier — each only when the inputs cover it (the analysis's
 * comparisons) — segmented (src/text, loaded only now) and counted (metrics/hot-words.ts).
 */
import { hotWords, type HotWordDoc, type HotWordsResult } from '../metrics/hot-words.js';
import { knownPeriod, periodJson, preceding, yearEarlier, type Period } from '../metrics/period.js';
import type { PeriodRequest } from '../metrics/period.js';
import { comparisons } from '../metrics/sections/period.js';
import type { AnalysisInput } from '../metrics/types.js';
import type { Segmenter } from '../text/segmenter.js';
import type { TextTable } from '../taxonomy/normalize.js';
import { HotWordTexts, type HotWordText } from './hot-word-texts.js';

export interface HotWordsSettings {
  /** How many words are listed (phrases: half as many). */
  top: number;
  /** Also each unit's top words (--hot-words-by unit). */
  byUnit: boolean;
}

/** The hot words of a run, with the spans they were counted over. */
export interface HotWords extends HotWordsResult {
  period: { from: string; to: string };
  baselinePeriod: { from: string; to: string } | null;
  yearEarlierPeriod: { from: string; to: string } | null;
}

export class HotWordsRun {
  readonly texts: HotWordTexts;

  constructor(
    private readonly settings: HotWordsSettings,
    request: PeriodRequest,
    /** The unit a work order is counted under (--units, --rollup), from its unit as written. */
    private readonly unitName: (written: string) => string = (u) => u,
    table: TextTable | null = null,
  ) {
    const known = knownPeriod(request);
    this.texts = new HotWordTexts(
      known && {
        from: Math.min(preceding(known).from, yearEarlier(known).from),
        to: known.to,
      },
      table,
    );
  }

  async compute(input: AnalysisInput): Promise<HotWords> {
    const { loadSegmenter } = await import('../text/segmenter.js');
    const compared = comparisons(input);
    const period = this.texts.between(input.period.from, input.period.to);
    const segmenter = (await loadSegmenter()).withNamesStopped(new Set(period.map((t) => t.unit)));
    const docs = (p: Period | null) => (p ? this.docs(segmenter, p) : null);
    const before = docs(compared.preceding);
    const earlier = docs(compared.yearEarlier);
    const result = hotWords({
      period: this.docsOf(segmenter, period),
      baseline: before
        ? { basis: 'preceding', docs: before }
        : earlier && { basis: 'yearEarlier', docs: earlier },
      yearEarlier: earlier,
      top: this.settings.top,
      byUnit: this.settings.byUnit,
    });
    const span = (p: Period | null) => (p ? periodJson(p) : null);
    return {
      ...result,
      period: periodJson(input.period),
      baselinePeriod: span(compared.preceding ?? compared.yearEarlier),
      yearEarlierPeriod: span(compared.yearEarlier),
    };
  }

  private docs(segmenter: Segmenter, p: Period): HotWordDoc[] {
    return this.docsOf(segmenter, this.texts.between(p.from, p.to));
  }

  private docsOf(segmenter: Segmenter, texts: readonly HotWordText[]): HotWordDoc[] {
    return texts.map((t) => ({
      unit: this.unitName(t.unit),
      class: t.class,
      terms: segmenter.terms(t.clauses),
    }));
  }
}
