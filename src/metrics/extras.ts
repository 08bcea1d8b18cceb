/**
 * The metrics beyond the bulletin basics that need the work orders one by one rather than the
 * cube: repeat complainants, timeliness and callback satisfaction. Each is computed only when
 * its columns exist; otherwise it is null and a note says which column was missing.
 */
import { note, type AnalysisInput, type Note } from './analysis.js';
import { mean, medianOfSorted, share } from './formulas.js';
import { contains } from './period.js';
import { COMPLAINT, NO_SLOT, NO_TIME, type Complainants } from './records.js';

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
  limitHours: number;
  overLimit: number;
  overLimitShare: number | null;
}

export interface Timeliness {
  reply: DurationStats | null;
  close: DurationStats | null;
  byUnit: { unit: string; reply: DurationStats | null; close: DurationStats | null }[];
}

export const SATISFACTION_GROUPS = {
  satisfied: ['非常满意', '满意', '基本满意', '十分满意', '很满意'],
  neutral: ['一般', '较满意'],
  dissatisfied: ['不满意', '非常不满意', '很不满意', '不太满意'],
  notSurveyed: [
    '未回访',
    '回访失败',
    '无法联系',
    '未联系上',
    '拒绝回访',
    '不需回访',
    '无需回访',
    '联系不上',
  ],
} as const;
type SatisfactionGroup = keyof typeof SATISFACTION_GROUPS;

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

/** Calls `visit` with every complaint record in the period. */
function eachComplaint(input: AnalysisInput, visit: (r: number) => void): void {
  const { records, period } = input;
  for (let r = 0; r < records.size; r++) {
    if ((records.flags[r]! & COMPLAINT) !== 0 && contains(period, records.month[r]!)) visit(r);
  }
}

function repeats(
  input: AnalysisInput,
  slots: Int32Array,
  who: Complainants,
  total: number,
): RepeatList {
  const bySlot = new Map<number, { complaints: number; units: Set<number> }>();
  eachComplaint(input, (r) => {
    const slot = slots[r]!;
    if (slot === NO_SLOT) return;
    let entry = bySlot.get(slot);
    if (!entry) bySlot.set(slot, (entry = { complaints: 0, units: new Set() }));
    entry.complaints++;
    entry.units.add(input.records.unit[r]!);
  });
  const list = [...bySlot.entries()].filter(([, e]) => e.complaints >= 2);
  const complaints = list.reduce((sum, [, e]) => sum + e.complaints, 0);
  const units = input.records.units.list;
  const top = list
    .map(([slot, e]) => ({
      key: who.text.get(slot) ?? '',
      complaints: e.complaints,
      units: [...e.units].map((u) => units[u]!).sort(),
    }))
    .sort((a, b) => b.complaints - a.complaints || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, input.settings.top);
  return { complainants: list.length, complaints, share: share(complaints, total), top };
}

export function repeatComplainants(
  input: AnalysisInput,
  notes: Note[],
): Pick<Extras, 'repeatComplainants'> {
  const hasCustomer = input.fields.has('customerId');
  const hasPhone = input.fields.has('phone');
  if (!hasCustomer && !hasPhone) {
    notes.push(
      note(
        'no-repeat',
        'Repeat complainants need a 客户编号 (customerId) or 联系电话 (phone) column.',
        '重复投诉：需要客户编号或联系电话列。',
      ),
    );
    return { repeatComplainants: null };
  }
  let total = 0;
  eachComplaint(input, () => total++);
  const { records } = input;
  return {
    repeatComplainants: {
      byCustomer: hasCustomer ? repeats(input, records.customer, records.customers, total) : null,
      byPhone: hasPhone ? repeats(input, records.phone, records.phones, total) : null,
    },
  };
}

function durationStats(
  seconds: number[],
  limitHours: number,
  beforeAcceptance: number,
): DurationStats {
  const hours = Float64Array.from(seconds, (s) => s / 3600).sort();
  let overLimit = 0;
  for (const h of hours) if (h > limitHours) overLimit++;
  return {
    count: hours.length,
    beforeAcceptance,
    meanHours: mean(Array.from(hours)),
    medianHours: medianOfSorted(hours),
    limitHours,
    overLimit,
    overLimitShare: share(overLimit, hours.length),
  };
}

export function timeliness(input: AnalysisInput, notes: Note[]): Pick<Extras, 'timeliness'> {
  const hasReply = input.fields.has('repliedAt');
  const hasClose = input.fields.has('closedAt');
  if (!hasReply)
    notes.push(
      note(
        'no-reply',
        'Reply times need a 回复时间 (repliedAt) column.',
        '回复时效：需要回复时间列。',
      ),
    );
  if (!hasClose)
    notes.push(
      note(
        'no-close',
        'Closing times need a 办结时间 (closedAt) column.',
        '办结时效：需要办结时间列。',
      ),
    );
  if (!hasReply && !hasClose) return { timeliness: null };
  const { records, settings } = input;
  const collect = (column: Int32Array, limit: number, unit: number | null) => {
    const values: number[] = [];
    let negative = 0;
    eachComplaint(input, (r) => {
      if (unit !== null && records.unit[r] !== unit) return;
      const s = column[r]!;
      if (s === NO_TIME) return;
      if (s < 0) negative++;
      else values.push(s);
    });
    return durationStats(values, limit, negative);
  };
  const stats = (unit: number | null) => ({
    reply: hasReply ? collect(records.replySeconds, settings.replyLimitHours, unit) : null,
    close: hasClose ? collect(records.closeSeconds, settings.closeLimitHours, unit) : null,
  });
  const units = new Set<number>();
  eachComplaint(input, (r) => units.add(records.unit[r]!));
  const byUnit = [...units]
    .map((u) => ({ unit: records.units.list[u]!, ...stats(u) }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return { timeliness: { ...stats(null), byUnit } };
}

export function satisfaction(input: AnalysisInput, notes: Note[]): Pick<Extras, 'satisfaction'> {
  if (!input.fields.has('satisfaction')) {
    notes.push(
      note(
        'no-satisfaction',
        'Satisfaction needs a 回访满意度 (satisfaction) column.',
        '满意度：需要回访满意度列。',
      ),
    );
    return { satisfaction: null };
  }
  const { records } = input;
  const values = records.satisfactions.list;
  const groupOf = values.map((v): SatisfactionGroup | null => {
    for (const g of Object.keys(SATISFACTION_GROUPS) as SatisfactionGroup[])
      if ((SATISFACTION_GROUPS[g] as readonly string[]).includes(v)) return g;
    return null;
  });
  const result: Satisfaction = {
    byValue: {},
    satisfied: 0,
    neutral: 0,
    dissatisfied: 0,
    notSurveyed: 0,
    unrecognised: 0,
    satisfiedShare: null,
    byUnit: [],
  };
  const perUnit = new Map<number, { surveyed: number; satisfied: number }>();
  eachComplaint(input, (r) => {
    const id = records.satisfaction[r]!;
    const value = id === 0 ? '(空)' : values[id - 1]!;
    result.byValue[value] = (result.byValue[value] ?? 0) + 1;
    const group = id === 0 ? 'notSurveyed' : groupOf[id - 1];
    if (group === null || group === undefined) {
      result.unrecognised++;
      return;
    }
    result[group]++;
    if (group === 'notSurveyed') return;
    const unit = records.unit[r]!;
    let u = perUnit.get(unit);
    if (!u) perUnit.set(unit, (u = { surveyed: 0, satisfied: 0 }));
    u.surveyed++;
    if (group === 'satisfied') u.satisfied++;
  });
  result.satisfiedShare = share(
    result.satisfied,
    result.satisfied + result.neutral + result.dissatisfied,
  );
  result.byUnit = [...perUnit.entries()]
    .map(([unit, u]) => ({
      unit: records.units.list[unit]!,
      ...u,
      satisfiedShare: share(u.satisfied, u.surveyed),
    }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  if (result.unrecognised > 0)
    notes.push(
      note(
        'satisfaction-unrecognised',
        `${result.unrecognised} callback result(s) not recognised as satisfied or not: left out of the satisfied share.`,
        `${result.unrecognised} 条回访结果无法判断是否满意：不计入满意率。`,
      ),
    );
  return { satisfaction: result };
}
