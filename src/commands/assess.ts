/**
 * complaints assess <inputs...> --targets FILE
 *
 * The quarterly-evaluation table: per unit complaints, appeal-approved, assessed, target,
 * over-target rate, share, the same months a year earlier, 同比 and rank, with the units over
 * target marked and a totals row.
 */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { runPipeline } from '../pipeline.js';
import { emitJson, resultJson } from '../report/json.js';
import { assessView } from '../report/sections/terminal.js';
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

export function register(program: Command): void {
  const command = program
    .command('assess')
    .summary('units against their targets: assessed complaints, over-target rate, rank')
    .description(
      'Per unit: complaints, appeal-approved, assessed, target, over-target rate (超指标率), share, the same months a year earlier, 同比 and rank; units over target marked; a totals row.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt); - reads stdin; default: "inputs" of the config file',
    );
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--targets is required. Targets are annual: for a quarter or a month, --prorate scales them
by months / 12 (a quarter's target is a quarter of the year's). Units in the data without
a target, and targets of units not in the data, are listed, never guessed.
--json prints units and targets in the DESIGN.md §6 shape.

Exit codes: 0 done; 2 an input or the targets file cannot be read, or no work order falls
in the period; 3 rows were rejected under --strict.

Examples:
  complaints assess fixtures/metrics/95598-2016-*.xlsx fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --year 2016
  complaints assess exports/*.xlsx --targets targets.xlsx --quarter 2016Q4 --prorate`,
    )
    .action(async (inputs: string[], options: MetricOptions, command: Command) => {
      const c = await withConfig(inputs, options, command);
      return run(c.inputs, c.options);
    });
}

export async function run(inputs: string[], options: MetricOptions): Promise<void> {
  const lang = parseLang(options.lang);
  if (!options.targets) {
    throw new InputError(
      'BAD_OPTION',
      'assess needs --targets FILE: the annual target of each unit.',
      'A CSV, XLSX or JSON file with 供电单位, 年度指标 and optionally 户数.',
    );
  }
  await guardOutputs([jsonFile(options.json)], filesRead(inputs, options));
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  const result = await runPipeline(inputs, options);
  if (options.json !== undefined) {
    await emitJson(resultJson(result, { parts: 'assess' }), options.json);
    return;
  }
  if (options.quiet) return;
  const { renderAssess } = await import('../report/summary.js');
  const c = colours(process.stdout, options.color);
  print(process.stdout, renderAssess(assessView(result, lang), lang, c) + '\n');
}
