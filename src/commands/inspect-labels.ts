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
import { DEFAULT_TAXONOMY, loadTaxonomy, type Taxonomy } from '../taxonomy/load.js';
import type { InputHeader } from '../ingest/summary.js';
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

/** The taxonomy and its classifier, loaded ahead by `prepareLabels`. */
let prepared: { taxonomy: string; loaded: Taxonomy; classifier: Classifier } | null = null;

function labelsOf(taxonomy: string | null): { loaded: Taxonomy; classifier: Classifier } {
  const name = taxonomy ?? DEFAULT_TAXONOMY;
  if (prepared?.taxonomy !== name) {
    const loaded = loadTaxonomy(name);
    prepared = { taxonomy: name, loaded, classifier: new Classifier(loaded) };
  }
  return prepared;
}

/**
 * Loads the taxonomy and builds its classifier ahead, while the workers start (about 0.1 s,
 * then costing half that: ingest's `meanwhile`), when the columns hold class values; a taxonomy
 * that cannot be loaded is left for noteUnknownLabels to say so.
 */
export function prepareLabels(taxonomy: string | null, columns: InputHeader['columns']): void {
  if (!columns.some((c) => c.field === 'level1' || c.field === 'level2')) return;
  try {
    labelsOf(taxonomy);
  } catch {
    // said after reading, as without this
  }
}

/**
 * Sets `unknownLabels` ({level, value, rows}) on the summary of each input that has some, and
 * returns one warning per such input, naming its file.
 */
export function noteUnknownLabels(result: IngestResult, taxonomy: string | null): Said[] {
  const tallies = result.classValues ?? [];
  if (!tallies.some((t) => t !== null && t.size > 0)) return [];
  const { loaded, classifier } = labelsOf(taxonomy);
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
