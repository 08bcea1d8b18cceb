import { join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, loadConfig } from '../../src/settings/config-file.js';
import { failure, folders } from './helpers.js';

const folder = folders('complaints-config-');

describe('loadConfig', () => {
  it('finds complaints.config.json in the working directory; paths come back absolute', async () => {
    const dir = folder({
      [CONFIG_FILE]: `\uFEFF${JSON.stringify({
        inputs: 'exports/*.xlsx',
        targets: 'targets/2017.xlsx',
        taxonomy: 'sgcc-95598',
        model: '../shared/model.json',
        out: 'reports/{period}.xlsx',
        period: 'previous-quarter',
      })}`,
    });
    const loaded = await loadConfig(undefined, dir);
    expect(loaded).toEqual({
      file: join(dir, CONFIG_FILE),
      dir,
      settings: {
        inputs: ['exports/*.xlsx'],
        targets: join(dir, 'targets/2017.xlsx'),
        taxonomy: 'sgcc-95598',
        model: join(dir, '../shared/model.json'),
        out: join(dir, 'reports/{period}.xlsx'),
        period: 'previous-quarter',
      },
    });
  });

  it.each([
    ['taxonomies/mine.json', true],
    ['taxonomies\\mine', true],
    ['mine.JSON', true],
    ['/etc/complaints/mine.json', true],
    ['sgcc-95598', false],
  ])('taxonomy %j is a path: %s', async (taxonomy, isPath) => {
    const dir = folder({ [CONFIG_FILE]: JSON.stringify({ taxonomy }) });
    const loaded = await loadConfig(undefined, dir);
    expect(loaded?.settings.taxonomy).toBe(isPath ? resolve(dir, taxonomy) : taxonomy);
  });

  it.each([
    // A pattern reads whatever it matches; a folder the .csv and .txt below it.
    ['exports/*', 'exports/投诉分析-{period}.md', 'exports/投诉分析-2016Q4.md'],
    ['**/*.csv', 'reports/r-{from}-{to}.csv', 'reports/r-2016-01-2016-12.csv'],
    ['exports', 'exports/reports/{period}.csv', 'exports/reports/2016Q4.csv'],
    // Only a day's name matches (review3 #5: the daily bulletin's table, read back next day).
    ['data/*-??-??.csv', 'data/r-{period}.csv', 'data/r-2016-06-30.csv'],
    ['data/*-W??.md', 'data/{period}.md', 'data/2016-W26.md'],
    ['data/*_*.csv', 'data/{from}_{to}.csv', 'data/2016-01_2016-12.csv'],
  ])('refuses inputs %j with out %j: next run would read the report', async (inputs, out, hit) => {
    const dir = folder({ [CONFIG_FILE]: JSON.stringify({ inputs, out }) });
    const error = await failure(() => loadConfig(undefined, dir));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      `${join(dir, CONFIG_FILE)}: "out" ${JSON.stringify(relative(dir, resolve(dir, out)))} writes reports that "inputs" ${JSON.stringify(inputs)} would read as exports (e.g. ${hit}).`,
    );
  });

  it('refuses an out that writes over an input named on its own', async () => {
    const dir = folder({
      [CONFIG_FILE]: JSON.stringify({
        inputs: ['exports/2016.xlsx'],
        out: 'exports/{period}.xlsx',
      }),
    });
    const error = await failure(() => loadConfig(undefined, dir));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      `${join(dir, CONFIG_FILE)}: "out" "exports/{period}.xlsx" would write over the input "exports/2016.xlsx" (exports/2016.xlsx).`,
    );
  });

  it.each([
    // Refused before session 6; the command line leaves our workbooks out by their sheets.
    ['exports/*', 'exports/投诉分析-{period}.xlsx'],
    ['**/*.xlsx', 'reports/r-{from}-{to}.xlsx'],
    ['exports/*.xlsx', './exports/../exports/{date}.xlsx'],
    ['exports', 'exports/reports/{period}.xlsx'],
    // A folder reads no .md or .docx.
    ['exports', 'exports/{period}.docx'],
  ])(
    'accepts inputs %j with a workbook or document out %j, as the command line does',
    async (inputs, out) => {
      const dir = folder({ [CONFIG_FILE]: JSON.stringify({ inputs, out }) });
      expect((await loadConfig(undefined, dir))?.settings.out).toBe(resolve(dir, out));
    },
  );

  it('accepts reports in a folder the inputs do not cover', async () => {
    const dir = folder({
      [CONFIG_FILE]: JSON.stringify({ inputs: ['exports/*.xlsx'], out: 'reports/{period}.xlsx' }),
    });
    expect((await loadConfig(undefined, dir))?.settings.out).toBe(
      join(dir, 'reports/{period}.xlsx'),
    );
    const besideFolder = folder({
      [CONFIG_FILE]: JSON.stringify({ inputs: ['exports'], out: 'exports-reports/{period}.xlsx' }),
    });
    expect((await loadConfig(undefined, besideFolder))?.settings.out).toBe(
      join(besideFolder, 'exports-reports/{period}.xlsx'),
    );
  });

  it('returns null when there is no config file and none was asked for', async () => {
    expect(await loadConfig(undefined, folder())).toBeNull();
    expect(await loadConfig(undefined, folder({ [`${CONFIG_FILE}/x`]: '' }))).toBeNull();
  });

  it('--config FILE: relative to the working directory; paths in it relative to its own folder', async () => {
    const dir = folder({ 'cron/monthly.json': '{ "targets": "t.xlsx", "period": "2016Q4" }' });
    const loaded = await loadConfig('cron/monthly.json', dir);
    expect(loaded).toEqual({
      file: join(dir, 'cron/monthly.json'),
      dir: join(dir, 'cron'),
      settings: { targets: join(dir, 'cron/t.xlsx'), period: '2016Q4' },
    });
  });

  it('"template": relative to the config file’s folder, as the other files are', async () => {
    const dir = folder({
      'cron/monthly.json': '{ "template": "模板/通报模板.docx", "out": "通报.docx" }',
    });
    const loaded = await loadConfig('cron/monthly.json', dir);
    expect(loaded?.settings).toEqual({
      template: join(dir, 'cron/模板/通报模板.docx'),
      out: join(dir, 'cron/通报.docx'),
    });
  });

  it('"units" and "codes": relative to the config file’s folder; "rollup" as given', async () => {
    const dir = folder({
      'cron/monthly.json': '{ "units": "单位.csv", "rollup": 1, "codes": "../codes.json" }',
    });
    const loaded = await loadConfig('cron/monthly.json', dir);
    expect(loaded?.settings).toEqual({
      units: join(dir, 'cron/单位.csv'),
      rollup: 1,
      codes: join(dir, 'codes.json'),
    });
  });

  it('--config FILE wins over complaints.config.json in the working directory', async () => {
    const dir = folder({ [CONFIG_FILE]: '{ "lang": "zh" }', 'other.json': '{ "lang": "en" }' });
    expect((await loadConfig('other.json', dir))?.settings).toEqual({ lang: 'en' });
  });

  it('--config FILE that does not exist', async () => {
    const error = await failure(() => loadConfig('nope.json', folder()));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe('--config nope.json: no such file.');
    expect(error.hint).toBe(
      'Check the path; without --config, complaints.config.json in the working directory is used.',
    );
  });

  it('--config FOLDER', async () => {
    const dir = folder({ [`cron/${CONFIG_FILE}`]: '{}' });
    const error = await failure(() => loadConfig('cron', dir));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toBe('--config cron: is a folder, not a file.');
    expect(error.hint).toBe(`Did you mean --config ${join('cron', CONFIG_FILE)}?`);
  });

  it.each<[string, string | Buffer, string, string | undefined]>([
    [
      'a comma after the last item',
      '{\n  "period": "2016Q4",\n}\n',
      'c.json: not valid JSON at line 3, column 1: Expected double-quoted property name.',
      'JSON needs "double quotes", no comments and no comma after the last item.',
    ],
    [
      'a missing colon',
      '{\n  "period" "2016Q4"\n}',
      "c.json: not valid JSON at line 2, column 12: Expected ':' after property name.",
      'JSON needs "double quotes", no comments and no comma after the last item.',
    ],
    [
      'an empty file',
      ' \n',
      'c.json: the file is empty.',
      'Example: { "inputs": ["exports/*.xlsx"], "period": "previous-month" }',
    ],
    [
      'a GBK file',
      iconv.encode('{ "map": ["unit=管理单位名称"] }', 'gbk'),
      'c.json: not UTF-8 text (saved as GBK?); a config file is UTF-8.',
      'Save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).',
    ],
    [
      'a UTF-16 file',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]),
      'c.json: the file is UTF-16; a config file is UTF-8.',
      'Save it as UTF-8 (in Notepad: Save As, Encoding UTF-8).',
    ],
    [
      'a setting written twice (JSON.parse would keep the second without a word)',
      '{\n  "inputs": ["exports/2016-*.xlsx"],\n  "period": "2016Q4",\n  "inputs": ["exports/2017-*.xlsx"]\n}\n',
      'c.json: "inputs" is written twice (lines 2 and 4); JSON would keep only the last.',
      'Keep one of them (a list of inputs goes in one array: ["a.xlsx", "b.xlsx"]).',
    ],
    [
      'a key written twice inside "map"',
      '{ "map": { "unit": "管理单位", "unit": "供电单位" } }',
      'c.json: "unit" is written twice (line 1); JSON would keep only the last.',
      'Keep one of them (a list of inputs goes in one array: ["a.xlsx", "b.xlsx"]).',
    ],
    [
      'a field mapped twice in the "map" list',
      '{ "map": ["unit=供电单位", "unit=受理内容"] }',
      'c.json: "map[1]": "unit=受理内容": unit is already "供电单位"; one field, one column.',
      'Remove one of the two.',
    ],
    [
      'an unknown key',
      '{ "peroid": "2016Q4" }',
      'c.json: "peroid": unknown setting; did you mean "period"?',
      undefined,
    ],
  ])('%s is refused, naming the file', async (_, content, message, hint) => {
    const error = await failure(() => loadConfig('c.json', folder({ 'c.json': content })));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });

  it('an invalid token is named even where JSON.parse gives no position', async () => {
    const error = await failure(() =>
      loadConfig('c.json', folder({ 'c.json': '{ "prorate": tru }' })),
    );
    expect(error.message).toMatch(
      /^c\.json: not valid JSON( at line 1, column \d+)?: Unexpected token/,
    );
    expect(error.message).not.toContain('"prorate"');
  });

  it('a config file found in the working directory is named by its path', async () => {
    const dir = folder({ [CONFIG_FILE]: '{ "lang": "fr" }' });
    const error = await failure(() => loadConfig(undefined, dir));
    expect(error.message).toBe(
      `${join(dir, CONFIG_FILE)}: "lang": expected "zh" or "en", got a string ("fr").`,
    );
  });
});
