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
import { InputError, said, type Said } from '../errors.js';
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

export function outputError(target: string, what: Said, hint: Said): InputError {
  return new InputError(
    'OUTPUT_UNWRITABLE',
    said(`${target}：${what.zh}`, `${target}: ${what.en}`),
    hint,
    { file: target },
  );
}

/** Follows symbolic links to the file they name, also when that file does not exist yet. */
async function destination(target: string): Promise<string> {
  let path = resolve(target);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(path).catch(() => null);
    if (!info?.isSymbolicLink()) return path;
    path = resolve(dirname(path), await readlink(path));
  }
  throw outputError(
    target,
    said('符号链接层数太多。', 'too many levels of symbolic links.'),
    said('请直接给出文件本身。', 'Name the file itself.'),
  );
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
      said('这是文件夹；输出必须是一个文件。', 'is a folder; an output must name a file.'),
      said(
        '请给出该文件夹里的一个文件名，扩展名用想要的格式。',
        'Name a file inside that folder, with the extension of the format you want.',
      ),
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
      said(
        '既不是普通文件，也不是管道或终端，不往里写。',
        'is neither a regular file nor a pipe or terminal, so it is not written to.',
      ),
      said(
        '请在有写入权限的文件夹里选一个文件名。',
        'Choose a file name in a folder you may write to.',
      ),
    );
  }
  const bytes = Buffer.byteLength(basename(file));
  if (bytes > NAME_MAX) {
    throw outputError(
      target,
      said(
        `文件名长 ${bytes} 字节，而文件名最多 ${NAME_MAX} 字节。`,
        `its name is ${bytes} bytes long, and a file name may have at most ${NAME_MAX}.`,
      ),
      said('请换一个短一些的文件名。', 'Choose a shorter file name.'),
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
      said(
        `${target}：无法写到那里：文件夹 ${folder} 不存在或没有写入权限。`,
        `${target}: cannot write there: the folder ${folder} does not exist or is not writable.`,
      ),
      said(
        '请先建好文件夹，或换一个输出路径。',
        'Create the folder first, or choose another output path.',
      ),
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
  const causes: Record<string, Said> = {
    ENOSPC: said('写入时磁盘已满', 'disk full while writing it'),
    EDQUOT: said('写入时超出磁盘配额', 'disk quota exceeded while writing it'),
    EFBIG: said(
      '文件超过了这个文件系统允许的大小',
      'the file grew larger than this file system allows',
    ),
    EROFS: said('文件系统是只读的', 'the file system is read-only'),
    EACCES: said('没有权限', 'permission denied'),
    EPERM: said('没有权限', 'permission denied'),
    EIO: said('写入时磁盘输入/输出出错', 'input/output error on the disk while writing it'),
    ENOENT: said('所在文件夹已不存在，或不能新建文件', 'its folder is gone, or takes no new file'),
  };
  const why = code ?? describe(error);
  const cause =
    (code ? causes[code] : undefined) ?? said(`写入失败（${why}）`, `writing it failed (${why})`);
  return outputError(
    target,
    said(
      `${cause.zh}；什么也没有写入，原来同名的文件保持不变。`,
      `${cause.en}; nothing was written, and any earlier file of that name is unchanged.`,
    ),
    code === 'ENOSPC' || code === 'EDQUOT'
      ? said(
          '请在那个磁盘上腾出空间，或把输出写到别处，然后重新运行。',
          'Free some space on that disk, or write the output elsewhere, and run again.',
        )
      : said(
          '请检查文件夹及其权限，或把输出写到别处，然后重新运行。',
          'Check the folder and its permissions, or write the output elsewhere, and run again.',
        ),
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

/** The roles settings/resolve.ts gives the files a run reads, in Chinese. */
const ROLES_ZH: Record<string, string> = {
  'the input': '输入文件',
  'the config file': '配置文件',
  'the targets file': '考核指标文件',
  'the taxonomy file': '分类体系文件',
  'the model file': '模型文件',
  'the template': '模板',
  'the thresholds file': '阈值文件',
  'the units file': '单位层级文件',
  'the code table': '代码表',
  'the corrections file': '人工更正文件',
  'a file the config file names': '配置文件中指定的文件',
};

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
 * Standard output redirected into a file the run reads (`complaints analyze x.csv --json >> x.csv`)
 * would append the summary or the JSON to the export; with `>` the shell has already emptied it,
 * and "the file is empty" would blame the download. Standard error is not checked: the refusal
 * itself would be written there.
 */
function refuseStdoutIntoRead(
  read: readonly (ReadFile & { key: string | null; stdin: boolean })[],
): void {
  let info: Stats;
  try {
    info = fstatSync(1);
  } catch {
    return;
  }
  if (!info.isFile()) return;
  const clash = read.find((r) => r.key === `${info.dev}:${info.ino}`);
  if (!clash) return;
  const what = clash.stdin
    ? said('标准输入读取的那个文件', 'the file standard input reads')
    : said(`${ROLES_ZH[clash.role] ?? clash.role} ${clash.path}`, `${clash.role} ${clash.path}`);
  throw new InputError(
    'OUTPUT_IS_INPUT',
    said(
      `标准输出被重定向到了${what.zh}，往里写会毁掉那个文件（用 > 时，shell 在运行之前就已把它清空）。`,
      `standard output is redirected to ${what.en}; writing there would destroy that file (with >, the shell emptied it before the run).`,
    ),
    said(
      '请把输出重定向到别的文件（或用 --json 文件名、--out 文件名）；什么也没有读取或写入。',
      'Redirect the output to another file (or use --json FILE, --out FILE); nothing was read or written.',
    ),
    { file: clash.stdin ? '-' : clash.path },
  );
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
        stdin: r.path === '-',
        ...(await identity(r.path)),
      })),
  );
  refuseStdoutIntoRead(read);
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
    // An existing file is known by its inode too: another spelling of its name on a
    // case-insensitive disk (R.json, r.json) or a hard link is the same file.
    const inode = target.key === null ? null : `inode ${target.key}`;
    const twice = written.get(real) ?? (inode === null ? undefined : written.get(inode));
    if (twice !== undefined && target.regular !== false && descriptorOf(real) === null) {
      throw new InputError(
        'BAD_OPTION',
        said(
          `${output}：这个文件被指定给了两个输出（另一个写作 ${twice}），后一个会覆盖前一个。`,
          `${output}: this file is named for two outputs (also as ${twice}); the second would replace the first.`,
        ),
        said(
          '请给每个输出各自的文件名；什么也没有读取或写入。',
          'Give each output its own file name; nothing was read or written.',
        ),
        { file: output },
      );
    }
    written.set(real, output);
    if (inode !== null) written.set(inode, output);
    const clash = read.find(
      (r) => (r.real !== '' && r.real === real) || (r.key !== null && r.key === target.key),
    );
    if (clash) {
      throw new InputError(
        'OUTPUT_IS_INPUT',
        said(
          `${output}：这个输出就是${clash.stdin ? `从标准输入读入的${ROLES_ZH[clash.role] ?? clash.role}` : `${ROLES_ZH[clash.role] ?? clash.role} ${clash.path}`}，写入会毁掉那个文件。`,
          `${output}: this output is ${clash.role} ${clash.path}; writing it would destroy that file.`,
        ),
        said(
          '请换一个输出文件名；什么也没有读取或写入。',
          'Choose another output file name; nothing was read or written.',
        ),
        { file: output },
      );
    }
  }
}
