/**
 * The xlsx reader on workbooks written by hand (test/helpers/zip.ts): what the spec allows
 * and exceljs did not read, the zip's own features, and every kind of damage and limit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, constants } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openInput, type OpenOptions } from '../../src/io/source.js';
import { readAll } from '../helpers/read.js';
import { row, workbook, workbookParts, zip, type WorkbookSpec } from '../helpers/zip.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-xlsx-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
async function read(bytes: Buffer, options: OpenOptions = {}) {
  const file = join(dir, `t${++count}.xlsx`);
  writeFileSync(file, bytes);
  return readAll(file, options);
}

const sheet = (rows: string, extra: Partial<WorkbookSpec> = {}) =>
  workbook({ sheets: [{ name: '工单明细', rows }], ...extra });

/** The InputError a read ends with: its code and message. */
async function failure(bytes: Buffer, options: OpenOptions = {}) {
  const error = (await read(bytes, options).then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; message?: string; hint?: string } | null;
  expect(error).not.toBeNull();
  return { code: error!.code, message: error!.message!, hint: error!.hint };
}

describe('cells and rows', () => {
  it('places rows and cells without r= after the previous one, as LibreOffice does', async () => {
    const { rows } = await read(
      sheet(
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row>' +
          '<row r="5"><c r="C5"><v>2</v></c><c><v>3</v></c></row>' +
          '<row><c/><c><v>4</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      { row: 1, cells: ['a', 1] },
      { row: 5, cells: [null, null, 2, 3] },
      { row: 6, cells: [null, 4] },
    ]);
  });

  it('joins every run of a rich inline string and skips phonetic runs', async () => {
    const { rows } = await read(
      sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/><rFont val="宋体"/></rPr><t>国网</t></r>' +
          '<r><t xml:space="preserve"> 黄山</t></r><r><t>供电公司</t></r><rPh sb="0" eb="2"><t>コクモウ</t></rPh></is></c></row>',
      ),
    );
    expect(rows[0]!.cells).toEqual(['国网 黄山供电公司']);
  });

  it('decodes entities, character references, Excel escapes and line ends once', async () => {
    const { rows } = await read(
      sheet(
        '<row r="1"><c r="A1" t="str"><f>A2</f><v>A&amp;lt;B &quot;&apos;&gt; &#20013;&#x6587; &#x20000;</v></c>' +
          '<c r="B1" t="inlineStr"><is><t>第一行_x000D_\r\n第二行 _x005F_x000D_</t></is></c>' +
          '<c r="C1" t="e"><v>#VALUE!</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>' +
          '<c r="F1"><f>1/0</f><v>0.25</v></c></row>',
      ),
    );
    expect(rows[0]!.cells).toEqual([
      'A&lt;B "\'> 中文 \u{20000}',
      '第一行\r\n第二行 _x000D_',
      '#VALUE!',
      true,
      false,
      0.25,
    ]);
  });

  it('reads shared strings: rich runs joined, phonetic runs skipped, also after the sheet', async () => {
    for (const order of [undefined, 'sheets-first'] as const) {
      const { rows } = await read(
        sheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
          {
            order,
            sharedStrings: [
              '<si><t>工单编号</t></si>',
              '<si><r><t>A&amp;B</t></r><r><rPr><sz val="11"/></rPr><t>&#20013;</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
              '<si><t/></si>',
            ],
          },
        ),
      );
      expect(rows[0]!.cells).toEqual(['工单编号', 'A&B中', '']);
    }
  });

  it('turns date-formatted numbers into Dates in both date systems, Chinese formats included', async () => {
    const styles = [
      0,
      14,
      'yyyy"年"m"月"d"日"',
      31,
      '0.00',
      '[Red]0.00',
      'h:mm:ss',
      '#,##0"元"',
      58,
      22,
    ];
    const cells = styles.map(
      (_, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i}"><v>42614.5</v></c>`,
    );
    const expected = (serial: number) =>
      styles.map((format) =>
        [0, '0.00', '[Red]0.00', '#,##0"元"'].includes(format)
          ? serial
          : new Date(Date.UTC(2016, 8, 1, 12)),
      );
    const { rows } = await read(sheet(`<row r="1">${cells.join('')}</row>`, { styles }));
    expect(rows[0]!.cells).toEqual(expected(42614.5));
    const cells1904 = cells.map((c) => c.replace('42614.5', String(42614.5 - 1462)));
    const in1904 = await read(
      sheet(`<row r="1">${cells1904.join('')}</row>`, { styles, date1904: true }),
    );
    expect(in1904.rows[0]!.cells).toEqual(expected(42614.5 - 1462));
  });

  it.each([
    ['<c </v></c>', "row 1 has a broken cell tag '<c </v></c>'"],
    ['<c r="A1" / ><v>1</v></c>', 'row 1 has a broken cell tag \'<c r="A1" / >'],
    ['<c =1><v>1</v></c>', "row 1 has a broken cell tag '<c =1><v>1<'"],
  ])('refuses a broken cell tag %j as damage, in no time', async (cell, what) => {
    const { code, message } = await failure(sheet(`<row r="1">${cell}</row>`));
    expect(code).toBe('XLSX_CORRUPT');
    expect(message).toContain(what);
  });

  it('keeps what is no number or no calendar date as it is, for the reject to show', async () => {
    const values = ['Infinity', '-Infinity', 'NaN', '1e300', 'abc', '0x10', ' 0b1'];
    const cells = values.map(
      (v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="1"><v>${v}</v></c>`,
    );
    const { rows } = await read(sheet(`<row r="1">${cells.join('')}</row>`, { styles: [0, 14] }));
    expect(rows[0]!.cells).toEqual(['Infinity', '-Infinity', 'NaN', 1e300, 'abc', '0x10', ' 0b1']);
  });

  it('reads a shared-string index with white space around it, as exceljs did', async () => {
    const { rows } = await read(
      sheet('<row r="1"><c r="A1" t="s"><v> 0 </v></c></row>', {
        sharedStrings: ['<si><t>工单编号</t></si>'],
      }),
    );
    expect(rows[0]!.cells).toEqual(['工单编号']);
  });

  it('keeps Chinese text whole across inflate chunk edges (4-byte characters too)', async () => {
    let state = 7;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let j = 0; j < 200 + (next() % 300); j++) {
        text += next() % 50 === 0 ? '\u{2A6A5}' : String.fromCharCode(0x4e00 + (next() % 0x5000));
      }
      texts.push(text);
    }
    const { rows } = await read(sheet(texts.map((t, i) => row(i + 1, [t])).join('')));
    expect(rows.length).toBe(texts.length);
    expect(rows.filter((r, i) => r.cells[0] !== texts[i]).length).toBe(0);
  });

  it('offers visible sheets first, finds --sheet by name or number, and names them when missing', async () => {
    const bytes = workbook({
      sheets: [
        { name: '说明', rows: row(1, ['hidden notes']), state: 'hidden' },
        { name: '工单明细', rows: row(1, ['工单编号']) },
      ],
    });
    // A sink that takes no sheet sees them all: the visible one first.
    const file = join(dir, 'sheets.xlsx');
    writeFileSync(file, bytes);
    const { reader } = await openInput(file);
    const offered: (string | null)[] = [];
    await reader.read({
      begin: (table) => offered.push(table.sheet),
      rows: () => false,
      broken: () => {},
      end: () => false,
    });
    expect(offered).toEqual(['工单明细', '说明']);
    expect((await read(bytes)).sheets).toEqual(['工单明细']);
    expect((await read(bytes, { sheet: '1' })).rows[0]!.cells).toEqual(['hidden notes']);
    expect((await read(bytes, { sheet: '工单明细' })).sheets).toEqual(['工单明细']);
    const missing = await failure(bytes, { sheet: 'Sheet9' });
    expect(missing.code).toBe('SHEET_NOT_FOUND');
    expect(missing.message).toMatch(/no sheet 'Sheet9'\. Sheets: 说明, 工单明细\./);
  });
});

describe('the zip', () => {
  const rows = row(1, ['工单编号', 7]) + row(2, ['GD1', 8]);
  const cells = [
    { row: 1, cells: ['工单编号', 7] },
    { row: 2, cells: ['GD1', 8] },
  ];

  it('reads zip64 records and entries, data descriptors and stored entries', async () => {
    const parts = workbookParts({ sheets: [{ name: 'S', rows }] });
    const variants = [
      zip(
        parts.map((p) => ({ ...p, zip64: true })),
        { zip64End: true },
      ),
      zip(parts.map((p) => ({ ...p, descriptor: true }))),
      zip(parts.map((p) => ({ ...p, descriptor: true, zip64: true }))),
      zip(parts.map((p) => ({ ...p, method: 0 as const }))),
    ];
    for (const bytes of variants) {
      const result = await read(bytes);
      expect(result.rows).toEqual(cells);
      expect(result.notes).toEqual([]);
    }
  });

  it('refuses an entry whose CRC does not match, deflated or stored', async () => {
    const name = 'xl/worksheets/sheet1.xml';
    const crcWrong = await failure(
      sheet(rows, { tweak: { [name]: { central: { crc: 1234 }, local: { crc: 1234 } } } }),
    );
    expect(crcWrong.code).toBe('XLSX_CORRUPT');
    expect(crcWrong.message).toMatch(
      /t\d+\.xlsx: the workbook is damaged: entry xl\/worksheets\/sheet1\.xml fails its CRC check\./,
    );
    expect(crcWrong.hint).toMatch(/export it again|save it under a new name/);
    // One changed byte in a stored sheet: a date would silently change without the CRC.
    const xml = Buffer.from(workbookParts({ sheets: [{ name: 'S', rows }] })[5]!.data as string);
    const changed = Buffer.from(xml);
    changed[changed.indexOf('>8<') + 1] = 0x39;
    const stored = await failure(
      sheet(rows, {
        tweak: {
          [name]: { method: 0, compressed: { bytes: changed, size: xml.length, crc: crc32(xml) } },
        },
      }),
    );
    expect(stored.message).toMatch(/fails its CRC check/);
  });

  it('reads an entry whose local header disagrees with the directory, with a note', async () => {
    const result = await read(
      sheet(rows, {
        tweak: {
          'xl/worksheets/sheet1.xml': { local: { crc: 99, name: 'xl/worksheets/sheetX.xml' } },
        },
      }),
    );
    expect(result.rows).toEqual(cells);
    expect(result.notes).toHaveLength(1);
    expect(result.notes[0]).toMatch(
      /zip entry xl\/worksheets\/sheet1\.xml: its own header disagrees with the zip directory \(name xl\/worksheets\/sheetX\.xml, CRC\); read as the directory says/,
    );
  });

  it('refuses a directory that points nowhere, a cut entry, an unknown method, a missing sheet', async () => {
    const good = sheet(rows);
    const directoryAt = good.readUInt32LE(good.length - 6);
    const pointing = Buffer.from(good);
    pointing.writeUInt32LE(directoryAt + 5, pointing.length - 6);
    expect((await failure(pointing)).message).toMatch(
      /damaged: its zip directory is broken at entry 1/,
    );

    const sizeWrong = await failure(
      sheet(rows, { tweak: { 'xl/worksheets/sheet1.xml': { central: { size: 10 } } } }),
    );
    expect(sizeWrong.message).toMatch(/inflates to \d+ bytes where its directory says 10/);

    // A size no deflate stream can reach: the directory is damaged, not a zip bomb.
    const huge = await failure(
      sheet(rows, { tweak: { 'xl/styles.xml': { central: { size: 0x7fffffff } } } }),
    );
    expect(huge.code).toBe('XLSX_CORRUPT');
    expect(huge.message).toMatch(
      /its zip directory gives entry xl\/styles\.xml a size of 2147483647 bytes, more than its \d+ compressed bytes can hold/,
    );

    const parts = workbookParts({ sheets: [{ name: 'S', rows }] });
    const noSheet = await failure(zip(parts.slice(0, 5)));
    expect(noSheet.message).toMatch(/damaged: sheet S \(xl\/worksheets\/sheet1\.xml\) is missing/);
  });
});

describe('damage and limits in the sheet', () => {
  it.each(['0', '1.5', '1e14', '-3', 'x', ''])('refuses row r="%s" as damage', async (r) => {
    const { code, message } = await failure(sheet(`<row r="${r}"><c><v>1</v></c></row>`));
    expect(code).toBe('XLSX_CORRUPT');
    expect(message).toContain(`the workbook is damaged: sheet 工单明细 has a row numbered '${r}'`);
  });

  it("refuses a row number beyond Excel's last row (4294967297)", async () => {
    const { code, message } = await failure(sheet('<row r="4294967297"><c><v>1</v></c></row>'));
    expect(code).toBe('XLSX_LIMIT');
    expect(message).toMatch(/sheet 工单明细 has more than 1,048,576 rows, Excel's limit/);
  });

  it.each(['B3', 'A0', '1A', 'A2.5', 'AAAAA2'])(
    'refuses a cell referenced as %s in row 2',
    async (ref) => {
      const { code, message } = await failure(sheet(`<row r="2"><c r="${ref}"><v>1</v></c></row>`));
      expect(code).toBe('XLSX_CORRUPT');
      expect(message).toContain(`row 2 has a cell referenced as '${ref}'`);
    },
  );

  it('refuses columns beyond XFD, by reference or by count', async () => {
    expect((await failure(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).message).toMatch(
      /row 1 has a cell \(XFE1\) beyond column XFD, Excel's limit of 16,384 columns/,
    );
    const wide = '<c><v>1</v></c>'.repeat(16_385);
    const { code } = await failure(sheet(`<row r="1">${wide}</row>`));
    expect(code).toBe('XLSX_LIMIT');
    const { rows } = await read(sheet(`<row r="1"><c r="XFD1"><v>1</v></c></row>`));
    expect(rows[0]!.cells.length).toBe(16_384);
  });

  it('refuses a cell over 32,767 characters and reads one of exactly 32,767', async () => {
    const { rows } = await read(sheet(row(1, ['中'.repeat(32_767)])));
    expect((rows[0]!.cells[0] as string).length).toBe(32_767);
    const { code, message } = await failure(sheet(row(1, ['中'.repeat(32_768)])));
    expect(code).toBe('XLSX_LIMIT');
    expect(message).toMatch(
      /cell A1 holds 32,768 characters, over Excel's limit of 32,767 in a cell/,
    );
    const shared = await failure(
      sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
        sharedStrings: [`<si><t>${'x'.repeat(40_000)}</t></si>`],
      }),
    );
    expect(shared.message).toMatch(/shared string 1 holds 40,000 characters/);
  });

  it('refuses more than 1,048,576 rows, also without row numbers', async () => {
    const started = Date.now();
    const { code, message } = await failure(sheet('<row/>'.repeat(1_048_577)));
    expect(code).toBe('XLSX_LIMIT');
    expect(message).toMatch(/more than 1,048,576 rows/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses a part that inflates beyond --max-inflated, naming it', async () => {
    const big = sheet(Array.from({ length: 2000 }, (_, i) => row(i + 1, ['GD' + i, i])).join(''));
    const { code, message, hint } = await failure(big, { maxInflated: 20_000 });
    expect(code).toBe('XLSX_LIMIT');
    expect(message).toMatch(
      /part xl\/worksheets\/sheet1\.xml inflates to more than 20000 bytes \(--max-inflated 20000 bytes\)/,
    );
    expect(hint).toBeTruthy();
    expect((await read(big, { maxInflated: 10_000_000 })).rows.length).toBe(2000);
  });

  it('refuses a sheet inflating over 200 times its compressed size, at 64 MiB, far under the cap', async () => {
    // A header row, then 96 MiB of white space between rows (valid XML, no row to count).
    const bomb = sheet(row(1, ['工单编号', '受理时间', '供电单位']) + ' '.repeat(96 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1_000_000);
    const { code, message } = await failure(bomb);
    expect(code).toBe('XLSX_LIMIT');
    expect(message).toMatch(
      /entry xl\/worksheets\/sheet1\.xml inflates to more than 200 times its compressed size \(over 64 MiB from \d+ KiB\): a zip bomb, not an export; it is refused\./,
    );
  });

  it('refuses a zip bomb of shared strings quickly, without holding it', async () => {
    // 1 MiB of one repeated string item, deflated once and repeated: each copy ends in a full
    // flush, so the copies chain into one valid stream of 1 GiB.
    const item = Buffer.from('<si><t>' + 'A'.repeat(1000) + '</t></si>');
    const block = Buffer.concat(
      Array.from({ length: Math.ceil(1_048_576 / item.length) }, () => item),
    );
    const deflated = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
    const copies = 1024;
    let crc = crc32('<sst>');
    for (let i = 0; i < copies; i++) crc = crc32(block, crc);
    const bytes = Buffer.concat([
      deflateRawSync(Buffer.from('<sst>'), { finishFlush: constants.Z_FULL_FLUSH }),
      ...Array.from({ length: copies }, () => deflated),
      deflateRawSync(Buffer.alloc(0)),
    ]);
    const bomb = sheet(row(1, ['x']), {
      sharedStrings: [],
      tweak: {
        'xl/sharedStrings.xml': { compressed: { bytes, size: 5 + block.length * copies, crc } },
      },
    });
    expect(bomb.length).toBeLessThan(4_000_000);
    // Refused by its declared size at once, and by counting when the directory lies.
    const lying = sheet(row(1, ['x']), {
      sharedStrings: [],
      tweak: {
        'xl/sharedStrings.xml': {
          compressed: { bytes, size: 5 + block.length * copies, crc },
          central: { size: 1000 },
        },
      },
    });
    for (const file of [bomb, lying]) {
      const started = Date.now();
      const { code, message } = await failure(file, { maxInflated: 256 * 1024 * 1024 });
      expect(code).toBe('XLSX_LIMIT');
      expect(message).toMatch(
        /part xl\/sharedStrings\.xml inflates to more than 64 MiB \(a quarter of --max-inflated 256 MiB: shared strings are held in memory\); no real export is that large/,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});
