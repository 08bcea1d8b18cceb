/**
 * The hot words as part of a run (analyze, report): the complaint texts collected while reading
 * (HotWordTexts), then, once the period is resolved, the texts of the period, of the span before
 * it and of the same span a year earlier — each only when the inputs cover it (the analysis's
 * comparisons) — segmented (src/text, loaded only now) and counted (metrics/hot-words.ts).
 */
import { hotWords, type HotWordsResult, type HotWordTextSet } from '../metrics/hot-words.js';
import { knownPeriod, periodJson, preceding, yearEarlier, type Period } from '../metrics/period.js';
import type { PeriodRequest } from '../metrics/period.js';
import { comparisons } from '../metrics/sections/period.js';
import type { AnalysisInput } from '../metrics/types.js';
import type { TextTable } from '../taxonomy/normalize.js';
import { HotWordTexts } from './hot-word-texts.js';

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
    const { segmenterFor } = await import('../text/segmenter.js');
    const compared = comparisons(input);
    const texts = this.texts;
    const span = (p: Period) => texts.span(p.from, p.to);
    const period = span(input.period);
    const inPeriod = new Set<string>();
    for (let i = 0; i < period.unit.length; i++) inPeriod.add(period.units[period.unit[i]!]!);
    // jieba's dictionary cut down to what the clauses and the unit names can hold: the same
    // words as the whole one, for a tenth of its time and memory (text/dictionary.ts).
    const segmenter = segmenterFor([...texts.clauseList, ...inPeriod]).withNamesStopped(inPeriod);
    // Each distinct clause segmented once, shared by every text that has it; units named once.
    const terms = texts.clauseList.map((c) => segmenter.clause(c));
    const units = texts.unitList.map((u) => this.unitName(u));
    const docs = (p: Period | null): HotWordTextSet | null => p && { ...span(p), units, terms };
    const before = docs(compared.preceding);
    const earlier = docs(compared.yearEarlierInData);
    const result = hotWords({
      period: { ...period, units, terms },
      baseline: before
        ? { basis: 'preceding', docs: before }
        : earlier && { basis: 'yearEarlier', docs: earlier },
      yearEarlier: earlier,
      top: this.settings.top,
      byUnit: this.settings.byUnit,
    });
    const json = (p: Period | null) => (p ? periodJson(p) : null);
    return {
      ...result,
      period: periodJson(input.period),
      baselinePeriod: json(compared.preceding ?? compared.yearEarlier),
      yearEarlierPeriod: json(compared.yearEarlier),
    };
  }
}
