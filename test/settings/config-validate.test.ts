import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/settings/config-validate.js';
import type { ConfigSettings } from '../../src/settings/types.js';
import { failure } from './helpers.js';

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
        template: '模板/通报.docx',
        map: { unit: ' 管理单位名称 ' },
        complaintType: 'TS',
        encoding: 'GBK',
        sheet: 2,
        maxInflated: '8GiB',
        lang: 'en',
        prorate: true,
        excludeUnsubstantiated: false,
        replyLimit: 24,
        closeLimit: '4wd',
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
      template: '模板/通报.docx',
      map: { unit: '管理单位名称' },
      complaintType: ['TS'],
      encoding: 'gb18030',
      sheet: '2',
      maxInflated: 8 * 1024 ** 3,
      lang: 'en',
      prorate: true,
      excludeUnsubstantiated: false,
      replyLimit: { value: 24, unit: 'hours' },
      closeLimit: { value: 4, unit: 'workingDays' },
      top: 10,
      detail: true,
      charts: false,
      out: 'reports/{period}.xlsx',
      period: 'previous-month',
    });
  });

  it.each<[object, ConfigSettings]>([
    [
      { units: '单位.csv', rollup: 2, codes: 'codes.json' },
      { units: '单位.csv', rollup: 2, codes: 'codes.json' },
    ],
    [
      { units: 'u.xlsx', rollup: true },
      { units: 'u.xlsx', rollup: 1 },
    ],
  ])('units, rollup and codes: %j', (doc, expected) => {
    expect(validateConfig(doc, 'cfg.json')).toEqual(expected);
  });

  it.each([[{ rollup: 0 }], [{ rollup: 1.5 }], [{ rollup: 'county' }], [{ units: 3 }]])(
    '%j is refused, naming the key',
    async (doc) => {
      const error = await failure(() => validateConfig(doc, 'cfg.json'));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toMatch(new RegExp(`^cfg\\.json: "${Object.keys(doc)[0]}": `));
    },
  );

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

  it.each<[unknown, string[][]]>([
    ['channel', [['channel']]],
    [['unit', ' level1 '], [['unit', 'level1']]],
    [
      [['channel'], ['unit', 'URBAN_RURAL_FLAG']],
      [['channel'], ['unit', 'URBAN_RURAL_FLAG']],
    ],
  ])('"by": %j is the breakdowns %j', (by, expected) => {
    expect(validateConfig({ by }, 'cfg.json')).toEqual({ by: expected });
  });

  it.each<[unknown, string]>([
    [
      ['unit', 'level1', 'month'],
      'cfg.json: "by": a breakdown is by one or two dimensions, got 3.',
    ],
    [
      [['channel'], ['unit', ' unit']],
      'cfg.json: "by[1]": a two-way table needs two different dimensions, got unit twice.',
    ],
    [
      [['channel'], []],
      'cfg.json: "by[1]": expected an array of fields or column headers, got an empty array.',
    ],
    [
      3,
      'cfg.json: "by": expected a field or column header, an array of two, or an array of such arrays, got a number (3).',
    ],
    [[''], 'cfg.json: "by[0]": expected a field or column header, got an empty string.'],
  ])('"by": %j is refused', async (by, message) => {
    const error = await failure(() => validateConfig({ by }, 'cfg.json'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(message);
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
      /^Settings: inputs, targets, .*, period, units, rollup, codes, by, threads, hotWords, hotWordsBy\.$/,
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
    [
      { model: '' },
      'cfg.json: "model": expected a file path, or false for no model, got an empty string.',
      undefined,
    ],
    [
      { model: 0 },
      'cfg.json: "model": expected a file path, or false for no model, got a number (0).',
      undefined,
    ],
    [{ template: 42 }, 'cfg.json: "template": expected a file path, got a number (42).', undefined],
    [
      { template: ['a.docx'] },
      'cfg.json: "template": expected a file path, got an array.',
      undefined,
    ],
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
      { threads: 0 },
      'cfg.json: "threads": expected a whole number above 0, got a number (0).',
      undefined,
    ],
    [
      { replyLimit: '0' },
      'cfg.json: "replyLimit": expected a limit above 0, got a string ("0").',
      undefined,
    ],
    [
      { closeLimit: -1 },
      'cfg.json: "closeLimit": expected a limit above 0, got a number (-1).',
      undefined,
    ],
    [
      { closeLimit: '4d' },
      'cfg.json: "closeLimit": d is not a unit here: write 4wd for 4 working days, or 96h for 4 calendar days.',
      undefined,
    ],
    [
      { replyLimit: 'abc' },
      'cfg.json: "replyLimit": expected hours (24, 24h) or working days (4wd), got a string ("abc").',
      undefined,
    ],
    [
      { replyLimit: '-2h' },
      'cfg.json: "replyLimit": expected a limit above 0, got a string ("-2h").',
      undefined,
    ],
    [
      { closeLimit: [] },
      'cfg.json: "closeLimit": expected hours (24, "24h") or working days ("4wd"), got an array.',
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
      'Use one of previous-month, current-month, previous-quarter, current-quarter, year-to-date, previous-year, current-year, previous-day, previous-week, or a period such as 2016-11, 2016Q4, 2016, 2016-01..2016-06, 2016-06-30 or 2016-W25.',
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
    [{ period: 20161 }, 'cfg.json: "period": "20161" is not a period rule.', /^Use/],
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

describe('"model": a file, false for none (--no-model), true for the shipped one', () => {
  it.each([
    [{ model: 'm.json' }, { model: 'm.json' }],
    [{ model: false }, { model: false }],
    [{ model: true }, {}],
  ])('%j → %j', (doc, settings) => {
    expect(validateConfig(doc, 'cfg.json')).toEqual(settings);
  });
});
