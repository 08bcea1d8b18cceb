/**
 * The metrics beyond the bulletin basics that need the work orders one by one rather than the
 * cube: repeat complainants, timeliness and callback satisfaction. Each is computed only when
 * its columns exist; otherwise it is null and a note says which column was missing.
 */
import { note, type AnalysisInput, type Note } from './analysis.js';
import { mean, medianOfSorted, share } from './formulas.js';
import { contains } from './period.js';
import { NO_SLOT, NO_TIME, type Complainants } from './records.js';

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

/** Calls `visit` with the row and unit of every complaint in the period. */
function eachComplaint(input: AnalysisInput, visit: (row: number, unit: number) => void): void {
  const { records, period } = input;
  for (let row = 0; row < records.complaintRows; row++) {
    const cell = records.cellOf(row);
    if (cell >= 0 && contains(period, records.cellMonth[cell]!))
      visit(row, records.cellUnit[cell]!);
  }
}

function repeats(
  input: AnalysisInput,
  slotOf: (r: number) => number,
  who: Complainants,
  total: number,
): RepeatList {
  // Counted in a typed array first: a Map entry per complainant would cost ~100 bytes each.
  const counts = new Uint32Array(who.size);
  eachComplaint(input, (r) => {
    const slot = slotOf(r);
    if (slot !== NO_SLOT) counts[slot]!++;
  });
  let complainants = 0;
  let complaints = 0;
  const units = new Map<number, Set<number>>();
  counts.forEach((n, slot) => {
    if (n < 2) return;
    complainants++;
    complaints += n;
    units.set(slot, new Set());
  });
  eachComplaint(input, (r, unit) => units.get(slotOf(r))?.add(unit));
  const names = input.records.units.list;
  const top = [...units.entries()]
    .map(([slot, set]) => ({
      key: who.text.get(slot) ?? '',
      complaints: counts[slot]!,
      units: [...set].map((u) => names[u]!).sort(),
    }))
    .sort((a, b) => b.complaints - a.complaints || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, input.settings.top);
  return { complainants, complaints, share: share(complaints, total), top };
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
      byCustomer: hasCustomer
        ? repeats(input, (r) => records.customer(r), records.customers, total)
        : null,
      byPhone: hasPhone ? repeats(input, (r) => records.phone(r), records.phones, total) : null,
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
  // One pass: the durations of each unit, and those before acceptance, kept apart.
  type Durations = { seconds: number[]; negative: number };
  const perUnit = new Map<number, { reply: Durations; close: Durations }>();
  const add = (d: Durations, s: number) => {
    if (s === NO_TIME) return;
    if (s < 0) d.negative++;
    else d.seconds.push(s);
  };
  eachComplaint(input, (r, unit) => {
    let u = perUnit.get(unit);
    if (!u) {
      u = { reply: { seconds: [], negative: 0 }, close: { seconds: [], negative: 0 } };
      perUnit.set(unit, u);
    }
    add(u.reply, records.replySeconds(r));
    add(u.close, records.closeSeconds(r));
  });
  const stats = (of: Durations[], kind: 'reply' | 'close') =>
    (kind === 'reply' ? hasReply : hasClose)
      ? durationStats(
          of.flatMap((d) => d.seconds),
          kind === 'reply' ? settings.replyLimitHours : settings.closeLimitHours,
          of.reduce((sum, d) => sum + d.negative, 0),
        )
      : null;
  const all = [...perUnit.values()];
  const byUnit = [...perUnit.entries()]
    .map(([unit, u]) => ({
      unit: records.units.list[unit]!,
      reply: stats([u.reply], 'reply'),
      close: stats([u.close], 'close'),
    }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return {
    timeliness: {
      reply: stats(
        all.map((u) => u.reply),
        'reply',
      ),
      close: stats(
        all.map((u) => u.close),
        'close',
      ),
      byUnit,
    },
  };
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
  eachComplaint(input, (r, unit) => {
    const id = records.satisfaction(r);
    const value = id === 0 ? '(空)' : values[id - 1]!;
    result.byValue[value] = (result.byValue[value] ?? 0) + 1;
    const group = id === 0 ? 'notSurveyed' : groupOf[id - 1];
    if (group === null || group === undefined) {
      result.unrecognised++;
      return;
    }
    result[group]++;
    if (group === 'notSurveyed') return;
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
