/**
 * The inputs read as one data set: partial aggregates (partial.ts) merged in input order. A work
 * order found in an earlier partial is a duplicate; its last copy wins (the later export carries
 * the later appeal result), and it is "differing" when its first copy here differs from the last
 * one before. The result is what one pass over all the rows in order gives: the same entries,
 * counts and first-appearance orders.
 */
import { said, type Said } from '../errors.js';
import { atOnce } from '../turn.js';
import { DIFFERING, EntryColumn, IdIndex, NEW } from './dedup.js';
import type { IngestPartial, PartialBuilder, RowCounts } from './partial.js';
import { emptyCounts } from './partial.js';
import { addCounts, coverageDays, inputSummary, type InputHeader } from './summary.js';
import { formatLocal } from '../schema/values.js';
import {
  MAX_REJECT_DETAILS,
  type DataSetTotals,
  type IngestResult,
  type InputSummary,
  type Reject,
} from './types.js';

const DAY_MS = 86_400_000;
/** Ids whose slots addIds reads at a time (as OffsetRow.touchAhead does while reading). */
const TOUCH_AHEAD = 64;

/** Per local entry of a partial, its entry in the data set; null when they are the same. */
export type EntryMap = Int32Array | null;

/**
 * How to change the order the inputs are read in: the command line and the config file's "inputs"
 * keep the order listed (settings/inputs.ts resolveInputs); within a folder or a glob only a new
 * name moves an export.
 */
const ORDER_HINT = {
  zh: '（命令行和配置文件的 "inputs" 按列出的顺序读取，同一文件只在第一次列出处读取；同一文件夹或通配模式中的文件按文件名顺序读取，须改名，或不用文件夹、通配模式而把文件逐个列出，使较新的导出排在后面）',
  en: '(the command line and the config file\'s "inputs" are read in the order listed, each file where it is first listed; the files of one folder or pattern in name order: rename them, or list the files one by one instead of their folder or pattern, so that the newer export comes last)',
};

/** Folds partials, in input order, into the data set. Merging takes over a partial's arrays. */
export class DataSetMerge {
  private index: IdIndex | null = null;
  private typeOf = new EntryColumn();
  private readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  private readonly typeRows: number[] = [];
  private readonly complaintTypeIds = new Set<number>();
  private readonly counts: RowCounts[] = [];
  private readonly summaries: InputSummary[] = [];
  private readonly spans: ([number, number] | null)[] = [];
  private readonly coverage: ([number, number] | null)[] = [];
  private readonly coverageGaps: [number, number][][] = [];
  /** Each input's export day as its title rows state it (导出时间), if they do. */
  private readonly exported: (number | null)[] = [];
  private readonly warnings: Said[] = [];
  private readonly readOrder: Said[] = [];
  private readonly rejects: Reject[] = [];
  private rejected = 0;
  private duplicates = 0;
  private duplicatesDiffering = 0;
  private withoutId = 0;
  /** What addIds's look-ahead read (kept so that the reads are not dropped). */
  private touchSink = 0;

  /** Distinct work orders merged so far: entries run from 0 to size - 1. */
  get size(): number {
    return this.index?.size ?? 0;
  }

  /** Adds a partial (of the input being read, or of a later one); returns its entries here. */
  add(partial: IngestPartial): EntryMap {
    return atOnce(this.adding(partial));
  }

  /** The same in steps of 65,536 ids, to be run in turns (turn.ts). */
  *adding(partial: IngestPartial): Generator<void, EntryMap> {
    const counts = (this.counts[partial.input] ??= emptyCounts());
    const typeMap = partial.types.map((type, local) => {
      let id = this.typeIds.get(type);
      if (id === undefined) {
        id = this.types.length;
        this.types.push(type);
        this.typeIds.set(type, id);
        this.typeRows.push(0);
        if (partial.complaintTypeIds.includes(local)) this.complaintTypeIds.add(id);
      }
      this.typeRows[id]! += partial.typeRows[local]!;
      return id;
    });
    let entries: EntryMap = null;
    if (this.index === null) {
      // The first partial: its ids and types are the data set's as they are (its types were
      // the first), taken over without a copy.
      this.index = IdIndex.adopt(partial.ids);
      this.typeOf = new EntryColumn(partial.typeOf);
    } else {
      entries = yield* this.addIds(partial, typeMap, counts);
    }
    addCounts(counts, partial.counts);
    this.duplicates += partial.counts.duplicates;
    this.duplicatesDiffering += partial.counts.duplicatesDiffering;
    this.withoutId += partial.withoutId;
    this.rejected += partial.counts.rejected;
    for (const reject of partial.rejects)
      if (this.rejects.length < MAX_REJECT_DETAILS) this.rejects.push(reject);
    return entries;
  }

  private *addIds(
    partial: IngestPartial,
    typeMap: number[],
    counts: RowCounts,
  ): Generator<void, Int32Array> {
    const index = this.index!;
    const { ids, typeOf } = partial;
    const first = new Map<number, number>();
    partial.firstDigests.entries.forEach((e, i) => first.set(e, partial.firstDigests.digests[i]!));
    const entries = new Int32Array(ids.size);
    const ahead = new Int32Array(TOUCH_AHEAD);
    for (let e = 0; e < ids.size; e++) {
      // The slots of the next ids are read first, in a loop of nothing else, so that their
      // cache misses overlap (the index of a million ids is 8 MiB, probed at random: a miss an
      // id was most of the merge's time on its ids).
      if (e % TOUCH_AHEAD === 0) {
        if ((e & 0xffff) === 0 && e > 0) yield;
        const n = Math.min(TOUCH_AHEAD, ids.size - e);
        for (let k = 0; k < n; k++) ahead[k] = index.slotOfHash(ids.hi[e + k]!, ids.lo[e + k]!);
        this.touchSink |= index.touch(ahead, n);
      }
      const last = ids.digests[e]!;
      const entry = index.addHash(ids.hi[e]!, ids.lo[e]!, first.get(e) ?? last);
      entries[e] = entry;
      if (index.occurrence !== NEW) {
        // A copy of a work order of an earlier partial: that copy's count is taken back.
        this.duplicates++;
        counts.duplicates++;
        if (index.occurrence === DIFFERING) {
          this.duplicatesDiffering++;
          counts.duplicatesDiffering++;
        }
        this.typeRows[this.typeOf.get(entry) - 1]!--;
      }
      // The index keeps an entry's last copy's digest, a new one's too (a later partial's copy
      // is compared with it).
      if (first.has(e)) index.setDigest(entry, last);
      this.typeOf.set(entry, typeMap[typeOf[e]! - 1]! + 1);
    }
    return entries;
  }

  /**
   * Completes an input once all its partials are added: its summary, its warnings, and the
   * checks on the whole input (which throw, before the next input is read).
   */
  endInput(header: InputHeader): void {
    const counts = this.counts[header.input] ?? emptyCounts();
    this.summaries[header.input] = inputSummary(header, counts);
    const { firstMs, lastMs } = counts;
    this.spans[header.input] =
      firstMs === null || lastMs === null
        ? null
        : [Math.floor(firstMs / DAY_MS), Math.floor(lastMs / DAY_MS)];
    const covered = coverageDays(header, counts);
    this.coverage[header.input] = covered && [covered.from, covered.to];
    this.coverageGaps[header.input] = covered?.gaps ?? [];
    if (covered?.strays) this.warnings.push(...strayWarnings(header, counts, covered.strays));
    this.exported[header.input] = header.title?.exportedAt ?? null;
    this.checkReadOrder(header, counts);
    if (header.columns.every((c) => c.field !== 'id')) {
      this.warnings.push(
        said(
          `${header.file}：没有工单编号列，其中的行不作去重。`,
          `${header.file}: no 工单编号 (id) column: its rows are not de-duplicated.`,
        ),
      );
    }
    if (header.columns.every((c) => c.field !== 'businessType')) {
      this.warnings.push(
        said(
          `${header.file}：没有业务类型列，每一行都作为投诉计。`,
          `${header.file}: no 业务类型 (businessType) column: every row is taken as a complaint.`,
        ),
      );
    }
  }

  /**
   * The later copy of a work order wins, so an input whose copies replaced differing ones had
   * better be the newer export. A folder is read in name order, where 95598-2016-10-11.csv (a
   * re-export of October with November) comes before 95598-2016-10.xlsx: the stale October
   * copies then won, silently. Said when an input read before this one was exported later (as
   * the title rows state), or, without export dates, when its data reaches later and overlaps.
   */
  private checkReadOrder(header: InputHeader, counts: RowCounts): void {
    const input = header.input;
    const span = this.spans[input];
    if (counts.duplicatesDiffering === 0 || !span) return;
    const exported = this.exported[input];
    let newer: { input: number; byExport: boolean } | null = null;
    for (let j = 0; j < input; j++) {
      const other = this.spans[j];
      const otherExported = this.exported[j];
      if (exported != null && otherExported != null) {
        if (otherExported > exported) newer = { input: j, byExport: true };
      } else if (other && other[1] > span[1] && other[0] <= span[1]) {
        if (!newer || other[1] > this.spans[newer.input]![1]) newer = { input: j, byExport: false };
      }
    }
    if (!newer) return;
    const day = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
    const later = this.summaries[newer.input]!.file;
    const n = counts.duplicatesDiffering;
    const [mine, theirs] = newer.byExport
      ? [day(exported!), day(this.exported[newer.input]!)]
      : [day(span[1]), day(this.spans[newer.input]![1])];
    const warning = newer.byExport
      ? said(
          `${header.file}：在 ${later} 之后读取，${n} 张内容不同的重复工单以它为准；但它导出于 ${mine}，早于 ${later}（${theirs}）。请把较新的导出放在后面读取${ORDER_HINT.zh}，再运行一次。`,
          `${header.file}: read after ${later}, so its copies of ${n} differing repeated work orders count; but it was exported on ${mine}, before ${later} (${theirs}). Have the newer export read last ${ORDER_HINT.en} and run again.`,
        )
      : said(
          `${header.file}：在 ${later} 之后读取，${n} 张内容不同的重复工单以它为准；但它的数据只到 ${mine}，${later} 的到 ${theirs}，后者可能是较新的导出。若是，请让它在后面读取${ORDER_HINT.zh}，再运行一次。`,
          `${header.file}: read after ${later}, so its copies of ${n} differing repeated work orders count; but its data ends on ${mine} and that of ${later} on ${theirs}, which may be the newer export. If so, have it read last ${ORDER_HINT.en} and run again.`,
        );
    this.warnings.push(warning);
    this.readOrder.push(warning);
  }

  /**
   * The entries a partial being read will have once merged after those merged so far, for
   * row-level consumers that need them while reading (明细 keeps each work order's last copy).
   */
  lookahead(partial: PartialBuilder): (local: number) => number {
    const merged = this.index;
    let next = this.size;
    let map = new Int32Array(1 << 12);
    let known = 0;
    return (local) => {
      if (local < 0) return -1;
      // Local entries are numbered in order of first appearance: a new one is the next number.
      if (local === known) {
        if (known === map.length) {
          const bigger = new Int32Array(map.length * 2);
          bigger.set(map);
          map = bigger;
        }
        const found = merged?.find(partial.index.hashHi(local), partial.index.hashLo(local)) ?? -1;
        map[known++] = found >= 0 ? found : next++;
      }
      return map[local]!;
    };
  }

  result(): IngestResult {
    const totals = this.totals();
    return {
      inputs: this.summaries,
      totals,
      rejects: this.rejects,
      rejectsOmitted: totals.rejected - this.rejects.length,
      warnings: this.warnings,
      readOrder: this.readOrder,
      spans: this.spans,
      coverage: this.coverage,
      coverageGaps: this.coverageGaps,
    };
  }

  private totals(): DataSetTotals {
    let workOrders = 0;
    let complaints = 0;
    const excludedByType: Record<string, number> = {};
    this.types.forEach((type, id) => {
      const n = this.typeRows[id]!;
      workOrders += n;
      if (this.complaintTypeIds.has(id)) complaints += n;
      else if (n > 0) excludedByType[type] = n;
    });
    return {
      workOrders,
      complaints,
      duplicates: this.duplicates,
      duplicatesDiffering: this.duplicatesDiffering,
      rejected: this.rejected,
      excludedByType,
      withoutId: this.withoutId,
      complaintLike: this.complaintLike(),
      hasBusinessType: this.summaries.some((i) =>
        i.columns.some((c) => c.field === 'businessType'),
      ),
    };
  }

  private complaintLike(): Record<string, number> {
    const like: Record<string, number> = {};
    for (const counts of this.counts)
      for (const [type, n] of Object.entries(counts?.complaintLike ?? {}))
        like[type] = (like[type] ?? 0) + n;
    return like;
  }
}

/**
 * The stray rows of an input (ingest/coverage.ts withoutStrays), by the earliest or latest one:
 * counted in its month, it does not make the months between it and the rest covered.
 */
function strayWarnings(
  header: InputHeader,
  counts: RowCounts,
  strays: { before: boolean; after: boolean },
): Said[] {
  const line = header.sheet === null ? 'line' : 'row';
  const one = (row: number | undefined, ms: number | null): Said[] => {
    if (row === undefined || ms === null) return [];
    const day = formatLocal(ms).slice(0, 10);
    return [
      said(
        `${header.file}：第 ${row} 行受理时间 ${day}，与其余工单相隔三个月以上：计入其所在月份，但其间各月不算导出文件覆盖的时段（不按 0 计）。请核对这一行的日期。`,
        `${header.file}: ${line} ${row}, accepted ${day}, is over three months apart from the other work orders: counted in its month, but the months between are not taken as covered (not as 0). Check its date.`,
      ),
    ];
  };
  return [
    ...(strays.before ? one(counts.firstRow, counts.firstMs) : []),
    ...(strays.after ? one(counts.lastRow, counts.lastMs) : []),
  ];
}
