/**
 * complaints analyze <inputs...>: options and help text. The command itself (commands/analyze.ts)
 * is imported when it runs, so that --help loads no reader, writer or chart library.
 */
import type { Command } from 'commander';
import { addMetricOptions } from '../settings/options.js';

/** --by, as analyze, assess and report take it (trend: one series per group, its own words). */
export const BY_HELP = `--by DIM breaks the complaints down by a field (unit, level1, level2, level3, discipline,
channel, urbanRural, customerType, station, month) or by a column header as written in the
export (--by URBAN_RURAL_FLAG, --by 受理渠道); twice for a two-way table (--by unit --by level1)
with totals both ways. Each group: complaints, assessed, share, 同比, 环比 and rank; a blank
value is a group of its own, (空). --json adds "breakdowns"; a workbook gets a sheet per
breakdown with a chart. The config file's "by" may give several breakdowns:
"by": [["channel"], ["unit", "level1"]].`;

export const PERIOD_HELP = `
Period: --month 2016-11, --quarter 2016Q4, --year 2016, --week 2016-W25 (ISO, Monday to
Sunday), --day 2016-06-30, or --from/--to YYYY-MM or YYYY-MM-DD. Without them, the latest
calendar year in the data, from its first to its last month with complaints. 同比 (yoy)
compares with the same months a year earlier and 环比 (mom) with the months just before,
when the inputs cover them; otherwise they are null ("-").
Months are those of the acceptance time as written in the export, whatever TZ says.
The days each export covers are judged from its title rows (导出时间, 统计时间 … 至 …), its
last work order and its daily volume: a month covered only in part (an export taken on
26 December) is marked and left out of 环比, 同比, seasonality, the average monthly
reduction and the trend chart unless --include-partial is given.

A month or a quarter comes with its year to date (累计, January to its last month), in
every command: ranked, against the annual targets (--prorate: months / 12 of them), with
the units whose assessed complaints have already reached their annual target named. The
month is held against no target; a quarter against a quarter of the annual target.
A day or a week is held against no target and has no year to date (months are the unit of
the evaluation): it is shown day by day, against the day (or week) before, the same day
(or ISO week) a year earlier, and the same weekday's average of the four weeks before.

Metrics (DESIGN.md §2): assessed = complaints − appeal-approved (申诉成功), and − the
unsubstantiated (不属实) too with --exclude-unsubstantiated (a complaint is subtracted
once); over-target rate = (assessed − target) / target; share = unit / all complaints;
average monthly reduction: arithmetic (mean of −环比) and compound 1 − (last/first)^(1/(n−1)).
Timeliness counts a reply later than --reply-limit (default 24h) or a closing later than
--close-limit (default 144h, i.e. six days) as over the limit. A limit is in hours (24,
24h) or in working days (4wd): due at the end of the 4th working day after the day of
acceptance, on the Chinese holiday and 调休 calendar (chinese-days; outside its years,
Saturday and Sunday are the rest days, and a note says so).

Unattended runs: complaints.config.json in the working directory (or --config FILE) holds
the same settings ("inputs" globs, "targets", "period": "previous-month", "previous-day",
"previous-week" and other rules,
"out": "reports/投诉分析-{period}.xlsx", "lang" …); the command line wins where both are given.
No colour or progress line unless stderr/stdout is a terminal.

Inputs: a folder reads the exports inside it (.xlsx, .csv, .txt; not hidden folders), a
quoted pattern ('exports/*.xlsx') is expanded; a line on stderr names the files each gave.
An option the command would not use (trend --targets, --prorate without targets, analyze
--detail without --out FILE.xlsx) is refused with exit 2, saying why.`;

export function register(program: Command): void {
  const command = program
    .command('analyze')
    .summary('the summary: totals against target, units, months, categories, hot spots')
    .description(
      'Analyse the exports as one data set: complaints, assessed complaints against targets, units ranked, the monthly series with 环比/同比, categories, hot spots, repeat complainants, timeliness and satisfaction.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin; default: "inputs" of the config file',
    )
    .option(
      '--out <file>',
      'also write the report: .xlsx (workbook), .docx or .md (the written bulletin), .csv (units table) or .json',
    )
    .option('--detail', 'with --out .xlsx: add 明细, every complaint of the period')
    .option('--no-charts', 'with --out .xlsx or .docx: leave the chart images out')
    .option('--template <file>', 'with --out .docx: fill this bulletin template (see README)');
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--json prints the full result (schemaVersion 1, DESIGN.md §6) instead of the summary;
--json FILE writes it to FILE atomically.

${BY_HELP}

Exit codes: 0 done; 2 an input, the targets, units or codes file cannot be read, no work
order falls in the period, or no row is a complaint (see --complaint-type); 3 rows were
rejected, or a target matches no unit, under --strict.

Examples:
  complaints analyze fixtures/metrics/95598-2015.xlsx fixtures/metrics/95598-2016-01-06.xlsx \\
      fixtures/metrics/95598-2016-06-12-gb18030.csv --targets fixtures/metrics/targets-2016.csv
  complaints analyze exports/*.xlsx --quarter 2016Q4 --targets targets.xlsx --prorate
  complaints analyze export.csv --month 2016-11 --json result.json
  complaints analyze exports/*.csv --units units.csv --rollup --targets county-targets.csv
  complaints analyze exports/*.xlsx --quarter 2016Q4 --by unit --by level1`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('analyze', inputs, command);
      return (await import('../commands/analyze.js')).run(settings);
    });
}
