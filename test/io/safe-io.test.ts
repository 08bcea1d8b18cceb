/**
 * Temporary files, signals and inputs that change (review 3, items 1, 2, 3, 7 and 8), with real
 * files and the real program: a FIFO without its other end does not keep a signal from ending
 * the run; temporaries are private (0700 folders, 0600 files) and named with host and pid; a
 * later run sweeps what a `kill -9` left, and nothing else; a TMPDIR that cannot be used is a
 * plain exit 2; an input that changes while it is read is refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import type { IngestSettings } from '../../src/ingest/types.js';
import { unchangedWhileRead } from '../../src/io/source.js';
import { OWNER, sweepStale } from '../../src/io/temp.js';
import { OutputFile } from '../../src/io/write.js';
import { complaints, isPlainError, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'safeio-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BIN = join(ROOT, 'bin/complaints.js');
const XLSX = join(ROOT, 'fixtures/95598-2016-09-11.xlsx');
const CSV = join(ROOT, 'fixtures/95598-2016-08-pinyin.csv');
const HOST = OWNER.slice(0, 4);
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
const isRoot = process.getuid?.() === 0;

function fresh(name: string): string {
  return mkdtempSync(join(dir, `${name}-`));
}

function fifo(path: string): string {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

/** A pid that no process has now: one of a child that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

/** The program started, a signal sent after `ms`; how it ended and how long that took. */
async function signalled(args: string[], env: Record<string, string>, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  // Started and blocked in open(): node's start and the reading up to there take well under this.
  await new Promise((r) => setTimeout(r, 2500));
  const sent = Date.now();
  child.kill(signal);
  const timeout = new Promise<null>((r) => setTimeout(() => r(null), 8000));
  const result = await Promise.race([ended, timeout]);
  if (result === null) child.kill('SIGKILL');
  return { result, ms: Date.now() - sent, stderr };
}

describe('a signal ends a run blocked on a FIFO (item 1)', () => {
  it.skipIf(!hasMkfifo)(
    'SIGTERM with a FIFO input that nobody writes: ended by the signal (143 in a shell) (skipped without mkfifo)',
    async () => {
      const d = fresh('fifo-in');
      const input = fifo(join(d, 'in.csv'));
      const tmp = fresh('tmp');
      const run = await signalled(['analyze', input, '--no-hot-words'], { TMPDIR: tmp }, 'SIGTERM');
      expect(run.result).toEqual({ code: null, signal: 'SIGTERM' });
      expect(readdirSync(tmp)).toEqual([]);
    },
    20_000,
  );

  it.skipIf(!hasMkfifo)(
    'SIGINT with a FIFO output that nobody reads: ended, its temporary removed (skipped without mkfifo)',
    async () => {
      const d = fresh('fifo-out');
      const out = fifo(join(d, 'out.csv'));
      const tmp = fresh('tmp');
      const run = await signalled(['classify', XLSX, '--out', out], { TMPDIR: tmp }, 'SIGINT');
      expect(run.result).toEqual({ code: null, signal: 'SIGINT' });
      expect(readdirSync(tmp)).toEqual([]);
    },
    20_000,
  );
});

describe('temporaries are private (item 2)', () => {
  it.skipIf(!hasMkfifo)(
    'output to a FIFO is kept in a 0700 folder of TMPDIR as a 0600 file until a reader comes (skipped without mkfifo)',
    async () => {
      const d = fresh('fifo-private');
      const out = fifo(join(d, 'out.csv'));
      const tmp = fresh('tmp');
      const child = spawn(process.execPath, [BIN, 'classify', XLSX, '--out', out], {
        env: { ...process.env, TMPDIR: tmp },
        stdio: 'ignore',
      });
      const ended = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      // Written whole to the temporary, then blocked opening the FIFO. The folder is made
      // before the file in it: wait for both (on a loaded machine a look can fall between).
      let folders: string[] = [];
      const holdsFile = () => folders.length > 0 && readdirSync(join(tmp, folders[0]!)).length > 0;
      for (let i = 0; i < 200 && !holdsFile(); i++) {
        await new Promise((r) => setTimeout(r, 50));
        folders = readdirSync(tmp).filter((f) => f.startsWith('complaints-out-'));
      }
      expect(folders).toHaveLength(1);
      expect(folders[0]).toMatch(new RegExp(`^complaints-out-${HOST}-${child.pid}-`));
      expect(statSync(join(tmp, folders[0]!)).mode & 0o777).toBe(0o700);
      const [file] = readdirSync(join(tmp, folders[0]!));
      expect(file).toMatch(
        new RegExp(`^\\.complaints-tmp-${HOST}-${child.pid}-[0-9a-f]{8}-out\\.csv$`),
      );
      expect(statSync(join(tmp, folders[0]!, file!)).mode & 0o777).toBe(0o600);
      // A reader: the rows come through the FIFO, and the temporary goes.
      const text = readFileSync(out, 'utf8');
      expect(await ended).toBe(0);
      expect(text.split('\n').length).toBeGreaterThan(100);
      expect(readdirSync(tmp)).toEqual([]);
    },
    30_000,
  );

  it('the temporary beside a target is 0600 until committed; then the mode of a new file, or the one replaced', async () => {
    const d = fresh('modes');
    const umask = process.umask();
    const target = join(d, 'new.csv');
    const output = await OutputFile.open(target);
    expect(output.temporary).toMatch(
      new RegExp(`/\\.complaints-tmp-${OWNER}-[0-9a-f]{8}-new\\.csv$`),
    );
    expect(statSync(output.temporary).mode & 0o777).toBe(0o600);
    writeFileSync(output.temporary, 'a\n');
    await output.commit();
    expect(statSync(target).mode & 0o777).toBe(0o666 & ~umask);
    const kept = join(d, 'kept.csv');
    writeFileSync(kept, 'old\n', { mode: 0o640 });
    const again = await OutputFile.open(kept);
    expect(statSync(again.temporary).mode & 0o777).toBe(0o600);
    writeFileSync(again.temporary, 'new\n');
    await again.commit();
    expect(statSync(kept).mode & 0o777).toBe(0o640);
    expect(readFileSync(kept, 'utf8')).toBe('new\n');
    expect(readdirSync(d).sort()).toEqual(['kept.csv', 'new.csv']);
  });
});

describe('leftovers of a killed run are swept (item 3)', () => {
  /** Our names for a process `pid` of host `host`. */
  function leftovers(tmp: string, out: string, host: string, pid: number, tag: string) {
    mkdirSync(join(tmp, `complaints-detail-${host}-${pid}-${tag}`));
    writeFileSync(join(tmp, `complaints-detail-${host}-${pid}-${tag}`, 'main-0.bin'), 'rows');
    writeFileSync(join(out, `.complaints-tmp-${host}-${pid}-0123abcd-r-${tag}.xlsx`), 'part');
  }

  it('removes the ones of this host whose process is gone, and says so in one line per folder', () => {
    const tmp = fresh('tmp');
    const out = fresh('out');
    const dead = deadPid();
    leftovers(tmp, out, HOST, dead, 'dead');
    // Not ours to remove: a live process's, another host's, the old naming, a symbolic link
    // with our naming, someone else's folder.
    leftovers(tmp, out, HOST, process.pid, 'live');
    const other = HOST === 'ffff' ? '0000' : 'ffff';
    leftovers(tmp, out, other, dead, 'other');
    writeFileSync(join(out, '.complaints-tmp-b19dd3f6551b-old.csv'), 'old');
    mkdirSync(join(tmp, 'precious'));
    writeFileSync(join(tmp, 'precious', 'keep'), 'keep');
    symlinkSync(join(tmp, 'precious'), join(tmp, `complaints-spool-${HOST}-${dead}-link`));
    mkdirSync(join(tmp, 'complaints-parallel-signal-x'));
    const run = complaints(['classify', XLSX, '--out', join(out, 'c.csv')], {
      env: { TMPDIR: tmp },
    });
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.includes('已删除'));
    expect(lines).toEqual([
      `complaints: 已删除此前被强行终止的运行留在 ${tmp} 的临时文件 1 个：complaints-detail-${HOST}-${dead}-dead`,
      `complaints: 已删除此前被强行终止的运行留在 ${out} 的临时文件 1 个：.complaints-tmp-${HOST}-${dead}-0123abcd-r-dead.xlsx`,
    ]);
    expect(readdirSync(tmp).sort()).toEqual(
      [
        `complaints-detail-${HOST}-${process.pid}-live`,
        `complaints-detail-${other}-${dead}-other`,
        `complaints-spool-${HOST}-${dead}-link`,
        'complaints-parallel-signal-x',
        'precious',
      ].sort(),
    );
    expect(readFileSync(join(tmp, 'precious', 'keep'), 'utf8')).toBe('keep');
    expect(readdirSync(out).sort()).toEqual(
      [
        '.complaints-tmp-b19dd3f6551b-old.csv',
        `.complaints-tmp-${HOST}-${process.pid}-0123abcd-r-live.xlsx`,
        `.complaints-tmp-${other}-${dead}-0123abcd-r-other.xlsx`,
        'c.csv',
      ].sort(),
    );
  });

  it('a run killed with SIGKILL while writing 明细 leaves a 0700 folder, which the next run removes (--lang en)', async () => {
    const tmp = fresh('tmp');
    const out = fresh('out');
    const child = spawn(
      process.execPath,
      [BIN, 'report', XLSX, '--detail', '--out', join(out, 'r.xlsx'), '--no-progress'],
      { env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' },
    );
    const ended = new Promise((r) => child.on('exit', r));
    let made: string[] = [];
    for (let i = 0; i < 400 && made.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      made = readdirSync(tmp);
    }
    child.kill('SIGKILL');
    await ended;
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(new RegExp(`^complaints-detail-${HOST}-${child.pid}-`));
    expect(statSync(join(tmp, made[0]!)).mode & 0o777).toBe(0o700);
    const run = complaints(['inspect', XLSX, '--lang', 'en'], { env: { TMPDIR: tmp } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `complaints: removed 1 temporary file(s) left in ${tmp} by an earlier run that was killed: ${made[0]}\n`,
    );
    expect(readdirSync(tmp)).toEqual([]);
  }, 30_000);

  it('sweepStale of a missing or empty folder removes nothing', () => {
    const tmp = fresh('tmp');
    expect(sweepStale(join(tmp, 'missing'))).toEqual([]);
    expect(sweepStale(tmp)).toEqual([]);
  });
});

describe('a TMPDIR that cannot be used (item 7)', () => {
  it.each([
    ['missing', (): string => join(dir, 'no-such-folder'), '不存在', 'does not exist'],
    [
      'a file',
      (): string => {
        writeFileSync(join(dir, 'plain-file'), '');
        return join(dir, 'plain-file');
      },
      '不存在',
      'does not exist',
    ],
  ])('%s: exit 2, one plain line naming it, and to set TMPDIR', (_name, make, zh, en) => {
    const tmp = make();
    const out = fresh('out');
    for (const args of [
      ['report', XLSX, '--detail', '--out', join(out, 'r.xlsx'), '--no-progress'],
      ['analyze', XLSX, '--json', '/dev/null'],
    ]) {
      const run = complaints(args, { env: { TMPDIR: tmp } });
      expect(run.code).toBe(2);
      expect(isPlainError(run.stderr)).toBe(true);
      expect(run.stderr).toContain(`complaints: ${tmp}：临时文件夹${zh}，`);
      expect(run.stderr).toContain('请把 TMPDIR 设为有写入权限、空间足够的文件夹');
      expect(existsSync(join(out, 'r.xlsx'))).toBe(false);
    }
    const run = complaints(['analyze', XLSX, '--json', '/dev/null', '--lang', 'en'], {
      env: { TMPDIR: tmp },
    });
    expect(run.code).toBe(2);
    expect(isPlainError(run.stderr)).toBe(true);
    expect(run.stderr).toContain(`complaints: ${tmp}: the temporary folder ${en};`);
    expect(run.stderr).toContain('Set TMPDIR to a folder you may write to');
  });

  it.skipIf(isRoot)(
    'read-only: exit 2, "cannot be written" (skipped as root, who writes anywhere)',
    () => {
      const tmp = fresh('ro');
      spawnSync('chmod', ['555', tmp]);
      const out = join(fresh('out'), 'r.xlsx');
      const run = complaints(['report', XLSX, '--detail', '--out', out], { env: { TMPDIR: tmp } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${tmp}：临时文件夹无法写入（没有权限或只读）`);
      const en = complaints(['report', XLSX, '--detail', '--out', out, '--lang', 'en'], {
        env: { TMPDIR: tmp },
      });
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(`${tmp}: the temporary folder cannot be written`);
    },
  );
});

describe('an input that changes while it is read (item 8)', () => {
  const settings: IngestSettings = {
    map: {},
    complaintTypes: ['投诉'],
    encoding: null,
    sheet: null,
  };

  it.each([
    [
      'grows (a copy still coming in)',
      CSV,
      (f: string) => appendFileSync(f, readFileSync(CSV).subarray(-300)),
      /大小 [\d,]+ → [\d,]+ 字节/,
    ],
    [
      'shrinks',
      CSV,
      (f: string) => writeFileSync(f, readFileSync(CSV).subarray(0, 2000)),
      /大小 [\d,]+ → 2,000 字节/,
    ],
    [
      'is replaced (an xlsx renamed over)',
      XLSX,
      (f: string) => {
        copyFileSync(CSV, `${f}.new`);
        renameSync(`${f}.new`, f);
      },
      /已被另一个文件替换/,
    ],
  ])('%s: exit 2 with the change named', async (_name, fixture, change, how) => {
    const file = join(fresh('changing'), fixture.endsWith('.csv') ? 'in.csv' : 'in.xlsx');
    copyFileSync(fixture, file);
    let changed = false;
    const reading = ingest([file], settings, () => {
      if (changed) return;
      changed = true;
      change(file);
    });
    // Both languages, whatever the settings' lang: cli.ts prints the run's.
    await expect(reading).rejects.toMatchObject({
      exitCode: 2,
      said: {
        zh: expect.stringMatching(how),
        en: expect.stringContaining(`${file}: the file changed while it was read (`),
      },
      saidHint: {
        zh: '请等它写完（复制或导出结束）再运行。',
        en: 'Run again when the copy or export writing it is complete.',
      },
    });
    await expect(reading).rejects.toMatchObject({
      said: { zh: expect.stringContaining(`${file}：文件在读取时被改变`) },
    });
  });

  it('unchanged: read as before; an error of the reading itself stays that error', async () => {
    const file = join(fresh('same'), 'in.csv');
    copyFileSync(CSV, file);
    expect(await unchangedWhileRead(file, async () => 42)).toBe(42);
    await expect(
      unchangedWhileRead(file, () => Promise.reject(new Error('damaged'))),
    ).rejects.toThrow('damaged');
    // A reading that fails because the file changed says that, not the failure (en).
    await expect(
      unchangedWhileRead(file, async () => {
        writeFileSync(file, 'short');
        throw new Error('line 16,455 holds bytes that are not UTF-8 text');
      }),
    ).rejects.toThrow(`${file}: the file changed while it was read (size`);
  });
});
