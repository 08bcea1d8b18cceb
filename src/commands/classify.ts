/**
 * complaints classify <inputs...>: what it does (options and help: cli/classify.ts).
 *
 * Puts every complaint in its first-, second- and third-level class and says how (the export's
 * class columns, the taxonomy's text rules, a trained model, or unclassified). Also trains a
 * model from labelled history (--train), measures accuracy on a labelled file (--evaluate),
 * and lists rows whose recorded class their text contradicts (--audit).
 */
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError, refuseRejects, said } from '../errors.js';
import { ingest } from '../ingest/ingest.js';
import { inputNotesToSay } from '../ingest/input-notes.js';
import { prepareRowWriter } from '../io/rows.js';
import type { Cell } from '../io/table.js';
import { checkWritable, guardOutputs, writeFileAtomic } from '../io/write.js';
import { refuseTableInputsWouldRead } from '../settings/inputs.js';
import { refuseFolderOutput } from '../settings/command-line-values.js';
import { GENERATED_BY, SCHEMA_VERSION, emitJson } from '../report/json.js';
import { METHOD_LABELS, evidenceText } from '../report/classification-cells.js';
import { renderAudit, renderEvaluation } from '../report/classification.js';
import { CLASSIFY } from '../report/labels.js';
import { formatInt, table } from '../report/terminal.js';
import { print } from '../report/print.js';
import { correctionLines } from '../report/sections/notes.js';
import { filesRead } from '../settings/resolve.js';
import { periodText } from '../metrics/period.js';
import type { Lang, Settings } from '../settings/types.js';
import { Classifier, type Method } from '../taxonomy/classify.js';
import { audit, evaluate, type Disagreement, type Labelled } from '../taxonomy/evaluate.js';
import { CategoryTally } from '../taxonomy/categories.js';
import { loadTaxonomy, type Taxonomy, type TaxonomyNode } from '../taxonomy/load.js';
import { MODEL_FORMAT, NaiveBayes, TRAIN_ORDERS, type Sample } from '../taxonomy/model.js';
import { modelFor } from '../taxonomy/shipped-model.js';
import { normalizeText } from '../taxonomy/normalize.js';
import { UnknownLabels, unknownLabelsWarning } from '../taxonomy/unknown-labels.js';
import { classifyPeriod, labelledOfPeriod, leftOutLine } from './classify-period.js';

/** The options classify has beside the Settings, as commander gives them. */
export interface ClassifyExtras {
  train?: string[];
  /** The n-gram lengths --train reads, as typed (1,2). */
  ngrams?: string;
  evaluate?: string;
  audit?: boolean;
  limit: string;
}

export async function run(settings: Settings, extras: ClassifyExtras): Promise<void> {
  const { inputs, json, model } = settings;
  const limit = Number(extras.limit);
  // As --top: a list of none is not a list (it printed only its header).
  if (!/^\s*\d+\s*$/.test(extras.limit) || !Number.isInteger(limit) || limit < 1)
    throw new InputError(
      'BAD_OPTION',
      said(
        `--limit ${extras.limit}：应为大于 0 的整数。`,
        `--limit ${extras.limit}: expected a whole number above 0.`,
      ),
    );
  const orders = extras.ngrams === undefined ? TRAIN_ORDERS : ngramOrders(extras.ngrams);
  // With --train, --model names the model to write; otherwise a model to read.
  const reads = filesRead({
    ...settings,
    inputs: [...inputs, ...(extras.train ?? []), ...(extras.evaluate ? [extras.evaluate] : [])],
    model: extras.train ? null : model,
  });
  if (extras.train && model) {
    refuseFolderOutput('--model', model);
    refuseModelName(model);
  }
  await guardOutputs([json?.file, settings.out, extras.train && model ? model : null], reads);
  // The classified rows or the audit list, read back as an export by the next run: refused.
  refuseTableInputsWouldRead(settings.out, settings.expandedInputs, process.cwd(), true);
  const taxonomy = loadTaxonomy(settings.taxonomy ?? undefined);
  if (json?.file) await checkWritable(json.file);
  if (extras.train) {
    if (!model)
      throw new InputError(
        'BAD_OPTION',
        said(
          '--train 需要 --model FILE：模型保存的位置。',
          '--train needs --model FILE: where to save the model.',
        ),
      );
    await train(extras.train, model, orders, taxonomy, settings);
    return;
  }
  // classify without --audit or --evaluate classifies through the pipeline, which loads its own.
  const classifier = () => new Classifier(taxonomy, modelFor(model, taxonomy));
  if (extras.evaluate) {
    await evaluateFile(extras.evaluate, classifier(), settings, limit);
    return;
  }
  if (inputs.length === 0) {
    throw new InputError(
      'BAD_OPTION',
      said('classify：没有输入文件。', 'classify: no input files.'),
      said(
        '请给出导出文件（或在 complaints.config.json 或 --config FILE 中写明 "inputs"），或用 --train/--evaluate 加已标注的文件。',
        'Give export files (or "inputs" in complaints.config.json or --config FILE), or --train/--evaluate with a labelled file.',
      ),
    );
  }
  if (extras.audit) {
    await auditInputs(classifier(), settings, limit);
    return;
  }
  await classifyInputs(settings);
}

async function classifyInputs(settings: Settings): Promise<void> {
  const { lang, out } = settings;
  const { read, tally, byMethod, dropped, cutCells } = await classifyPeriod(settings);
  const { result } = read;
  // The pipeline's taxonomy: the tally counts its nodes.
  const { taxonomy } = result;
  const total = tally.complaints;
  const summary = {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    taxonomy: taxonomy.name,
    period: result.analysis.period,
    inputs: result.ingest.inputs,
    classified: { complaints: total, byMethod },
    leftOut: { read: read.read, duplicates: read.duplicates, outsidePeriod: read.outside },
    categories: tally.toJson(taxonomy),
    ...(result.corrections ? { corrections: result.corrections } : {}),
    rejects: result.ingest.rejects,
  };
  if (settings.json) await emitJson(summary, settings.json.file ?? true);
  else if (!settings.quiet && !out) {
    print(process.stdout, tallyTable(tally, taxonomy, lang) + '\n');
  }
  if (settings.quiet) return;
  const m = METHOD_LABELS[lang];
  const parts = (Object.keys(byMethod) as Method[])
    .map((k) => `${m[k]} ${formatInt(byMethod[k])}`)
    .join(CLASSIFY[lang].sep);
  const where = out ? ` → ${out}` : '';
  const period = periodText(read.period);
  print(process.stderr, CLASSIFY[lang].classified(formatInt(total), period, parts, where) + '\n');
  const leftOut = leftOutLine(read, settings);
  if (leftOut) print(process.stderr, leftOut + '\n');
  for (const line of correctionLines(result.analysis, lang)) print(process.stderr, `${line}\n`);
  for (const name of dropped)
    print(
      process.stderr,
      lang === 'zh'
        ? `warning: 列“${name}”不在第一个输入文件的列中，${out} 里没有这一列。\n`
        : `warning: column '${name}' is not in the first input's columns and was left out of ${out}.\n`,
    );
  for (const warning of result.ingest.warnings)
    print(process.stderr, `warning: ${warning[settings.lang]}\n`);
  if (cutCells > 0)
    print(
      process.stderr,
      lang === 'zh'
        ? `warning: ${out} 中有 ${formatInt(cutCells)} 段文字超过 Excel 每格 32,767 个字符的上限，已在上限处截断。\n`
        : `warning: ${formatInt(cutCells)} text(s) longer than Excel's 32,767 characters a cell were cut there in ${out}.\n`,
    );
}

/** Complaints by first- and second-level class, most first. */
function tallyTable(tally: CategoryTally, taxonomy: Taxonomy, lang: Lang): string {
  const label = (n: TaxonomyNode | null) => (n ? (lang === 'zh' ? n.name : n.nameEn) : '-');
  const rowsOut: [string, string, number][] = [];
  for (const l1 of taxonomy.roots) {
    const inChildren = l1.children.reduce((sum, l2) => sum + tally.count(l2), 0);
    for (const l2 of l1.children)
      if (tally.count(l2) > 0) rowsOut.push([label(l1), label(l2), tally.count(l2)]);
    if (tally.count(l1) > inChildren) rowsOut.push([label(l1), '-', tally.count(l1) - inChildren]);
  }
  if (tally.unclassified > 0) rowsOut.push(['-', '-', tally.unclassified]);
  rowsOut.sort((a, b) => b[2] - a[2]);
  return table(
    CLASSIFY[lang].tallyHead,
    rowsOut.map(([a, b, n]) => [a, b, formatInt(n)]),
    ['left', 'left', 'right'],
  );
}

/** Labelled rows of a file: the recorded class from its columns, the text, the row. */
async function labelledRows(files: string[], classifier: Classifier, settings: Settings) {
  const rows: (Omit<Labelled, 'predicted'> & {
    id: string | null;
    unit: string;
    acceptedMs: number;
  })[] = [];
  let unlabelled = 0;
  const unknown = new UnknownLabels();
  const result = await ingest(files, settings.ingest, (order) => {
    if (!order.isComplaint) return;
    classifier.noteUnknown(order, unknown);
    const recorded = classifier.byColumns(order);
    if (!recorded?.level1 || !order.content) {
      unlabelled++;
      return;
    }
    rows.push({
      file: order.input < files.length ? files[order.input]! : '',
      row: order.row,
      id: order.id,
      unit: order.unit,
      acceptedMs: order.acceptedAt.ms,
      text: order.content,
      truth: { level1: recorded.level1, level2: recorded.level2 },
    });
  });
  if (!settings.quiet)
    for (const note of inputNotesToSay(result.inputs, settings.lang))
      print(process.stderr, `${note}\n`);
  refuseRejects(settings.strict, result);
  return { rows, unlabelled, result, unknownLabels: unknown.list() };
}

/** --ngrams 1,2: n-gram lengths from 1 to 4, each once, in any order (read shortest first). */
function ngramOrders(typed: string): number[] {
  const lengths = typed.split(',').map((part) => part.trim());
  const orders = [...new Set(lengths.map(Number))].sort((a, b) => a - b);
  if (lengths.every((part) => /^[1-4]$/.test(part)) && orders.length === lengths.length)
    return orders;
  throw new InputError(
    'BAD_OPTION',
    said(
      `--ngrams ${typed}：应为 1 到 4 的 n-gram 长度，用逗号分开，每个只写一次。`,
      `--ngrams ${typed}: expected n-gram lengths from 1 to 4, separated by commas, each once.`,
    ),
    said(
      '例如：--ngrams 1,2（单字和双字）；不给时读双字（2）。',
      'Example: --ngrams 1,2 (single characters and pairs); without it, pairs (2).',
    ),
  );
}

async function train(
  files: string[],
  modelFile: string,
  orders: readonly number[],
  taxonomy: Taxonomy,
  settings: Settings,
): Promise<void> {
  await checkWritable(modelFile);
  await refuseReplacingOtherFile(modelFile);
  const { rows, unlabelled, unknownLabels } = await labelledRows(
    files,
    new Classifier(taxonomy),
    settings,
  );
  const unknownSaid = unknownLabelsWarning(
    unknownLabels,
    taxonomy.name,
    said('这些行没有用于训练模型', 'those rows were left out of the model'),
  );
  if (unknownSaid) print(process.stderr, `warning: ${unknownSaid[settings.lang]}\n`);
  const samples: Sample[] = rows
    .filter((r) => r.truth.level2)
    // Normalised as the classifier hands texts to the model (繁體, typos, dialect).
    .map((r) => ({ text: normalizeText(r.text, taxonomy.text), label: r.truth.level2!.code }));
  const classes = new Set(samples.map((s) => s.label));
  if (classes.size < 2) {
    throw new InputError(
      'NO_DATA',
      said(
        `${files.join('、')}：已标注的投诉内容只有 ${samples.length} 条，分属 ${classes.size} 个类别，太少，无法训练。`,
        `${files.join(', ')}: ${samples.length} labelled complaint text(s) in ${classes.size} class(es): too few to train on.`,
      ),
      said(
        '请用 二级分类 列填有多个类别的导出文件训练。',
        'Train on an export whose 二级分类 column is filled for several classes.',
      ),
    );
  }
  const model = NaiveBayes.train(samples, taxonomy.name, 1, orders);
  await writeFileAtomic(modelFile, JSON.stringify(model.toJSON()) + '\n');
  const thin = thinClasses(samples, taxonomy);
  if (thin.length > 0) {
    const counts = thin.map(([name, n]) => `${name} ${n}`);
    print(
      process.stderr,
      settings.lang === 'zh'
        ? `warning: ${thin.length} 个二级分类的文本少于 ${MIN_TEXTS_PER_CLASS} 条：${counts.join('，')}。在 fixtures/eval 上，这么小的模型分类不如单用规则；请补充这些类别的已标注文本，或继续用自带的模型（不给 --model）。\n`
        : `warning: ${thin.length} second-level class(es) with fewer than ${MIN_TEXTS_PER_CLASS} texts: ${counts.join(', ')}. A model this small classified worse than the rules alone on fixtures/eval; add labelled texts of these classes, or keep the shipped model (--model left out).\n`,
    );
  }
  if (!settings.quiet) {
    const left = unlabelled + rows.length - samples.length;
    print(
      process.stderr,
      settings.lang === 'zh'
        ? `已用 ${formatInt(samples.length)} 条文本、${classes.size} 个类别训练，读字符 ${orders.join('、')}-gram` +
            (left > 0 ? `（${formatInt(left)} 行没有二级分类或受理内容，未用）` : '') +
            ` → ${modelFile}\n`
        : `trained on ${formatInt(samples.length)} texts in ${classes.size} classes, character ${orders.join('- and ')}-grams` +
            (left > 0
              ? ` (${formatInt(left)} rows without a second-level class or text left out)`
              : '') +
            ` → ${modelFile}\n`,
    );
  }
}

/**
 * `--model` of --train is replaced whole: a model trained before may be, but a file that is not
 * one — an export or the targets typed after --model by mistake — is refused before any reading,
 * as an output that would overwrite an input is. A model file says what it is in its first bytes.
 */
async function refuseReplacingOtherFile(modelFile: string): Promise<void> {
  // Only a regular file can be lost: a pipe or /dev/stdout is written as a stream (and opening
  // a FIFO to read it would wait for a writer).
  const info = await stat(modelFile).catch(() => null);
  if (!info?.isFile() || info.size === 0) return;
  // Unreadable: the write that follows says why, as for any output.
  const handle = await open(modelFile, 'r').catch(() => null);
  if (handle === null) return;
  let head: string;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    head = buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
  if (head.includes(`"${MODEL_FORMAT}"`)) return;
  throw new InputError(
    'OUTPUT_UNWRITABLE',
    said(
      `${modelFile}：已存在，且不是 classify --train 生成的模型文件；--train 会用模型整个替换它。`,
      `${modelFile}: exists and is not a model made by classify --train; --train would replace it with the model.`,
    ),
    said(
      '请用 --model 给出新的模型文件名，如 model.json；什么也没有读取或写入。',
      'Name a new model file with --model, such as model.json; nothing was read or written.',
    ),
    { file: modelFile },
  );
}

/**
 * Below this many training texts in a second-level class the model hurts: trained on k texts of
 * each of the 17 classes of fixtures/eval/tune.csv (two draws) and evaluated on test.csv, rules
 * + model scored 二级 77.6–80.2% at k=1, 80.4–80.9% at 3, 84.4–84.7% at 5, 86.2–86.9% at 8,
 * 87.6–88.7% at 10, 89.3–92.4% at 15 and 94.2% at 100, against 88.0% for the rules alone.
 */
export const MIN_TEXTS_PER_CLASS = 10;

/** The taxonomy's second-level classes with fewer than MIN_TEXTS_PER_CLASS texts, fewest first. */
export function thinClasses(
  samples: readonly Sample[],
  taxonomy: Taxonomy,
): [name: string, texts: number][] {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
  return taxonomy.nodes
    .filter((n) => n.level === 2)
    .map((n): [string, number] => [n.name, counts.get(n.code) ?? 0])
    .filter(([, n]) => n < MIN_TEXTS_PER_CLASS)
    .sort((a, b) => a[1] - b[1]);
}

async function evaluateFile(
  file: string,
  classifier: Classifier,
  settings: Settings,
  limit: number,
): Promise<void> {
  const { json, lang } = settings;
  const { rows, unlabelled, unknownLabels } = await labelledRows([file], classifier, settings);
  const unknownSaid = unknownLabelsWarning(
    unknownLabels,
    classifier.taxonomy.name,
    said(
      '这些行只在分类体系认得的那一级上计分',
      'a row is scored only on the levels whose class the taxonomy knows',
    ),
  );
  if (unknownSaid) print(process.stderr, `warning: ${unknownSaid[lang]}\n`);
  if (rows.length === 0) {
    throw new InputError(
      'NO_DATA',
      said(
        `${file}：没有既有记录分类（一级分类/二级分类）又有受理内容的投诉。`,
        `${file}: no complaint with a recorded class (一级分类/二级分类) and a text.`,
      ),
      said('请在已标注分类的导出文件上评估。', 'Evaluate on a labelled export.'),
      { file },
    );
  }
  const labelled = rows.map((r) => ({ ...r, predicted: classifier.byText(r.text) }));
  const result = evaluate(labelled, classifier.taxonomy.nodes, limit);
  if (json) {
    await emitJson(
      {
        schemaVersion: SCHEMA_VERSION,
        generatedBy: GENERATED_BY,
        taxonomy: classifier.taxonomy.name,
        file,
        unlabelled,
        unknownLabels: unknownLabels.map(([level, value, rows]) => ({ level, value, rows })),
        evaluation: result,
      },
      json.file ?? true,
    );
    return;
  }
  if (settings.quiet) return;
  print(
    process.stdout,
    renderEvaluation(file, result, unlabelled, classifier.taxonomy, lang, settings.color) + '\n',
  );
}

async function auditInputs(
  classifier: Classifier,
  settings: Settings,
  limit: number,
): Promise<void> {
  const { json, out, lang } = settings;
  // The audit list goes to the units: checked before minutes of reading.
  const open = out ? await prepareRowWriter(out, CLASSIFY[lang].auditSheet, AUDIT_LAYOUT) : null;
  const { rows, unlabelled, read } = await labelledOfPeriod(settings, classifier);
  // As --evaluate: nothing to check is not a clean audit.
  if (rows.length === 0)
    throw new InputError(
      'NO_DATA',
      said(
        `${settings.inputs.join('、')}：${periodText(read.period)} 没有既有记录分类（一级分类/二级分类）又有受理内容的投诉，无可核查。`,
        `${settings.inputs.join(', ')}: no complaint of ${periodText(read.period)} with a recorded class (一级分类/二级分类) and a text: nothing to audit.`,
      ),
      said(
        '请核查 一级分类/二级分类 列已填写的导出文件。',
        'Audit an export whose 一级分类/二级分类 columns are filled.',
      ),
      settings.inputs.length === 1 ? { file: settings.inputs[0]! } : undefined,
    );
  const found = audit(rows.map((r) => ({ ...r, predicted: classifier.byText(r.text) })));
  const leftOut = settings.quiet ? null : leftOutLine(read, settings);
  if (open) {
    const writer = open(CLASSIFY[lang].auditColumns);
    try {
      for (const d of found) writer.write(auditCells(d, lang));
      await writer.close();
    } catch (error) {
      writer.abort();
      throw error;
    }
    if (!settings.quiet) {
      print(
        process.stderr,
        CLASSIFY[lang].auditWritten(out!, formatInt(found.length), formatInt(rows.length)) + '\n',
      );
    }
  }
  if (leftOut) print(process.stderr, leftOut + '\n');
  if (json) {
    await emitJson(
      {
        schemaVersion: SCHEMA_VERSION,
        generatedBy: GENERATED_BY,
        taxonomy: classifier.taxonomy.name,
        period: read.result.analysis.period,
        checked: rows.length,
        unlabelled,
        leftOut: { read: read.read, duplicates: read.duplicates, outsidePeriod: read.outside },
        disagreements: found,
      },
      json.file ?? true,
    );
    return;
  }
  if (settings.quiet || open) return;
  print(process.stdout, renderAudit(found, rows.length, settings.lang, limit) + '\n');
}

/** The audit list as a sheet the units can filter: their name first, the text last but one. */
const AUDIT_LAYOUT = {
  widths: [26, 18, 20, 26, 26, 8, 8, 20, 60, 30, 8],
  filter: true,
  formats: { 6: '0.00' },
};

function auditCells(d: Disagreement, lang: Lang): Cell[] {
  const en = lang === 'en';
  return [
    d.unit,
    d.id,
    new Date(Date.parse(`${d.accepted.replace(' ', 'T')}Z`)),
    en ? d.recordedEn : d.recorded,
    en ? d.textSaysEn : d.textSays,
    METHOD_LABELS[lang][d.method as Method] ?? d.method,
    d.confidence,
    evidenceText(d, lang),
    d.text,
    d.file,
    d.row,
  ];
}

/**
 * The model --train writes is JSON: a new file named m.xlsx or m.csv would be opened by Excel as
 * a broken workbook, or taken for an export by a later run reading the folder. A file already
 * there is judged by what it holds (a model trained before is replaced, anything else refused).
 */
function refuseModelName(model: string): void {
  if (/\.json$/i.test(model) || existsSync(model)) return;
  throw new InputError(
    'BAD_OPTION',
    said(
      `--model ${model}：--train 写出的模型是 JSON 文件，文件名应以 .json 结尾；什么也没有读取或写入。`,
      `--model ${model}: the model --train writes is a JSON file; give a name ending in .json. Nothing was read or written.`,
    ),
    said('例如：--model model.json', 'Example: --model model.json'),
  );
}
