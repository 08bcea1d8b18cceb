/**
 * The pipeline the metric commands share (DESIGN.md §3): read and normalise the inputs,
 * classify every complaint, keep the de-duplicated work orders in columns, build the cube,
 * choose the period, and compute the analysis. The report side (src/report/) turns the result
 * into the JSON result, the report model and its renderings.
 */
import { readAggregate, type OrderObserver } from './aggregate.js';
import { InputError, refuseRejects } from './errors.js';
import { formatOptionWarnings } from './ingest/format-options.js';
import type { IngestResult } from './ingest/ingest.js';
import { readTargets } from './io/targets.js';
import { analyse, type Analysis, type AnalysisInput } from './metrics/analysis.js';
import type { Aggregate } from './metrics/aggregate.js';
import { monthOfDay } from './metrics/calendar.js';
import { buildCube, complaintClasses } from './metrics/cube.js';
import { COMPLAINT } from './metrics/dimensions.js';
import { tallyOf } from './metrics/group.js';
import { periodText, resolvePeriod, type Period } from './metrics/period.js';
import { Progress } from './report/progress.js';
import type { Field } from './schema/fields.js';
import { monthIndexToString } from './schema/values.js';
import type { Settings } from './settings/types.js';
import { Classifier } from './taxonomy/classify.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy/load.js';
import { loadModel } from './taxonomy/model-file.js';

export interface PipelineResult {
  analysis: Analysis;
  /** What the analysis was computed from, for further views (trend --by). */
  input: AnalysisInput;
  ingest: IngestResult;
  taxonomy: Taxonomy;
  classifiedBy: Record<'columns' | 'rules' | 'model' | 'unclassified', number>;
}

export type { OrderObserver };

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

  const progress = Progress.wanted(process.stderr, settings.progress)
    ? new Progress(inputs, settings.lang !== 'en')
    : null;
  let aggregate: Aggregate;
  try {
    aggregate = await readAggregate(inputs, settings.ingest, {
      classifier,
      progress,
      observe,
    });
  } finally {
    progress?.done();
  }
  const { ingest: result, classifiedBy } = aggregate;
  result.warnings.push(...formatOptionWarnings(settings.ingest, result.inputs));
  refuseRejects(settings.strict, result);

  const input = analysisInput(aggregate, {
    inputs,
    request,
    settings: settings.analysis,
    taxonomy,
    targets,
  });
  return { analysis: analyse(input), input, ingest: result, taxonomy, classifiedBy };
}

/**
 * What the analysis is computed from: the cube of the data set, the months the inputs cover,
 * and the period, resolved against the months with data (an error when it holds no work order).
 */
export function analysisInput(
  aggregate: Aggregate,
  context: Pick<AnalysisInput, 'request' | 'settings' | 'taxonomy' | 'targets'> & {
    inputs: readonly string[];
  },
): AnalysisInput {
  const { request, taxonomy, inputs } = context;
  const { ingest: result, records } = aggregate;
  const cube = buildCube(records, complaintClasses(taxonomy));
  const covered = new Set<number>();
  for (const span of result.spans)
    if (span) for (let m = monthOfDay(span[0]); m <= monthOfDay(span[1]); m++) covered.add(m);
  const complaintMonths = new Set<number>();
  const allMonths = new Set<number>();
  const monthOf = new Map<number, number>();
  for (let c = 0; c < cube.size; c++) {
    const day = cube.day[c]!;
    let month = monthOf.get(day);
    if (month === undefined) monthOf.set(day, (month = monthOfDay(day)));
    allMonths.add(month);
    if (cube.flags[c]! & COMPLAINT) complaintMonths.add(month);
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
  if (!period || tallyOf(cube, period, context.settings).total.workOrders === 0) {
    throw new InputError(
      'NO_DATA',
      `${inputsText}: no work order in ${period ? periodText(period) : 'the period asked for'}; the inputs hold ${range}.`,
      'Choose a period the exports cover (--month, --quarter, --year, --from/--to), or add the export for it.',
    );
  }
  const fields = new Set<Field>(result.inputs.flatMap((i) => i.columns.map((c) => c.field)));
  const { settings, targets } = context;
  return { cube, records, taxonomy, period, request, covered, targets, fields, settings };
}
