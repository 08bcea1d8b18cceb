/**
 * classify and classify --audit on the complaints the figures count (issue 12): the exports are
 * read as one data set through the metric pipeline — de-duplicated, the later copy of a work
 * order winning, and the period chosen as analyze and report choose it — so classify's count is
 * analyze's totals.complaints on the same inputs. Rows wait in a spool while the inputs are
 * read (the period may come from the data, and a later copy replaces an earlier one) and are
 * written, tallied or audited once all are read. What was left out is said, with how many.
 */
import { LatestCopies } from '../ingest/latest.js';
import type { WorkOrder } from '../ingest/types.js';
import { RowPlacement } from '../io/placement.js';
import { prepareRowWriter, type RowWriter } from '../io/rows.js';
import { Spool } from '../io/spool.js';
import type { Cell } from '../io/table.js';
import { contains, knownPeriod, type Period } from '../metrics/period.js';
import { runPipeline, type PipelineResult } from '../pipeline.js';
import { due, turn } from '../turn.js';
import { ADDED_COLUMNS, addedCells } from '../report/classification-cells.js';
import { CLASSIFY } from '../report/labels.js';
import { formatInt } from '../report/terminal.js';
import type { Settings } from '../settings/types.js';
import { CategoryTally } from '../taxonomy/categories.js';
import type { Classification, Classifier, Method } from '../taxonomy/classify.js';
import type { Labelled } from '../taxonomy/evaluate.js';
import type { TaxonomyNode } from '../taxonomy/load.js';

/** The complaints of the period, and the complaint rows read but not counted. */
export interface PeriodComplaints {
  result: PipelineResult;
  period: Period;
  /** Complaint rows read, every copy. */
  read: number;
  /** Earlier copies of work orders read again (the later copy counts). */
  duplicates: number;
  /** Latest copies accepted outside the period. */
  outside: number;
}

type Spooled<T> = [entry: number, sequence: number, day: number, value: T];

/**
 * Reads the inputs through the pipeline; `keep` makes the value to spool for each complaint row,
 * and `use` receives the values of the latest copies within the period, in reading order.
 */
export async function complaintsOfPeriod<T>(
  settings: Settings,
  keep: (order: WorkOrder, c: Classification) => T,
  use: (value: T, result: PipelineResult) => void | Promise<void>,
): Promise<PeriodComplaints> {
  const latest = new LatestCopies();
  const spool = new Spool();
  try {
    const result = await runPipeline(settings, (order, entry, c) => {
      const sequence = latest.see(entry);
      if (c) spool.append([entry, sequence, order.acceptedAt.dayIndex, keep(order, c)]);
    });
    const period = result.input.period;
    const counts = { result, period, read: spool.count, duplicates: 0, outside: 0 };
    let n = 0;
    for (const record of spool.read()) {
      // A million rows written or tallied: a signal is answered between batches (turn.ts).
      if (++n % 1024 === 0 && due()) await turn();
      const [entry, sequence, day, value] = record as Spooled<T>;
      if (!latest.isLatest(entry, sequence)) counts.duplicates++;
      else if (!contains(period, day)) counts.outside++;
      else await use(value, result);
    }
    return counts;
  } finally {
    spool.remove();
  }
}

/** One line saying what classify left out and why, or null when it left nothing out. */
export function leftOutLine(read: PeriodComplaints, settings: Settings): string | null {
  if (read.duplicates === 0 && read.outside === 0) return null;
  return CLASSIFY[settings.lang].leftOut(formatInt(read.read), read.duplicates, read.outside);
}

type ClassifiedRow = [
  method: Method,
  level1: string | null,
  level2: string | null,
  cells: Cell[] | null,
];

/** Rows between two waits for the zip to catch up. */
const FLUSH_EVERY = 500;

/**
 * Classifies the complaints of the period: the rows to --out (every original column, then the
 * six added ones), and the counts by class and by method.
 */
export async function classifyPeriod(settings: Settings): Promise<{
  read: PeriodComplaints;
  tally: CategoryTally;
  byMethod: Record<Method, number>;
  dropped: readonly string[];
  cutCells: number;
}> {
  const { lang, out } = settings;
  const open = out ? await prepareRowWriter(out, CLASSIFY[lang].sheet) : null;
  // A period asked for is known before reading: rows outside it are not placed, so the output
  // takes its columns from the first input with a complaint in the period.
  const asked = settings.period;
  const known = knownPeriod(asked);
  const wanted = (order: WorkOrder) =>
    open !== null && (known === null || contains(known, order.acceptedAt.dayIndex));
  // The output takes the first input's columns; later inputs are placed by field or header.
  const placement = new RowPlacement();
  const tally = new CategoryTally();
  // 'correction' only when a corrections file is given: the output keeps its shape otherwise.
  const byMethod = (
    settings.corrections
      ? { columns: 0, rules: 0, model: 0, correction: 0, unclassified: 0 }
      : { columns: 0, rules: 0, model: 0, unclassified: 0 }
  ) as Record<Method, number>;
  let nodes: Map<string, TaxonomyNode> | null = null;
  let writer: RowWriter | null = null;
  let written = 0;
  try {
    const read = await complaintsOfPeriod<ClassifiedRow>(
      settings,
      (order, c) => [
        c.method,
        c.level1?.code ?? null,
        c.level2?.code ?? null,
        wanted(order) ? placement.place(order, addedCells(c, lang)) : null,
      ],
      async ([method, level1, level2, cells], result) => {
        nodes ??= new Map(result.taxonomy.nodes.map((n) => [n.code, n]));
        byMethod[method]++;
        // The tally reads the first two levels only.
        tally.add({
          level1: nodeOf(nodes, level1),
          level2: nodeOf(nodes, level2),
          level3: null,
          method,
          confidence: 0,
          evidence: '',
        });
        if (!open || !cells) return;
        writer ??= open([...placement.columns!, ...ADDED_COLUMNS[lang]]);
        writer.write(cells);
        if (++written % FLUSH_EVERY === 0) await writer.flush();
      },
    );
    // With no complaint in the period, the file still gets its header.
    const finished =
      (writer as RowWriter | null) ??
      (open ? open([...(placement.columns ?? []), ...ADDED_COLUMNS[lang]]) : null);
    let cutCells = 0;
    if (finished) {
      await finished.close();
      cutCells = finished.cutCells();
    }
    return { read, tally, byMethod, dropped: [...placement.dropped], cutCells };
  } catch (error) {
    (writer as RowWriter | null)?.abort();
    throw error;
  }
}

function nodeOf(nodes: Map<string, TaxonomyNode>, code: string | null): TaxonomyNode | null {
  return code === null ? null : (nodes.get(code) ?? null);
}

/** A complaint with a recorded class and a text, as --audit compares them. */
export type AuditRow = Omit<Labelled, 'predicted'> & {
  id: string | null;
  unit: string;
  acceptedMs: number;
};

type SpooledLabel =
  | [
      row: number,
      input: number,
      id: string | null,
      unit: string,
      acceptedMs: number,
      text: string,
      level1: string,
      level2: string | null,
    ]
  | null;

/**
 * The complaints of the period with a recorded class (by the export's columns) and a text, for
 * --audit; `unlabelled` counts the others.
 */
export async function labelledOfPeriod(
  settings: Settings,
  classifier: Classifier,
): Promise<{ rows: AuditRow[]; unlabelled: number; read: PeriodComplaints }> {
  const rows: AuditRow[] = [];
  let unlabelled = 0;
  const nodes = new Map(classifier.taxonomy.nodes.map((n) => [n.code, n]));
  const read = await complaintsOfPeriod<SpooledLabel>(
    settings,
    (order) => {
      const recorded = classifier.byColumns(order);
      if (!recorded?.level1 || !order.content) return null;
      const { row, input, id, unit, acceptedAt, content } = order;
      return [
        row,
        input,
        id,
        unit,
        acceptedAt.ms,
        content,
        recorded.level1.code,
        recorded.level2?.code ?? null,
      ];
    },
    (value) => {
      if (value === null) {
        unlabelled++;
        return;
      }
      const [row, input, id, unit, acceptedMs, text, level1, level2] = value;
      rows.push({
        file: settings.inputs[input] ?? '',
        row,
        id,
        unit,
        acceptedMs,
        text,
        truth: { level1: nodes.get(level1)!, level2: nodeOf(nodes, level2) },
      });
    },
  );
  return { rows, unlabelled, read };
}
