/**
 * The notes of an analysis, in the order reports show them: what the data lacks (months, appeal
 * and substantiation columns, the year before), how the targets matched, then the metrics left
 * out for want of a column. Each follows from the input and, for targets and satisfaction, from
 * that section's figures.
 */
import { monthIndexToString } from '../../schema/values.js';
import { monthCount, months, periodJson, yearEarlier } from '../period.js';
import type { AnalysisInput, Note, Satisfaction, TargetMatch } from '../types.js';
import { comparisons } from './period.js';
import { SEASONALITY_MIN_MONTHS } from './seasonality.js';
import { yearToDateMissing, yearToDatePeriod } from './year-to-date.js';

export const note = (code: Note['code'], message: string, zh: string): Note => ({
  code,
  message,
  zh,
});

/** Gaps in the data: months of the period no input covers, missing columns, no year before. */
export function dataNotes(input: AnalysisInput): Note[] {
  const { period, covered, settings, fields } = input;
  const notes: Note[] = [];
  const missing = months(period).filter((m) => !covered.has(m));
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
      ),
    );
  }
  if (!comparisons(input).yearEarlier) {
    const earlier = periodJson(yearEarlier(period));
    const span = `${earlier.from} – ${earlier.to}`;
    notes.push(
      note(
        'no-yoy',
        `yoy: ${span} is not (fully) in the inputs; add that year's export to compare.`,
        `同比：输入未完整覆盖 ${span}，加入上年同期的导出文件即可比较。`,
      ),
    );
  }
  return notes;
}

/** How the targets matched: shown beside the units table (TARGET_NOTES). */
export function targetNotes(input: AnalysisInput, match: TargetMatch | null): Note[] {
  if (!match) return [];
  const notes: Note[] = [];
  const n = monthCount(input.period);
  // Not for a month or a quarter (their basis is fixed), nor for the year to date beside them,
  // which bulletins hold against the whole annual target on purpose.
  if (match.basis === 'annual' && input.request.kind !== 'yearToDate' && n < 12)
    notes.push(
      note(
        'targets-not-prorated',
        `Targets are annual and the period is ${n} month(s): add --prorate to hold it against ${n}/12 of them.`,
        `指标为年度指标，本期仅 ${n} 个月：加 --prorate 可按 ${n}/12 折算。`,
      ),
    );
  if (match.unitsWithoutTarget.length > 0)
    notes.push(
      note(
        'units-without-target',
        `No target in ${match.file} for ${match.unitsWithoutTarget.join(', ')}: their complaints count in the totals but not against the target.`,
        `${match.file} 中没有 ${match.unitsWithoutTarget.join('、')} 的指标：其投诉计入合计，但不与指标比较。`,
      ),
    );
  if (match.targetsWithoutData.length > 0)
    notes.push(
      note(
        'targets-without-data',
        `${match.targetsWithoutData.join(', ')}: in ${match.file} but in no input; left out of the total target.`,
        `${match.targetsWithoutData.join('、')} 在 ${match.file} 中有指标，但输入中没有其工单：不计入总指标。`,
      ),
    );
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

/** Every note, in report order. */
export function notes(
  input: AnalysisInput,
  parts: { targets: TargetMatch | null; satisfaction: Satisfaction | null },
): Note[] {
  return [
    ...dataNotes(input),
    ...targetNotes(input, parts.targets),
    ...skippedNotes(input, parts.satisfaction),
  ];
}
