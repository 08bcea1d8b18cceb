/**
 * The inputs of a run, expanded into the files it reads, in reading order: on the command line
 * a folder reads the exports inside it and a quoted glob is expanded (Windows shells pass
 * 'exports/*.xlsx' as it is typed); the config file's "inputs" are globs, paths and folders
 * relative to its folder.
 */
import { statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError, said } from '../errors.js';
import { isOwnReport } from '../io/own-report.js';

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

/** The extensions of the exports a folder is read for. */
export const EXPORT_EXTENSIONS = ['.xlsx', '.csv', '.txt'] as const;

/** A folder or glob given as an input, and what it was expanded into. */
export interface ExpandedInput {
  /** As typed (command line) or written (config file). */
  given: string;
  kind: 'folder' | 'glob';
  /** The files read, in reading order, as paths the messages show. */
  files: string[];
  /**
   * Files in a folder that are not exports (notes.docx, an old .xls), and reports of this tool
   * a folder or pattern holds, by their path.
   */
  leftOut: string[];
  /** Files of the folder or pattern that an option names (--targets …), left out: not exports. */
  sideFiles?: SideFile[];
}

/** A file given with its own option (--targets, --corrections …), and that option. */
export interface SideFile {
  file: string;
  option: string;
}

/**
 * A report of this tool among the exports, by its sheets (概览 then 单位), whatever its name: a
 * workbook written into a folder that is read as an input (`complaints report . --out r.xlsx`)
 * would otherwise be read as an export by next month's run. Left out of a folder or pattern, and
 * named as left out; a file named on its own is read (and then said to be a report).
 */
async function isLeftOutReport(path: string): Promise<boolean> {
  return extname(path).toLowerCase() === '.xlsx' && (await isOwnReport(path));
}

/** A folder's identity (device and inode, links followed), or null when it is not there (yet). */
function folderKey(path: string): string | null {
  try {
    const info = statSync(path);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * The path of `file` (absolute) below `folder`, found by the folders' identity rather than their
 * spelling: a symbolic link to the folder, a bind mount or another case on a case-insensitive
 * disk names the same folder (review hostile9). Null when the file is not below it.
 */
function pathBelow(folder: string, file: string): string | null {
  const key = folderKey(folder);
  if (key === null) return null;
  const parts = [basename(file)];
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (folderKey(dir) === key) return parts.reverse().join(sep);
    if (dirname(dir) === dir) return null;
    parts.push(basename(dir));
  }
}

/**
 * Whether a folder or pattern input, as given relative to `dir`, would read `file` (absolute):
 * an export below the folder, not hidden, or a name the pattern matches. Outputs are checked
 * against it, so that this run's table is not next run's "export"; by spelling, and by the
 * folders' identity, so that a link to the folder is no way round it.
 */
export function inputWouldRead(given: string, file: string, dir: string): boolean {
  if (isDynamicPattern(given)) {
    // Relative patterns are matched against relative names, so the folder's own name may hold
    // characters a glob would read (brackets, parentheses).
    const name = isAbsolute(given) ? file : relative(dir, file);
    const pattern = given.split(sep).join('/');
    if (picomatch(pattern)(name.split(sep).join('/'))) return true;
    // The part after the pattern's fixed folder, matched below that folder wherever it is.
    const { base, rest } = splitPattern(pattern, dir);
    const below = pathBelow(base, file);
    return below !== null && picomatch(rest)(below.split(sep).join('/'));
  }
  const folder = resolve(dir, given);
  if (file === folder) return true;
  const textual = relative(folder, file);
  const below =
    textual !== '' && !textual.startsWith('..') && !isAbsolute(textual)
      ? textual
      : pathBelow(folder, file);
  if (below === null || below === '') return false;
  const exported = (EXPORT_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
  return exported && !below.split(sep).some((part) => part.startsWith('.'));
}

/**
 * A CSV output (the units table) where a folder or pattern input of this run would read it:
 * the next run with the same command would take it for an export and stop. Refused before
 * reading. (A report workbook there is fine: reports are recognised by their sheets and left
 * out; `workbooks`: a workbook too — classify's rows, which are no report and read as an export.)
 */
export function refuseTableInputsWouldRead(
  output: string | null | undefined,
  expanded: readonly ExpandedInput[],
  cwd: string,
  workbooks = false,
): void {
  const tables = workbooks ? /\.(csv|txt|xlsx)$/i : /\.(csv|txt)$/i;
  if (!output || output === '-' || !tables.test(output)) return;
  const file = resolve(cwd, output);
  const input = expanded.find((e) => inputWouldRead(e.given, file, cwd));
  if (input) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `${output}：下次运行时，输入 ${input.given} 会把这个表当作导出文件读取。`,
        `${output}: the input ${input.given} would read this table as an export the next time it runs.`,
      ),
      said(
        '请把它写到导出文件的文件夹之外（或用更窄的模式指定导出文件）；没有读取或写入任何文件。',
        'Write it outside the folder of exports (or name the exports by a narrower pattern); nothing was read or written.',
      ),
      { file: output },
    );
  }
}

/** Hidden files and folders, Excel's lock files (~$name.xlsx, there while a workbook is open). */
function skipped(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

/**
 * The exports in `folder` and its subfolders (hidden ones are not entered), as paths joined to
 * `shown` (the folder as the user named it), sorted with numbers compared as numbers; and the
 * other files, left out.
 */
export async function listFolder(
  folder: string,
  shown: string,
): Promise<{ files: string[]; leftOut: string[] }> {
  const files: string[] = [];
  const leftOut: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(join(folder, sub), { withFileTypes: true })) {
      if (skipped(entry.name)) continue;
      const path = join(sub, entry.name);
      // A link to a file is read as the file; links to folders are not followed (no loops).
      const isFile =
        entry.isFile() ||
        (entry.isSymbolicLink() && (await stat(join(folder, path)).catch(() => null))?.isFile());
      if (entry.isDirectory()) await walk(path);
      else if (isFile) {
        const isExport =
          (EXPORT_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase()) &&
          !(await isLeftOutReport(join(folder, path)));
        (isExport ? files : leftOut).push(join(shown, path));
      }
    }
  };
  await walk('');
  return { files: files.sort(comparePaths), leftOut: leftOut.sort(comparePaths) };
}

/**
 * The command line's inputs: a file is taken as typed (a missing one is named when it is read);
 * a folder gives the exports inside it (listFolder); a glob that names no file is expanded,
 * relative to `cwd`, sorted as listFolder sorts. The order of the arguments is kept (the later
 * copy of a work order wins), and a file reached twice through folders or globs is read once.
 * A glob matching nothing, or a folder without exports, is an InputError (exit 2).
 */
export async function expandCommandLine(
  args: readonly string[],
  cwd: string,
): Promise<{ inputs: string[]; expanded: ExpandedInput[] }> {
  const inputs: string[] = [];
  const expanded: ExpandedInput[] = [];
  const seen = new Set<string>();
  const add = (files: string[]) => {
    const fresh = files.filter((f) => !seen.has(resolve(cwd, f)));
    for (const f of fresh) seen.add(resolve(cwd, f));
    inputs.push(...fresh);
    return fresh;
  };
  if (args.filter((a) => a === '-').length > 1) {
    throw new InputError(
      'BAD_OPTION',
      said(
        '-（标准输入）给了不止一次，它只能读取一次。',
        '- (standard input) is given more than once; it can be read only once.',
      ),
      said(
        '请只给一次 -，其他导出文件请给出文件名。',
        'Give - once, and the other exports as files.',
      ),
    );
  }
  for (const arg of args) {
    const info = arg === '-' ? null : await stat(resolve(cwd, arg)).catch(() => null);
    if (info?.isDirectory()) {
      const { files, leftOut } = await listFolder(resolve(cwd, arg), arg);
      if (files.length === 0) {
        const others = leftOut.length > 0;
        throw new InputError(
          'FILE_NOT_FOUND',
          said(
            `${arg}：这个文件夹中没有导出文件（.xlsx、.csv 或 .txt）${others ? `，只有 ${leftOut.length} 个其他文件，如 ${leftOut[0]}` : ''}。`,
            `${arg}: this folder holds no export (.xlsx, .csv or .txt)${others ? `, only ${leftOut.length} other file(s) such as ${leftOut[0]}` : ''}.`,
          ),
          said(
            '请给出导出文件所在的文件夹，或直接给出文件。',
            'Give the folder the exports are in, or the files themselves.',
          ),
          { file: arg },
        );
      }
      expanded.push({ given: arg, kind: 'folder', files: add(files), leftOut });
      continue;
    }
    const pattern = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
    if (info || arg === '-' || !isDynamicPattern(pattern)) {
      inputs.push(arg);
      seen.add(resolve(cwd, arg));
      continue;
    }
    const { files, leftOut } = await expandGlob(pattern, cwd);
    if (files.length === 0) {
      throw new InputError(
        'FILE_NOT_FOUND',
        said(`${arg}：没有文件匹配这个模式。`, `${arg}: no file matches this pattern.`),
        said(
          '请检查文件夹和扩展名（模式相对于工作目录）。',
          'Check the folder and the extension (patterns are relative to the working directory).',
        ),
        { file: arg },
      );
    }
    expanded.push({ given: arg, kind: 'glob', files: add(files), leftOut });
  }
  return { inputs, expanded };
}

/**
 * The files a glob matches, relative to cwd as the pattern is (absolute if it is); this tool's
 * reports among them are left out.
 */
async function expandGlob(
  pattern: string,
  cwd: string,
): Promise<{ files: string[]; leftOut: string[] }> {
  const { base, rest } = splitPattern(pattern, cwd);
  if (!(await stat(base).catch(() => null))?.isDirectory()) return { files: [], leftOut: [] };
  const matches = await glob(rest, {
    cwd: base,
    absolute: true,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ['**/~$*'],
  });
  const shown = (file: string) =>
    pattern.startsWith('/') || /^[A-Za-z]:/.test(pattern) ? file : relative(cwd, file);
  const files = matches.map((m) => shown(resolve(m))).sort(comparePaths);
  const reports = new Set<string>();
  for (const f of files) if (await isLeftOutReport(resolve(cwd, f))) reports.add(f);
  return {
    files: files.filter((f) => !reports.has(f)),
    leftOut: files.filter((f) => reports.has(f)),
  };
}

/**
 * Expands the config file's `inputs` relative to dir (absolute paths work too) in the order they
 * are listed, as the command line's are (the later copy of a work order counts, so a list can put
 * a re-export last); the files of one folder or glob sorted by path with numbers compared as
 * numbers (monthly exports named by date are read oldest first); each file once, where first named. A path that names an existing file is taken as it is, even with glob
 * characters in its name; a folder gives the exports inside it (listFolder). Globs skip Excel's
 * lock files (~$name.xlsx, there while the workbook is open) and hidden files. A glob matching
 * nothing, a folder without exports, or a missing file, is an InputError naming it.
 */
export async function resolveInputs(patterns: string[], dir: string): Promise<string[]> {
  const found = new Set<string>();
  const relativeHint = said(
    '配置文件中的路径相对于配置文件所在的文件夹。',
    "Paths in the config file are relative to the config file's folder.",
  );
  for (const pattern of patterns) {
    const shown = JSON.stringify(pattern);
    const literal = resolve(dir, pattern);
    const info = await stat(literal).catch(() => null);
    if (info?.isFile()) {
      found.add(literal);
      continue;
    }
    if (info?.isDirectory()) {
      const { files } = await listFolder(literal, literal);
      if (files.length === 0) {
        throw new InputError(
          'FILE_NOT_FOUND',
          said(
            `"inputs"：${shown} 是 ${dir} 中的文件夹，其中没有导出文件（.xlsx、.csv 或 .txt）。`,
            `"inputs": ${shown} is a folder in ${dir} that holds no export (.xlsx, .csv or .txt).`,
          ),
          relativeHint,
          { file: literal },
        );
      }
      for (const file of files) found.add(file);
      continue;
    }
    const globPattern = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
    if (!isDynamicPattern(globPattern)) {
      throw new InputError(
        'FILE_NOT_FOUND',
        said(
          `"inputs"：${dir} 中没有文件 ${shown}。`,
          `"inputs": ${shown}: no such file in ${dir}.`,
        ),
        relativeHint,
        { file: literal },
      );
    }
    const { base, rest } = splitPattern(globPattern, dir);
    const baseInfo = await stat(base).catch(() => null);
    if (!baseInfo?.isDirectory()) {
      throw new InputError(
        'FILE_NOT_FOUND',
        said(
          `"inputs"：${shown} 没有匹配到文件：文件夹 ${base} 不存在。`,
          `"inputs": ${shown} matched no file: there is no folder ${base}.`,
        ),
        said(
          '模式相对于配置文件所在的文件夹。',
          "Patterns are relative to the config file's folder.",
        ),
      );
    }
    const matches = await glob(rest, {
      cwd: base,
      absolute: true,
      onlyFiles: true,
      expandDirectories: false,
      ignore: ['**/~$*'],
    });
    // This tool's reports among them are left out, as on the command line (expandGlob).
    const exports: string[] = [];
    for (const match of matches)
      if (!(await isLeftOutReport(resolve(match)))) exports.push(resolve(match));
    if (exports.length === 0) {
      const reports = matches.length > 0;
      throw new InputError(
        'FILE_NOT_FOUND',
        said(
          `"inputs"：${shown} 在 ${dir} 中没有匹配到导出文件${reports ? `，只有 ${matches.length} 个 complaints 生成的报告` : ''}。`,
          `"inputs": ${shown} matched no file in ${dir}${reports ? `, only ${matches.length} report(s) of complaints` : ''}.`,
        ),
        said(
          '模式相对于配置文件所在的文件夹；请检查文件夹和扩展名。',
          "Patterns are relative to the config file's folder; check the folder and the extension.",
        ),
      );
    }
    for (const file of exports.sort(comparePaths)) found.add(file);
  }
  return [...found];
}

/** An input left out because an earlier one is the same file under another name. */
export interface SameFile {
  file: string;
  as: string;
}

/**
 * The inputs with each file once: a hard link, a symbolic link or another spelling of a file
 * read earlier is left out (by device and inode, after links), and named with the input it
 * repeats — read twice, every work order of it counted as a duplicate (review3 #9). Files that
 * cannot be looked at stay, for the reading to report; stdin (-) stays.
 */
export async function onceEach(
  files: readonly string[],
  cwd: string,
): Promise<{ files: string[]; same: SameFile[] }> {
  const seen = new Map<string, string>();
  const kept: string[] = [];
  const same: SameFile[] = [];
  for (const file of files) {
    const info = file === '-' ? null : await stat(resolve(cwd, file)).catch(() => null);
    const key = info?.isFile() ? `${info.dev}:${info.ino}` : null;
    const earlier = key === null ? undefined : seen.get(key);
    if (earlier !== undefined) {
      same.push({ file, as: earlier });
      continue;
    }
    if (key !== null) seen.set(key, file);
    kept.push(file);
  }
  return { files: kept, same };
}

/** The words for an input read once: zh and en. */
export function sameFileText(s: SameFile, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `${s.file} 与 ${s.as} 是同一个文件，只读取一次。`
    : `${s.file} is the same file as ${s.as}: read once.`;
}

/**
 * The inputs without the files that their own options name (--targets exports/targets.csv beside
 * `exports/` as the input): a folder or a pattern, the command line's or the config file's, lists
 * them with the exports, and read as exports they stopped the run ("no 受理时间 column"). Left out
 * by identity (device and inode), so that any spelling of the path matches; a file named on its
 * own as an input stays, for the reader to say what it is. `side`: absolute paths; `cwd`: what
 * the inputs are relative to.
 */
export async function leaveOutSideFiles(
  found: { inputs: string[]; expanded: ExpandedInput[] },
  side: readonly SideFile[],
  cwd: string,
  fromConfig: boolean,
): Promise<{ inputs: string[]; expanded: ExpandedInput[] }> {
  const keyOf = async (file: string): Promise<string | null> => {
    const info = await stat(resolve(cwd, file)).catch(() => null);
    return info?.isFile() ? `${info.dev}:${info.ino}` : null;
  };
  const options = new Map<string, string>();
  for (const s of side) {
    const key = await keyOf(resolve(s.file));
    if (key !== null && !options.has(key)) options.set(key, s.option);
  }
  if (options.size === 0) return found;
  const optionOf = async (file: string) => {
    const key = await keyOf(file);
    return key === null ? undefined : options.get(key);
  };
  const out = new Set<string>();
  const expanded: ExpandedInput[] = [];
  for (const e of found.expanded) {
    const files: string[] = [];
    const sideFiles: SideFile[] = [...(e.sideFiles ?? [])];
    for (const file of e.files) {
      const option = await optionOf(file);
      if (option === undefined) files.push(file);
      else {
        sideFiles.push({ file, option });
        out.add(file);
      }
    }
    expanded.push(sideFiles.length > 0 ? { ...e, files, sideFiles } : e);
  }
  // The config file's inputs are all patterns and folders; the command line's files named on
  // their own are not in `expanded`, and stay.
  if (fromConfig) for (const file of found.inputs) if (await optionOf(file)) out.add(file);
  return { inputs: found.inputs.filter((f) => !out.has(f)), expanded };
}
