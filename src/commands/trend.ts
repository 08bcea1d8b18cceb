/**
 * complaints trend <inputs...>: what it does (options and help: cli/trend.ts).
 *
 * The monthly series — complaints, assessed, 环比, 同比 — and the average monthly reduction,
 * overall or (--by) one series per unit, class or discipline.
 */
import { checkWritable, guardOutputs } from '../io/write.js';
import { InputError, said } from '../errors.js';
import { dimensionName } from '../metrics/breakdown.js';
import { breakdownDimension } from '../metrics/dimensions.js';
import { seriesBy } from '../metrics/trend.js';
import { runPipeline } from '../pipeline.js';
import { emitJson, resultJson } from '../report/json.js';
import { trendView } from '../report/sections/terminal.js';
import { colours } from '../report/terminal.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

export async function run(settings: Settings): Promise<void> {
  const { lang, json } = settings;
  // --by: one series per group (one dimension: see trendBy), or the overall series alone.
  const by = trendBy(settings.by);
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await runPipeline(settings);
  const series = by ? seriesBy(result.input, by) : null;
  if (json) {
    await emitJson(
      resultJson(result, {
        parts: 'trend',
        // The dimension by its field's name (受理渠道 is channel), as breakdowns[].by names it.
        extra: series ? { by: dimensionName(breakdownDimension(by!)), series } : {},
      }),
      json.file ?? true,
    );
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
  const { renderTrend } = await import('../report/summary.js');
  const c = colours(process.stdout, settings.color);
  print(process.stdout, renderTrend(trendView(result, series, lang), lang, c) + '\n');
}

/** The one dimension trend draws a series per group of; null without --by. */
function trendBy(by: readonly (readonly string[])[]): string | null {
  if (by.length === 0) return null;
  const names = by.flat();
  if (by.length > 1 || names.length > 1) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `trend：--by ${names.join(' --by ')}：trend 只按一个维度分组，每组画一条序列。`,
        `trend: --by ${names.join(' --by ')}: trend draws one series per group of one dimension.`,
      ),
      said(
        '请只给一次 --by（二维表请用 analyze、assess 或 report）。',
        'Give --by once (a two-way table is for analyze, assess and report).',
      ),
    );
  }
  if (names[0] === 'month') {
    throw new InputError(
      'BAD_OPTION',
      said(
        'trend：--by month：序列本来就是按月的。',
        'trend: --by month: the series is by month already.',
      ),
      said(
        '请用 --by 指定其他维度（unit、level1、channel …），或去掉它。',
        'Give --by another dimension (unit, level1, channel …), or leave it out.',
      ),
    );
  }
  return names[0]!;
}
