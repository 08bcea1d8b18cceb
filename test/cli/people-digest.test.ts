/**
 * A copy of a work order is "differing" when its values after cleaning differ. `inspect` keeps no
 * orders and digests the customer number and phone in place when they are printable ASCII
 * (OffsetRow.digestPrintable), `analyze` from the cleaned strings: the same copies must count as
 * differing in both, on one thread and over two threads' small ranges, however the numbers are
 * written (full-width digits, padding, quotes, line breaks, control characters).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'people-digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (id: string, customer: string, phone: string) =>
  [id, '2016-05-03 10:22:11', '国网黄山供电公司', '投诉', '停电', customer, phone]
    .map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
    .join(',');

const LINES = [
  '工单编号,受理时间,供电单位,业务类型,受理内容,客户编号,联系电话',
  row('B1', 'C100', '13900000001'),
  row('B2', 'C200', '13900000002'),
  row('B3', 'C300', '13900000003'),
  row('B4', 'C400', '13900000004'),
  row('B5', 'C500', '1390000\n0005'),
  row('B6', 'C600', '13900000006'),
  row('B7', '户号C7', '13900000007'),
  // The same after cleaning: full-width digits and padding (NFKC, trim), a control character.
  row('B1', 'Ｃ１００', ' 13900000001 '),
  row('B2', 'C200', '13900000002\u3000'),
  row('B5', 'C500', '1390000\n0005'),
  row('B6', 'C6\u000100', '13900000006'),
  row('B7', '户号C7', '\t13900000007'),
  // Differing: a space inside, quotes kept as written.
  row('B3', 'C300', '139 00000003'),
  row('B4', '"C400"', '13900000004'),
];

const files = {
  utf8: join(dir, 'people.csv'),
  gb18030: join(dir, 'people-gb18030.csv'),
};
writeFileSync(files.utf8, LINES.join('\r\n') + '\r\n');
writeFileSync(files.gb18030, iconv.encode(LINES.join('\r\n') + '\r\n', 'gb18030'));

describe('inspect and analyze count the same differing copies', () => {
  it.each(Object.entries(files))('%s', (_name, file) => {
    for (const command of ['inspect', 'analyze']) {
      const runs = [
        complaints([command, file, '--json', '--threads', '1']),
        complaints([command, file, '--json', '--threads', '2'], {
          env: { COMPLAINTS_TEST_RANGE_BYTES: '40' },
        }),
      ];
      for (const run of runs) {
        expect(run.code).toBe(0);
        const input = (JSON.parse(run.stdout) as { inputs: Record<string, unknown>[] }).inputs[0]!;
        expect([input.rows, input.duplicates, input.duplicatesDiffering]).toEqual([14, 7, 2]);
      }
      expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    }
  });
});
