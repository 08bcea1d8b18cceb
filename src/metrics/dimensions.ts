/**
 * The dimensions of the cube, chosen before reading. Always: the unit, the day (day index of
 * the acceptance time), the kind (a complaint's class index, another work order's business type)
 * and the flags (complaint, appeal approved, unsubstantiated). Optional ones only when a command
 * asks for them, each the value of a WorkOrder field through an id dictionary, so a cell stays a
 * tuple of small integers. Adding a dimension is one entry here (and its schema field).
 */
import type { WorkOrder } from '../ingest/types.js';

/** The optional dimensions: each reads its value off a work order (null: blank). */
export const OPTIONAL_DIMENSIONS = {
  department: (o: WorkOrder) => o.department,
  city: (o: WorkOrder) => o.city,
  severity: (o: WorkOrder) => o.severity,
  escalated: (o: WorkOrder) => (o.escalated === null ? null : o.escalated ? '是' : '否'),
} as const satisfies Record<string, (o: WorkOrder) => string | null>;

export type OptionalDimension = keyof typeof OPTIONAL_DIMENSIONS;

/** A cell's dimensions in order: the four always there, then the optional ones chosen. */
export const UNIT = 0;
export const DAY = 1;
export const KIND = 2;
export const FLAGS = 3;
export const CORE_WIDTH = 4;

/** Bits of the flags dimension. */
export const COMPLAINT = 1;
export const APPEAL_APPROVED = 2;
export const UNSUBSTANTIATED = 4;

/** The id of a blank value of an optional dimension. */
export const BLANK = -1;

/** The values of the chosen optional dimensions of a work order. */
export function dimensionValues(
  chosen: readonly OptionalDimension[],
  order: WorkOrder,
): Partial<Record<OptionalDimension, string | null>> {
  const values: Partial<Record<OptionalDimension, string | null>> = {};
  for (const dimension of chosen) values[dimension] = OPTIONAL_DIMENSIONS[dimension](order);
  return values;
}
