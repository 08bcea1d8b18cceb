import { describe, expect, it } from 'vitest';
import { Classifier } from '../../src/taxonomy/classify.js';
import { ColumnClassMemo } from '../../src/taxonomy/column-memo.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const taxonomy = loadTaxonomy('sgcc-95598');
const inputs = [
  { level1: '营业投诉', level2: '电费电价', level3: '阶梯电价' },
  { level1: '营业投诉', level2: '电费电价' },
  { level1: '服务投诉', level2: '抢修质量' },
  { level2: '抢修超时限' },
  { level1: '', level2: '抢修超时限', level3: null },
  { level1: '其他' },
  { level1: null, level2: null, level3: null },
];

describe('class columns answered once per combination of values', () => {
  it('gives each row what a classifier asked only once gives it, whatever came before', () => {
    const memo = new Classifier(taxonomy);
    for (let round = 0; round < 3; round++)
      for (const input of inputs)
        expect(memo.byColumns(input)).toEqual(new Classifier(taxonomy).byColumns(input));
  });

  it('shares one answer between rows with the same values; an empty value is none', () => {
    const classifier = new Classifier(taxonomy);
    const first = classifier.byColumns({ level2: '抢修超时限' });
    expect(first?.level3?.name).toBe('抢修超时限');
    expect(classifier.byColumns({ level1: '', level2: '抢修超时限', level3: null })).toBe(first);
    expect(classifier.byColumns({ level1: '其他' })).toBeNull();
  });

  it('starts again after 10,000 combinations (free-text class columns)', () => {
    const memo = new ColumnClassMemo();
    for (let i = 0; i < 10_000; i++) memo.set(`a${i}`, null, null, null);
    expect(memo.get('a0', null, null)).toBeNull();
    memo.set('b', 'c', '', null);
    expect(memo.get('a0', null, null)).toBeUndefined();
    expect(memo.get('b', 'c', undefined)).toBeNull();
  });
});
