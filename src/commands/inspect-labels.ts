/**
 * inspect names the class values its inputs' complaint rows record that the taxonomy does not
 * know, per input and with their rows, as analyze's warning does for the data set: the other
 * commands classify those rows from their text instead (unknown-labels.ts). The values are
 * tallied while reading (ingest/class-values.ts); the taxonomy is loaded only when some are.
 */
import { said, type Said } from '../errors.js';
import type { ClassValues } from '../ingest/class-values.js';
import type { IngestResult } from '../ingest/types.js';
import { Classifier } from '../taxonomy/classify.js';
import { DEFAULT_TAXONOMY, loadTaxonomy } from '../taxonomy/load.js';
import {
  UnknownLabels,
  unknownLabelsWarning,
  type UnknownLabel,
} from '../taxonomy/unknown-labels.js';

/** The unknown class values of one input's tally, most rows first. */
export function unknownClassValues(tally: ClassValues, classifier: Classifier): UnknownLabel[] {
  const labels = new UnknownLabels();
  for (const [level2, firsts] of tally)
    for (const [level1, rows] of firsts)
      classifier.noteUnknown({ level1: level1 || null, level2: level2 || null }, labels, rows);
  return labels.list();
}

/**
 * Sets `unknownLabels` ({level, value, rows}) on the summary of each input that has some, and
 * returns one warning per such input, naming its file.
 */
export function noteUnknownLabels(result: IngestResult, taxonomy: string | null): Said[] {
  const tallies = result.classValues ?? [];
  if (!tallies.some((t) => t !== null && t.size > 0)) return [];
  const loaded = loadTaxonomy(taxonomy ?? DEFAULT_TAXONOMY);
  const classifier = new Classifier(loaded);
  const warnings: Said[] = [];
  tallies.forEach((tally, i) => {
    const summary = result.inputs[i];
    if (!tally || !summary) return;
    const labels = unknownClassValues(tally, classifier);
    const text = unknownLabelsWarning(
      labels,
      loaded.name,
      said(
        'analyze、report 和 warn 按受理内容给这些行分类',
        'analyze, report and warn classify those rows from their text',
      ),
    );
    if (text === null) return;
    summary.unknownLabels = labels.map(([level, value, rows]) => ({ level, value, rows }));
    warnings.push({ zh: `${summary.file}：${text.zh}`, en: `${summary.file}: ${text.en}` });
  });
  return warnings;
}
