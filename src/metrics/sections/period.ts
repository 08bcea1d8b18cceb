/**
 * The period of an analysis and the two it is compared with: the same months a year earlier
 * (同比) and the span of equal length just before (环比), each only when the inputs cover it
 * wholly — a comparison with months nobody exported would count them as 0, one with a month
 * exported in part would read its missing days as a fall. Both also need the period's own
 * months whole: a December exported to the 26th compared with a whole December a year earlier
 * is a fall that never happened (unless partial months are included).
 */
import { daysCover } from '../coverage.js';
import { monthCount, months, periodJson, preceding, yearEarlier, type Period } from '../period.js';
import type { AnalysisInput, PeriodSection } from '../types.js';
import { monthsOf } from './months.js';

/** A period at day or week grain: a day, an ISO week or a range of days. */
export function inDays(period: Period): boolean {
  return period.grain === 'day' || period.grain === 'week';
}

/**
 * Whether the inputs cover a period wholly: its months, or at day or week grain its days (every
 * unit's inputs reach every day; covered at all, with --include-partial).
 */
export function wholeIn(input: AnalysisInput): (p: Period) => boolean {
  const use = monthsOf(input);
  const { spans } = input;
  return (p) => {
    if (!inDays(p) || !spans) return months(p).every(use.usable);
    const { cover } = daysCover(spans, p.from, p.to);
    return cover === 'whole' || (cover === 'part' && input.settings.includePartial);
  };
}

export interface Comparisons {
  period: Period;
  /** The same months a year earlier, when the inputs cover them and the period wholly. */
  yearEarlier: Period | null;
  /**
   * The same months a year earlier when the inputs cover them, whether or not they cover the
   * period wholly: a baseline of shares (the hot words'), which a partial period does not bias.
   */
  yearEarlierInData: Period | null;
  /** The span of equal length just before, when the inputs cover it. */
  preceding: Period | null;
}

export function comparisons(input: AnalysisInput): Comparisons {
  const { period } = input;
  const whole = wholeIn(input);
  const earlier = yearEarlier(period);
  const before = preceding(period);
  const inData = whole(earlier) ? earlier : null;
  return {
    period,
    yearEarlier: whole(period) ? inData : null,
    yearEarlierInData: inData,
    // The span before a year to date (February to December of the year before, for January
    // to November) is nobody's comparison: it would only echo 同比.
    preceding:
      input.request.kind !== 'yearToDate' && whole(before) && whole(period) ? before : null,
  };
}

export function periodSection(input: AnalysisInput): PeriodSection {
  const { period, request } = input;
  const compared = comparisons(input);
  return {
    ...periodJson(period),
    months: monthCount(period),
    kind: request.kind,
    label: request.label,
    yearEarlier: compared.yearEarlier ? periodJson(compared.yearEarlier) : null,
    preceding: compared.preceding ? periodJson(compared.preceding) : null,
  };
}
