/**
 * The one-thread row path (csv-parser.ts → table-ingest.ts → row-normaliser.ts) on real files: what a tuned hot path
 * must still count the same way, with hand-checked numbers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { opensWithComplaint } from '../../src/ingest/row-fields.js';
import type { IngestSettings } from '../../src/ingest/types.js';

const dir = mkdtempSync(join(tmpdir(), 'row-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings: IngestSettings = {
  map: {},
  complaintTypes: ['投诉'],
  encoding: null,
  sheet: null,
  threads: 1,
};

const HEADER =
  '工单编号,受理时间,供电单位,业务类型,受理内容,一级分类,是否属实,申诉结果,办结时间,回复时间,是否越级';

// Line numbers as an editor shows them (the header is line 1).
const LINES = [
  HEADER,
  // 2: plain
  'A1,2016-05-03 10:22:11,国网黄山供电公司,投诉,停电,服务投诉,属实,,2016-05-04 10:00:00,2016-05-03 12:00:00,否',
  // 3-4: a quoted text over two lines, with "" inside, and a padded date
  'A2, 2016-05-03 10:22:12 ,国网黄山供电公司,业务咨询,"【投诉】说""停电""\n又停",,,,,,',
  // 5: a date the fast form refuses (a letter), rejected with its row
  'A3,2016-05-0x 10:22:11,国网黄山供电公司,投诉,x,,,,,,',
  // 6: a date in another form, full-width unit brackets, odd values kept as unrecognised
  'A4,2016/5/3 9:05,国网黄山供电公司（市直）,故障报修,客户投诉说,,也许,再议,2016-05-03 9:60,,可能',
  // 7: too few fields
  'A5,2016-05-03 10:22:11,国网黄山供电公司',
  // 8: empty unit
  'A6,2016-05-03 10:22:11,,投诉,x,,,,,,',
  // 9: blank line (skipped, not rejected)
  '',
  // 10: a repeat of A1 with a changed appeal: a differing duplicate
  'A1,2016-05-03 10:22:11,国网黄山供电公司,投诉,停电,服务投诉,属实,申诉成功,2016-05-04 10:00:00,2016-05-03 12:00:00,否',
  // 11: 投诉 as the 6th and 7th characters: not within the first six
  'A7,2016-05-03 10:22:11,国网黄山供电公司,业务咨询,一二三四五投诉,,,,,,',
];

function write(name: string, text: string, encoding = 'utf-8', bom = false): string {
  const path = join(dir, name);
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
  writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
  return path;
}

async function summary(path: string) {
  const result = await ingest([path], settings);
  return { input: result.inputs[0]!, totals: result.totals };
}

describe('the row path on real files', () => {
  const expected = {
    // Usable rows and rejected ones: A1, A2, A4, A1 again, A7 and the three rejects.
    rows: 8,
    complaints: 2,
    duplicates: 1,
    duplicatesDiffering: 1,
    rejected: 3,
    units: { 国网黄山供电公司: 4, '国网黄山供电公司(市直)': 1 },
    byType: { 投诉: 2, 业务咨询: 2, 故障报修: 1 },
    rejects: {
      'date-invalid': [5],
      ragged: [7],
      'unit-empty': [8],
    },
  };

  it.each([
    ['LF', LINES.join('\n') + '\n', 'utf-8', false],
    ['CRLF with a BOM', LINES.join('\r\n') + '\r\n', 'utf-8', true],
    ['GB18030, CRLF', LINES.join('\r\n'), 'gb18030', false],
  ] as const)('%s', async (name, text, encoding, bom) => {
    const { input, totals } = await summary(write(`${name}.csv`, text, encoding, bom));
    expect(input.rows).toBe(expected.rows);
    expect(input.complaints).toBe(expected.complaints);
    expect(input.duplicates).toBe(expected.duplicates);
    expect(input.duplicatesDiffering).toBe(expected.duplicatesDiffering);
    expect(input.rejected).toBe(expected.rejected);
    expect(input.units).toEqual(expected.units);
    expect(input.byType).toEqual(expected.byType);
    expect(input.skipped.blank).toBe(1);
    const rows = Object.fromEntries(
      Object.entries(input.rejectsByReason).map(([code, r]) => [code, r!.rows]),
    );
    expect(rows).toEqual(expected.rejects);
    expect(input.unrecognised.substantiated?.values).toEqual(['也许']);
    expect(input.unrecognised.appealResult?.values).toEqual(['再议']);
    expect(input.unrecognised.escalated?.rows).toEqual([6]);
    expect(input.unrecognised.closedAt?.values).toEqual(['2016-05-03 9:60']);
    expect(input.dateRange).toEqual({ from: '2016-05-03 09:05:00', to: '2016-05-03 10:22:12' });
    expect(totals.workOrders).toBe(4);
    // 业务咨询 on lines 3-4 opens with 【投诉】, 故障报修 on line 6 does not (客户投诉 is 3rd-4th
    // character: it does), line 11 has it past the sixth character.
    expect(totals.complaintLike).toEqual({ 业务咨询: 1, 故障报修: 1 });
  });
});

describe('opensWithComplaint', () => {
  it.each([
    ['【投诉】停电', true],
    ['投诉：停电', true],
    ['[投诉]', true],
    ['一二三四投诉', true],
    ['一二三四五投诉', false],
    ['投', false],
    ['', false],
    ['诉投', false],
  ])('%s → %s', (text, expected) => {
    expect(opensWithComplaint(text)).toBe(expected);
    expect(opensWithComplaint(text)).toBe(text.slice(0, 6).includes('投诉'));
  });
});
