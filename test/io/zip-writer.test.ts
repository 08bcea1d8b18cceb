/**
 * The workbooks' zip writer (src/io/zip-writer.ts), read back by our zip reader (every CRC,
 * size and data descriptor checked), by Python's zipfile and Info-ZIP's unzip where they are
 * installed, and as a workbook by our xlsx reader and by exceljs.
 */
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { ReportWorkbook } from '../../src/io/workbook.js';
import { OutputFile } from '../../src/io/write.js';
import { bufferSource, ZipArchive } from '../../src/io/zip.js';
import { ZipEntryTooLargeError, ZipWriter } from '../../src/io/zip-writer.js';
import { InputError } from '../../src/errors.js';
import { readAll } from '../helpers/read.js';
import { headersOf } from '../helpers/zip-headers.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-zip-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
if (!hasUnzip) console.warn('zip-writer tests: unzip is not installed, so unzip -t is skipped');
const hasPython = spawnSync('python3', ['-c', 'import zipfile']).status === 0;
if (!hasPython) console.warn('zip-writer tests: no python3, so its zipfile check is skipped');

/** Info-ZIP's unzip -t and Python's zipfile (each CRC checked) accept the file, where present. */
function othersAccept(file: string): void {
  if (hasUnzip) {
    const test = spawnSync('unzip', ['-t', file]);
    expect(test.stdout.toString()).toContain('No errors detected');
  }
  if (hasPython) {
    const test = spawnSync('python3', [
      '-c',
      'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip())',
      file,
    ]);
    expect(test.stderr.toString()).toBe('');
    expect(test.stdout.toString()).toBe('None\n');
  }
}

/** Text that does not repeat much (so it deflates to many blocks) and holds 3-byte characters. */
function text(bytes: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  let x = seed;
  while (length < bytes) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const part = `<r n="${x}">${'供电抢修电费计量'[x % 8]}${x.toString(36)}</r>`;
    parts.push(part);
    length += Buffer.byteLength(part);
  }
  return parts.join('');
}

async function entriesOf(file: string): Promise<Map<string, string>> {
  const archive = await ZipArchive.open(file, bufferSource(readFileSync(file)));
  const out = new Map<string, string>();
  for (const [name, entry] of archive.entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of archive.read(entry, 1 << 30, () => new Error('too big') as never))
      chunks.push(chunk);
    out.set(name, Buffer.concat(chunks).toString('utf8'));
  }
  expect(archive.notes).toEqual([]);
  return out;
}

describe('ZipWriter', () => {
  it.each([
    ['32-bit fields', undefined],
    ['zip64 fields for every size and offset', 1],
  ])('writes parts whole and streamed, in order, with %s', async (_, zip64From) => {
    const file = join(dir, `parts-${zip64From ?? 32}.zip`);
    const stream = createWriteStream(file);
    const zip = new ZipWriter(stream, zip64From);
    // 2.5 MiB streamed in 64 KiB pieces: three blocks, the last one short.
    const big = text(2.5 * 1024 * 1024, 7);
    const pieces = big.match(/[^]{1,65536}/g)!.map((p) => Buffer.from(p));
    const [sheet1, empty] = [Readable.from(pieces), Readable.from([])];
    zip.append('<a>first</a>', { name: '/first.xml' });
    zip.append(sheet1, { name: 'xl/worksheets/sheet1.xml' });
    zip.append(Buffer.from([0, 1, 2, 255]), { name: 'xl/media/image0.png' });
    zip.append(empty, { name: 'empty.xml' });
    if (zip64From !== undefined) {
      // Past the lowered 4 GiB: the streamed entries must be declared so (or they fail).
      zip.mayPass4GiB(sheet1);
      zip.mayPass4GiB(empty);
    }
    zip.append(Buffer.from('aGVsbG8=', 'utf8').toString(), { name: 'b64.txt', base64: true });
    zip.finalize();
    await finished(stream);
    const zip64End = Buffer.from([0x50, 0x4b, 0x06, 0x06]);
    expect(readFileSync(file).includes(zip64End)).toBe(zip64From !== undefined);
    const entries = await entriesOf(file);
    expect([...entries.keys()]).toEqual([
      'first.xml',
      'xl/worksheets/sheet1.xml',
      'xl/media/image0.png',
      'empty.xml',
      'b64.txt',
    ]);
    expect(entries.get('first.xml')).toBe('<a>first</a>');
    expect(entries.get('xl/worksheets/sheet1.xml')).toBe(big);
    expect(Buffer.from(entries.get('xl/media/image0.png')!, 'utf8')).toEqual(
      Buffer.from([0, 1, 2, 0xef, 0xbf, 0xbd]), // 255 is not UTF-8: read back as U+FFFD
    );
    expect(entries.get('empty.xml')).toBe('');
    expect(entries.get('b64.txt')).toBe('hello');
    othersAccept(file);
    const sheet = await headersOf(file, 'xl/worksheets/sheet1.xml');
    expect(sheet.zip64 !== null).toBe(zip64From !== undefined);
    expect(sheet.descriptor.size).toBe(Buffer.byteLength(big));
    expect(sheet.descriptor.compressed).toBe(sheet.entry.compressedSize);
    expect(sheet.descriptor.next).toBe(0x04034b50);
  });

  it('writes a streamed entry declared mayPass4GiB with zip64 in its local header and descriptor, small as it is', async () => {
    const file = join(dir, 'declared.zip');
    const stream = createWriteStream(file);
    const zip = new ZipWriter(stream);
    const rows = text(300_000, 11);
    const declared = Readable.from([Buffer.from(rows)]);
    zip.append('<a/>', { name: 'first.xml' });
    zip.append(Readable.from([Buffer.from('<x/>')]), { name: 'xl/worksheets/sheet1.xml' });
    zip.append(declared, { name: '/xl/worksheets/sheet2.xml' });
    zip.mayPass4GiB(declared);
    zip.append('<b/>', { name: 'last.xml' });
    zip.finalize();
    await finished(stream);
    const entries = await entriesOf(file);
    expect(entries.get('xl/worksheets/sheet2.xml')).toBe(rows);
    othersAccept(file);
    const header = await headersOf(file, 'xl/worksheets/sheet2.xml');
    // APPNOTE 4.5.3: sizes 0xFFFFFFFF pointing at the zip64 field (id 1, 16 bytes: the size
    // and the compressed size, 0 as a descriptor follows); the descriptor's sizes 8 bytes each.
    expect(header).toMatchObject({
      version: 45,
      flags: 0x0008,
      compressed32: 0xffffffff,
      size32: 0xffffffff,
      extraLength: 20,
      zip64: { length: 16, size: 0n, compressed: 0n },
      descriptor: {
        signature: 0x08074b50,
        crc: crc32(Buffer.from(rows)),
        compressed: header.entry.compressedSize,
        size: Buffer.byteLength(rows),
        next: 0x04034b50,
      },
    });
    // Undeclared, as before: version 2.0, zeros, no extra field, a 16-byte descriptor.
    expect(await headersOf(file, 'xl/worksheets/sheet1.xml')).toMatchObject({
      version: 20,
      flags: 0x0008,
      compressed32: 0,
      size32: 0,
      extraLength: 0,
      zip64: null,
      descriptor: { signature: 0x08074b50, size: 4, next: 0x04034b50 },
    });
  });

  it('takes an entry of a size known in advance as near 4 GiB from 64 MiB below it', () => {
    const zip = new ZipWriter(new PassThrough());
    expect(zip.mayReach4GiB(2 ** 32 - 2 ** 26 - 1)).toBe(false);
    expect(zip.mayReach4GiB(2 ** 32 - 2 ** 26)).toBe(true);
    expect(zip.mayReach4GiB(5 * 2 ** 30)).toBe(true);
  });

  it('fails on a streamed entry that passes 4 GiB undeclared, rather than write a descriptor its header does not announce', async () => {
    const file = join(dir, 'undeclared.zip');
    const stream = createWriteStream(file);
    const zip = new ZipWriter(stream, 100_000);
    const failed = new Promise<unknown>((resolve) => zip.on('error', resolve));
    zip.append('<a/>', { name: 'first.xml' });
    zip.append(Readable.from([Buffer.from(text(100_000, 5))]), { name: 'sheet.xml' });
    zip.finalize();
    const error = await failed;
    expect(error).toBeInstanceOf(ZipEntryTooLargeError);
    expect(error).toMatchObject({ entry: 'sheet.xml' });
    expect((error as ZipEntryTooLargeError).size).toBeGreaterThanOrEqual(100_000);
    stream.end();
    await finished(stream);
    // No descriptor and no directory were written after the entry's data.
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x07, 0x08]))).toBe(false);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x01, 0x02]))).toBe(false);
  });
});

describe('ZipWriter.appendDeflated', () => {
  it('takes bytes deflated elsewhere between bytes it deflates, with the CRC of the whole', async () => {
    const file = join(dir, 'deflated.zip');
    const stream = createWriteStream(file);
    const zip = new ZipWriter(stream);
    const [head, middle, tail] = [text(70_000, 3), text(2.2 * 1024 * 1024, 4), text(5_000, 5)];
    // As report/detail-sheet.ts deflates: 1 MiB blocks, each ended by a sync flush.
    const bytes = Buffer.from(middle);
    const blocks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 1 << 20) {
      const block = bytes.subarray(at, at + (1 << 20));
      blocks.push(deflateRawSync(block, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }));
    }
    const deflated = join(dir, 'middle.deflated');
    writeFileSync(deflated, Buffer.concat(blocks));
    const source = new PassThrough();
    zip.append('<a/>', { name: 'before.xml' });
    zip.append(source, { name: 'sheet.xml' });
    const data = zip.dataOf(source)!;
    data.append(Buffer.from(head));
    data.appendDeflated({
      file: deflated,
      crc: crc32(bytes),
      size: bytes.length,
      compressed: blocks.reduce((n, b) => n + b.length, 0),
    });
    data.append(Buffer.from(tail));
    source.end();
    zip.append('<b/>', { name: 'after.xml' });
    zip.finalize();
    await finished(stream);
    const entries = await entriesOf(file);
    expect([...entries.keys()]).toEqual(['before.xml', 'sheet.xml', 'after.xml']);
    expect(entries.get('sheet.xml')).toBe(head + middle + tail);
    if (hasUnzip) {
      const test = spawnSync('unzip', ['-t', file]);
      expect(test.stdout.toString()).toContain('No errors detected');
    }
  });
});

describe('ReportWorkbook through the zip writer', () => {
  it('writes a sheet of many blocks whose rows read back as written, by us and by exceljs', async () => {
    const target = join(dir, 'rows.xlsx');
    const book = ReportWorkbook.create(await OutputFile.open(target));
    const small = book.addSheet('说明');
    small.addRow(['一张小表，在大表之前']);
    small.commit();
    const sheet = book.addSheet('明细', { frozenRows: 1, widths: [12, 40, 10] });
    sheet.addRow(['工单编号', '受理内容', '序号']);
    const rows: [string, string, number][] = [];
    for (let i = 0; i < 30_000; i++) {
      rows.push([
        `16${String(i).padStart(8, '0')}`,
        `客户反映第${i}次停电，${'电压低'.repeat(i % 7)}`,
        i,
      ]);
    }
    for (const [i, row] of rows.entries()) {
      sheet.addRow(row);
      if (i % 500 === 499) await sheet.flush();
    }
    sheet.commit();
    await book.commit();
    const entries = await entriesOf(target);
    expect(entries.get('xl/worksheets/sheet2.xml')!.length).toBeGreaterThan(2 << 20);
    // The first rows ever written (once lost to a scratch buffer grown under them).
    expect((await readAll(target, { sheet: '说明' })).rows.map((r) => r.cells)).toEqual([
      ['一张小表，在大表之前'],
    ]);
    const read = await readAll(target, { sheet: '明细' });
    expect(read.rows.length).toBe(30_001);
    expect(read.rows[30_000]!.cells).toEqual(rows[29_999]);
    expect(read.rows.slice(1).map((r) => r.cells[0])).toEqual(rows.map((r) => r[0]));
    const ExcelJS = loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['说明', '明细']);
    expect(workbook.getWorksheet('明细')!.getRow(15_001).values).toEqual([
      undefined,
      ...rows[14_999]!,
    ]);
  });
});

describe('ReportWorkbook: a sheet that may pass 4 GiB', () => {
  /** A sheet of `count` rows of varied text (about 60 bytes of XML each). */
  async function fill(sheet: ReturnType<ReportWorkbook['addSheet']>, count: number) {
    sheet.addRow(['工单编号', '受理内容']);
    for (let i = 0; i < count; i++) {
      sheet.addRow([`16${String(i).padStart(8, '0')}`, `用户来电反映表计走字偏快，第${i}次`]);
      if (i % 500 === 499) await sheet.flush();
    }
    sheet.commit();
  }

  it('is declared by mayPass4GiB and read back by us, exceljs, zipfile and unzip, past a lowered 4 GiB', async () => {
    const target = join(dir, 'declared.xlsx');
    // 4 GiB lowered to 64 KiB: the 明细 sheet's ~1 MB and the offsets after it pass it.
    const book = ReportWorkbook.create(await OutputFile.open(target), [], 1 << 16);
    const small = book.addSheet('说明');
    small.addRow(['一张小表']);
    small.commit();
    await fill(book.addSheet('明细', { mayPass4GiB: true }), 10_000);
    await book.commit();
    othersAccept(target);
    const detail = await headersOf(target, 'xl/worksheets/sheet2.xml');
    expect(detail.zip64).toEqual({ length: 16, size: 0n, compressed: 0n });
    expect(detail.descriptor.size).toBe(detail.entry.size);
    expect(detail.entry.size).toBeGreaterThan(1 << 16);
    expect((await headersOf(target, 'xl/worksheets/sheet1.xml')).zip64).toBeNull();
    const read = await readAll(target, { sheet: '明细' });
    expect(read.rows.length).toBe(10_001);
    expect(read.rows[10_000]!.cells).toEqual(['1600009999', '用户来电反映表计走字偏快，第9999次']);
    const ExcelJS = loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.getWorksheet('明细')!.getRow(2).values).toEqual([
      undefined,
      '1600000000',
      '用户来电反映表计走字偏快，第0次',
    ]);
  });

  it('fails with a message naming the part, exit code 2, and leaves no file, when a sheet not declared passes it', async () => {
    const folder = mkdtempSync(join(dir, 'undeclared-'));
    const target = join(folder, 'report.xlsx');
    const book = ReportWorkbook.create(await OutputFile.open(target), [], 1 << 16);
    await fill(book.addSheet('汇总'), 10_000);
    const failure = await book.commit().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InputError);
    expect(failure).toMatchObject({ exitCode: 2, code: 'OUTPUT_UNWRITABLE', file: target });
    expect((failure as InputError).said.zh).toMatch(
      /^.*report\.xlsx：工作簿的部件 xl\/worksheets\/sheet1\.xml 有 [\d,]+ 字节，超过 4 GiB，但写它时没有按可能超过 4 GiB 的方式写出；什么也没有写入/,
    );
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
