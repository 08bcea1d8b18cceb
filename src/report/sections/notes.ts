/** Notes of the analysis in the report's language, and those that go to stderr. */
import type { IngestResult } from '../../ingest/ingest.js';
import { CORRECTION_NOTES, type Analysis, type Note } from '../../metrics/types.js';
import type { PipelineResult } from '../../pipeline.js';
import type { Lang } from '../../settings/types.js';
import { formatInt } from '../format.js';
import { JSON_ON_STDOUT, STDERR_NOTES, WRITTEN_JSON } from '../labels.js';

export const say =
  (lang: Lang) =>
  (n: Note): string =>
    lang === 'zh' ? n.zh : n.message;

/**
 * The notes that change a figure: months (or days) covered in part or not at all, targets that match no
 * unit and units without one. Said to the person who runs the tool, whatever the output.
 */
const FIGURE_NOTES: ReadonlySet<Note['code']> = new Set([
  'months-partial',
  'months-missing',
  // A day or a week: the same, for a daily cron's log.
  'days-partial',
  'days-missing',
  'targets-without-data',
  'units-without-target',
  'workdays-outside-calendar',
  'targets-partial',
  'corrections',
  'corrections-unmatched',
  // A unit counted as two: its figures, 同比 and warning are split.
  'units-renamed',
]);

/** What a corrections file applied and could not (--corrections), in the run's language. */
export function correctionLines(a: Analysis, lang: Lang): string[] {
  return a.notes.filter((n) => CORRECTION_NOTES.has(n.code)).map(say(lang));
}

/**
 * The short lines that follow the line naming a written file on stderr — what a cron log must
 * show, since nobody opens a workbook to find that December was cut short: the notes that change
 * a figure, what reading found, then differing duplicates and rejected rows with where to look.
 */
export function figureNotes(a: Analysis, ingest: IngestResult, lang: Lang): string[] {
  const t = STDERR_NOTES[lang];
  const x = ingest.totals;
  const files = ingest.inputs.map((i) => i.file).join(' ');
  return [
    ...a.notes.filter((n) => FIGURE_NOTES.has(n.code)).map(say(lang)),
    // What reading found (no 工单编号 column: rows not de-duplicated; no 业务类型: every row a
    // complaint; the read order; an option unused): each can change a figure.
    ...ingest.warnings.map((w) => w[lang]),
    ...(x.duplicatesDiffering > 0 ? [t.differing(x.duplicatesDiffering, files)] : []),
    ...(x.rejected > 0 ? [t.rejected(x.rejected, files)] : []),
  ];
}

/**
 * A note's advice in the config file's terms, for a run the config file drives: a cron mail
 * saying "add --include-partial" leaves the reader to guess where.
 */
export function inConfigTerms(line: string, file: string | null, lang: Lang): string {
  if (file === null) return line;
  const key = '"includePartial": true';
  return lang === 'zh'
    ? line
        .replace('加 --include-partial', `在 ${file} 中设 ${key}`)
        .replace('按 --include-partial', `按 ${file} 的 ${key}`)
    : line
        .replace('--include-partial counts', `${key} in ${file} counts`)
        .replace('(--include-partial)', `(${key} in ${file})`);
}

/**
 * On stderr after --json, as after --out: the line naming the file and, unless another output's
 * lines already gave them (`notes` false), the notes that change a figure, so that a cron mail
 * shows them. JSON on stdout (`file` null) is piped to a program and its run's mail is stderr
 * alone: the same notes under a line saying where the JSON went, and nothing at all when there
 * is no such note, so that a clean run stays as silent as it always was.
 */
export function jsonWrittenLines(
  file: string | null,
  result: PipelineResult,
  lang: Lang,
  configFile: string | null = null,
  notes = true,
): string {
  const complaints = formatInt(result.analysis.totals.complaints);
  const said = notes
    ? figureNotes(result.analysis, result.ingest, lang).map((n) =>
        inConfigTerms(n, configFile, lang),
      )
    : [];
  if (file === null && said.length === 0) return '';
  const line =
    file === null ? JSON_ON_STDOUT[lang](complaints) : WRITTEN_JSON[lang](file, complaints);
  return [line, ...said.map((n) => `  ${n}`)].join('\n') + '\n';
}
