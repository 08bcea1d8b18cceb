import { describe, expect, it } from 'vitest';
import { userMessage } from '../../src/errors.js';
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

  // [the document, the message and hint in English, the message in Chinese (the default)]
  it.each<[unknown, string | RegExp, string | RegExp | undefined, string]>([
    // not an object
    [
      [],
      'cfg.json: expected a JSON object of settings, got an array.',
      /^Example: \{ "inputs"/,
      'cfg.json：应为由各设置项组成的 JSON 对象，实际是数组。',
    ],
    [
      null,
      'cfg.json: expected a JSON object of settings, got null.',
      /^Example/,
      'cfg.json：应为由各设置项组成的 JSON 对象，实际是 null。',
    ],
    [
      'inputs',
      'cfg.json: expected a JSON object of settings, got a string ("inputs").',
      /^Example/,
      'cfg.json：应为由各设置项组成的 JSON 对象，实际是字符串 "inputs"。',
    ],
    // unknown keys
    [
      { peroid: 'previous-month' },
      'cfg.json: "peroid": unknown setting; did you mean "period"?',
      undefined,
      'cfg.json："peroid"：未知的设置项；是不是 "period"？',
    ],
    [
      { input: 'a.xlsx' },
      'cfg.json: "input": unknown setting; did you mean "inputs"?',
      undefined,
      'cfg.json："input"：未知的设置项；是不是 "inputs"？',
    ],
    [
      { 'reply-limit': 24 },
      'cfg.json: "reply-limit": unknown setting; did you mean "replyLimit"?',
      undefined,
      'cfg.json："reply-limit"：未知的设置项；是不是 "replyLimit"？',
    ],
    [
      { complaint_type: 'TS' },
      'cfg.json: "complaint_type": unknown setting; did you mean "complaintType"?',
      undefined,
      'cfg.json："complaint_type"：未知的设置项；是不是 "complaintType"？',
    ],
    [
      { lnag: 'en' },
      'cfg.json: "lnag": unknown setting; did you mean "lang"?',
      undefined,
      'cfg.json："lnag"：未知的设置项；是不是 "lang"？',
    ],
    [
      { colour: false },
      'cfg.json: "colour": unknown setting.',
      /^Settings: inputs, targets, .*, period, units, rollup, codes, corrections, by, threads, hotWords, hotWordsBy\.$/,
      'cfg.json："colour"：未知的设置项。',
    ],
    [
      { month: '2016-11' },
      'cfg.json: "month": unknown setting; a config file gives the period as "period".',
      /^Example: "period": "2016-11", "2016Q4"/,
      'cfg.json："month"：未知的设置项；配置文件中的期间写作 "period"。',
    ],
    [
      { to: '2016-12' },
      'cfg.json: "to": unknown setting; a config file gives the period as "period".',
      /period/,
      'cfg.json："to"：未知的设置项；配置文件中的期间写作 "period"。',
    ],
    // wrong types
    [
      { inputs: 5 },
      'cfg.json: "inputs": expected an array of file paths or globs, got a number (5).',
      undefined,
      'cfg.json："inputs"：应为由文件路径或通配模式组成的数组，实际是数字 5。',
    ],
    [
      { inputs: [] },
      'cfg.json: "inputs": expected an array of file paths or globs, got an empty array.',
      undefined,
      'cfg.json："inputs"：应为由文件路径或通配模式组成的数组，实际是空数组。',
    ],
    [
      { inputs: { a: 1 } },
      'cfg.json: "inputs": expected an array of file paths or globs, got an object.',
      undefined,
      'cfg.json："inputs"：应为由文件路径或通配模式组成的数组，实际是对象。',
    ],
    [
      { inputs: ['a.xlsx', 3] },
      'cfg.json: "inputs[1]": expected a file path or glob, got a number (3).',
      undefined,
      'cfg.json："inputs[1]"：应为文件路径或通配模式，实际是数字 3。',
    ],
    [
      { inputs: [' '] },
      'cfg.json: "inputs[0]": expected a file path or glob, got an empty string.',
      undefined,
      'cfg.json："inputs[0]"：应为文件路径或通配模式，实际是空字符串。',
    ],
    [
      { targets: true },
      'cfg.json: "targets": expected a file path, got true.',
      undefined,
      'cfg.json："targets"：应为文件路径，实际是 true。',
    ],
    [
      { model: '' },
      'cfg.json: "model": expected a file path, or false for no model, got an empty string.',
      undefined,
      'cfg.json："model"：应为文件路径，或 false（不用模型），实际是空字符串。',
    ],
    [
      { model: 0 },
      'cfg.json: "model": expected a file path, or false for no model, got a number (0).',
      undefined,
      'cfg.json："model"：应为文件路径，或 false（不用模型），实际是数字 0。',
    ],
    [
      { template: 42 },
      'cfg.json: "template": expected a file path, got a number (42).',
      undefined,
      'cfg.json："template"：应为文件路径，实际是数字 42。',
    ],
    [
      { template: ['a.docx'] },
      'cfg.json: "template": expected a file path, got an array.',
      undefined,
      'cfg.json："template"：应为文件路径，实际是数组。',
    ],
    [
      { taxonomy: 1 },
      'cfg.json: "taxonomy": expected a taxonomy name or file path, got a number (1).',
      undefined,
      'cfg.json："taxonomy"：应为分类体系名称或文件路径，实际是数字 1。',
    ],
    [
      { complaintType: [null] },
      'cfg.json: "complaintType[0]": expected a 业务类型 value, got null.',
      undefined,
      'cfg.json："complaintType[0]"：应为业务类型取值，实际是 null。',
    ],
    [
      { sheet: 0 },
      'cfg.json: "sheet": expected a sheet name or number (1 = first), got a number (0).',
      undefined,
      'cfg.json："sheet"：应为工作表名称或序号（1 表示第一个），实际是数字 0。',
    ],
    [
      { maxInflated: 'lots' },
      'cfg.json: "maxInflated": expected a size such as "512MiB" or "8GiB", got a string ("lots").',
      undefined,
      'cfg.json："maxInflated"：应为大小，例如 "512MiB" 或 "8GiB"，实际是字符串 "lots"。',
    ],
    [
      { lang: 'fr' },
      'cfg.json: "lang": expected "zh" or "en", got a string ("fr").',
      undefined,
      'cfg.json："lang"：应为 "zh" 或 "en"，实际是字符串 "fr"。',
    ],
    [
      { prorate: 'yes' },
      'cfg.json: "prorate": expected true or false, got a string ("yes").',
      undefined,
      'cfg.json："prorate"：应为 true 或 false，实际是字符串 "yes"。',
    ],
    [
      { charts: 1 },
      'cfg.json: "charts": expected true or false, got a number (1).',
      undefined,
      'cfg.json："charts"：应为 true 或 false，实际是数字 1。',
    ],
    [
      { top: 2.5 },
      'cfg.json: "top": expected a whole number above 0, got a number (2.5).',
      undefined,
      'cfg.json："top"：应为大于 0 的整数，实际是数字 2.5。',
    ],
    [
      { top: 'ten' },
      'cfg.json: "top": expected a whole number above 0, got a string ("ten").',
      undefined,
      'cfg.json："top"：应为大于 0 的整数，实际是字符串 "ten"。',
    ],
    [
      { threads: 0 },
      'cfg.json: "threads": expected a whole number above 0, got a number (0).',
      undefined,
      'cfg.json："threads"：应为大于 0 的整数，实际是数字 0。',
    ],
    [
      { replyLimit: '0' },
      'cfg.json: "replyLimit": expected a limit above 0, got a string ("0").',
      undefined,
      'cfg.json："replyLimit"：应为大于 0 的时限，实际是字符串 "0"。',
    ],
    [
      { closeLimit: -1 },
      'cfg.json: "closeLimit": expected a limit above 0, got a number (-1).',
      undefined,
      'cfg.json："closeLimit"：应为大于 0 的时限，实际是数字 -1。',
    ],
    [
      { closeLimit: '4d' },
      'cfg.json: "closeLimit": d is not a unit here: write 4wd for 4 working days, or 96h for 4 calendar days.',
      undefined,
      'cfg.json："closeLimit"：这里不能用 d 作单位：4 个工作日写 4wd，4 个自然日写 96h。',
    ],
    [
      { replyLimit: 'abc' },
      'cfg.json: "replyLimit": expected hours (24, 24h) or working days (4wd), got a string ("abc").',
      undefined,
      'cfg.json："replyLimit"：应为小时数（24、24h）或工作日数（4wd），实际是字符串 "abc"。',
    ],
    [
      { replyLimit: '-2h' },
      'cfg.json: "replyLimit": expected a limit above 0, got a string ("-2h").',
      undefined,
      'cfg.json："replyLimit"：应为大于 0 的时限，实际是字符串 "-2h"。',
    ],
    [
      { closeLimit: [] },
      'cfg.json: "closeLimit": expected hours (24, "24h") or working days ("4wd"), got an array.',
      undefined,
      'cfg.json："closeLimit"：应为小时数（24、"24h"）或工作日数（"4wd"），实际是数组。',
    ],
    [
      { out: 7 },
      'cfg.json: "out": expected an output file path, got a number (7).',
      undefined,
      'cfg.json："out"：应为输出文件路径，实际是数字 7。',
    ],
    [
      { out: 'reports/{peroid}.xlsx' },
      'cfg.json: "out": unknown placeholder {peroid}; did you mean {period}?',
      /^Placeholders: \{period\}/,
      'cfg.json："out"：未知的占位符 {peroid}；是不是 {period}？',
    ],
    [
      { out: '{month}.xlsx' },
      'cfg.json: "out": unknown placeholder {month}.',
      /^Placeholders/,
      'cfg.json："out"：未知的占位符 {month}。',
    ],
    // encodings and maps
    [
      { encoding: 'klingon' },
      'cfg.json: "encoding": unknown encoding "klingon".',
      /^Use utf-8, gb18030/,
      'cfg.json："encoding"：未知的编码 "klingon"。',
    ],
    [
      { map: ['unit'] },
      /^cfg\.json: "map\[0\]": "unit": expected field=header, with field one of id, acceptedAt, unit, .*\.$/,
      'Example: "map": ["unit=管理单位名称"]',
      'cfg.json："map[0]"："unit"：应写作 字段=表头，字段是 id、acceptedAt、unit、businessType、content、level1、level2、level3、customerId、phone、substantiated、appealResult、closedAt、repliedAt、satisfaction、department、city、escalated、severity、channel、urbanRural、customerType、station、address、targetUnit、target、customers 之一。',
    ],
    [
      { map: ['unti=单位'] },
      /^cfg\.json: "map\[0\]": "unti=单位": expected field=header/,
      /Example/,
      'cfg.json："map[0]"："unti=单位"：应写作 字段=表头，字段是 id、acceptedAt、unit、businessType、content、level1、level2、level3、customerId、phone、substantiated、appealResult、closedAt、repliedAt、satisfaction、department、city、escalated、severity、channel、urbanRural、customerType、station、address、targetUnit、target、customers 之一。',
    ],
    [
      { map: { unti: '单位' } },
      'cfg.json: "map.unti": unknown field; did you mean "unit"?',
      /^Fields: id, /,
      'cfg.json："map.unti"：未知的字段；是不是 "unit"？',
    ],
    [
      { map: { unit: 5 } },
      'cfg.json: "map.unit": expected a header name, got a number (5).',
      undefined,
      'cfg.json："map.unit"：应为列名，实际是数字 5。',
    ],
    [
      { map: 'unit:单位' },
      /^cfg\.json: "map\[0\]": "unit:单位": expected field=header/,
      /Example/,
      'cfg.json："map[0]"："unit:单位"：应写作 字段=表头，字段是 id、acceptedAt、unit、businessType、content、level1、level2、level3、customerId、phone、substantiated、appealResult、closedAt、repliedAt、satisfaction、department、city、escalated、severity、channel、urbanRural、customerType、station、address、targetUnit、target、customers 之一。',
    ],
    // period rules
    [
      { period: 'last-month' },
      'cfg.json: "period": "last-month" is not a period rule.',
      'Use one of previous-month, current-month, previous-quarter, current-quarter, year-to-date, previous-year, current-year, previous-day, previous-week, or a period such as 2016-11, 2016Q4, 2016, 2016-01..2016-06, 2016-06-30 or 2016-W25.',
      'cfg.json："period"："last-month" 不是期间规则。',
    ],
    [
      { period: 'previous-quater' },
      'cfg.json: "period": "previous-quater" is not a period rule; did you mean "previous-quarter"?',
      /^Use one of previous-month/,
      'cfg.json："period"："previous-quater" 不是期间规则；是不是 "previous-quarter"？',
    ],
    [
      { period: '2016-13' },
      'cfg.json: "period": "2016-13" is not a month; write it as YYYY-MM, e.g. 2016-11.',
      /^Use/,
      'cfg.json："period"："2016-13" 不是有效的月份，请写作 YYYY-MM，例如 2016-11。',
    ],
    [
      { period: '2016Q0' },
      'cfg.json: "period": "2016Q0" is not a quarter; write it as YYYYQn, e.g. 2016Q4.',
      /^Use/,
      'cfg.json："period"："2016Q0" 不是有效的季度，请写作 YYYYQn，例如 2016Q4。',
    ],
    [
      { period: '2016-12..2016-01' },
      'cfg.json: "period": "2016-12..2016-01": the first month is after the last.',
      /^Use/,
      'cfg.json："period"："2016-12..2016-01"：起始月份晚于结束月份。',
    ],
    [
      { period: true },
      'cfg.json: "period": expected a period rule, got true.',
      undefined,
      'cfg.json："period"：应为期间规则，实际是 true。',
    ],
    [
      { period: 20161 },
      'cfg.json: "period": "20161" is not a period rule.',
      /^Use/,
      'cfg.json："period"："20161" 不是期间规则。',
    ],
  ])('%j is refused', async (doc, message, hint, chinese) => {
    const error = await failure(() => validateConfig(doc, 'cfg.json'));
    expect(userMessage(error, 'zh').message).toBe(chinese);
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
