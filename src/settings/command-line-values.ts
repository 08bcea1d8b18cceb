/**
 * The values of options typed on the command line, checked and refused in command-line terms
 * (--top 0 …; the config file's: config-validate.ts), in both languages.
 */
import { InputError, said } from '../errors.js';
import { normaliseEncoding } from '../io/detect.js';
import type { TimeLimit } from '../metrics/workdays.js';
import {
  FIELD_SPECS,
  MAP_FIELDS,
  isField,
  type Field,
  type TargetField,
} from '../schema/fields.js';
import type { MapOverrides } from '../schema/header.js';
import { dayToString } from '../metrics/calendar.js';
import { folderEnding, folderOutputProblem } from './output-path.js';
import { readDay } from './period-syntax.js';
import { sentences } from './suggest.js';
import type { Lang } from './types.js';
import { isLang, mapEntry, positiveNumber, sizeInBytes, timeLimit } from './values.js';

export function parseLang(value: string): Lang {
  if (isLang(value)) return value;
  throw new InputError(
    'BAD_OPTION',
    said(`--lang ${value}：应为 zh 或 en。`, `--lang ${value}: expected zh or en.`),
  );
}

/**
 * report --issued: the bulletin's date of issue, as YYYY-MM-DD, typed in any form --day reads
 * (2016-12-03, 20161203, 2016年12月3日); a day that does not exist is refused.
 */
export function parseIssued(value: string): string {
  const day = readDay(value);
  if (day !== null) return dayToString(day);
  throw new InputError(
    'BAD_OPTION',
    said(
      `--issued ${value}：不是有效的日期，请写作 YYYY-MM-DD，例如 --issued 2016-12-03。`,
      `--issued ${value}: not a date; write it as YYYY-MM-DD, e.g. --issued 2016-12-03.`,
    ),
  );
}

/** What a --map field holds, in the exports' words: 供电单位 for unit, 年度指标 for target. */
function fieldName(field: Field | TargetField): string {
  return isField(field) ? FIELD_SPECS[field].zh : field;
}

export function parseMap(values: readonly string[]): MapOverrides {
  const overrides: MapOverrides = {};
  for (const value of values) {
    const entry = mapEntry(value);
    if (!entry) {
      throw new InputError(
        'BAD_OPTION',
        said(
          `--map ${value}：应写作 字段=表头，字段是 ${MAP_FIELDS.join('、')} 之一。`,
          `--map ${value}: expected field=header, with field one of ${MAP_FIELDS.join(', ')}.`,
        ),
        said('示例：--map unit=管理单位名称', 'Example: --map unit=管理单位名称'),
      );
    }
    const [field, header] = entry;
    const earlier = overrides[field];
    if (earlier !== undefined && earlier !== header) {
      // The last would win without a word, as it did: the units were the complaint texts.
      throw new InputError(
        'BAD_OPTION',
        said(
          `--map ${field}=${earlier} --map ${field}=${header}：一个字段给了两列。`,
          `--map ${field}=${earlier} --map ${field}=${header}: one field, two columns.`,
        ),
        said(
          `请只给一次 --map ${field}=，写出放 ${fieldName(field)} 的那一列。`,
          `Give --map ${field}= once, with the column that holds ${fieldName(field)}.`,
        ),
      );
    }
    overrides[field] = header;
  }
  return overrides;
}

export function parseSize(value: string): number {
  const size = sizeInBytes(value);
  if (size === null) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `--max-inflated ${value}：应为大小，例如 512MiB 或 8GiB。`,
        `--max-inflated ${value}: expected a size such as 512MiB or 8GiB.`,
      ),
      said(
        '默认的 4GiB 是 1,048,575 行导出文件中最大部件的四倍。',
        'The default, 4GiB, is four times the largest part of a 1,048,575-row export.',
      ),
    );
  }
  return size;
}

/** --encoding NAME, canonical (gbk → gb18030); --encoding '' asks for none: it is sniffed. */
export function encoding(name: string): string | null {
  return name === '' ? null : normaliseEncoding(name);
}

export function parsePositive(option: string, value: string, integer: boolean): number {
  const n = positiveNumber(value, integer);
  if (n === null) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `${option} ${value}：应为大于 0 的${integer ? '整数' : '数'}。`,
        `${option} ${value}: expected a ${integer ? 'whole ' : ''}number above 0.`,
      ),
    );
  }
  return n;
}

export function parseLimit(option: string, value: string): TimeLimit {
  const limit = timeLimit(value);
  if ('problem' in limit) {
    const problem = sentences(limit.problem);
    throw new InputError(
      'BAD_OPTION',
      said(`${option} ${value}：${problem.zh}`, `${option} ${value}: ${problem.en}`),
      said(
        `示例：${option} 24h（小时）或 ${option} 4wd（工作日）。`,
        `Example: ${option} 24h (hours) or ${option} 4wd (working days).`,
      ),
    );
  }
  return limit;
}

/** An output option (--out, --json FILE, --model with --train) naming a folder: exit 2. */
export function refuseFolderOutput(option: string, path: string): void {
  const ending = folderEnding(path);
  if (ending === null) return;
  const problem = folderOutputProblem(ending);
  throw new InputError(
    'BAD_OPTION',
    said(`${option} ${path}：${problem.zh}。`, `${option} ${path}: ${problem.en}.`),
  );
}

/** Files `--json FILE` never writes: an export, a report or a document, named by mistake. */
const NOT_JSON = /\.(csv|tsv|txt|xlsx|xlsm|xls|et|docx|doc|md|pdf)$/i;

/**
 * `--json FILE` (not stdout) as an output path. The option's value is optional, so
 * `analyze --json a.csv b.csv` takes a.csv as the output: an export or a report named there
 * is refused rather than overwritten with JSON.
 */
export function jsonFile(json: string | true): string | null {
  if (typeof json !== 'string' || json === '-') return null;
  refuseFolderOutput('--json', json);
  if (NOT_JSON.test(json)) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `--json ${json}：--json 后面是它要写入的文件，而 ${json} 不是 .json 文件。没有读取或写入任何文件。`,
        `--json ${json}: --json names the file it writes, and ${json} is not a .json file. Nothing was read or written.`,
      ),
      said(
        '要打印 JSON，请把 --json 放在输入文件之后（或写 --json -）；要保存，请给出 .json 文件名。',
        'To print JSON, put --json after the input files (or write --json -); to save it, name a .json file.',
      ),
    );
  }
  return json;
}
