/**
 * The 明细 rows' spool (report/detail-spool.ts): every kind of cell comes back as written —
 * texts exactly (a lone surrogate, a separator of the encoding, an empty text), numbers (-0,
 * NaN), dates, booleans, empty cells — records across the edges of the 1 MiB buffer, a record
 * bigger than it, an empty spool; a file cut short fails rather than losing rows.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/io/table.js';
import { RowEncoder, RowSpool, type SpooledRow } from '../../src/report/detail-spool.js';

const dir = mkdtempSync(join(tmpdir(), 'detail-spool-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function roundTrip(rows: SpooledRow[]): SpooledRow[] {
  const file = join(dir, `s${n++}.bin`);
  const spool = new RowSpool(file);
  for (const [e, s, d, cells] of rows) spool.append(e, s, d, cells);
  spool.finish();
  expect(spool.count).toBe(rows.length);
  return [...RowSpool.read(file)];
}

describe('RowSpool', () => {
  it('gives back every kind of cell', () => {
    const cells: Cell[] = [
      '工单 1:2;3,s5:_',
      '',
      null,
      0,
      -0,
      1.5e-7,
      -42,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date(Date.UTC(2016, 10, 3, 8, 5, 9)),
      new Date(Number.NaN),
      true,
      false,
      'a\uD800b\uDC00',
      '😀\n\r\u0000\u0001',
    ];
    const [row] = roundTrip([[-1, 7, 17000, cells]]);
    expect(row![0]).toBe(-1);
    expect(row![1]).toBe(7);
    expect(row![2]).toBe(17000);
    const back = row![3];
    expect(back).toHaveLength(cells.length);
    cells.forEach((c, i) => {
      if (c instanceof Date) expect((back[i] as Date).getTime()).toStrictEqual(c.getTime());
      else expect(Object.is(back[i], c)).toBe(true);
    });
  });

  it('encodes a row as its documented text: short texts kept and named, dates in base 36', () => {
    const encoder = new RowEncoder();
    const day = new Date(Date.UTC(2016, 0, 1));
    expect(encoder.row(3, 4, 5, ['ab', null, 2, true, day])).toBe(
      '28:3,4,5,5;k2:ab_n2;tDiiuwyyo0;',
    );
    const long = '长'.repeat(33);
    expect(encoder.row(6, 7, 8, ['ab', long, 'a\uD800'])).toBe(
      `60:6,7,8,3;r0;s33:${long}j9:"a\\ud800"`,
    );
  });

  it("stops keeping a column's texts after 1,024, and still gives every row back", () => {
    const rows: SpooledRow[] = [];
    for (let i = 0; i < 3_000; i++)
      rows.push([i, i + 1, 1, [`id${i}`, `类${i % 7}`, new Date(-86_400_000 * i)]]);
    const file = join(dir, `kept.bin`);
    const spool = new RowSpool(file);
    for (const [e, s, d, cells] of rows) spool.append(e, s, d, cells);
    spool.finish();
    const text = readFileSync(file, 'utf8');
    expect(text.match(/k\d+:id/g)).toHaveLength(1024);
    expect(text.match(/k\d+:类/g)).toHaveLength(7);
    expect([...RowSpool.read(file)]).toStrictEqual(rows);
  });

  it('keeps the order of rows across buffer edges, a record bigger than the buffer among them', () => {
    const rows: SpooledRow[] = [];
    for (let i = 0; i < 20_000; i++)
      rows.push([i, i + 1, i % 365, [`第${i}行😀`.repeat(i % 50), i]]);
    rows.splice(7_000, 0, [99, 1, 2, ['长'.repeat(700_000), 'x']]);
    const back = roundTrip(rows);
    expect(back).toHaveLength(rows.length);
    expect(back).toStrictEqual(rows);
  });

  it('goes on in pieces past a size, read in order and removed once read', () => {
    const rows: SpooledRow[] = [];
    for (let i = 0; i < 5_000; i++) rows.push([i, i + 1, 1, [`第${i}行`.repeat(20), `类${i % 5}`]]);
    const file = join(dir, 'pieces.bin');
    const spool = new RowSpool(file, 100_000);
    for (const [e, s, d, cells] of rows) spool.append(e, s, d, cells);
    spool.finish();
    // Pieces are cut at the 1 MiB buffer's flushes, past 100,000 bytes each.
    expect(spool.pieces).toBeGreaterThan(1);
    const sizes = Array.from(
      { length: spool.pieces },
      (_, k) => statSync(k ? `${file}-${k}` : file).size,
    );
    expect(sizes.reduce((a, b) => a + b)).toBeGreaterThan(spool.pieces * 100_000 - 1);
    const back: SpooledRow[] = [];
    for (const row of RowSpool.read(file, spool.pieces, true)) {
      back.push(row);
      // Reading the last piece, the ones before it are gone.
      if (back.length === rows.length) expect(existsSync(file)).toBe(false);
    }
    expect(back).toStrictEqual(rows);
    expect(existsSync(`${file}-${spool.pieces - 1}`)).toBe(false);
  });

  it('removes every piece', () => {
    const file = join(dir, 'pieces-gone.bin');
    const spool = new RowSpool(file, 1);
    for (let i = 0; i < 3_000; i++) spool.append(i, 1, 1, ['长'.repeat(200)]);
    expect(spool.pieces).toBeGreaterThan(1);
    spool.remove();
    expect(readdirSync(dir).filter((f) => f.startsWith('pieces-gone'))).toStrictEqual([]);
  });

  it('reads an empty spool as no rows', () => {
    expect(roundTrip([])).toStrictEqual([]);
  });

  it('fails on a file cut short', () => {
    const file = join(dir, 'cut.bin');
    const spool = new RowSpool(file);
    spool.append(1, 1, 1, ['abc', 'def']);
    spool.finish();
    truncateSync(file, statSync(file).size - 4);
    expect(() => [...RowSpool.read(file)]).toThrow(/cut short/);
  });

  it('removes its file', () => {
    const file = join(dir, 'gone.bin');
    const spool = new RowSpool(file);
    spool.append(1, 1, 1, ['a']);
    spool.remove();
    expect(() => statSync(file)).toThrow();
  });
});
