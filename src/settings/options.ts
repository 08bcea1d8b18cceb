/**
 * The options commands declare, once for all of them, and what commander hands over: only the
 * options typed on the command line (defaults are resolveSettings' to apply, after the config
 * file's). Cheap to import: `complaints --help` loads this, not the readers.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_SETTINGS } from '../metrics/types.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import {
  DEFAULT_HOT_WORDS,
  type CommandLine,
  type CommandLineOptions,
  type CommandName,
} from './types.js';
import { NOT_USED } from './unused.js';

/** Repeatable options: commander collects them through this. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Declares the options every command that reads exports takes. */
export function addCommonOptions(command: Command): Command {
  return command
    .option(
      '--map <field=header>',
      'map a header to a field, overriding the built-in names (repeatable); target=, customers= and targetUnit= name the columns of the --targets file',
      collect,
    )
    .option(
      '--complaint-type <value>',
      'another 业务类型 value meaning complaint, e.g. a system code (repeatable)',
      collect,
    )
    .option(
      '--encoding <name>',
      'CSV encoding instead of sniffing: utf-8, gb18030 (also GBK), utf-16le, utf-16be',
    )
    .option(
      '--sheet <name|number>',
      'xlsx sheet to read instead of finding the one with the header (1 = first)',
    )
    .option(
      '--max-inflated <size>',
      'refuse an xlsx with a part that inflates beyond SIZE, e.g. 8GiB (default 4GiB: a zip-bomb guard)',
    )
    .option(
      '--json [file]',
      'print the result as JSON (schemaVersion 1) to stdout, or write it to FILE',
    )
    .option(
      '--strict',
      'exit 3 when any row was rejected, or a unit of --targets matches none of the data',
    )
    .option('--quiet', 'print nothing but errors (the exit code still tells)')
    .option('--lang <zh|en>', 'language of the labels', 'zh')
    .option('--no-color', 'no colour even on a terminal')
    .option(
      '--threads <n>',
      "threads to read a large CSV or xlsx with (default and most: the machine's cores; 1: one thread)",
    );
}

/** The period options: the metric commands' and classify's. */
function periodOptions(): Option[] {
  return [
    new Option('--from <YYYY-MM[-DD]>', 'first month (or day: 2016-06-01) of the period'),
    new Option('--to <YYYY-MM[-DD]>', 'last month (or day: 2016-06-15) of the period'),
    new Option('--month <YYYY-MM>', 'one month: 2016-11, 201611 or 2016年11月'),
    new Option('--quarter <YYYYQn>', 'one quarter: 2016Q4, 2016年第四季度 or 2016年4季度'),
    new Option('--year <YYYY>', 'one calendar year: 2016 or 2016年'),
    new Option(
      '--week <YYYY-Www>',
      'one ISO week, Monday to Sunday: 2016-W25, 2016W25 or 2016年第25周',
    ),
    new Option('--day <YYYY-MM-DD>', 'one day: 2016-06-30, 20160630 or 2016年6月30日'),
  ];
}

/** Declares the period options (classify: the metric commands declare them with theirs). */
export function addPeriodOptions(command: Command): Command {
  for (const option of periodOptions()) command.addOption(option);
  return command;
}

/**
 * Declares the options of the metric commands (analyze, trend, assess, report). The defaults
 * shown are those resolveSettings applies. Those a command does not use (unused.ts) are hidden
 * from its help and refused with a reason when typed.
 */
export function addMetricOptions(command: Command): Command {
  const defaults = { taxonomy: DEFAULT_TAXONOMY, ...DEFAULT_SETTINGS };
  const options = [
    ...periodOptions(),
    new Option(
      '--targets <file>',
      'annual targets per unit: CSV, XLSX or JSON (供电单位, 年度指标, 户数)',
    ),
    new Option(
      '--prorate',
      'scale annual targets by months / 12 (a month or a quarter: its year to date)',
    ),
    new Option(
      '--exclude-unsubstantiated',
      'do not hold complaints found untrue (不属实) against the unit either',
    ),
    new Option(
      '--include-partial',
      'count months the exports cover only in part (an export that ends on the 26th) as whole months in 环比, 同比, seasonality and the average monthly reduction',
    ),
    new Option(
      '--taxonomy <name|file>',
      'taxonomy to classify with (see complaints taxonomy)',
    ).default(defaults.taxonomy),
    new Option(
      '--model <file>',
      'a model made with classify --train, for texts the rules cannot place (replaces the shipped model)',
    ),
    new Option('--no-model', 'rules alone: no model, not even the one shipped for sgcc-95598'),
    new Option(
      '--reply-limit <limit>',
      'reply time limit for timeliness: hours (24, 24h) or working days on the Chinese holiday calendar (1wd)',
    ).default(`${defaults.replyLimit.value}h`),
    new Option(
      '--close-limit <limit>',
      'closing time limit for timeliness: hours (144, 144h) or working days (4wd)',
    ).default(`${defaults.closeLimit.value}h`),
    new Option(
      '--top <n>',
      'length of the hot-spot and repeat-complainant lists (the terminal summary shows 5 hot spots unless another length is given)',
    ).default(String(defaults.top)),
    new Option('--no-progress', 'no progress line on stderr, even at a terminal'),
    new Option(
      '--config <file>',
      'settings for unattended runs (default: complaints.config.json here, if there is one)',
    ),
    new Option(
      '--units <file>',
      'unit codes and spellings to names, with the hierarchy: CSV, XLSX or JSON (单位编码, 单位名称, 上级单位, 别名)',
    ),
    new Option(
      '--rollup [levels]',
      'count each unit under its parent in --units (供电所 under their county), or LEVELS up (default 1)',
    ),
    new Option(
      '--codes <file>',
      'names for coded columns: CSV, XLSX or JSON (列, 代码, 名称: URBAN_RURAL_FLAG, 01, 城市)',
    ),
    new Option(
      '--by <dim>',
      'break the complaints down by DIM: unit, level1, level2, level3, discipline, channel, urbanRural, customerType, station, month, or a column header as written (URBAN_RURAL_FLAG); twice for a two-way table',
    ).argParser(collect),
    new Option(
      '--hot-words <n>',
      'how many hot words of the complaint texts (受理内容) to list, with half as many two-word phrases and the emerging terms',
    ).default(String(DEFAULT_HOT_WORDS)),
    new Option('--no-hot-words', 'no hot words (the texts are then not segmented)'),
    new Option('--hot-words-by <unit>', 'also list each unit’s top hot words'),
  ];
  const unused = NOT_USED[command.name() as CommandName] ?? {};
  for (const option of options) {
    command.addOption(option.attributeName() in unused ? option.hideHelp() : option);
  }
  return addCommonOptions(command);
}

/**
 * The inputs and the options typed on the command line (commander's value source "cli"), with
 * the command's own options among them, as commander names them.
 */
export function commandLineOf(
  inputs: string[],
  command: Command,
): CommandLine & { options: CommandLineOptions & Record<string, unknown> } {
  const all = command.opts();
  const options: Record<string, unknown> = {};
  for (const key of Object.keys(all)) {
    if (command.getOptionValueSource(key) === 'cli') options[key] = all[key];
  }
  return { inputs, options };
}
