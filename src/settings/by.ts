/**
 * --by: the breakdowns of the metric commands. A breakdown is by one dimension or two (a
 * two-way table); the names are checked against the export's headers only when it is read.
 */
import { InputError, said } from '../errors.js';

export const MAX_BY = 2;
export const BY_HINT = said(
  '可用字段：unit、level1、level2、level3、discipline、channel、urbanRural、customerType、station、month；也可照写导出文件中的列名。',
  'Fields: unit, level1, level2, level3, discipline, channel, urbanRural, customerType, station, month; or any column header as written in the export.',
);

/** The command line's --by values (repeatable): one breakdown, or none. */
export function parseBy(values: readonly string[]): string[][] {
  const names = values.map((v) => v.trim());
  const blank = names.findIndex((n) => n === '');
  if (blank >= 0)
    throw new InputError(
      'BAD_OPTION',
      said('--by ""：应为字段名或列名。', '--by "": expected a field or a column header.'),
      BY_HINT,
    );
  if (names.length > MAX_BY) {
    const given = `--by ${names.join(' --by ')}`;
    throw new InputError(
      'BAD_OPTION',
      said(
        `${given}：分项最多按两个维度（二维表），这里给了 ${names.length} 个。`,
        `${given}: a breakdown is by one or two dimensions (a two-way table), not ${names.length}.`,
      ),
      said(
        '请给一次或两次 --by；多个分项写在配置文件中："by": [["channel"], ["unit", "level1"]]。',
        'Give --by once or twice; several breakdowns go in the config file: "by": [["channel"], ["unit", "level1"]].',
      ),
    );
  }
  if (names.length === 2 && names[0] === names[1]) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `--by ${names[0]} --by ${names[1]}：二维表需要两个不同的维度。`,
        `--by ${names[0]} --by ${names[1]}: a two-way table needs two different dimensions.`,
      ),
      said(
        `请只给一次 --by ${names[0]}，或换一个维度与它搭配。`,
        `Give --by ${names[0]} once for its breakdown, or pair it with another.`,
      ),
    );
  }
  return names.length === 0 ? [] : [names];
}
