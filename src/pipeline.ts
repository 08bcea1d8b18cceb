/**
 * The pipeline the metric commands share (DESIGN.md §3): read and normalise the inputs,
 * classify every complaint, keep the de-duplicated work orders in columns, build the cube,
 * choose the period, and compute the analysis. The report side (src/report/) turns the result
 * into the JSON result, the report model and its renderings.
 */
import { readAggregate, type OrderObserver } from './aggregate.js';
import { InputError, refuseRejects, refuseUnmatchedTargets } from './errors.js';
import { noComplaintsError } from './ingest/complaint-types.js';
import { DayComplaints } from './ingest/day-complaints.js';
import { formatOptionWarnings } from './ingest/format-options.js';
import type { IngestResult } from './ingest/ingest.js';
import { readTargets } from './io/targets.js';
import { analyse, type Analysis, type AnalysisInput } from './metrics/analysis.js';
import type { Aggregate } from './metrics/aggregate.js';
import { monthOfDay } from './metrics/calendar.js';
import { coveredMonths, daysCover, partialMonths, type InputSpan } from './metrics/coverage.js';
import { buildCube, complaintClasses } from './metrics/cube.js';
import { COMPLAINT } from './metrics/dimensions.js';
import { tallyOf } from './metrics/group.js';
import { inDays } from './metrics/sections/period.js';
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
  // A one-day period (日通报) lists its complaints: kept while reading, the day being known.
  const day =
    request.days && request.days.from !== null && request.days.from === request.days.to
      ? new DayComplaints(request.days.from, settings.analysis.excludeUnsubstantiated)
      : null;
  const observers = [observe, day?.observe].filter((o): o is OrderObserver => o !== undefined);
  let aggregate: Aggregate;
  try {
    aggregate = await readAggregate(inputs, settings.ingest, {
      classifier,
      progress,
      observe:
        observers.length < 2
          ? observers[0]
          : (order, entry, c) => observers.forEach((o) => o(order, entry, c)),
    });
  } finally {
    progress?.done();
  }
  const { ingest: result, classifiedBy } = aggregate;
  result.warnings.push(...formatOptionWarnings(settings.ingest, result.inputs));
  refuseRejects(settings.strict, result);
  const noComplaints = noComplaintsError(result, settings.ingest.complaintTypes);
  if (noComplaints) throw noComplaints;

  const input = analysisInput(aggregate, {
    inputs,
    request,
    settings: settings.analysis,
    taxonomy,
    targets,
  });
  if (day) input.dayComplaints = day.list();
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
  const complaintDays = new Set<number>();
  const monthOf = new Map<number, number>();
  for (let c = 0; c < cube.size; c++) {
    const day = cube.day[c]!;
    let month = monthOf.get(day);
    if (month === undefined) monthOf.set(day, (month = monthOfDay(day)));
    allMonths.add(month);
    if (cube.flags[c]! & COMPLAINT) {
      complaintMonths.add(month);
      complaintDays.add(day);
    }
  }
  const dataMonths = [...(complaintMonths.size > 0 ? complaintMonths : allMonths)].sort(
    (a, b) => a - b,
  );
  const dataDays = [...(complaintDays.size > 0 ? complaintDays : monthOf.keys())].sort(
    (a, b) => a - b,
  );
  const period: Period | null = resolvePeriod(request, dataMonths, dataDays);
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
  // A day or a week the exports cover may hold no work order (a quiet Sunday): it is reported
  // as 0; one they do not cover at all is refused like an empty month.
  const empty = (p: Period) =>
    inDays(p)
      ? daysCover(spans, p.from, p.to).cover === 'none'
      : tallyOf(cube, p, context.settings).total.workOrders === 0;
  if (!period || empty(period)) {
    throw new InputError(
      'NO_DATA',
      `${inputsText}: no work order in ${period ? periodText(period) : 'the period asked for'}; the inputs hold ${range}.`,
      'Choose a period the exports cover (--month, --quarter, --year, --week, --day, --from/--to), or add the export for it.',
    );
  }
  const fields = new Set<Field>(result.inputs.flatMap((i) => i.columns.map((c) => c.field)));
  const { settings, targets } = context;
  const partial = partialMonths(spans, Math.min(...covered), Math.max(...covered));
  return {
    cube,
    records,
    taxonomy,
    period,
    request,
    covered,
    partial,
    targets,
    fields,
    settings,
    spans,
  };
}

/** The days each input covers, with its units (metrics/coverage.ts). */
function coverageSpans(result: IngestResult): InputSpan[] {
  return result.coverage.flatMap((days, i) =>
    days ? [{ from: days[0], to: days[1], units: Object.keys(result.inputs[i]!.units) }] : [],
  );
}
