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
  const timed = timeliness(input);
  const quarter = quarterFigures(input, timed);
  const units = withQuarterFigures(unitRows(input), quarter);
  const monthRows = months(input);
  // Class counts once, for both the categories and the hot spots.
  const counts = classCounts(input);
  const targets = targetMatch(input, units);
  const satisfied = satisfaction(input);
  const trended = trend(input, monthRows);
  return {
    period: periodSection(input),
    totals: totals(input, units),
    units,
    months: monthRows,
    trend: trended,
    categories: categories(input, counts),
    seasonality: seasonality(input),
    hotspots: hotspots(input, units, counts),
    repeatComplainants: repeatComplainants(input),
    timeliness: timed,
    satisfaction: satisfied,
    targets,
    yearToDate: yearToDate(input),
    settings: input.settings,
    notes: notes(input, {
      targets,
      satisfaction: satisfied,
      timeliness: timed,
      months: monthRows,
      trend: trended,
    }),
    days: days(input),
    dayComplaints: input.dayComplaints ?? null,
    breakdowns: breakdowns(input),
    quarterTotals: quarter?.totals ?? null,
  };
}
