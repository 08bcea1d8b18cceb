/**
 * `--thresholds FILE` (or "thresholds" in complaints.config.json): a JSON file holding any part
 * of the early warning's thresholds (metrics/warn/thresholds.ts), laid over the defaults. Every
 * key is checked: a misspelt one would silently leave a default in force.
 */
import { readFile } from 'node:fs/promises';
import { InputError, said, type Said } from '../errors.js';
import { notJson } from '../metrics/targets.js';
import { WARN_DEFAULTS, type WarnThresholds } from '../metrics/warn/thresholds.js';
import { closest } from '../settings/suggest.js';
import { withoutBom } from '../json-problem.js';

type Tree = { [key: string]: number | Tree };

function invalid(file: string, message: Said, hint?: Said): InputError {
  return new InputError(
    'CONFIG_INVALID',
    said(`${file}：${message.zh}`, `${file}: ${message.en}`),
    hint,
    { file },
  );
}

/** `value` laid over `defaults`, key by key, each a number ≥ 0 where the default is a number. */
function overlay(file: string, defaults: Tree, value: unknown, path: string): Tree {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(
      file,
      said(
        `${path || '文件'}应为阈值组成的对象。`,
        `${path || 'the file'} should be an object of thresholds.`,
      ),
    );
  const out: Tree = { ...defaults };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    const known = Object.keys(defaults);
    if (!(key in defaults)) {
      const near = closest(key, known);
      throw invalid(
        file,
        said(
          `不认识的阈值 "${at}"${near ? `；是不是 "${path ? `${path}.` : ''}${near}"？` : '。'}`,
          `unknown threshold "${at}"${near ? `; did you mean "${path ? `${path}.` : ''}${near}"?` : ''}`,
        ),
        said(
          `可用的阈值：${known.join('、')}（见 README 的 Early warning 一节）。`,
          `The thresholds are: ${known.join(', ')} (README: Early warning).`,
        ),
      );
    }
    const d = defaults[key]!;
    if (typeof d === 'number') {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw invalid(
          file,
          said(
            `"${at}" 应为 0 或以上的数字，现在是 ${JSON.stringify(v)}。`,
            `"${at}" should be a number, 0 or more; it is ${JSON.stringify(v)}.`,
          ),
        );
      out[key] = v;
    } else out[key] = overlay(file, d, v, at);
  }
  return out;
}

export function parseThresholds(text: string, file: string): WarnThresholds {
  text = withoutBom(text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw invalid(file, notJson(error, text));
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
      said(
        `阈值文件 ${file}（--thresholds）：${code === 'ENOENT' ? '文件不存在' : `无法读取（${code}）`}。`,
        `--thresholds ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}.`,
      ),
      said(
        '请检查路径；配置文件里的路径是相对于配置文件所在文件夹的。',
        'Check the path; a path in the config file is relative to its folder.',
      ),
      { file },
    );
  }
  return parseThresholds(text, file);
}
