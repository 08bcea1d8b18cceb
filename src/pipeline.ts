/**
 * The pipeline the metric commands share (DESIGN.md §3): read and normalise the inputs,
 * classify every complaint, keep the de-duplicated work orders in columns, build the cube,
 * choose the period, and compute the analysis. The report side (src/report/) turns the result
 * into the JSON result, the report model and its renderings.
 */
import { unknownLabelsWarning } from './taxonomy/unknown-labels.js';
import { sameFileText } from './settings/inputs.js';
import { readAggregate, type OrderObserver } from './aggregate.js';
import { InputError, refuseRejects, refuseUnmatchedTargets, said } from './errors.js';
import { noComplaintsError } from './ingest/complaint-types.js';
import { DayComplaints } from './ingest/day-complaints.js';
import { formatOptionWarnings } from './ingest/format-options.js';
import { inputNotesToSay } from './ingest/input-notes.js';
import type { IngestResult } from './ingest/ingest.js';
import { readCodes } from './io/codes.js';
import { takeSmallFileNotes } from './io/first-table.js';
import { readTargets } from './io/targets.js';
import { readUnits } from './io/units.js';
import { namedUnit, type ValueNaming } from './ingest/naming.js';
import { namedTargets, unitNotes as namingNotes } from './metrics/hierarchy.js';
import type { Targets } from './metrics/targets.js';
import { print } from './report/print.js';
import { analysisSteps, type Analysis, type AnalysisInput } from './metrics/analysis.js';
import { inTurns, turn } from './turn.js';
import type { Aggregate } from './metrics/aggregate.js';
import { dayToString, monthOfDay } from './metrics/calendar.js';
import { coveredMonths, daysCover, partialMonths, type InputSpan } from './metrics/coverage.js';
import { buildCube, complaintClasses } from './metrics/cube.js';
import {
  breakdownDimension,
  COMPLAINT,
  cubeDimensions,
  isFieldDimension,
} from './metrics/dimensions.js';
import { FIELD_SPECS } from './schema/fields.js';
import { tallyOf } from './metrics/group.js';
import { inDays } from './metrics/sections/period.js';
import { periodText, resolvePeriod, type Period } from './metrics/period.js';
import { Progress } from './report/progress.js';
import type { Field } from './schema/fields.js';
import { monthIndexToString } from './schema/values.js';
import type { Settings } from './settings/types.js';
import type { DetailCollector } from './report/detail-rows.js';
import { HotWordsRun, type HotWords } from './ingest/hot-words-run.js';
import type { EarlyWarning } from './metrics/warn/warnings.js';
import { Classifier } from './taxonomy/classify.js';
import { loadTaxonomy, type Taxonomy } from './taxonomy/load.js';
import { modelFor } from './taxonomy/shipped-model.js';
import { parseCorrections, type CorrectionsData } from './taxonomy/corrections.js';
import { readCorrections } from './io/corrections.js';
import {
  correctionNotes,
  summariseCorrections,
  type CorrectionsSummary,
} from './metrics/corrections.js';
import { contains } from './metrics/period.js';

export interface PipelineResult {
  analysis: Analysis;
  /** What the analysis was computed from, for further views (trend --by). */
  input: AnalysisInput;
  ingest: IngestResult;
  taxonomy: Taxonomy;
  classifiedBy: Record<'columns' | 'rules' | 'model' | 'unclassified', number>;
  /** The early warning, when the settings ask for one (report, warn); null: no month to judge. */
  earlyWarning?: EarlyWarning | null;
  /** The hot words of the complaint texts, when the settings ask (analyze, report). */
  hotWords?: HotWords;
  /** What the corrections file applied (--corrections); absent without one. */
  corrections?: CorrectionsSummary;
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
  /** The 明细 rows (report --detail): collected per byte range when workers read. */
  detail: DetailCollector | null = null,
  /** Called once the inputs are read and the period known, before the analysis. */
  read?: (input: AnalysisInput) => void,
): Promise<PipelineResult> {
  const { inputs, period: request } = settings;
  const taxonomy = loadTaxonomy(settings.taxonomy ?? undefined);
  // The user's model is read now (a broken file fails early); the shipped one when first needed.
  const classifier = new Classifier(taxonomy, modelFor(settings.model, taxonomy));
  // Read and checked before the exports: a class not in the taxonomy fails before minutes of reading.
  const correctionRows: CorrectionsData | null = settings.corrections
    ? await readCorrections(settings.corrections)
    : null;
  const corrections = correctionRows && parseCorrections(correctionRows, classifier);
  const naming = await readNaming(settings);
  const targets = await readNamedTargets(settings, naming);
  // The early warning's modules (metrics/warn) are loaded only by the runs that judge one.
  const early = settings.earlyWarning
    ? await (await import('./ingest/early-warning.js')).EarlyWarningRun.start(settings)
    : null;
  const hot = settings.hotWords
    ? new HotWordsRun(
        settings.hotWords,
        request,
        (u) => (naming ? namedUnit(naming, u, null) : u),
        taxonomy.text,
      )
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
    aggregate = await readAggregate(
      inputs,
      { ...settings.ingest, naming },
      {
        classifier,
        corrections,
        progress,
        hotWords: hot?.texts ?? null,
        recent: early?.recent ?? null,
        detail,
        observe:
          observers.length < 2
            ? observers[0]
            : (order, entry, c) => observers.forEach((o) => o(order, entry, c)),
        // Chosen before reading: the cube carries only the dimensions --by asks for; a column
        // dimension's codes are named through the code table (fields are named as read).
        dimensions: cubeDimensions(settings.by),
        codes: naming?.codes ?? null,
        // Workers read large CSVs (src/parallel/) when they can count as this thread does:
        // not with --units or --codes (their tables are read here), nor with an observer (the
        // hot words' texts, the early warning's complaints and the 明细 rows are no observer
        // here: the workers collect them per range).
        aggregate: naming
          ? null
          : {
              taxonomy: settings.taxonomy,
              model: settings.model,
              dimensions: [...cubeDimensions(settings.by)],
              inputs: [...inputs],
              corrections: correctionRows,
            },
      },
    );
  } finally {
    progress?.done();
  }
  const { ingest: result, classifiedBy } = aggregate;
  await turn();
  hot?.startWorker(settings.ingest.threads ?? 1);
  if (!settings.quiet)
    for (const note of [
      ...takeSmallFileNotes().map((n) => n[settings.lang]),
      ...inputNotesToSay(result.inputs, settings.lang),
    ])
      print(process.stderr, `${note}\n`);
  result.warnings.push(...formatOptionWarnings(settings.ingest, result.inputs));
  // An input read once as the same file as another: in the JSON's warnings (said on stderr).
  result.warnings.push(
    ...(settings.sameInputs ?? []).map((s) => said(sameFileText(s, 'zh'), sameFileText(s, 'en'))),
  );
  const unknownSaid = unknownLabelsWarning(
    aggregate.unknownLabels,
    taxonomy.name,
    said('这些行按受理内容分类', 'those rows were classified from their text'),
  );
  if (unknownSaid) result.warnings.push(unknownSaid);
  refuseRejects(settings.strict, result);
  const noComplaints = noComplaintsError(result, settings.ingest.complaintTypes);
  if (noComplaints) throw noComplaints;
  refuseFieldsMissing(settings.by, result);

  const unitNotes = naming?.units
    ? namingNotes(naming.units, naming.rollup, writtenUnits(result))
    : [];
  if (!settings.quiet)
    for (const n of unitNotes)
      print(process.stderr, `warning: ${settings.lang === 'en' ? n.message : n.zh}\n`);
  const input = analysisInput(aggregate, {
    inputs,
    request,
    settings: settings.analysis,
    taxonomy,
    targets,
    naming,
    unitNotes,
    periodFromConfig: settings.periodFromConfig,
  });
  await turn();
  read?.(input);
  if (day) input.dayComplaints = day.list();
  input.by = settings.by;
  const correctionsSummary =
    corrections &&
    summariseCorrections(corrections, aggregate.corrected, (d) => contains(input.period, d));
  if (correctionsSummary) input.correctionNotes = correctionNotes(correctionsSummary);
  // The hot words are counted on a worker, when there is one, while this thread analyses.
  hot?.begin(input);
  // In turns: a signal ends the run within a fraction of a second (turn.ts).
  const analysis = await inTurns(analysisSteps(input));
  refuseUnmatchedTargets(settings.strict, analysis.targets);
  await turn();
  const earlyWarning = early ? await inTurns(early.judging(input, result.inputs)) : undefined;
  await turn();
  return {
    analysis,
    input,
    ingest: result,
    taxonomy,
    classifiedBy,
    ...(correctionsSummary ? { corrections: correctionsSummary } : {}),
    ...(early ? { earlyWarning } : {}),
    ...(hot ? { hotWords: await hot.compute(input) } : {}),
  };
}

/**
 * What the analysis is computed from: the cube of the data set, the months the inputs cover,
 * and the period, resolved against the months with data (an error when it holds no work order).
 */
export function analysisInput(
  aggregate: Aggregate,
  context: Pick<AnalysisInput, 'request' | 'settings' | 'taxonomy' | 'targets' | 'unitNotes'> & {
    inputs: readonly string[];
    naming?: ValueNaming | null;
    /** The config file whose "period" chose the period: the advice then names it. */
    periodFromConfig?: string | null;
  },
): AnalysisInput {
  const { request, taxonomy, inputs } = context;
  const { ingest: result, records } = aggregate;
  const cube = buildCube(records, complaintClasses(taxonomy));
  const spans = coverageSpans(result, context.naming ?? null);
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
      said(`${inputsText}：没有可分析的工单。`, `${inputsText}: no work orders to analyse.`),
      said('请用 complaints inspect 检查输入文件。', 'Check the inputs with complaints inspect.'),
    );
  }
  const sorted = [...allMonths].sort((a, b) => a - b);
  // A period asked in days is answered in days: the data's first and last day.
  const days = request.days ? [...monthOf.keys()].sort((a, b) => a - b) : null;
  const range = days
    ? `${dayToString(days[0]!)} – ${dayToString(days[days.length - 1]!)}`
    : `${monthIndexToString(sorted[0]!)} – ${monthIndexToString(sorted[sorted.length - 1]!)}`;
  // A day or a week the exports cover may hold no work order (a quiet Sunday): it is reported
  // as 0; one they do not cover at all is refused like an empty month.
  const empty = (p: Period) =>
    inDays(p)
      ? daysCover(spans, p.from, p.to).cover === 'none'
      : tallyOf(cube, p, context.settings).total.workOrders === 0;
  if (!period || empty(period)) {
    throw new InputError(
      'NO_DATA',
      said(
        `${inputsText}：${period ? `时段 ${periodText(period)} ` : '所要求的时段'}没有工单；输入文件的时间范围是 ${range}。`,
        `${inputsText}: no work order in ${period ? periodText(period) : 'the period asked for'}; the inputs hold ${range}.`,
      ),
      context.periodFromConfig
        ? said(
            `请把 ${context.periodFromConfig} 里的 "period" 改为导出文件覆盖的时段，或补上那个时段的导出文件。`,
            `Change "period" in ${context.periodFromConfig} to one the exports cover, or add the export for it.`,
          )
        : said(
            '请选择导出文件覆盖的时段（--month、--quarter、--year、--week、--day、--from/--to），或补上那个时段的导出文件。',
            'Choose a period the exports cover (--month, --quarter, --year, --week, --day, --from/--to), or add the export for it.',
          ),
    );
  }
  const fields = new Set<Field>(result.inputs.flatMap((i) => i.columns.map((c) => c.field)));
  const { settings, targets } = context;
  const partial = partialMonths(spans, Math.min(...covered), Math.max(...covered));
  const unitNotes = context.unitNotes ?? [];
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
    ...(unitNotes.length > 0 ? { unitNotes } : {}),
    ...(context.naming?.units ? { unitsFile: new Set(context.naming.units.units.keys()) } : {}),
  };
}

/**
 * The days each input covers, with its units as counted (metrics/coverage.ts): an input with a
 * hole inside (a month left out of the export) is two spans, as if exported in two files.
 */
function coverageSpans(result: IngestResult, naming: ValueNaming | null): InputSpan[] {
  return result.coverage.flatMap((days, i) => {
    if (!days) return [];
    const written = Object.keys(result.inputs[i]!.units);
    const units = naming
      ? [...new Set(written.map((u) => namedUnit(naming, u, unitHeader(result, i))))]
      : written;
    const pieces: InputSpan[] = [];
    let from = days[0];
    for (const [a, b] of result.coverageGaps?.[i] ?? []) {
      if (a > from) pieces.push({ from, to: a - 1, units });
      from = b + 1;
    }
    if (from <= days[1]) pieces.push({ from, to: days[1], units });
    return pieces;
  });
}

/** The header of an input's unit column, as found. */
function unitHeader(result: IngestResult, input: number): string | null {
  return result.inputs[input]!.columns.find((c) => c.field === 'unit')?.header ?? null;
}

/** The units of the data as the exports write them (trimmed, NFKC). */
function writtenUnits(result: IngestResult): string[] {
  return result.inputs.flatMap((i) => (i ? Object.keys(i.units) : []));
}

/** The units file and the code table, read before the exports; null when neither is given. */
async function readNaming(settings: Settings): Promise<ValueNaming | null> {
  if (!settings.units && !settings.codes) return null;
  const units = settings.units ? await readUnits(settings.units) : null;
  const codes = settings.codes ? await readCodes(settings.codes) : null;
  return { units, rollup: units ? settings.rollup : 0, codes };
}

/** The targets file, if any; its units named through the units file (a code becomes a name). */
async function readNamedTargets(
  settings: Settings,
  naming: ValueNaming | null,
): Promise<Targets | null> {
  if (!settings.targets) return null;
  const targets = await readTargets(settings.targets, settings.ingest.map);
  return naming?.units ? namedTargets(targets, naming.units) : targets;
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
      said(
        `选项 --by ${name}：没有一个输入文件有${spec.zh}列（${spec.aliases.join('、')}）。`,
        `--by ${name}: no input has a ${spec.zh} column (${spec.aliases.join(', ')}).`,
      ),
      said(
        `请指定该列：--map ${dimension}=表头，或按导出文件里的写法用 --by 表头。`,
        `Name the column: --map ${dimension}=HEADER, or --by HEADER as written in the export.`,
      ),
    );
  }
}
