/**
 * A classification as the cells a row-level output adds (the 明细 sheet, classify's rows): kept
 * apart from the terminal's rendering (classification.ts), so that the readers' threads, which
 * make the 明细 rows, load no table or colour library.
 */
import type { Classification, Method } from '../taxonomy/classify.js';
import type { Cell } from '../io/table.js';
import type { Lang } from '../settings/types.js';
import { CLASSIFY } from './labels.js';

export const METHOD_LABELS: Record<Lang, Record<Method, string>> = {
  zh: CLASSIFY.zh.methods,
  en: CLASSIFY.en.methods,
};

/** The columns a row-level output adds to the original ones. */
export const ADDED_COLUMNS: Record<Lang, readonly string[]> = {
  zh: CLASSIFY.zh.added,
  en: CLASSIFY.en.added,
};

/** The three class names of a classification ('' where unknown). */
export function classNames(c: Classification, lang: Lang): string[] {
  const name = (n: Classification['level1']) => (n ? (lang === 'zh' ? n.name : n.nameEn) : '');
  return [name(c.level1), name(c.level2), name(c.level3)];
}

/** The cells under ADDED_COLUMNS for one classified row. */
export function addedCells(c: Classification, lang: Lang): Cell[] {
  return [
    ...classNames(c, lang),
    METHOD_LABELS[lang][c.method],
    c.confidence,
    evidenceText(c, lang),
  ];
}

/** The evidence as shown: a decision's own words (keywords, columns), or why there is none. */
export function evidenceText(
  c: Pick<Classification, 'evidence' | 'correction'> & { method?: string },
  lang: Lang,
): string {
  const fix = c.correction;
  // A correction of 是否考核 alone keeps the class found; its evidence says both.
  if (fix) {
    const made = CLASSIFY[lang].corrected(fix.file, fix.row, fix.reason, fix.assessed);
    return c.method === 'correction'
      ? made
      : `${made}${lang === 'zh' ? '；' : '; '}${evidenceText({ evidence: c.evidence }, lang)}`;
  }
  return CLASSIFY[lang].undecided[c.evidence] ?? c.evidence;
}
