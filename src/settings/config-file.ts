/**
 * The configuration file for unattended (cron) use: `complaints.config.json`, found in the
 * working directory or given with `--config FILE`. It holds the same settings as the command line,
 * under the names commander gives the options (camelCase), plus `inputs`, `out` and a `period`
 * rule that is worked out from today's date on each run (config-validate.ts checks them).
 *
 * Paths in the file are relative to the file's own folder, so a cron job works whatever its
 * working directory. `loadConfig` returns them absolute, except `inputs`: those stay patterns,
 * expanded by `resolveInputs(settings.inputs, loaded.dir)` (inputs.ts).
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
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { InputError, said, type Said } from '../errors.js';
import { jsonSyntax, repeatedKey, zhNotJson } from '../json-problem.js';
import { CONFIG_EXAMPLE, validateConfig } from './config-validate.js';
import { inputWouldRead } from './inputs.js';
import { outputPath } from './output-path.js';
import { daysFromCivil } from '../metrics/calendar.js';
import type { LoadedConfig } from './types.js';

export const CONFIG_FILE = 'complaints.config.json';

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** JSON.parse's message, with its position as line and column where it gives one. */
function jsonProblem(error: unknown, text: string): Said {
  const { reason, place } = jsonSyntax(error, text);
  return said(
    zhNotJson(error, text),
    `not valid JSON${place ? ` at line ${place[0]}, column ${place[1]}` : ''}: ${reason}`,
  );
}

const SAVE_AS_UTF8 = said(
  '请另存为 UTF-8（记事本：另存为，编码选 UTF-8）。',
  'Save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).',
);

async function readConfigText(file: string, shown: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(
      'FILE_UNREADABLE',
      said(
        `${shown}：无法读取（${errorCode(error) ?? error}）。`,
        `${shown}: cannot be read (${errorCode(error) ?? error}).`,
      ),
      undefined,
      { file: shown },
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(
      'CONFIG_INVALID',
      said(
        `${shown}：文件是 UTF-16 编码，配置文件须为 UTF-8。`,
        `${shown}: the file is UTF-16; a config file is UTF-8.`,
      ),
      SAVE_AS_UTF8,
      { file: shown },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(
      'CONFIG_INVALID',
      said(
        `${shown}：不是 UTF-8 文本（可能存成了 GBK），配置文件须为 UTF-8。`,
        `${shown}: not UTF-8 text (saved as GBK?); a config file is UTF-8.`,
      ),
      SAVE_AS_UTF8,
      { file: shown },
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
          said(`--config ${explicit}：文件不存在。`, `--config ${explicit}: no such file.`),
          said(
            `请检查路径；不给 --config 时，使用工作目录中的 ${CONFIG_FILE}。`,
            `Check the path; without --config, ${CONFIG_FILE} in the working directory is used.`,
          ),
          { file: explicit },
        );
      }
      throw new InputError(
        'FILE_UNREADABLE',
        said(
          `--config ${explicit}：无法读取（${errorCode(error) ?? error}）。`,
          `--config ${explicit}: cannot be read (${errorCode(error) ?? error}).`,
        ),
        undefined,
        { file: explicit },
      );
    });
    if (info.isDirectory()) {
      const inside = resolve(file, CONFIG_FILE);
      const found = await stat(inside).then(
        (s) => s.isFile(),
        () => false,
      );
      const meant = `--config ${relative(cwd, inside) || inside}`;
      throw new InputError(
        'FILE_UNREADABLE',
        said(
          `--config ${explicit}：这是文件夹，不是文件。`,
          `--config ${explicit}: is a folder, not a file.`,
        ),
        found ? said(`是不是 ${meant}？`, `Did you mean ${meant}?`) : undefined,
        { file: explicit },
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
    throw new InputError(
      'CONFIG_INVALID',
      said(`${shown}：文件是空的。`, `${shown}: the file is empty.`),
      CONFIG_EXAMPLE,
      { file: shown },
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const problem = jsonProblem(error, text);
    throw new InputError(
      'CONFIG_INVALID',
      said(`${shown}：${problem.zh}`, `${shown}: ${problem.en}.`),
      said(
        'JSON 要用英文双引号 "…"，不能有注释，最后一项后面不能有逗号。',
        'JSON needs "double quotes", no comments and no comma after the last item.',
      ),
      { file: shown },
    );
  }
  refuseRepeatedKey(text, shown);
  const settings = validateConfig(doc, shown);
  const dir = dirname(file);
  for (const key of [
    'targets',
    'model',
    'template',
    'thresholds',
    'out',
    'units',
    'codes',
    'corrections',
  ] as const) {
    const value = settings[key];
    if (typeof value === 'string') settings[key] = resolve(dir, value);
  }
  if (settings.taxonomy !== undefined && isPath(settings.taxonomy)) {
    settings.taxonomy = resolve(dir, settings.taxonomy);
  }
  if (settings.out !== undefined && settings.inputs !== undefined) {
    refuseOutInsideInputs(settings.out, settings.inputs, dir, shown);
  }
  return { file, dir, settings };
}

/** A setting written twice, which JSON.parse would settle by dropping the first without a word. */
function refuseRepeatedKey(text: string, shown: string): void {
  const repeated = repeatedKey(text);
  if (!repeated) return;
  const [first, second] = repeated.lines;
  const { key } = repeated;
  throw new InputError(
    'CONFIG_INVALID',
    first === second
      ? said(
          `${shown}："${key}" 写了两次（第 ${first} 行）；JSON 只会取最后一个。`,
          `${shown}: "${key}" is written twice (line ${first}); JSON would keep only the last.`,
        )
      : said(
          `${shown}："${key}" 写了两次（第 ${first} 行和第 ${second} 行）；JSON 只会取最后一个。`,
          `${shown}: "${key}" is written twice (lines ${first} and ${second}); JSON would keep only the last.`,
        ),
    said(
      '请只保留一个（多个输入文件写在同一个数组里：["a.xlsx", "b.xlsx"]）。',
      'Keep one of them (a list of inputs goes in one array: ["a.xlsx", "b.xlsx"]).',
    ),
    { file: shown },
  );
}

/**
 * An "out" pattern that would write over an input, or whose reports the "inputs" would read as
 * exports next month. As on the command line, a workbook (.xlsx) among the exports is fine: our
 * reports are left out of folders and patterns by their sheets (inputs.ts); an input file named
 * on its own is not, nor another kind of output (.csv, .md …) a folder or pattern would read.
 * Checked on the names the pattern makes for every kind of period (with a sample date).
 */
function refuseOutInsideInputs(out: string, inputs: string[], dir: string, shown: string): void {
  // Every kind of period a run may be asked for, days and weeks too (report --day).
  const periods = [
    ...['2016Q4', '2016-11', '2016', '2016-01_2016-06'].map((label) => ({
      label,
      from: '2016-01',
      to: '2016-12',
    })),
    { label: '2016-06-30', from: '2016-06-30', to: '2016-06-30' },
    { label: '2016-W26', from: '2016-06-27', to: '2016-07-03' },
    { label: '2016-06-01_2016-06-15', from: '2016-06-01', to: '2016-06-15' },
  ];
  const samples = periods.map((p) => outputPath(out, p, daysFromCivil(2016, 12, 4)));
  const workbook = (file: string) => extname(file).toLowerCase() === '.xlsx';
  for (const pattern of inputs) {
    const named = !isDynamicPattern(pattern) && resolve(dir, pattern);
    const over = samples.find((sample) => sample === named);
    const outShown = JSON.stringify(relative(dir, out));
    const inputShown = JSON.stringify(pattern);
    if (over) {
      throw new InputError(
        'CONFIG_INVALID',
        said(
          `${shown}："out" ${outShown} 会覆盖输入文件 ${inputShown}（${relative(dir, over)}）。`,
          `${shown}: "out" ${outShown} would write over the input ${inputShown} (${relative(dir, over)}).`,
        ),
        said('请把报告写到别的文件名或文件夹。', 'Write the reports to another name or folder.'),
        { file: shown },
      );
    }
    const hit = samples.find((sample) => !workbook(sample) && inputWouldRead(pattern, sample, dir));
    if (hit) {
      throw new InputError(
        'CONFIG_INVALID',
        said(
          `${shown}："out" ${outShown} 写出的报告会被 "inputs" ${inputShown} 当作导出文件读取（例如 ${relative(dir, hit)}）。`,
          `${shown}: "out" ${outShown} writes reports that "inputs" ${inputShown} would read as exports (e.g. ${relative(dir, hit)}).`,
        ),
        said(
          '请把报告写到别的文件夹，或把 inputs 的模式收窄到导出文件（工作簿报告 .xlsx 可以放在其中：按工作表识别，不会被读取）。',
          'Write the reports to another folder, or narrow the inputs pattern to the exports (a workbook report, .xlsx, may stay among them: it is left out by its sheets).',
        ),
        { file: shown },
      );
    }
  }
}
