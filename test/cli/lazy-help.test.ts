/**
 * `complaints --help` and `complaints CMD --help` load the registrations only: no reader,
 * writer, chart or table library (issue 11). A loader hook records every module Node
 * resolves while dist/cli.js's program() prints the help.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LoadRecorder, MAIN, PROGRAM } from '../helpers/loaded.js';

const recorder = new LoadRecorder();
afterAll(() => recorder.remove());

const HEAVY = ['exceljs', 'echarts', '@resvg/resvg-js', 'iconv-lite', 'papaparse'];

describe('--help loads no heavy module', () => {
  it.each([
    [[]],
    [['analyze']],
    [['trend']],
    [['assess']],
    [['report']],
    [['inspect']],
    [['classify']],
    [['taxonomy']],
    [['warn']],
  ])('complaints %j --help: commander alone', (command) => {
    const { stdout, stderr, packages } = recorder.run(PROGRAM, [...command, '--help']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^用法：complaints/);
    expect(packages).toEqual(['commander']);
  });

  it('complaints analyze --help --lang en (main, the run’s language): commander alone', () => {
    const { stdout, stderr, packages } = recorder.run(MAIN, ['analyze', '--help', '--lang', 'en']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: complaints analyze/);
    expect(packages).toEqual(['commander']);
  });

  it('complaints --version: commander alone', () => {
    const { stdout, stderr, packages } = recorder.run(PROGRAM, ['--version']);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(packages).toEqual(['commander']);
  });

  it('complaints help report (the help command): commander alone', () => {
    const { stdout, packages } = recorder.run(PROGRAM, ['help', 'report']);
    expect(stdout).toMatch(/^用法：complaints report/);
    expect(packages).toEqual(['commander']);
  });

  it('the hook sees what a command loads (a GB18030 CSV needs iconv-lite)', () => {
    const { stdout, packages } = recorder.run(MAIN, [
      'inspect',
      'fixtures/95598-2016-11-12-gb18030.csv',
      '--json',
    ]);
    expect(JSON.parse(stdout).inputs[0].encoding).toBe('gb18030');
    expect(packages).toContain('iconv-lite');
    // The segmenter and its dictionary load only when hot words are computed.
    expect(packages).not.toContain('@node-rs/jieba');
    expect(HEAVY.filter((name) => packages.includes(name))).not.toEqual([]);
  });
});
