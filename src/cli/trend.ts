/** complaints trend <inputs...>: options and help text (the command: commands/trend.ts). */
import type { Command } from 'commander';
import { addMetricOptions } from '../settings/options.js';
import { PERIOD_HELP } from './analyze.js';

export function register(program: Command): void {
  const command = program
    .command('trend')
    .summary('the monthly series with 环比, 同比 and the average monthly reduction; --by groups')
    .description(
      'The monthly series of complaints and assessed complaints with 环比 (mom), 同比 (yoy) and the average monthly reduction (arithmetic and compound), overall or one series per unit, class or discipline.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin; default: "inputs" of the config file',
    );
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--by DIM draws one series per group of DIM: a field (unit, level1, level2, level3,
discipline, channel, urbanRural, customerType, station) or a column header as written in
the export (--by 供电所, --by URBAN_RURAL_FLAG); a blank value is a series of its own.

--json prints months, trend and seasonality in the DESIGN.md §6 shape; with --by also
"series": one {key, name, complaints, months, avgMonthlyReduction} per group.

A month the exports cover only in part (an export taken on 26 December) is marked with the
day its data runs to (数据截至) and left out of 环比, 同比, seasonality, the average
monthly reduction and the trend chart; --include-partial counts it as a whole month.

Exit codes: 0 done; 2 an input cannot be read, no work order falls in the period, or no row
is a complaint (see --complaint-type); 3 rows were rejected under --strict.

Examples:
  complaints trend fixtures/metrics/95598-2016-04-12-series.csv
  complaints trend exports/*.xlsx --year 2016 --by unit
  complaints trend exports/*.xlsx --from 2016-04 --to 2016-12 --by level1 --json
  complaints trend exports/*.xlsx --year 2016 --by channel`,
    )
    .action(async (inputs: string[], _options: object, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('trend', inputs, command);
      return (await import('../commands/trend.js')).run(settings);
    });
}
