/**
 * complaints report <inputs...> --quarter 2016Q4 | --month 2016-11 | --year 2016: what it does
 * (options and help: cli/report.ts).
 *
 * The workbook management receives (DESIGN.md §7): the monthly bulletin, the quarterly
 * evaluation or the year, in one command, the same every time, safe to run from cron. A month
 * or a quarter is shown with its year to date: the period's own figures (against the same
 * months a year earlier; a quarter against its share of the annual targets) beside January to
 * its last month against the annual targets, with the units that have already reached theirs.
 */
import { relative, resolve } from 'node:path';
import { periodJson } from '../metrics/period.js';
import { reportSpan } from '../metrics/sections/year-to-date.js';
import { runPipeline } from '../pipeline.js';
import {
  detailStart,
  checkOutput,
  fillsTemplate,
  outputKind,
  successLines,
  writeOutput,
} from '../report/output.js';
import { emitJson, resultJson } from '../report/json.js';
import { jsonWrittenLines } from '../report/sections/notes.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { print } from '../report/print.js';
import { namedPeriod, outName, reportPath } from '../settings/output-path.js';
import { refuseTableInputsWouldRead } from '../settings/inputs.js';
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
  refuseTableInputsWouldRead(settings.out, settings.expandedInputs, process.cwd());
  if (settings.json?.file) await checkWritable(settings.json.file);
  if (settings.out) await checkOutput(settings.out);
  // The config file's pattern by its kind before any reading (its folder may hold a {period}).
  else if (settings.outPattern) outputKind(settings.outPattern, outName(settings));
  if (fillsTemplate(settings))
    await (await import('../report/template.js')).checkTemplate(settings.template!);
  const detail = settings.detail
    ? new (await import('../report/detail.js')).DetailRows({
        lang,
        within: reportSpan(request),
        inputs: settings.inputs,
        excludeUnsubstantiated: settings.analysis.excludeUnsubstantiated,
        map: settings.ingest.map,
      })
    : null;
  try {
    // A month or a quarter comes with its year to date (analysis.yearToDate).
    const result = await runPipeline(
      settings,
      undefined,
      detail?.collected,
      // The 明细 rows: many made on a worker while this thread analyses and draws (detail.ts).
      detail
        ? (input) => {
            const { period, complaints } = detailStart(input);
            detail.start(period, settings.ingest.threads ?? 1, complaints);
          }
        : undefined,
    );
    const period = namedPeriod(request, periodJson(result.input.period));
    const out = resolve(reportPath(settings, period, defaultOutName(period.label, lang))!);
    if (!settings.out) {
      await guardOutputs([out], reads);
      await checkOutput(out, outName(settings));
    }
    const quarterKey = request.kind === 'quarter';
    const written = await writeOutput(out, result, {
      lang,
      charts: settings.charts,
      detail,
      quarterKey,
      template: settings.template,
      issued: settings.issued,
    });
    if (!settings.quiet)
      print(
        process.stderr,
        successLines(
          settings.out ?? relative(process.cwd(), out),
          written,
          result,
          lang,
          settings.partialFromConfig,
        ),
      );
    if (settings.json)
      await emitJson(resultJson(result, { quarterKey }), settings.json.file ?? true);
    // The JSON file named too; the notes were said with the report's line.
    if (settings.json?.file && !settings.quiet)
      print(process.stderr, jsonWrittenLines(settings.json.file, result, lang, null, false));
  } finally {
    detail?.remove();
  }
}
