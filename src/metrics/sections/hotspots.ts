/**
 * Hot spots: the second- and third-level categories with most complaints, each unit's top
 * three second-level categories, and the categories that rose most against the year before
 * (or, without it, the period before).
 */
import type { TaxonomyNode } from '../../taxonomy/load.js';
import { change, share } from '../formulas.js';
import type { AnalysisInput, CategoryRow, HotSpots, UnitRow } from '../types.js';
import { categoryRow } from './categories.js';
import { classCounts, type ClassCounts, type NodeCounts } from './classes.js';

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);

function rising(
  level2: readonly TaxonomyNode[],
  counts: ClassCounts,
  top: number,
): HotSpots['rising'] {
  const base = counts.yearEarlier ?? counts.preceding;
  if (!base) return null;
  return {
    basis: counts.yearEarlier ? 'yoy' : 'mom',
    categories: level2
      .map((node) => {
        const complaints = counts.now.get(node) ?? 0;
        const then = base.get(node) ?? 0;
        return {
          code: node.code,
          name: node.name,
          nameEn: node.nameEn,
          complaints,
          base: then,
          increase: complaints - then,
          rate: change(complaints, then),
        };
      })
      .filter((r) => r.increase > 0)
      .sort((a, b) => b.increase - a.increase || byCode(a, b))
      .slice(0, top),
  };
}

/** A unit's three second-level categories with most complaints. */
function unitTop(counts: NodeCounts, complaints: number): HotSpots['byUnit'][number]['top'] {
  return [...counts]
    .filter(([node]) => node.level === 2)
    .sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))
    .slice(0, 3)
    .map(([node, n]) => ({
      name: node.name,
      nameEn: node.nameEn,
      complaints: n,
      share: share(n, complaints),
    }));
}

/** `units` is the units table; `counts` as for `categories`. */
export function hotspots(
  input: AnalysisInput,
  units: readonly UnitRow[],
  counts: ClassCounts = classCounts(input),
): HotSpots {
  const { taxonomy, cube, settings } = input;
  const ranked = (level: number) =>
    taxonomy.nodes
      .filter((n) => n.level === level)
      .map((n) => categoryRow(n, counts.now, counts.yearEarlier, counts.total))
      .filter((r: CategoryRow) => r.complaints > 0)
      .sort((a, b) => b.complaints - a.complaints || byCode(a, b))
      .slice(0, settings.top);
  const unitIds = new Map(cube.units.map((name, id) => [name, id]));
  const byUnit = units
    .filter((u) => u.complaints > 0)
    .map((u) => ({
      unit: u.unit,
      complaints: u.complaints,
      top: unitTop(counts.byUnit.get(unitIds.get(u.unit)!) ?? new Map(), u.complaints),
    }));
  return {
    level2: ranked(2),
    level3: ranked(3),
    byUnit,
    rising: rising(
      taxonomy.nodes.filter((n) => n.level === 2),
      counts,
      settings.top,
    ),
  };
}
