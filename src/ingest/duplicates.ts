/**
 * `inspect --duplicates`: every work order exported twice whose copies differ, with the fields
 * that differ — what an analyst checks before trusting "the later copy wins". Each copy is
 * compared with the copy before it, on the values compare.ts normalises, as the count of
 * differing duplicates is. Keeps every work order's values: only when asked for.
 */
import { changes, comparedValues, type ComparedField, type FieldChange } from './compare.js';
import type { WorkOrder } from './types.js';

export interface Copy {
  file: string;
  row: number;
}

export interface DifferingDuplicate {
  id: string;
  earlier: Copy;
  later: Copy;
  changes: FieldChange[];
}

export class DuplicateListing {
  private readonly last = new Map<string, Copy & { values: Record<ComparedField, string> }>();
  readonly differing: DifferingDuplicate[] = [];

  /** `files[i]` names input i as the listing shows it. */
  constructor(private readonly files: readonly string[]) {}

  /** The ingest's order handler. */
  readonly observe = (order: WorkOrder): void => {
    if (order.id === null) return;
    const copy = { file: this.files[order.input]!, row: order.row, values: comparedValues(order) };
    const before = this.last.get(order.id);
    this.last.set(order.id, copy);
    if (!before) return;
    const found = changes(before.values, copy.values);
    if (found.length > 0)
      this.differing.push({
        id: order.id,
        earlier: { file: before.file, row: before.row },
        later: { file: copy.file, row: copy.row },
        changes: found,
      });
  };
}
