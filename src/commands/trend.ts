/**
 * complaints trend <inputs...>
 *
 * The monthly series — complaints, assessed, 环比, 同比 — and the average monthly reduction,
 * overall or (--by) one series per unit, class or discipline.
 */
import { Option, type Command } from 'commander';
import { checkWritable, guardOutputs } from '../io/write.js';
import { seriesBy, TREND_GROUPS, type GroupSeries, type TrendBy } from '../metrics/trend.js';
import { runPipeline, resultJson } from '../pipeline.js';
import { emitJson } from '../report/json.js';
import { labels, monthTable, renderHeader } from '../report/summary.js';
import { colours, formatInt, formatPercent, table } from '../report/terminal.js';
import {
  addMetricOptions,
  parseLang,
  type Lang,
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

function groupTable(series: GroupSeries[], lang: Lang): string {
  const t = labels(lang);
  const months = series[0]?.months.map((m) => m.month.slice(2)) ?? [];
  const head = ['', ...months, t.total, t.compound];
  const rows = series.map((s) => [
    lang === 'zh' ? s.name : s.nameEn,
    ...s.months.map((m) => formatInt(m.complaints)),
    formatInt(s.complaints),
    formatPercent(s.avgMonthlyReduction.compound),
  ]);
  return table(
    head,
    rows,
    head.map((_, i) => (i === 0 ? 'left' : 'right')),
  );
}

export async function run(inputs: string[], options: TrendOptions): Promise<void> {
  const lang = parseLang(options.lang);
  await guardOutputs([jsonFile(options.json)], filesRead(inputs, options));
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  const result = await runPipeline(inputs, options);
  const series = options.by ? seriesBy(result.input, options.by) : null;
  if (options.json !== undefined) {
    await emitJson(
      resultJson(result, 'trend', series ? { by: options.by, series } : {}),
      options.json,
    );
    return;
  }
  if (options.quiet) return;
  const c = colours(process.stdout, options.color);
  const parts = [
    renderHeader(result, lang, c),
    '',
    monthTable(result.analysis.months, result.analysis, lang, c),
  ];
  if (series) parts.push('', groupTable(series, lang));
  print(process.stdout, parts.join('\n') + '\n');
}
