import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExcelJS } from '../../src/io/exceljs.js';
import { expandCommandLine, listFolder, resolveInputs } from '../../src/settings/inputs.js';
import { expansionLine } from '../../src/settings/command.js';
import { failure, folders } from './helpers.js';

const folder = folders('complaints-inputs-');

describe('resolveInputs', () => {
  it('expands globs relative to the folder, oldest month first', async () => {
    const dir = folder({
      'exports/2017-01.xlsx': 'x',
      'exports/2016-12.xlsx': 'x',
      'exports/2016-9.xlsx': 'x',
      'exports/2016-10.xlsx': 'x',
      'exports/~$2017-01.xlsx': 'lock',
      'exports/.hidden.xlsx': 'x',
      'exports/notes.txt': 'x',
      'exports/old/2015-12.xlsx': 'x',
    });
    expect(await resolveInputs(['exports/*.xlsx'], dir)).toEqual(
      ['2016-9', '2016-10', '2016-12', '2017-01'].map((m) => join(dir, `exports/${m}.xlsx`)),
    );
    expect(await resolveInputs(['exports/**/*.xlsx'], dir)).toEqual(
      ['2016-9', '2016-10', '2016-12', '2017-01', 'old/2015-12'].map((m) =>
        join(dir, `exports/${m}.xlsx`),
      ),
    );
  });

  it('keeps the order listed, sorts within a glob, drops repeats, takes literal and absolute paths', async () => {
    const dir = folder({
      'a/2016-12.csv': 'x',
      'b/2016-11.csv': 'x',
      'b/投诉[1].xlsx': 'x',
    });
    expect(
      await resolveInputs(
        [
          'b/*.csv',
          join(dir, 'a/*.csv'),
          'b/2016-11.csv',
          'b/投诉[1].xlsx',
          '../' + dir.split('/').pop() + '/a/2016-12.csv',
        ],
        dir,
      ),
    ).toEqual([
      join(dir, 'b/2016-11.csv'),
      join(dir, 'a/2016-12.csv'),
      join(dir, 'b/投诉[1].xlsx'),
    ]);
  });

  it.each<[string, string, string]>([
    [
      'exports/*.csv',
      '"inputs": "exports/*.csv" matched no file in DIR.',
      "Patterns are relative to the config file's folder; check the folder and the extension.",
    ],
    [
      'missing/*.xlsx',
      '"inputs": "missing/*.xlsx" matched no file: there is no folder DIR/missing.',
      "Patterns are relative to the config file's folder.",
    ],
    [
      'exports/2016-13.xlsx',
      '"inputs": "exports/2016-13.xlsx": no such file in DIR.',
      "Paths in the config file are relative to the config file's folder.",
    ],
    [
      'notes',
      '"inputs": "notes" is a folder in DIR that holds no export (.xlsx, .csv or .txt).',
      "Paths in the config file are relative to the config file's folder.",
    ],
  ])('%s fails, naming it', async (pattern, message, hint) => {
    const dir = folder({ 'exports/2016-11.xlsx': 'x', 'notes/a.docx': 'x' });
    const error = await failure(() => resolveInputs(['exports/*.xlsx', pattern], dir));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(message.replace('DIR', dir));
    expect(error.hint).toBe(hint);
  });
});

describe('a folder as an input', () => {
  const exports = {
    'exports/2016-10.xlsx': 'x',
    'exports/2016-9.csv': 'x',
    'exports/2016-11.txt': 'x',
    'exports/2015/2015-12.XLSX': 'x',
    'exports/~$2016-10.xlsx': 'lock',
    'exports/.hidden.csv': 'x',
    'exports/.old/2014.xlsx': 'x',
    'exports/notes.docx': 'x',
    'exports/2013.xls': 'x',
  };

  it('reads the exports inside it and its subfolders, not hidden ones, sorted', async () => {
    const dir = folder(exports);
    expect(await listFolder(join(dir, 'exports'), 'exports')).toEqual({
      files: [
        'exports/2015/2015-12.XLSX',
        'exports/2016-9.csv',
        'exports/2016-10.xlsx',
        'exports/2016-11.txt',
      ],
      leftOut: ['exports/2013.xls', 'exports/notes.docx'],
    });
  });

  it('on the command line, keeps the order of the arguments and names what it read', async () => {
    const dir = folder(exports);
    const { inputs, expanded } = await expandCommandLine(
      ['exports/2016-11.txt', 'exports/', 'exports/*.xlsx', '-', 'missing.csv'],
      dir,
    );
    // The file given first stays first; the folder does not read it again, nor the glob.
    expect(inputs).toEqual([
      'exports/2016-11.txt',
      'exports/2015/2015-12.XLSX',
      'exports/2016-9.csv',
      'exports/2016-10.xlsx',
      '-',
      'missing.csv',
    ]);
    expect(expanded).toEqual([
      {
        given: 'exports/',
        kind: 'folder',
        files: ['exports/2015/2015-12.XLSX', 'exports/2016-9.csv', 'exports/2016-10.xlsx'],
        leftOut: ['exports/2013.xls', 'exports/notes.docx'],
      },
      { given: 'exports/*.xlsx', kind: 'glob', files: [], leftOut: [] },
    ]);
    expect(expansionLine(expanded[0]!, 'en')).toBe(
      'exports/: reading 3 files: exports/2015/2015-12.XLSX, exports/2016-9.csv, exports/2016-10.xlsx; not read: exports/2013.xls, exports/notes.docx (save .xls as .xlsx to read it)',
    );
    expect(expansionLine(expanded[0]!, 'zh')).toBe(
      'exports/：读取 3 个文件 exports/2015/2015-12.XLSX、exports/2016-9.csv、exports/2016-10.xlsx；未读取 exports/2013.xls、exports/notes.docx（.xls 请另存为 .xlsx）',
    );
  });

  it('expands a quoted glob as a Windows shell leaves it, sorted with numbers as numbers', async () => {
    const dir = folder(exports);
    expect((await expandCommandLine(['exports/2016-*'], dir)).inputs).toEqual([
      'exports/2016-9.csv',
      'exports/2016-10.xlsx',
      'exports/2016-11.txt',
    ]);
    expect((await expandCommandLine([join(dir, 'exports/*.txt')], dir)).inputs).toEqual([
      join(dir, 'exports/2016-11.txt'),
    ]);
  });

  it('takes a file whose name looks like a glob as the file', async () => {
    const dir = folder({ '投诉[1].xlsx': 'x' });
    expect(await expandCommandLine(['投诉[1].xlsx'], dir)).toEqual({
      inputs: ['投诉[1].xlsx'],
      expanded: [],
    });
  });

  it.each<[string, string, string]>([
    [
      'exports/*.csv',
      'exports/*.csv: no file matches this pattern.',
      'Check the folder and the extension (patterns are relative to the working directory).',
    ],
    [
      'nowhere/*.xlsx',
      'nowhere/*.xlsx: no file matches this pattern.',
      'Check the folder and the extension (patterns are relative to the working directory).',
    ],
    [
      'notes',
      'notes: this folder holds no export (.xlsx, .csv or .txt), only 1 other file(s) such as notes/a.docx.',
      'Give the folder the exports are in, or the files themselves.',
    ],
  ])('%s is refused', async (arg, message, hint) => {
    const dir = folder({ 'exports/2016-11.xlsx': 'x', 'notes/a.docx': 'x' });
    const error = await failure(() => expandCommandLine([arg], dir));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });
});

describe("this tool's reports in a folder or pattern are not read as exports", () => {
  /** A workbook whose first sheets are a report's: 概览 then 单位 (or Summary then Units). */
  async function report(path: string, sheets = ['概览', '单位']): Promise<void> {
    const book = new (loadExcelJS().Workbook)();
    for (const name of sheets) book.addWorksheet(name).getCell('A1').value = name;
    await book.xlsx.writeFile(path);
  }

  it('leaves them out of a folder and a pattern, and names them; a file named alone is read', async () => {
    const dir = folder({ 'ex/95598-2016-11.xlsx': 'x' });
    await report(join(dir, 'ex/投诉分析-2016-11.xlsx'));
    const folderRun = await expandCommandLine(['ex'], dir);
    expect(folderRun.inputs).toEqual(['ex/95598-2016-11.xlsx']);
    expect(folderRun.expanded[0]!.leftOut).toEqual(['ex/投诉分析-2016-11.xlsx']);
    expect(expansionLine(folderRun.expanded[0]!, 'zh')).toBe(
      'ex：读取 1 个文件 ex/95598-2016-11.xlsx；未读取 ex/投诉分析-2016-11.xlsx（本工具写的报告不作为输入读取）',
    );
    const globRun = await expandCommandLine(['ex/*.xlsx'], dir);
    expect(globRun.inputs).toEqual(['ex/95598-2016-11.xlsx']);
    expect(globRun.expanded[0]!.leftOut).toEqual(['ex/投诉分析-2016-11.xlsx']);
    expect((await expandCommandLine(['ex/投诉分析-2016-11.xlsx'], dir)).inputs).toEqual([
      'ex/投诉分析-2016-11.xlsx',
    ]);
  });

  it('leaves one out whatever its name (a report written with --out into the exports)', async () => {
    const dir = folder({ 'ex/95598-2016-11.xlsx': 'x' });
    await report(join(dir, 'ex/r.xlsx'));
    const run = await expandCommandLine(['ex'], dir);
    expect(run.inputs).toEqual(['ex/95598-2016-11.xlsx']);
    expect(expansionLine(run.expanded[0]!, 'zh')).toBe(
      'ex：读取 1 个文件 ex/95598-2016-11.xlsx；未读取 ex/r.xlsx（本工具写的报告不作为输入读取）',
    );
  });

  it("an export that only carries a report's name is read (and so never overwritten)", async () => {
    const dir = folder({ 'ex/95598-2016-11.xlsx': 'x', 'ex/投诉分析-2016-10.xlsx': 'not a zip' });
    await report(join(dir, 'ex/投诉分析-2016-11.xlsx'), ['Summary', 'Units']);
    await report(join(dir, 'ex/投诉分析-2016-12.xlsx'), ['工单', '概览']);
    const run = await expandCommandLine(['ex'], dir);
    expect(run.inputs).toEqual([
      'ex/95598-2016-11.xlsx',
      'ex/投诉分析-2016-10.xlsx',
      'ex/投诉分析-2016-12.xlsx',
    ]);
    expect(run.expanded[0]!.leftOut).toEqual(['ex/投诉分析-2016-11.xlsx']);
    expect((await expandCommandLine(['ex/投诉*.xlsx'], dir)).inputs).toEqual([
      'ex/投诉分析-2016-10.xlsx',
      'ex/投诉分析-2016-12.xlsx',
    ]);
  });
});
