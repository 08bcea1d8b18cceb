/**
 * The complaints of one day, kept while the inputs are read, for the daily bulletin (日通报):
 * one line each — work order, unit, class, 受理时间 and the text cut short. A day's complaints
 * are a handful, so they are held as small objects; each work order once, its latest copy (a
 * later copy that moved to another day, or is no complaint, takes it out).
 *
 * Phone and customer numbers never reach a bulletin: the customer's own columns are not taken,
 * and in the text every run of DIGITS_MASKED or more digits — a mobile, a landline with its area
 * code, a 10-digit 户号 — is masked, and a mobile typed in groups (138 0551 2345). Shorter
 * numbers (an amount, a date, a 3-digit transformer number) stay: they are what the complaint is
 * about. A customer's full name is masked too, all but the surname (张** 来电), where the text
 * marks it as one: after 户名：/姓名：/联系人：…, or between 客户/用户/业主 and 来电/反映/称….
 * 王先生, 张女士, 李某 are how agents already write a name anonymously, and stay.
 */
import type { DayComplaint } from '../metrics/types.js';
import { formatLocal } from '../schema/values.js';
import type { Classification } from '../taxonomy/classify.js';
import type { WorkOrder } from './types.js';
import { CUSTOMER_NAME, isName, LABELLED_NAME } from '../text/names.js';

/** Characters of a complaint's text a bulletin line keeps. */
export const DAY_TEXT_LENGTH = 80;
/** A digit run this long may be a phone or customer number (a mobile has 11, a 户号 10). */
export const DIGITS_MASKED = 7;

// Full-width digits too (１３９…): the text is shown as written, not normalised.
const DIGIT_RUN = new RegExp(`[0-9０-９]{${DIGITS_MASKED},}`, 'g');
// A mobile number typed in groups as it is read out (138 0551 2345, 138-0551-2345): no group
// is a long run, so DIGIT_RUN misses it. Eleven digits from a 1, single separators between.
const GROUPED_MOBILE = /(?<![0-9０-９])[1１](?:[ \-－]?[0-9０-９]){10}(?![0-9０-９])/g;

function maskName(name: string): string {
  return isName(name) ? name[0] + '*'.repeat(name.length - 1) : name;
}

/**
 * The text of a bulletin line: whitespace collapsed, numbers and names masked, cut to `length`
 * characters.
 */
export function lineText(text: string | null, length = DAY_TEXT_LENGTH): string {
  if (!text) return '';
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(GROUPED_MOBILE, (mobile) => '*'.repeat(mobile.length))
    .replace(DIGIT_RUN, (run) => '*'.repeat(run.length))
    .replace(LABELLED_NAME, maskName)
    .replace(CUSTOMER_NAME, maskName);
  const chars = [...clean];
  return chars.length <= length ? clean : `${chars.slice(0, length - 1).join('')}…`;
}

export class DayComplaints {
  private readonly byEntry = new Map<number, DayComplaint>();
  private readonly withoutId: DayComplaint[] = [];

  /** `day`: the day index kept; `excludeUnsubstantiated` as the analysis counts assessed. */
  constructor(
    private readonly day: number,
    private readonly excludeUnsubstantiated: boolean,
  ) {}

  /** An OrderObserver (pipeline.ts): sees every usable row in input order. */
  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    const kept = c !== null && order.acceptedAt.dayIndex === this.day;
    if (!kept) {
      if (entry >= 0) this.byEntry.delete(entry);
      return;
    }
    const node = c.level3 ?? c.level2 ?? c.level1;
    const line: DayComplaint = {
      id: order.id,
      unit: order.unit,
      class: node ? { code: node.code, name: node.name, nameEn: node.nameEn } : null,
      acceptedAt: formatLocal(order.acceptedAt.ms),
      text: lineText(order.content),
      // A corrections file's 是否考核 outranks the appeal, as in the counts (group.ts isAssessed).
      assessed:
        c.correction?.assessed ??
        (order.appeal !== 'approved' &&
          !(this.excludeUnsubstantiated && order.substantiated === 'no')),
    };
    if (entry >= 0) this.byEntry.set(entry, line);
    else this.withoutId.push(line);
  };

  /** The day's complaints by acceptance time, then unit and work order. */
  list(): DayComplaint[] {
    return [...this.byEntry.values(), ...this.withoutId].sort(
      (a, b) =>
        a.acceptedAt.localeCompare(b.acceptedAt) ||
        a.unit.localeCompare(b.unit, 'zh') ||
        (a.id ?? '').localeCompare(b.id ?? ''),
    );
  }
}
