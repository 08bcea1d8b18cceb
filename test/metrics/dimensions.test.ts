/**
 * The cube's optional dimensions (metrics/dimensions.ts): the new fields, a column of the export
 * read by its header in each input, and values passed through a code table — mapped where the
 * table names a code, kept as written where it does not (never a guess).
 */
import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../src/ingest/types.js';
import type { CodeBook } from '../../src/metrics/codes.js';
import { dimensionReader, type OptionalDimension } from '../../src/metrics/dimensions.js';

const order = (o: Partial<WorkOrder>): WorkOrder =>
  ({
    channel: null,
    urbanRural: null,
    customerType: null,
    station: null,
    cells: [],
    headers: [],
    ...o,
  }) as WorkOrder;

const NAMES: Record<string, string> = {
  'urbanRural:01': '城市',
  'urbanRural:02': '农村',
  'ZONE:A1': '城区',
};
const codes: CodeBook = { name: (column, code) => NAMES[`${column}:${code}`] ?? null };

describe('dimensionReader', () => {
  it.each<
    [
      string,
      OptionalDimension[],
      Partial<WorkOrder>,
      CodeBook | null,
      Record<string, string | null>,
    ]
  >([
    [
      'the new fields as read',
      ['channel', 'urbanRural', 'customerType', 'station'],
      { channel: '95598电话', urbanRural: '01', customerType: '居民生活', station: '徽城供电所' },
      null,
      { channel: '95598电话', urbanRural: '01', customerType: '居民生活', station: '徽城供电所' },
    ],
    [
      "a field's value as read: the code table named it when the row was read (naming.ts)",
      ['urbanRural', 'channel'],
      { urbanRural: '02', channel: '07' },
      codes,
      { urbanRural: '02', channel: '07' },
    ],
    [
      'a column: a code mapped by the table, an unknown code kept, a blank left blank',
      ['column:ZONE', 'column:MODE', 'column:LEVEL'],
      { headers: ['ZONE', 'MODE', 'LEVEL'], cells: ['A1', '07', ''] },
      codes,
      { 'column:ZONE': '城区', 'column:MODE': '07', 'column:LEVEL': null },
    ],
    [
      'a column by its header (any case, full-width), trimmed and NFKC',
      ['column:zone'],
      { headers: ['工单编号', 'ＺＯＮＥ'], cells: ['1', ' Ａ1 '] },
      codes,
      { 'column:zone': 'A1' },
    ],
    [
      'a column whose cell is a number, or blank',
      ['column:ZONE', 'column:LEVEL'],
      { headers: ['ZONE', 'LEVEL'], cells: [3, '  '] },
      null,
      { 'column:ZONE': '3', 'column:LEVEL': null },
    ],
    [
      'a column the input lacks is blank',
      ['column:ZONE'],
      { headers: ['工单编号'], cells: ['1'] },
      null,
      { 'column:ZONE': null },
    ],
  ])('%s', (_, chosen, o, book, expected) => {
    expect(dimensionReader(chosen, book)(order(o))).toEqual(expected);
  });

  it('finds a column in each input by its header, wherever it stands', () => {
    const read = dimensionReader(['column:ZONE']);
    expect(read(order({ headers: ['ZONE', 'ID'], cells: ['A1', '1'] }))).toEqual({
      'column:ZONE': 'A1',
    });
    expect(read(order({ headers: ['ID', 'ZONE'], cells: ['2', 'B2'] }))).toEqual({
      'column:ZONE': 'B2',
    });
  });

  it('asks the table by the header as written for a column (ZONE:A1 → 城区)', () => {
    const read = dimensionReader(['column:ZONE'], codes);
    expect(read(order({ headers: ['ZONE'], cells: ['A1'] }))).toEqual({ 'column:ZONE': '城区' });
  });
});
