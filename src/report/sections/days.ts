/**
 * A day, a week or a range of days in the report: the daily series (每日趋势) in place of the
 * months around it, and for one day the list of its complaints (当日明细), one per line. Tables
 * of the model, keyed by the JSON names of `days[]` and `dayComplaints[]`.
 */
import type { Analysis, DayComplaint, DayRow } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, DAYS, weekdayName } from '../labels.js';
import type { Column, Row, Sheet, Table } from '../types.js';

const COLUMNS = {
  day: { key: 'day', label: 'day', format: 'text' },
  weekday: { key: 'weekday', label: 'weekday', format: 'text' },
  complaints: { key: 'complaints', label: 'complaints', format: 'int' },
  appealApproved: { key: 'appealApproved', label: 'appealApproved', format: 'int' },
  assessed: { key: 'assessed', label: 'assessed', format: 'int' },
  mom: { key: 'mom', label: 'mom', format: 'change' },
  baseline: { key: 'baseline', label: 'baseline', format: 'dec' },
  vsBaseline: { key: 'vsBaseline', label: 'vsBaseline', format: 'change' },
  baselineWeeks: { key: 'baselineWeeks', label: 'baselineWeeks', format: 'int' },
  through: { key: 'through', label: 'through', format: 'text' },
  previous: { key: 'previous', label: 'previous', format: 'int' },
  yoy: { key: 'yoy', label: 'yoy', format: 'change' },
} as const satisfies Record<string, Column>;

/**
 * The same-weekday average over fewer than four weeks (the exports start within the four weeks
 * before): its column says over how many, so that 6 after one Monday is not read as four's.
 */
function shortBaseline(days: readonly DayRow[]): boolean {
  return days.some((d) => d.baseline !== null && d.baselineWeeks < 4);
}

function dayRow(d: DayRow, lang: Lang): Row {
  return {
    day: d.day,
    weekday: weekdayName(d.weekday, lang),
    complaints: d.complaints,
    appealApproved: d.appealApproved,
    assessed: d.assessed,
    mom: d.mom,
    baseline: d.baseline,
    vsBaseline: d.vsBaseline,
    baselineWeeks: d.baseline === null ? null : d.baselineWeeks,
    through: d.partial ? DAYS[lang].partialDay : '',
  };
}

/**
 * The terminal's daily series: the day before (环比) and the four-week same-weekday average; for
 * more than one day, the period's total against the period before (a week: the week before) and
 * the same days or ISO week a year earlier.
 */
export function daysTerminalTable(a: Analysis, lang: Lang): Table {
  const c = COLUMNS;
  const days = a.days ?? [];
  const partial = days.some((d) => d.partial);
  const x = a.totals;
  const several = days.length > 1;
  // Days covered in part are not compared (bulletin/days.ts says the same in words).
  const compared = a.settings.includePartial || !partial;
  const yearEarlier = several && x.previous !== null && compared;
  return {
    columns: [
      c.day,
      c.weekday,
      c.complaints,
      c.assessed,
      c.mom,
      c.baseline,
      c.vsBaseline,
      ...(shortBaseline(days) ? [c.baselineWeeks] : []),
      ...(yearEarlier ? [c.previous, c.yoy] : []),
      ...(partial ? [c.through] : []),
    ],
    rows: days.map((d) => dayRow(d, lang)),
    ...(several
      ? {
          totals: {
            day: BOOK[lang].total,
            complaints: x.complaints,
            assessed: x.assessed,
            mom: compared ? x.mom : null,
            previous: x.previous,
            yoy: compared ? x.yoy : null,
          },
        }
      : {}),
  };
}

/** 每日趋势: the days of the period with their comparisons, and the period's totals. */
export function dailySheet(a: Analysis, lang: Lang): Sheet {
  const c = COLUMNS;
  const days = a.days ?? [];
  const partial = days.some((d) => d.partial);
  const x = a.totals;
  return {
    name: DAYS[lang].dailySheet,
    tables: [
      {
        caption: DAYS[lang].daily,
        columns: [
          c.day,
          c.weekday,
          ...(partial ? [c.through] : []),
          c.complaints,
          c.assessed,
          c.appealApproved,
          c.mom,
          c.baseline,
          c.vsBaseline,
          ...(shortBaseline(days) ? [c.baselineWeeks] : []),
        ],
        rows: days.map((d) => dayRow(d, lang)),
        totals: {
          day: BOOK[lang].total,
          complaints: x.complaints,
          assessed: x.assessed,
          appealApproved: x.appealApproved,
        },
      },
    ],
    filter: true,
    notes: [
      ...a.notes
        .filter((n) => n.code === 'days-missing' || n.code === 'days-partial')
        .map((n) => (lang === 'zh' ? n.zh : n.message)),
      DAYS[lang].baselineNote,
    ],
    charts: days.length > 1 ? ['trend'] : [],
  };
}

const LIST_COLUMNS = [
  { key: 'acceptedAt', label: 'acceptedAt', format: 'time' },
  { key: 'unit', label: 'unit', format: 'text' },
  { key: 'class', label: 'class', format: 'text' },
  { key: 'text', label: 'text', format: 'text', wraps: true },
  { key: 'id', label: 'id', format: 'text' },
] as const satisfies readonly Column[];

/** The day's complaints as a table: 受理时间, unit, class, the text cut short, the work order. */
export function dayListTable(list: readonly DayComplaint[], lang: Lang): Table {
  return {
    caption: DAYS[lang].list(list.length),
    columns: LIST_COLUMNS,
    rows: list.map((d) => ({
      acceptedAt: d.acceptedAt,
      unit: d.unit,
      class: d.class ? (lang === 'zh' ? d.class.name : d.class.nameEn) : '',
      text: d.text,
      id: d.id ?? '',
    })),
  };
}

/** 当日明细: the day's complaints, one per line. */
export function dayListSheet(list: readonly DayComplaint[], lang: Lang): Sheet {
  return {
    name: DAYS[lang].listSheet,
    tables: [dayListTable(list, lang)],
    filter: true,
    notes: [DAYS[lang].listNote],
    charts: [],
  };
}
