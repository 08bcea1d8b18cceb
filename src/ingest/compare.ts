/**
 * How two copies of a work order are compared: on their values after normalisation, so that two
 * exports writing one value in two ways are not a change. Times count to the minute (one export
 * writes 10:22:11 where another writes 10:22), an empty flag is its default (是否越级 empty is 否),
 * an empty 申诉结果 is 未申诉 (values.ts), and an empty callback result is 未回访. The digest of
 * the ingest (row-digest.ts) and `inspect --duplicates`, which lists the fields that differ,
 * both read these, so they agree on what a change is.
 */
import type { Appeal, Flag, LocalTime, Substantiated } from '../schema/values.js';
import { formatLocal } from '../schema/values.js';
import type { WorkOrder } from './types.js';

/** A time to the minute, as a number; -1 for none. */
export function minuteOf(t: LocalTime | null): number {
  return t === null ? -1 : Math.floor(t.ms / 60_000);
}

/** 是否越级: an empty cell is the default, 否. */
export function flagOf(flag: Flag): number {
  return flag === true ? 1 : 0;
}

/** 回访满意度: an empty cell and 未回访 both say there was no callback. */
export function callbackOf(value: string | null): string {
  return value === null || value === '未回访' ? '' : value;
}

const APPEAL: Record<Appeal, string> = {
  approved: '申诉成功',
  rejected: '申诉失败',
  pending: '申诉中',
  none: '未申诉',
};
const SUBSTANTIATED: Record<NonNullable<Substantiated>, string> = {
  yes: '属实',
  no: '不属实',
  partial: '部分属实',
};

/** The fields compared, with their JSON names, in the order a listing shows them. */
export const COMPARED = [
  'acceptedAt',
  'unit',
  'businessType',
  'level1',
  'level2',
  'level3',
  'content',
  'customerId',
  'phone',
  'substantiated',
  'appealResult',
  'repliedAt',
  'closedAt',
  'satisfaction',
  'department',
  'city',
  'escalated',
  'severity',
] as const;
export type ComparedField = (typeof COMPARED)[number];

const minuteText = (t: LocalTime | null) => (t === null ? '' : formatLocal(t.ms).slice(0, 16));

/** A work order's compared values as people read them (the normalised forms, written out). */
export function comparedValues(o: WorkOrder): Record<ComparedField, string> {
  return {
    acceptedAt: minuteText(o.acceptedAt),
    unit: o.unit,
    businessType: o.businessType ?? '',
    level1: o.level1 ?? '',
    level2: o.level2 ?? '',
    level3: o.level3 ?? '',
    content: o.content ?? '',
    customerId: o.customerId ?? '',
    phone: o.phone ?? '',
    substantiated: o.substantiated === null ? '' : SUBSTANTIATED[o.substantiated],
    appealResult: APPEAL[o.appeal],
    repliedAt: minuteText(o.repliedAt),
    closedAt: minuteText(o.closedAt),
    satisfaction: callbackOf(o.satisfaction),
    department: o.department ?? '',
    city: o.city ?? '',
    escalated: flagOf(o.escalated) === 1 ? '是' : '否',
    severity: o.severity ?? '',
  };
}

export interface FieldChange {
  field: ComparedField;
  from: string;
  to: string;
}

/** The fields in which `later` differs from `earlier`, in COMPARED order. */
export function changes(
  earlier: Readonly<Record<ComparedField, string>>,
  later: Readonly<Record<ComparedField, string>>,
): FieldChange[] {
  return COMPARED.filter((f) => earlier[f] !== later[f]).map((field) => ({
    field,
    from: earlier[field],
    to: later[field],
  }));
}
