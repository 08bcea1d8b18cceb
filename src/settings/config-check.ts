/**
 * The checks of the config file's values, each refusal naming the file and the key and saying
 * what was expected and what was found, in both languages (config-validate.ts uses them).
 */
import { InputError, said, type Said } from '../errors.js';
import { sentences, spaced } from './suggest.js';
import { positiveNumber } from './values.js';

/** What a JSON value is, as a refusal says it: "a string ("x")", 字符串 "x". */
export function describe(value: unknown): Said {
  if (value === null) return said('null', 'null');
  if (Array.isArray(value)) return said('数组', 'an array');
  switch (typeof value) {
    case 'string': {
      const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      return said(`字符串 ${shown}`, `a string (${shown})`);
    }
    case 'number':
      return said(`数字 ${value}`, `a number (${value})`);
    case 'boolean':
      return said(String(value), String(value));
    default:
      return said('对象', 'an object');
  }
}

/** "expected WHAT, got VALUE" (or what the value is, said as `got`). */
export function expected(what: Said, got: Said): Said {
  return said(
    `应为${spaced(what.zh)}，实际是${spaced(got.zh)}`,
    `expected ${what.en}, got ${got.en}`,
  );
}

/** A list of WHAT (plural in English). */
function arrayOf(what: Said): Said {
  return said(`由${what.zh}组成的数组`, `an array of ${what.en}`);
}

const POSITIVE = {
  whole: said('大于 0 的整数', 'a whole number above 0'),
  any: said('大于 0 的数', 'a number above 0'),
};

export class Checker {
  constructor(readonly file: string) {}

  fail(key: string, problem: Said, hint?: Said): never {
    const text = sentences(problem);
    throw new InputError(
      'CONFIG_INVALID',
      said(`${this.file}："${key}"：${text.zh}`, `${this.file}: "${key}": ${text.en}`),
      hint,
      { file: this.file },
    );
  }

  string(key: string, value: unknown, what: Said): string {
    if (typeof value !== 'string') this.fail(key, expected(what, describe(value)));
    if (value.trim() === '') this.fail(key, expected(what, said('空字符串', 'an empty string')));
    return value;
  }

  boolean(key: string, value: unknown): boolean {
    if (typeof value !== 'boolean')
      this.fail(key, expected(said('true 或 false', 'true or false'), describe(value)));
    return value;
  }

  /** A list of strings (`what`: the items, in the plural); a single string is a list of one. */
  strings(key: string, value: unknown, what: Said, one: Said): string[] {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list)) this.fail(key, expected(arrayOf(what), describe(value)));
    if (list.length === 0)
      this.fail(key, expected(arrayOf(what), said('空数组', 'an empty array')));
    return list.map((item: unknown, i) => this.string(`${key}[${i}]`, item, one));
  }

  /** A number above 0 (a whole one for `integer`), written as a JSON number or a string. */
  positive(key: string, value: unknown, integer: boolean): number {
    const text =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value : null;
    const n = text === null ? null : positiveNumber(text, integer);
    if (n === null)
      this.fail(key, expected(integer ? POSITIVE.whole : POSITIVE.any, describe(value)));
    return n;
  }
}
