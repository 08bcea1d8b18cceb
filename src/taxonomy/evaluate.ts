/**
 * Measuring a classifier against labelled rows, and finding rows whose recorded class
 * disagrees with their text. Pure functions over classifications.
 */
import type { Classification } from './classify.js';
import type { TaxonomyNode } from './load.js';
import { formatLocal } from '../schema/values.js';

export interface Labelled {
  file: string;
  row: number;
  text: string;
  /** The class the file records (from its columns). */
  truth: { level1: TaxonomyNode; level2: TaxonomyNode | null };
  predicted: Classification;
}

export interface ClassScore {
  code: string;
  name: string;
  support: number;
  predicted: number;
  correct: number;
  precision: number | null;
  recall: number | null;
}

export interface Evaluation {
  rows: number;
  level1Accuracy: number;
  /** Over the rows whose file records a second level. */
  level2Accuracy: number | null;
  level2Rows: number;
  byMethod: Record<string, number>;
  level1: ClassScore[];
  level2: ClassScore[];
  /** confusion[recorded][predicted] by first-level name; '未分类' when none was predicted. */
  confusion: Record<string, Record<string, number>>;
  worst: {
    file: string;
    row: number;
    recorded: string;
    predicted: string;
    confidence: number;
    evidence: string;
    text: string;
  }[];
}

const NONE = '未分类';

function scores(
  nodes: TaxonomyNode[],
  pairs: { truth: TaxonomyNode | null; predicted: TaxonomyNode | null }[],
): ClassScore[] {
  return nodes.map((node) => {
    const support = pairs.filter((p) => p.truth === node).length;
    const predicted = pairs.filter((p) => p.predicted === node).length;
    const correct = pairs.filter((p) => p.truth === node && p.predicted === node).length;
    return {
      code: node.code,
      name: node.name,
      support,
      predicted,
      correct,
      precision: predicted === 0 ? null : correct / predicted,
      recall: support === 0 ? null : correct / support,
    };
  });
}

const label = (c: Classification): string => c.level2?.name ?? c.level1?.name ?? NONE;

export function evaluate(
  rows: readonly Labelled[],
  nodes: readonly TaxonomyNode[],
  worstCount = 10,
): Evaluation {
  const level1Nodes = nodes.filter((n) => n.level === 1);
  const level2Nodes = nodes.filter((n) => n.level === 2);
  const withLevel2 = rows.filter((r) => r.truth.level2 !== null);
  const byMethod: Record<string, number> = {};
  const confusion: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    byMethod[r.predicted.method] = (byMethod[r.predicted.method] ?? 0) + 1;
    const recorded = r.truth.level1.name;
    const got = r.predicted.level1?.name ?? NONE;
    confusion[recorded] ??= {};
    confusion[recorded][got] = (confusion[recorded][got] ?? 0) + 1;
  }
  const wrong = rows
    .filter(
      (r) =>
        (r.truth.level2 ?? r.truth.level1) !==
        (r.truth.level2 ? r.predicted.level2 : r.predicted.level1),
    )
    .sort((a, b) => b.predicted.confidence - a.predicted.confidence || a.row - b.row);
  return {
    rows: rows.length,
    level1Accuracy:
      rows.length === 0
        ? 0
        : rows.filter((r) => r.predicted.level1 === r.truth.level1).length / rows.length,
    level2Accuracy:
      withLevel2.length === 0
        ? null
        : withLevel2.filter((r) => r.predicted.level2 === r.truth.level2).length /
          withLevel2.length,
    level2Rows: withLevel2.length,
    byMethod,
    level1: scores(
      level1Nodes,
      rows.map((r) => ({ truth: r.truth.level1, predicted: r.predicted.level1 })),
    ),
    level2: scores(
      level2Nodes,
      withLevel2.map((r) => ({ truth: r.truth.level2, predicted: r.predicted.level2 })),
    ),
    confusion,
    worst: wrong.slice(0, worstCount).map((r) => ({
      file: r.file,
      row: r.row,
      recorded: r.truth.level2?.name ?? r.truth.level1.name,
      predicted: label(r.predicted),
      confidence: r.predicted.confidence,
      evidence: r.predicted.evidence,
      text: r.text,
    })),
  };
}

export interface Disagreement {
  file: string;
  row: number;
  id: string | null;
  /** The unit as counted (normalised): the audit list is sent to each unit. */
  unit: string;
  /** The acceptance time as written (wall clock), YYYY-MM-DD HH:MM:SS. */
  accepted: string;
  recorded: string;
  textSays: string;
  recordedEn: string;
  textSaysEn: string;
  method: string;
  confidence: number;
  evidence: string;
  text: string;
}

/** Rows whose recorded class the text contradicts, most confident first. */
export function audit(
  rows: readonly (Labelled & { id: string | null; unit: string; acceptedMs: number })[],
): Disagreement[] {
  return rows
    .filter((r) => {
      const p = r.predicted;
      if (p.method === 'unclassified' || !p.level1) return false;
      if (p.level1 !== r.truth.level1) return true;
      return r.truth.level2 !== null && p.level2 !== null && p.level2 !== r.truth.level2;
    })
    .sort(
      (a, b) =>
        b.predicted.confidence - a.predicted.confidence ||
        a.file.localeCompare(b.file) ||
        a.row - b.row,
    )
    .map((r) => ({
      file: r.file,
      row: r.row,
      id: r.id,
      unit: r.unit,
      accepted: formatLocal(r.acceptedMs),
      recorded: `${r.truth.level1.name}/${r.truth.level2?.name ?? '-'}`,
      textSays: `${r.predicted.level1!.name}/${r.predicted.level2?.name ?? '-'}`,
      recordedEn: `${r.truth.level1.nameEn}/${r.truth.level2?.nameEn ?? '-'}`,
      textSaysEn: `${r.predicted.level1!.nameEn}/${r.predicted.level2?.nameEn ?? '-'}`,
      method: r.predicted.method,
      confidence: r.predicted.confidence,
      evidence: r.predicted.evidence,
      text: r.text,
    }));
}
