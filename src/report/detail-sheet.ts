/**
 * The 明细 sheet's rows made and deflated off the workbook: on a worker thread
 * (detail-worker.ts) while this thread computes the hot words and draws the charts, or here
 * when there is no worker (detail.ts chooses). The rows are what ReportSheet.addRow would write
 * (io/workbook.ts rowXml, the styles' ids fixed in advance: ReportWorkbook.firstStyleIds), made
 * from the spools' bytes (detail-xml.ts), deflated as the zip writer deflates a sheet (io/block-deflater.ts) into a file in the 明细
 * spools' folder; the workbook takes the file in as it is (ReportSheet.appendDeflated). A sheet holds 1,048,576 rows: each part is one sheet's rows,
 * numbered from 2 under the heading the workbook writes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BlockDeflater } from '../io/block-deflater.js';
import { excelCellText, type DeflatedRows } from '../io/workbook.js';
import type { Period } from '../metrics/period.js';
import type { SpooledSegments } from './detail-spool.js';
import { spooledRowXml, type RowSink } from './detail-xml.js';
import { CJK_LEADING_PT, CJK_LINE_PT } from './page.js';
import { displayWidth } from './width.js';

/** A wrapped text's row grows to this many lines at most; the rest stays in the cell. */
const MAX_LINES = 8;
/** Bytes of encoded rows gathered before they go to the deflater. */
const SCRATCH = 1 << 18;

/** The lines a text takes wrapped in a column `width` characters wide (a little padding aside). */
export function linesOf(text: string, width: number): number {
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))),
      0,
    );
}

/** The style ids of the rows' cells (ReportWorkbook.firstStyleIds, in this order). */
export interface DetailStyleIds {
  top: number;
  text: number;
  date: number;
  confidence: number;
  wrap: number;
}

export interface DetailSheetJob {
  spooled: SpooledSegments;
  period: Period;
  /** Column widths in characters, and which columns wrap their texts. */
  widths: readonly number[];
  wraps: readonly boolean[];
  /** The column of 置信度 (two decimals). */
  confidenceAt: number;
  ids: DetailStyleIds;
  /** Rows a sheet holds, its heading included. */
  maxRows: number;
  /** Where the parts are written (the spools' folder, removed on every exit path). */
  dir: string;
}

export interface DetailSheetParts {
  /** One per sheet, in order; at least one (a sheet of the heading alone). */
  parts: DeflatedRows[];
  /** Texts cut at Excel's 32,767 characters a cell. */
  cutCells: number;
}

/** A write to the parts' folder that failed: its code, for the message (io/spool.ts spoolError). */
export class PartWriteError extends Error {
  constructor(readonly code: string) {
    super(`detail part: ${code}`);
  }
}

/**
 * Where rows are written (detail-xml.ts), before their bytes go to the deflater a buffer-full at
 * a time: a buffer made once, written into in place.
 */
let scratch = Buffer.alloc(0);

/**
 * One sheet's rows: gathered, encoded, deflated in blocks as the zip writer's (a few at once on
 * libuv's threads, so that the deflating runs beside the rows being made) and written in order.
 */
class PartWriter implements RowSink {
  private readonly fd: number;
  private readonly deflater = new BlockDeflater((out) => this.write(out));
  /** Bytes of `scratch` holding rows not yet given to the deflater. */
  used = 0;
  compressed = 0;
  rows = 0;

  constructor(readonly file: string) {
    try {
      this.fd = openSync(file, 'w', 0o600);
    } catch (error) {
      throw new PartWriteError((error as NodeJS.ErrnoException).code ?? 'error');
    }
  }

  /** The scratch buffer with `most` bytes free from `used` (RowSink). */
  reserve(most: number): Buffer {
    if (this.used + most > scratch.length) {
      this.encode();
      if (most > scratch.length) scratch = Buffer.allocUnsafe(Math.max(most, SCRATCH));
    }
    return scratch;
  }

  /** Null while the deflating keeps up; else resolves once it has room. */
  room(): Promise<void> | null {
    return this.deflater.room();
  }

  private encode(): void {
    this.deflater.append(scratch, 0, this.used);
    this.used = 0;
  }

  private write(out: Buffer): void {
    this.compressed += out.length;
    try {
      for (let at = 0; at < out.length;) at += writeSync(this.fd, out, at);
    } catch (error) {
      throw new PartWriteError((error as NodeJS.ErrnoException).code ?? 'error');
    }
  }

  async finish(): Promise<DeflatedRows> {
    try {
      this.encode();
      await this.deflater.done();
    } finally {
      closeSync(this.fd);
    }
    const { file, compressed, rows } = this;
    return { file, crc: this.deflater.crc, size: this.deflater.size, compressed, rows };
  }
}

/** Makes the rows of the 明细 sheet(s) of `job.period`, deflated into files of `job.dir`. */
export async function makeDetailSheets(job: DetailSheetJob): Promise<DetailSheetParts> {
  const parts: DeflatedRows[] = [];
  let cutCells = 0;
  const rows = spooledRowXml(job.spooled, job.period, true, {
    widths: job.widths,
    wraps: job.wraps,
    confidenceAt: job.confidenceAt,
    ids: job.ids,
    linesOf,
    // Neither Excel nor LibreOffice grows a row for wrapped text when opening a file: the
    // height is written, as tall as the lines of a Chinese text (page.ts CJK_LINE_PT: at 15
    // points a line, the last touched the next row in LibreOffice).
    height: (lines) =>
      lines > 1 ? Math.min(MAX_LINES, lines) * CJK_LINE_PT + CJK_LEADING_PT : undefined,
    text: (value) => {
      const cell = excelCellText(value);
      if (cell.cut) cutCells++;
      return cell.text;
    },
  });
  let part = new PartWriter(join(job.dir, `sheet-${parts.length + 1}.deflated`));
  for (const writeRow of rows) {
    // Row 1 of each sheet is its heading.
    if (part.rows + 1 >= job.maxRows) {
      parts.push(await part.finish());
      part = new PartWriter(join(job.dir, `sheet-${parts.length + 1}.deflated`));
    }
    writeRow(part);
    const room = part.room();
    if (room) await room;
  }
  parts.push(await part.finish());
  return { parts, cutCells };
}
