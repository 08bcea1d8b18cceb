/**
 * Partial aggregates of the metric commands and their merge. A partial aggregate is what one
 * run of rows (an input today; a byte range of one later) adds up to — the ingest's counts, ids
 * and rejects (ingest/partial.ts), the records' cells and complaint rows (records.ts), how its
 * complaints were classified — as plain data, with classes as indices into the taxonomy.
 * `merge` combines partials in input order, the later copy of a work order winning, into what
 * one pass over all the rows gives.
 */
import { DataSetMerge, type EntryMap } from '../ingest/merge.js';
import type { HotWordTextsData } from '../ingest/hot-word-texts.js';
import type { RecentComplaintsData } from '../ingest/recent-complaints.js';
import type { DetailRangeData } from '../report/detail-rows.js';
import type { IngestPartial } from '../ingest/partial.js';
import type { InputHeader } from '../ingest/summary.js';
import type { IngestResult } from '../ingest/types.js';
import { Records, type RecordsPartial } from './records.js';
import { UnknownLabels, type UnknownLabel } from '../taxonomy/unknown-labels.js';
import { atOnce } from '../turn.js';

/** `correction`: only when a corrections file (--corrections) decided some complaints' class. */
export type ClassifiedBy = Record<'columns' | 'rules' | 'model' | 'unclassified', number> & {
  correction?: number;
};

export interface PartialAggregate {
  ingest: IngestPartial;
  records: RecordsPartial;
  /** Complaint rows by how they were classified (every copy counts, as `classify` does). */
  classifiedBy: ClassifiedBy;
  /** Class values of its complaint rows the taxonomy does not know (unknown-labels.ts). */
  unknownLabels?: UnknownLabel[];
  /**
   * The work orders a corrections file names (--corrections), as this partial last read them:
   * id, a complaint or not, day index of the acceptance.
   */
  corrected?: [id: string, complaint: boolean, day: number][];
  /** A worker's byte range: the hot words' texts of its rows, by its own entries. */
  hotWords?: HotWordTextsData;
  /** A worker's byte range: the early warning's recent complaints, by its own entries. */
  recent?: RecentComplaintsData;
  /** A worker's byte range: its 明细 rows, spooled to a file, by its own entries. */
  detail?: DetailRangeData;
}

/** The data set: all partials merged. */
export interface Aggregate {
  ingest: IngestResult;
  records: Records;
  classifiedBy: ClassifiedBy;
  unknownLabels: UnknownLabel[];
  /** The work orders a corrections file names, as the copy counted has them (complaint, day). */
  corrected: Map<string, [complaint: boolean, day: number]>;
}

export const noneClassified = (): ClassifiedBy => ({
  columns: 0,
  rules: 0,
  model: 0,
  unclassified: 0,
});

/** Folds partial aggregates, in input order, into the data set; takes over their arrays. */
export class AggregateMerge {
  readonly dataSet = new DataSetMerge();
  private records: Records | null = null;
  private readonly classifiedBy = noneClassified();
  private readonly unknownLabels = new UnknownLabels();
  private readonly corrected = new Map<string, [boolean, number]>();

  /** Adds a partial; returns its entries in the data set (DataSetMerge.add). */
  add(partial: PartialAggregate): EntryMap {
    return atOnce(this.adding(partial));
  }

  /**
   * The same in steps, the ids then the records (Records.absorbing): a few tenths of a second
   * of work on half a million rows, which a run answering signals yields between (turn.ts).
   */
  *adding(partial: PartialAggregate): Generator<void, EntryMap> {
    const entries = yield* this.dataSet.adding(partial.ingest);
    yield;
    if (this.records === null) this.records = Records.adopt(partial.records);
    else yield* this.records.absorbing(partial.records, entries);
    for (const method of Object.keys(partial.classifiedBy) as (keyof ClassifiedBy)[])
      this.classifiedBy[method] = (this.classifiedBy[method] ?? 0) + partial.classifiedBy[method]!;
    if (partial.unknownLabels) this.unknownLabels.absorb(partial.unknownLabels);
    // In input order: a later copy's state replaces an earlier one's, as in the counts.
    for (const [id, complaint, day] of partial.corrected ?? [])
      this.corrected.set(id, [complaint, day]);
    return entries;
  }

  /** See DataSetMerge.endInput: after all partials of an input; throws for an unusable one. */
  endInput(header: InputHeader): void {
    this.dataSet.endInput(header);
  }

  result(): Aggregate {
    return {
      ingest: this.dataSet.result(),
      records: (this.records ?? new Records()).seal(),
      classifiedBy: this.classifiedBy,
      unknownLabels: this.unknownLabels.list(),
      corrected: this.corrected,
    };
  }
}

/** Merges the partials of whole inputs, in input order (`headers`: one per input). */
export function merge(
  partials: readonly PartialAggregate[],
  headers: readonly InputHeader[],
): Aggregate {
  const merger = new AggregateMerge();
  let next = 0;
  for (const partial of partials) {
    while (next < partial.ingest.input) merger.endInput(headers[next++]!);
    merger.add(partial);
  }
  while (next < headers.length) merger.endInput(headers[next++]!);
  return merger.result();
}
