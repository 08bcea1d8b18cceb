/**
 * complaints report <inputs...> --quarter 2016Q4 | --month 2016-11 | --year 2016
 *
 * The workbook management receives (DESIGN.md §7): the monthly bulletin, the quarterly
 * evaluation or the year, in one command, the same every time, safe to run from cron. The
 * quarterly evaluation is the year to date against the annual targets, with the quarter's own
 * figures against the same quarter a year earlier.
 */
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { analyse } from '../metrics/analysis.js';
import { monthIndexToString } from '../schema/values.js';
import { parsePeriodOptions, periodJson, spanOf } from '../metrics/period.js';
import { outputPath, periodLabel } from '../config.js';
import { runPipeline } from '../pipeline.js';
import { checkOutput, successLine, writeOutput } from '../report/output.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { emitJson, resultJson } from '../report/json.js';
import {
  addMetricOptions,
  parseLang,
  type MetricOptions,
  withConfig,
  filesRead,
  jsonFile,
} from '../settings.js';
import { PERIOD_HELP } from './analyze.js';
import { print } from '../report/print.js';

export interface ReportOptions extends MetricOptions {
  out?: string;
  detail?: boolean;
  charts: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('report')
    .summary('the report workbook: monthly bulletin, quarterly evaluation or year')
    .description(
      'Write the report workbook (概览, 单位, 月度趋势, 分类, 季节性, 热点, 时效与满意度, 数据质量, and 明细 with --detail), with charts, for a month, a quarter or a year.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt); - reads stdin; default: "inputs" of the config file',
    )
    .option('--out <file>', 'where to write: .xlsx (default 投诉分析-PERIOD.xlsx), .csv or .json')
    .option('--detail', 'add 明细: every complaint of the period with its classification')
    .option('--no-charts', 'leave the chart images out');
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--quarter makes the quarterly evaluation: the year to date (January to the quarter's last
month) against the annual targets (--prorate scales them to the months), with the quarter's
own figures against the same quarter a year earlier. --month makes the monthly bulletin,
--year the year. The workbook is written to a temporary file beside the target and renamed
when complete: a failure or a kill never leaves half a workbook.

Exit codes: 0 written; 2 an input, the targets or the output folder is unusable, or no work
order falls in the period; 3 rows were rejected under --strict.

Examples:
  complaints report fixtures/metrics/95598-20*.xlsx fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --quarter 2016Q4
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx --out reports/2016-11.xlsx
  complaints report exports/*.xlsx --year 2016 --detail --lang en`,
    )
    .action(async (inputs: string[], options: ReportOptions, command: Command) => {
      const c = await withConfig(inputs, options, command);
      return run(c.inputs, c.options, c.outPattern);
    });
}

/** 投诉分析-2016Q4.xlsx, complaints-2016-11.xlsx … from the period as asked or found. */
export function defaultOutName(label: string, lang: 'zh' | 'en'): string {
  return `${lang === 'zh' ? '投诉分析' : 'complaints'}-${label}.xlsx`;
}

export async function run(
  inputs: string[],
  options: ReportOptions,
  outPattern: string | null = null,
): Promise<void> {
  const lang = parseLang(options.lang);
  const request = parsePeriodOptions(options);
  const reads = filesRead(inputs, options);
  await guardOutputs([jsonFile(options.json), options.out], reads);
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  if (options.out) await checkOutput(options.out);
  // The quarterly evaluation reads the year to date; the quarter is analysed from the same data.
  const quarter = request.kind === 'quarter' ? { from: request.from!, to: request.to! } : null;
  const pipelineOptions: MetricOptions = quarter
    ? {
        ...options,
        quarter: undefined,
        from: monthIndexToString(Math.floor(quarter.from / 12) * 12),
        to: monthIndexToString(quarter.to),
      }
    : options;
  const asked = parsePeriodOptions(pipelineOptions);
  const known =
    asked.from !== null && asked.to !== null ? { from: asked.from, to: asked.to } : null;
  const detail = options.detail
    ? new (await import('../report/detail.js')).DetailRows(lang, known)
    : null;
  try {
    const result = await runPipeline(inputs, pipelineOptions, detail?.observe);
    const label = request.label ?? periodLabel('range', ...spanOf(result.input.period));
    const out = resolve(
      options.out ??
        (outPattern
          ? outputPath(outPattern, { label, ...periodJson(result.input.period) }, new Date())
          : defaultOutName(label, lang)),
    );
    if (!options.out) {
      await guardOutputs([out], reads);
      await checkOutput(out);
    }
    // A quarter is held against its share of the annual target, whatever --prorate says.
    const quarterAnalysis = quarter
      ? analyse({
          ...result.input,
          period: quarter,
          request,
          settings: { ...result.input.settings, prorate: true },
        })
      : null;
    const written = await writeOutput(out, result, {
      lang,
      charts: options.charts,
      detail,
      quarter: quarterAnalysis,
    });
    if (!options.quiet)
      print(
        process.stderr,
        successLine(options.out ?? relative(process.cwd(), out), written, result, lang) + '\n',
      );
    if (options.json !== undefined)
      await emitJson(resultJson(result, { quarter: quarterAnalysis }), options.json);
  } finally {
    detail?.remove();
  }
}
