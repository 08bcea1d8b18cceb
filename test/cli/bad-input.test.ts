/**
 * Every bad input of issue 3, as a real file under test/files/bad/ (scripts/make-bad-inputs.js):
 * a clear one- or two-line message naming the file and what to do, the documented exit code,
 * no stack trace, and no output file left behind.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, isPlainError } from '../helpers/cli.js';

const BAD = 'test/files/bad';
const out = mkdtempSync(join(tmpdir(), 'complaints-bad-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('inputs that cannot be read: exit 2', () => {
  it.each([
    ['missing.csv', /missing\.csv: no such file\./, /Check the path/],
    ['empty.csv', /empty\.csv: the file is empty \(0 bytes\)\./, /Export the work orders again/],
    ['garbage.bin', /garbage\.bin: not a CSV or text file, nor an xlsx workbook/, /--encoding/],
    [
      'garbage.csv',
      /garbage\.csv: not a CSV or text file/,
      /Give the 95598 export as \.xlsx or \.csv/,
    ],
    [
      'truncated.xlsx',
      /truncated\.xlsx: the workbook is incomplete/,
      /Download or export it again/,
    ],
    [
      'encrypted.xlsx',
      /encrypted\.xlsx: the workbook is password-protected/,
      /remove the password/,
    ],
    [
      'old.xls',
      /old\.xls: this is an old \.xls \(Excel 97-2003\) workbook/,
      /soffice --headless --convert-to xlsx/,
    ],
    [
      'no-header.csv',
      /no-header\.csv: no header row found in the first 50 rows/,
      /--map field=HEADER/,
    ],
    [
      'missing-unit.csv',
      /missing-unit\.csv: no 供电单位 \(unit\) column in the header on row 1\. Headers found: 工单编号, 受理时间, 业务类型, 受理内容\./,
      /--map unit=HEADER/,
    ],
    [
      'header-only.csv',
      /header-only\.csv: the header is on row 1 but no data rows follow it\./,
      /Export the work orders again/,
    ],
    [
      'header-only.xlsx',
      /header-only\.xlsx: the header is on row 1 of sheet 工单明细 but no data rows follow it\./,
      /Export/,
    ],
  ])('%s', (name, message, hint) => {
    const json = join(out, `${name}.json`);
    const run = complaints(['inspect', `${BAD}/${name}`, '--json', json]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const [first, second] = run.stderr.trimEnd().split('\n');
    expect(first).toMatch(message);
    expect(first).toContain(`${BAD}/${name}`);
    expect(second).toMatch(hint);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(existsSync(json)).toBe(false);
  });
});

describe('rows that cannot be used: rejects with their line, exit 3 under --strict', () => {
  it.each([
    [
      'bad-date.csv',
      [
        [4, "受理时间 '2016-02-30 10:00:00' is not a date"],
        [6, "受理时间 '2016-13-45 08:00:00' is not a date"],
      ],
      4,
    ],
    ['empty-unit.csv', [[4, '供电单位 is empty']], 5],
    [
      'ragged.csv',
      [
        [3, 'the row has 6 fields where the header has 5'],
        [6, 'the row has 4 fields where the header has 5'],
      ],
      4,
    ],
    [
      'unbalanced-quote.csv',
      [
        [
          4,
          'unbalanced quote: a field opened with " on line 4 never closes (the 4 lines from there on were read as one row)',
        ],
      ],
      2,
    ],
  ])('%s', (name, rejects, good) => {
    const file = `${BAD}/${name}`;
    const run = complaints(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.rejects).toEqual(rejects.map(([row, reason]) => ({ file, row, reason })));
    expect(result.inputs[0].rows - result.inputs[0].rejected).toBe(good);

    const strict = complaints(['inspect', file, '--strict']);
    expect(strict.code).toBe(3);
    expect(strict.stderr).toContain(`${file} row ${rejects[0]![0]}: ${rejects[0]![1]}`);
    expect(isPlainError(strict.stderr)).toBe(true);
  });
});

describe('a workbook named .csv', () => {
  it('is read as xlsx, and the output says so', () => {
    const run = complaints(['inspect', `${BAD}/renamed-xlsx.csv`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'renamed-xlsx.csv is an xlsx workbook despite its name; read as xlsx.',
    );
    const json = JSON.parse(complaints(['inspect', `${BAD}/renamed-xlsx.csv`, '--json']).stdout);
    expect(json.inputs[0]).toMatchObject({ format: 'xlsx', rows: 6, complaints: 4 });
    expect(json.inputs[0].notes).toEqual([
      'renamed-xlsx.csv is an xlsx workbook despite its name; read as xlsx.',
    ]);
  });
});
