/**
 * The bundled exports read back exactly as their generator says it wrote them
 * (fixtures/expected.json is written by scripts/make-fixtures.js, independently of src/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, complaints } from '../helpers/cli.js';

interface ExpectedFile {
  format: string;
  encoding: string | null;
  sheet: string | null;
  delimiter: string | null;
  headerRow: number;
  mapping: Record<string, string>;
  dataRows: number;
  blankRowsInsideData: number;
  totalRowsSkipped: number;
  byBusinessType: Record<string, number>;
  complaints: number;
  minMonth: string;
  maxMonth: string;
  units: string[];
}

const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/expected.json'), 'utf8')) as {
  files: Record<string, ExpectedFile>;
  union: {
    files: string[];
    duplicateIds: number;
    duplicateIdsDifferingContent: number;
    workOrders: number;
    complaints: number;
    excludedByType: Record<string, number>;
  };
};

const inspect = (...files: string[]) => {
  const run = complaints(['inspect', ...files.map((f) => `fixtures/${f}`), '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

describe('bundled fixtures', () => {
  it.each(Object.entries(expected.files))('%s', (name, want) => {
    const input = inspect(name).inputs[0];
    expect(input).toMatchObject({
      file: `fixtures/${name}`,
      format: want.format,
      encoding: want.encoding,
      sheet: want.sheet ?? null,
      delimiter: want.delimiter,
      headerRow: want.headerRow,
      rows: want.dataRows,
      complaints: want.complaints,
      duplicates: 0,
      rejected: 0,
      byType: want.byBusinessType,
    });
    expect(input.skipped).toMatchObject({
      beforeHeader: want.headerRow - 1,
      blank: want.blankRowsInsideData,
      total: want.totalRowsSkipped,
    });
    expect(
      Object.fromEntries(
        input.columns.map((c: { field: string; header: string }) => [c.field, c.header]),
      ),
    ).toEqual(want.mapping);
    expect(Object.keys(input.units).sort()).toEqual([...want.units].sort());
    expect(input.dateRange.from.slice(0, 7)).toBe(want.minMonth);
    expect(input.dateRange.to.slice(0, 7)).toBe(want.maxMonth);
  });

  it('reads the four exports as one data set, de-duplicating the overlapping November', () => {
    const result = inspect(...expected.union.files);
    expect(result.totals).toEqual({
      workOrders: expected.union.workOrders,
      complaints: expected.union.complaints,
      duplicates: expected.union.duplicateIds,
      duplicatesDiffering: expected.union.duplicateIdsDifferingContent,
      rejected: 0,
      excludedByType: expected.union.excludedByType,
      withoutId: 0,
    });
    // The hand-checked figures, so a generator change cannot silently move them.
    expect(result.totals).toMatchObject({
      workOrders: 313,
      complaints: 185,
      duplicates: 15,
      duplicatesDiffering: 3,
    });
  });

  it('prints the README example as documented', () => {
    const run = complaints(['inspect', 'fixtures/95598-2016-09-11.xlsx']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('表头在第 4 行');
    expect(run.stdout).toMatch(/跳过\s+表头前 3 行，空行 1，合计行 1/);
  });
});
