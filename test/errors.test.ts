/**
 * Errors carry where the problem is (`file`, `row`) as well as saying it: callers can react
 * without parsing the message. Checked on the bad-input corpus (test/files/bad) and the other
 * files a run reads.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, RejectedRowsError, refuseRejects } from '../src/errors.js';
import { ingest } from '../src/ingest/ingest.js';
import { readTargets } from '../src/io/targets.js';
import { parseTargetJson } from '../src/metrics/targets.js';
import { loadModel } from '../src/taxonomy/model-file.js';
import { loadTaxonomy } from '../src/taxonomy/load.js';

const BAD = 'test/files/bad';
const SETTINGS = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };

async function failure(run: () => unknown): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** The row each refused file's message names (a CSV's line); none where it names no row. */
const ROWS: Record<string, number | undefined> = {
  'bad-gb18030.csv': 4,
  'missing-unit.csv': 1,
  'header-only.csv': 1,
  'header-only.xlsx': 1,
  'totals-only.csv': 1,
  'totals-only.xlsx': 1,
  'stray-quote-header.csv': 1,
  'unescaped-quotes.csv': 2,
  'unreadable-dates.csv': 2,
  'joined-encodings.csv': 5,
  'bom-joined-encodings.csv': 5,
};

describe('an input that cannot be read names its file and row', () => {
  const refused: string[] = [];
  it.each([...readdirSync(BAD).filter((f) => !/\.(md|json)$/.test(f)), 'missing.csv'].sort())(
    '%s',
    async (name) => {
      const file = join(BAD, name);
      let error: unknown = null;
      try {
        await ingest([file], SETTINGS);
      } catch (e) {
        error = e;
      }
      if (error === null) return; // read with rejects or notes, not refused
      refused.push(name);
      expect(error).toBeInstanceOf(InputError);
      const e = error as InputError;
      expect(e.message.startsWith(`${file}: `)).toBe(true);
      expect(e.file).toBe(file);
      expect(e.row).toBe(ROWS[name]);
    },
  );

  it('covers the refusals the corpus holds', () => {
    expect(refused.length).toBeGreaterThanOrEqual(14);
    for (const name of Object.keys(ROWS)) expect(refused).toContain(name);
  });
});

describe('the other files a run reads', () => {
  it('a targets row names the row', () => {
    const error = (() => {
      try {
        parseTargetJson([{ unit: '', target: 3 }], 't.json');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.message).toBe('t.json[0]: the unit is empty.');
    expect(error.file).toBe('t.json');
    expect(error.row).toBeUndefined();
  });

  it('a targets file that is not there, a model that is not one, a taxonomy that is not valid', async () => {
    expect(await failure(() => readTargets('nope/targets.json'))).toMatchObject({
      code: 'FILE_NOT_FOUND',
      message: '--targets nope/targets.json: no such file.',
      file: 'nope/targets.json',
    });
    const taxonomy = loadTaxonomy();
    expect(await failure(() => loadModel('package.json', taxonomy))).toMatchObject({
      code: 'FILE_UNREADABLE',
      file: 'package.json',
    });
    expect(await failure(() => loadTaxonomy('package.json'))).toMatchObject({
      code: 'BAD_OPTION',
      file: 'package.json',
    });
  });
});

describe('--strict: refuseRejects, one check for every command', () => {
  const reject = { file: 'a.csv', row: 7, reason: "受理时间 'x' is not a date" };
  it.each<[boolean, number, boolean]>([
    [false, 3, false],
    [true, 0, false],
    [true, 3, true],
  ])('strict %s with %i rejected: refused %s', (strict, rejected, refused) => {
    let error: unknown;
    try {
      refuseRejects(strict, { totals: { rejected }, rejects: rejected ? [reject] : [] });
    } catch (e) {
      error = e;
    }
    if (!refused) {
      expect(error).toBeUndefined();
      return;
    }
    expect(error).toBeInstanceOf(RejectedRowsError);
    const e = error as RejectedRowsError;
    expect(e.message).toBe(
      "3 row(s) rejected under --strict; first: a.csv row 7: 受理时间 'x' is not a date",
    );
    expect(e.exitCode).toBe(3);
    expect([e.file, e.row]).toEqual(['a.csv', 7]);
  });
});
