/**
 * The 明细 sheet: every complaint of the period with its classification, original columns
 * kept. Rows are spooled to a temporary file while the inputs are read, and written once the
 * period is known, each work order once (its latest copy), through the streaming writer.
 */
import { RowPlacement } from '../io/placement.js';
import { Spool } from '../io/spool.js';
import type { Cell } from '../io/table.js';
import { style, type CellStyle, type ReportWorkbook } from '../io/workbook.js';
import type { WorkOrder } from '../ingest/types.js';
import { contains, type Period } from '../metrics/period.js';
import type { Lang } from '../settings/types.js';
import type { Classification } from '../taxonomy/classify.js';
import { ADDED_COLUMNS, addedCells } from './classification.js';
import stringWidth from 'string-width';

const HEAD = style({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
});
const DATE = style({ numFmt: 'yyyy-mm-dd hh:mm:ss' });
const CONFIDENCE = style({ numFmt: '0.00' });
/** Rows between two waits for the zip to catch up. */
const FLUSH_EVERY = 500;
/** Excel's rows per sheet. */
export const MAX_SHEET_ROWS = 1_048_576;

type Spooled = [entry: number, sequence: number, day: number, cells: Cell[]];

export class DetailRows {
  private readonly spool = new Spool();
  private lastSequence = new Uint32Array(1 << 15);
  private sequence = 0;
  private readonly placement = new RowPlacement();

  /** `within`: the period when it is known before reading, to spool only its complaints. */
  constructor(
    private readonly lang: Lang,
    private readonly within: Period | null = null,
  ) {}

  /** For runPipeline: sees every usable row, keeps the complaints. */
  readonly observe = (order: WorkOrder, entry: number, c: Classification | null): void => {
    const sequence = ++this.sequence;
    if (entry >= 0) {
      if (entry >= this.lastSequence.length) {
        const bigger = new Uint32Array(Math.max(this.lastSequence.length * 2, entry + 1));
        bigger.set(this.lastSequence);
        this.lastSequence = bigger;
      }
      this.lastSequence[entry] = sequence;
    }
    if (!c) return;
    if (this.within && !contains(this.within, order.acceptedAt.dayIndex)) return;
    const cells = this.placement.place(order, addedCells(c, this.lang));
    const record: Spooled = [entry, sequence, order.acceptedAt.dayIndex, cells];
    this.spool.append(record);
  };

  /** Writes the complaints of `period` as the last sheet(s); says how many rows and sheets. */
  async write(
    book: ReportWorkbook,
    name: string,
    period: Period,
    maxRows = MAX_SHEET_ROWS,
  ): Promise<{ rows: number; sheets: number }> {
    const head = [...(this.placement.columns ?? []), ...ADDED_COLUMNS[this.lang]];
    const widths = head.map((h) => Math.min(40, Math.max(10, stringWidth(h) + 4)));
    const confidenceAt = head.length - 2;
    let part = 1;
    const open = () => {
      // A sheet holds 1,048,576 rows: beyond, the rows go on in 明细2, 明细3 …
      const sheet = book.addSheet(part === 1 ? name : `${name}${part}`, { frozenRows: 1, widths });
      sheet.addRow(head, HEAD);
      sheet.autoFilter(1, 1, head.length);
      return sheet;
    };
    let sheet = open();
    let written = 0;
    for (const value of this.spool.read()) {
      const [entry, sequence, day, cells] = value as Spooled;
      if (!contains(period, day)) continue;
      if (entry >= 0 && this.lastSequence[entry] !== sequence) continue;
      if (sheet.rows >= maxRows) {
        sheet.commit();
        part++;
        sheet = open();
      }
      const styles: (CellStyle | undefined)[] = cells.map((c, i) =>
        c instanceof Date ? DATE : i === confidenceAt ? CONFIDENCE : undefined,
      );
      sheet.addRow(cells, styles);
      if (++written % FLUSH_EVERY === 0) await sheet.flush();
    }
    sheet.commit();
    return { rows: written, sheets: part };
  }

  remove(): void {
    this.spool.remove();
  }
}
