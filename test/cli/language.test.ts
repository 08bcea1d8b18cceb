import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLanguage } from '../../src/cli/language.js';
import { InputError, said, userMessage } from '../../src/errors.js';

describe('runLanguage: the language of errors, before the settings are read', () => {
  const folder = mkdtempSync(join(tmpdir(), 'complaints-lang-test-'));
  writeFileSync(join(folder, 'complaints.config.json'), '{"lang": "en", "inputs": []}');
  const other = join(folder, 'other.json');
  writeFileSync(other, '{"lang": "zh"}');
  const empty = mkdtempSync(join(tmpdir(), 'complaints-lang-test-'));
  const broken = mkdtempSync(join(tmpdir(), 'complaints-lang-test-'));
  writeFileSync(join(broken, 'complaints.config.json'), '{"lang": "en",');
  const fifo = mkdtempSync(join(tmpdir(), 'complaints-lang-test-'));
  const made = spawnSync('mkfifo', [join(fifo, 'complaints.config.json')]).status === 0;
  afterAll(() => {
    for (const made of [folder, empty, broken, fifo])
      rmSync(made, { recursive: true, force: true });
  });
  it.skipIf(!made)('a FIFO named as the config is not opened (it would block): Chinese', () => {
    expect(runLanguage(['analyze'], fifo)).toBe('zh');
    expect(runLanguage(['analyze', '--config', '/dev/zero'], empty)).toBe('zh');
  });
  it.each([
    ['nothing said: Chinese', ['analyze', 'a.csv'], empty, 'zh'],
    ['--lang en', ['analyze', 'a.csv', '--lang', 'en'], empty, 'en'],
    ['--lang=en', ['analyze', '--lang=en', 'a.csv'], empty, 'en'],
    ['--lang zh over the config', ['analyze', '--lang', 'zh'], folder, 'zh'],
    ['the config in the working directory', ['analyze', 'a.csv'], folder, 'en'],
    ['--config FILE over the working directory', ['analyze', '--config', other], folder, 'zh'],
    ['a config that is not JSON: Chinese', ['analyze'], broken, 'zh'],
    ['--lang after --: an input name', ['analyze', '--', '--lang', 'en'], empty, 'zh'],
  ] as const)('%s', (_name, argv, cwd, expected) => {
    expect(runLanguage(argv, cwd)).toBe(expected);
  });
});

describe('userMessage', () => {
  it('picks the language; message and hint stay English for logs', () => {
    const error = new InputError(
      'FILE_NOT_FOUND',
      said('a.csv：文件不存在。', 'a.csv: no such file.'),
      said('请检查路径。', 'Check the path.'),
    );
    expect(userMessage(error, 'zh')).toEqual({
      message: 'a.csv：文件不存在。',
      hint: '请检查路径。',
    });
    expect(userMessage(error, 'en')).toEqual({
      message: 'a.csv: no such file.',
      hint: 'Check the path.',
    });
    expect(error.message).toBe('a.csv: no such file.');
    expect(error.hint).toBe('Check the path.');
  });
});
