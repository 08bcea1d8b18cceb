/**
 * Complaints per category: first, second and third level of the taxonomy with share and 同比,
 * and the roll-up to the two disciplines (运检/营销).
 */
import { DISCIPLINES, type TaxonomyNode } from '../../taxonomy/load.js';
import { change, share } from '../formulas.js';
import type { AnalysisInput, Categories, CategoryRow } from '../types.js';
import { classCounts, type ClassCounts, type NodeCounts } from './classes.js';

export function categoryRow(
  node: TaxonomyNode,
  now: NodeCounts,
  then: NodeCounts | null,
  total: number,
): CategoryRow {
  const complaints = now.get(node) ?? 0;
  const previous = then ? (then.get(node) ?? 0) : null;
  return {
    code: node.code,
    name: node.name,
    nameEn: node.nameEn,
    ...(node.parent ? { parent: node.parent.code } : {}),
    discipline: node.discipline,
    complaints,
    share: share(complaints, total),
    previous,
    yoy: previous === null ? null : change(complaints, previous),
  };
}

/** `counts` is passed when the composition has them already; alone, it counts them. */
export function categories(
  input: AnalysisInput,
  counts: ClassCounts = classCounts(input),
): Categories {
  const { taxonomy } = input;
  const { total, now, yearEarlier } = counts;
  const rows = (nodes: readonly TaxonomyNode[]) =>
    nodes.map((n) => categoryRow(n, now, yearEarlier, total));
  const level1 = rows(taxonomy.roots);
  const level2 = rows(taxonomy.nodes.filter((n) => n.level === 2));
  const level3 = rows(taxonomy.nodes.filter((n) => n.level === 3)).filter(
    (r) => r.complaints > 0 || (r.previous ?? 0) > 0,
  );
  const discipline = DISCIPLINES.map((name) => {
    const of = level1.filter((r) => r.discipline === name);
    const complaints = of.reduce((sum, r) => sum + r.complaints, 0);
    const previous = yearEarlier ? of.reduce((sum, r) => sum + r.previous!, 0) : null;
    return {
      name,
      complaints,
      share: share(complaints, total),
      previous,
      yoy: previous === null ? null : change(complaints, previous),
    };
  });
  const classified = level1.reduce((sum, r) => sum + r.complaints, 0);
  const classifiedBefore = yearEarlier ? level1.reduce((sum, r) => sum + r.previous!, 0) : null;
  return {
    level1,
    level2,
    level3,
    discipline,
    classified: {
      complaints: classified,
      previous: classifiedBefore,
      yoy: classifiedBefore === null ? null : change(classified, classifiedBefore),
    },
    unclassified: total - classified,
  };
}
