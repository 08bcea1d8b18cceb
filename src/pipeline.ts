/**
 * The pipeline the metric commands share (DESIGN.md §3): read and normalise the inputs,
 * classify every complaint, keep the de-duplicated work orders in columns, build the cube,
 * choose the period, and compute the analysis. The report side (src/report/) turns the result
 * into the JSON result, the report model and its renderings.
 */
import { readAggregate, type OrderObserver } from './aggregate.js';
import { InputError, refuseRejects, refuseUnmatchedTargets } from './errors.js';
import { noComplaintsError } from './ingest/complaint-types.js';
import { formatOptionWarnings } from './ingest/format-options.js';
import type { IngestResult } from './ingest/ingest.js';
import { readTargets } from './io/targets.js';
import { analyse, type Analysis, type AnalysisInput } from './metrics/analysis.js';
import type { Aggregate } from './metrics/aggregate.js';
import { monthOfDay } from './metrics/calendar.js';
import { coveredMonths, partialMonths, type InputSpan } from './metrics/coverage.js';
import { buildCube, complaintClasses } from './metrics/cube.js';
import {
  breakdownDimension,
  COMPLAINT,
  cubeDimensions,
  isFieldDimension,
} from './metrics/dimensions.js';
import { FIELD_SPECS } from './schema/fields.js';
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
  const targets = settings.targets
    ? await readTargets(settings.targets, settings.ingest.map)
    : null;

  const progress = Progress.wanted(process.stderr, settings.progress)
    ? new Progress(inputs, settings.lang !== 'en')
    : null;
  let aggregate: Aggregate;
  try {
    aggregate = await readAggregate(inputs, settings.ingest, {
      classifier,
      progress,
      observe,
      // Chosen before reading: the cube carries only the dimensions --by asks for.
      dimensions: cubeDimensions(settings.by),
    });
  } finally {
    progress?.done();
  }
  const { ingest: result, classifiedBy } = aggregate;
  result.warnings.push(...formatOptionWarnings(settings.ingest, result.inputs));
  refuseRejects(settings.strict, result);
  const noComplaints = noComplaintsError(result, settings.ingest.complaintTypes);
  if (noComplaints) throw noComplaints;
  refuseFieldsMissing(settings.by, result);

  const input = analysisInput(aggregate, {
    inputs,
    request,
    settings: settings.analysis,
    taxonomy,
    targets,
  });
  input.by = settings.by;
  const analysis = analyse(input);
  refuseUnmatchedTargets(settings.strict, analysis.targets);
  return { analysis, input, ingest: result, taxonomy, classifiedBy };
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
  const spans = coverageSpans(result);
  const covered = coveredMonths(spans);
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
  const partial = partialMonths(spans, Math.min(...covered), Math.max(...covered));
  return { cube, records, taxonomy, period, request, covered, partial, targets, fields, settings };
}

/** The days each input covers, with its units (metrics/coverage.ts). */
function coverageSpans(result: IngestResult): InputSpan[] {
  return result.coverage.flatMap((days, i) =>
    days ? [{ from: days[0], to: days[1], units: Object.keys(result.inputs[i]!.units) }] : [],
  );
}

/**
 * --by a field (channel, urbanRural …) that no input has a column for would be one "(空)" group:
 * refused, saying which headers are recognised and how to map another.
 */
function refuseFieldsMissing(by: readonly (readonly string[])[], result: IngestResult): void {
  const found = new Set(result.inputs.flatMap((i) => i.columns.map((c) => c.field)));
  for (const name of by.flat()) {
    const dimension = breakdownDimension(name);
    if (!isFieldDimension(dimension) || found.has(dimension)) continue;
    const spec = FIELD_SPECS[dimension];
    throw new InputError(
      'MISSING_COLUMN',
      `--by ${name}: no input has a ${spec.zh} column (${spec.aliases.join(', ')}).`,
      `Name the column: --map ${dimension}=HEADER, or --by HEADER as written in the export.`,
    );
  }
}
