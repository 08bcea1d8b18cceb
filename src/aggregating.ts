/**
 * The per-row half of the metric pipeline's reading: the sink that turns an input's rows into
 * partial aggregates — each usable row normalised, each complaint classified and counted with
 * its class index. Used on this thread (aggregate.ts) and by the workers that read a CSV's byte
 * ranges (src/parallel/); it imports no reader, so the workers' code has no import cycle.
 */
import type { HotWordTexts } from './ingest/hot-word-texts.js';
import type { RecentComplaints } from './ingest/recent-complaints.js';
import type { DetailCollector } from './report/detail-rows.js';
import type { InputsSink, WorkOrder } from './ingest/ingest.js';
import type { AggregateJob } from './parallel/protocol.js';
import type { PartialBuilder } from './ingest/partial.js';
import type { InputHeader } from './ingest/summary.js';
import { noneClassified, type ClassifiedBy, type PartialAggregate } from './metrics/aggregate.js';
import { unclassifiedIndex } from './metrics/cube.js';
import { UnknownLabels } from './taxonomy/unknown-labels.js';
import type { CodeBook } from './metrics/codes.js';
import {
  BREAKDOWN_FIELDS,
  columnHeader,
  columnIndex,
  dimensionReader,
  isColumnDimension,
  type OptionalDimension,
} from './metrics/dimensions.js';
import { InputError, said } from './errors.js';
import { closest } from './settings/suggest.js';
import { Records } from './metrics/records.js';
import type { Progress } from './report/progress.js';
import type { LocalTime } from './schema/values.js';
import type { Classification, Classifier } from './taxonomy/classify.js';
import { corrected, type Corrections } from './taxonomy/corrections.js';
import type { TaxonomyNode } from './taxonomy/load.js';

/** Called for every usable row: `classification` is null for work orders of other types. */
export type OrderObserver = (
  order: WorkOrder,
  entry: number,
  classification: Classification | null,
) => void;

export interface ReadOptions {
  classifier: Classifier;
  progress?: Progress | null;
  /** Sees every row with its entry in the data set (the merged one, not the partial's). */
  observe?: OrderObserver;
  /**
   * True when `observe` reads no order's `cells` (a range's collectors without the 明细 rows):
   * they are then not made, an array of every field's string per row. Absent: it may read them.
   */
  observeSkipsCells?: boolean;
  /**
   * True when `observe` reads no long text, customer number, phone or cells of a work order that
   * is not a complaint (a range's collectors: the hot words, the early warning, the 明细 rows).
   */
  observeSkipsOtherTypes?: boolean;
  /**
   * The hot words' texts: observes the rows read on this thread like `observe`, but does not
   * keep large CSVs off the workers — theirs come back per byte range (PartialAggregate
   * hotWords) and are merged in (aggregate.ts).
   */
  hotWords?: HotWordTexts | null;
  /** The early warning's recent complaints: collected like the hot words' texts. */
  recent?: RecentComplaints | null;
  /** The 明细 rows: collected like the hot words' texts (a range's spooled by its worker). */
  detail?: DetailCollector | null;
  /** An analyst's corrections (--corrections): they outrank the class found and the appeal. */
  corrections?: Corrections | null;
  /** Starts a new partial before a data row (tests of the merge). */
  splitBefore?: (input: number, row: number) => boolean;
  /** The optional dimensions to count by, chosen before reading (metrics/dimensions.ts). */
  dimensions?: readonly OptionalDimension[];
  /** Names for the codes of coded columns (--codes), applied to the dimensions' values. */
  codes?: CodeBook | null;
  /**
   * What a worker needs to classify and count as here (src/parallel/): without it, or with
   * codes or an observer, every input is read on this thread.
   */
  aggregate?: AggregateJob | null;
}

/** Whether `part` is `whole` with letters left out (URBANFLAG in URBANRURALFLAG). */
function inPart(part: string, whole: string): boolean {
  if (part.length < 3) return false;
  let at = 0;
  for (const c of whole) if (c === part[at]) at++;
  return at === part.length;
}

/**
 * A column dimension (--by HEADER) names a column every input must have: an input without it
 * would count all its rows under "(空)" and hide the typo.
 */
export function refuseMissingColumns(
  dimensions: readonly OptionalDimension[],
  file: string,
  headers: readonly string[],
): void {
  for (const dimension of dimensions) {
    if (!isColumnDimension(dimension)) continue;
    const header = columnHeader(dimension);
    if (columnIndex(headers, header) >= 0) continue;
    const shown = headers.filter((h) => h.trim() !== '');
    // A typo, or a header typed in part (URBAN_FLAG for URBAN_RURAL_FLAG).
    const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
    // A field's name typed wrong (unti) is no column either: say which field.
    const field = closest(header, [...BREAKDOWN_FIELDS]);
    const near =
      closest(header, shown) ?? shown.find((h) => inPart(squash(header), squash(h))) ?? null;
    throw new InputError(
      'MISSING_COLUMN',
      said(
        `${file}：--by ${header}：没有这一列${near ? `；是不是“${near}”？` : field ? `；是不是 --by ${field}？` : '。'}`,
        `${file}: --by ${header}: no such column${near ? `; did you mean "${near}"?` : field ? `; did you mean --by ${field}?` : ''}`,
      ),
      said(
        `它的列：${shown.join('、')}。--by 接受字段名（unit、level1、level2、level3、discipline、channel、urbanRural、customerType、station、month）或照原样写的列表头。`,
        `Its columns: ${shown.join(', ')}. --by takes a field (unit, level1, level2, level3, discipline, channel, urbanRural, customerType, station, month) or a column header as written.`,
      ),
      { file },
    );
  }
}

/** One observer for two (either may be absent). */
function both(a?: OrderObserver, b?: OrderObserver): OrderObserver | undefined {
  return a && b
    ? (order, entry, c) => {
        a(order, entry, c);
        b(order, entry, c);
      }
    : (a ?? b);
}

/** The largest duration the records' 32-bit columns hold (68 years). */
const MAX_SECONDS = 0x7fffffff;

function secondsBetween(from: LocalTime, to: LocalTime | null): number | null {
  if (to === null) return null;
  const s = Math.round((to.ms - from.ms) / 1000);
  // A reply dated 1900-01-01 (a database's empty date) is before the acceptance like any other,
  // and counted so (beforeAcceptance), not taken for a blank; one 68 years after is not a time.
  if (s < -MAX_SECONDS) return -1;
  return s > MAX_SECONDS ? null : s;
}

/** Seconds after midnight of a wall-clock time (its day is `dayIndex`). */
function secondOfDay(t: LocalTime): number {
  return Math.floor((t.ms - t.dayIndex * 86_400_000) / 1000);
}

export interface AggregateSink {
  add(partial: PartialAggregate): void;
  /** The same, letting the event loop turn between its steps (a worker's range: turn.ts). */
  addInTurns?(partial: PartialAggregate): Promise<void>;
  endInput(header: InputHeader): void;
  /** See DataSetMerge.lookahead; only when partials are merged as they are read. */
  lookahead?(partial: PartialBuilder): (local: number) => number;
}

/**
 * The sink that turns an input's rows into partial aggregates: each usable row normalised,
 * classified and counted into records (a worker builds one for its byte range: src/parallel/).
 * `counter.opened`: partials opened so far (the data set's very first keeps no complainants'
 * texts), shared with the partials read elsewhere.
 */
export function aggregating(
  inputs: readonly string[],
  options: ReadOptions,
  sink: AggregateSink,
  counter = { opened: 0 },
): InputsSink {
  const { classifier, progress } = options;
  const observe = both(
    both(options.observe, options.hotWords?.observe),
    both(options.recent?.observe, options.detail?.observe),
  );
  const dimensions = options.dimensions ?? [];
  const readDimensions = dimensionReader(dimensions, options.codes ?? null);
  const checkColumns = dimensions.some(isColumnDimension);
  const checked = new WeakSet<readonly string[]>();
  const taxonomy = classifier.taxonomy;
  const classIndex = new Map<TaxonomyNode, number>(taxonomy.nodes.map((n, i) => [n, i]));
  const unclassified = unclassifiedIndex(taxonomy);
  let records: Records | null = null;
  let classifiedBy: ClassifiedBy = noneClassified();
  let unknownLabels = new UnknownLabels();
  const corrections = options.corrections ?? null;
  // The work orders corrections name, as this partial last read them: a complaint or not, and
  // the day (the merge keeps the later copy's, as the counts do).
  let named = new Map<string, [complaint: boolean, day: number]>();
  let entryOf: (local: number) => number = (local) => local;
  const reader: InputsSink = {
    open: (partial) => {
      // The first partial is merged into nothing: it need not keep every complainant's text.
      records = new Records(dimensions, counter.opened++ > 0);
      classifiedBy = noneClassified();
      unknownLabels = new UnknownLabels();
      named = new Map();
      if (observe && sink.lookahead) entryOf = sink.lookahead(partial);
    },
    order: (order, entry) => {
      progress?.row(order.input);
      const day = order.acceptedAt.dayIndex;
      if (checkColumns && !checked.has(order.headers)) {
        refuseMissingColumns(dimensions, inputs[order.input] ?? '', order.headers);
        checked.add(order.headers);
      }
      const values = dimensions.length > 0 ? readDimensions(order) : undefined;
      const correction =
        corrections && order.id !== null ? corrections.byId.get(order.id) : undefined;
      if (correction) named.set(order.id!, [order.isComplaint, day]);
      if (!order.isComplaint) {
        observe?.(order, entryOf(entry), null);
        records!.add(
          {
            unit: order.unit,
            day,
            complaint: false,
            businessType: order.businessType ?? '',
            dimensions: values,
          },
          entry,
        );
        return;
      }
      const found = classifier.classify(order);
      const c = correction ? corrected(found, correction, corrections!.file) : found;
      observe?.(order, entryOf(entry), c);
      classifiedBy[c.method] = (classifiedBy[c.method] ?? 0) + 1;
      // A recorded class that did not decide (or decided only its first level): was it unknown?
      if (
        (order.level1 || order.level2) &&
        (found.method !== 'columns' || (order.level2 && !found.level2))
      )
        classifier.noteUnknown(order, unknownLabels);
      const node = c.level3 ?? c.level2 ?? c.level1;
      records!.add(
        {
          unit: order.unit,
          day,
          complaint: true,
          classIndex: node ? classIndex.get(node)! : unclassified,
          appealApproved: order.appeal === 'approved',
          unsubstantiated: order.substantiated === 'no',
          ruledAssessed: c.correction?.assessed ?? null,
          replySeconds: secondsBetween(order.acceptedAt, order.repliedAt),
          closeSeconds: secondsBetween(order.acceptedAt, order.closedAt),
          satisfaction: order.satisfaction,
          customerId: order.customerId,
          phone: order.phone,
          dimensions: values,
          acceptSecond: secondOfDay(order.acceptedAt),
        },
        entry,
      );
    },
    close: (ingest) =>
      sink.add({
        ingest,
        records: records!.toPartial(),
        classifiedBy,
        ...(unknownLabels.size > 0 ? { unknownLabels: unknownLabels.list() } : {}),
        ...(named.size > 0 ? { corrected: [...named].map(([id, [c, d]]) => [id, c, d]) } : {}),
      }),
    endInput: (header) => sink.endInput(header),
    // Only the 明细 rows, other observers (classify's rows, the duplicates) and column
    // dimensions (--by HEADER) read the cells; the hot words' texts and the early warning's
    // complaints do not.
    skipsCells:
      !checkColumns && !options.detail && (!options.observe || options.observeSkipsCells === true),
    // The collectors read only complaints' texts, customers and phones; another observer may
    // read any row's.
    skipsOtherTypesTexts: !options.observe || options.observeSkipsOtherTypes === true,
    // Column dimensions read every row's cells; the collectors (the 明细 rows among them) only
    // complaints'.
    skipsOtherTypesCells:
      !checkColumns && (!options.observe || options.observeSkipsOtherTypes === true),
  };
  return reader;
}
