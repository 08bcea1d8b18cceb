/**
 * The notes of an analysis, in the order reports show them: what the data lacks (months, appeal
 * and substantiation columns, the year before), how the targets matched, then the metrics left
 * out for want of a column. Each follows from the input and, for targets and satisfaction, from
 * that section's figures.
 */
import { monthIndexToString } from '../../schema/values.js';
import { dayToString } from '../calendar.js';
import { daysCover, type PartialMonth } from '../coverage.js';
import { monthCount, months, periodJson, preceding, yearEarlier } from '../period.js';
import type {
  Analysis,
  AnalysisInput,
  MonthRow,
  Note,
  Satisfaction,
  TargetMatch,
  Timeliness,
} from '../types.js';
import { momNote, reductionNote } from './comparison-notes.js';
import { comparisons, inDays } from './period.js';
import { renamedUnitsNote } from './renamed-units.js';
import { heldShort } from './targets.js';
import { SEASONALITY_MIN_MONTHS } from './seasonality.js';
import { yearToDateMissing, yearToDatePeriod } from './year-to-date.js';

export const note = (
  code: Note['code'],
  message: string,
  zh: string,
  book?: Note['book'],
): Note => ({ code, message, zh, ...(book ? { book } : {}) });

/** "2016-12 只到 12-26", "2016-06 runs from 06-10" … */
function partialText(p: PartialMonth, lang: 'zh' | 'en'): string {
  const month = monthIndexToString(p.month);
  const day = (d: number) => dayToString(d).slice(5);
  if (p.since !== null && p.through !== null)
    return lang === 'zh'
      ? `${month} 只有 ${day(p.since)} 至 ${day(p.through)}`
      : `${month} covers only ${day(p.since)} to ${day(p.through)}`;
  if (p.through !== null)
    return lang === 'zh'
      ? `${month} 只到 ${day(p.through)}`
      : `${month} runs only to ${day(p.through)}`;
  if (p.since !== null)
    return lang === 'zh'
      ? `${month} 从 ${day(p.since)} 起`
      : `${month} starts only on ${day(p.since)}`;
  return lang === 'zh' ? `${month} 中间有缺日` : `${month} has days missing`;
}

/**
 * The months the data covers only in part, among those the figures use: the period, the months
 * it is compared with, and every month when there is a seasonality.
 */
export function partialNote(input: AnalysisInput): Note | null {
  const { period, partial, settings } = input;
  const used = new Set([
    ...months(period),
    ...months(yearEarlier(period)),
    ...months(preceding(period)),
  ]);
  const seasonal = input.covered.size >= SEASONALITY_MIN_MONTHS;
  const shown = [...partial.values()]
    .filter((p) => seasonal || used.has(p.month))
    .sort((a, b) => a.month - b.month);
  if (shown.length === 0) return null;
  const zh = shown.map((p) => partialText(p, 'zh')).join('，');
  const en = shown.map((p) => partialText(p, 'en')).join(', ');
  const what = '环比 (mom), 同比 (yoy), seasonality and the average monthly reduction';
  const whatZh = '环比、同比、季节性和月均下降率';
  if (settings.includePartial)
    return note(
      'months-partial',
      `${en}: counted as whole months in ${what} (--include-partial).`,
      `${zh}：按 --include-partial 作整月计入${whatZh}。`,
      {
        message: `${en}: counted as whole months in ${what}.`,
        zh: `${zh}：仍作整月计入${whatZh}。`,
      },
    );
  return note(
    'months-partial',
    `${en}: left out of ${what}; --include-partial counts it as a whole month.`,
    `${zh}，未计入${whatZh}（加 --include-partial 可作整月计入）。`,
    { message: `${en}: left out of ${what}.`, zh: `${zh}，未计入${whatZh}。` },
  );
}

/** How many units a note on days covered in part names before it counts the rest. */
const SHORT_NAMED = 5;

/** Days as a list: 2016-06-30, or 2016-06-01 – 2016-06-03 for a run. */
function daysText(days: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < days.length;) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    const first = dayToString(days[i]!);
    runs.push(j === i ? first : `${first} – ${dayToString(days[j]!)}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * A day or a week the data covers not at all, or only for some units (an export that stops on
 * the 26th leaves the 27th without that county's complaints): said, like months.
 */
function dayNotes(input: AnalysisInput): Note[] {
  const { period, spans } = input;
  if (!spans) return [];
  const { cover, uncovered, through, short } = daysCover(spans, period.from, period.to);
  const notes: Note[] = [];
  if (uncovered.length > 0) {
    const list = daysText(uncovered);
    notes.push(
      note(
        'days-missing',
        `${list}: not in any input; counted as 0.`,
        `${list} 不在任何输入中，按 0 计。`,
      ),
    );
  }
  if (cover === 'part') {
    const upTo = through !== null && through >= period.from ? dayToString(through) : null;
    // One day is named once: "2016-07-03", not "2016-07-03 – 2016-07-03".
    const { from, to } = periodJson(period);
    const span = from === to ? from : `${from} – ${to}`;
    // The units named (a few; the rest counted): a unit missing from the day's table says nothing.
    const named = short.slice(0, SHORT_NAMED);
    const more = short.length - named.length;
    const whose =
      short.length === 0
        ? { zh: '部分单位的导出', en: "some units' exports" }
        : {
            zh: `${named.join('、')}${more > 0 ? `等 ${short.length} 个单位` : ''}的导出`,
            en: `the exports of ${named.join(', ')}${more > 0 ? ` and ${more} more units` : ''}`,
          };
    // How far the data reaches: of every unit when none is named, else of the one (or the
    // earliest of those) named.
    const reach =
      upTo === null
        ? { zh: '', en: '' }
        : short.length === 0
          ? { zh: `（全部单位只到 ${upTo}）`, en: ` (all of them only to ${upTo})` }
          : short.length === 1
            ? { zh: `（只到 ${upTo}）`, en: ` (only to ${upTo})` }
            : { zh: `（最早的只到 ${upTo}）`, en: ` (the earliest only to ${upTo})` };
    // One day: the exports leave it out, not "every day" of it.
    const said =
      from === to
        ? note(
            'days-partial',
            `${span}: ${whose.en} do not cover the day${reach.en}; their complaints of the day count as 0.`,
            `${span}：${whose.zh}未覆盖这一天${reach.zh}，其当日投诉按 0 计。`,
          )
        : note(
            'days-partial',
            `${span}: ${whose.en} do not cover every day${reach.en}; their missing days count as 0.`,
            `${span}：${whose.zh}未覆盖全部日期${reach.zh}，缺少的日期按 0 计。`,
          );
    notes.push(short.length > 0 ? { ...said, units: short } : said);
  }
  return notes;
}

/** Gaps in the data: months of the period no input covers, missing columns, no year before. */
export function dataNotes(input: AnalysisInput): Note[] {
  const { period, covered, settings, fields } = input;
  const notes: Note[] = [...(input.correctionNotes ?? []), ...(input.unitNotes ?? [])];
  const renamed = renamedUnitsNote(input);
  if (renamed) notes.push(renamed);
  const missing = inDays(period) ? [] : months(period).filter((m) => !covered.has(m));
  if (inDays(period)) notes.push(...dayNotes(input));
  if (missing.length > 0) {
    const list = missing.map(monthIndexToString).join(', ');
    notes.push(
      note(
        'months-missing',
        `${list}: not in any input; counted as 0.`,
        `${list} 不在任何输入中，按 0 计。`,
      ),
    );
  }
  // A day or a week says its own days (dayNotes): the month around it is not what it compares.
  const partial = inDays(period) ? null : partialNote(input);
  if (partial) notes.push(partial);
  const ytdMissing = yearToDateMissing(input);
  if (ytdMissing.length > 0) {
    const list = ytdMissing.map(monthIndexToString).join(', ');
    const span = periodJson(yearToDatePeriod(period));
    notes.push(
      note(
        'year-to-date-months-missing',
        `Year to date ${span.from} – ${span.to}: ${list} not in any input; counted as 0, so the year to date falls short of the real figure.`,
        `累计 ${span.from} – ${span.to}：${list} 不在任何输入中，按 0 计，累计数偏低。`,
      ),
    );
  }
  if (!fields.has('appealResult')) {
    notes.push(
      note(
        'no-appeal',
        'No 申诉结果 (appealResult) column: no complaint counts as appeal-approved, so assessed = complaints.',
        '没有申诉结果列：不计申诉成功，考核投诉即全部投诉。',
      ),
    );
  }
  if (settings.excludeUnsubstantiated && !fields.has('substantiated')) {
    notes.push(
      note(
        'no-substantiated',
        'No 是否属实 (substantiated) column: --exclude-unsubstantiated has nothing to exclude.',
        '没有是否属实列：--exclude-unsubstantiated 无可剔除。',
        {
          message: 'No 是否属实 (substantiated) column: no unsubstantiated complaint was excluded.',
          zh: '没有是否属实列：未能剔除不属实投诉。',
        },
      ),
    );
  }
  // A partial period has no 同比 either; the partial-months note says so, and why.
  if (!comparisons(input).yearEarlierInData) {
    const earlier = periodJson(yearEarlier(period));
    const span = `${earlier.from} – ${earlier.to}`;
    notes.push(
      note(
        'no-yoy',
        `yoy: ${span} is not (fully) in the inputs; add that year's export to compare.`,
        `同比：输入未完整覆盖 ${span}，加入上年同期的导出文件即可比较。`,
        {
          message: `yoy: ${span} is not (fully) in the data: no year-on-year comparison.`,
          zh: `同比：数据未完整覆盖 ${span}，未作同比。`,
        },
      ),
    );
  }
  return notes;
}

/** A file as a workbook names it: without its folders, which mean nothing to its reader. */
const fileName = (file: string) => file.replace(/^.*[\\/]/, '');

/** How the targets matched: shown beside the units table (TARGET_NOTES). */
export function targetNotes(input: AnalysisInput, match: TargetMatch | null): Note[] {
  if (!match) return [];
  const notes: Note[] = [];
  if (inDays(input.period))
    notes.push(
      note(
        'targets-not-held',
        'Targets are annual: a day or a week is not held against them (months are the unit of the evaluation); see the month or the quarter for that.',
        '指标为年度指标：单日、单周不与指标比较（考核以月为单位），请看月度或季度报告。',
        {
          message: 'Targets are annual: a day or a week is not held against them.',
          zh: '指标为年度指标，单日、单周不与指标比较。',
        },
      ),
    );
  if (!inDays(input.period) && heldShort(input)) {
    const short = months(input.period).flatMap((m) => {
      const p = input.partial.get(m);
      if (p) return [[partialText(p, 'zh'), partialText(p, 'en')]];
      return input.covered.has(m)
        ? []
        : [[`${monthIndexToString(m)} 无数据`, `${monthIndexToString(m)} has no data`]];
    });
    const zh = short.map((s) => s[0]).join('，');
    const en = short.map((s) => s[1]).join(', ');
    notes.push(
      note(
        'targets-partial',
        `The period's data is incomplete (${en}): its assessed complaints fall short of the whole period's, so it is not held against the targets (no over-target judgement); --include-partial holds it as whole.`,
        `本期数据不完整（${zh}），考核投诉偏低：不与指标比较，不判断超指标（加 --include-partial 可作完整期间比较）。`,
        {
          message: `The period's data is incomplete (${en}): not held against the targets, no over-target judgement.`,
          zh: `本期数据不完整（${zh}），考核投诉偏低，不与指标比较，不判断超指标。`,
        },
      ),
    );
  }
  const n = monthCount(input.period);
  // Not for a month or a quarter (their basis is fixed), nor for the year to date beside them,
  // which bulletins hold against the whole annual target on purpose.
  if (match.basis === 'annual' && input.request.kind !== 'yearToDate' && n < 12)
    notes.push(
      note(
        'targets-not-prorated',
        `Targets are annual and the period is ${n} month(s): add --prorate to hold it against ${n}/12 of them.`,
        `指标为年度指标，本期仅 ${n} 个月：加 --prorate 可按 ${n}/12 折算。`,
        {
          message: `Targets are annual and were not prorated: the ${n}-month period is held against whole-year targets.`,
          zh: `指标为年度指标，未折算：本期 ${n} 个月与全年指标比较。`,
        },
      ),
    );
  if (match.unitsWithoutTarget.length > 0)
    notes.push(
      note(
        'units-without-target',
        `No target in ${match.file} for ${match.unitsWithoutTarget.join(', ')}: their complaints count in the totals but not against the target.`,
        `${match.file} 中没有 ${match.unitsWithoutTarget.join('、')} 的指标：其投诉计入合计，但不与指标比较。`,
        {
          message: `No target in ${fileName(match.file)} for ${match.unitsWithoutTarget.join(', ')}: their complaints count in the totals but not against the target.`,
          zh: `${fileName(match.file)} 中没有 ${match.unitsWithoutTarget.join('、')} 的指标：其投诉计入合计，但不与指标比较。`,
        },
      ),
    );
  if (match.unmatched.length > 0) {
    const list = (lang: 'zh' | 'en') =>
      match.unmatched
        .map(({ unit, closest }) =>
          closest === null
            ? unit
            : lang === 'zh'
              ? `${unit}（是否为 ${closest}？）`
              : `${unit} (did you mean ${closest}?)`,
        )
        .join(lang === 'zh' ? '、' : ', ');
    const closestOnly = (lang: 'zh' | 'en') =>
      match.unmatched
        .map(({ unit, closest }) =>
          closest === null
            ? unit
            : lang === 'zh'
              ? `${unit}（数据中最接近的单位：${closest}）`
              : `${unit} (closest unit in the data: ${closest})`,
        )
        .join(lang === 'zh' ? '、' : ', ');
    notes.push(
      note(
        'targets-without-data',
        `${list('en')}: in ${match.file} but in no input; left out of the total target.`,
        `${list('zh')} 在 ${match.file} 中有指标，但输入中没有其工单：不计入总指标。`,
        {
          message: `${closestOnly('en')}: in ${fileName(match.file)} but in no input; left out of the total target.`,
          zh: `${closestOnly('zh')} 在 ${fileName(match.file)} 中有指标，但数据中没有其工单：不计入总指标。`,
        },
      ),
    );
  }
  return notes;
}

/** The metrics left out for want of data or of a column, and callback values not understood. */
export function skippedNotes(input: AnalysisInput, satisfaction: Satisfaction | null): Note[] {
  const { fields } = input;
  const notes: Note[] = [];
  if (input.covered.size < SEASONALITY_MIN_MONTHS)
    notes.push(
      note(
        'no-seasonality',
        'Seasonality needs inputs covering more than 12 months.',
        '季节性：需要覆盖 12 个月以上的输入。',
      ),
    );
  if (!fields.has('customerId') && !fields.has('phone'))
    notes.push(
      note(
        'no-repeat',
        'Repeat complainants need a 客户编号 (customerId) or 联系电话 (phone) column.',
        '重复投诉：需要客户编号或联系电话列。',
      ),
    );
  if (!fields.has('repliedAt'))
    notes.push(
      note(
        'no-reply',
        'Reply times need a 回复时间 (repliedAt) column.',
        '回复时效：需要回复时间列。',
      ),
    );
  if (!fields.has('closedAt'))
    notes.push(
      note(
        'no-close',
        'Closing times need a 办结时间 (closedAt) column.',
        '办结时效：需要办结时间列。',
      ),
    );
  if (!fields.has('satisfaction'))
    notes.push(
      note(
        'no-satisfaction',
        'Satisfaction needs a 回访满意度 (satisfaction) column.',
        '满意度：需要回访满意度列。',
      ),
    );
  if (satisfaction && satisfaction.unrecognised > 0)
    notes.push(
      note(
        'satisfaction-unrecognised',
        `${satisfaction.unrecognised} callback result(s) not recognised as satisfied or not: left out of the satisfied share.`,
        `${satisfaction.unrecognised} 条回访结果无法判断是否满意：不计入满意率。`,
      ),
    );
  return notes;
}

/** Working-day limits counted beyond the holiday calendar's years, on weekends alone. */
export function calendarNotes(timeliness: Timeliness | null): Note[] {
  const c = timeliness?.calendar;
  if (!c || c.outside === 0) return [];
  const [first, last] = c.years;
  return [
    note(
      'workdays-outside-calendar',
      `${c.outside} complaint(s) have a working-day limit running outside ${first}–${last}, the years of the holiday calendar (${c.source}): there Saturday and Sunday were taken as the rest days, holidays and 调休 unknown.`,
      `${c.outside} 件投诉的工作日时限超出节假日历（${c.source}）所含的 ${first}–${last} 年：其间按周六、周日休息计，未计节假日和调休。`,
    ),
  ];
}

/** Every note, in report order. */
export function notes(
  input: AnalysisInput,
  parts: {
    targets: TargetMatch | null;
    satisfaction: Satisfaction | null;
    timeliness?: Timeliness | null;
    /** The monthly series and its reduction, for why a 月均下降率 is missing. */
    months?: readonly MonthRow[];
    trend?: Analysis['trend'];
  },
): Note[] {
  const mom = momNote(input);
  const reduction = parts.months && parts.trend && reductionNote(input, parts.months, parts.trend);
  return [
    ...dataNotes(input),
    ...(mom ? [mom] : []),
    ...(reduction ? [reduction] : []),
    ...targetNotes(input, parts.targets),
    ...skippedNotes(input, parts.satisfaction),
    ...calendarNotes(parts.timeliness ?? null),
  ];
}
