/**
 * The config file's "inputs": globs and paths relative to its folder, expanded into the files a
 * run reads, in reading order.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';

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
        { file: literal },
      );
    }
    const globPattern = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
    if (!isDynamicPattern(globPattern)) {
      throw new InputError(
        'FILE_NOT_FOUND',
        `"inputs": ${JSON.stringify(pattern)}: no such file in ${dir}.`,
        "Paths in the config file are relative to the config file's folder.",
        { file: literal },
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
