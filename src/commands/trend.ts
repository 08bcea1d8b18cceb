/**
 * complaints trend <inputs...>: what it does (options and help: cli/trend.ts).
 *
 * The monthly series — complaints, assessed, 环比, 同比 — and the average monthly reduction,
 * overall or (--by) one series per unit, class or discipline.
 */
import { checkWritable, guardOutputs } from '../io/write.js';
import { seriesBy, type TrendBy } from '../metrics/trend.js';
import { runPipeline } from '../pipeline.js';
import { emitJson, resultJson } from '../report/json.js';
import { trendView } from '../report/sections/terminal.js';
import { colours } from '../report/terminal.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

/** --by: one series per group, or null for the overall series alone. */
export interface TrendExtras {
  by: TrendBy | null;
}

export async function run(settings: Settings, { by }: TrendExtras): Promise<void> {
  const { lang, json } = settings;
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await runPipeline(settings);
  const series = by ? seriesBy(result.input, by) : null;
  if (json) {
    await emitJson(
      resultJson(result, { parts: 'trend', extra: series ? { by, series } : {} }),
      json.file ?? true,
    );
    return;
  }
  if (settings.quiet) return;
  const { renderTrend } = await import('../report/summary.js');
  const c = colours(process.stdout, settings.color);
  print(process.stdout, renderTrend(trendView(result, series, lang), lang, c) + '\n');
}
