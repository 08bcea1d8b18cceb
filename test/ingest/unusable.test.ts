/**
 * The rule that refuses a file when most of its rows fail for one reason (UNUSABLE_MIN_ROWS,
 * UNUSABLE_SHARE in unusable.ts), at its edges, on real files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingest } from '../../src/ingest/ingest.js';
import { UNUSABLE_MIN_ROWS, UNUSABLE_SHARE } from '../../src/ingest/unusable.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-unusable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };

/** A CSV of `rows` data rows, the first `badDates` with 受理时间 2016-02-30 and the next `noUnit` without a unit. */
function write(name: string, rows: number, badDates: number, noUnit = 0): string {
  const lines = ['工单编号,受理时间,供电单位,业务类型'];
  for (let i = 0; i < rows; i++) {
    const date = i < badDates ? '2016-02-30 10:00:00' : '2016-05-03 10:22:11';
    const unit = i >= badDates && i < badDates + noUnit ? '' : '国网歙县供电公司';
    lines.push(`GD${i},${date},${unit},投诉`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('a file whose rows mostly fail for one reason', () => {
  it('is refused past half of at least 20 data rows', () => {
    expect([UNUSABLE_MIN_ROWS, UNUSABLE_SHARE]).toEqual([20, 0.5]);
  });

  it.each([
    ['20 rows, 10 rejected: rejects', 20, 10, 0, 10],
    ['19 rows, all rejected: too small to judge, rejects', 19, 19, 0, 19],
    ['40 rows, 12 bad dates and 12 without a unit: no one reason, rejects', 40, 12, 12, 24],
  ])('%s', async (_name, rows, badDates, noUnit, rejected) => {
    const path = write(`${rows}-${badDates}-${noUnit}.csv`, rows, badDates, noUnit);
    const result = await ingest([path], settings);
    expect(result.inputs[0]!.rows).toBe(rows);
    expect(result.inputs[0]!.rejected).toBe(rejected);
  });

  it('20 rows, 11 with an impossible date: exit 2, saying what was found', async () => {
    const path = write('20-11.csv', 20, 11);
    const error = await ingest([path], settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('FILE_UNUSABLE');
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toBe(
      `${path}: 11 of 20 data rows rejected: 受理时间 '2016-02-30 10:00:00' is not a date (lines 2, 3, 4, 5, 6 …); the file is not a usable export.`,
    );
  });
});
