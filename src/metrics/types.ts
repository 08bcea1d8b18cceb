/**
 * The shapes the metrics take and give: what an analysis is computed from (`AnalysisInput`),
 * its settings, the rows of each section and the notes. Types only (and the defaults), so that
 * the section modules, the extras and their callers import them without importing each other.
 */
import type { Field } from '../schema/fields.js';
import type { Taxonomy } from '../taxonomy/load.js';
import type { InputSpan, PartialMonth } from './coverage.js';
import type { Breakdown } from './breakdown.js';
import type { QuarterFigures } from './sections/quarterly.js';
import type { Cube } from './cube.js';
import type { SeriesReduction } from './series.js';
import type { Period, PeriodRequest } from './period.js';
import type { Records } from './records.js';
import type { Targets } from './targets.js';
import type { TimeLimit } from './workdays.js';

export interface AnalysisSettings {
  /** assessed = complaints − appeal-approved − unsubstantiated (a complaint subtracted once). */
  excludeUnsubstantiated: boolean;
  /** Scale annual targets by months-in-period / 12. */
  prorate: boolean;
  /** The reply and closing limits in hours; null when given in working days (replyLimit). */
  replyLimitHours: number | null;
  closeLimitHours: number | null;
  /** Length of the hot-spot and repeat-complainant lists. */
  top: number;
  /**
   * Count partial months in 环比, seasonality and the average monthly reduction as if whole
   * (--include-partial); by default they are left out (coverage.ts).
   */
  includePartial: boolean;
  /** The limits as given: in hours (24h) or in working days (4wd, workdays.ts). */
  replyLimit: TimeLimit;
  closeLimit: TimeLimit;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  excludeUnsubstantiated: false,
  prorate: false,
  replyLimitHours: 24,
  closeLimitHours: 144,
  top: 10,
  includePartial: false,
  replyLimit: { value: 24, unit: 'hours' },
  closeLimit: { value: 144, unit: 'hours' },
};

export interface AnalysisInput {
  cube: Cube;
  records: Records;
  taxonomy: Taxonomy;
  period: Period;
  request: PeriodRequest;
  /** Months the inputs cover at least a day of (coverage.ts). */
  covered: ReadonlySet<number>;
  /** The covered months the inputs cover only in part, with the days they do cover. */
  partial: ReadonlyMap<number, PartialMonth>;
  targets: Targets | null;
  /** Fields with a column in at least one input. */
  fields: ReadonlySet<Field>;
  settings: AnalysisSettings;
  /** The complaints of a one-day period, collected while reading (pipeline.ts); else absent. */
  dayComplaints?: DayComplaint[];
  /**
   * The days each input covers, with its units: how a day or a week is covered (coverage.ts
   * daysCover). Absent (tests written by hand): a day is covered as its month is.
   */
  spans?: readonly InputSpan[];
  /** What the units file (--units) left as written or could not roll up (hierarchy.ts). */
  unitNotes?: readonly Note[];
  /** The units the units file (--units) names: two of them are two units, not one renamed. */
  unitsFile?: ReadonlySet<string>;
  /** What the corrections file (--corrections) applied and could not (metrics/corrections.ts). */
  correctionNotes?: readonly Note[];
  /** The breakdowns asked for (--by): each one or two dimension names. */
  by?: readonly (readonly string[])[];
}

export interface Counts {
  complaints: number;
  appealApproved: number;
  unsubstantiated: number;
  assessed: number;
}

export interface UnitRow extends Counts {
  unit: string;
  target: number | null;
  overTargetRate: number | null;
  overTarget: boolean | null;
  share: number | null;
  customers: number | null;
  ratePer10k: number | null;
  previous: number | null;
  yoy: number | null;
  preceding: number | null;
  mom: number | null;
  rank: number;
  /** A quarter only (sections/quarterly.ts): 运检 and 营销 complaints, 及时回复率, 及时办结率. */
  operations?: number;
  marketing?: number;
  repliedInTime?: number | null;
  closedInTime?: number | null;
}

export interface MonthRow extends Counts {
  month: string;
  /** The data covers the month only in part, or (through null) not at all. */
  partial: boolean;
  /** For a partial month, the last day the data covers (YYYY-MM-DD); null otherwise. */
  through: string | null;
  /**
   * For a partial month the data starts in, the first day it covers (YYYY-MM-DD); null when it
   * covers the 1st, or not at all. A reader needs it: 23–31 May is not "through 31 May".
   */
  since: string | null;
  previous: number | null;
  mom: number | null;
  yoy: number | null;
}

/**
 * A day of a period at day or week grain (`days[]` of the JSON result): its counts, against the
 * day before (mom) and against the same weekday's average of the four weeks before (baseline,
 * vsBaseline). `partial`: the data does not cover the day wholly (for every unit).
 */
export interface DayRow extends Counts {
  day: string;
  /** Monday = 1 … Sunday = 7. */
  weekday: number;
  partial: boolean;
  mom: number | null;
  baseline: number | null;
  /** How many of the four weeks before the baseline averages (the others not covered). */
  baselineWeeks: number;
  vsBaseline: number | null;
}

/**
 * A complaint of the day of a daily bulletin (`dayComplaints[]`): what a reader needs to follow
 * it up — the work order, unit, class, acceptance time, and its text cut to DAY_TEXT_LENGTH
 * characters with digit runs that could be a phone or customer number masked.
 */
export interface DayComplaint {
  id: string | null;
  unit: string;
  /** The deepest class known, zh and en names; null when unclassified. */
  class: { code: string; name: string; nameEn: string } | null;
  acceptedAt: string;
  text: string;
  assessed: boolean;
}

export interface CategoryRow {
  code: string;
  name: string;
  nameEn: string;
  parent?: string;
  discipline: string;
  complaints: number;
  share: number | null;
  previous: number | null;
  yoy: number | null;
}

export interface DisciplineRow {
  name: string;
  complaints: number;
  share: number | null;
  previous: number | null;
  yoy: number | null;
}

export interface Categories {
  level1: CategoryRow[];
  level2: CategoryRow[];
  level3: CategoryRow[];
  discipline: DisciplineRow[];
  /**
   * The classified complaints (the disciplines' sum) and the same a year earlier: the base of
   * the disciplines' table, whose total is not all complaints when some are unclassified.
   */
  classified: { complaints: number; previous: number | null; yoy: number | null };
  unclassified: number;
}

export interface HotSpots {
  level2: CategoryRow[];
  level3: CategoryRow[];
  byUnit: {
    unit: string;
    complaints: number;
    top: { name: string; nameEn: string; complaints: number; share: number | null }[];
  }[];
  rising: {
    basis: 'yoy' | 'mom';
    categories: {
      code: string;
      name: string;
      nameEn: string;
      complaints: number;
      base: number;
      increase: number;
      rate: number | null;
    }[];
  } | null;
}

export interface Seasonality {
  from: string;
  to: string;
  months: { month: number; values: Record<string, number>; mean: number; index: number | null }[];
}

export interface RepeatList {
  /** Complainants with two or more complaints in the period. */
  complainants: number;
  /** The complaints they made. */
  complaints: number;
  share: number | null;
  top: { key: string; complaints: number; units: string[] }[];
}

export interface DurationStats {
  /** Complaints with a usable time. */
  count: number;
  /** Times earlier than the acceptance time: left out of the figures. */
  beforeAcceptance: number;
  meanHours: number | null;
  medianHours: number | null;
  /** The limit in hours; null when it is in working days. */
  limitHours: number | null;
  overLimit: number;
  overLimitShare: number | null;
  /** The limit as given: hours, or working days counted on the holiday calendar. */
  limit: TimeLimit;
}

export interface Timeliness {
  reply: DurationStats | null;
  close: DurationStats | null;
  byUnit: { unit: string; reply: DurationStats | null; close: DurationStats | null }[];
  /**
   * The holiday calendar working-day limits were counted on, and how many complaints' limits ran
   * outside its years (Saturday and Sunday taken as the rest days there); null when no limit is
   * in working days.
   */
  calendar: { source: string; years: [number, number]; outside: number } | null;
}

export interface Satisfaction {
  /** Complaints by callback value as written; "(空)" when blank. */
  byValue: Record<string, number>;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  notSurveyed: number;
  /** Values none of the groups knows: left out of the share. */
  unrecognised: number;
  /** satisfied / (satisfied + neutral + dissatisfied). */
  satisfiedShare: number | null;
  byUnit: { unit: string; surveyed: number; satisfied: number; satisfiedShare: number | null }[];
}

export interface Extras {
  repeatComplainants: { byCustomer: RepeatList | null; byPhone: RepeatList | null } | null;
  timeliness: Timeliness | null;
  satisfaction: Satisfaction | null;
}

export interface PeriodSection {
  from: string;
  to: string;
  months: number;
  kind: PeriodRequest['kind'];
  label: string | null;
  yearEarlier: { from: string; to: string } | null;
  preceding: { from: string; to: string } | null;
}

export type Totals = Counts & {
  workOrders: number;
  target: number | null;
  overTargetRate: number | null;
  overTarget: boolean | null;
  unitsOverTarget: number;
  unitsWithTarget: number;
  /**
   * The units with a target, summed: what `target` and `overTargetRate` compare. It differs from
   * the totals when units without a target have complaints. Null without a targets file.
   */
  withTarget: (Counts & { units: number }) | null;
  customers: number | null;
  ratePer10k: number | null;
  previous: number | null;
  yoy: number | null;
  preceding: number | null;
  mom: number | null;
  excludedByType: Record<string, number>;
};

/**
 * How the period is held against the annual targets: `annual`, the whole target (a year, or
 * the year to date as bulletins compare it); `prorated`, factor × the target (--prorate; a
 * quarter always, its share of the year); `none`, not at all (a month: the year to date beside
 * it carries the comparison).
 */
export type TargetBasis = 'annual' | 'prorated' | 'none';

/** How the targets matched the units of the data (the list beside the units table). */
export interface TargetMatch {
  file: string;
  prorated: boolean;
  /** What the annual targets were multiplied by: 1, months / 12, or null with basis `none`. */
  factor: number | null;
  basis: TargetBasis;
  unitsWithoutTarget: string[];
  targetsWithoutData: string[];
  /** Each of targetsWithoutData with the unit of the data closest in spelling, if any is close. */
  unmatched: { unit: string; closest: string | null }[];
}

/** A unit in the year to date: also against its whole annual target. */
export interface YearToDateUnitRow extends UnitRow {
  /** The annual target, not prorated whatever --prorate says. */
  annualTarget: number | null;
  /** assessed ≥ annualTarget: the year's allowance is used up (null without a target). */
  reachedAnnualTarget: boolean | null;
}

export type YearToDateTotals = Totals & {
  /** The annual targets of the units that have one, summed. */
  annualTarget: number | null;
  /** The assessed complaints of those units ≥ annualTarget. */
  reachedAnnualTarget: boolean | null;
  unitsReachedAnnualTarget: number;
};

/**
 * The year to date beside a month or a quarter: January of the period's year to its last
 * month, the figures of the top level computed over that span — units ranked by it, against
 * the annual targets (prorated with --prorate) — and no 环比 (no span before a year to date
 * is one an analyst compares with).
 */
export interface YearToDate {
  period: PeriodSection;
  totals: YearToDateTotals;
  units: YearToDateUnitRow[];
  months: MonthRow[];
  trend: { avgMonthlyReduction: SeriesReduction };
  targets: TargetMatch | null;
}

export interface Analysis extends Extras {
  period: PeriodSection;
  totals: Totals;
  units: UnitRow[];
  months: MonthRow[];
  trend: { avgMonthlyReduction: SeriesReduction };
  categories: Categories;
  seasonality: Seasonality | null;
  hotspots: HotSpots;
  targets: TargetMatch | null;
  /** Beside a month or a quarter (request kind `month`, `quarter`); null otherwise. */
  yearToDate: YearToDate | null;
  settings: AnalysisSettings;
  notes: Note[];
  /** The daily series of a day, a week or a range of days; null for months (DayRow). */
  days: DayRow[] | null;
  /** The complaints of a one-day period, one per line (日通报); null otherwise. */
  dayComplaints: DayComplaint[] | null;
  /** --by: the breakdowns asked for, in order ([] without --by). */
  breakdowns: Breakdown[];
  /** A quarter: the totals of the units' quarter figures (units[].operations …); null otherwise. */
  quarterTotals: QuarterFigures | null;
}

/**
 * Something the reader of a report should know: a figure that could not be computed (and
 * why), or data that does not line up. `message` in English, `zh` in Chinese.
 */
export interface Note {
  code:
    | 'months-missing'
    | 'months-partial'
    | 'year-to-date-months-missing'
    | 'no-yoy'
    | 'no-appeal'
    | 'no-substantiated'
    | 'units-without-target'
    | 'targets-without-data'
    | 'targets-not-prorated'
    | 'no-seasonality'
    | 'no-repeat'
    | 'no-reply'
    | 'no-close'
    | 'no-satisfaction'
    | 'satisfaction-unrecognised'
    | 'workdays-outside-calendar'
    | 'units-not-in-file'
    | 'units-rollup-short'
    | 'days-missing'
    | 'days-partial'
    | 'targets-not-held'
    | 'targets-partial'
    | 'no-mom'
    | 'no-reduction'
    | 'corrections'
    | 'corrections-unmatched'
    | 'units-renamed';
  message: string;
  zh: string;
  /**
   * The wording for a report handed to management, where `message` and `zh` speak to the person
   * running the tool ("add --prorate …"): what was done, not what to type. Absent when the same.
   * Not part of the JSON result.
   */
  book?: { message: string; zh: string };
  /**
   * The units a note is about, every one of them, where its text names only a few: those whose
   * exports leave a day out (days-partial), for the bulletin to name. Not part of the JSON result.
   */
  units?: string[];
}

/** Notes about the targets: shown beside the units table. */
export const TARGET_NOTES: ReadonlySet<Note['code']> = new Set([
  'units-without-target',
  'targets-without-data',
  'targets-not-prorated',
  'targets-not-held',
  'targets-partial',
]);

/** Notes about a corrections file (--corrections): every view that counts says them. */
export const CORRECTION_NOTES: ReadonlySet<Note['code']> = new Set([
  'corrections',
  'corrections-unmatched',
]);

/** Notes about a metric left out rather than about the data. */
export const SKIPPED_NOTES: ReadonlySet<Note['code']> = new Set([
  'no-yoy',
  'no-seasonality',
  'no-repeat',
  'no-reply',
  'no-close',
  'no-satisfaction',
  'no-mom',
  'no-reduction',
]);
