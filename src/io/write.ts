/**
 * Outputs that cannot hurt anything else. A regular file (or a path that does not exist yet) is
 * written to a temporary file in the destination folder and renamed over the target when
 * complete: a crash or a kill never leaves half a file, an existing file is replaced only by a
 * complete one, and keeps its permissions. A FIFO or a character device (/dev/null,
 * /dev/stdout) is written to directly: renaming over it would turn the device into a plain file.
 * A symbolic link keeps pointing where it did: the file it points to is replaced.
 * No output may be one of the files the run reads (guardOutputs), checked before any reading.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, fstatSync, rmSync, type Stats } from 'node:fs';
import {
  access,
  chmod,
  constants,
  lstat,
  open,
  readlink,
  realpath,
  rename,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { OWNER, releaseTemporary, sweepAndSay, temporaryFolder, trackTemporary } from './temp.js';

export interface ResolvedOutput {
  /** As the user named it: used in every message. */
  named: string;
  /** The file really written: a symbolic link's destination. */
  file: string;
  /**
   * replace: temporary file + rename; direct: opened by name and written (FIFO, device);
   * descriptor: written through a descriptor this process already has (/dev/stdout, /dev/fd/3).
   */
  how: 'replace' | 'direct' | 'descriptor';
  /** With how = descriptor: which. */
  fd?: number;
  /** The permissions of the file replaced, kept on its successor; null for a new file. */
  permissions: number | null;
}

function outputError(target: string, what: string, hint: string): InputError {
  return new InputError('OUTPUT_UNWRITABLE', `${target}: ${what}`, hint, { file: target });
}

/** Follows symbolic links to the file they name, also when that file does not exist yet. */
async function destination(target: string): Promise<string> {
  let path = resolve(target);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(path).catch(() => null);
    if (!info?.isSymbolicLink()) return path;
    path = resolve(dirname(path), await readlink(path));
  }
  throw outputError(target, 'too many levels of symbolic links.', 'Name the file itself.');
}

/**
 * Fails early, before any work, when the output cannot be written where asked: a missing or
 * read-only folder, a folder named as the file, or a kind of file that is not written to.
 */
export async function checkWritable(target: string): Promise<ResolvedOutput> {
  // A descriptor of this process (stdout may be a socket, stderr a log opened for appending):
  // opened again by name it would start at offset 0, truncate the log and be overwritten by
  // the process's own next line, so it is written through the descriptor itself.
  const fd = descriptorOf(resolve(target));
  if (fd !== null) return { named: target, file: target, how: 'descriptor', fd, permissions: null };
  // stat follows links as the kernel does, also /dev/stdout's into /proc.
  const info: Stats | null = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    throw outputError(
      target,
      'is a folder; an output must name a file.',
      'Name a file inside that folder, with the extension of the format you want.',
    );
  }
  // A device or FIFO is written where it is: renamed over, it would become a plain file.
  if (info && (info.isFIFO() || info.isCharacterDevice())) {
    return { named: target, file: target, how: 'direct', permissions: null };
  }
  const file = await destination(target);
  if (info && !info.isFile()) {
    throw outputError(
      target,
      'is neither a regular file nor a pipe or terminal, so it is not written to.',
      'Choose a file name in a folder you may write to.',
    );
  }
  const bytes = Buffer.byteLength(basename(file));
  if (bytes > NAME_MAX) {
    throw outputError(
      target,
      `its name is ${bytes} bytes long, and a file name may have at most ${NAME_MAX}.`,
      'Choose a shorter file name.',
    );
  }
  const folder = dirname(file);
  try {
    const folderInfo = await stat(folder);
    if (!folderInfo.isDirectory()) throw new Error('not a folder');
    await access(folder, constants.W_OK);
  } catch {
    throw new InputError(
      'FILE_UNREADABLE',
      `${target}: cannot write there: the folder ${folder} does not exist or is not writable.`,
      'Create the folder first, or choose another output path.',
      { file: target },
    );
  }
  return { named: target, file, how: 'replace', permissions: info ? info.mode & 0o7777 : null };
}

/** The longest file name, in bytes, of the file systems Linux, macOS and Windows use. */
const NAME_MAX = 255;
const TEMPORARY_PREFIX = '.complaints-tmp-';

/**
 * `.complaints-tmp-<OWNER>-<random>-<the target's name>` (OWNER: host and pid, for the sweep of
 * a killed run's leftovers, io/temp.ts), the name cut (at a character) so that the
 * whole stays within NAME_MAX bytes: a target whose name is near the limit is still written.
 */
function temporaryName(file: string): string {
  const head = `${TEMPORARY_PREFIX}${OWNER}-${randomBytes(4).toString('hex')}-`;
  let name = basename(file);
  while (Buffer.byteLength(head + name) > NAME_MAX) name = [...name].slice(0, -1).join('');
  return head + name;
}

function descriptorOf(path: string): number | null {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const m = /^\/(?:dev\/fd|proc\/self\/fd|proc\/\d+\/fd)\/(\d+)$/.exec(path);
  if (!m) return null;
  // /proc/PID/fd/N is ours only for our own PID.
  const pid = /^\/proc\/(\d+)\//.exec(path)?.[1];
  return pid === undefined || Number(pid) === process.pid ? Number(m[1]) : null;
}

async function writeToDescriptor(fd: number, from: string): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
  if (stream) {
    for await (const chunk of createReadStream(from)) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    }
    return;
  }
  await pipeline(createReadStream(from), createWriteStream('', { fd, autoClose: false }));
}

/** What a failed write says: the target and the cause in words, never exit 13 or a stack. */
export function writeFailure(target: string, error: unknown): Error {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const causes: Record<string, string> = {
    ENOSPC: 'disk full while writing it',
    EDQUOT: 'disk quota exceeded while writing it',
    EFBIG: 'the file grew larger than this file system allows',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EIO: 'input/output error on the disk while writing it',
    ENOENT: 'its folder is gone, or takes no new file',
  };
  const cause = (code && causes[code]) ?? `writing it failed (${code ?? describe(error)})`;
  return outputError(
    target,
    `${cause}; nothing was written, and any earlier file of that name is unchanged.`,
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some space on that disk, or write the output elsewhere, and run again.'
      : 'Check the folder and its permissions, or write the output elsewhere, and run again.',
  );
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 80);
}

/**
 * A file being written: a registered temporary file that `commit` puts in place of the target
 * (renamed over a regular file, copied into a FIFO or device) and `abort` removes.
 */
export class OutputFile {
  private constructor(
    readonly target: ResolvedOutput,
    readonly temporary: string,
    /** The temporary is alone in a folder of its own (temporaryFolder), removed with it. */
    private readonly ownFolder: boolean,
  ) {
    trackTemporary(ownFolder ? dirname(temporary) : temporary);
  }

  static async open(target: string): Promise<OutputFile> {
    const resolved = await checkWritable(target);
    // Beside the target, so that rename is atomic; a device's folder (/dev) is not ours: its
    // temporary goes in a private folder under TMPDIR.
    const replacing = resolved.how === 'replace';
    if (replacing) sweepAndSay(dirname(resolved.file));
    const folder = replacing ? dirname(resolved.file) : temporaryFolder('out');
    const output = new OutputFile(resolved, join(folder, temporaryName(resolved.file)), !replacing);
    // Made now, so that a folder that takes no new file (/proc, a full inode table) is said
    // plainly here rather than by whichever writer first opens it. 0600 until committed: a
    // partial report is nobody else's to read.
    try {
      await (await open(output.temporary, 'wx', 0o600)).close();
    } catch (error) {
      output.abort();
      throw writeFailure(resolved.named, error);
    }
    return output;
  }

  async commit(): Promise<void> {
    const { file, how, permissions, named } = this.target;
    try {
      if (how === 'direct') {
        await pipeline(createReadStream(this.temporary), createWriteStream(file, { flags: 'w' }));
        this.abort();
        return;
      }
      if (how === 'descriptor') {
        await writeToDescriptor(this.target.fd!, this.temporary);
        this.abort();
        return;
      }
      // The mode the file replaced had, or a new file's (0666 less the umask).
      await chmod(this.temporary, permissions ?? 0o666 & ~process.umask());
      await rename(this.temporary, file);
      releaseTemporary(this.temporary);
    } catch (error) {
      this.abort();
      throw writeFailure(named, error);
    }
  }

  abort(): void {
    const path = this.ownFolder ? dirname(this.temporary) : this.temporary;
    rmSync(path, { recursive: true, force: true });
    releaseTemporary(path);
  }
}

export async function writeFileAtomic(target: string, content: string | Buffer): Promise<void> {
  const output = await OutputFile.open(target);
  try {
    await writeFile(output.temporary, content);
  } catch (error) {
    output.abort();
    throw writeFailure(target, error);
  }
  await output.commit();
}

/** A file the run reads, which no output may overwrite. */
export interface ReadFile {
  path: string;
  /** How the messages call it: "the input", "the targets file" … */
  role: string;
}

async function identity(
  path: string,
): Promise<{ real: string; key: string | null; regular?: boolean }> {
  if (path === '-') {
    // Standard input redirected from a file (< x.csv) is that file.
    const info = (() => {
      try {
        return fstatSync(0);
      } catch {
        return null;
      }
    })();
    return { real: '', key: info?.isFile() ? `${info.dev}:${info.ino}` : null };
  }
  const real = await realpath(path).catch(() => resolve(path));
  const info = await stat(real).catch(() => null);
  // Devices and pipes (/dev/null, a FIFO) take any number of outputs.
  return { real, key: info ? `${info.dev}:${info.ino}` : null, regular: info?.isFile() ?? true };
}

/**
 * Refuses, before anything is read, an output that is one of the files the run reads: by path
 * after following `..` and symbolic links, and by inode (a hard link is the same file too).
 */
export async function guardOutputs(
  outputs: readonly (string | null | undefined)[],
  reads: readonly ReadFile[],
): Promise<void> {
  const read = await Promise.all(
    reads
      .filter((r) => r.path !== '')
      .map(async (r) => ({
        ...r,
        path: r.path === '-' ? 'read from standard input' : r.path,
        ...(await identity(r.path)),
      })),
  );
  const written = new Map<string, string>();
  for (const output of outputs) {
    if (output === null || output === undefined || output === '-') continue;
    const file = await destination(output);
    const target = await identity(file);
    // A file that does not exist yet is named by its real folder and its name.
    const real =
      target.key === null
        ? join(await realpath(dirname(file)).catch(() => dirname(file)), basename(file))
        : target.real;
    // Two outputs of one run on one file: the second would replace the first without a word.
    const twice = written.get(real);
    if (twice !== undefined && target.regular !== false && descriptorOf(real) === null) {
      throw new InputError(
        'BAD_OPTION',
        `${output}: this file is named for two outputs (also as ${twice}); the second would replace the first.`,
        'Give each output its own file name; nothing was read or written.',
        { file: output },
      );
    }
    written.set(real, output);
    const clash = read.find(
      (r) => (r.real !== '' && r.real === real) || (r.key !== null && r.key === target.key),
    );
    if (clash) {
      throw new InputError(
        'OUTPUT_IS_INPUT',
        `${output}: this output is ${clash.role} ${clash.path}; writing it would destroy that file.`,
        'Choose another output file name; nothing was read or written.',
        { file: output },
      );
    }
  }
}
