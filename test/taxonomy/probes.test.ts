import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

/**
 * Probe sentences written from domain knowledge of how 95598 complaints are phrased (not from
 * evaluation texts): each of the 17 types several ways, and the cues that part neighbouring
 * first levels (停送电 vs 供电质量, 营业 vs 服务, 营业 vs 停送电, 服务 vs 停送电). The rules
 * must keep at least the hits they had when the probes were written (bench/probes.js lists
 * the misses with their evidence).
 */
interface Probe {
  text: string;
  level1: string;
  level2: string;
  why: string;
}

const probes = JSON.parse(readFileSync('test/taxonomy/probes.json', 'utf8')) as Probe[];
const sgcc = loadTaxonomy('sgcc-95598');
const rules = new Classifier(sgcc);

describe('probe sentences (test/taxonomy/probes.json)', () => {
  it('are labelled with real types under their first level, each with a reason', () => {
    expect(probes.length).toBe(173);
    for (const p of probes) {
      const node = sgcc.nodes.find((n) => n.level === 2 && n.name === p.level2);
      expect(node?.parent?.name, p.text).toBe(p.level1);
      expect(p.why.length, p.text).toBeGreaterThan(5);
    }
    expect(new Set(probes.map((p) => p.level2)).size).toBe(17);
  });

  it('the rules alone get at least 164 first levels and 159 types of 173', () => {
    let l1 = 0;
    let l2 = 0;
    for (const p of probes) {
      const c = rules.byText(p.text);
      if (c.level1?.name === p.level1) l1++;
      if (c.level2?.name === p.level2) l2++;
    }
    expect(l1).toBeGreaterThanOrEqual(164);
    expect(l2).toBeGreaterThanOrEqual(159);
  });
});
