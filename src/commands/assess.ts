/**
 * complaints assess <inputs...> --targets FILE: what it does (options and help: cli/assess.ts).
 *
 * The quarterly-evaluation table: per unit complaints, appeal-approved, assessed, target,
 * over-target rate, share, the same months a year earlier, 同比 and rank, with the units over
 * target marked and a totals row.
 */
import { InputError, said } from '../errors.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { runPipeline } from '../pipeline.js';
import { emitJson, resultJson } from '../report/json.js';
import { assessView } from '../report/sections/terminal.js';
import { colours } from '../report/terminal.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

export async function run(settings: Settings): Promise<void> {
  const { lang, json } = settings;
  if (!settings.targets) {
    throw new InputError(
      'BAD_OPTION',
      said(
        'assess 需要 --targets FILE：各单位的年度考核指标。',
        'assess needs --targets FILE: the annual target of each unit.',
      ),
      said(
        '考核指标文件是 CSV、XLSX 或 JSON，含 供电单位、年度指标 两列，户数 可选。',
        'A CSV, XLSX or JSON file with 供电单位, 年度指标 and optionally 户数.',
      ),
    );
  }
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await runPipeline(settings);
  if (json) {
    await emitJson(resultJson(result, { parts: 'assess' }), json.file ?? true);
    // A cron run's mail: the file named (if any), and the notes that change a figure.
    if (!settings.quiet)
      print(
        process.stderr,
        (await import('../report/sections/notes.js')).jsonWrittenLines(
          json.file ?? null,
          result,
          lang,
          settings.partialFromConfig,
        ),
      );
    return;
  }
  if (settings.quiet) return;
  const { renderAssess } = await import('../report/summary.js');
  const c = colours(process.stdout, settings.color);
  print(process.stdout, renderAssess(assessView(result, lang), lang, c) + '\n');
}
