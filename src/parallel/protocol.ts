/**
 * What the main thread and the workers say to each other (structured clone: plain data only).
 * A task is one byte range of one CSV; the reply is its partial aggregates, the header summary
 * its TableIngest gives, and where it really ended (csv-range.ts).
 */
import { InputError, type Said } from '../errors.js';
import type { InputHeader } from '../ingest/summary.js';
import type { RecentComplaintsJob } from '../ingest/recent-complaints.js';
import type { DetailRangeJob } from '../report/detail-rows.js';
import type { IngestPartial } from '../ingest/partial.js';
import type { HeaderState } from '../ingest/table-ingest.js';
import type { IngestSettings } from '../ingest/types.js';
import type { PartialAggregate } from '../metrics/aggregate.js';
import type { OptionalDimension } from '../metrics/dimensions.js';
import type { CsvRange, RangeEnd } from './csv-range.js';
import type { CorrectionsData } from '../taxonomy/corrections.js';

/** What the metric commands count besides the ingest: classes, cells, complainants. */
export interface AggregateJob {
  /** As in Settings: a shipped taxonomy's name or a file; the model file. */
  taxonomy: string | null;
  /** As in Settings: false, no model; null, the taxonomy's shipped one. */
  model: string | false | null;
  dimensions: OptionalDimension[];
  /** The inputs as given, for the message of a missing --by column. */
  inputs: string[];
  /**
   * The hot words' texts are collected per range (HotWordTexts, with these days kept and the
   * taxonomy's text table) and returned with each partial; absent or null: not collected.
   */
  hotWords?: { within: { from: number; to: number } | null } | null;
  /**
   * The early warning's recent complaints are collected per range (RecentComplaints) and
   * returned with each partial; absent or null: not collected.
   */
  recent?: RecentComplaintsJob | null;
  /** The 明细 rows are spooled per range (report/detail-rows.ts); absent or null: not kept. */
  detail?: DetailRangeJob | null;
  /** The corrections file's rows (--corrections), checked on the main thread; absent: none. */
  corrections?: CorrectionsData | null;
}

export interface RangeTask {
  id: number;
  /** The input as named in messages ("stdin" never: standard input is read on one thread). */
  name: string;
  input: number;
  range: CsvRange;
  /** The header the main thread found (the first range skips the rows up to it). */
  header: HeaderState;
  settings: IngestSettings;
  reader: { format: 'csv'; encoding: string; delimiter: string | null; notes: string[] };
  /** null: the ingest alone (inspect). */
  aggregate: AggregateJob | null;
  /** The records keep complainants' texts: not for the data set's very first partial. */
  keepTexts: boolean;
}

export type RangePartial = IngestPartial | PartialAggregate;

export type RangeReply =
  | {
      id: number;
      ok: true;
      partials: RangePartial[];
      header: InputHeader;
      end: RangeEnd;
    }
  | {
      id: number;
      ok: false;
      message: string;
      /**
       * The temporary folder could not take a spool (full, unwritable): the user's error, said as
       * it was (reading the range again here would not meet it once the workers' spools are gone).
       */
      unwritable?: { said: Said; hint?: Said };
    };

/** What a worker says once it has loaded the reading code: it can take a task at once. */
export const READY = { ready: true } as const;

export function isReady(message: RangeReply | typeof READY): message is typeof READY {
  return 'ready' in message;
}

/** The failure of a range: a spool error kept whole, anything else as its message. */
export function failedRange(id: number, error: unknown): RangeReply {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (error instanceof InputError && error.code === 'OUTPUT_UNWRITABLE')
    return {
      id,
      ok: false,
      message,
      unwritable: { said: error.said, ...(error.saidHint ? { hint: error.saidHint } : {}) },
    };
  return { id, ok: false, message };
}
