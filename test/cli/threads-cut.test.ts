/** A --threads above the machine's cores is cut to them, and said (review3 #10). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
    expect(threadsCut(8, 2, '/data/complaints.config.json')?.zh).toBe(
      '/data/complaints.config.json 中的 "threads": 8：本机最多用 2 个线程，按 2 个读取。',
    );
  });

  it('the config file\'s "threads": the line names the file', () => {
    const used = Math.max(2, availableParallelism());
    const dir = mkdtempSync(join(tmpdir(), 'complaints-threads-'));
    try {
      const config = join(dir, 'complaints.config.json');
      writeFileSync(config, JSON.stringify({ threads: 99999 }));
      const run = complaints(['analyze', resolve(PINYIN), '--config', config]);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(
        `${config} 中的 "threads": 99999：本机最多用 ${used} 个线程，按 ${used} 个读取。`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
