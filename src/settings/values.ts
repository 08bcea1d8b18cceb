/**
 * The values options take, checked the same way whether they come from the command line or
 * the config file; each caller words the refusal in its own terms (--top 0 … / "top": …).
 * Pure.
 */
import { isMapField, type Field, type TargetField } from '../schema/fields.js';
import type { TimeLimit } from '../metrics/workdays.js';
import type { Lang } from './types.js';
import { said, type Said } from '../errors.js';

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/**
 * A number above 0 (a whole one for `integer`) written as text in decimal digits; null when it
 * is not one. Decimal only: Number() would also take 0x10, 1e1 and 0b11, which no analyst means.
 */
export function positiveNumber(text: string, integer: boolean): number | null {
  const n = Number(text);
  const decimal = integer ? /^\s*\+?\d+\s*$/ : /^\s*\+?(\d+\.?\d*|\.\d+)\s*$/;
  if (!decimal.test(text) || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    return null;
  }
  return n;
}

/** "512MiB", "8GiB", "8G", "100000000" in bytes: K, M and G count 1024s, as the limits are quoted. */
export function sizeInBytes(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  const size = m ? Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase()) : NaN;
  return Number.isFinite(size) && size >= 1 ? Math.floor(size) : null;
}

/**
 * "unit=管理单位名称" → ["unit", "管理单位名称"], "target=2016年指标" for the targets file; null
 * unless a known field and a header.
 */
export function mapEntry(entry: string): [Field | TargetField, string] | null {
  const at = entry.indexOf('=');
  const field = at > 0 ? entry.slice(0, at).trim() : '';
  const header = at > 0 ? entry.slice(at + 1).trim() : '';
  return isMapField(field) && header !== '' ? [field, header] : null;
}

/**
 * A time limit: hours ("24", "24h", "12.5h", "24小时") or whole working days ("4wd", "4工作日",
 * "4个工作日"); a bare number is hours, as before working days existed. The limit, or why not in
 * words the caller puts after the option or key it came from: `expected` when the problem is
 * "expected …" (the config file adds what it got).
 */
export function timeLimit(text: string): TimeLimit | { problem: Said; expected?: Said } {
  const m = /^([+-]?\d*\.?\d+)\s*([a-z\u4e00-\u9fff]*)$/i.exec(text.normalize('NFKC').trim());
  if (!m)
    return expecting(
      said('小时数（24、24h）或工作日数（4wd）', 'hours (24, 24h) or working days (4wd)'),
    );
  const value = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const hours = unit === '' || unit === 'h' || unit === '小时';
  const days = unit === 'wd' || unit === '工作日' || unit === '个工作日';
  if (!hours && !days) {
    const calendar = ['d', '天', '日'].includes(unit) && value > 0;
    return {
      problem: calendar
        ? said(
            `这里不能用 ${unit} 作单位：${value} 个工作日写 ${value}wd，${value} 个自然日写 ${value * 24}h`,
            `${unit} is not a unit here: write ${value}wd for ${value} working days, or ${value * 24}h for ${value} calendar days`,
          )
        : said(
            `这里不能用 ${unit} 作单位：小时写 h，工作日写 wd`,
            `${unit} is not a unit here: write h for hours or wd for working days`,
          ),
    };
  }
  if (!(value > 0)) return expecting(said('大于 0 的时限', 'a limit above 0'));
  if (days && !Number.isInteger(value))
    return expecting(
      said(
        '整数个工作日（不足一天的部分请用小时表示）',
        'a whole number of working days (give part of a day in hours)',
      ),
    );
  return { value, unit: hours ? 'hours' : 'workingDays' };
}

function expecting(what: Said): { problem: Said; expected: Said } {
  return { problem: said(`应为${what.zh}`, `expected ${what.en}`), expected: what };
}
