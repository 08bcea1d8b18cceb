/**
 * The pipeline the metric commands share (DESIGN.md §3): read and normalise the inputs,
 * classify every complaint, keep the de-duplicated work orders in columns, build the cube,
 * choose the period, and compute the analysis. The report side (src/report/) turns the result
 * into the JSON result, the report model and its renderings.
 */
import { InputError, refuseRejects } from './errors.js';
import { ingest, type IngestResult, type WorkOrder } from './ingest/ingest.js';
import { readTargets } from './io/targets.js';
import { analyse, type Analysis, type AnalysisInput } from './metrics/analysis.js';
import { buildCube, complaintClasses, unclassifiedIndex } from './metrics/cube.js';
import { periodText, resolvePeriod, type Period } from './metrics/period.js';
import { Records } from './metrics/records.js';
import { Progress } from './report/progress.js';
import type { Field } from './schema/fields.js';
import { monthIndexToString, type LocalTime } from './schema/values.js';
import type { Settings } from './settings/types.js';
import { Classifier, type Classification } from './taxonomy/classify.js';
import { loadTaxonomy, type Taxonomy, type TaxonomyNode } from './taxonomy/load.js';
import { loadModel } from './taxonomy/model-file.js';

export interface PipelineResult {
  analysis: Analysis;
  /** What the analysis was computed from, for further views (trend --by). */
  input: AnalysisInput;
  ingest: IngestResult;
  taxonomy: Taxonomy;
  classifiedBy: Record<'columns' | 'rules' | 'model' | 'unclassified', number>;
}

const MAX_SECONDS = 0x7fffffff;

function secondsBetween(from: LocalTime, to: LocalTime | null): number | null {
  if (to === null) return null;
  const s = Math.round((to.ms - from.ms) / 1000);
  return Math.abs(s) > MAX_SECONDS ? null : s;
}

/** Called for every usable row: `classification` is null for work orders of other types. */
export type OrderObserver = (
  order: WorkOrder,
  entry: number,
  classification: Classification | null,
) => void;

/**
 * Reads `settings.inputs` as one data set and analyses it. The settings are trusted as
 * resolveSettings made them; the taxonomy, the model and the targets are read here, before the
 * exports: a broken targets file should fail before minutes of reading.
 */
export async function runPipeline(
  settings: Settings,
  observe?: OrderObserver,
): Promise<PipelineResult> {
  const { inputs, period: request } = settings;
  const taxonomy = loadTaxonomy(settings.taxonomy ?? undefined);
  const classifier = new Classifier(
    taxonomy,
    settings.model ? loadModel(settings.model, taxonomy) : null,
  );
  const targets = settings.targets ? await readTargets(settings.targets) : null;

  const classes = complaintClasses(taxonomy);
  const classIndex = new Map<TaxonomyNode, number>(taxonomy.nodes.map((n, i) => [n, i]));
  const unclassified = unclassifiedIndex(taxonomy);
  const records = new Records();
  const spans: [number, number][] = [];
  const classifiedBy = { columns: 0, rules: 0, model: 0, unclassified: 0 };
  const progress = Progress.wanted(process.stderr, settings.progress)
    ? new Progress(inputs, settings.lang !== 'en')
    : null;
  const read = ingest(inputs, settings.ingest, (order: WorkOrder, entry) => {
    progress?.row(order.input);
    const month = order.acceptedAt.monthIndex;
    const span = spans[order.input];
    if (!span) spans[order.input] = [month, month];
    else if (month < span[0]) span[0] = month;
    else if (month > span[1]) span[1] = month;
    if (!order.isComplaint) {
      observe?.(order, entry, null);
      records.add(
        { unit: order.unit, month, complaint: false, businessType: order.businessType ?? '' },
        entry,
      );
      return;
    }
    const c = classifier.classify(order);
    observe?.(order, entry, c);
    classifiedBy[c.method]++;
    const node = c.level3 ?? c.level2 ?? c.level1;
    records.add(
      {
        unit: order.unit,
        month,
        complaint: true,
        classIndex: node ? classIndex.get(node)! : unclassified,
        appealApproved: order.appeal === 'approved',
        unsubstantiated: order.substantiated === 'no',
        replySeconds: secondsBetween(order.acceptedAt, order.repliedAt),
        closeSeconds: secondsBetween(order.acceptedAt, order.closedAt),
        satisfaction: order.satisfaction,
        customerId: order.customerId,
        phone: order.phone,
      },
      entry,
    );
  });
  let result: IngestResult;
  try {
    result = await read;
  } finally {
    progress?.done();
  }
  refuseRejects(settings.strict, result);

  const cube = buildCube(records, classes);
  const covered = new Set<number>();
  for (const span of spans) if (span) for (let m = span[0]; m <= span[1]; m++) covered.add(m);
  const complaintMonths = new Set<number>();
  const allMonths = new Set<number>();
  for (const cell of cube.cells) {
    allMonths.add(cell.month);
    if (cell.complaint) complaintMonths.add(cell.month);
  }
  const dataMonths = [...(complaintMonths.size > 0 ? complaintMonths : allMonths)].sort(
    (a, b) => a - b,
  );
  const period: Period | null = resolvePeriod(request, dataMonths);
  const inputsText = inputs.join(', ');
  if (allMonths.size === 0) {
    throw new InputError(
      'NO_DATA',
      `${inputsText}: no work orders to analyse.`,
      'Check the inputs with complaints inspect.',
    );
  }
  const sorted = [...allMonths].sort((a, b) => a - b);
  const range = `${monthIndexToString(sorted[0]!)} – ${monthIndexToString(sorted[sorted.length - 1]!)}`;
  if (!period || !sorted.some((m) => m >= period.from && m <= period.to)) {
    throw new InputError(
      'NO_DATA',
      `${inputsText}: no work order in ${period ? periodText(period) : 'the period asked for'}; the inputs hold ${range}.`,
      'Choose a period the exports cover (--month, --quarter, --year, --from/--to), or add the export for it.',
    );
  }
  const fields = new Set<Field>(result.inputs.flatMap((i) => i.columns.map((c) => c.field)));
  const input: AnalysisInput = {
    cube,
    records,
    taxonomy,
    period,
    request,
    covered,
    targets,
    fields,
    settings: settings.analysis,
  };
  return { analysis: analyse(input), input, ingest: result, taxonomy, classifiedBy };
}
