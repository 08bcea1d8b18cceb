/**
 * `--out FILE`: the report as a workbook (.xlsx), the written bulletin (.docx, .md), one table
 * (.csv: the units), or the JSON result (.json), chosen by the extension. Every output is written to a temporary file beside
 * the target and renamed when complete. Each renderer is loaded only when its format is asked
 * for: a JSON or CSV run never loads exceljs or echarts.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError, said } from '../errors.js';
import { OutputFile, checkWritable, writeFileAtomic } from '../io/write.js';
import { tallyOf } from '../metrics/group.js';
import { hasYearToDate, yearToDatePeriod } from '../metrics/sections/year-to-date.js';
import type { AnalysisInput } from '../metrics/types.js';
import type { PipelineResult } from '../pipeline.js';
import type { Lang } from '../settings/types.js';
import type { ChartImage } from './charts.js';
import type { DetailRows } from './detail.js';
import { formatInt, localStamp } from './format.js';
import { jsonText, resultJson } from './json.js';
import {
  REPLACED,
  TEMPLATE_CHARTS_OMITTED,
  TEMPLATE_OMITTED,
  WRITTEN,
  WRITTEN_BULLETIN,
  WRITTEN_TABLE,
} from './labels.js';
import { buildReportModel, type ReportModel } from './model.js';
import { figureNotes, inConfigTerms } from './sections/notes.js';
import { unitsCsvTable } from './sections/units.js';
import type { OmittedChart } from './template.js';

export type OutputKind = 'xlsx' | 'docx' | 'md' | 'csv' | 'json';

const KINDS: readonly OutputKind[] = ['xlsx', 'docx', 'md', 'csv', 'json'];
const KINDS_TEXT =
  '.xlsx (the workbook), .docx or .md (the written bulletin), .csv (the units table) or .json (the result)';
const KINDS_ZH = '.xlsx（工作簿）、.docx 或 .md（书面通报）、.csv（单位表）或 .json（结果）';

/**
 * Checks an output path before any work: its kind, and that its folder is writable. `named` is
 * how a message names it: the option, or the config file's pattern it comes from.
 */
export async function checkOutput(target: string, named = `--out ${target}`): Promise<OutputKind> {
  const kind = outputKind(target, named);
  await checkWritable(target);
  return kind;
}

/** The kind of file an output path names, by its extension; refuses any other. */
export function outputKind(target: string, named = `--out ${target}`): OutputKind {
  const ext = extname(target).toLowerCase().slice(1);
  const kind = KINDS.find((k) => k === ext);
  if (!kind) {
    // Word's own name for its old format: the likeliest slip for the bulletin.
    const old = ext === 'doc';
    throw new InputError(
      'BAD_OPTION',
      old
        ? said(
            `${named}：不输出旧版 Word 格式（.doc），书面通报是 .docx 文件。`,
            `${named}: the old Word format (.doc) is not written; the written bulletin is a .docx file.`,
          )
        : said(
            `${named}：文件名应以 ${KINDS_ZH} 结尾。`,
            `${named}: expected a ${KINDS_TEXT} file name.`,
          ),
      old
        ? said(
            `请把文件名改为以 .docx 结尾。可输出的格式：${KINDS_ZH}。`,
            `End the name in .docx instead. The kinds written: ${KINDS_TEXT}.`,
          )
        : said('扩展名决定输出什么。', 'The extension says what is written.'),
    );
  }
  return kind;
}

/**
 * Whether the run fills the template: --template (or the config file's) and a Word output, given
 * or the config file's pattern. The template is then checked before the exports are read.
 */
export function fillsTemplate(settings: {
  template: string | null;
  out: string | null;
  outPattern: string | null;
}): boolean {
  const out = settings.out ?? settings.outPattern;
  return settings.template !== null && out !== null && extname(out).toLowerCase() === '.docx';
}

export interface OutputOptions {
  lang: Lang;
  charts: boolean;
  detail: DetailRows | null;
  /** report --quarter: the JSON result keeps its `quarter` key (json.ts). */
  quarterKey: boolean;
  /** --template FILE.docx: the company's bulletin template, for a .docx output. */
  template: string | null;
  /** report --issued: the bulletin's date of issue, YYYY-MM-DD; null: the day in China. */
  issued: string | null;
}

export interface Written {
  kind: OutputKind;
  sheets: number;
  detailRows: number | null;
  /** Texts cut at Excel's 32,767 characters a cell. */
  cutCells?: number;
  /** A bulletin's numbered sections, tables and pictures (null: Markdown, which has none). */
  bulletin?: { sections: number; tables: number; charts: number | null };
  /** When the plain file this output replaced was last written; absent: there was none. */
  replaced?: Date;
  /** The bulletin's sections a company's template has no place for. */
  omitted?: { heading: string; key: string }[];
  /** The charts of the sections it places that it has no tag for. */
  omittedCharts?: OmittedChart[];
}

/** The output, and when the plain file it replaces was written (a FIFO or a device is no report). */
export async function writeOutput(
  target: string,
  result: PipelineResult,
  options: OutputOptions,
): Promise<Written> {
  const before = await stat(target).catch(() => null);
  const written = await writeKind(target, result, options);
  return before?.isFile() ? { ...written, replaced: before.mtime } : written;
}

async function writeKind(
  target: string,
  result: PipelineResult,
  options: OutputOptions,
): Promise<Written> {
  const kind = await checkOutput(target);
  if (kind === 'json') {
    await writeFileAtomic(target, jsonText(resultJson(result, { quarterKey: options.quarterKey })));
    return { kind, sheets: 0, detailRows: null };
  }
  if (kind === 'docx' || kind === 'md') return writeBulletinFile(target, kind, result, options);
  if (kind === 'csv') {
    const { writeTableCsv } = await import('./csv.js');
    await writeTableCsv(target, unitsCsvTable(result.analysis, options.lang), options.lang);
    return { kind, sheets: 0, detailRows: null };
  }
  return writeWorkbookFile(target, result, options);
}

/** The bulletin's pictures: shorter than the workbook's, so that none leaves a third of a page blank. */
async function bulletinCharts(model: ReportModel): Promise<ChartImage[]> {
  const { CHART_HEIGHT, CHART_WIDTH, renderCharts } = await import('./charts.js');
  const { bulletinChartShorter } = await import('./word-metrics.js');
  return renderCharts(model.charts, model.lang, {
    shorter: bulletinChartShorter(CHART_WIDTH, CHART_HEIGHT),
  });
}

/** The written bulletin: Word (the official layout, or the company's template) or Markdown. */
async function writeBulletinFile(
  target: string,
  kind: 'docx' | 'md',
  result: PipelineResult,
  options: OutputOptions,
): Promise<Written> {
  const model = buildReportModel({
    result,
    lang: options.lang,
    generatedAt: localStamp(new Date()),
    ...(options.issued ? { issued: options.issued } : {}),
  });
  const b = model.bulletin;
  const counts = {
    sections: b.sections.length,
    tables: b.sections.reduce((n, s) => n + s.tables.length, 0),
    charts: null as number | null,
  };
  if (kind === 'md') {
    const { bulletinMarkdown } = await import('./markdown.js');
    await writeFileAtomic(target, bulletinMarkdown(model));
    return { kind, sheets: 0, detailRows: null, bulletin: counts };
  }
  const charts = options.charts ? await bulletinCharts(model) : [];
  let bytes: Buffer;
  let omitted: { heading: string; key: string }[] = [];
  let omittedCharts: OmittedChart[] = [];
  if (options.template) {
    const filled = await (
      await import('./template.js')
    ).fillTemplate(options.template, model, charts);
    bytes = filled.bytes;
    counts.sections = filled.sections;
    counts.tables = filled.tables;
    counts.charts = filled.charts;
    omitted = filled.omitted;
    omittedCharts = filled.omittedCharts;
  } else {
    bytes = await (await import('./docx.js')).bulletinDocx(model, charts);
    const used = new Set(b.sections.flatMap((s) => s.charts));
    counts.charts = charts.filter((c) => used.has(c.name)).length;
  }
  await writeFileAtomic(target, bytes);
  return {
    kind,
    sheets: 0,
    detailRows: null,
    bulletin: counts,
    ...(omitted.length > 0 ? { omitted } : {}),
    ...(omittedCharts.length > 0 ? { omittedCharts } : {}),
  };
}

/** 明细 lists the complaints of every table: of the year to date when there is one. */
export function detailPeriod(input: AnalysisInput) {
  return hasYearToDate(input.request) ? yearToDatePeriod(input.period) : input.period;
}

/** The 明细 rows to make (DetailRows.start): the period's complaints as the cube counts them. */
export function detailStart(input: AnalysisInput) {
  const period = detailPeriod(input);
  return { period, complaints: tallyOf(input.cube, period, input.settings).total.complaints };
}

async function writeWorkbookFile(
  target: string,
  result: PipelineResult,
  options: OutputOptions,
): Promise<Written> {
  const generatedAt = localStamp(new Date());
  const model = buildReportModel({
    result,
    lang: options.lang,
    generatedAt,
    workbook: true,
  });
  // With 明细, drawn on worker threads while this one loads the workbook's modules and makes
  // the 明细 rows (charts.ts drawCharts).
  const apart = options.detail !== null;
  const drawing = options.charts
    ? (await import('./charts.js')).drawCharts(model.charts, options.lang, apart)
    : Promise.resolve([] as ChartImage[]);
  drawing.catch(() => {}); // awaited below, after the modules
  // The 明细 rows, unless a worker makes them: here, while the chart workers draw (detail.ts).
  options.detail?.makeHere(detailPeriod(result.input));
  const [{ ReportWorkbook }, { writeReport }] = await Promise.all([
    import('../io/workbook.js'),
    import('./workbook.js'),
  ]);
  const charts = await drawing;
  // The 明细 rows' styles first: their ids are fixed before the rows are made (detail.ts).
  const book = ReportWorkbook.create(await OutputFile.open(target), options.detail?.firstStyles);
  try {
    const sheets = await writeReport(book, model, charts);
    const detail = options.detail
      ? await options.detail.write(book, model.detailSheet, detailPeriod(result.input))
      : null;
    await book.commit();
    return {
      kind: 'xlsx',
      sheets: sheets + (detail?.sheets ?? 0),
      detailRows: detail?.rows ?? null,
      cutCells: book.cutCells,
    };
  } catch (error) {
    book.abort();
    throw error;
  }
}

/**
 * What stderr says after a file was written: the line naming it, then the notes that change a
 * figure, one short line each (figureNotes) — in a cron log as at a terminal; --quiet says none.
 */
export function successLines(
  out: string,
  written: Written,
  result: PipelineResult,
  lang: Lang,
  configFile: string | null = null,
): string {
  const notes = figureNotes(result.analysis, result.ingest, lang).map((n) =>
    inConfigTerms(n, configFile, lang),
  );
  const replaced = written.replaced ? [REPLACED[lang](localStamp(written.replaced))] : [];
  const omitted = [
    ...(written.omitted ? [TEMPLATE_OMITTED[lang](written.omitted)] : []),
    ...(written.omittedCharts ? [TEMPLATE_CHARTS_OMITTED[lang](written.omittedCharts)] : []),
  ];
  return (
    [
      successLine(out, written, result, lang),
      ...[...replaced, ...omitted, ...notes].map((n) => `  ${n}`),
    ].join('\n') + '\n'
  );
}

/** The one line on stderr after a file was written. */
export function successLine(
  out: string,
  written: Written,
  result: PipelineResult,
  lang: Lang,
): string {
  const complaints = formatInt(result.analysis.totals.complaints);
  if (written.bulletin) return WRITTEN_BULLETIN[lang](out, written.bulletin, complaints);
  if (written.kind === 'csv')
    return WRITTEN_TABLE[lang](out, formatInt(result.analysis.units.length), complaints);
  const cut = written.cutCells ?? 0;
  return WRITTEN[lang](
    out,
    written.sheets,
    complaints,
    written.detailRows === null ? null : formatInt(written.detailRows),
    cut > 0 ? formatInt(cut) : null,
  );
}
