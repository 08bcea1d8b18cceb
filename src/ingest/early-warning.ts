/**
 * The early warning as part of a run (report, warn): the complaints of the period and the repeat
 * window before it collected while reading (RecentComplaints), judged after the analysis
 * (metrics/warn/warnings.ts) for one period — the period asked (warn --month, a day or a week of
 * warn or report), or the latest month of the period the data covers whole (warn's default, a
 * report's month, quarter or year).
 */
import { readThresholds } from '../io/thresholds.js';
import { chineseDays } from '../metrics/holiday-calendar.js';
import { reportSpan } from '../metrics/sections/year-to-date.js';
import { periodText } from '../metrics/period.js';
import type { AnalysisInput } from '../metrics/types.js';
import type { WarnThresholds } from '../metrics/warn/thresholds.js';
import {
  latestCompleteDay,
  latestCompleteMonth,
  unitWarningSteps,
  warnGaps,
  type EarlyWarning,
} from '../metrics/warn/warnings.js';
import type { Settings } from '../settings/types.js';
import type { InputSummary } from './types.js';
import { RecentComplaints } from './recent-complaints.js';
import { atOnce } from '../turn.js';

/** Days before the period the repeat window, and the latest month's, may reach back to. */
const LOOK_BACK_DAYS = 62;

export class EarlyWarningRun {
  readonly recent: RecentComplaints;

  private constructor(
    private readonly settings: Settings,
    readonly thresholds: WarnThresholds,
  ) {
    const span = reportSpan(settings.period);
    const window = thresholds.repeat.withinDays;
    this.recent = new RecentComplaints(
      span && { from: span.from - window, to: span.to },
      LOOK_BACK_DAYS + window + 366,
    );
  }

  static async start(settings: Settings): Promise<EarlyWarningRun> {
    return new EarlyWarningRun(settings, await readThresholds(settings.thresholds));
  }

  /**
   * The warning of the month judged; null when no month of the period is covered whole. `inputs`:
   * the inputs read, in order — a work order is judged on a column (办结时间 …) only when its own
   * input has it.
   */
  judge(input: AnalysisInput, inputs?: readonly InputSummary[]): EarlyWarning | null {
    return atOnce(this.judging(input, inputs));
  }

  /** The same in steps, to be run in turns (turn.ts): a quarter of a second on a million rows. */
  *judging(
    input: AnalysisInput,
    inputs?: readonly InputSummary[],
  ): Generator<void, EarlyWarning | null> {
    const mode = this.settings.earlyWarning;
    // A range of days (report --from 2016-06-01 --to 2016-06-15) has no earlier periods like it
    // to be compared with, and `warn` refuses one: no warning, and the bulletin says why.
    if (mode === 'asked' && input.request.kind === 'range') return null;
    const month =
      mode === 'asked'
        ? input
        : mode === 'latestDay'
          ? latestCompleteDay(input)
          : latestCompleteMonth(input);
    if (!month) return null;
    const sources = inputs?.map((i) => ({
      file: i.file,
      fields: new Set(i.columns.map((c) => c.field)),
    }));
    // The warning reads the complaints of the month and the repeat window before it: only
    // those are made into objects (a year's complaints are kept until the month is known).
    const { from, to } = month.period;
    yield;
    const units = yield* unitWarningSteps({
      input: month,
      orders: this.recent.orders(from - this.thresholds.repeat.withinDays, to),
      units: this.recent.units(),
      thresholds: this.thresholds,
      closeLimit: this.settings.analysis.closeLimit,
      replyLimit: this.settings.analysis.replyLimit,
      calendar: chineseDays(),
      dataEnd: this.recent.dataEnd,
      sources,
    });
    yield;
    // A range of days (--from 2016-06-01 --to 2016-06-15) has no label: its days stand for it.
    const label = month.request.label ?? periodText(month.period);
    return {
      month: label,
      input: month,
      units,
      thresholds: this.thresholds,
      gaps: warnGaps(month, sources, this.thresholds.spike),
    };
  }
}
