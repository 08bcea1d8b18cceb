/**
 * Atomic output: write to a temporary file in the destination folder, then rename over the
 * target. A crash or a kill never leaves half a file, and an existing file is replaced only
 * by a complete one.
 */
import { randomBytes } from 'node:crypto';
import { access, constants, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export function temporaryPathFor(target: string): string {
  return join(
    dirname(target),
    `.complaints-tmp-${randomBytes(6).toString('hex')}-${basename(target)}`,
  );
}

/** Fails early, before any work, when the output cannot be written where asked. */
export async function checkWritable(target: string): Promise<void> {
  const folder = dirname(target);
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw new Error('not a folder');
    await access(folder, constants.W_OK);
  } catch {
    throw new InputError(
      'FILE_UNREADABLE',
      `${target}: cannot write there: the folder ${folder} does not exist or is not writable.`,
      'Create the folder first, or choose another output path.',
    );
  }
}

export async function writeFileAtomic(target: string, content: string | Buffer): Promise<void> {
  await checkWritable(target);
  const temporary = temporaryPathFor(target);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
