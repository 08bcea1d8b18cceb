/**
 * The configuration file for unattended (cron) use: `complaints.config.json`, found in the
 * working directory or given with `--config FILE`. It holds the same settings as the command line,
 * under the names commander gives the options (camelCase), plus `inputs`, `out` and a `period`
 * rule that is worked out from today's date on each run.
 *
 * Paths in the file are relative to the file's own folder, so a cron job works whatever its
 * working directory. `loadConfig` returns them absolute, except `inputs`: those stay patterns,
 * expanded by `resolveInputs(settings.inputs, loaded.dir)`.
 *
 * Example:
 *
 *   {
 *     "inputs": ["exports/*.xlsx"],
 *     "targets": "targets-2017.xlsx",
 *     "period": "previous-month",
 *     "out": "reports/投诉分析-{period}.xlsx"
 *   }
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from './errors.js';
import { normaliseEncoding } from './io/detect.js';
import type { PeriodOptions, PeriodRequest } from './metrics/period.js';
import { FIELDS, isField } from './schema/fields.js';
import { parseSize } from './settings.js';

export const CONFIG_FILE = 'complaints.config.json';

/** Settings a config file may hold, with the names of the command-line options (camelCase as commander gives them). */
export interface ConfigSettings {
  /** File paths or globs, relative to the config file's folder (kept as written: see resolveInputs). */
  inputs?: string[];
  targets?: string;
  /** A shipped taxonomy's name (kept as is), or a path (containing / or \, or ending in .json). */
  taxonomy?: string;
  model?: string;
  /** ["unit=管理单位名称", ...]; the file may also give { "unit": "管理单位名称" }. */
  map?: string[];
  complaintType?: string[];
  encoding?: string;
  sheet?: string;
  /** --max-inflated: "8GiB", or a number of bytes. */
  maxInflated?: string;
  lang?: 'zh' | 'en';
  prorate?: boolean;
  excludeUnsubstantiated?: boolean;
  replyLimit?: string;
  closeLimit?: string;
  top?: string;
  detail?: boolean;
  charts?: boolean;
  /** Output path pattern; placeholders {period} {from} {to} {date} (see outputPath). */
  out?: string;
  /** A period rule (see PERIOD_RULES), turned into period options by periodFromRule. */
  period?: string;
}

export interface LoadedConfig {
  /** The config file, absolute. */
  file: string;
  /** Its folder: relative paths in the file are relative to this. */
  dir: string;
  settings: ConfigSettings;
}

/**
 * Period rules, relative to the day the program runs ("today", a wall-clock date):
 *
 * - previous-month    the calendar month before today's (on 2017-01-02: 2016-12)
 * - current-month     today's month, so far
 * - previous-quarter  the quarter before today's (on 2017-01-01: 2016Q4)
 * - current-quarter   today's quarter, so far
 * - year-to-date      January of today's year to today's month; in January, when the new year
 *                     has hardly begun, the whole previous year instead (a monthly cron on
 *                     2017-01-02 reports 2016, not a few days of January)
 * - previous-year     the calendar year before today's
 * - current-year      today's calendar year (all twelve months)
 *
 * and literal periods, the same every run: 2016-11 (a month), 2016Q4 (a quarter), 2016 (a year),
 * 2016-01..2016-06 (a range of months, both ends included).
 */
export const PERIOD_RULES: readonly { rule: string; meaning: string }[] = [
  { rule: 'previous-month', meaning: 'the calendar month before the current one' },
  { rule: 'current-month', meaning: 'the current month, so far' },
  { rule: 'previous-quarter', meaning: 'the quarter before the current one' },
  { rule: 'current-quarter', meaning: 'the current quarter, so far' },
  {
    rule: 'year-to-date',
    meaning: 'January to the current month; in January, the whole previous year',
  },
  { rule: 'previous-year', meaning: 'the calendar year before the current one' },
  { rule: 'current-year', meaning: 'the current calendar year' },
  { rule: '2016-11', meaning: 'one month' },
  { rule: '2016Q4', meaning: 'one quarter' },
  { rule: '2016', meaning: 'one year' },
  { rule: '2016-01..2016-06', meaning: 'a range of months, both ends included' },
];

const RELATIVE_RULES = [
  'previous-month',
  'current-month',
  'previous-quarter',
  'current-quarter',
  'year-to-date',
  'previous-year',
  'current-year',
] as const;
type RelativeRule = (typeof RELATIVE_RULES)[number];

const RULES_HINT = `Use one of ${RELATIVE_RULES.join(', ')}, or a period such as 2016-11, 2016Q4, 2016 or 2016-01..2016-06.`;

// ---------------------------------------------------------------------------------------------
// Period rules

/** Ends a message with a full stop unless it asks a question. */
function sentence(text: string): string {
  return text.endsWith('?') ? text : `${text}.`;
}

/** month index = year × 12 + month − 1, as in schema/values.ts */
function monthString(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

function quarterString(monthIndex: number): string {
  return `${Math.floor(monthIndex / 12)}Q${Math.floor((monthIndex % 12) / 3) + 1}`;
}

function literalMonth(text: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

/** The rule's period options, or a sentence saying what is wrong with it. */
function parseRule(rule: string): ((today: Date) => PeriodOptions) | string {
  const text = rule.trim();
  if ((RELATIVE_RULES as readonly string[]).includes(text)) {
    return (today) => relativePeriod(text as RelativeRule, today);
  }
  if (/^\d{4}-\d{1,2}$/.test(text)) {
    const index = literalMonth(text);
    if (index === null) return `"${rule}" is not a month; write it as YYYY-MM, e.g. 2016-11`;
    return () => ({ month: monthString(index) });
  }
  const quarter = /^(\d{4})\s*-?\s*Q(\d)$/i.exec(text);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    if (q < 1 || q > 4 || year < 1900 || year > 2999) {
      return `"${rule}" is not a quarter; write it as YYYYQn, e.g. 2016Q4`;
    }
    return () => ({ quarter: `${year}Q${q}` });
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= 1900 && year <= 2999) return () => ({ year: text });
  }
  const range = /^(\S+)\s*\.\.\s*(\S+)$/.exec(text);
  if (range) {
    const from = literalMonth(range[1]!);
    const to = literalMonth(range[2]!);
    if (from === null || to === null) {
      return `"${rule}" is not a range of months; write it as YYYY-MM..YYYY-MM, e.g. 2016-01..2016-06`;
    }
    if (from > to) return `"${rule}": the first month is after the last`;
    return () => ({ from: monthString(from), to: monthString(to) });
  }
  const near = closest(text, RELATIVE_RULES);
  return `"${rule}" is not a period rule${near ? `; did you mean "${near}"?` : ''}`;
}

function relativePeriod(rule: RelativeRule, today: Date): PeriodOptions {
  const year = today.getFullYear();
  const month = year * 12 + today.getMonth();
  switch (rule) {
    case 'previous-month':
      return { month: monthString(month - 1) };
    case 'current-month':
      return { month: monthString(month) };
    case 'previous-quarter':
      return { quarter: quarterString(month - 3) };
    case 'current-quarter':
      return { quarter: quarterString(month) };
    case 'year-to-date':
      // In January the year so far is a few days: an analyst's cron wants the year just ended.
      if (today.getMonth() === 0) return { year: String(year - 1) };
      return { from: monthString(year * 12), to: monthString(month) };
    case 'previous-year':
      return { year: String(year - 1) };
    case 'current-year':
      return { year: String(year) };
  }
}

/**
 * A period rule to PeriodOptions, relative to `today` (a wall-clock date: its local year, month
 * and day are used as given; the caller passes `new Date()`). Rules: see PERIOD_RULES. Pure.
 */
export function periodFromRule(rule: string, today: Date): PeriodOptions {
  const parsed = parseRule(rule);
  if (typeof parsed === 'string') {
    throw new InputError('BAD_OPTION', `period ${sentence(parsed)}`, RULES_HINT);
  }
  return parsed(today);
}

// ---------------------------------------------------------------------------------------------
// Output path

const PLACEHOLDERS = ['period', 'from', 'to', 'date'] as const;

function dateString(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/**
 * The {period} of an output name: "2016-11", "2016Q4", "2016", or "2016-01_2016-06" for a range.
 * `from` and `to` are the resolved period's first and last months, as YYYY-MM.
 */
export function periodLabel(kind: PeriodRequest['kind'], from: string, to: string): string {
  const first = literalMonth(from);
  if (kind === 'quarter' && first !== null) return quarterString(first);
  if (kind === 'year') return from.slice(0, 4);
  return from === to ? from : `${from}_${to}`;
}

/**
 * The output path from the pattern: {period} → "2016Q4" / "2016-11" / "2016" / "2016-01_2016-06"
 * (the label given), {from} and {to} → the period's first and last month, {date} → today as
 * YYYY-MM-DD (local date). Characters that cannot be in a file name are replaced by "_" in the
 * values put in. Pure.
 */
export function outputPath(
  pattern: string,
  period: { label: string; from: string; to: string },
  today: Date,
): string {
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    period: period.label,
    from: period.from,
    to: period.to,
    date: dateString(today),
  };
  return pattern.replace(/\{(period|from|to|date)\}/g, (_, name: keyof typeof values) =>
    values[name].replace(/[/\\:*?"<>|]/g, '_'),
  );
}

// ---------------------------------------------------------------------------------------------
// Validation

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
  'replyLimit',
  'closeLimit',
  'top',
  'detail',
  'charts',
  'out',
  'period',
];
/** JSON Schema's annotations, allowed so a file can say what it is. */
const IGNORED_KEYS = ['$schema', '$comment'];
/** Command-line ways of choosing the period, which a config file says with "period". */
const PERIOD_OPTION_KEYS = ['month', 'quarter', 'year', 'from', 'to'];

const EXAMPLE = 'Example: { "inputs": ["exports/*.xlsx"], "period": "previous-month" }';

/** Edit distance, a swap of two neighbours counting as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j]!, beforePrevious[j - 2]! + 1);
      }
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name closest to `name` (ignoring case, - and _), if close enough to be a typo. */
function closest(name: string, known: readonly string[]): string | null {
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const target = squash(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(target, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(target.length / 3)) ? best : null;
}

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
    throw new InputError('CONFIG_INVALID', `${this.file}: "${key}": ${sentence(problem)}`, hint);
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
  positive(key: string, value: unknown, integer: boolean): string {
    const what = `a ${integer ? 'whole ' : ''}number above 0`;
    const text =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
    const n = text === null || text === '' ? NaN : Number(text);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      this.fail(key, `expected ${what}, got ${describe(value)}`);
    }
    return text!;
  }
}

/**
 * Checks a parsed JSON document and returns its settings; throws InputError('CONFIG_INVALID')
 * naming the file and the key. Paths are returned as written (loadConfig resolves them). Pure.
 */
export function validateConfig(doc: unknown, file: string): ConfigSettings {
  const check: Checker = new Checker(file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(
      'CONFIG_INVALID',
      `${file}: expected a JSON object of settings, got ${describe(doc)}.`,
      EXAMPLE,
    );
  }
  const settings: ConfigSettings = {};
  for (const [key, value] of Object.entries(doc)) {
    switch (key as Key) {
      case 'inputs':
        settings.inputs = check.strings(key, value, 'file paths or globs', 'a file path or glob');
        break;
      case 'targets':
      case 'model':
        settings[key as 'targets' | 'model'] = check.string(key, value, 'a file path');
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
          normaliseEncoding(encoding);
        } catch (error) {
          const hint = error instanceof InputError ? error.hint : undefined;
          check.fail(key, `unknown encoding ${JSON.stringify(encoding)}`, hint);
        }
        settings.encoding = encoding;
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
        const size = typeof value === 'number' ? String(value) : value;
        const what = 'a size such as "512MiB" or "8GiB"';
        try {
          parseSize(check.string(key, size, what));
        } catch (error) {
          if ((error as InputError).code !== 'BAD_OPTION') throw error;
          check.fail(key, `expected ${what}, got ${describe(value)}`);
        }
        settings.maxInflated = size as string;
        break;
      }
      case 'lang':
        if (value !== 'zh' && value !== 'en')
          check.fail(key, `expected "zh" or "en", got ${describe(value)}`);
        settings.lang = value;
        break;
      case 'prorate':
      case 'excludeUnsubstantiated':
      case 'detail':
      case 'charts':
        settings[key as 'prorate' | 'excludeUnsubstantiated' | 'detail' | 'charts'] = check.boolean(
          key,
          value,
        );
        break;
      case 'replyLimit':
      case 'closeLimit':
        settings[key as 'replyLimit' | 'closeLimit'] = check.positive(key, value, false);
        break;
      case 'top':
        settings.top = check.positive(key, value, true);
        break;
      case 'out': {
        const out = check.string(key, value, 'an output file path');
        for (const [, name] of out.matchAll(/\{([^{}]*)\}/g)) {
          if (!(PLACEHOLDERS as readonly string[]).includes(name!)) {
            const near = closest(name!, PLACEHOLDERS);
            check.fail(
              key,
              `unknown placeholder {${name}}${near ? `; did you mean {${near}}?` : ''}`,
              'Placeholders: {period} (2016Q4, 2016-11, 2016 or 2016-01_2016-06), {from}, {to}, {date} (today).',
            );
          }
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
        const parsed = parseRule(rule);
        if (typeof parsed === 'string') check.fail(key, parsed, RULES_HINT);
        settings.period = rule.trim();
        break;
      }
      default:
        unknownKey(check, key);
    }
  }
  return settings;
}

function unknownKey(check: Checker, key: string): void {
  if (IGNORED_KEYS.includes(key)) return;
  if (PERIOD_OPTION_KEYS.includes(key)) {
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

function checkMap(check: Checker, value: unknown): string[] {
  const fields = `field one of ${FIELDS.join(', ')}`;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).map(([field, header]) => {
      if (!isField(field)) {
        const near = closest(field, FIELDS);
        check.fail(
          `map.${field}`,
          `unknown field${near ? `; did you mean "${near}"?` : ''}`,
          `Fields: ${FIELDS.join(', ')}.`,
        );
      }
      return `${field}=${check.string(`map.${field}`, header, 'a header name').trim()}`;
    });
  }
  const entries = check.strings('map', value, '"field=header" entries', '"field=header"');
  entries.forEach((entry, i) => {
    const at = entry.indexOf('=');
    const field = at > 0 ? entry.slice(0, at).trim() : '';
    if (!isField(field) || entry.slice(at + 1).trim() === '') {
      check.fail(
        `map[${i}]`,
        `${JSON.stringify(entry)}: expected field=header, with ${fields}`,
        'Example: "map": ["unit=管理单位名称"]',
      );
    }
  });
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Loading

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** JSON.parse's message, with its position as line and column where it gives one. */
function jsonProblem(error: unknown, text: string): string {
  let message = error instanceof Error ? error.message : String(error);
  let where = '';
  const lineColumn = /\s*\(line (\d+) column (\d+)\)/.exec(message);
  const position = /\s+in JSON at position (\d+)/.exec(message);
  if (lineColumn) {
    where = ` at line ${lineColumn[1]}, column ${lineColumn[2]}`;
    message = message.replace(lineColumn[0], '');
  }
  if (position) {
    if (!where) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    message = message.replace(position[0], '');
  }
  // V8 quotes the whole text in some messages: `Unexpected token '}', "{…}" is not valid JSON`.
  message = message.replace(/, ".*" is not valid JSON$/s, '');
  return `not valid JSON${where}: ${message.replace(/\s+in JSON$/, '')}`;
}

async function readConfigText(file: string, shown: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(
      'FILE_UNREADABLE',
      `${shown}: cannot be read (${errorCode(error) ?? error}).`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(
      'CONFIG_INVALID',
      `${shown}: the file is UTF-16; a config file is UTF-8.`,
      'Save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(
      'CONFIG_INVALID',
      `${shown}: not UTF-8 text (saved as GBK?); a config file is UTF-8.`,
      'Save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).',
    );
  }
}

function isPath(taxonomy: string): boolean {
  return /[/\\]/.test(taxonomy) || /\.json$/i.test(taxonomy);
}

/**
 * Reads and validates the config: `explicit` from --config (must exist), else CONFIG_FILE in
 * `cwd` if present, else null. Paths in the settings come back absolute, resolved against the
 * config file's folder, except `inputs` (patterns: see resolveInputs) and a taxonomy given by name.
 */
export async function loadConfig(
  explicit: string | undefined,
  cwd: string,
): Promise<LoadedConfig | null> {
  let file: string;
  let shown: string;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    shown = explicit;
    const info = await stat(file).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        throw new InputError(
          'FILE_NOT_FOUND',
          `--config ${explicit}: no such file.`,
          `Check the path; without --config, ${CONFIG_FILE} in the working directory is used.`,
        );
      }
      throw new InputError(
        'FILE_UNREADABLE',
        `--config ${explicit}: cannot be read (${errorCode(error) ?? error}).`,
      );
    });
    if (info.isDirectory()) {
      const inside = resolve(file, CONFIG_FILE);
      const found = await stat(inside).then(
        (s) => s.isFile(),
        () => false,
      );
      throw new InputError(
        'FILE_UNREADABLE',
        `--config ${explicit}: is a folder, not a file.`,
        found ? `Did you mean --config ${relative(cwd, inside) || inside}?` : undefined,
      );
    }
  } else {
    file = resolve(cwd, CONFIG_FILE);
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) return null;
    const fromHere = relative(process.cwd(), file);
    shown = fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : file;
  }

  const text = await readConfigText(file, shown);
  if (text.trim() === '') {
    throw new InputError('CONFIG_INVALID', `${shown}: the file is empty.`, EXAMPLE);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      'CONFIG_INVALID',
      `${shown}: ${jsonProblem(error, text)}.`,
      'JSON needs "double quotes", no comments and no comma after the last item.',
    );
  }
  const settings = validateConfig(doc, shown);
  const dir = dirname(file);
  for (const key of ['targets', 'model', 'out'] as const) {
    const value = settings[key];
    if (value !== undefined) settings[key] = resolve(dir, value);
  }
  if (settings.taxonomy !== undefined && isPath(settings.taxonomy)) {
    settings.taxonomy = resolve(dir, settings.taxonomy);
  }
  if (settings.out !== undefined && settings.inputs !== undefined) {
    refuseOutInsideInputs(settings.out, settings.inputs, dir, shown);
  }
  return { file, dir, settings };
}

/**
 * An "out" pattern whose reports the "inputs" globs would pick up: next month's run would read
 * this month's report as an export. Checked on the names the pattern makes for every kind of
 * period (with a sample date), against each input pattern as resolveInputs reads it.
 */
function refuseOutInsideInputs(out: string, inputs: string[], dir: string, shown: string): void {
  const samples = ['2016Q4', '2016-11', '2016', '2016-01_2016-06'].map((label) =>
    outputPath(out, { label, from: '2016-01', to: '2016-12' }, new Date(Date.UTC(2016, 11, 4))),
  );
  for (const pattern of inputs) {
    const absolute = resolve(dir, pattern);
    // Relative patterns are matched against relative names, so the folder's own name may hold
    // characters a glob would read (brackets, parentheses).
    const glob = isDynamicPattern(pattern) ? picomatch(pattern.split(sep).join('/')) : null;
    const hit = samples.find((sample) =>
      glob
        ? glob((isAbsolute(pattern) ? sample : relative(dir, sample)).split(sep).join('/'))
        : sample === absolute,
    );
    if (hit) {
      throw new InputError(
        'CONFIG_INVALID',
        `${shown}: "out" ${JSON.stringify(relative(dir, out))} writes reports that "inputs" ${JSON.stringify(pattern)} would read as exports (e.g. ${relative(dir, hit)}).`,
        'Write the reports to another folder, or narrow the inputs pattern to the exports.',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** Compares paths with runs of digits as numbers, so 2016-9.xlsx comes before 2016-10.xlsx. */
function comparePaths(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * The folder a glob starts from (its leading segments without glob characters, resolved against
 * dir) and the rest. tinyglobby is given the rest with that folder as cwd, so ../ and absolute
 * patterns crawl only their own folder and the ignore patterns (which apply within cwd) hold.
 */
function splitPattern(pattern: string, dir: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  let i = 0;
  while (i < segments.length - 1 && !isDynamicPattern(segments[i]!)) i++;
  const base = i === 0 ? dir : resolve(dir, `${segments.slice(0, i).join('/')}/`);
  return { base, rest: segments.slice(i).join('/') };
}

/**
 * Expands `inputs` globs relative to dir (absolute paths work too), sorted by path with numbers
 * compared as numbers (so monthly exports named by date are read oldest first), without
 * duplicates. A path that names an existing file is taken as it is, even with glob characters in
 * its name. Globs skip Excel's lock files (~$name.xlsx, there while the workbook is open) and
 * hidden files. A glob matching nothing, or a missing file, is an InputError naming it.
 */
export async function resolveInputs(patterns: string[], dir: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const literal = resolve(dir, pattern);
    const info = await stat(literal).catch(() => null);
    if (info?.isFile()) {
      found.add(literal);
      continue;
    }
    if (info?.isDirectory()) {
      throw new InputError(
        'FILE_NOT_FOUND',
        `"inputs": ${JSON.stringify(pattern)} is a folder in ${dir}, not a file.`,
        `Give a glob for its exports, e.g. ${JSON.stringify(`${pattern.replace(/[/\\]+$/, '')}/*.xlsx`)}.`,
      );
    }
    const globPattern = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
    if (!isDynamicPattern(globPattern)) {
      throw new InputError(
        'FILE_NOT_FOUND',
        `"inputs": ${JSON.stringify(pattern)}: no such file in ${dir}.`,
        "Paths in the config file are relative to the config file's folder.",
      );
    }
    const { base, rest } = splitPattern(globPattern, dir);
    const baseInfo = await stat(base).catch(() => null);
    if (!baseInfo?.isDirectory()) {
      throw new InputError(
        'FILE_NOT_FOUND',
        `"inputs": ${JSON.stringify(pattern)} matched no file: there is no folder ${base}.`,
        "Patterns are relative to the config file's folder.",
      );
    }
    const matches = await glob(rest, {
      cwd: base,
      absolute: true,
      onlyFiles: true,
      expandDirectories: false,
      ignore: ['**/~$*'],
    });
    if (matches.length === 0) {
      throw new InputError(
        'FILE_NOT_FOUND',
        `"inputs": ${JSON.stringify(pattern)} matched no file in ${dir}.`,
        "Patterns are relative to the config file's folder; check the folder and the extension.",
      );
    }
    for (const match of matches) found.add(resolve(match));
  }
  return [...found].sort(comparePaths);
}
