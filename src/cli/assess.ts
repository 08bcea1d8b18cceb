/** complaints assess <inputs...> --targets FILE: options and help text (the command: commands/assess.ts). */
import type { Command } from 'commander';
import { addMetricOptions } from '../settings/options.js';
import { BY_HELP, PERIOD_HELP } from './analyze.js';

export function register(program: Command): void {
  const command = program
    .command('assess')
    .summary('units against their targets: assessed complaints, over-target rate, rank')
    .description(
      'Per unit: complaints, appeal-approved, assessed, target, over-target rate (超指标率), share, the same months a year earlier, 同比 and rank; units over target marked; a totals row.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin; default: "inputs" of the config file',
    );
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--targets is required. Targets are annual: for a quarter or a month, --prorate scales them
by months / 12 (a quarter's target is a quarter of the year's). Units in the data without
a target, and targets of units not in the data, are listed, never guessed.
--json prints units and targets in the DESIGN.md §6 shape.

${BY_HELP}
assess classifies (--taxonomy, --model) only for --by level1, level2, level3 or discipline.

Exit codes: 0 done; 2 an input, the targets, units or codes file cannot be read, no work
order falls in the period, or no row is a complaint (see --complaint-type); 3 rows were
rejected, or a target matches no unit, under --strict.

Examples:
  complaints assess fixtures/metrics/95598-2016-*.xlsx fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --year 2016
  complaints assess exports/*.xlsx --targets targets.xlsx --quarter 2016Q4 --prorate
  complaints assess exports/*.xlsx --targets targets.xlsx --quarter 2016Q4 --by unit --by channel`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('assess', inputs, command);
      return (await import('../commands/assess.js')).run(settings);
    });
}
