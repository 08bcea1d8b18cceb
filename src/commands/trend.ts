/**
 * complaints trend <inputs...>
 *
 * The monthly series — complaints, assessed, 环比, 同比 — and the average monthly reduction,
 * overall or (--by) one series per unit, class or discipline.
 */
import { Option, type Command } from 'commander';
import { checkWritable, guardOutputs } from '../io/write.js';
import { seriesBy, TREND_GROUPS, type TrendBy } from '../metrics/trend.js';
import { runPipeline } from '../pipeline.js';
import { emitJson, resultJson } from '../report/json.js';
import { trendView } from '../report/sections/terminal.js';
import { colours } from '../report/terminal.js';
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

interface TrendOptions extends MetricOptions {
  by?: TrendBy;
}

export function register(program: Command): void {
  const command = program
    .command('trend')
    .summary('the monthly series with 环比, 同比 and the average monthly reduction; --by groups')
    .description(
      'The monthly series of complaints and assessed complaints with 环比 (mom), 同比 (yoy) and the average monthly reduction (arithmetic and compound), overall or one series per unit, class or discipline.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt); - reads stdin; default: "inputs" of the config file',
    )
    .addOption(new Option('--by <group>', 'one series per group').choices(TREND_GROUPS));
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--json prints months, trend and seasonality in the DESIGN.md §6 shape; with --by also
"series": one {key, name, complaints, months, avgMonthlyReduction} per group.

Exit codes: 0 done; 2 an input cannot be read, or no work order falls in the period;
3 rows were rejected under --strict.

Examples:
  complaints trend fixtures/metrics/95598-2016-04-12-series.csv
  complaints trend exports/*.xlsx --year 2016 --by unit
  complaints trend exports/*.xlsx --from 2016-04 --to 2016-12 --by level1 --json`,
    )
    .action(async (inputs: string[], options: TrendOptions, command: Command) => {
      const c = await withConfig(inputs, options, command);
      return run(c.inputs, c.options);
    });
}

export async function run(inputs: string[], options: TrendOptions): Promise<void> {
  const lang = parseLang(options.lang);
  await guardOutputs([jsonFile(options.json)], filesRead(inputs, options));
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  const result = await runPipeline(inputs, options);
  const series = options.by ? seriesBy(result.input, options.by) : null;
  if (options.json !== undefined) {
    await emitJson(
      resultJson(result, { parts: 'trend', extra: series ? { by: options.by, series } : {} }),
      options.json,
    );
    return;
  }
  if (options.quiet) return;
  const { renderTrend } = await import('../report/summary.js');
  const c = colours(process.stdout, options.color);
  print(process.stdout, renderTrend(trendView(result, series, lang), lang, c) + '\n');
}
