/**
 * complaints analyze <inputs...>: what it does (the options and help text are in cli/analyze.ts).
 *
 * The main command: reads the exports as one data set, classifies the complaints, and prints
 * the summary an analyst reads in ten seconds — totals against target, units ranked, the
 * monthly series with 环比, categories and hot spots, data problems — or with --json the full
 * result of DESIGN.md §6.
 */
import { said } from '../errors.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { periodJson } from '../metrics/period.js';
import { reportSpan } from '../metrics/sections/year-to-date.js';
import { runPipeline } from '../pipeline.js';
import type { Written } from '../report/output.js';
import { emitJson, resultJson } from '../report/json.js';
import { print } from '../report/print.js';
import { namedPeriod, outName, reportPath, reportPathToCheck } from '../settings/output-path.js';
import { refuseTableInputsWouldRead } from '../settings/inputs.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

/**
 * The workbook's and the terminal's modules (the report model, its sections, the charts' and the
 * summary's) are loaded only when the run writes them: `--json` alone does without, and the
 * reading starts the sooner.
 */
const output = () => import('../report/output.js');

export async function run(settings: Settings): Promise<void> {
  const { lang, json } = settings;
  const reads = filesRead(settings);
  await guardOutputs([json?.file, settings.out], reads);
  refuseTableInputsWouldRead(settings.out, settings.expandedInputs, process.cwd());
  if (json?.file) await checkWritable(json.file);
  const toCheck = reportPathToCheck(settings);
  const kind = toCheck ? await (await output()).checkOutput(toCheck, outName(settings)) : null;
  if (settings.template !== null && (await output()).fillsTemplate(settings))
    await (await import('../report/template.js')).checkTemplate(settings.template!);
  const detail =
    settings.detail && kind === 'xlsx'
      ? new (await import('../report/detail.js')).DetailRows({
          lang,
          within: reportSpan(settings.period),
          inputs: settings.inputs,
          excludeUnsubstantiated: settings.analysis.excludeUnsubstantiated,
          map: settings.ingest.map,
        })
      : null;
  const detailStart = detail && (await output()).detailStart;
  try {
    const result = await runPipeline(
      settings,
      undefined,
      detail?.collected,
      // The 明细 rows: many made on a worker while this thread analyses and draws (detail.ts).
      detail
        ? (input) => {
            const { period, complaints } = detailStart!(input);
            detail.start(period, settings.ingest.threads ?? 1, complaints);
          }
        : undefined,
    );
    const period = result.input.period;
    const out = reportPath(settings, namedPeriod(result.input.request, periodJson(period)), null);
    let written: Written | null = null;
    if (out) {
      if (!settings.out) await guardOutputs([out], reads);
      written = await (
        await output()
      ).writeOutput(out, result, {
        lang,
        charts: settings.charts,
        detail,
        quarterKey: false,
        template: settings.template,
        issued: null,
      });
    }
    if (json) await emitJson(resultJson(result), json.file ?? true);
    else if (!settings.quiet) {
      const { renderSummary } = await import('../report/summary.js');
      const { summaryView } = await import('../report/sections/terminal.js');
      const { colours } = await import('../report/terminal.js');
      const c = colours(process.stdout, settings.color);
      print(process.stdout, renderSummary(summaryView(result, lang), lang, c) + '\n');
    }
    const left = settings.outLeftToReport;
    // Said at the end of every run it concerns: the analyst wondering where the workbook went.
    if (left && !settings.quiet)
      print(
        process.stderr,
        `${
          said(
            `${left.file} 中的 "out"（${left.out}）是 report 的输出，analyze 不写它；要让 analyze 写出文件，请用 --out FILE。`,
            `"out" in ${left.file} (${left.out}) is report's output; analyze does not write it. Give --out FILE for analyze to write a file.`,
          )[lang]
        }\n`,
      );
    // After the summary, so that the notes are the last thing a terminal shows.
    if (out && written && !settings.quiet)
      print(
        process.stderr,
        (await output()).successLines(out, written, result, lang, settings.partialFromConfig),
      );
    if (json && !settings.quiet) {
      const notes = !(out && written);
      print(
        process.stderr,
        (await import('../report/sections/notes.js')).jsonWrittenLines(
          json.file ?? null,
          result,
          lang,
          settings.partialFromConfig,
          notes,
        ),
      );
    }
  } finally {
    detail?.remove();
  }
}
