/**
 * The written bulletin on the command line: `report --out X.docx|X.md` and `analyze --out X.md`
 * say what they wrote, the config file's "out" pattern names a bulletin, and the bad cases fail
 * before any reading with a plain message and leave nothing behind: a kind of file we do not
 * write (.doc), an output that is the template or an input, a missing folder, a full disk, and
 * Ctrl-C (or any signal) while reading, rendering or writing.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/metrics/calendar.js';
import { outputPath } from '../../src/settings/output-path.js';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bulletin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const METRICS = join(ROOT, 'fixtures/metrics');
const INPUTS = [
  join(METRICS, '95598-2015.xlsx'),
  join(METRICS, '95598-2016-01-06.xlsx'),
  join(METRICS, '95598-2016-06-12-gb18030.csv'),
];
const TARGETS = ['--targets', join(METRICS, 'targets-2016.csv')];
const MONTH = [...INPUTS, ...TARGETS, '--month', '2016-11'];
const KINDS =
  '.xlsx (the workbook), .docx or .md (the written bulletin), .csv (the units table) or .json (the result)';

/** A fresh folder. */
function folder(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

/** Temporary files an interrupted or failed write could leave: ours, or exceljs's. */
const leftovers = (d: string) =>
  readdirSync(d).filter((f) => f.startsWith('.complaints-tmp-') || f.startsWith('complaints-'));

/** A .docx as written: a zip holding word/document.xml. */
function isDocx(file: string): boolean {
  const bytes = readFileSync(file);
  return bytes.subarray(0, 2).toString() === 'PK' && bytes.includes('word/document.xml');
}

// ---------------------------------------------------------------------------------------------

describe('the line that says what was written', () => {
  it('report --out X.md: the sections and tables, no charts (Markdown has none), the complaints', () => {
    const out = join(folder('lines'), '通报.md');
    const r = complaints(['report', ...MONTH, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    const sections = text.match(/^## /gm)!.length;
    const tables = text.match(/^\|( :?-+:? \|)+$/gm)?.length ?? 0;
    expect(r.stderr.split('\n')[0]).toBe(
      `已写入 ${out}（通报：${sections} 个部分，${tables} 张表；投诉 16 条）`,
    );
    expect(r.stdout).toBe('');
  });

  it('in English, with plurals', () => {
    const out = join(folder('lines'), 'bulletin.md');
    const r = complaints(['report', ...MONTH, '--lang', 'en', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(
      new RegExp(`^wrote ${out} \\(the bulletin: \\d+ sections, \\d+ tables?; 16 complaints\\)$`),
    );
  });

  it('analyze --out X.md: the summary on stdout, the line on stderr after it', () => {
    const out = join(folder('lines'), 'a.md');
    const r = complaints(['analyze', ...MONTH, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('总体');
    expect(r.stderr.split('\n')[0]).toMatch(
      /^已写入 .*a\.md（通报：\d+ 个部分，\d+ 张表；投诉 16 条）$/,
    );
    expect(readFileSync(out, 'utf8')).toMatch(
      /^# 国网黄山供电公司2016年11月95598客户投诉分析通报\n/,
    );
  });

  it('--quiet says nothing', () => {
    const out = join(folder('lines'), 'q.md');
    const r = complaints(['report', ...MONTH, '--quiet', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(out)).toBe(true);
  });

  it('report --out X.docx: the sections, tables and charts of the bulletin', () => {
    const out = join(folder('lines'), '通报.docx');
    const r = complaints(['report', ...MONTH, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(
      new RegExp(`^已写入 ${out}（通报：\\d+ 个部分，\\d+ 张表，[1-9]\\d* 幅图；投诉 16 条）$`),
    );
    expect(isDocx(out)).toBe(true);
    const none = complaints(['report', ...MONTH, '--no-charts', '--out', out]);
    expect(none.stderr.split('\n')[0]).toMatch(/，0 幅图；投诉 16 条）$/);
  });
});

describe('--help', () => {
  it.each(['report', 'analyze'])(
    '%s --help says --out writes .docx and .md: the written bulletin',
    (command) => {
      const r = complaints([command, '--help', '--lang', 'en']);
      expect(r.code).toBe(0);
      const out = r.stdout.slice(r.stdout.indexOf('--out <file>')).split(/\n  --(?!out)/)[0]!;
      expect(out.replace(/\s+/g, ' ')).toMatch(/\.docx or \.md \(the written bulletin/);
      const zh = complaints([command, '--help']).stdout;
      const outZh = zh.slice(zh.indexOf('--out <file>')).split(/\n  --(?!out)/)[0]!;
      expect(outZh.replace(/\s+/g, '')).toMatch(/\.docx或\.md（书面通报）/);
    },
  );
});

// ---------------------------------------------------------------------------------------------

describe('the config file’s "out" pattern', () => {
  it.each([
    [
      '通报-{period}.docx',
      { label: '2016-11', from: '2016-11', to: '2016-11' },
      '通报-2016-11.docx',
    ],
    ['通报-{period}.md', { label: '2016Q4', from: '2016-10', to: '2016-12' }, '通报-2016Q4.md'],
    [
      '通报/{from}_{to}.md',
      { label: '2016', from: '2016-01', to: '2016-12' },
      '通报/2016-01_2016-12.md',
    ],
  ])('%s for %j is %s', (pattern, period, name) => {
    expect(outputPath(pattern, period, daysFromCivil(2017, 1, 5))).toBe(name);
  });

  /** A folder whose config file reads the fixtures with the targets and writes to `out`. */
  function configured(name: string, out: string): string {
    const d = folder(name);
    const config = { inputs: INPUTS, targets: TARGETS[1], out };
    writeFileSync(join(d, 'complaints.config.json'), JSON.stringify(config));
    return d;
  }

  it('report --month writes 通报-2016-11.md in the working folder and names it', () => {
    const d = configured('pattern-md', '通报-{period}.md');
    const r = complaints(['report', '--month', '2016-11'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(/^已写入 通报-2016-11\.md（通报：/);
    expect(readFileSync(join(d, '通报-2016-11.md'), 'utf8')).toMatch(/^# .*2016年11月.*通报\n/);
    // analyze with the same config leaves "out" to report, and says so.
    const a = complaints(['analyze', '--quarter', '2016Q4'], { cwd: d });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toContain('中的 "out"（通报-{period}.md）是 report 的输出，analyze 不写它');
    expect(readdirSync(d).sort()).toEqual(['complaints.config.json', '通报-2016-11.md']);
  });

  it('report --quarter writes 通报-2016Q4.docx', () => {
    const d = configured('pattern-docx', '通报-{period}.docx');
    const r = complaints(['report', '--quarter', '2016Q4'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toMatch(/^已写入 通报-2016Q4\.docx（通报：/);
    expect(isDocx(join(d, '通报-2016Q4.docx'))).toBe(true);
  });

  it('a pattern ending in .doc is refused before reading, naming the config file’s "out"', () => {
    const d = configured('pattern-doc', '通报-{period}.doc');
    // report's alone: analyze leaves the config file's "out" (analyze-config-out.test.ts).
    for (const command of ['report']) {
      const r = complaints([command, '--month', '2016-11', '--lang', 'en'], { cwd: d });
      expect(r.code).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      // The config file first: a cron mail says which file to fix.
      expect(r.stderr).toMatch(/^complaints: complaints\.config\.json: "out": "/);
      expect(r.stderr).toContain('通报-{period}.doc": the old Word format (.doc)');
      expect(readdirSync(d)).toEqual(['complaints.config.json']);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('a kind of file not written: exit 2, the kinds listed, nothing read or written', () => {
  it.each([
    [
      'x.doc',
      'x.doc: the old Word format (.doc) is not written; the written bulletin is a .docx file.',
    ],
    ['x.DOC', 'x.DOC: the old Word format (.doc) is not written'],
    ['x.txt', `x.txt: expected a ${KINDS} file name.`],
    ['x.markdown', `x.markdown: expected a ${KINDS} file name.`],
  ])('--out %s', (name, message) => {
    const d = folder(`kind-${name}`);
    // An input that does not exist: the output is refused before it would be read.
    const r = complaints(
      ['report', 'missing.xlsx', '--month', '2016-11', '--out', name, '--lang', 'en'],
      { cwd: d },
    );
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(`complaints: --out ${message}`);
    if (name.toLowerCase().endsWith('.doc'))
      expect(r.stderr).toContain(`The kinds written: ${KINDS}.`);
    // In Chinese by default.
    const zh = complaints(['report', 'missing.xlsx', '--month', '2016-11', '--out', name], {
      cwd: d,
    });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(
      name.toLowerCase().endsWith('.doc')
        ? `complaints: --out ${name}：不输出旧版 Word 格式（.doc），书面通报是 .docx 文件。`
        : `complaints: --out ${name}：文件名应以 .xlsx（工作簿）、.docx 或 .md（书面通报）、.csv（单位表）或 .json（结果） 结尾。`,
    );
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('an output that is a file the run reads: exit 2 before reading, the file kept', () => {
  const d = folder('clash');
  writeFileSync(join(d, 'x.csv'), readFileSync(INPUTS[2]!));
  writeFileSync(join(d, '模板.docx'), 'a company template');
  writeFileSync(join(d, 'notes.md'), 'an input called .md');
  symlinkSync('x.csv', join(d, 'link.md'));
  symlinkSync('模板.docx', join(d, 'link.docx'));
  linkSync(join(d, 'x.csv'), join(d, 'hard.md'));
  it.each([
    [
      ['report', 'x.csv', '--template', '模板.docx', '--out', '模板.docx'],
      '模板.docx',
      'the template 模板.docx',
    ],
    [
      ['report', 'x.csv', '--template', '模板.docx', '--out', 'link.docx'],
      'link.docx',
      'the template 模板.docx',
    ],
    [
      ['report', 'x.csv', '--template', '模板.docx', '--out', './sub/../模板.docx'],
      './sub/../模板.docx',
      'the template 模板.docx',
    ],
    [['report', 'x.csv', '--out', 'link.md'], 'link.md', 'the input x.csv'],
    [['report', 'x.csv', '--out', 'hard.md'], 'hard.md', 'the input x.csv'],
    [['report', 'notes.md', '--out', 'notes.md'], 'notes.md', 'the input notes.md'],
    [['analyze', 'x.csv', '--out', 'link.md'], 'link.md', 'the input x.csv'],
  ])('%j', (args, output, what) => {
    mkdirSync(join(d, 'sub'), { recursive: true });
    const before = new Map(
      ['x.csv', '模板.docx', 'notes.md'].map((f) => [f, readFileSync(join(d, f))]),
    );
    const r = complaints([...args, '--lang', 'en'], { cwd: d });
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(`complaints: ${output}: this output is ${what};`);
    for (const [f, bytes] of before) expect(readFileSync(join(d, f))).toEqual(bytes);
    expect(leftovers(d)).toEqual([]);
  });
});

describe('a folder that cannot be written: exit 2 before reading', () => {
  it.each(['x.docx', 'x.md'])('%s in a missing folder, or under a file', (name) => {
    const d = folder(`unwritable-${name}`);
    writeFileSync(join(d, 'file'), '');
    for (const out of [join(d, 'missing', name), join(d, 'file', name)]) {
      const r = complaints(['report', 'missing.xlsx', '--month', '2016-11', '--out', out]);
      expect(r.code).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(new RegExp(`^complaints: ${out}：无法写到那里：文件夹 `));
    }
    expect(readdirSync(d)).toEqual(['file']);
  });
});

// ---------------------------------------------------------------------------------------------

/** Mounts a 16 KiB tmpfs; null where this process may not mount (not root, no tmpfs). */
function smallDisk(name: string): string | null {
  const mount = folder(name);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mount]);
  return r.status === 0 ? mount : null;
}
const canMount = (() => {
  const disk = smallDisk('probe-disk');
  if (disk) spawnSync('umount', [disk]);
  return disk !== null;
})();

describe('a full disk: exit 2 naming the file, nothing left, the old file kept', () => {
  it.skipIf(!canMount).each(['r.md', 'r.docx'])('%s', (name) => {
    const disk = smallDisk(`full-${name}`)!;
    try {
      const file = join(disk, name);
      writeFileSync(file, 'the bulletin of last month');
      // Leave less room than the bulletin takes (a year's Markdown is a few kilobytes).
      writeFileSync(join(disk, 'filler'), Buffer.alloc(11 * 1024));
      const r = complaints(['report', ...INPUTS, ...TARGETS, '--year', '2016', '--out', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toContain(`complaints: ${file}：写入时磁盘已满；`);
      expect(readFileSync(file, 'utf8')).toBe('the bulletin of last month');
      expect(leftovers(disk)).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
  it.runIf(!canMount)('is skipped: mounting a small tmpfs needs root (run as root to test)', () => {
    expect(canMount).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** A big export (a fixture's rows again and again, with new ids): seconds of reading. */
function bigExport(): string {
  const file = join(dir, 'big.csv');
  if (existsSync(file)) return file;
  const source = readFileSync(join(ROOT, 'fixtures/95598-2016-08-pinyin.csv'), 'utf8');
  const [header, ...rows] = source.trimEnd().split('\n');
  const lines = [header!];
  while (lines.length <= 300_000)
    for (const row of rows) lines.push(`${1e13 + lines.length}${row.slice(row.indexOf(','))}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `report INPUT --year 2016 --out OUT/name` and sends SIGINT (Ctrl-C) after `ms`. With
 * `stdin`, the export comes through a pipe that stays open: the run is still reading when the
 * signal comes, whatever the machine's speed.
 */
async function interrupted(name: string, ms: number, stdin: boolean) {
  const out = mkdtempSync(join(dir, 'out-'));
  const tmp = mkdtempSync(join(dir, 'tmp-'));
  const input = stdin ? '-' : bigExport();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/complaints.js'), 'report', input, '--year', '2016', '--out', join(out, name)],
    { env: { ...process.env, TMPDIR: tmp }, stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'] },
  );
  // A first part of the export; the rest never comes.
  if (stdin) {
    // The child may be interrupted before it has read all of this: the pipe then breaks (EPIPE),
    // which is the point of the test, not an error of it.
    child.stdin!.on('error', () => {});
    child.stdin!.write(readFileSync(bigExport()).subarray(0, 1 << 20));
  }
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  // Ended by the signal itself (re-raised after the clean-up: io/temp.ts): what a shell shows.
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (c, s) => resolve(c ?? 128 + constants.signals[s!])),
  );
  await Promise.race([sleep(ms), exited]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  const code = await exited;
  child.stdin?.destroy();
  return { code, stderr, out, tmp };
}

/**
 * No temporary file anywhere; the output absent or whole. Exit 130 may come with the whole
 * file: the signal can arrive between the rename that puts the file in place and the exit.
 */
function checkInterrupted(r: Awaited<ReturnType<typeof interrupted>>, name: string): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(readdirSync(r.tmp)).toEqual([]);
  const written = readdirSync(r.out);
  // null: killed by the signal itself, before the handlers were in place (nothing to remove).
  if (r.code === 130 || r.code === null) {
    if (written.length === 0) return;
  } else {
    expect(r.code, r.stderr).toBe(0);
  }
  expect(written).toEqual([name]);
  if (name.endsWith('.docx')) expect(isDocx(join(r.out, name))).toBe(true);
  else expect(readFileSync(join(r.out, name), 'utf8')).toMatch(/通报\n[^]*\n$/);
}

describe('Ctrl-C: exit 130 and no temporary file left', () => {
  it.each(['r.md', 'r.docx'])(
    '%s while the export is still being read',
    async (name) => {
      const r = await interrupted(name, 500, true);
      expect(r.code, r.stderr).toBe(130);
      checkInterrupted(r, name);
    },
    30_000,
  );

  // The signal comes at moments spread over a whole run, timed first on this machine: while
  // reading, rendering, writing, and about the end. Each time: nothing, or the whole file.
  it.each(['r.md', 'r.docx'])(
    '%s at any moment of the run: nothing written, or the whole file',
    async (name) => {
      const started = Date.now();
      const whole = await interrupted(name, 60_000, false);
      expect(whole.code, whole.stderr).toBe(0);
      const took = Date.now() - started;
      const codes: (number | null)[] = [];
      for (const share of [0.2, 0.5, 0.7, 0.8, 0.9, 0.95, 1.2]) {
        const r = await interrupted(name, Math.round(took * share), false);
        checkInterrupted(r, name);
        codes.push(r.code);
      }
      // The first came while it was reading (the machine's load moves the others).
      expect(codes[0]).not.toBe(0);
    },
    180_000,
  );
});
