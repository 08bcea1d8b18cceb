/** Terminal rendering of classification results: counts, evaluations, audits. Formats only. */
import type { Classification, Method } from '../taxonomy/classify.js';
import type { Disagreement, Evaluation } from '../taxonomy/evaluate.js';
import type { Taxonomy } from '../taxonomy/load.js';
import type { Cell } from '../io/table.js';
import type { Lang } from '../settings/types.js';
import { colours, formatInt, table } from './terminal.js';

export const METHOD_LABELS: Record<Lang, Record<Method, string>> = {
  zh: { columns: '列', rules: '规则', model: '模型', unclassified: '未分类' },
  en: { columns: 'columns', rules: 'rules', model: 'model', unclassified: 'unclassified' },
};

/** The columns a row-level output adds to the original ones. */
export const ADDED_COLUMNS: Record<Lang, string[]> = {
  zh: ['判定一级分类', '判定二级分类', '判定三级分类', '判定方式', '置信度', '判定依据'],
  en: ['level1', 'level2', 'level3', 'method', 'confidence', 'evidence'],
};

/** The three class names of a classification ('' where unknown). */
export function classNames(c: Classification, lang: Lang): string[] {
  const name = (n: Classification['level1']) => (n ? (lang === 'zh' ? n.name : n.nameEn) : '');
  return [name(c.level1), name(c.level2), name(c.level3)];
}

/** The cells under ADDED_COLUMNS for one classified row. */
export function addedCells(c: Classification, lang: Lang): Cell[] {
  return [...classNames(c, lang), METHOD_LABELS[lang][c.method], c.confidence, c.evidence];
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
  const zh = lang === 'zh';
  const out = [
    c.bold(file),
    zh
      ? `  ${formatInt(result.rows)} 条有标注的投诉（另有 ${unlabelled} 条无标注未计）；一级准确率 ${pct(result.level1Accuracy)}，二级准确率 ${pct(result.level2Accuracy)}（${result.level2Rows} 条有二级标注）`
      : `  ${formatInt(result.rows)} labelled complaints (${unlabelled} unlabelled left out); level 1 accuracy ${pct(result.level1Accuracy)}, level 2 ${pct(result.level2Accuracy)} (${result.level2Rows} with a level-2 label)`,
    `  ${Object.entries(result.byMethod)
      .map(([m, n]) => `${METHOD_LABELS[lang][m as Method]} ${n}`)
      .join(zh ? '，' : ', ')}`,
    '',
    table(
      zh
        ? ['二级分类', '样本', '判为', '正确', '精确率', '召回率']
        : ['level 2', 'support', 'predicted', 'correct', 'precision', 'recall'],
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
    zh
      ? '  一级分类混淆矩阵（行：记录，列：判定）'
      : '  Level-1 confusion (rows: recorded, columns: predicted)',
  ];
  const l1 = [...taxonomy.roots.map((n) => n.name), '未分类'];
  out.push(
    table(
      ['', ...l1],
      l1.slice(0, -1).map((r) => [r, ...l1.map((p) => result.confusion[r]?.[p] ?? 0)]),
      ['left', ...l1.map(() => 'right' as const)],
      '  ',
    ),
  );
  if (result.worst.length > 0) {
    out.push('', zh ? '  判错最有把握的例子' : '  Most confident mistakes');
    out.push(
      table(
        zh
          ? ['行', '记录', '判定', '置信度', '依据', '内容']
          : ['row', 'recorded', 'predicted', 'confidence', 'evidence', 'text'],
        result.worst.map((w) => [
          w.row,
          w.recorded,
          w.predicted,
          w.confidence,
          w.evidence.slice(0, 24),
          w.text.slice(0, 30),
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
  const zh = lang === 'zh';
  const out = [
    zh
      ? `${formatInt(checked)} 条有记录分类的投诉中，${formatInt(found.length)} 条与内容判定不一致（按把握从高到低，显示前 ${Math.min(limit, found.length)} 条）：`
      : `${formatInt(found.length)} of ${formatInt(checked)} complaints with a recorded class disagree with their text (most confident first, ${Math.min(limit, found.length)} shown):`,
    table(
      zh
        ? ['文件:行', '记录分类', '内容判定', '置信度', '依据', '内容']
        : ['file:row', 'recorded', 'text says', 'confidence', 'evidence', 'text'],
      found
        .slice(0, limit)
        .map((d) => [
          `${d.file}:${d.row}`,
          d.recorded,
          d.textSays,
          d.confidence,
          d.evidence.slice(0, 24),
          d.text.slice(0, 30),
        ]),
    ),
  ];
  return out.join('\n');
}
