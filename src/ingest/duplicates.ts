/**
 * `inspect --duplicates`: every work order exported twice whose copies differ, with the fields
 * that differ, the unit and month each copy counts under, which copy the figures count and why,
 * and what the later copy does to the counts — what an analyst needs to answer "why did this
 * unit's number change since last month's bulletin?". Each copy is compared with the copy
 * before it, on the values compare.ts normalises, as the count of differing duplicates is. The
 * copy counted is the last one read (DESIGN.md §3: the later input wins; within one input, the
 * later row). With the analyst's corrections (--corrections), a difference a correction decides
 * (the class it names, the 是否考核 it rules) changes no count: the report counts the correction.
 * Keeps every work order's values: only when asked for.
 */
import { monthIndexToString } from '../schema/values.js';
import type { Correction, Corrections } from '../taxonomy/corrections.js';
import { changes, comparedValues, type ComparedField, type FieldChange } from './compare.js';
import type { WorkOrder } from './types.js';

export interface Copy {
  file: string;
  row: number;
}

/** A copy and where the figures would count it. */
export interface PlacedCopy extends Copy {
  /** 供电单位 as read (trimmed, NFKC). */
  unit: string;
  /** 受理时间's calendar month, YYYY-MM. */
  month: string;
  /** Of a complaint business type (counted in the figures at all). */
  complaint: boolean;
  /** A complaint held against the unit: not appeal-approved (申诉成功), or as a correction rules. */
  assessed: boolean;
}

/**
 * What the later copy of a pair does to the counts, against the earlier one: `unit` and `month`
 * (the complaint moves), `out`/`in` (it stops or starts being a complaint), `assessed` (it
 * starts or stops being held against the unit), `class` (its 一级/二级分类 changed); [] when
 * the counts do not change.
 */
export type Effect = 'unit' | 'month' | 'out' | 'in' | 'assessed' | 'class';

/** Why the counted copy wins: it comes from a later input, or from a later row of one input. */
export type CountedBecause = 'later-input' | 'later-row';

/** The correction of a work order, and the differences between its copies it decides. */
export interface DuplicateCorrection {
  file: string;
  row: number;
  level1: string | null;
  level2: string | null;
  assessed: boolean | null;
  /** 'class': the copies' classes differ and the correction names one; 'assessed': their appeals would hold it assessed differently and the correction rules it. */
  decides: ('class' | 'assessed')[];
}

export interface DifferingDuplicate {
  id: string;
  earlier: PlacedCopy;
  later: PlacedCopy;
  changes: FieldChange[];
  /** The copy the figures count: the last one read of this work order. */
  counted: PlacedCopy;
  countedBecause: CountedBecause;
  effects: Effect[];
  /** Only for a work order the corrections file names. */
  correction?: DuplicateCorrection;
}

/**
 * A complaint that arrived late: accepted on a day an earlier input covers, yet not in it — it
 * first appears in a later export, and adds to a figure already published from the earlier one.
 */
export interface LateWorkOrder extends PlacedCopy {
  id: string;
  /** The earlier input whose days include its acceptance, and which does not hold it. */
  missingFrom: string;
}

interface Seen {
  input: number;
  copy: PlacedCopy;
  /** Held against the unit as the appeal has it, whatever a correction rules. */
  byAppeal: boolean;
  values: Record<ComparedField, string>;
}

/** The first copy read of a complaint, to tell late arrivals. */
interface First {
  input: number;
  day: number;
  copy: PlacedCopy;
}

const classChanged = (found: FieldChange[]) =>
  found.some((c) => c.field === 'level1' || c.field === 'level2');

/**
 * The effects on the counts of reading `later` after `earlier` (whose `assessed` already
 * follow a correction's ruling); `correction`: the work order's, whose class outranks both
 * copies' class columns.
 */
export function effectsOf(
  earlier: PlacedCopy,
  later: PlacedCopy,
  found: FieldChange[],
  correction?: Correction,
): Effect[] {
  if (!earlier.complaint && !later.complaint) return [];
  if (earlier.complaint !== later.complaint) return [later.complaint ? 'in' : 'out'];
  const effects: Effect[] = [];
  if (earlier.unit !== later.unit) effects.push('unit');
  if (earlier.month !== later.month) effects.push('month');
  if (earlier.assessed !== later.assessed) effects.push('assessed');
  if (classChanged(found) && !correction?.level1) effects.push('class');
  return effects;
}

/** A correction as the listing shows it, with what it decides between `earlier` and `later`. */
function shownCorrection(
  c: Correction,
  file: string,
  earlier: Seen,
  later: Seen,
  found: FieldChange[],
): DuplicateCorrection {
  const decides: DuplicateCorrection['decides'] = [];
  // A correction applies to complaints only (a copy of another business type leaves it
  // unapplied, as analyze says): where either copy is none, the pair's effect is in/out.
  const both = earlier.copy.complaint && later.copy.complaint;
  if (both && c.level1 && classChanged(found)) decides.push('class');
  if (both && c.assessed !== null && earlier.byAppeal !== later.byAppeal) decides.push('assessed');
  return {
    file,
    row: c.row,
    level1: c.level1?.name ?? null,
    level2: c.level2?.name ?? null,
    assessed: c.assessed,
    decides,
  };
}

export class DuplicateListing {
  private readonly last = new Map<string, Seen>();
  private readonly pairs: {
    pair: Omit<DifferingDuplicate, 'counted' | 'countedBecause'>;
    earlierInput: number;
  }[] = [];
  /** Duplicates whose copies are the same once normalised: counted once, no count changes. */
  same = 0;
  /** Complaints first read from an input after the first: candidates for late arrivals. */
  private readonly firsts = new Map<string, First>();

  /** `files[i]` names input i as the listing shows it; `corrections`: the analyst's, if any. */
  constructor(
    private readonly files: readonly string[],
    private readonly corrections: Corrections | null = null,
  ) {}

  /** The ingest's order handler. */
  readonly observe = (order: WorkOrder): void => {
    if (order.id === null) return;
    const correction = this.corrections?.byId.get(order.id);
    const seen: Seen = {
      input: order.input,
      copy: placed(order, this.files, correction),
      byAppeal: heldByAppeal(order),
      values: comparedValues(order),
    };
    const before = this.last.get(order.id);
    this.last.set(order.id, seen);
    if (!before) {
      if (order.input > 0 && order.isComplaint)
        this.firsts.set(order.id, {
          input: order.input,
          day: order.acceptedAt.dayIndex,
          copy: seen.copy,
        });
      return;
    }
    const found = changes(before.values, seen.values);
    if (found.length === 0) {
      this.same++;
      return;
    }
    this.pairs.push({
      pair: {
        id: order.id,
        earlier: before.copy,
        later: seen.copy,
        changes: found,
        effects: effectsOf(before.copy, seen.copy, found, correction),
        ...(correction
          ? {
              correction: shownCorrection(correction, this.corrections!.file, before, seen, found),
            }
          : {}),
      },
      earlierInput: before.input,
    });
  };

  /** The complaints first read after the first input, with the copy counted. */
  lateCandidates(): { id: string; first: First; counted: PlacedCopy }[] {
    return [...this.firsts].map(([id, first]) => ({
      id,
      first,
      counted: this.last.get(id)!.copy,
    }));
  }

  /** The differing duplicates in reading order, each with the copy counted once all are read. */
  get differing(): DifferingDuplicate[] {
    return this.pairs.map(({ pair, earlierInput }) => {
      const counted = this.last.get(pair.id)!;
      return {
        ...pair,
        counted: counted.copy,
        countedBecause: counted.input > earlierInput ? 'later-input' : 'later-row',
      };
    });
  }
}

/**
 * The complaints that arrived late, in reading order: first read from a later input, accepted on
 * a day an earlier input covers (`coverage[i]`: the first and last day input i covers, as the
 * ingest judged it; null when unknown) and still complaints in the copy counted.
 */
export function lateArrivals(
  listing: DuplicateListing,
  coverage: readonly ([number, number] | null)[],
  files: readonly string[],
): LateWorkOrder[] {
  return listing.lateCandidates().flatMap(({ id, first, counted }) => {
    if (!counted.complaint) return [];
    for (let i = 0; i < first.input; i++) {
      const span = coverage[i];
      if (span && first.day >= span[0] && first.day <= span[1])
        return [{ id, ...counted, missingFrom: files[i]! }];
    }
    return [];
  });
}

const heldByAppeal = (order: WorkOrder) => order.isComplaint && order.appeal !== 'approved';

function placed(order: WorkOrder, files: readonly string[], correction?: Correction): PlacedCopy {
  return {
    file: files[order.input]!,
    row: order.row,
    unit: order.unit,
    month: monthIndexToString(order.acceptedAt.monthIndex),
    complaint: order.isComplaint,
    // As the report counts it: a correction's ruling outranks the appeal (taxonomy/corrections.ts).
    assessed: order.isComplaint && (correction?.assessed ?? order.appeal !== 'approved'),
  };
}
