/**
 * complaints classify <inputs...>
 *
 * Puts every complaint in its first-, second- and third-level class and says how (the export's
 * class columns, the taxonomy's text rules, a trained model, or unclassified). Also trains a
 * model from labelled history (--train), measures accuracy on a labelled file (--evaluate),
 * and lists rows whose recorded class their text contradicts (--audit).
 */
import type { Command } from 'commander';
import { InputError, RejectedRowsError } from '../errors.js';
import { ingest, type IngestResult, type WorkOrder } from '../ingest/ingest.js';
import { placeColumns, prepareRowWriter, type RowWriter } from '../io/rows.js';
import { Spool } from '../io/spool.js';
import type { Cell } from '../io/table.js';
import { checkWritable, guardOutputs, writeFileAtomic } from '../io/write.js';
import { GENERATED_BY, SCHEMA_VERSION, emitJson } from '../report/json.js';
import {
  ADDED_COLUMNS,
  METHOD_LABELS,
  classNames as names,
  renderAudit,
  renderEvaluation,
} from '../report/classification.js';
import { CLASSIFY } from '../report/labels.js';
import { formatInt, table } from '../report/terminal.js';
import {
  addCommonOptions,
  collect,
  ingestSettings,
  parseLang,
  type CommonOptions,
  type Lang,
  filesRead,
  jsonFile,
} from '../settings.js';
import { Classifier, type Method } from '../taxonomy/classify.js';
import { audit, evaluate, type Labelled } from '../taxonomy/evaluate.js';
import { CategoryTally } from '../taxonomy/categories.js';
import {
  DEFAULT_TAXONOMY,
  loadTaxonomy,
  type Taxonomy,
  type TaxonomyNode,
} from '../taxonomy/load.js';
import { NaiveBayes, type Sample } from '../taxonomy/model.js';
import { loadModel } from '../taxonomy/model-file.js';
import { print } from '../report/print.js';

const HELP = `
How a row is classified, in this order (the 判定方式 column says which):
  列/columns       the export's 一级/二级/三级分类 values, matched by name, alias or code
  规则/rules       the complaint text (受理内容) against the taxonomy's keyword rules,
                   when one type is clearly ahead
  模型/model       a model trained with --train decides where rules are unsure (--model)
  未分类/unclassified  counted and reported, never guessed
Only complaints are classified; other business types are counted and left out. Rows are
written as read: a work order repeated across inputs appears once per input.

--out FILE.xlsx|.csv keeps every original column, then adds 判定一级分类, 判定二级分类,
判定三级分类, 判定方式, 置信度, 判定依据 (level1 ... evidence with --lang en). CSV is UTF-8 with
BOM; text starting with = + - @ gets a leading ' so no spreadsheet runs it as a formula.

Exit codes: 0 done; 2 an input, the taxonomy or the model cannot be read; 3 rows were
rejected under --strict.

Examples:
  complaints classify export.xlsx --out classified.xlsx
  complaints classify --train history-2015.xlsx --model model.json
  complaints classify export.xlsx --model model.json --out classified.csv
  complaints classify --evaluate labelled.xlsx --json
  complaints classify export.xlsx --audit --limit 50`;

interface ClassifyOptions extends CommonOptions {
  out?: string;
  taxonomy: string;
  model?: string;
  train?: string[];
  evaluate?: string;
  audit?: boolean;
  limit: string;
}

export function register(program: Command): void {
  const command = program
    .command('classify')
    .summary(
      'put each complaint in its class (columns, text rules, model); --evaluate, --audit, --train',
    )
    .description(
      'Classify each complaint with the taxonomy, write the rows with their classes, train and evaluate text models.',
    )
    .argument('[inputs...]', 'export files (.xlsx, .csv, .txt); - reads stdin')
    .option('--out <file>', 'write the classified rows to FILE.xlsx or FILE.csv')
    .option(
      '--taxonomy <name|file>',
      'taxonomy to classify with (see complaints taxonomy)',
      DEFAULT_TAXONOMY,
    )
    .option(
      '--model <file>',
      'a model made with --train: it decides where rules are unsure; with --train, where to save it',
    )
    .option(
      '--train <labelled>',
      'train a text model from a labelled export (with 一级/二级分类 columns; repeatable)',
      collect,
    )
    .option(
      '--evaluate <labelled>',
      'classify a labelled file from its text alone and compare with its recorded classes',
    )
    .option(
      '--audit',
      'list rows whose recorded class their text contradicts, most confident first',
    )
    .option('--limit <n>', 'rows shown by --audit and --evaluate in the terminal', '20');
  addCommonOptions(command)
    .addHelpText('after', HELP)
    .action(async (inputs: string[], options: ClassifyOptions) => run(inputs, options));
}

export async function run(inputs: string[], options: ClassifyOptions): Promise<void> {
  const lang = parseLang(options.lang);
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0)
    throw new InputError('BAD_OPTION', `--limit ${options.limit}: expected a whole number.`);
  // With --train, --model names the model to write; otherwise a model to read.
  const reads = filesRead(
    [...inputs, ...(options.train ?? []), ...(options.evaluate ? [options.evaluate] : [])],
    {
      ...options,
      model: options.train ? undefined : options.model,
    },
  );
  await guardOutputs(
    [jsonFile(options.json), options.out, options.train ? options.model : null],
    reads,
  );
  const taxonomy = loadTaxonomy(options.taxonomy);
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  if (options.train) {
    if (!options.model)
      throw new InputError('BAD_OPTION', '--train needs --model FILE: where to save the model.');
    await train(options.train, options.model, taxonomy, options);
    return;
  }
  const classifier = new Classifier(
    taxonomy,
    options.model ? loadModel(options.model, taxonomy) : null,
  );
  if (options.evaluate) {
    await evaluateFile(options.evaluate, classifier, options, lang, limit);
    return;
  }
  if (inputs.length === 0) {
    throw new InputError(
      'BAD_OPTION',
      'classify: no input files.',
      'Give export files, or --train/--evaluate with a labelled file.',
    );
  }
  if (options.audit) {
    await auditInputs(inputs, classifier, options, lang, limit);
    return;
  }
  await classifyInputs(inputs, classifier, options, lang);
}

function strictCheck(result: IngestResult, options: ClassifyOptions): void {
  if (options.strict && result.totals.rejected > 0) {
    const first = result.rejects[0];
    throw new RejectedRowsError(
      result.totals.rejected,
      first ? `${first.file} row ${first.row}: ${first.reason}` : '',
    );
  }
}

async function classifyInputs(
  inputs: string[],
  classifier: Classifier,
  options: ClassifyOptions,
  lang: Lang,
): Promise<void> {
  const settings = ingestSettings(options);
  const byMethod: Record<Method, number> = { columns: 0, rules: 0, model: 0, unclassified: 0 };
  const tally = new CategoryTally();
  const open = options.out ? await prepareRowWriter(options.out, CLASSIFY[lang].sheet) : null;
  // A workbook cannot be written at the pace rows are read without holding them in memory:
  // its rows wait in a spool file and are written after reading, at the zip's pace.
  const spool = open && /\.xlsx$/i.test(options.out!) ? new Spool() : null;
  // The output takes the first input's columns; later inputs are placed by field or header.
  let writer: RowWriter | null = null;
  let columns: string[] = [];
  const places = new Map<readonly string[], number[]>();
  const dropped = new Set<string>();
  let result: IngestResult;
  let cutCells = 0;
  try {
    result = await ingest(inputs, settings, (order: WorkOrder) => {
      if (!order.isComplaint) return;
      const c = classifier.classify(order);
      byMethod[c.method]++;
      tally.add(c);
      if (!open) return;
      if (!writer) {
        columns = [...order.headers];
        writer = open([...columns, ...ADDED_COLUMNS[lang]]);
      }
      let place = places.get(order.headers);
      if (!place) {
        place = placeColumns(order.headers, columns, dropped);
        places.set(order.headers, place);
      }
      const cells: Cell[] = new Array<Cell>(columns.length).fill(null);
      place.forEach((to, from) => {
        if (to >= 0) cells[to] = order.cells[from] ?? null;
      });
      cells.push(...names(c, lang), METHOD_LABELS[lang][c.method], c.confidence, c.evidence);
      if (spool) spool.append(cells);
      else writer.write(cells);
    });
    // Under --strict a rejected row fails the run before any output is put in place.
    strictCheck(result, options);
    const finished = writer as RowWriter | null;
    if (finished && spool) {
      let n = 0;
      for (const cells of spool.read()) {
        finished.write(cells as Cell[]);
        if (++n % 500 === 0) await finished.flush();
      }
    }
    if (finished) {
      await finished.close();
      cutCells = finished.cutCells();
    }
  } catch (error) {
    (writer as RowWriter | null)?.abort();
    throw error;
  } finally {
    spool?.remove();
  }
  const total = tally.complaints;
  const summary = {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    taxonomy: classifier.taxonomy.name,
    inputs: result.inputs,
    classified: { complaints: total, byMethod },
    categories: tally.toJson(classifier.taxonomy),
    rejects: result.rejects,
  };
  if (options.json !== undefined) await emitJson(summary, options.json);
  else if (!options.quiet && !options.out) {
    const label = (n: TaxonomyNode | null) => (n ? (lang === 'zh' ? n.name : n.nameEn) : '-');
    const rowsOut: [string, string, number][] = [];
    for (const l1 of classifier.taxonomy.roots) {
      const inChildren = l1.children.reduce((sum, l2) => sum + tally.count(l2), 0);
      for (const l2 of l1.children)
        if (tally.count(l2) > 0) rowsOut.push([label(l1), label(l2), tally.count(l2)]);
      if (tally.count(l1) > inChildren)
        rowsOut.push([label(l1), '-', tally.count(l1) - inChildren]);
    }
    if (tally.unclassified > 0) rowsOut.push(['-', '-', tally.unclassified]);
    rowsOut.sort((a, b) => b[2] - a[2]);
    print(
      process.stdout,
      table(
        CLASSIFY[lang].tallyHead,
        rowsOut.map(([a, b, n]) => [a, b, formatInt(n)]),
        ['left', 'left', 'right'],
      ) + '\n',
    );
  }
  if (!options.quiet) {
    const m = METHOD_LABELS[lang];
    const parts = (Object.keys(byMethod) as Method[])
      .map((k) => `${m[k]} ${formatInt(byMethod[k])}`)
      .join(CLASSIFY[lang].sep);
    const where = options.out ? ` → ${options.out}` : '';
    print(process.stderr, CLASSIFY[lang].classified(formatInt(total), parts, where) + '\n');
    for (const name of dropped)
      print(
        process.stderr,
        `warning: column '${name}' is not in the first input's columns and was left out of ${options.out}.\n`,
      );
    for (const warning of result.warnings) print(process.stderr, `warning: ${warning}\n`);
    if (cutCells > 0)
      print(
        process.stderr,
        `warning: ${formatInt(cutCells)} text(s) longer than Excel's 32,767 characters a cell were cut there in ${options.out}.\n`,
      );
  }
}

/** Labelled rows of a file: the recorded class from its columns, the text, the row. */
async function labelledRows(files: string[], classifier: Classifier, options: ClassifyOptions) {
  const rows: (Omit<Labelled, 'predicted'> & { id: string | null })[] = [];
  let unlabelled = 0;
  const result = await ingest(files, ingestSettings(options), (order) => {
    if (!order.isComplaint) return;
    const recorded = classifier.byColumns(order);
    if (!recorded?.level1 || !order.content) {
      unlabelled++;
      return;
    }
    rows.push({
      file: order.input < files.length ? files[order.input]! : '',
      row: order.row,
      id: order.id,
      text: order.content,
      truth: { level1: recorded.level1, level2: recorded.level2 },
    });
  });
  strictCheck(result, options);
  return { rows, unlabelled, result };
}

async function train(
  files: string[],
  modelFile: string,
  taxonomy: Taxonomy,
  options: ClassifyOptions,
): Promise<void> {
  await checkWritable(modelFile);
  const { rows, unlabelled } = await labelledRows(files, new Classifier(taxonomy), options);
  const samples: Sample[] = rows
    .filter((r) => r.truth.level2)
    .map((r) => ({ text: r.text, label: r.truth.level2!.code }));
  const classes = new Set(samples.map((s) => s.label));
  if (classes.size < 2) {
    throw new InputError(
      'NO_DATA',
      `${files.join(', ')}: ${samples.length} labelled complaint text(s) in ${classes.size} class(es): too few to train on.`,
      'Train on an export whose 二级分类 column is filled for several classes.',
    );
  }
  const model = NaiveBayes.train(samples, taxonomy.name);
  await writeFileAtomic(modelFile, JSON.stringify(model.toJSON()) + '\n');
  if (!options.quiet) {
    print(
      process.stderr,
      `trained on ${formatInt(samples.length)} texts in ${classes.size} classes` +
        (unlabelled + rows.length - samples.length > 0
          ? ` (${formatInt(unlabelled + rows.length - samples.length)} rows without a second-level class or text left out)`
          : '') +
        ` → ${modelFile}\n`,
    );
  }
}

async function evaluateFile(
  file: string,
  classifier: Classifier,
  options: ClassifyOptions,
  lang: Lang,
  limit: number,
): Promise<void> {
  const { rows, unlabelled } = await labelledRows([file], classifier, options);
  if (rows.length === 0) {
    throw new InputError(
      'NO_DATA',
      `${file}: no complaint with a recorded class (一级分类/二级分类) and a text.`,
      'Evaluate on a labelled export.',
    );
  }
  const labelled = rows.map((r) => ({ ...r, predicted: classifier.byText(r.text) }));
  const result = evaluate(labelled, classifier.taxonomy.nodes, limit);
  if (options.json !== undefined) {
    await emitJson(
      {
        schemaVersion: SCHEMA_VERSION,
        generatedBy: GENERATED_BY,
        taxonomy: classifier.taxonomy.name,
        file,
        unlabelled,
        evaluation: result,
      },
      options.json,
    );
    return;
  }
  if (options.quiet) return;
  print(
    process.stdout,
    renderEvaluation(file, result, unlabelled, classifier.taxonomy, lang, options.color) + '\n',
  );
}

async function auditInputs(
  inputs: string[],
  classifier: Classifier,
  options: ClassifyOptions,
  lang: Lang,
  limit: number,
): Promise<void> {
  const { rows, unlabelled } = await labelledRows(inputs, classifier, options);
  const found = audit(rows.map((r) => ({ ...r, predicted: classifier.byText(r.text) })));
  if (options.json !== undefined) {
    await emitJson(
      {
        schemaVersion: SCHEMA_VERSION,
        generatedBy: GENERATED_BY,
        taxonomy: classifier.taxonomy.name,
        checked: rows.length,
        unlabelled,
        disagreements: found,
      },
      options.json,
    );
    return;
  }
  if (options.quiet) return;
  print(process.stdout, renderAudit(found, rows.length, lang, limit) + '\n');
}
