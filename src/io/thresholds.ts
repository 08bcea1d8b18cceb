/**
 * `--thresholds FILE` (or "thresholds" in complaints.config.json): a JSON file holding any part
 * of the early warning's thresholds (metrics/warn/thresholds.ts), laid over the defaults. Every
 * key is checked: a misspelt one would silently leave a default in force.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { WARN_DEFAULTS, type WarnThresholds } from '../metrics/warn/thresholds.js';
import { closest } from '../settings/suggest.js';

type Tree = { [key: string]: number | Tree };

function invalid(file: string, message: string, hint?: string): InputError {
  return new InputError('CONFIG_INVALID', `${file}: ${message}`, hint, { file });
}

/** `value` laid over `defaults`, key by key, each a number ≥ 0 where the default is a number. */
function overlay(file: string, defaults: Tree, value: unknown, path: string): Tree {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(file, `${path || 'the file'} should be an object of thresholds.`);
  const out: Tree = { ...defaults };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    const known = Object.keys(defaults);
    if (!(key in defaults)) {
      const near = closest(key, known);
      throw invalid(
        file,
        `unknown threshold "${at}"${near ? `; did you mean "${path ? `${path}.` : ''}${near}"?` : ''}`,
        `The thresholds are: ${known.join(', ')} (README: Early warning).`,
      );
    }
    const d = defaults[key]!;
    if (typeof d === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw invalid(file, `"${at}" should be a number, 0 or more; it is ${JSON.stringify(v)}.`);
      out[key] = v;
    } else out[key] = overlay(file, d, v, at);
  }
  return out;
}

export function parseThresholds(text: string, file: string): WarnThresholds {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not valid JSON (${(error as Error).message}).`);
  }
  return overlay(file, WARN_DEFAULTS as unknown as Tree, doc, '') as unknown as WarnThresholds;
}

export async function readThresholds(file: string | null): Promise<WarnThresholds> {
  if (file === null) return WARN_DEFAULTS;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `--thresholds ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}.`,
      'Check the path; a path in the config file is relative to its folder.',
      { file },
    );
  }
  return parseThresholds(text, file);
}
