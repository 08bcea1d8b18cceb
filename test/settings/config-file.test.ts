import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { CONFIG_FILE, loadConfig } from '../../src/settings/config-file.js';
import { validateConfig } from '../../src/settings/config-validate.js';
import { resolveInputs } from '../../src/settings/inputs.js';
import { outputPath, periodLabel } from '../../src/settings/output-path.js';
import {
  PERIOD_RULES,
  parsePeriodOptions,
  periodFromRule,
  type PeriodOptions,
} from '../../src/settings/period-syntax.js';
import type { ConfigSettings } from '../../src/settings/types.js';

/** A wall-clock date, built from local parts as the program's `new Date()` is read. */
const day = (text: string) => {
  const [y, m, d] = text.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 0, 30);
};

/** The InputError a call throws (sync or async), to assert its code, message and hint. */
async function failure(run: () => unknown): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const root = mkdtempSync(join(tmpdir(), 'complaints-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = join(root, `f${++folders}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('periodFromRule', () => {
  it.each<[string, string, PeriodOptions]>([
    ['previous-month', '2016-11-15', { month: '2016-10' }],
    ['previous-month', '2017-01-01', { month: '2016-12' }],
    ['previous-month', '2017-01-02', { month: '2016-12' }],
    ['previous-month', '2016-04-01', { month: '2016-03' }],
    ['previous-month', '2016-03-31', { month: '2016-02' }],
    ['current-month', '2017-01-01', { month: '2017-01' }],
    ['current-month', '2016-12-31', { month: '2016-12' }],
    ['previous-quarter', '2017-01-01', { quarter: '2016Q4' }],
    ['previous-quarter', '2016-04-01', { quarter: '2016Q1' }],
    ['previous-quarter', '2016-03-31', { quarter: '2015Q4' }],
    ['previous-quarter', '2016-11-15', { quarter: '2016Q3' }],
    ['current-quarter', '2017-01-01', { quarter: '2017Q1' }],
    ['current-quarter', '2016-04-01', { quarter: '2016Q2' }],
    ['current-quarter', '2016-03-31', { quarter: '2016Q1' }],
    ['current-quarter', '2016-12-31', { quarter: '2016Q4' }],
    // In January the year so far is a few days: the whole previous year instead.
    ['year-to-date', '2017-01-01', { year: '2016' }],
    ['year-to-date', '2017-01-02', { year: '2016' }],
    ['year-to-date', '2017-01-31', { year: '2016' }],
    ['year-to-date', '2017-02-01', { from: '2017-01', to: '2017-02' }],
    ['year-to-date', '2016-04-01', { from: '2016-01', to: '2016-04' }],
    ['year-to-date', '2016-12-31', { from: '2016-01', to: '2016-12' }],
    ['previous-year', '2017-01-01', { year: '2016' }],
    ['previous-year', '2016-12-31', { year: '2015' }],
    ['current-year', '2017-01-01', { year: '2017' }],
    ['current-year', '2016-12-31', { year: '2016' }],
    // Literal periods are the same whatever the date.
    ['2016-11', '2017-01-02', { month: '2016-11' }],
    ['2016Q4', '2017-01-02', { quarter: '2016Q4' }],
    ['2016q1', '2017-01-02', { quarter: '2016Q1' }],
    ['2016-Q2', '2017-01-02', { quarter: '2016Q2' }],
    ['2016', '2017-01-02', { year: '2016' }],
    ['2016-01..2016-06', '2017-01-02', { from: '2016-01', to: '2016-06' }],
    ['2015-11..2016-02', '2017-01-02', { from: '2015-11', to: '2016-02' }],
    ['2016-03..2016-03', '2017-01-02', { from: '2016-03', to: '2016-03' }],
    [' previous-month ', '2016-11-15', { month: '2016-10' }],
  ])('%s on %s → %j', (rule, today, expected) => {
    const options = periodFromRule(rule, day(today));
    expect(options).toEqual(expected);
    expect(() => parsePeriodOptions(options)).not.toThrow();
  });

  it('reads the local date it is given, at any hour', () => {
    expect(periodFromRule('previous-month', new Date(2017, 0, 1, 0, 0, 1))).toEqual({
      month: '2016-12',
    });
    expect(periodFromRule('previous-month', new Date(2016, 11, 31, 23, 59, 59))).toEqual({
      month: '2016-11',
    });
  });

  it.each<[string, string]>([
    ['last-month', 'period "last-month" is not a period rule.'],
    [
      'previous-months',
      'period "previous-months" is not a period rule; did you mean "previous-month"?',
    ],
    ['yeartodate', 'period "yeartodate" is not a period rule; did you mean "year-to-date"?'],
    ['2016-13', 'period "2016-13" is not a month; write it as YYYY-MM, e.g. 2016-11.'],
    ['2016-1', 'period "2016-1" is not a month; write it as YYYY-MM, e.g. 2016-11.'],
    ['2016Q5', 'period "2016Q5" is not a quarter; write it as YYYYQn, e.g. 2016Q4.'],
    ['2016-06..2016-01', 'period "2016-06..2016-01": the first month is after the last.'],
    [
      '2016-01..2016-6',
      'period "2016-01..2016-6" is not a range of months; write it as YYYY-MM..YYYY-MM, e.g. 2016-01..2016-06.',
    ],
    ['', 'period "" is not a period rule.'],
  ])('%j is refused', async (rule, message) => {
    const error = await failure(() => periodFromRule(rule, day('2017-01-02')));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(
      'Use one of previous-month, current-month, previous-quarter, current-quarter, year-to-date, previous-year, current-year, or a period such as 2016-11, 2016Q4, 2016 or 2016-01..2016-06.',
    );
  });

  it('PERIOD_RULES lists every rule for the help text, and each one works', () => {
    expect(PERIOD_RULES.map((r) => r.rule)).toEqual([
      'previous-month',
      'current-month',
      'previous-quarter',
      'current-quarter',
      'year-to-date',
      'previous-year',
      'current-year',
      '2016-11',
      '2016Q4',
      '2016',
      '2016-01..2016-06',
    ]);
    for (const { rule, meaning } of PERIOD_RULES) {
      expect(meaning).not.toBe('');
      expect(() => periodFromRule(rule, day('2017-01-02'))).not.toThrow();
    }
  });
});

describe('outputPath', () => {
  const q4 = { label: '2016Q4', from: '2016-10', to: '2016-12' };
  it.each<[string, { label: string; from: string; to: string }, string]>([
    ['reports/投诉分析-{period}.xlsx', q4, 'reports/投诉分析-2016Q4.xlsx'],
    [
      '/srv/out/{period}.xlsx',
      { label: '2016-11', from: '2016-11', to: '2016-11' },
      '/srv/out/2016-11.xlsx',
    ],
    ['{period}.json', { label: '2016', from: '2016-01', to: '2016-12' }, '2016.json'],
    [
      'report-{period}.xlsx',
      { label: '2016-01_2016-06', from: '2016-01', to: '2016-06' },
      'report-2016-01_2016-06.xlsx',
    ],
    ['{from}_{to}.xlsx', q4, '2016-10_2016-12.xlsx'],
    ['{date}/{period}-{date}.xlsx', q4, '2017-01-02/2016Q4-2017-01-02.xlsx'],
    ['fixed.xlsx', q4, 'fixed.xlsx'],
    ['{other}-{period}.xlsx', q4, '{other}-2016Q4.xlsx'],
    [
      '{period}.xlsx',
      { label: '2016/Q4: all', from: '2016-10', to: '2016-12' },
      '2016_Q4_ all.xlsx',
    ],
  ])('%s with %j', (pattern, period, expected) => {
    expect(outputPath(pattern, period, day('2017-01-02'))).toBe(expected);
  });

  it('{date} pads month and day', () => {
    expect(outputPath('{date}', q4, day('2017-03-05'))).toBe('2017-03-05');
  });

  it.each<[Parameters<typeof periodLabel>, string]>([
    [['month', '2016-11', '2016-11'], '2016-11'],
    [['quarter', '2016-10', '2016-12'], '2016Q4'],
    [['year', '2016-01', '2016-12'], '2016'],
    [['range', '2016-01', '2016-06'], '2016-01_2016-06'],
    [['range', '2016-03', '2016-03'], '2016-03'],
    [['auto', '2016-01', '2016-09'], '2016-01_2016-09'],
  ])('periodLabel%j → %s', (args, label) => {
    expect(periodLabel(...args)).toBe(label);
  });
});

describe('validateConfig', () => {
  it('accepts every setting and normalises them', () => {
    const settings = validateConfig(
      {
        $schema: './schema.json',
        $comment: 'monthly run',
        inputs: 'exports/*.xlsx',
        targets: 'targets.xlsx',
        taxonomy: 'sgcc-95598',
        model: 'model.json',
        map: { unit: ' 管理单位名称 ' },
        complaintType: 'TS',
        encoding: 'GBK',
        sheet: 2,
        maxInflated: '8GiB',
        lang: 'en',
        prorate: true,
        excludeUnsubstantiated: false,
        replyLimit: 24,
        closeLimit: '120',
        top: 10,
        detail: true,
        charts: false,
        out: 'reports/{period}.xlsx',
        period: ' previous-month ',
      },
      'cfg.json',
    );
    expect(settings).toEqual<ConfigSettings>({
      inputs: ['exports/*.xlsx'],
      targets: 'targets.xlsx',
      taxonomy: 'sgcc-95598',
      model: 'model.json',
      map: { unit: '管理单位名称' },
      complaintType: ['TS'],
      encoding: 'gb18030',
      sheet: '2',
      maxInflated: 8 * 1024 ** 3,
      lang: 'en',
      prorate: true,
      excludeUnsubstantiated: false,
      replyLimit: 24,
      closeLimit: 120,
      top: 10,
      detail: true,
      charts: false,
      out: 'reports/{period}.xlsx',
      period: 'previous-month',
    });
  });

  it('accepts arrays, an empty object, and a year as a number', () => {
    expect(validateConfig({}, 'cfg.json')).toEqual({});
    expect(
      validateConfig(
        { inputs: ['a.xlsx', 'b/*.csv'], map: ['unit=单位', 'id=工单号'], period: 2016 },
        'cfg.json',
      ),
    ).toEqual({
      inputs: ['a.xlsx', 'b/*.csv'],
      map: { unit: '单位', id: '工单号' },
      period: '2016',
    });
  });

  it.each<[unknown, string | RegExp, string | RegExp | undefined]>([
    // not an object
    [[], 'cfg.json: expected a JSON object of settings, got an array.', /^Example: \{ "inputs"/],
    [null, 'cfg.json: expected a JSON object of settings, got null.', /^Example/],
    [
      'inputs',
      'cfg.json: expected a JSON object of settings, got a string ("inputs").',
      /^Example/,
    ],
    // unknown keys
    [
      { peroid: 'previous-month' },
      'cfg.json: "peroid": unknown setting; did you mean "period"?',
      undefined,
    ],
    [{ input: 'a.xlsx' }, 'cfg.json: "input": unknown setting; did you mean "inputs"?', undefined],
    [
      { 'reply-limit': 24 },
      'cfg.json: "reply-limit": unknown setting; did you mean "replyLimit"?',
      undefined,
    ],
    [
      { complaint_type: 'TS' },
      'cfg.json: "complaint_type": unknown setting; did you mean "complaintType"?',
      undefined,
    ],
    [{ lnag: 'en' }, 'cfg.json: "lnag": unknown setting; did you mean "lang"?', undefined],
    [
      { colour: false },
      'cfg.json: "colour": unknown setting.',
      /^Settings: inputs, targets, .*, period\.$/,
    ],
    [
      { month: '2016-11' },
      'cfg.json: "month": unknown setting; a config file gives the period as "period".',
      /^Example: "period": "2016-11", "2016Q4"/,
    ],
    [
      { to: '2016-12' },
      'cfg.json: "to": unknown setting; a config file gives the period as "period".',
      /period/,
    ],
    // wrong types
    [
      { inputs: 5 },
      'cfg.json: "inputs": expected an array of file paths or globs, got a number (5).',
      undefined,
    ],
    [
      { inputs: [] },
      'cfg.json: "inputs": expected an array of file paths or globs, got an empty array.',
      undefined,
    ],
    [
      { inputs: { a: 1 } },
      'cfg.json: "inputs": expected an array of file paths or globs, got an object.',
      undefined,
    ],
    [
      { inputs: ['a.xlsx', 3] },
      'cfg.json: "inputs[1]": expected a file path or glob, got a number (3).',
      undefined,
    ],
    [
      { inputs: [' '] },
      'cfg.json: "inputs[0]": expected a file path or glob, got an empty string.',
      undefined,
    ],
    [{ targets: true }, 'cfg.json: "targets": expected a file path, got true.', undefined],
    [{ model: '' }, 'cfg.json: "model": expected a file path, got an empty string.', undefined],
    [
      { taxonomy: 1 },
      'cfg.json: "taxonomy": expected a taxonomy name or file path, got a number (1).',
      undefined,
    ],
    [
      { complaintType: [null] },
      'cfg.json: "complaintType[0]": expected a 业务类型 value, got null.',
      undefined,
    ],
    [
      { sheet: 0 },
      'cfg.json: "sheet": expected a sheet name or number (1 = first), got a number (0).',
      undefined,
    ],
    [
      { maxInflated: 'lots' },
      'cfg.json: "maxInflated": expected a size such as "512MiB" or "8GiB", got a string ("lots").',
      undefined,
    ],
    [{ lang: 'fr' }, 'cfg.json: "lang": expected "zh" or "en", got a string ("fr").', undefined],
    [
      { prorate: 'yes' },
      'cfg.json: "prorate": expected true or false, got a string ("yes").',
      undefined,
    ],
    [{ charts: 1 }, 'cfg.json: "charts": expected true or false, got a number (1).', undefined],
    [
      { top: 2.5 },
      'cfg.json: "top": expected a whole number above 0, got a number (2.5).',
      undefined,
    ],
    [
      { top: 'ten' },
      'cfg.json: "top": expected a whole number above 0, got a string ("ten").',
      undefined,
    ],
    [
      { replyLimit: '0' },
      'cfg.json: "replyLimit": expected a number above 0, got a string ("0").',
      undefined,
    ],
    [
      { closeLimit: -1 },
      'cfg.json: "closeLimit": expected a number above 0, got a number (-1).',
      undefined,
    ],
    [
      { closeLimit: [] },
      'cfg.json: "closeLimit": expected a number above 0, got an array.',
      undefined,
    ],
    [{ out: 7 }, 'cfg.json: "out": expected an output file path, got a number (7).', undefined],
    [
      { out: 'reports/{peroid}.xlsx' },
      'cfg.json: "out": unknown placeholder {peroid}; did you mean {period}?',
      /^Placeholders: \{period\}/,
    ],
    [{ out: '{month}.xlsx' }, 'cfg.json: "out": unknown placeholder {month}.', /^Placeholders/],
    // encodings and maps
    [
      { encoding: 'klingon' },
      'cfg.json: "encoding": unknown encoding "klingon".',
      /^Use utf-8, gb18030/,
    ],
    [
      { map: ['unit'] },
      /^cfg\.json: "map\[0\]": "unit": expected field=header, with field one of id, acceptedAt, unit, .*\.$/,
      'Example: "map": ["unit=管理单位名称"]',
    ],
    [
      { map: ['unti=单位'] },
      /^cfg\.json: "map\[0\]": "unti=单位": expected field=header/,
      /Example/,
    ],
    [
      { map: { unti: '单位' } },
      'cfg.json: "map.unti": unknown field; did you mean "unit"?',
      /^Fields: id, /,
    ],
    [
      { map: { unit: 5 } },
      'cfg.json: "map.unit": expected a header name, got a number (5).',
      undefined,
    ],
    [{ map: 'unit:单位' }, /^cfg\.json: "map\[0\]": "unit:单位": expected field=header/, /Example/],
    // period rules
    [
      { period: 'last-month' },
      'cfg.json: "period": "last-month" is not a period rule.',
      'Use one of previous-month, current-month, previous-quarter, current-quarter, year-to-date, previous-year, current-year, or a period such as 2016-11, 2016Q4, 2016 or 2016-01..2016-06.',
    ],
    [
      { period: 'previous-quater' },
      'cfg.json: "period": "previous-quater" is not a period rule; did you mean "previous-quarter"?',
      /^Use one of previous-month/,
    ],
    [
      { period: '2016-13' },
      'cfg.json: "period": "2016-13" is not a month; write it as YYYY-MM, e.g. 2016-11.',
      /^Use/,
    ],
    [
      { period: '2016Q0' },
      'cfg.json: "period": "2016Q0" is not a quarter; write it as YYYYQn, e.g. 2016Q4.',
      /^Use/,
    ],
    [
      { period: '2016-12..2016-01' },
      'cfg.json: "period": "2016-12..2016-01": the first month is after the last.',
      /^Use/,
    ],
    [{ period: true }, 'cfg.json: "period": expected a period rule, got true.', undefined],
    [{ period: 201611 }, 'cfg.json: "period": "201611" is not a period rule.', /^Use/],
  ])('%j is refused', async (doc, message, hint) => {
    const error = await failure(() => validateConfig(doc, 'cfg.json'));
    expect(error.code).toBe('CONFIG_INVALID');
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    if (hint === undefined) expect(error.hint).toBeUndefined();
    else if (typeof hint === 'string') expect(error.hint).toBe(hint);
    else expect(error.hint).toMatch(hint);
    // One or two plain lines.
    expect(`${error.message}\n${error.hint ?? ''}`.trim().split('\n').length).toBeLessThanOrEqual(
      2,
    );
  });
});

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
    ['exports/*', 'exports/投诉分析-{period}.xlsx', 'exports/投诉分析-2016Q4.xlsx'],
    ['**/*.xlsx', 'reports/r-{from}-{to}.xlsx', 'reports/r-2016-01-2016-12.xlsx'],
    ['exports/*.xlsx', './exports/../exports/{date}.xlsx', 'exports/2016-12-04.xlsx'],
    ['exports/2016.xlsx', 'exports/{period}.xlsx', 'exports/2016.xlsx'],
  ])('refuses inputs %j with out %j: next run would read the report', async (inputs, out, hit) => {
    const dir = folder({ [CONFIG_FILE]: JSON.stringify({ inputs, out }) });
    const error = await failure(() => loadConfig(undefined, dir));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      `${join(dir, CONFIG_FILE)}: "out" ${JSON.stringify(relative(dir, resolve(dir, out)))} writes reports that "inputs" ${JSON.stringify(inputs)} would read as exports (e.g. ${hit}).`,
    );
  });

  it('accepts reports in a folder the inputs do not cover', async () => {
    const dir = folder({
      [CONFIG_FILE]: JSON.stringify({ inputs: ['exports/*.xlsx'], out: 'reports/{period}.xlsx' }),
    });
    expect((await loadConfig(undefined, dir))?.settings.out).toBe(
      join(dir, 'reports/{period}.xlsx'),
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

  it('sorts across patterns, drops duplicates, and takes literal and absolute paths', async () => {
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
      join(dir, 'a/2016-12.csv'),
      join(dir, 'b/2016-11.csv'),
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
      'exports',
      '"inputs": "exports" is a folder in DIR, not a file.',
      'Give a glob for its exports, e.g. "exports/*.xlsx".',
    ],
  ])('%s fails, naming it', async (pattern, message, hint) => {
    const dir = folder({ 'exports/2016-11.xlsx': 'x' });
    const error = await failure(() => resolveInputs(['exports/*.xlsx', pattern], dir));
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(message.replace('DIR', dir));
    expect(error.hint).toBe(hint);
  });
});
