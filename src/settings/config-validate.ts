/**
 * Checks a parsed complaints.config.json and converts it into ConfigSettings: the same typed
 * values the command line's options give, so the two merge key by key (resolve.ts). Every
 * refusal names the file and the key. Pure.
 */
import { InputError } from '../errors.js';
import { normaliseEncoding } from '../io/detect.js';
import { MAP_FIELDS, isMapField } from '../schema/fields.js';
import type { MapOverrides } from '../schema/header.js';
import { BY_HINT, MAX_BY } from './by.js';
import { PLACEHOLDERS, PLACEHOLDERS_HINT, unknownPlaceholders } from './output-path.js';
import { PERIOD_OPTION_KEYS, RULES_HINT, ruleProblem } from './period-syntax.js';
import { closest, sentence } from './suggest.js';
import type { ConfigSettings } from './types.js';
import { isLang, mapEntry, positiveNumber, sizeInBytes, timeLimit } from './values.js';

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
  'by',
  'threads',
  'hotWords',
  'hotWordsBy',
];
/** JSON Schema's annotations, allowed so a file can say what it is. */
const IGNORED_KEYS = ['$schema', '$comment'];

export const CONFIG_EXAMPLE =
  'Example: { "inputs": ["exports/*.xlsx"], "period": "previous-month" }';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return String(value);
    default:
      return 'an object';
  }
}

class Checker {
  constructor(readonly file: string) {}

  fail(key: string, problem: string, hint?: string): never {
    throw new InputError('CONFIG_INVALID', `${this.file}: "${key}": ${sentence(problem)}`, hint, {
      file: this.file,
    });
  }

  string(key: string, value: unknown, what: string): string {
    if (typeof value !== 'string') this.fail(key, `expected ${what}, got ${describe(value)}`);
    if (value.trim() === '') this.fail(key, `expected ${what}, got an empty string`);
    return value;
  }

  boolean(key: string, value: unknown): boolean {
    if (typeof value !== 'boolean')
      this.fail(key, `expected true or false, got ${describe(value)}`);
    return value;
  }

  /** A list of strings; a single string is taken as a list of one. */
  strings(key: string, value: unknown, what: string, one: string): string[] {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list))
      this.fail(key, `expected an array of ${what}, got ${describe(value)}`);
    if (list.length === 0) this.fail(key, `expected an array of ${what}, got an empty array`);
    return list.map((item: unknown, i) => this.string(`${key}[${i}]`, item, one));
  }

  /** A number above 0 (a whole one for `integer`), written as a JSON number or a string. */
  positive(key: string, value: unknown, integer: boolean): number {
    const what = `a ${integer ? 'whole ' : ''}number above 0`;
    const text =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null;
    const n = text === null ? null : positiveNumber(text, integer);
    if (n === null) this.fail(key, `expected ${what}, got ${describe(value)}`);
    return n;
  }
}

/**
 * Checks a parsed JSON document and returns its settings; throws InputError('CONFIG_INVALID')
 * naming the file and the key. Paths are returned as written (loadConfig resolves them).
 */
export function validateConfig(doc: unknown, file: string): ConfigSettings {
  const check: Checker = new Checker(file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(
      'CONFIG_INVALID',
      `${file}: expected a JSON object of settings, got ${describe(doc)}.`,
      CONFIG_EXAMPLE,
      { file },
    );
  }
  const settings: ConfigSettings = {};
  for (const [key, value] of Object.entries(doc)) {
    switch (key) {
      case 'inputs':
        settings.inputs = check.strings(key, value, 'file paths or globs', 'a file path or glob');
        break;
      case 'model':
        // true: the default (the shipped model); false: none, as --no-model.
        if (value === false) settings.model = false;
        else if (value !== true)
          settings.model = check.string(key, value, 'a file path, or false for no model');
        break;
      case 'targets':
      case 'template':
      case 'thresholds':
      case 'units':
      case 'codes':
        settings[key] = check.string(key, value, 'a file path');
        break;
      case 'rollup':
        settings.rollup = value === true ? 1 : check.positive(key, value, true);
        break;
      case 'taxonomy':
        settings.taxonomy = check.string(key, value, 'a taxonomy name or file path');
        break;
      case 'map':
        settings.map = checkMap(check, value);
        break;
      case 'complaintType':
        settings.complaintType = check.strings(key, value, '业务类型 values', 'a 业务类型 value');
        break;
      case 'encoding': {
        const encoding = check.string(key, value, 'an encoding name');
        try {
          settings.encoding = normaliseEncoding(encoding);
        } catch (error) {
          const hint = error instanceof InputError ? error.hint : undefined;
          check.fail(key, `unknown encoding ${JSON.stringify(encoding)}`, hint);
        }
        break;
      }
      case 'sheet':
        if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
          settings.sheet = String(value);
        } else {
          settings.sheet = check.string(key, value, 'a sheet name or number (1 = first)');
        }
        break;
      case 'maxInflated': {
        const what = 'a size such as "512MiB" or "8GiB"';
        const size = check.string(key, typeof value === 'number' ? String(value) : value, what);
        const bytes = sizeInBytes(size);
        if (bytes === null) check.fail(key, `expected ${what}, got ${describe(value)}`);
        settings.maxInflated = bytes;
        break;
      }
      case 'failOn':
        if (value !== 'red' && value !== 'yellow')
          check.fail(key, `expected "red" or "yellow", got ${describe(value)}`);
        settings.failOn = value;
        break;
      case 'lang':
        if (!isLang(value)) check.fail(key, `expected "zh" or "en", got ${describe(value)}`);
        settings.lang = value;
        break;
      case 'prorate':
      case 'excludeUnsubstantiated':
      case 'includePartial':
      case 'detail':
      case 'charts':
        settings[key] = check.boolean(key, value);
        break;
      case 'replyLimit':
      case 'closeLimit': {
        const what = 'hours (24, "24h") or working days ("4wd")';
        const text = typeof value === 'number' ? String(value) : check.string(key, value, what);
        const limit = timeLimit(text);
        if ('problem' in limit)
          check.fail(
            key,
            limit.problem.startsWith('expected')
              ? `${limit.problem}, got ${describe(value)}`
              : limit.problem,
          );
        settings[key] = limit;
        break;
      }
      case 'top':
        settings.top = check.positive(key, value, true);
        break;
      case 'out': {
        const out = check.string(key, value, 'an output file path');
        const [unknown] = unknownPlaceholders(out);
        if (unknown !== undefined) {
          const near = closest(unknown, PLACEHOLDERS);
          check.fail(
            key,
            `unknown placeholder {${unknown}}${near ? `; did you mean {${near}}?` : ''}`,
            PLACEHOLDERS_HINT,
          );
        }
        settings.out = out;
        break;
      }
      case 'period': {
        // "period": 2016 is a year as much as "2016" is.
        const rule =
          typeof value === 'number' && Number.isInteger(value)
            ? String(value)
            : check.string(key, value, 'a period rule');
        const problem = ruleProblem(rule);
        if (problem !== null) check.fail(key, problem, RULES_HINT);
        settings.period = rule.trim();
        break;
      }
      case 'by':
        settings.by = checkBy(check, value);
        break;
      case 'threads':
        settings.threads = check.positive(key, value, true);
        break;
      case 'hotWords':
        settings.hotWords = typeof value === 'boolean' ? value : check.positive(key, value, true);
        break;
      case 'hotWordsBy':
        if (value !== 'unit') check.fail(key, `expected "unit", got ${describe(value)}`);
        settings.hotWordsBy = value;
        break;
      default:
        unknownKey(check, key);
    }
  }
  return settings;
}

function unknownKey(check: Checker, key: string): void {
  if (IGNORED_KEYS.includes(key)) return;
  if ((PERIOD_OPTION_KEYS as readonly string[]).includes(key)) {
    check.fail(
      key,
      'unknown setting; a config file gives the period as "period"',
      `Example: "period": "2016-11", "2016Q4", "2016", "2016-01..2016-06" or a rule such as "previous-month".`,
    );
  }
  const near = closest(key, KEYS);
  check.fail(
    key,
    `unknown setting${near ? `; did you mean "${near}"?` : ''}`,
    near ? undefined : `Settings: ${KEYS.join(', ')}.`,
  );
}

/** "map": ["unit=管理单位名称", …] or { "unit": "管理单位名称" }. */
function checkMap(check: Checker, value: unknown): MapOverrides {
  const map: MapOverrides = {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [field, header] of Object.entries(value)) {
      if (!isMapField(field)) {
        const near = closest(field, MAP_FIELDS);
        check.fail(
          `map.${field}`,
          `unknown field${near ? `; did you mean "${near}"?` : ''}`,
          `Fields: ${MAP_FIELDS.join(', ')}.`,
        );
      }
      map[field] = check.string(`map.${field}`, header, 'a header name').trim();
    }
    return map;
  }
  const entries = check.strings('map', value, '"field=header" entries', '"field=header"');
  entries.forEach((entry, i) => {
    const parsed = mapEntry(entry);
    if (!parsed) {
      check.fail(
        `map[${i}]`,
        `${JSON.stringify(entry)}: expected field=header, with field one of ${MAP_FIELDS.join(', ')}`,
        'Example: "map": ["unit=管理单位名称"]',
      );
    }
    map[parsed[0]] = parsed[1];
  });
  return map;
}

/** "by": "channel", ["unit", "level1"] (one two-way table) or [["channel"], ["unit", "level1"]]. */
function checkBy(check: Checker, value: unknown): string[][] {
  const what = 'a field or column header, an array of two, or an array of such arrays';
  const one = (key: string, v: unknown): string[] => {
    const names = check.strings(key, v, 'fields or column headers', 'a field or column header');
    if (names.length > MAX_BY)
      check.fail(key, `a breakdown is by one or two dimensions, got ${names.length}`, BY_HINT);
    const trimmed = names.map((n) => n.trim());
    if (trimmed.length === 2 && trimmed[0] === trimmed[1])
      check.fail(key, `a two-way table needs two different dimensions, got ${trimmed[0]} twice`);
    return trimmed;
  };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => Array.isArray(v)))
    return value.map((v, i) => one(`by[${i}]`, v));
  if (typeof value !== 'string' && !Array.isArray(value))
    check.fail('by', `expected ${what}, got ${describe(value)}`, BY_HINT);
  return [one('by', value)];
}
