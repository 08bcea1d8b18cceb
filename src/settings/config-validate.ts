/**
 * Checks a parsed complaints.config.json and converts it into ConfigSettings: the same typed
 * values the command line's options give, so the two merge key by key (resolve.ts). Every
 * refusal names the file and the key. Pure.
 */
import { InputError, said } from '../errors.js';
import { normaliseEncoding } from '../io/detect.js';
import { MAP_FIELDS, isMapField } from '../schema/fields.js';
import type { MapOverrides } from '../schema/header.js';
import { BY_HINT, MAX_BY } from './by.js';
import {
  PLACEHOLDERS,
  PLACEHOLDERS_HINT,
  folderEnding,
  folderOutputProblem,
  unknownPlaceholders,
} from './output-path.js';
import { RULES_HINT, ruleProblem } from './period-rules.js';
import { PERIOD_OPTION_KEYS } from './period-syntax.js';
import { closest, didYouMean, spaced } from './suggest.js';
import { Checker, describe, expected } from './config-check.js';
import type { ConfigSettings } from './types.js';
import { isLang, mapEntry, sizeInBytes, timeLimit } from './values.js';

type Key = keyof ConfigSettings;
const KEYS: readonly Key[] = [
  'inputs',
  'targets',
  'taxonomy',
  'model',
  'map',
  'complaintType',
  'encoding',
  'sheet',
  'maxInflated',
  'lang',
  'prorate',
  'excludeUnsubstantiated',
  'includePartial',
  'replyLimit',
  'closeLimit',
  'top',
  'detail',
  'charts',
  'template',
  'failOn',
  'thresholds',
  'out',
  'period',
  'units',
  'rollup',
  'codes',
  'corrections',
  'by',
  'threads',
  'hotWords',
  'hotWordsBy',
];
/** JSON Schema's annotations, allowed so a file can say what it is. */
const IGNORED_KEYS = ['$schema', '$comment'];

export const CONFIG_EXAMPLE = said(
  '示例：{ "inputs": ["exports/*.xlsx"], "period": "previous-month" }',
  'Example: { "inputs": ["exports/*.xlsx"], "period": "previous-month" }',
);

/**
 * Checks a parsed JSON document and returns its settings; throws InputError('CONFIG_INVALID')
 * naming the file and the key. Paths are returned as written (loadConfig resolves them).
 */
export function validateConfig(doc: unknown, file: string): ConfigSettings {
  const check: Checker = new Checker(file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const got = describe(doc);
    throw new InputError(
      'CONFIG_INVALID',
      said(
        `${file}：应为由各设置项组成的 JSON 对象，实际是${spaced(got.zh)}。`,
        `${file}: expected a JSON object of settings, got ${got.en}.`,
      ),
      CONFIG_EXAMPLE,
      { file },
    );
  }
  const settings: ConfigSettings = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!checkFiles(check, settings, key, value) && !checkValues(check, settings, key, value))
      unknownKey(check, key);
  }
  return settings;
}

const FILE_PATH = said('文件路径', 'a file path');

/** The keys that name files, and those read as the command line reads its inputs; false: none. */
function checkFiles(
  check: Checker,
  settings: ConfigSettings,
  key: string,
  value: unknown,
): boolean {
  switch (key) {
    case 'inputs':
      settings.inputs = check.strings(
        key,
        value,
        said('文件路径或通配模式', 'file paths or globs'),
        said('文件路径或通配模式', 'a file path or glob'),
      );
      return true;
    case 'model':
      // true: the default (the shipped model); false: none, as --no-model.
      if (value === false) settings.model = false;
      else if (value !== true)
        settings.model = check.string(
          key,
          value,
          said('文件路径，或 false（不用模型）', 'a file path, or false for no model'),
        );
      return true;
    case 'targets':
    case 'template':
    case 'thresholds':
    case 'units':
    case 'codes':
    case 'corrections':
      settings[key] = check.string(key, value, FILE_PATH);
      return true;
    case 'taxonomy':
      settings.taxonomy = check.string(
        key,
        value,
        said('分类体系名称或文件路径', 'a taxonomy name or file path'),
      );
      return true;
    case 'out': {
      const out = check.string(key, value, said('输出文件路径', 'an output file path'));
      const [unknown] = unknownPlaceholders(out);
      if (unknown !== undefined) {
        const near = closest(unknown, PLACEHOLDERS);
        check.fail(
          key,
          didYouMean(
            said(`未知的占位符 {${unknown}}`, `unknown placeholder {${unknown}}`),
            near && `{${near}}`,
          ),
          PLACEHOLDERS_HINT,
        );
      }
      const ending = folderEnding(out);
      if (ending !== null) check.fail(key, folderOutputProblem(ending));
      settings.out = out;
      return true;
    }
    case 'map':
      settings.map = checkMap(check, value);
      return true;
    case 'complaintType':
      settings.complaintType = check.strings(
        key,
        value,
        said('业务类型取值', '业务类型 values'),
        said('业务类型取值', 'a 业务类型 value'),
      );
      return true;
    case 'encoding': {
      const encoding = check.string(key, value, said('编码名称', 'an encoding name'));
      try {
        settings.encoding = normaliseEncoding(encoding);
      } catch (error) {
        const hint = error instanceof InputError ? error.saidHint : undefined;
        const shown = JSON.stringify(encoding);
        check.fail(key, said(`未知的编码 ${shown}`, `unknown encoding ${shown}`), hint);
      }
      return true;
    }
    case 'sheet':
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
        settings.sheet = String(value);
      } else {
        settings.sheet = check.string(
          key,
          value,
          said('工作表名称或序号（1 表示第一个）', 'a sheet name or number (1 = first)'),
        );
      }
      return true;
    case 'by':
      settings.by = checkBy(check, value);
      return true;
  }
  return false;
}

/** The keys of values: sizes, choices, switches, limits, numbers, the period; false: none. */
function checkValues(
  check: Checker,
  settings: ConfigSettings,
  key: string,
  value: unknown,
): boolean {
  switch (key) {
    case 'maxInflated': {
      const what = said('大小，例如 "512MiB" 或 "8GiB"', 'a size such as "512MiB" or "8GiB"');
      const size = check.string(key, typeof value === 'number' ? String(value) : value, what);
      const bytes = sizeInBytes(size);
      if (bytes === null) check.fail(key, expected(what, describe(value)));
      settings.maxInflated = bytes;
      return true;
    }
    case 'failOn':
      if (value !== 'red' && value !== 'yellow')
        check.fail(key, expected(said('"red" 或 "yellow"', '"red" or "yellow"'), describe(value)));
      settings.failOn = value;
      return true;
    case 'lang':
      if (!isLang(value))
        check.fail(key, expected(said('"zh" 或 "en"', '"zh" or "en"'), describe(value)));
      settings.lang = value;
      return true;
    case 'prorate':
    case 'excludeUnsubstantiated':
    case 'includePartial':
    case 'detail':
    case 'charts':
      settings[key] = check.boolean(key, value);
      return true;
    case 'replyLimit':
    case 'closeLimit': {
      const what = said(
        '小时数（24、"24h"）或工作日数（"4wd"）',
        'hours (24, "24h") or working days ("4wd")',
      );
      const text = typeof value === 'number' ? String(value) : check.string(key, value, what);
      const limit = timeLimit(text);
      if ('problem' in limit)
        check.fail(key, limit.expected ? expected(limit.expected, describe(value)) : limit.problem);
      settings[key] = limit;
      return true;
    }
    case 'top':
    case 'threads':
      settings[key] = check.positive(key, value, true);
      return true;
    case 'rollup':
      settings.rollup = value === true ? 1 : check.positive(key, value, true);
      return true;
    case 'period': {
      // "period": 2016 is a year as much as "2016" is.
      const rule =
        typeof value === 'number' && Number.isInteger(value)
          ? String(value)
          : check.string(key, value, said('期间规则', 'a period rule'));
      const problem = ruleProblem(rule);
      if (problem !== null) check.fail(key, problem, RULES_HINT);
      settings.period = rule.trim();
      return true;
    }
    case 'hotWords':
      settings.hotWords = typeof value === 'boolean' ? value : check.positive(key, value, true);
      return true;
    case 'hotWordsBy':
      if (value !== 'unit') check.fail(key, expected(said('"unit"', '"unit"'), describe(value)));
      settings.hotWordsBy = value;
      return true;
  }
  return false;
}

function unknownKey(check: Checker, key: string): void {
  if (IGNORED_KEYS.includes(key)) return;
  if ((PERIOD_OPTION_KEYS as readonly string[]).includes(key)) {
    check.fail(
      key,
      said(
        '未知的设置项；配置文件中的期间写作 "period"',
        'unknown setting; a config file gives the period as "period"',
      ),
      said(
        '示例："period": "2016-11"、"2016Q4"、"2016"、"2016-01..2016-06"，或规则，如 "previous-month"。',
        'Example: "period": "2016-11", "2016Q4", "2016", "2016-01..2016-06" or a rule such as "previous-month".',
      ),
    );
  }
  const near = closest(key, KEYS);
  check.fail(
    key,
    didYouMean(said('未知的设置项', 'unknown setting'), near && `"${near}"`),
    near ? undefined : said(`可用的设置项：${KEYS.join('、')}。`, `Settings: ${KEYS.join(', ')}.`),
  );
}

const FIELDS_HINT = said(
  `可用字段：${MAP_FIELDS.join('、')}。`,
  `Fields: ${MAP_FIELDS.join(', ')}.`,
);

/** "map": ["unit=管理单位名称", …] or { "unit": "管理单位名称" }. */
function checkMap(check: Checker, value: unknown): MapOverrides {
  const map: MapOverrides = {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [field, header] of Object.entries(value)) {
      if (!isMapField(field)) {
        const near = closest(field, MAP_FIELDS);
        check.fail(
          `map.${field}`,
          didYouMean(said('未知的字段', 'unknown field'), near && `"${near}"`),
          FIELDS_HINT,
        );
      }
      map[field] = check.string(`map.${field}`, header, said('列名', 'a header name')).trim();
    }
    return map;
  }
  const entries = check.strings(
    'map',
    value,
    said('"field=header" 形式的条目', '"field=header" entries'),
    said('"field=header"', '"field=header"'),
  );
  entries.forEach((entry, i) => {
    const parsed = mapEntry(entry);
    if (!parsed) {
      const shown = JSON.stringify(entry);
      check.fail(
        `map[${i}]`,
        said(
          `${shown}：应写作 字段=表头，字段是 ${MAP_FIELDS.join('、')} 之一`,
          `${shown}: expected field=header, with field one of ${MAP_FIELDS.join(', ')}`,
        ),
        said('示例："map": ["unit=管理单位名称"]', 'Example: "map": ["unit=管理单位名称"]'),
      );
    }
    const [field, header] = parsed;
    const earlier = map[field];
    if (earlier !== undefined && earlier !== header) {
      check.fail(
        `map[${i}]`,
        said(
          `${JSON.stringify(entry)}：${field} 已对应 "${earlier}"，一个字段只能对应一列`,
          `${JSON.stringify(entry)}: ${field} is already "${earlier}"; one field, one column`,
        ),
        said('请删去其中一条。', 'Remove one of the two.'),
      );
    }
    map[field] = header;
  });
  return map;
}

/** "by": "channel", ["unit", "level1"] (one two-way table) or [["channel"], ["unit", "level1"]]. */
function checkBy(check: Checker, value: unknown): string[][] {
  const one = (key: string, v: unknown): string[] => {
    const names = check.strings(
      key,
      v,
      said('字段名或列名', 'fields or column headers'),
      said('字段名或列名', 'a field or column header'),
    );
    if (names.length > MAX_BY)
      check.fail(
        key,
        said(
          `分项最多按两个维度，这里给了 ${names.length} 个`,
          `a breakdown is by one or two dimensions, got ${names.length}`,
        ),
        BY_HINT,
      );
    const trimmed = names.map((n) => n.trim());
    if (trimmed.length === 2 && trimmed[0] === trimmed[1])
      check.fail(
        key,
        said(
          `二维表需要两个不同的维度，这里 ${trimmed[0]} 给了两次`,
          `a two-way table needs two different dimensions, got ${trimmed[0]} twice`,
        ),
      );
    return trimmed;
  };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => Array.isArray(v)))
    return value.map((v, i) => one(`by[${i}]`, v));
  if (typeof value !== 'string' && !Array.isArray(value)) {
    const what = said(
      '字段名或列名、两个这样的名称组成的数组，或由这种数组组成的数组',
      'a field or column header, an array of two, or an array of such arrays',
    );
    check.fail('by', expected(what, describe(value)), BY_HINT);
  }
  return [one('by', value)];
}
