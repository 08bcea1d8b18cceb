import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTargets } from '../../src/io/targets.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('readTargets: the targets file read at the I/O edge', () => {
  it.each(['csv', 'xlsx', 'json'])('reads the same eight targets from %s', async (kind) => {
    const t = await readTargets(`fixtures/metrics/targets-2016.${kind}`);
    expect(t.file).toBe(`fixtures/metrics/targets-2016.${kind}`);
    expect(t.byUnit.size).toBe(8);
    // Full-width brackets in the file, half-width after normalisation.
    expect(t.byUnit.get('国网黄山供电公司(市直)')).toEqual({
      unit: '国网黄山供电公司(市直)',
      target: 28,
      customers: 186_420,
    });
  });

  it('reads JSON with a byte-order mark', async () => {
    const t = await readTargets(file('bom.json', '\uFEFF[{"unit": "A", "target": 3}]'));
    expect([...t.byUnit.values()]).toEqual([{ unit: 'A', target: 3, customers: null }]);
  });

  it.each([
    ['missing.json', null, 'FILE_NOT_FOUND', /--targets .*missing\.json: no such file\./],
    ['bad.json', '[{"unit": "A",', 'TARGETS_INVALID', /bad\.json: not valid JSON \(/],
    ['empty.csv', '供电单位,年度指标\n', 'TARGETS_INVALID', /the header is there but no unit/],
    ['ragged.csv', '供电单位,年度指标\n"A,3\n', 'TARGETS_INVALID', /ragged\.csv row 2: /],
  ])('refuses %s with its code and message', async (name, text, code, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    const error = await readTargets(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InputError', code });
    expect((error as Error).message).toMatch(message);
  });
});
