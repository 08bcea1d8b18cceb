/**
 * `--out FILE`: the report as a workbook (.xlsx), one table (.csv: the units), or the JSON
 * result (.json), chosen by the extension. Every output is written to a temporary file beside
 * the target and renamed when complete.
 */
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { prepareRowWriter } from '../io/rows.js';
import type { Cell } from '../io/table.js';
import { ReportWorkbook } from '../io/workbook.js';
import { OutputFile, checkWritable, writeFileAtomic } from '../io/write.js';
import type { Analysis } from '../metrics/analysis.js';
import type { Period } from '../metrics/period.js';
import { formatInt } from './terminal.js';
import { seriesBy } from '../metrics/trend.js';
import { resultJson, type PipelineResult } from '../pipeline.js';
import type { Lang } from '../settings/types.js';
import type { DetailRows } from './detail.js';
import { sheetNames, writeReport } from './workbook.js';

export type OutputKind = 'xlsx' | 'csv' | 'json';

/** Checks an --out path before any work: its kind, and that its folder is writable. */
export async function checkOutput(target: string): Promise<OutputKind> {
  const ext = extname(target).toLowerCase();
  const kind = ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : ext === '.json' ? 'json' : null;
  if (!kind) {
    throw new InputError(
      'BAD_OPTION',
      `--out ${target}: expected a .xlsx (the report), .csv (the units table) or .json (the result) file name.`,
    );
  }
  await checkWritable(target);
  return kind;
}

export interface OutputOptions {
  lang: Lang;
  charts: boolean;
  detail: DetailRows | null;
  /** The quarter's own figures, for the quarterly evaluation. */
  quarter: Analysis | null;
}

export interface Written {
  sheets: number;
  detailRows: number | null;
  /** Texts cut at Excel's 32,767 characters a cell. */
  cutCells?: number;
}

const UNIT_COLUMNS = {
  zh: [
    '排名',
    '供电单位',
    '投诉',
    '申诉成功',
    '不属实',
    '考核投诉',
    '指标',
    '超指标率',
    '占比',
    '上年同期',
    '同比',
    '上期',
    '环比',
    '户数',
    '万户投诉率',
  ],
  en: [
    'rank',
    'unit',
    'complaints',
    'appealApproved',
    'unsubstantiated',
    'assessed',
    'target',
    'overTargetRate',
    'share',
    'previous',
    'yoy',
    'preceding',
    'mom',
    'customers',
    'ratePer10k',
  ],
};

export async function writeOutput(
  target: string,
  result: PipelineResult,
  options: OutputOptions,
): Promise<Written> {
  const kind = await checkOutput(target);
  const a = result.analysis;
  if (kind === 'json') {
    await writeFileAtomic(target, JSON.stringify(resultJson(result), null, 2) + '\n');
    return { sheets: 0, detailRows: null };
  }
  if (kind === 'csv') {
    const open = await prepareRowWriter(target, 'units');
    const writer = open(UNIT_COLUMNS[options.lang]);
    const row = (u: Analysis['units'][number] | null): Cell[] => {
      const x = u ?? {
        ...a.totals,
        rank: null,
        unit: options.lang === 'zh' ? '合计' : 'total',
        share: a.totals.complaints > 0 ? 1 : null,
      };
      return [
        x.rank,
        x.unit,
        x.complaints,
        x.appealApproved,
        x.unsubstantiated,
        x.assessed,
        x.target,
        x.overTargetRate,
        x.share,
        x.previous,
        x.yoy,
        x.preceding,
        x.mom,
        x.customers,
        x.ratePer10k,
      ];
    };
    for (const u of a.units) writer.write(row(u));
    writer.write(row(null));
    await writer.close();
    return { sheets: 1, detailRows: null };
  }
  const { renderCharts } = await import('./charts.js');
  const charts = options.charts ? await renderCharts(a, options.lang) : [];
  const book = ReportWorkbook.create(await OutputFile.open(target));
  try {
    const generatedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const sheets = writeReport(
      book,
      {
        result,
        unitSeries: seriesBy(result.input, 'unit'),
        charts,
        generatedAt,
        quarter: options.quarter,
      },
      options.lang,
    );
    let detail: { rows: number; sheets: number } | null = null;
    if (options.detail) {
      const period: Period = result.input.period;
      detail = await options.detail.write(book, sheetNames(options.lang)[8]!, period);
    }
    await book.commit();
    return {
      sheets: sheets + (detail?.sheets ?? 0),
      detailRows: detail?.rows ?? null,
      cutCells: book.cutCells,
    };
  } catch (error) {
    book.abort();
    throw error;
  }
}

/** The one line on stderr after a file was written. */
export function successLine(
  out: string,
  written: Written,
  result: PipelineResult,
  lang: Lang,
): string {
  const c = formatInt(result.analysis.totals.complaints);
  const rows = written.detailRows === null ? null : formatInt(written.detailRows);
  const cut = written.cutCells ?? 0;
  if (lang === 'zh') {
    const sheets = written.sheets > 0 ? `${written.sheets} 个工作表，` : '';
    const cutNote =
      cut > 0 ? `；${formatInt(cut)} 个单元格超过 Excel 的 32,767 字符上限，已截断` : '';
    return `已写入 ${out}（${sheets}投诉 ${c} 条${rows === null ? '' : `，明细 ${rows} 行`}${cutNote}）`;
  }
  const sheets = written.sheets > 0 ? `${written.sheets} sheets, ` : '';
  const cutNote =
    cut > 0 ? `; ${formatInt(cut)} cells over Excel's 32,767 characters were cut there` : '';
  return `wrote ${out} (${sheets}${c} complaints${rows === null ? '' : `, ${rows} detail rows`}${cutNote})`;
}
