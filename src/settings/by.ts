/**
 * --by: the breakdowns of the metric commands. A breakdown is by one dimension or two (a
 * two-way table); the names are checked against the export's headers only when it is read.
 */
import { InputError } from '../errors.js';

export const MAX_BY = 2;
export const BY_HINT =
  'Fields: unit, level1, level2, level3, discipline, channel, urbanRural, customerType, station, month; or any column header as written in the export.';

/** The command line's --by values (repeatable): one breakdown, or none. */
export function parseBy(values: readonly string[]): string[][] {
  const names = values.map((v) => v.trim());
  const blank = names.findIndex((n) => n === '');
  if (blank >= 0)
    throw new InputError('BAD_OPTION', '--by "": expected a field or a column header.', BY_HINT);
  if (names.length > MAX_BY) {
    throw new InputError(
      'BAD_OPTION',
      `--by ${names.join(' --by ')}: a breakdown is by one or two dimensions (a two-way table), not ${names.length}.`,
      'Give --by once or twice; several breakdowns go in the config file: "by": [["channel"], ["unit", "level1"]].',
    );
  }
  if (names.length === 2 && names[0] === names[1]) {
    throw new InputError(
      'BAD_OPTION',
      `--by ${names[0]} --by ${names[1]}: a two-way table needs two different dimensions.`,
      `Give --by ${names[0]} once for its breakdown, or pair it with another.`,
    );
  }
  return names.length === 0 ? [] : [names];
}
