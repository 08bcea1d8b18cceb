/** The inputs read as one data set: de-duplication across files and the totals after it. */
import { EntryColumn, IdIndex, NEW } from './dedup.js';
import { MAX_REJECT_DETAILS, type DataSetTotals, type Reject } from './types.js';

export class DataSet {
  readonly index = new IdIndex();
  /** Per entry: 1 + index of the winning occurrence's business type in `types`. */
  private readonly typeOf = new EntryColumn();
  private readonly types: string[] = [];
  private readonly typeIds = new Map<string, number>();
  private readonly byType: number[] = [];
  readonly rejects: Reject[] = [];
  rejected = 0;
  duplicates = 0;
  duplicatesDiffering = 0;
  withoutId = 0;
  complaintTypeIds = new Set<number>();

  constructor(private readonly complaintTypes: ReadonlySet<string>) {}

  typeId(type: string): number {
    let id = this.typeIds.get(type);
    if (id === undefined) {
      id = this.types.length;
      this.types.push(type);
      this.typeIds.set(type, id);
      this.byType.push(0);
      if (this.complaintTypes.has(type)) this.complaintTypeIds.add(id);
    }
    return id;
  }

  count(type: number, entry: number): void {
    if (entry >= 0) {
      if (this.index.occurrence !== NEW) this.byType[this.typeOf.get(entry) - 1]!--;
      this.typeOf.set(entry, type + 1);
    }
    this.byType[type]!++;
  }

  reject(reject: Reject): void {
    this.rejected++;
    if (this.rejects.length < MAX_REJECT_DETAILS) this.rejects.push(reject);
  }

  totals(): DataSetTotals {
    let workOrders = 0;
    let complaints = 0;
    const excludedByType: Record<string, number> = {};
    this.types.forEach((type, id) => {
      const n = this.byType[id]!;
      workOrders += n;
      if (this.complaintTypeIds.has(id)) complaints += n;
      else if (n > 0) excludedByType[type] = n;
    });
    return {
      workOrders,
      complaints,
      duplicates: this.duplicates,
      duplicatesDiffering: this.duplicatesDiffering,
      rejected: this.rejected,
      excludedByType,
      withoutId: this.withoutId,
    };
  }
}
