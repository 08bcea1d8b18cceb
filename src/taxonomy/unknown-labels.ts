/**
 * Class values an export records that the taxonomy does not know (a 二级分类 of 哈哈哈, a class
 * renamed locally): counted by level and value, so that every command that reads the class
 * columns names them instead of quietly classifying those rows from their text, or leaving them
 * out of a model's training and evaluation. Plain data, merged across inputs and workers.
 */
import { said, type Lang, type Said } from '../errors.js';

/** `[level, value, rows]`, most rows first once sorted. */
export type UnknownLabel = [level: 1 | 2, value: string, rows: number];

export class UnknownLabels {
  private readonly counts = new Map<string, number>();

  add(level: 1 | 2, value: string, rows = 1): void {
    const key = `${level}\t${value}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + rows);
  }

  absorb(labels: readonly UnknownLabel[]): void {
    for (const [level, value, rows] of labels) this.add(level, value, rows);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Most rows first, then by level and value. */
  list(): UnknownLabel[] {
    return [...this.counts]
      .map(([key, rows]): UnknownLabel => {
        const tab = key.indexOf('\t');
        return [Number(key.slice(0, tab)) as 1 | 2, key.slice(tab + 1), rows];
      })
      .sort((a, b) => b[2] - a[2] || a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }
}

const SHOWN = 8;

/**
 * "二级分类 哈哈哈 (2 rows), 一级分类 其他 (1 row)": the first values, and how many more.
 */
export function unknownLabelsText(labels: readonly UnknownLabel[], lang: Lang = 'en'): string {
  const shown = labels
    .slice(0, SHOWN)
    .map(([level, value, rows]) =>
      lang === 'zh'
        ? `${level === 1 ? '一级分类' : '二级分类'} ${value}（${rows} 行）`
        : `${level === 1 ? '一级分类' : '二级分类'} ${value} (${rows} row${rows === 1 ? '' : 's'})`,
    );
  const rest = labels.length - SHOWN;
  if (lang === 'zh') return shown.join('，') + (rest > 0 ? `，另有 ${rest} 个` : '');
  return shown.join(', ') + (rest > 0 ? `, and ${rest} more` : '');
}

/** The warning of a run that read class values the taxonomy does not know; `then` what was done. */
export function unknownLabelsWarning(
  labels: readonly UnknownLabel[],
  taxonomy: string,
  then: Said,
): Said | null {
  if (labels.length === 0) return null;
  const rows = labels.reduce((sum, l) => sum + l[2], 0);
  return said(
    `${rows} 行投诉记的分类不在分类体系 ${taxonomy} 中：${unknownLabelsText(labels, 'zh')}；${then.zh}。请检查写法，或用 --taxonomy 给出含有这些分类的体系。`,
    `${rows} complaint row(s) record a class taxonomy ${taxonomy} does not know: ${unknownLabelsText(labels)}; ${then.en}. Check the spelling, or give a taxonomy that has them (--taxonomy).`,
  );
}
