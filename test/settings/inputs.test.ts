import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/settings/inputs.js';
import { failure, folders } from './helpers.js';

const folder = folders('complaints-inputs-');

describe('resolveInputs', () => {
  it('expands globs relative to the folder, oldest month first', async () => {
    const dir = folder({
      'exports/2017-01.xlsx': 'x',
      'exports/2016-12.xlsx': 'x',
      'exports/2016-9.xlsx': 'x',
      'exports/2016-10.xlsx': 'x',
      'exports/~$2017-01.xlsx': 'lock',
      'exports/.hidden.xlsx': 'x',
      'exports/notes.txt': 'x',
      'exports/old/2015-12.xlsx': 'x',
    });
    expect(await resolveInputs(['exports/*.xlsx'], dir)).toEqual(
      ['2016-9', '2016-10', '2016-12', '2017-01'].map((m) => join(dir, `exports/${m}.xlsx`)),
    );
    expect(await resolveInputs(['exports/**/*.xlsx'], dir)).toEqual(
      ['2016-9', '2016-10', '2016-12', '2017-01', 'old/2015-12'].map((m) =>
        join(dir, `exports/${m}.xlsx`),
      ),
    );
  });

  it('sorts across patterns, drops duplicates, and takes literal and absolute paths', async () => {
    const dir = folder({
      'a/2016-12.csv': 'x',
      'b/2016-11.csv': 'x',
      'b/投诉[1].xlsx': 'x',
    });
    expect(
      await resolveInputs(
        [
          'b/*.csv',
          join(dir, 'a/*.csv'),
          'b/2016-11.csv',
          'b/投诉[1].xlsx',
          '../' + dir.split('/').pop() + '/a/2016-12.csv',
        ],
        dir,
      ),
    ).toEqual([
      join(dir, 'a/2016-12.csv'),
      join(dir, 'b/2016-11.csv'),
      join(dir, 'b/投诉[1].xlsx'),
    ]);
  });

  it.each<[string, string, string]>([
    [
      'exports/*.csv',
      '"inputs": "exports/*.csv" matched no file in DIR.',
      "Patterns are relative to the config file's folder; check the folder and the extension.",
    ],
    [
      'missing/*.xlsx',
      '"inputs": "missing/*.xlsx" matched no file: there is no folder DIR/missing.',
      "Patterns are relative to the config file's folder.",
    ],
    [
      'exports/2016-13.xlsx',
      '"inputs": "exports/2016-13.xlsx": no such file in DIR.',
      "Paths in the config file are relative to the config file's folder.",
    ],
    [
      'exports',
      '"inputs": "exports" is a folder in DIR, not a file.',
      'Give a glob for its exports, e.g. "exports/*.xlsx".',
    ],
  ])('%s fails, naming it', async (pattern, message, hint) => {
    const dir = folder({ 'exports/2016-11.xlsx': 'x' });
    const error = await failure(() => resolveInputs(['exports/*.xlsx', pattern], dir));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(message.replace('DIR', dir));
    expect(error.hint).toBe(hint);
  });
});
