/**
 * The checks the early warning could not make, said beside the levels so that green is not read
 * as "all checked": no targets, a period covered in part (no spike), and the column checks —
 * repeat (客户编号/联系电话), escalation (是否越级), overdue (办结时间) — not at all when no
 * input has the column, or for the work orders of the inputs that lack it (each work order is
 * judged only on what its own input records: an export without 办结时间 is not "never closed").
 */
import type { Field } from '../../schema/fields.js';
import { daysCover } from '../coverage.js';
import {
  bucketCount,
  bucketEnd,
  bucketOf,
  bucketStart,
  months as monthsOfPeriod,
  yearEarlier,
  type Period,
} from '../period.js';
import { monthsOf } from '../sections/months.js';
import { renamedUnits, renamedUnitsNote } from '../sections/renamed-units.js';
import { targetsWithoutData } from '../sections/targets.js';
import type { AnalysisInput } from '../types.js';
import { SPIKE_DEFAULTS, type SpikeThresholds } from './spike.js';

/** A check the warning could not make; said beside the levels, so that green is not read as "all checked". */
export interface WarnGap {
  code:
    | 'no-targets'
    /** Units of the data without a target: their pace and forecast not judged. */
    | 'units-without-target'
    /** Targets whose unit is in no input (a misspelling?): not judged, not listed. */
    | 'targets-without-data'
    | 'no-spike'
    | 'no-repeat'
    | 'no-escalation'
    | 'no-overdue'
    | 'no-reply'
    | 'no-events'
    /** Events found from one of the two columns where places are named (not a check not made). */
    | 'events-partial'
    /** A unit new in the data, of a name close to one gone before it: its history is the other's. */
    | 'units-renamed';
  message: string;
  zh: string;
  /**
   * A column check (repeat, escalation, overdue) that some inputs only could not make: those
   * inputs (their work orders were not judged on it; the other inputs' were). Absent: no input
   * could.
   */
  files?: string[];
  /** Units-renamed: each pair, the old name and the new, for the table to say which rows they are. */
  renamed?: { from: string; to: string }[];
}

/** An input as the warning sees it: its file and the fields it has a column for. */
export interface WarnSource {
  file: string;
  fields: ReadonlySet<Field>;
}

/** The column checks: the fields one of which an input needs for its work orders to be judged. */
const CHECK_FIELDS = {
  'no-repeat': ['customerId', 'phone'],
  'no-escalation': ['escalated'],
  'no-overdue': ['closedAt'],
  'no-reply': ['repliedAt'],
  'no-events': ['address', 'content'],
} as const satisfies Partial<Record<WarnGap['code'], readonly Field[]>>;

/**
 * Whether a work order can be judged on a check: its input has one of the fields. Without the
 * inputs (tests written by hand) or the order's input, whether any input has one.
 */
export function judgedOn(
  code: keyof typeof CHECK_FIELDS,
  input: AnalysisInput,
  sources: readonly WarnSource[] | undefined,
): (o: { input?: number }) => boolean {
  const has = (fields: ReadonlySet<Field>) => CHECK_FIELDS[code].some((f) => fields.has(f));
  const any = has(input.fields);
  if (!sources) return () => any;
  const by = sources.map((s) => has(s.fields));
  return (o) => (o.input === undefined ? any : (by[o.input] ?? false));
}

/** The inputs lacking a check's columns when some others have them (the per-input gap). */
function lacking(code: keyof typeof CHECK_FIELDS, sources: readonly WarnSource[] = []): string[] {
  const without = sources.filter((s) => !CHECK_FIELDS[code].some((f) => s.fields.has(f)));
  return without.length < sources.length ? without.map((s) => s.file) : [];
}

/**
 * The checks `unitWarnings` cannot make on this input, in the order of the reasons: not at all
 * (no input has the column), or for the work orders of the inputs named (`files`).
 */
export function warnGaps(
  input: AnalysisInput,
  sources?: readonly WarnSource[],
  spike: SpikeThresholds = SPIKE_DEFAULTS,
): WarnGap[] {
  const { fields, period } = input;
  const gaps: WarnGap[] = [];
  const gap = (code: WarnGap['code'], message: string, zh: string) =>
    gaps.push({ code, message, zh });
  const some = (
    code: keyof typeof CHECK_FIELDS,
    column: { en: string; zh: string },
    en: string,
    zh: string,
  ) => {
    const files = lacking(code, sources);
    if (files.length === 0) return;
    const list = files.join(', ');
    gaps.push({
      code,
      message: `No ${column.en} column in ${list}: its work orders were not judged for ${en} (the other inputs' were).`,
      zh: `${files.join('、')} 没有${column.zh}列：其工单未判断${zh}（其他输入的已判断）。`,
      files,
    });
  };
  if (!input.targets)
    gap(
      'no-targets',
      'No --targets: the pace against the annual targets and the year-end forecast were not judged.',
      '未给年度指标（--targets）：未判断指标进度和全年预测。',
    );
  else targetGaps(input, gap);
  const oneBucket = ['day', 'week', 'month'].includes(period.grain) && bucketCount(period) === 1;
  if (oneBucket && !usable(input, period))
    gap(
      'no-spike',
      'The period is covered only in part: spikes were not judged (its count would read as a fall).',
      '本期数据不完整：未判断投诉异常增多（不完整的数字偏低）。',
    );
  else if (oneBucket) shortHistoryGap(input, spike, gap);
  if (!fields.has('customerId') && !fields.has('phone'))
    gap(
      'no-repeat',
      'No 客户编号 or 联系电话 column: repeat complainants were not judged.',
      '没有客户编号或联系电话列：未判断重复投诉。',
    );
  else
    some(
      'no-repeat',
      { en: '客户编号 or 联系电话', zh: '客户编号或联系电话' },
      'repeat complaints',
      '重复投诉',
    );
  if (!fields.has('escalated'))
    gap(
      'no-escalation',
      'No 是否越级 column: escalated complaints were not judged.',
      '没有是否越级列：未判断越级投诉。',
    );
  else some('no-escalation', { en: '是否越级', zh: '是否越级' }, 'escalation', '越级投诉');
  if (!fields.has('repliedAt'))
    gap(
      'no-reply',
      'No 回复时间 column: replies past the reply limit were not judged.',
      '没有回复时间列：未判断回复超时。',
    );
  else some('no-reply', { en: '回复时间', zh: '回复时间' }, 'the reply limit', '回复超时');
  if (!fields.has('closedAt'))
    gap(
      'no-overdue',
      'No 办结时间 column: work orders past the closing limit were not judged.',
      '没有办结时间列：未判断工单超时。',
    );
  else some('no-overdue', { en: '办结时间', zh: '办结时间' }, 'the closing limit', '超时');
  eventGaps(fields, sources, gap, gaps);
  const pairs = renamedUnits(input.cube, input.unitsFile);
  const renamed = renamedUnitsNote(input, pairs);
  if (renamed)
    gaps.push({
      code: 'units-renamed',
      message: `${renamed.message} Judged apart, the new name has no history to show a spike against.`,
      zh: `${renamed.zh}分开判断时，新名称没有此前的数据可比，不能判断其投诉异常增多。`,
      renamed: pairs.map(({ before, after }) => ({
        from: before.unit,
        to: after.unit,
      })),
    });
  return gaps;
}

/**
 * The periods a spike is judged against: a month's or a week's `trailing` before it, with the
 * same month or ISO week a year earlier; a day's same weekday in the four weeks before (a
 * Monday is not a Sunday), without the year earlier (another weekday).
 */
export function baselinePeriods(
  period: Period,
  trailing: number,
): { before: Period[]; earlier: Period | null } {
  const g = period.grain;
  const b = bucketOf(g, period.from);
  const bucket = (n: number): Period => ({
    from: bucketStart(g, n),
    to: bucketEnd(g, n),
    grain: g,
  });
  if (g === 'day') return { before: [28, 21, 14, 7].map((d) => bucket(b - d)), earlier: null };
  return {
    before: Array.from({ length: trailing }, (_, i) => bucket(b - trailing + i)),
    earlier: yearEarlier(period),
  };
}

/**
 * A history too short for a baseline (spike.ts baseline): fewer than `minTrailing` of the periods
 * before covered whole, and not the same period a year earlier — the first months of a new
 * export series. No unit's spike is judged then, and green must not read as "no spike".
 */
function shortHistoryGap(
  input: AnalysisInput,
  spike: SpikeThresholds,
  gap: (code: WarnGap['code'], message: string, zh: string) => void,
): void {
  const { before, earlier } = baselinePeriods(input.period, spike.trailing);
  const known = before.slice(-spike.trailing).filter((p) => usable(input, p)).length;
  if (known >= spike.minTrailing || (earlier !== null && usable(input, earlier))) return;
  const n = Math.min(before.length, spike.trailing);
  const min = spike.minTrailing;
  if (input.period.grain === 'day')
    gap(
      'no-spike',
      `The inputs cover ${known} of the ${n} same weekdays in the four weeks before (${min} needed): spikes were not judged.`,
      `输入只覆盖前四周同一星期几中的 ${known} 天（至少要 ${min} 天）：未判断投诉异常增多。`,
    );
  else {
    const week = input.period.grain === 'week';
    const [en, zh] = week ? ['week', '周'] : ['month', '个月'];
    gap(
      'no-spike',
      `The inputs cover ${known} of the ${n} ${en}s before (${min} needed) and not the same ${en} a year earlier: spikes were not judged.`,
      `输入只覆盖此前 ${n} ${zh}中的 ${known} ${week ? '周' : '个月'}（至少要 ${min} ${week ? '周' : '个月'}），也没有上年同${week ? '周' : '月'}：未判断投诉异常增多。`,
    );
  }
}

/**
 * A targets file that does not line up with the data, as the analysis notes say it: a unit without
 * a target is green for want of one, not "nothing to raise"; a target whose unit is in no input
 * is named with the unit it most likely means.
 */
function targetGaps(
  input: AnalysisInput,
  gap: (code: WarnGap['code'], message: string, zh: string) => void,
): void {
  const targets = input.targets!;
  // By its name, as the workbook's notes name files (the 预警 sheet shows these lines).
  const file = targets.file.replace(/^.*[\\/]/, '');
  // In the order of the warning's table within a level: by name.
  const without = input.cube.units.filter((u) => !targets.byUnit.has(u)).sort();
  if (without.length > 0)
    gap(
      'units-without-target',
      `No target in ${file} for ${without.join(', ')}: their pace against the annual target and the year-end forecast were not judged.`,
      `${file} 中没有 ${without.join('、')} 的指标：未判断其指标进度和全年预测。`,
    );
  const unmatched = targetsWithoutData(targets, input.cube.units);
  if (unmatched.length === 0) return;
  const list = (zh: boolean) =>
    unmatched
      .map(({ unit, closest }) =>
        closest === null
          ? unit
          : zh
            ? `${unit}（是否为 ${closest}？）`
            : `${unit} (did you mean ${closest}?)`,
      )
      .join(zh ? '、' : ', ');
  gap(
    'targets-without-data',
    `${list(false)}: in ${file} but in no input; not judged.`,
    `${list(true)} 在 ${file} 中有指标，但输入中没有其工单：未作预警。`,
  );
}

/**
 * Events name their place in the 用电地址 or the 受理内容: with neither, not judged (for the
 * inputs that have neither); with one, found from it alone — said, as the search is narrower.
 */
function eventGaps(
  fields: ReadonlySet<Field>,
  sources: readonly WarnSource[] | undefined,
  gap: (code: WarnGap['code'], message: string, zh: string) => void,
  gaps: WarnGap[],
): void {
  if (!fields.has('address') && !fields.has('content')) {
    gap(
      'no-events',
      'No 用电地址 or 受理内容 column: events (several complaints about one place) were not judged.',
      '没有用电地址或受理内容列：未判断同一地点集中投诉。',
    );
    return;
  }
  const none = lacking('no-events', sources);
  if (none.length > 0)
    gaps.push({
      code: 'no-events',
      message: `No 用电地址 or 受理内容 column in ${none.join(', ')}: its work orders were not judged for events (the other inputs' were).`,
      zh: `${none.join('、')} 没有用电地址或受理内容列：其工单未判断同一地点集中投诉（其他输入的已判断）。`,
      files: none,
    });
  // The inputs with one of the two columns: their places were looked for in it alone. Named
  // when other inputs have both, as the column checks name theirs.
  const all = sources ?? [{ file: '', fields }];
  for (const [field, en, zh] of [
    ['address', 'the complaint text', '受理内容'],
    ['content', 'the address', '用电地址'],
  ] as const) {
    const other = field === 'address' ? 'content' : 'address';
    const one = all.filter((s) => !s.fields.has(field) && s.fields.has(other));
    if (one.length === 0) continue;
    const named = all.some((s) => s.fields.has(field));
    const files = one.map((s) => s.file);
    const column = field === 'address' ? '用电地址' : '受理内容';
    gaps.push({
      code: 'events-partial',
      message: `No ${column} column${named ? ` in ${files.join(', ')}` : ''}: events were looked for in ${en} alone.`,
      zh: `${named ? `${files.join('、')} ` : ''}没有${column}列：同一地点集中投诉只从${zh}中查找。`,
      ...(named ? { files } : {}),
    });
  }
}

/**
 * A period whose count can stand beside others: every month it touches covered whole; a day or
 * a week, every one of its days covered for every unit (coverage.ts daysCover) — the month in
 * progress is partial, its covered days are not.
 */
export function usable(input: AnalysisInput, period: Period): boolean {
  if ((period.grain === 'day' || period.grain === 'week') && input.spans)
    return daysCover(input.spans, period.from, period.to).cover === 'whole';
  const use = monthsOf(input);
  return monthsOfPeriod(period).every((m) => use.usable(m));
}
