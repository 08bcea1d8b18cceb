/**
 * complaints assess <inputs...> --targets FILE: what it does (options and help: cli/assess.ts).
 *
 * The quarterly-evaluation table: per unit complaints, appeal-approved, assessed, target,
 * over-target rate, share, the same months a year earlier, 同比 and rank, with the units over
 * target marked and a totals row.
 */
import { InputError } from '../errors.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { runPipeline, resultJson } from '../pipeline.js';
import { emitJson } from '../report/json.js';
import { renderHeader, targetLines, unitTable } from '../report/summary.js';
import { colours } from '../report/terminal.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

export async function run(settings: Settings): Promise<void> {
  const { lang, json } = settings;
  if (!settings.targets) {
    throw new InputError(
      'BAD_OPTION',
      'assess needs --targets FILE: the annual target of each unit.',
      'A CSV, XLSX or JSON file with 供电单位, 年度指标 and optionally 户数.',
    );
  }
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await runPipeline(settings);
  if (json) {
    await emitJson(resultJson(result, 'assess'), json.file ?? true);
    return;
  }
  if (settings.quiet) return;
  const c = colours(process.stdout, settings.color);
  const parts = [
    renderHeader(result, lang, c),
    '',
    unitTable(result.analysis, lang, c),
    ...targetLines(result.analysis, lang),
  ];
  print(process.stdout, parts.join('\n') + '\n');
}
