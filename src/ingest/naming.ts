/**
 * Names for values the exports write as codes or in several spellings, applied as each row is
 * normalised, before anything counts it: the unit through the units file (--units), rolled up
 * --rollup levels, or else through the code table (--codes); 处理部门, 所属地市, 投诉等级,
 * 受理渠道, 城乡类别, 用电类别 and 供电所 through the code table. A value neither names stays as written.
 */
import { countedUnit, type UnitHierarchy } from '../metrics/hierarchy.js';
import type { CodeBook } from '../metrics/codes.js';
import type { Field } from '../schema/fields.js';

export interface ValueNaming {
  units: UnitHierarchy | null;
  /** Levels up the hierarchy a unit is counted (0: itself). */
  rollup: number;
  codes: CodeBook | null;
}

/** The coded columns the code table names, besides the unit. */
export const CODED_FIELDS = [
  'department',
  'city',
  'severity',
  'channel',
  'urbanRural',
  'customerType',
  'station',
] as const;
export type CodedField = (typeof CODED_FIELDS)[number];

/** The unit a work order counts under, from its unit as written (`header`: the column's). */
export function namedUnit(naming: ValueNaming, written: string, header: string | null): string {
  if (naming.units) return countedUnit(naming.units, written, naming.rollup);
  const codes = naming.codes;
  if (!codes) return written;
  return (
    (header !== null ? codes.name(header, written) : null) ?? codes.name('unit', written) ?? written
  );
}

/** One input's naming: its headers known, the names of the values seen remembered. */
export class InputNaming {
  private readonly units = new Map<string, string>();
  private readonly values = new Map<string, string | null>();

  constructor(
    private readonly naming: ValueNaming,
    private readonly headerOf: (field: Field) => string | null,
  ) {}

  unit(written: string): string {
    let name = this.units.get(written);
    if (name === undefined)
      this.units.set(written, (name = namedUnit(this.naming, written, this.headerOf('unit'))));
    return name;
  }

  value(field: CodedField, written: string | null): string | null {
    const codes = this.naming.codes;
    if (written === null || codes === null) return written;
    const key = `${field}\u0000${written}`;
    let name = this.values.get(key);
    if (name === undefined) {
      const header = this.headerOf(field);
      name = (header !== null ? codes.name(header, written) : null) ?? codes.name(field, written);
      this.values.set(key, name);
    }
    return name ?? written;
  }
}
