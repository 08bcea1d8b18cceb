/**
 * complaints trend <inputs...>: what it does (options and help: cli/trend.ts).
 *
 * The monthly series — complaints, assessed, 环比, 同比 — and the average monthly reduction,
 * overall or (--by) one series per unit, class or discipline.
 */
import { checkWritable, guardOutputs } from '../io/write.js';
import { seriesBy, type GroupSeries, type TrendBy } from '../metrics/trend.js';
import { runPipeline, resultJson } from '../pipeline.js';
import { emitJson } from '../report/json.js';
import { labels, monthTable, renderHeader } from '../report/summary.js';
import { colours, formatInt, formatPercent, table } from '../report/terminal.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Lang, Settings } from '../settings/types.js';

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
    await emitJson(resultJson(result, 'trend', series ? { by, series } : {}), json.file ?? true);
    return;
  }
  if (settings.quiet) return;
  const c = colours(process.stdout, settings.color);
  const parts = [
    renderHeader(result, lang, c),
    '',
    monthTable(result.analysis.months, result.analysis, lang, c),
  ];
  if (series) parts.push('', groupTable(series, lang));
  print(process.stdout, parts.join('\n') + '\n');
}
