/**
 * The later input's copy of a work order counts, so reading a re-export before the export it
 * replaces lets the stale copies win. A folder is read in name order, and the revisions
 * fixtures show the trap: 95598-2016-10-11.csv (October and November, exported 1 December)
 * sorts before 95598-2016-10.xlsx (October, exported 1 November). It is said, not guessed at:
 * by the export dates the title rows state, or else by how far each input's data reaches.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints, ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-read-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OCTOBER = '95598-2016-10.xlsx';
const REEXPORT = '95598-2016-10-11.csv';
const folder = join(dir, 'exports');

describe('an input read after a newer export whose copies it replaces', () => {
  mkdirSync(folder, { recursive: true });
  for (const f of [OCTOBER, REEXPORT])
    copyFileSync(join(ROOT, 'fixtures/revisions', f), join(folder, f));

  it('is said when a folder puts the older export last (by how far the data reaches)', () => {
    const r = complaints(['analyze', folder, '--month', '2016-10'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain(
      `${join(folder, OCTOBER)}：在 ${join(folder, REEXPORT)} 之后读取，13 张内容不同的重复工单以它为准；但它的数据只到 2016-10-31，${join(folder, REEXPORT)} 的到 2016-11-30，后者可能是较新的导出。`,
    );
  });

  it('is said on stderr by report (a cron mail), and the bulletin does not claim the later export won', () => {
    const out = join(dir, 'misordered.md');
    const r = complaints(['report', folder, '--month', '2016-10', '--out', out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(folder, OCTOBER)}：在 ${join(folder, REEXPORT)} 之后读取`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(
      '14件工单在多个导出中内容不一致，以后读取的导出为准；但读取顺序与导出先后可能不符，相关数字待核对。',
    );
    expect(text).not.toContain('以较晚导出的数据为准');
    const ordered = join(dir, 'ordered.md');
    const again = complaints(
      ['report', OCTOBER, REEXPORT, '--month', '2016-10', '--out', ordered],
      {
        cwd: folder,
      },
    );
    expect(again.stderr).not.toContain('之后读取');
    expect(readFileSync(ordered, 'utf8')).toContain(
      '件工单在多个导出中内容不一致，以较晚导出的数据为准。',
    );
  });

  it('follows the order the config file\'s "inputs" list, and says how to change it', () => {
    const config = join(dir, 'complaints.config.json');
    const listing = (inputs: string[]) =>
      writeFileSync(config, JSON.stringify({ inputs, period: '2016-10' }));
    listing([`exports/${REEXPORT}`, `exports/${OCTOBER}`]);
    const r = complaints(['analyze', '--config', config], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain(
      `${join(folder, OCTOBER)}：在 ${join(folder, REEXPORT)} 之后读取，13 张内容不同的重复工单以它为准`,
    );
    expect(r.stdout + r.stderr).toContain(
      '若是，请让它在后面读取（命令行和配置文件的 "inputs" 按列出的顺序读取，同一文件只在第一次列出处读取；同一文件夹或通配模式中的文件按文件名顺序读取，须改名，或不用文件夹、通配模式而把文件逐个列出，使较新的导出排在后面），再运行一次。',
    );
    const en = complaints(['analyze', '--config', config, '--lang', 'en'], { cwd: dir });
    expect(en.stdout + en.stderr).toContain(
      'If so, have it read last (the command line and the config file\'s "inputs" are read in the order listed, each file where it is first listed; the files of one folder or pattern in name order: rename them, or list the files one by one instead of their folder or pattern, so that the newer export comes last) and run again.',
    );
    // Named again after its folder: still read where the folder first gave it (as the hint says).
    listing(['exports', `exports/${REEXPORT}`]);
    const folderFirst = complaints(['analyze', '--config', config], { cwd: dir });
    expect(folderFirst.stdout + folderFirst.stderr).toContain('同一文件只在第一次列出处读取');
    expect(folderFirst.stdout + folderFirst.stderr).toContain('之后读取');
    // Listed the other way round (names sort the re-export first): the re-export is read last.
    listing([`exports/${OCTOBER}`, `exports/${REEXPORT}`]);
    const ordered = complaints(['analyze', '--config', config], { cwd: dir });
    expect(ordered.code).toBe(0);
    expect(ordered.stdout + ordered.stderr).not.toContain('之后读取');
    expect(ordered.stdout + ordered.stderr).toContain(
      `complaints inspect ${join(folder, OCTOBER)} ${join(folder, REEXPORT)}`,
    );
  });

  it('is not said when the exports are given oldest first', () => {
    const r = complaints(['analyze', OCTOBER, REEXPORT, '--month', '2016-10'], {
      cwd: folder,
    });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('之后读取');
  });

  it('is said in English with --lang en', () => {
    const r = complaints(['analyze', REEXPORT, OCTOBER, '--month', '2016-10', '--lang', 'en'], {
      cwd: folder,
    });
    expect(r.stdout + r.stderr).toContain(
      `${OCTOBER}: read after ${REEXPORT}, so its copies of 13 differing repeated work orders count; but its data ends on 2016-10-31 and that of ${REEXPORT} on 2016-11-30, which may be the newer export.`,
    );
  });
});

describe('by the export dates the title rows state', () => {
  const csv = (exported: string, state: string) =>
    `95598工单明细\n导出时间：${exported}\n` +
    '工单编号,受理时间,供电单位,业务类型,一级分类\n' +
    `16100100000001,2016-10-03 09:00:00,国网歙县供电公司,投诉,${state}\n` +
    '16100100000002,2016-10-04 09:00:00,国网歙县供电公司,投诉,服务投诉\n';
  writeFileSync(join(dir, 'a.csv'), csv('2016-12-01 08:00:00', '营业投诉'));
  writeFileSync(join(dir, 'b.csv'), csv('2016-11-01 08:00:00', '服务投诉'));

  it('names the dates when the input read last was exported first', () => {
    const r = complaints(['analyze', 'a.csv', 'b.csv', '--month', '2016-10'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain(
      'b.csv：在 a.csv 之后读取，1 张内容不同的重复工单以它为准；但它导出于 2016-11-01，早于 a.csv（2016-12-01）。',
    );
  });

  it('says nothing when the later export is read last', () => {
    const r = complaints(['analyze', 'b.csv', 'a.csv', '--month', '2016-10'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('之后读取');
  });
});
