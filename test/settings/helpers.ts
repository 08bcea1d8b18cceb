/** Helpers of the settings tests: refusals, folders of files, wall-clock days. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { InputError } from '../../src/errors.js';

/** A wall-clock date, built from local parts as the program's `new Date()` is read. */
export const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 0, 30);
};

/** The InputError a call throws (sync or async), to assert its code, message and hint. */
export async function failure(run: () => unknown): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** A new folder holding `files` (path → content), removed after the test file. */
export function folders(prefix: string): (files?: Record<string, string | Buffer>) => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  return (files = {}) => {
    const dir = join(root, `f${++count}`);
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  };
}
