/** A --threads above the machine's cores is cut to them, and said (review3 #10). */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { threadsCut } from '../../src/settings/command.js';

const PINYIN = 'fixtures/95598-2016-08-pinyin.csv';

describe('--threads above the cores', () => {
  it('99999: one line on stderr naming the threads used', () => {
    const used = Math.max(2, availableParallelism());
    const run = complaints(['inspect', PINYIN, '--threads', '99999']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`--threads 99999：本机最多用 ${used} 个线程，按 ${used} 个读取。`);
    expect(complaints(['inspect', PINYIN, '--threads', '2']).stderr).not.toContain('--threads');
  });

  it('the words, by hand', () => {
    expect(threadsCut('8', 2)?.en).toBe(
      '--threads 8: this machine reads with at most 2 threads; using 2.',
    );
    expect(threadsCut('2', 2)).toBeNull();
    expect(threadsCut(undefined, 2)).toBeNull();
  });
});
