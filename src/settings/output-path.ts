/**
 * Where a report is written: --out as given, or the config file's "out" pattern with the
 * period filled in ({period} {from} {to} {date}), or the command's default name.
 */
import { said, type Said } from '../errors.js';
import type { Settings } from './types.js';
import { literalMonth, quarterString } from './period-rules.js';
import type { PeriodRequest } from '../metrics/period.js';
import { dayOf, dayToString } from '../metrics/calendar.js';

export const PLACEHOLDERS = ['period', 'from', 'to', 'date'] as const;

export const PLACEHOLDERS_HINT = said(
  '可用的占位符：{period}（2016Q4、2016-11、2016、2016-01_2016-06、2016-W25 或 2016-06-30）、{from}、{to}、{date}（当天日期）。',
  'Placeholders: {period} (2016Q4, 2016-11, 2016, 2016-01_2016-06, 2016-W25 or 2016-06-30), {from}, {to}, {date} (today).',
);

/**
 * The end of an output path that names a folder: separators ("o/r.xlsx/": the user meant a
 * folder, or mistyped), or a last part "." or "..". Null for a file name. Path resolution drops
 * a trailing separator, so such a path would write the file o/r.xlsx without a word. A
 * backslash counts everywhere: a Linux file name ending in one is a Windows habit, not a name.
 */
export function folderEnding(path: string): string | null {
  return /(?:[\\/]\.{1,2}|[\\/]+)$/.exec(path)?.[0] ?? null;
}

/** What a folder-like output path is told, without the final stop (the config's checker adds it). */
export function folderOutputProblem(ending: string): Said {
  return said(
    `末尾是“${ending}”，指的是文件夹，而输出必须是文件。请去掉末尾的“${ending}”，或在后面写上文件名`,
    `it ends in "${ending}", so it names a folder, and an output must be a file. Drop the final "${ending}", or add a file name after it`,
  );
}

/** The placeholders of a pattern that are none of PLACEHOLDERS. */
export function unknownPlaceholders(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]*)\}/g)]
    .map(([, name]) => name!)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * The {period} of an output name: "2016-11", "2016Q4", "2016", or "2016-01_2016-06" for a range.
 * `from` and `to` are the resolved period's first and last months, as YYYY-MM.
 */
export function periodLabel(kind: PeriodRequest['kind'], from: string, to: string): string {
  const first = literalMonth(from);
  if (kind === 'quarter' && first !== null) return quarterString(first);
  if (kind === 'year') return from.slice(0, 4);
  return from === to ? from : `${from}_${to}`;
}

/**
 * The output path from the pattern: {period} → "2016Q4" / "2016-11" / "2016" / "2016-01_2016-06"
 * (the label given), {from} and {to} → the period's first and last month, {date} → `today` (a
 * day index: the run's IngestSettings.today) as YYYY-MM-DD. Characters that cannot be in a file
 * name are replaced by "_" in the values put in. Pure.
 */
export function outputPath(
  pattern: string,
  period: { label: string; from: string; to: string },
  today: number,
): string {
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    period: period.label,
    from: period.from,
    to: period.to,
    date: dayToString(today),
  };
  return pattern.replace(/\{(period|from|to|date)\}/g, (_, name: keyof typeof values) =>
    values[name].replace(/[/\\:*?"<>|]/g, '_'),
  );
}

/**
 * The period as an output name shows it: the label asked for (--quarter 2016Q4 → "2016Q4"), or
 * for a period found in the data its span ("2016-01_2016-09").
 */
export function namedPeriod(
  request: PeriodRequest,
  span: { from: string; to: string },
): { label: string; from: string; to: string } {
  return { label: request.label ?? periodLabel('range', span.from, span.to), ...span };
}

/**
 * The report's path: --out, else the config file's pattern for this period, else `fallback`
 * (a command's default name, or null for none). Its {date} is the run's one today
 * (settings.ingest.today, taken once; COMPLAINTS_TEST_TODAY in tests), not a second look at the
 * clock: a run started at 23:59:59 would name its file after tomorrow and fill it with today.
 */
export function reportPath(
  settings: Pick<Settings, 'out' | 'outPattern'> & { ingest: { today?: number } },
  period: { label: string; from: string; to: string },
  fallback: string | null,
): string | null {
  if (settings.out !== null) return settings.out;
  const today = settings.ingest.today ?? dayOf(new Date());
  if (settings.outPattern !== null) return outputPath(settings.outPattern, period, today);
  return fallback;
}

/** A name to check the output's kind and folder by before any reading, when one is known. */
export function reportPathToCheck(settings: Pick<Settings, 'out' | 'outPattern'>): string | null {
  return settings.out ?? settings.outPattern?.replace(/\{[a-z]+\}/g, 'x') ?? null;
}

/**
 * How a message names the output: the option as given, or the config file's pattern after the
 * file's name (a cron mail must say which file to fix).
 */
export function outName(
  settings: Pick<Settings, 'out' | 'outPattern' | 'config'>,
): string | undefined {
  if (settings.out !== null) return undefined;
  return settings.outPattern === null
    ? undefined
    : `${settings.config ?? 'complaints.config.json'}: "out": "${settings.outPattern}"`;
}
