import { describe, expect, it } from 'vitest';
import { CategoryTally } from '../../src/taxonomy/categories.js';
import { Classifier } from '../../src/taxonomy/classify.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

describe('CategoryTally', () => {
  it('counts by level, rolls categories up by discipline, and keeps the unclassified apart', () => {
    const taxonomy = loadTaxonomy('sgcc-95598');
    const classifier = new Classifier(taxonomy);
    const tally = new CategoryTally();
    const records = [
      { level2: '服务态度' },
      { level2: '服务态度' },
      { level2: '电价电费' },
      { level1: '营业投诉' },
      { level2: '抢修质量' },
      { level2: '频繁停电' },
      { level1: '无此类' },
    ];
    for (const r of records) {
      tally.add(
        classifier.byColumns(r) ?? {
          level1: null,
          level2: null,
          level3: null,
          method: 'unclassified',
          confidence: 0,
          evidence: '',
        },
      );
    }
    const json = tally.toJson(taxonomy) as {
      level1: { name: string; complaints: number; share: number }[];
      level2: { name: string; parent: string; complaints: number }[];
      discipline: { name: string; complaints: number }[];
      unclassified: number;
    };
    expect(json.level1.map((c) => [c.name, c.complaints, c.share])).toEqual([
      ['服务投诉', 2, 2 / 7],
      ['营业投诉', 2, 2 / 7],
      ['停送电投诉', 1, 1 / 7],
      ['供电质量投诉', 1, 1 / 7],
      ['电网建设投诉', 0, 0],
    ]);
    expect(
      json.level2.filter((c) => c.complaints > 0).map((c) => [c.name, c.parent, c.complaints]),
    ).toEqual([
      ['服务态度', 'FW', 2],
      ['电费电价', 'YY', 1],
      ['抢修质量', 'TS', 1],
      ['供电可靠性', 'ZL', 1],
    ]);
    expect(json.discipline).toEqual([
      { name: '运检', complaints: 2, previous: null, yoy: null },
      { name: '营销', complaints: 4, previous: null, yoy: null },
    ]);
    expect(json.unclassified).toBe(1);
  });
});
