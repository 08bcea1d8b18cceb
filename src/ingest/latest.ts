/**
 * Which copy of each work order is the one the figures count: the latest read (a later export
 * carries the later appeal result), as the de-duplication does (dedup.ts). Row-level outputs
 * (classify's rows and audit list, a report's 明细) see every copy while the inputs are read and
 * keep only the latest once they all are; this tells them which one that is. A row without a
 * work-order id (entry −1) is never a copy of another.
 */
export class LatestCopies {
  private last = new Uint32Array(1 << 15);
  private sequence = 0;

  /** Notes a row of de-duplication entry `entry`, read after every row seen before; its number. */
  see(entry: number): number {
    const sequence = ++this.sequence;
    if (entry < 0) return sequence;
    if (entry >= this.last.length) {
      const bigger = new Uint32Array(Math.max(this.last.length * 2, entry + 1));
      bigger.set(this.last);
      this.last = bigger;
    }
    this.last[entry] = sequence;
    return sequence;
  }

  /** Whether the row numbered `sequence` is still its work order's latest copy. */
  isLatest(entry: number, sequence: number): boolean {
    return entry < 0 || this.last[entry] === sequence;
  }
}
