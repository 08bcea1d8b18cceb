import { describe, expect, it } from 'vitest';
import { closestUnit, renamedFrom } from '../../src/settings/suggest.js';

const UNITS = [
  '国网黄山供电公司(市直)',
  '国网歙县供电公司',
  '国网黄山市黄山区供电公司',
  '国网休宁县供电公司',
  '国网黄山市徽州区供电公司',
  '国网黄山市屯溪区供电公司',
  '国网祁门县供电公司',
  '国网黟县供电公司',
];

describe('the unit a target probably meant', () => {
  it.each<[string, string | null]>([
    // Typos of a unit's name: offered.
    ['国网歙县供电公', '国网歙县供电公司'],
    ['国网歙悬供电公司', '国网歙县供电公司'],
    ['国网黄山市黄山区供电司', '国网黄山市黄山区供电公司'],
    ['国网祁门供电公司', '国网祁门县供电公司'],
    // Another unit that shares only 国网…供电公司: nothing offered (it was 国网歙县供电公司).
    ['国网宁国市供电公司', null],
    ['国网绩溪县供电公司', null],
    // Another district of the same city: it shares the city's name only.
    ['国网黄山市新区供电公司', null],
    // A station of a unit is not the unit.
    ['国网休宁县五城供电所', null],
  ])('%s → %s', (target, expected) => {
    expect(closestUnit(target, UNITS)).toBe(expected);
  });
});

describe('text in the unit column, too long for a name', () => {
  const long = `国网${'长'.repeat(3000)}供电公司`;

  it('is offered for nothing and offered nothing (comparing it took the product of the lengths)', () => {
    expect(closestUnit(`${long}甲`, [long])).toBeNull();
    expect(closestUnit(long, ['国网歙县供电公司', long.slice(0, -1)])).toBeNull();
    expect(renamedFrom(`${long}甲`, [long])).toBeNull();
  });

  it('leaves the names beside it compared', () => {
    expect(renamedFrom('国网祁门供电公司', [long, '国网祁门县供电公司'])).toBe(
      '国网祁门县供电公司',
    );
  });
});
