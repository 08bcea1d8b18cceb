/** complaints warn [inputs...]: options and help text (the command: commands/warn.ts). */
import { Option, type Command } from 'commander';
import { addMetricOptions } from '../settings/options.js';

export function register(program: Command): void {
  const command = program
    .command('warn')
    .summary('early warning: each unit red, yellow or green, with the reasons; --fail-on for cron')
    .description(
      'For a month (default: the latest month the exports cover whole): each unit’s level — 红 red, 黄 yellow, 绿 green — and its reasons, most serious first: assessed complaints against the annual target and the year-end forecast from the unit’s seasonal profile, a spike against its own baseline (Poisson tail), customers complaining again within 30 days, escalated work orders, events (several complaints about one place within hours), complaints replied to past the reply limit (--reply-limit, 24 hours), and work orders open or closed past the closing limit.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin; default: "inputs" of the config file',
    )
    .addOption(
      new Option('--fail-on <level>', 'exit 4 when any unit is at or above LEVEL').choices([
        'red',
        'yellow',
      ]),
    )
    .option(
      '--thresholds <file>',
      'a JSON file of thresholds over the defaults (README: Early warning); also "thresholds" in the config file',
    );
  addMetricOptions(command)
    .addHelpText(
      'after',
      `
Period: --month YYYY-MM (2016-11, 201611, 2016年11月), --week 2016-W25, --day 2016-06-30, or
--day latest (the latest day the exports cover for every unit: a daily cron job); without one,
the latest month the exports cover whole. A day is judged against the same weekday of the
four weeks before, a week and a month against their six before and a year earlier.

Targets are annual: the year so far is held against them, and forecast to December — the
assessed complaints so far divided by the share of a year the months gone hold in the unit's
seasonal profile. Its interval (low–high) is the 80% predictive interval of the year-end total:
negative binomial (gamma–Poisson, Jeffreys prior), the rate estimated from the complaints so
far with its uncertainty counted, so 4 complaints after January give 26–86, not 40–57. Red when
the target is reached or the interval's low end reaches it; yellow when the forecast does.

Late replies (回复时间 past 受理时间 + --reply-limit, default 24 hours as in the timeliness
section; yellow from 3 in the month, red from 6) are judged only for the inputs with a 回复时间 column, and
only on the work orders recording a reply; overdue work orders only for the inputs with a
办结时间 column (repeats: 客户编号 or 联系电话; escalation: 是否越级; events: 用电地址 or
受理内容, said when only one is there); the checks not made, and the inputs not judged, are
said under the levels (未能判断) and in the JSON's notes [{code, message, zh, files?}].
--json prints {period, thresholds, levels, units: [{unit, level, reasons, forecast: {assessed,
annualTarget, yearEnd, low, high, profile, interval}}], notes}.

Exit codes: 0 done (whatever the levels, without --fail-on); 2 an input, the targets or the
thresholds file cannot be read, or no month is covered whole; 3 rows were rejected, or a target
matches no unit, under --strict; 4 --fail-on LEVEL and a unit at or above it.

Examples:
  complaints warn exports/*.xlsx --targets targets.xlsx
  complaints warn exports/*.xlsx --targets targets.xlsx --month 2016-11 --json
  complaints warn --fail-on red        # from complaints.config.json, in cron`,
    )
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('warn', inputs, command);
      return (await import('../commands/warn.js')).run(settings);
    });
}
