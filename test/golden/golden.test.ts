/**
 * Golden outputs: every case of scripts/golden.js (each command and renderer on the bundled
 * fixtures) must print and write exactly what test/golden/<case>/ holds. After a change that
 * is meant to change an output, run `npm run golden` and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { CASES, readGolden, runCase } from '../../scripts/golden.js';

describe.concurrent('golden outputs', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const golden = readGolden(name);
    if (!golden) {
      throw new Error(`test/golden/${name}/ is missing: run npm run golden (and commit it)`);
    }
    const actual = await runCase(c);
    expect([...actual.keys()], 'the files the case produces').toEqual([...golden.keys()]);
    for (const [file, text] of golden) expect(actual.get(file), file).toBe(text);
  });
});
