/**
 * Outputs that cannot hurt anything (issue 10): an output naming an input is refused before
 * reading, devices and FIFOs are written in place, links and permissions are kept, a full disk
 * is a message, and a run killed by SIGINT, SIGTERM or SIGHUP leaves no temporary file.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  renameSync,
  chmodSync,
  closeSync,
  openSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { excelCellText } from '../../src/io/workbook.js';
import { ROOT, complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIXTURE = join(ROOT, 'fixtures/95598-2016-08-pinyin.csv');
const METRICS = join(ROOT, 'fixtures/metrics');

/** A fresh folder holding a copy of the fixture as x.csv. */
function workdir(name: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'x.csv'), readFileSync(FIXTURE));
  return d;
}

const leftovers = (d: string) =>
  readdirSync(d).filter((f) => f.startsWith('.complaints-tmp-') || f.startsWith('complaints-'));

describe('an output that is one of the files read: exit 2 before reading', () => {
  const d = workdir('clash');
  symlinkSync('x.csv', join(d, 'link.csv'));
  linkSync(join(d, 'x.csv'), join(d, 'hard.csv'));
  mkdirSync(join(d, 'sub'));
  const original = readFileSync(join(d, 'x.csv'));
  it.each([
    [['classify', 'x.csv', '--out', 'x.csv'], 'x.csv', 'the input x.csv', '输入文件 x.csv'],
    [['analyze', 'x.csv', '--out', './x.csv'], './x.csv', 'the input x.csv', '输入文件 x.csv'],
    [['classify', 'x.csv', '--out', 'link.csv'], 'link.csv', 'the input x.csv', '输入文件 x.csv'],
    [['classify', 'x.csv', '--out', 'hard.csv'], 'hard.csv', 'the input x.csv', '输入文件 x.csv'],
    [
      ['assess', 'x.csv', '--targets', 't.json', '--json', 't.json'],
      't.json',
      'the targets file t.json',
      '考核指标文件 t.json',
    ],
    [
      ['taxonomy', 'tax.json', '--json', './tax.json'],
      './tax.json',
      'the taxonomy file tax.json',
      '分类体系文件 tax.json',
    ],
    [
      ['analyze', 'x.csv', '--out', 'complaints.config.json'],
      'complaints.config.json',
      'the config file complaints.config.json',
      '配置文件 complaints.config.json',
    ],
    [
      ['report', 'x.csv', '--taxonomy', 'tax.json', '--out', 'tax.json'],
      'tax.json',
      'the taxonomy file tax.json',
      '分类体系文件 tax.json',
    ],
  ])('%j', (args, output, what, zh) => {
    writeFileSync(join(d, 't.csv'), '供电单位,年度指标\n国网歙县供电公司,10\n');
    writeFileSync(join(d, 't.json'), '供电单位,年度指标\n国网歙县供电公司,10\n');
    writeFileSync(join(d, 'tax.json'), '{}');
    writeFileSync(join(d, 'complaints.config.json'), '{ "lang": "zh" }');
    const before = readFileSync(join(d, args[1]!));
    const r = complaints(args, { cwd: d });
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toContain(`complaints: ${output}：这个输出就是${zh}，写入会毁掉那个文件。`);
    const en = complaints([...args, '--lang', 'en'], { cwd: d });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`complaints: ${output}: this output is ${what};`);
    expect(readFileSync(join(d, args[1]!))).toEqual(before);
    expect(readFileSync(join(d, 'x.csv'))).toEqual(original);
    expect(leftovers(d)).toEqual([]);
  });

  it('refuses a folder as the output before reading anything', () => {
    mkdirSync(join(d, 'out.xlsx'));
    const r = complaints(['analyze', 'missing-input.csv', '--out', 'out.xlsx'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^complaints: out\.xlsx：这是文件夹；输出必须是一个文件。/);
    const json = complaints(['inspect', 'x.csv', '--json', 'sub', '--lang', 'en'], { cwd: d });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^complaints: sub: is a folder; an output must name a file\./);
  });
});

describe('an output written into the folder of exports', () => {
  it('a workbook is left out of that folder on the next run, whatever its name', () => {
    const d = workdir('into-folder');
    mkdirSync(join(d, 'exports'));
    renameSync(join(d, 'x.csv'), join(d, 'exports/x.csv'));
    const first = complaints(['report', 'exports', '--out', 'exports/r.xlsx', '--quiet'], {
      cwd: d,
    });
    expect(first.code, first.stderr).toBe(0);
    const again = complaints(['report', 'exports', '--out', 'exports/r.xlsx'], { cwd: d });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('未读取 exports/r.xlsx（本工具写的报告不作为输入读取）');
  });

  it('a units table (.csv) is refused before reading: the next run would take it for an export', () => {
    const d = workdir('table-into-folder');
    mkdirSync(join(d, 'exports'));
    renameSync(join(d, 'x.csv'), join(d, 'exports/x.csv'));
    for (const command of ['analyze', 'report']) {
      const run = complaints([command, 'exports', '--out', 'exports/u.csv'], { cwd: d });
      expect(run.code).toBe(2);
      // The folder's line, then the refusal: no stack trace.
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).toContain(
        'complaints: exports/u.csv：下次运行时，输入 exports 会把这个表当作导出文件读取。',
      );
      const en = complaints(inEnglish([command, 'exports', '--out', 'exports/u.csv']), { cwd: d });
      expect(en.stderr).toContain(
        'complaints: exports/u.csv: the input exports would read this table as an export the next time it runs.',
      );
      expect(readdirSync(join(d, 'exports'))).toEqual(['x.csv']);
    }
    // Beside the folder, or with a pattern that does not take it: written.
    expect(complaints(['analyze', 'exports', '--out', 'u.csv'], { cwd: d }).code).toBe(0);
    expect(complaints(['analyze', 'exports/x*', '--out', 'exports/u.csv'], { cwd: d }).code).toBe(
      0,
    );
  });
});

describe('--json naming an export or a report: refused, whatever its place', () => {
  // --json takes an optional file, so `analyze --json a.csv b.csv` makes a.csv the output.
  const d = workdir('json-name');
  writeFileSync(join(d, 'y.csv'), readFileSync(FIXTURE));
  writeFileSync(join(d, 'report.xlsx'), 'not touched');
  it.each([
    [['analyze', '--json', 'y.csv', 'x.csv'], 'y.csv'],
    [['inspect', 'x.csv', '--json', 'x.csv'], 'x.csv'],
    [['trend', 'x.csv', '--json', 'sub/../x.csv'], 'sub/../x.csv'],
    [['report', '--json', 'report.xlsx', 'x.csv'], 'report.xlsx'],
    [['classify', '--json', 'new.CSV', 'x.csv'], 'new.CSV'],
  ])('%j', (args, named) => {
    const before = readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]);
    const r = complaints(args, { cwd: d });
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toBe(
      `complaints: --json ${named}：--json 后面是它要写入的文件，而 ${named} 不是 .json 文件。没有读取或写入任何文件。\n` +
        '  要打印 JSON，请把 --json 放在输入文件之后（或写 --json -）；要保存，请给出 .json 文件名。\n',
    );
    const en = complaints(inEnglish(args), { cwd: d });
    expect(en.stderr).toContain(
      `complaints: --json ${named}: --json names the file it writes, and ${named} is not a .json file. Nothing was read or written.`,
    );
    expect(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')])).toEqual(before);
  });

  it('writes a .json file named anywhere on the line, and - prints', () => {
    expect(complaints(['analyze', '--json', 'out.json', 'x.csv'], { cwd: d }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')).schemaVersion).toBe(1);
    const printed = complaints(['inspect', '--json', '-', 'x.csv'], { cwd: d });
    expect(JSON.parse(printed.stdout).schemaVersion).toBe(1);
  });

  it('taxonomy --json FILE never replaces an existing file (it reads as "show FILE")', () => {
    writeFileSync(join(d, 'mine.json'), '{ "name": "mine" }');
    const r = complaints(['taxonomy', '--json', 'mine.json'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('complaints: --json mine.json：这个文件已存在');
    expect(r.stderr).toContain('请写：complaints taxonomy mine.json --json；');
    const en = complaints(inEnglish(['taxonomy', '--json', 'mine.json']), { cwd: d });
    expect(en.stderr).toContain('complaints: --json mine.json: that file exists');
    expect(en.stderr).toContain('complaints taxonomy mine.json --json');
    expect(readFileSync(join(d, 'mine.json'), 'utf8')).toBe('{ "name": "mine" }');
  });
});

describe('what is written and how', () => {
  it('writes to a character device in place: /dev/null stays a device', () => {
    const d = workdir('device');
    const r = complaints(['inspect', 'x.csv', '--json', '/dev/null'], { cwd: d });
    expect(r.code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(leftovers(d)).toEqual([]);
  });

  it('writes --json - and --json /dev/stdout to standard output', () => {
    const d = workdir('stdout');
    for (const target of ['-', '/dev/stdout']) {
      const r = complaints(['inspect', 'x.csv', '--json', target], { cwd: d });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).inputs[0].rows).toBe(46);
    }
  });

  it('writes into a FIFO without replacing it', async () => {
    const d = workdir('fifo');
    const fifo = join(d, 'pipe.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo: nothing to test
    const reader = spawn('cat', [fifo]);
    let text = '';
    reader.stdout.on('data', (b: Buffer) => (text += b.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = complaints(['inspect', 'x.csv', '--json', 'pipe.json'], { cwd: d });
    await done;
    expect(r.code).toBe(0);
    expect(JSON.parse(text).inputs[0].rows).toBe(46);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('replaces the file a symbolic link points to and keeps the link', () => {
    const d = workdir('symlink');
    mkdirSync(join(d, 'reports'));
    writeFileSync(join(d, 'reports/real.json'), 'old');
    symlinkSync('reports/real.json', join(d, 'latest.json'));
    const r = complaints(['analyze', 'x.csv', '--json', 'latest.json'], { cwd: d });
    expect(r.code).toBe(0);
    expect(lstatSync(join(d, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(d, 'latest.json'))).toBe('reports/real.json');
    expect(JSON.parse(readFileSync(join(d, 'reports/real.json'), 'utf8')).totals.complaints).toBe(
      23,
    );
    expect(leftovers(join(d, 'reports'))).toEqual([]);
  });

  it('keeps the permissions of a replaced file; a new file gets the umask', () => {
    const d = workdir('mode');
    writeFileSync(join(d, 'r.xlsx'), 'old');
    chmodSync(join(d, 'r.xlsx'), 0o600);
    expect(
      complaints(['analyze', 'x.csv', '--out', 'r.xlsx', '--no-charts'], { cwd: d }).code,
    ).toBe(0);
    expect(statSync(join(d, 'r.xlsx')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(d, 'r.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const r = complaints(['classify', 'x.csv', '--out', 'new.csv'], { cwd: d });
    expect(r.code).toBe(0);
    const umask = process.umask();
    expect(statSync(join(d, 'new.csv')).mode & 0o777).toBe(0o666 & ~umask);
  });
});

describe('xlsx text Excel can open and that reads back as written', () => {
  it('escapes control characters as _xHHHH_ (and a literal _xHHHH_ as _x005F_xHHHH_)', async () => {
    const d = workdir('cells');
    const longest = '长'.repeat(32_767);
    const csv =
      '工单编号,受理时间,供电单位,业务类型,受理内容\n' +
      `A1,2016-08-01 10:00:00,国网歙县供电公司,投诉,"bell\x07 and _x0041_ stay"\n` +
      `A2,2016-08-02 10:00:00,国网歙县供电公司,投诉,${longest}\n`;
    writeFileSync(join(d, 'c.csv'), csv);
    const r = complaints(['classify', 'c.csv', '--out', 'c.xlsx'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('were cut');
    const xml = spawnSync('unzip', ['-p', join(d, 'c.xlsx'), 'xl/worksheets/sheet1.xml']);
    if (xml.status === 0) {
      expect(xml.stdout.toString()).toContain('bell_x0007_ and _x005F_x0041_ stay');
    }
    const ExcelJS = loadExcelJS();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(d, 'c.xlsx'));
    expect(book.worksheets[0]!.getRow(3).getCell(5).value).toBe(longest);
  });

  it.each([
    ['plain 国网', 'plain 国网', false],
    ['a\x01b', 'a_x0001_b', false],
    ['_x0041_', '_x005F_x0041_', false],
    ['x'.repeat(40_000), 'x'.repeat(32_767), true],
    // Never half a surrogate pair at the cut.
    ['x'.repeat(32_766) + '😀', 'x'.repeat(32_766), true],
  ])('excelCellText(%#)', (text, stored, cut) => {
    expect(excelCellText(text)).toEqual({ text: stored, cut });
  });
});

/** Mounts a small tmpfs (16 KiB); null where this process may not mount (not root, no tmpfs). */
function smallDisk(name: string, size = '16k'): string | null {
  const mount = join(dir, name);
  mkdirSync(mount);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount]);
  return r.status === 0 ? mount : null;
}

const canMount = (() => {
  const disk = smallDisk('probe');
  if (disk) spawnSync('umount', [disk]);
  return disk !== null;
})();

describe('a full disk: exit 2 naming the file, nothing left, the old file kept', () => {
  it.skipIf(!canMount).each([
    ['r.xlsx', ['report', '--no-charts', '--detail']],
    ['c.csv', ['classify']],
    ['c.xlsx', ['classify']],
    ['a.json', ['analyze', '--json']],
  ])('%s', (name, command) => {
    const disk = smallDisk(`full-${name}`)!;
    try {
      const file = join(disk, name);
      writeFileSync(file, 'the report of last month');
      const [verb, ...options] = command;
      const args = [verb!, ...metricsInputs(), ...options];
      const r = complaints(
        args[args.length - 1] === '--json' ? [...args, file] : [...args, '--out', file],
      );
      expect(r.code).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toContain(`complaints: ${file}：写入时磁盘已满；`);
      expect(readFileSync(file, 'utf8')).toBe('the report of last month');
      expect(leftovers(disk)).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
  it.runIf(!canMount)('is skipped: mounting a small tmpfs needs root (run as root to test)', () => {
    expect(canMount).toBe(false);
  });
});

describe('a TMPDIR that fills while worker threads read (the 明细 rows kept there)', () => {
  // Spools of the first ranges fit, a later range's do not: a worker fails after partials were
  // merged, and the input read again on this thread (without spools) found nothing to say, so
  // the run ended as an internal error (exit 1) instead of naming the full folder.
  it.skipIf(!canMount)('is said as on one thread: exit 2, the folder named, nothing left', () => {
    const disk = smallDisk('full-tmpdir-workers', '256k')!;
    try {
      const out = join(dir, 'workers.xlsx');
      const r = complaints(
        [
          'report',
          'fixtures/metrics/95598-2016-04-12-series.csv',
          '--detail',
          '--no-charts',
          '--out',
          out,
        ],
        { env: { TMPDIR: disk, COMPLAINTS_TEST_RANGE_BYTES: '30000' } },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `complaints: ${disk}：临时文件夹已满，等待写入报表的行无法暂存在那里。\n  请腾出空间，或把 TMPDIR 设为空间更大的文件夹，然后重新运行。\n`,
      );
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(disk)).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
  it.runIf(!canMount)('is skipped: mounting a small tmpfs needs root (run as root to test)', () => {
    expect(canMount).toBe(false);
  });
});

/** The program with its standard output (or error) on a device, as `> /dev/full` does. */
function onDevice(args: string[], device: string, stream: 1 | 2): { code: number; stderr: string } {
  const fd = openSync(device, 'w');
  try {
    const stdio = stream === 1 ? ['ignore', fd, 'pipe'] : ['ignore', 'ignore', fd];
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/complaints.js'), ...args], {
      cwd: ROOT,
      stdio: stdio as ('ignore' | 'pipe' | number)[],
      encoding: 'utf8',
    });
    return { code: r.status ?? -1, stderr: r.stderr ?? '' };
  } finally {
    closeSync(fd);
  }
}

describe('a standard output that cannot be written: one line and exit 2, no stack trace', () => {
  const full = existsSync('/dev/full');
  it.skipIf(!full).each([
    ['analyze', [...metricsInputs()]],
    ['analyze --json', [...metricsInputs(), '--json']],
    ['taxonomy', []],
    ['inspect', [join(METRICS, '95598-2016-06-12-gb18030.csv')]],
  ])('%s > /dev/full', (name, args) => {
    const r = onDevice([name.split(' ')[0]!, ...args], '/dev/full', 1);
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toBe('complaints: 无法写入标准输出（磁盘已满），显示的内容不完整。\n');
    const en = onDevice(inEnglish([name.split(' ')[0]!, ...args]), '/dev/full', 1);
    expect(en.stderr).toContain('the standard output cannot be written (the disk is full)');
  });
  it.skipIf(!full)('2> /dev/full: the messages are lost, the exit code still tells', () => {
    expect(onDevice(['analyze', ...metricsInputs(), '--strict'], '/dev/full', 2).code).toBe(3);
    expect(onDevice(['analyze', join(dir, 'missing.csv')], '/dev/full', 2).code).toBe(2);
  });
  it.runIf(!full)('is skipped: this system has no /dev/full', () => expect(full).toBe(false));
});

describe('file names at and over the length limit', () => {
  it('a name of 240 bytes is written (the temporary name beside it is cut to fit)', () => {
    const d = workdir('long-name');
    const file = join(d, `${'报'.repeat(78)}.csv`); // 234 + 4 bytes
    const r = complaints(['classify', join(d, 'x.csv'), '--out', file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('判定一级分类');
    expect(readdirSync(d).filter((f) => f.startsWith('.complaints-tmp-'))).toEqual([]);
  });
  it('a name over 255 bytes is refused before anything is read', () => {
    const d = workdir('too-long-name');
    const file = join(d, `${'a'.repeat(300)}.xlsx`);
    const r = complaints(['report', join(d, 'x.csv'), '--out', file]);
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('文件名长 305 字节，而文件名最多 255 字节。');
  });
  it.skipIf(!existsSync('/proc/self'))(
    'a folder that takes no new file (/proc): plain, exit 2',
    () => {
      const r = complaints(['classify', FIXTURE, '--out', '/proc/x.csv']);
      expect(r.code).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toContain('/proc/x.csv：所在文件夹已不存在，或不能新建文件；');
    },
  );
});

describe('one file named for two outputs of a run', () => {
  it('is refused before reading; /dev/null takes both', () => {
    const d = workdir('two-outputs');
    const r = complaints(
      ['report', join(d, 'x.csv'), '--out', join(d, 'r.json'), '--json', join(d, 'r.json')],
      { cwd: d },
    );
    expect(r.code).toBe(2);
    expect(isPlainError(r.stderr)).toBe(true);
    expect(r.stderr).toContain('这个文件被指定给了两个输出');
    expect(existsSync(join(d, 'r.json'))).toBe(false);
    // An existing file under a second name (a hard link here; another case of its name on a
    // case-insensitive disk alike): known by its inode.
    writeFileSync(join(d, 'last.json'), 'last month');
    linkSync(join(d, 'last.json'), join(d, 'also.json'));
    const linked = complaints(
      ['report', 'x.csv', '--out', 'last.json', '--json', 'also.json', '--lang', 'en'],
      { cwd: d },
    );
    expect(linked.code).toBe(2);
    expect(isPlainError(linked.stderr)).toBe(true);
    expect(linked.stderr).toContain(
      'complaints: last.json: this file is named for two outputs (also as also.json)',
    );
    expect(readFileSync(join(d, 'also.json'), 'utf8')).toBe('last month');
    const ok = complaints([
      'report',
      join(d, 'x.csv'),
      '--out',
      join(d, 'r.xlsx'),
      '--json',
      '/dev/null',
      '--quiet',
    ]);
    expect(ok.code).toBe(0);
  });
});

function metricsInputs(): string[] {
  return [
    join(METRICS, '95598-2015.xlsx'),
    join(METRICS, '95598-2016-01-06.xlsx'),
    join(METRICS, '95598-2016-06-12-gb18030.csv'),
  ];
}

/** A big export (the fixture's rows again and again, with new ids), still being read when the signal comes. */
function bigExport(): string {
  const file = join(dir, 'big.csv');
  if (existsSync(file)) return file;
  const [header, ...rows] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const lines = [header!];
  for (let i = 0; lines.length <= 300_000; i++) {
    for (const row of rows) lines.push(`${1e13 + lines.length}${row.slice(row.indexOf(','))}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('killed mid-run: every temporary file removed, exit 128 + the signal', () => {
  it.each([
    // Each spools its rows in TMPDIR while reading (classify too, since the later copy of a
    // work order wins: issue 12): killed while reading, the spool is what must go.
    ['SIGINT', 130, ['classify', 'BIG', '--out', 'OUT/c.csv']],
    ['SIGTERM', 143, ['classify', 'BIG', '--out', 'OUT/c.xlsx']],
    ['SIGHUP', 129, ['report', 'BIG', '--year', '2016', '--detail', '--out', 'OUT/r.xlsx']],
  ] as const)(
    '%s during %j',
    async (signal, code, args) => {
      const big = bigExport();
      const out = mkdtempSync(join(dir, 'out-'));
      const tmp = mkdtempSync(join(dir, 'tmp-'));
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin/complaints.js'),
          ...args.map((a) => a.replace('BIG', big).replace('OUT', out)),
        ],
        { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      // Ended by the signal itself (re-raised after the clean-up: io/temp.ts): what a shell shows.
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (c, s) => resolve(c ?? 128 + constants.signals[s!])),
      );
      // Wait for the temporary file the signal must not leave behind.
      const watch = tmp;
      const deadline = Date.now() + 30_000;
      while (readdirSync(watch).length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(readdirSync(watch).length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 300)); // well into the reading
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(readdirSync(out)).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
    },
    60_000,
  );
});

describe('terminal output shows control characters from the data escaped', () => {
  it('inspect and analyze print \\x1B, never the raw escape', () => {
    const d = workdir('escapes');
    const rows =
      '99,2016-08-01 10:00:00,国网\x1b[2J歙县供电公司,投诉,x,,,,,\r\n' +
      '98,2016-08-01 10:00:00,国网\x1b]0;pwned\x07供电公司,投诉,x,,,,,\r\n';
    writeFileSync(join(d, 'e.csv'), Buffer.concat([readFileSync(FIXTURE), Buffer.from(rows)]));
    for (const command of ['inspect', 'analyze']) {
      const r = complaints([command, 'e.csv'], { cwd: d });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      // Ingest takes control characters out of names used for grouping, and says so.
      expect(r.stdout).toContain('国网[2J歙县供电公司');
    }
  });
});

describe('control characters in names do not break the charts', () => {
  it('report with \\x01 in a unit name writes the workbook with its charts', () => {
    const d = workdir('chart-control');
    const row = '99,2016-08-01 10:00:00,国网\x01歙县供电公司,投诉,x,,,,,\r\n';
    writeFileSync(join(d, 'c.csv'), Buffer.concat([readFileSync(FIXTURE), Buffer.from(row)]));
    const r = complaints(['report', 'c.csv', '--out', 'c.xlsx'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^已写入 c\.xlsx（9 个工作表/); // with 热词
  });
});

describe('wider than Excel allows', () => {
  it('classify --out .xlsx on 16,384 input columns refuses with a hint, nothing left', () => {
    const d = workdir('wide');
    const extra = Array.from({ length: 16_384 - 5 }, (_, i) => `c${i}`);
    const header = ['工单编号', '受理时间', '供电单位', '业务类型', '受理内容', ...extra];
    const row = [
      'A1',
      '2016-08-01 10:00:00',
      '国网歙县供电公司',
      '投诉',
      'x',
      ...extra.map(() => ''),
    ];
    writeFileSync(join(d, 'wide.csv'), `${header.join(',')}\n${row.join(',')}\n`);
    const r = complaints(['classify', 'wide.csv', '--out', 'wide.xlsx'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'complaints: wide.xlsx：这些行会有 16,390 列，超过 Excel 每个工作表 16,384 列的上限。\n  请改为输出 CSV：--out 文件名.csv。\n',
    );
    expect(leftovers(d)).toEqual([]);
    expect(existsSync(join(d, 'wide.xlsx'))).toBe(false);
  });
});

describe('outputs through descriptors and inputs through stdin', () => {
  const BIN = join(ROOT, 'bin/complaints.js');

  it('--json /dev/stderr appends to the log stderr goes to, keeping what it held', () => {
    const d = workdir('stderr-log');
    const log = join(d, 'log.txt');
    writeFileSync(log, 'earlier line\n');
    const fd = openSync(log, 'a');
    const r = spawnSync(process.execPath, [BIN, 'inspect', 'x.csv', '--json', '/dev/stderr'], {
      cwd: d,
      stdio: ['ignore', 'ignore', fd],
    });
    closeSync(fd);
    expect(r.status).toBe(0);
    const text = readFileSync(log, 'utf8');
    expect(text.startsWith('earlier line\n{')).toBe(true);
    expect(JSON.parse(text.slice('earlier line\n'.length)).inputs[0].rows).toBe(46);
  });

  it('refuses an output that is the file stdin is redirected from', () => {
    // A .json name: --json refuses an export's name before it looks at what stdin is.
    const d = workdir('stdin-clash');
    writeFileSync(join(d, 'x.json'), readFileSync(join(d, 'x.csv')));
    const before = readFileSync(join(d, 'x.json'));
    const fd = openSync(join(d, 'x.json'), 'r');
    const r = spawnSync(process.execPath, [BIN, 'inspect', '-', '--json', 'x.json'], {
      cwd: d,
      stdio: [fd, 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'complaints: x.json：这个输出就是从标准输入读入的输入文件，写入会毁掉那个文件。',
    );
    expect(readFileSync(join(d, 'x.json'))).toEqual(before);
  });

  it.each([
    [['analyze', 'x.csv', '--json'], '输入文件 x.csv', 'the input x.csv'],
    [['inspect', '-'], '标准输入读取的那个文件', 'the file standard input reads'],
    [['analyze', 'x.csv', '--targets', 't.csv'], '考核指标文件 t.csv', 'the targets file t.csv'],
  ])('refuses standard output appended (>>) to a file it reads: %j', (args, zh, en) => {
    const d = workdir('stdout-into-input');
    writeFileSync(join(d, 't.csv'), '供电单位,年度指标\n国网歙县供电公司,10\n');
    const file = join(d, args.includes('t.csv') ? 't.csv' : 'x.csv');
    const before = readFileSync(file);
    for (const [lang, words] of [
      ['zh', `complaints: 标准输出被重定向到了${zh}，往里写会毁掉那个文件`],
      ['en', `complaints: standard output is redirected to ${en}; writing there would destroy`],
    ] as const) {
      const input = openSync(join(d, 'x.csv'), 'r');
      const output = openSync(file, 'a');
      const r = spawnSync(process.execPath, [BIN, ...args, '--lang', lang], {
        cwd: d,
        stdio: [input, output, 'pipe'],
        encoding: 'utf8',
      });
      closeSync(input);
      closeSync(output);
      expect(r.status).toBe(2);
      expect(isPlainError(r.stderr)).toBe(true);
      expect(r.stderr).toContain(words);
      expect(readFileSync(file)).toEqual(before);
    }
  });

  it('a shipped taxonomy printed into a file of its name is no file read: written', () => {
    const d = workdir('taxonomy-printout');
    const output = openSync(join(d, 'sgcc-95598'), 'w');
    const r = spawnSync(process.execPath, [BIN, 'taxonomy', 'sgcc-95598'], {
      cwd: d,
      stdio: ['ignore', output, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(output);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(d, 'sgcc-95598'), 'utf8')).toContain('服务投诉');
  });

  it('holds at most 320 MiB of a workbook coming through a pipe', () => {
    const script = `(printf 'PK\\003\\004'; head -c 340000000 /dev/zero) | "${process.execPath}" "${BIN}" inspect -`;
    const r = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'complaints: stdin：从管道读入的工作簿要整个放在内存里，这个超过了 320 MiB，不予读取。',
    );
  });
});
