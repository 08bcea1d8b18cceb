/** complaints report <inputs...>: options and help text (the command: commands/report.ts). */
import type { Command } from 'commander';
import { addMetricOptions } from '../settings/options.js';
import { BY_HELP, PERIOD_HELP } from './analyze.js';

export function register(program: Command): void {
  const command = program
    .command('report')
    .summary(
      'the report workbook or the written bulletin (通报): a day, a week, a month, a quarter or a year',
    )
    .description(
      'Write the report workbook (概览, 单位, 月度趋势, 分类, 季节性, 热点, 时效与满意度, 数据质量, and 明细 with --detail), with charts, for a month, a quarter or a year; or, with --out X.docx or X.md, the written bulletin (通报) of the same figures for Word or for e-mail and chat.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin; default: "inputs" of the config file',
    )
    .option(
      '--out <file>',
      'where to write: .xlsx (the workbook, default 投诉分析-PERIOD.xlsx), .docx or .md (the written bulletin, 通报), .csv (units table) or .json',
    )
    .option(
      '--detail',
      'add 明细: every complaint of the period, how it was counted (统计单位, 统计月份, 是否考核, 来源文件) and its classification',
    )
    .option('--no-charts', 'leave the chart images out (workbook and bulletin)')
    .option(
      '--template <file>',
      "with --out X.docx: fill the company's own bulletin template (.docx with {placeholders}, see README)",
    );
  addMetricOptions(command)
    .addHelpText(
      'after',
      `${PERIOD_HELP}

--quarter makes the quarterly evaluation: the quarter against a quarter of the annual
targets and the same quarter a year earlier, beside its year to date against the annual
targets. --month makes the monthly bulletin: the month beside its year to date. --year
makes the year. --day makes the daily bulletin (日通报): the day's complaints one per line
(当日明细: unit, class, 受理时间, the text cut to 80 characters, phone and customer numbers
masked) against the same weekday's average of the four weeks before. --week makes the
weekly one: the week day by day, against the week before and the same ISO week a year
earlier. 明细 lists the complaints of the year to date beside a month or a quarter.
A quarter's units also give 运检/营销 complaints, 及时回复率 and 及时办结率 (within
--reply-limit, --close-limit).
Every file is written to a temporary file beside the target and renamed when complete: a
failure or a kill never leaves half a workbook or half a bulletin.

${BY_HELP}
Breakdowns are not in the bulletin (.docx, .md) nor the units CSV: there --by is refused
unless --json asks for the result.

Exit codes: 0 written; 2 an input, the targets or the output folder is unusable, no work
order falls in the period, or no row is a complaint (see --complaint-type); 3 rows were
rejected, or a target matches no unit, under --strict.

Examples:
  complaints report fixtures/metrics/95598-20*.xlsx fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --quarter 2016Q4
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx --out reports/2016-11.xlsx
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx --out 通报-2016-11.docx
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx --out 通报-2016-11.md
  complaints report exports/*.xlsx --year 2016 --detail --lang en
  complaints report exports/*.xlsx --day 2016-06-30 --out 日通报-2016-06-30.docx
  complaints report exports/*.xlsx --week 2016-W25 --out 周通报-2016-W25.md
  complaints report exports/*.xlsx --quarter 2016Q4 --by unit --by level1`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('report', inputs, command);
      return (await import('../commands/report.js')).run(settings);
    });
}
