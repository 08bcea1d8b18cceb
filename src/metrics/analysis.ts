/**
 * Every metric of DESIGN.md §2 and the extras (seasonality, hot spots, repeat complainants,
 * timeliness, satisfaction), as the composition of the section functions in sections/: each a
 * pure function of the input, one pass over what it needs, callable alone (`warn` computes only
 * the units and the months). The result is the JSON result of DESIGN.md §6; renderers only
 * format it.
 */
import { breakdowns } from './breakdown.js';
import { repeatComplainants, satisfaction, timeliness } from './extras.js';
import { categories } from './sections/categories.js';
import { classCounts } from './sections/classes.js';
import { days } from './sections/days.js';
import { hotspots } from './sections/hotspots.js';
import { months, trend } from './sections/months.js';
import { notes } from './sections/notes.js';
import { periodSection } from './sections/period.js';
import { quarterFigures, withQuarterFigures } from './sections/quarterly.js';
import { seasonality } from './sections/seasonality.js';
import { targetMatch } from './sections/targets.js';
import { totals } from './sections/totals.js';
import { units as unitRows } from './sections/units.js';
import { yearToDate } from './sections/year-to-date.js';
import type { Analysis, AnalysisInput } from './types.js';
import { atOnce } from '../turn.js';

// What callers outside src/metrics have always imported from here.
export { DEFAULT_SETTINGS, SKIPPED_NOTES, TARGET_NOTES } from './types.js';
export type {
  Analysis,
  AnalysisInput,
  AnalysisSettings,
  CategoryRow,
  Counts,
  DayComplaint,
  DayRow,
  MonthRow,
  Note,
  UnitRow,
  YearToDate,
  YearToDateUnitRow,
} from './types.js';

export function analyse(input: AnalysisInput): Analysis {
  return atOnce(analysisSteps(input));
}

/**
 * The same, a step a section: a caller with a run to keep answering signals yields between them
 * (turn.ts inTurns), each a pass of at most about a tenth of a second over a million rows.
 */
export function* analysisSteps(input: AnalysisInput): Generator<void, Analysis> {
  const timed = timeliness(input);
  yield;
  const quarter = quarterFigures(input, timed);
  yield;
  const units = withQuarterFigures(unitRows(input), quarter);
  yield;
  const monthRows = months(input);
  yield;
  // Class counts once, for both the categories and the hot spots.
  const counts = classCounts(input);
  yield;
  const targets = targetMatch(input, units);
  const satisfied = satisfaction(input);
  yield;
  const trended = trend(input, monthRows);
  const period = periodSection(input);
  const total = totals(input, units);
  yield;
  const categoryRows = categories(input, counts);
  const seasons = seasonality(input);
  yield;
  const spots = hotspots(input, units, counts);
  yield;
  const repeated = repeatComplainants(input);
  yield;
  const toDate = yearToDate(input);
  yield;
  const dayRows = days(input);
  yield;
  const broken = breakdowns(input);
  return {
    period,
    totals: total,
    units,
    months: monthRows,
    trend: trended,
    categories: categoryRows,
    seasonality: seasons,
    hotspots: spots,
    repeatComplainants: repeated,
    timeliness: timed,
    satisfaction: satisfied,
    targets,
    yearToDate: toDate,
    settings: input.settings,
    notes: notes(input, {
      targets,
      satisfaction: satisfied,
      timeliness: timed,
      months: monthRows,
      trend: trended,
    }),
    days: dayRows,
    dayComplaints: input.dayComplaints ?? null,
    breakdowns: broken,
    quarterTotals: quarter?.totals ?? null,
  };
}
