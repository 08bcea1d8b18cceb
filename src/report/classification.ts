/** Terminal rendering of classification results: counts, evaluations, audits. Formats only. */
import type { Method } from '../taxonomy/classify.js';
import type { Disagreement, Evaluation } from '../taxonomy/evaluate.js';
import type { Taxonomy } from '../taxonomy/load.js';
import type { Lang } from '../settings/types.js';
import { evidenceText } from './classification-cells.js';
import { CLASSIFY } from './labels.js';
import { colours, formatInt, table } from './terminal.js';

/** The terminal's width for the evidence column of --evaluate's mistakes and --audit. */
const EVIDENCE_WIDTH = 24;

/**
 * The evidence cut for the terminal between whole rules, with "…": cut inside one, "声音(+5." read
 * as five points, and a "｜" with nothing after it as a quote that went missing.
 */
export function shortEvidence(text: string, width = EVIDENCE_WIDTH): string {
  if (text.length <= width) return text;
  let kept = '';
  for (const word of text.split(' ')) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (next.length > width - 2) break;
    kept = next;
  }
  kept = kept.replace(/\s*｜$/, '');
  return kept === '' ? `${text.slice(0, width - 1)}…` : `${kept} …`;
}

/** A text cut to 30 characters for a terminal row, its cut said by "…". */
function clipped(text: string): string {
  const chars = [...text];
  return chars.length > 30 ? `${chars.slice(0, 29).join('')}…` : text;
}

const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

export function renderEvaluation(
  file: string,
  result: Evaluation,
  unlabelled: number,
  taxonomy: Taxonomy,
  lang: Lang,
  color: boolean,
): string {
  const c = colours(process.stdout, color);
  const t = CLASSIFY[lang];
  const out = [
    c.bold(file),
    t.evaluated(
      formatInt(result.rows),
      unlabelled,
      pct(result.level1Accuracy),
      pct(result.level2Accuracy),
      result.level2Rows,
    ),
    `  ${Object.entries(result.byMethod)
      .map(([m, n]) => `${t.methods[m as Method]} ${n}`)
      .join(t.sep)}`,
    '',
    // Without a level-2 label there is nothing to score per class: a table of zeros says nothing.
    result.level2Rows === 0
      ? t.noLevel2
      : table(
          t.level2Head,
          result.level2.map((s) => [
            s.name,
            s.support,
            s.predicted,
            s.correct,
            pct(s.precision),
            pct(s.recall),
          ]),
          ['left', 'right', 'right', 'right', 'right', 'right'],
          '  ',
        ),
    '',
    t.confusion,
  ];
  // Recorded classes are as the export writes them: Chinese, whatever the language.
  const l1 = [...taxonomy.roots.map((n) => n.name), t.unclassified];
  out.push(
    table(
      ['', ...l1],
      l1.slice(0, -1).map((r) => [r, ...l1.map((p) => result.confusion[r]?.[p] ?? 0)]),
      ['left', ...l1.map(() => 'right' as const)],
      '  ',
    ),
  );
  if (result.worst.length > 0) {
    out.push('', t.mistakes);
    out.push(
      table(
        t.mistakesHead,
        result.worst.map((w) => [
          w.row,
          w.recorded,
          w.predicted,
          w.confidence,
          shortEvidence(evidenceText(w, lang)),
          clipped(w.text),
        ]),
        [],
        '  ',
      ),
    );
  }
  return out.join('\n');
}

export function renderAudit(
  found: Disagreement[],
  checked: number,
  lang: Lang,
  limit: number,
): string {
  const t = CLASSIFY[lang];
  // A heading over no rows reads as if something failed to print.
  if (found.length === 0) return t.auditNone(formatInt(checked));
  const out = [
    t.audit(formatInt(checked), formatInt(found.length), Math.min(limit, found.length)),
    table(
      t.auditHead,
      found
        .slice(0, limit)
        .map((d) => [
          `${d.file}:${d.row}`,
          lang === 'en' ? d.recordedEn : d.recorded,
          lang === 'en' ? d.textSaysEn : d.textSays,
          d.confidence,
          shortEvidence(evidenceText(d, lang)),
          clipped(d.text),
        ]),
    ),
  ];
  return out.join('\n');
}
