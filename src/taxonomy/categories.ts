/**
 * Complaints counted by class, in the `categories` shape of the JSON result (DESIGN.md §6).
 * Comparisons with a previous period (`previous`, `yoy`) belong to the metrics; here they are
 * null.
 */
import type { Classification } from './classify.js';
import { DISCIPLINES, type Taxonomy, type TaxonomyNode } from './load.js';

export class CategoryTally {
  private readonly counts = new Map<TaxonomyNode, number>();
  complaints = 0;
  unclassified = 0;

  add(c: Classification): void {
    this.complaints++;
    if (!c.level1) {
      this.unclassified++;
      return;
    }
    this.counts.set(c.level1, (this.counts.get(c.level1) ?? 0) + 1);
    if (c.level2) this.counts.set(c.level2, (this.counts.get(c.level2) ?? 0) + 1);
  }

  count(node: TaxonomyNode): number {
    return this.counts.get(node) ?? 0;
  }

  toJson(taxonomy: Taxonomy): object {
    const share = (n: number) => (this.complaints === 0 ? null : n / this.complaints);
    const row = (node: TaxonomyNode) => ({
      code: node.code,
      name: node.name,
      ...(node.parent ? { parent: node.parent.code } : {}),
      complaints: this.count(node),
      share: share(this.count(node)),
      previous: null,
      yoy: null,
    });
    return {
      level1: taxonomy.roots.map(row),
      level2: taxonomy.nodes.filter((n) => n.level === 2).map(row),
      discipline: DISCIPLINES.map((name) => ({
        name,
        complaints: taxonomy.roots
          .filter((r) => r.discipline === name)
          .reduce((sum, r) => sum + this.count(r), 0),
        previous: null,
        yoy: null,
      })),
      unclassified: this.unclassified,
    };
  }
}
