/**
 * complaints report <inputs...> --quarter 2016Q4 | --month 2016-11 | --year 2016: what it does
 * (options and help: cli/report.ts).
 *
 * The workbook management receives (DESIGN.md §7): the monthly bulletin, the quarterly
 * evaluation or the year, in one command, the same every time, safe to run from cron. The
 * quarterly evaluation is the year to date against the annual targets, with the quarter's own
 * figures against the same quarter a year earlier.
 */
import { relative, resolve } from 'node:path';
import { analyse } from '../metrics/analysis.js';
import { monthPeriod, periodJson } from '../metrics/period.js';
import { runPipeline } from '../pipeline.js';
import { checkOutput, successLine, writeOutput } from '../report/output.js';
import { emitJson, resultJson } from '../report/json.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { print } from '../report/print.js';
import { namedPeriod, reportPath } from '../settings/output-path.js';
import { yearToDate } from '../settings/period-syntax.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

/** 投诉分析-2016Q4.xlsx, complaints-2016-11.xlsx … from the period as asked or found. */
export function defaultOutName(label: string, lang: 'zh' | 'en'): string {
  return `${lang === 'zh' ? '投诉分析' : 'complaints'}-${label}.xlsx`;
}

export async function run(settings: Settings): Promise<void> {
  const { lang, period: request } = settings;
  const reads = filesRead(settings);
  await guardOutputs([settings.json?.file, settings.out], reads);
  if (settings.json?.file) await checkWritable(settings.json.file);
  if (settings.out) await checkOutput(settings.out);
  // The quarterly evaluation reads the year to date; the quarter is analysed from the same data.
  const quarter = request.kind === 'quarter' ? { from: request.from!, to: request.to! } : null;
  const read: Settings = quarter ? { ...settings, period: yearToDate(quarter) } : settings;
  const asked = read.period;
  const known = asked.from !== null && asked.to !== null ? monthPeriod(asked.from, asked.to) : null;
  const detail = settings.detail
    ? new (await import('../report/detail.js')).DetailRows({
        lang,
        within: known,
        inputs: settings.inputs,
        excludeUnsubstantiated: settings.analysis.excludeUnsubstantiated,
        map: settings.ingest.map,
      })
    : null;
  try {
    const result = await runPipeline(read, detail?.observe);
    const period = namedPeriod(request, periodJson(result.input.period));
    const out = resolve(reportPath(settings, period, defaultOutName(period.label, lang))!);
    if (!settings.out) {
      await guardOutputs([out], reads);
      await checkOutput(out);
    }
    // A quarter is held against its share of the annual target, whatever --prorate says.
    const quarterAnalysis = quarter
      ? analyse({
          ...result.input,
          period: monthPeriod(quarter.from, quarter.to),
          request,
          settings: { ...result.input.settings, prorate: true },
        })
      : null;
    const written = await writeOutput(out, result, {
      lang,
      charts: settings.charts,
      detail,
      quarter: quarterAnalysis,
    });
    if (!settings.quiet)
      print(
        process.stderr,
        successLine(settings.out ?? relative(process.cwd(), out), written, result, lang) + '\n',
      );
    if (settings.json)
      await emitJson(resultJson(result, { quarter: quarterAnalysis }), settings.json.file ?? true);
  } finally {
    detail?.remove();
  }
}
