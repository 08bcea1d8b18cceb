import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/metrics/calendar.js';
import { MAP_FIELDS as FIELD_NAMES } from '../../src/schema/fields.js';
import { CONFIG_FILE, loadConfig } from '../../src/settings/config-file.js';
import { addMetricOptions, commandLineOf } from '../../src/settings/options.js';
import { reportPath, reportPathToCheck } from '../../src/settings/output-path.js';
import { filesRead, resolveSettings } from '../../src/settings/resolve.js';
import type {
  CommandLine,
  CommandLineOptions,
  CommandName,
  ConfigSettings,
  LoadedConfig,
  Settings,
} from '../../src/settings/types.js';
import { failure, folders } from './helpers.js';

/** Month index, as PeriodRequest holds months. */
const m = (year: number, month: number) => year * 12 + month - 1;
const TODAY = new Date(2017, 0, 2, 9, 30);
/** The same date as the ingest carries it to every thread (IngestSettings.today): 2017-01-02. */
const TODAY_DAY = daysFromCivil(2017, 1, 2);

const config = (settings: ConfigSettings, file = '/cron/complaints.config.json'): LoadedConfig => ({
  file,
  dir: '/cron',
  settings,
});

function resolve(
  options: CommandLineOptions,
  loaded: LoadedConfig | null = null,
  command: CommandName = 'analyze',
  inputs = ['a.csv'],
): Promise<Settings> {
  return resolveSettings({ inputs, options }, loaded, command, TODAY);
}

const root = folders('complaints-resolve-')();

const DEFAULTS: Settings = {
  inputs: ['a.csv'],
  expandedInputs: [],
  lang: 'zh',
  color: true,
  quiet: false,
  strict: false,
  progress: true,
  json: null,
  out: null,
  outPattern: null,
  period: { from: null, to: null, kind: 'auto', label: null },
  ingest: {
    map: {},
    complaintTypes: ['投诉'],
    encoding: null,
    sheet: null,
    maxInflated: null,
    threads: availableParallelism(),
    lang: 'zh',
    today: TODAY_DAY,
  },
  analysis: {
    excludeUnsubstantiated: false,
    prorate: false,
    replyLimitHours: 24,
    closeLimitHours: 144,
    top: 10,
    includePartial: false,
    replyLimit: { value: 24, unit: 'hours' },
    closeLimit: { value: 144, unit: 'hours' },
  },
  taxonomy: 'sgcc-95598',
  model: null,
  targets: null,
  config: null,
  detail: false,
  charts: true,
  template: null,
  issued: null,
  failOn: null,
  failOnFromConfig: null,
  periodFromConfig: null,
  partialFromConfig: null,
  thresholds: null,
  earlyWarning: null,
  units: null,
  rollup: 0,
  codes: null,
  corrections: null,
  by: [],
  hotWords: { top: 10, byUnit: false },
};

describe('resolveSettings: the defaults, and every option converted', () => {
  it('nothing given: the defaults of the help texts', async () => {
    expect(await resolve({})).toEqual(DEFAULTS);
  });

  it.each<[CommandName, CommandLineOptions, Settings['earlyWarning']]>([
    ['analyze', {}, null],
    ['report', { quarter: '2016Q4' }, 'latest'],
    // A report of days judges its warning on those days, as warn --week does.
    ['report', { week: '2016-W48' }, 'asked'],
    ['report', { day: '2016-06-30' }, 'asked'],
    ['report', { month: '2016-11' }, 'latest'],
    ['warn', {}, 'latest'],
    ['warn', { month: '2016-06' }, 'asked'],
  ])('%s %j judges the early warning: %s', async (command, options, early) => {
    expect((await resolve(options, null, command)).earlyWarning).toBe(early);
  });

  it('every option given on the command line', async () => {
    const settings = await resolve({
      map: ['unit=管理单位名称', ' id = 工单号 '],
      complaintType: ['TS', '005'],
      encoding: 'GBK',
      sheet: '2',
      maxInflated: '8GiB',
      json: 'out/result.json',
      strict: true,
      quiet: true,
      lang: 'en',
      color: false,
      quarter: '2016q4',
      config: 'cron.json',
      progress: false,
      targets: 't.xlsx',
      prorate: true,
      excludeUnsubstantiated: true,
      taxonomy: 'county-4x17',
      model: 'm.json',
      replyLimit: '12.5',
      closeLimit: '48',
      top: '3',
      out: 'r.xlsx',
      detail: true,
      charts: false,
      units: 'u.csv',
      rollup: '2',
      codes: 'c.json',
      hotWords: '5',
      hotWordsBy: 'unit',
    });
    expect(settings).toEqual<Settings>({
      inputs: ['a.csv'],
      expandedInputs: [],
      lang: 'en',
      color: false,
      quiet: true,
      strict: true,
      progress: false,
      json: { file: 'out/result.json' },
      out: 'r.xlsx',
      outPattern: null,
      period: { from: m(2016, 10), to: m(2016, 12), kind: 'quarter', label: '2016Q4' },
      ingest: {
        map: { unit: '管理单位名称', id: '工单号' },
        complaintTypes: ['投诉', 'TS', '005'],
        encoding: 'gb18030',
        sheet: '2',
        maxInflated: 8 * 1024 ** 3,
        threads: availableParallelism(),
        lang: 'en',
        today: TODAY_DAY,
      },
      analysis: {
        excludeUnsubstantiated: true,
        prorate: true,
        replyLimitHours: 12.5,
        closeLimitHours: 48,
        top: 3,
        includePartial: false,
        replyLimit: { value: 12.5, unit: 'hours' },
        closeLimit: { value: 48, unit: 'hours' },
      },
      taxonomy: 'county-4x17',
      model: 'm.json',
      targets: 't.xlsx',
      config: 'cron.json',
      detail: true,
      charts: false,
      template: null,
      issued: null,
      failOn: null,
      failOnFromConfig: null,
      periodFromConfig: null,
      partialFromConfig: null,
      thresholds: null,
      earlyWarning: null,
      units: 'u.csv',
      rollup: 2,
      codes: 'c.json',
      corrections: null,
      by: [],
      hotWords: { top: 5, byUnit: true },
    });
  });

  it.each<[CommandName, CommandLineOptions, object, Settings['hotWords']]>([
    ['analyze', { hotWords: false }, {}, null],
    ['report', {}, { hotWords: false }, null],
    ['report', {}, { hotWords: 20, hotWordsBy: 'unit' }, { top: 20, byUnit: true }],
    ['analyze', { hotWords: '3' }, { hotWords: false }, { top: 3, byUnit: false }],
    ['trend', {}, {}, null],
    ['warn', {}, {}, null],
  ])('%s %j with config %j: hot words %j', async (command, options, config, hot) => {
    const loaded = { file: '/c/complaints.config.json', dir: '/c', settings: config };
    expect((await resolve(options, loaded, command)).hotWords).toEqual(hot);
  });

  it('refuses --hot-words 0 and --hot-words-by another dimension', async () => {
    await expect(resolve({ hotWords: '0' })).rejects.toThrow(
      '--hot-words 0: expected a whole number above 0.',
    );
    await expect(resolve({ hotWordsBy: 'level2' })).rejects.toThrow(
      '--hot-words-by level2: hot words are listed for the whole period, or by unit.',
    );
  });

  it.each<[string | true, Settings['json']]>([
    [true, { file: null }],
    ['-', { file: null }],
    ['result.json', { file: 'result.json' }],
  ])('--json %j → %j', async (json, expected) => {
    expect((await resolve({ json })).json).toEqual(expected);
  });

  it.each<[CommandLineOptions, boolean]>([
    [{}, true],
    [{ quiet: true }, false],
    [{ progress: false }, false],
  ])('%j: progress line %s', async (options, progress) => {
    expect((await resolve(options)).progress).toBe(progress);
  });

  it('--encoding "" asks for nothing: the encoding is sniffed', async () => {
    expect((await resolve({ encoding: '' })).ingest.encoding).toBeNull();
  });

  it('is plain data: a structured clone and a JSON round trip give it back', async () => {
    const settings = await resolve({ month: '2016-11', map: ['unit=单位'], json: true });
    expect(structuredClone(settings)).toEqual(settings);
    expect(JSON.parse(JSON.stringify(settings))).toEqual(settings);
  });
});

describe('resolveSettings: the command line wins over the config file, key by key', () => {
  const file: ConfigSettings = {
    targets: '/cron/targets.xlsx',
    taxonomy: '/cron/mine.json',
    model: '/cron/model.json',
    map: { unit: '管理单位名称', id: '工单号' },
    complaintType: ['TS'],
    encoding: 'gb18030',
    sheet: '工单',
    maxInflated: 1024,
    threads: 2,
    lang: 'en',
    prorate: true,
    excludeUnsubstantiated: true,
    replyLimit: { value: 12, unit: 'hours' },
    closeLimit: { value: 72, unit: 'workingDays' },
    top: 5,
    detail: true,
    charts: false,
    out: '/cron/reports/{period}.xlsx',
    period: 'previous-month',
  };

  it('the config file alone sets everything it holds', async () => {
    expect(await resolve({}, config(file))).toEqual<Settings>({
      ...DEFAULTS,
      lang: 'en',
      // report's: analyze says it leaves it (outLeftToReport) and writes no file.
      outPattern: null,
      outLeftToReport: { file: '/cron/complaints.config.json', out: 'reports/{period}.xlsx' },
      period: { from: m(2016, 12), to: m(2016, 12), kind: 'month', label: '2016-12' },
      // Its "period" chose the month: advice about the period names the file.
      periodFromConfig: '/cron/complaints.config.json',
      ingest: {
        map: { unit: '管理单位名称', id: '工单号' },
        complaintTypes: ['投诉', 'TS'],
        encoding: 'gb18030',
        sheet: '工单',
        maxInflated: 1024,
        threads: 2,
        lang: 'en',
        today: TODAY_DAY,
      },
      analysis: {
        excludeUnsubstantiated: true,
        prorate: true,
        replyLimitHours: 12,
        closeLimitHours: null,
        top: 5,
        includePartial: false,
        replyLimit: { value: 12, unit: 'hours' },
        closeLimit: { value: 72, unit: 'workingDays' },
      },
      taxonomy: '/cron/mine.json',
      model: '/cron/model.json',
      targets: '/cron/targets.xlsx',
      detail: true,
      charts: false,
      // Guarded from every command's outputs, read or not.
      configFiles: ['/cron/targets.xlsx'],
    });
  });

  it.each<[string, CommandLineOptions, Partial<Settings>]>([
    ['--lang', { lang: 'zh' }, { lang: 'zh' }],
    ['--targets', { targets: 't.csv' }, { targets: 't.csv' }],
    ['--taxonomy', { taxonomy: 'sgcc-95598' }, { taxonomy: 'sgcc-95598' }],
    ['--model', { model: 'm.json' }, { model: 'm.json' }],
    // With --out: the config file's "out" is report's, and analyze writes only what --out names.
    ['--detail', { detail: false, out: 'x.xlsx' }, { detail: false }],
    ['--charts', { charts: true, out: 'x.xlsx' }, { charts: true }],
    ['--out: no pattern', { out: 'x.xlsx' }, { out: 'x.xlsx', outPattern: null }],
    [
      '--month: the rule is not used',
      { month: '2016-03' },
      { period: { from: m(2016, 3), to: m(2016, 3), kind: 'month', label: '2016-03' } },
    ],
    [
      '--to alone: the rule is not used',
      { to: '2016-06' },
      { period: { from: null, to: m(2016, 6), kind: 'range', label: null } },
    ],
  ])('%s', async (_, options, expected) => {
    expect(await resolve(options, config(file))).toMatchObject(expected);
  });

  it.each<[string, CommandLineOptions, (s: Settings) => unknown, unknown]>([
    ['--map replaces the whole map', { map: ['unit=单位'] }, (s) => s.ingest.map, { unit: '单位' }],
    [
      '--complaint-type replaces the list',
      { complaintType: ['005'] },
      (s) => s.ingest.complaintTypes,
      ['投诉', '005'],
    ],
    ['--encoding', { encoding: 'utf8' }, (s) => s.ingest.encoding, 'utf-8'],
    ['--sheet', { sheet: '1' }, (s) => s.ingest.sheet, '1'],
    ['--max-inflated', { maxInflated: '1K' }, (s) => s.ingest.maxInflated, 1024],
    ["--threads over the config file's", { threads: '1' }, (s) => s.ingest.threads, 1],
    [
      '--threads above the cores is cut to the cores (two at least)',
      { threads: '64' },
      (s) => s.ingest.threads,
      Math.max(2, availableParallelism()),
    ],
    ['--prorate', { prorate: false }, (s) => s.analysis.prorate, false],
    ['--reply-limit', { replyLimit: '6' }, (s) => s.analysis.replyLimitHours, 6],
    ['--close-limit', { closeLimit: '7' }, (s) => s.analysis.closeLimitHours, 7],
    [
      "--close-limit in working days over the config file's",
      { closeLimit: '4wd' },
      (s) => [s.analysis.closeLimit, s.analysis.closeLimitHours],
      [{ value: 4, unit: 'workingDays' }, null],
    ],
    [
      "--reply-limit 24h over the config file's",
      { replyLimit: '24h' },
      (s) => [s.analysis.replyLimit, s.analysis.replyLimitHours],
      [{ value: 24, unit: 'hours' }, 24],
    ],
    ['--top', { top: '20' }, (s) => s.analysis.top, 20],
  ])('%s', async (_, options, pick, expected) => {
    expect(pick(await resolve(options, config(file)))).toEqual(expected);
  });

  it.each<[string, CommandLineOptions, ConfigSettings, Pick<Settings, 'units' | 'rollup'>]>([
    [
      '--rollup with the file’s units',
      { rollup: true },
      { units: '/c/u.csv' },
      { units: '/c/u.csv', rollup: 1 },
    ],
    [
      '--units with the file’s rollup',
      { units: 'u.csv' },
      { rollup: 2 },
      { units: 'u.csv', rollup: 2 },
    ],
    [
      '--rollup 3 over the file’s 1',
      { rollup: '3' },
      { units: '/c/u.csv', rollup: 1 },
      { units: '/c/u.csv', rollup: 3 },
    ],
  ])('%s', async (_, options, settings, expected) => {
    expect(await resolve(options, config(settings))).toMatchObject(expected);
  });

  it('"rollup" in the config file with no units file anywhere is refused', async () => {
    const error = await failure(() => resolve({}, config({ rollup: 1 })));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(
      '/cron/complaints.config.json: "rollup": no units file to roll up along.',
    );
  });

  it.each([['0'], ['x.csv'], ['1.5']])(
    '--rollup %s is refused, saying an input may follow',
    async (value) => {
      const error = await failure(() => resolve({ rollup: value, units: 'u.csv' }));
      expect(error.message).toBe(`--rollup ${value}: expected a number of levels (1, 2 …).`);
      expect(error.hint).toBe('Write --rollup 1, or put --rollup after the input files.');
    },
  );

  it("inspect and classify take the config file's keys that read exports, and no others", async () => {
    for (const command of ['inspect', 'classify'] as const) {
      const settings = await resolve({}, config(file), command);
      expect(settings.lang).toBe('en');
      expect(settings.ingest).toMatchObject({
        map: file.map,
        complaintTypes: ['投诉', 'TS'],
        encoding: 'gb18030',
        sheet: '工单',
        maxInflated: 1024,
        threads: 2,
      });
      expect(settings.taxonomy).toBe('/cron/mine.json');
      // A report's keys are the metric commands': no targets, no "out" pattern, no detail.
      expect(settings).toMatchObject({ targets: null, outPattern: null, detail: false });
    }
    // classify chooses a period and uses a model; inspect does neither.
    expect((await resolve({}, config(file), 'classify')).period.kind).toBe('month');
    expect((await resolve({}, config(file), 'classify')).model).toBe('/cron/model.json');
    expect((await resolve({}, config(file), 'inspect')).period.kind).toBe('auto');
    expect((await resolve({}, config(file), 'inspect')).model).toBeNull();
    // --train writes the model named on the command line, never the config file's.
    expect((await resolve({ train: ['l.csv'] }, config(file), 'classify', [])).model).toBeNull();
    expect((await resolve({}, null, 'inspect')).taxonomy).toBeNull();
    expect((await resolve({}, null, 'classify')).taxonomy).toBe('sgcc-95598');
  });
});

describe('period syntax: the command line and the config file ask for the same periods', () => {
  it.each<[CommandLineOptions, string, Settings['period']]>([
    [
      { month: '2016-11' },
      '2016-11',
      { from: m(2016, 11), to: m(2016, 11), kind: 'month', label: '2016-11' },
    ],
    [
      { quarter: '2016Q4' },
      '2016Q4',
      { from: m(2016, 10), to: m(2016, 12), kind: 'quarter', label: '2016Q4' },
    ],
    [
      { quarter: '2016-q1' },
      '2016q1',
      { from: m(2016, 1), to: m(2016, 3), kind: 'quarter', label: '2016Q1' },
    ],
    [{ year: '2016' }, '2016', { from: m(2016, 1), to: m(2016, 12), kind: 'year', label: '2016' }],
    [
      { from: '2016-01', to: '2016-06' },
      '2016-01..2016-06',
      { from: m(2016, 1), to: m(2016, 6), kind: 'range', label: null },
    ],
    // Relative rules on 2017-01-02, as the command line would write them that day.
    [
      { month: '2016-12' },
      'previous-month',
      { from: m(2016, 12), to: m(2016, 12), kind: 'month', label: '2016-12' },
    ],
    [
      { month: '2017-01' },
      'current-month',
      { from: m(2017, 1), to: m(2017, 1), kind: 'month', label: '2017-01' },
    ],
    [
      { quarter: '2016Q4' },
      'previous-quarter',
      { from: m(2016, 10), to: m(2016, 12), kind: 'quarter', label: '2016Q4' },
    ],
    [
      { year: '2016' },
      'year-to-date',
      { from: m(2016, 1), to: m(2016, 12), kind: 'year', label: '2016' },
    ],
    [
      { year: '2016' },
      'previous-year',
      { from: m(2016, 1), to: m(2016, 12), kind: 'year', label: '2016' },
    ],
  ])('%j and "period": %j', async (options, rule, expected) => {
    expect((await resolve(options)).period).toEqual(expected);
    expect((await resolve({}, config({ period: rule }))).period).toEqual(expected);
  });

  it('the command line alone writes months loosely: 2016/11, 2016年11月, 2016-1', async () => {
    for (const month of ['2016/11', '2016年11月', '2016.11', ' 2016-11 ', '201611']) {
      expect((await resolve({ month })).period.label).toBe('2016-11');
    }
    expect((await resolve({ month: '2016-1' })).period.label).toBe('2016-01');
  });
});

describe('resolveSettings refuses, naming the option', () => {
  // The field list grows with the schema: the message lists it as it is.
  const FIELDS = FIELD_NAMES.join(', ');
  it.each<[CommandLineOptions, string, string | undefined]>([
    [{ lang: 'fr' }, '--lang fr: expected zh or en.', undefined],
    [
      { month: '2016-13' },
      '--month 2016-13: expected a month as 2016-11, 201611 or 2016年11月.',
      'Example: --month 2016-11',
    ],
    [
      { from: '2016' },
      '--from 2016: expected a month as 2016-11, 201611 or 2016年11月, or a day as 2016-06-30, 20160630 or 2016年6月30日.',
      'That is a year: use --year 2016.',
    ],
    [
      { to: 'June' },
      '--to June: expected a month as 2016-11, 201611 or 2016年11月, or a day as 2016-06-30, 20160630 or 2016年6月30日.',
      'Example: --to 2016-06 or --to 2016-06-01',
    ],
    [
      { month: '2016-03', year: '2016' },
      '--month and --year: give one way of choosing the period.',
      'Use --month, --quarter, --year, --week or --day alone, or --from/--to.',
    ],
    [
      { quarter: '2016Q1', to: '2016-06' },
      '--quarter and --from/--to: give one way of choosing the period.',
      'Use --month, --quarter, --year, --week or --day alone, or --from/--to.',
    ],
    [
      { from: '2016-06', to: '2016-01' },
      '--from 2016-06 is after --to 2016-01.',
      'Give the earlier month with --from.',
    ],
    [
      { quarter: '2016Q5' },
      '--quarter 2016Q5: expected a quarter as 2016Q4, 2016年第四季度 or 2016年4季度.',
      'Example: --quarter 2016Q4',
    ],
    [{ year: '16' }, '--year 16: expected a year as 2016 or 2016年.', 'Example: --year 2016'],
    [{ top: '0' }, '--top 0: expected a whole number above 0.', undefined],
    [{ top: '2.5' }, '--top 2.5: expected a whole number above 0.', undefined],
    [{ top: '' }, '--top : expected a whole number above 0.', undefined],
    [{ top: '0x10' }, '--top 0x10: expected a whole number above 0.', undefined],
    [{ top: '1e1' }, '--top 1e1: expected a whole number above 0.', undefined],
    [
      { replyLimit: 'abc' },
      '--reply-limit abc: expected hours (24, 24h) or working days (4wd).',
      'Example: --reply-limit 24h (hours) or --reply-limit 4wd (working days).',
    ],
    [
      { closeLimit: '-1' },
      '--close-limit -1: expected a limit above 0.',
      'Example: --close-limit 24h (hours) or --close-limit 4wd (working days).',
    ],
    [
      { replyLimit: '-2h' },
      '--reply-limit -2h: expected a limit above 0.',
      'Example: --reply-limit 24h (hours) or --reply-limit 4wd (working days).',
    ],
    [
      { closeLimit: '4d' },
      '--close-limit 4d: d is not a unit here: write 4wd for 4 working days, or 96h for 4 calendar days.',
      'Example: --close-limit 24h (hours) or --close-limit 4wd (working days).',
    ],
    [
      { closeLimit: '2.5wd' },
      '--close-limit 2.5wd: expected a whole number of working days (give part of a day in hours).',
      'Example: --close-limit 24h (hours) or --close-limit 4wd (working days).',
    ],
    [
      { map: ['nonsense'] },
      `--map nonsense: expected field=header, with field one of ${FIELDS}.`,
      'Example: --map unit=管理单位名称',
    ],
    [
      { map: ['unit=单位', 'unti=单位'] },
      `--map unti=单位: expected field=header, with field one of ${FIELDS}.`,
      'Example: --map unit=管理单位名称',
    ],
    [
      { map: ['unit= '] },
      `--map unit= : expected field=header, with field one of ${FIELDS}.`,
      'Example: --map unit=管理单位名称',
    ],
    [
      // The second used to win without a word: the units were the complaint texts.
      { map: ['unit=供电单位', 'unit=受理内容'] },
      '--map unit=供电单位 --map unit=受理内容: one field, two columns.',
      'Give --map unit= once, with the column that holds 供电单位.',
    ],
    [
      { maxInflated: 'lots' },
      '--max-inflated lots: expected a size such as 512MiB or 8GiB.',
      'The default, 4GiB, is four times the largest part of a 1,048,575-row export.',
    ],
    [
      { maxInflated: '0' },
      '--max-inflated 0: expected a size such as 512MiB or 8GiB.',
      'The default, 4GiB, is four times the largest part of a 1,048,575-row export.',
    ],
    [
      { by: ['unit', 'unit'] },
      '--by unit --by unit: a two-way table needs two different dimensions.',
      'Give --by unit once for its breakdown, or pair it with another.',
    ],
    [{ threads: '0' }, '--threads 0: expected a whole number above 0.', undefined],
    [{ threads: '1.5' }, '--threads 1.5: expected a whole number above 0.', undefined],
    [
      { encoding: 'klingon' },
      '--encoding klingon: unknown encoding.',
      'Use utf-8, gb18030 (also for GBK/GB2312), utf-16le or utf-16be.',
    ],
  ])('%j', async (options, message, hint) => {
    const error = await failure(() => resolve(options));
    expect(error.code).toBe('BAD_OPTION');
    expect(error.message).toBe(message);
    expect(error.hint).toBe(hint);
  });

  it('no inputs and no config file', async () => {
    const error = await failure(() => resolve({}, null, 'analyze', []));
    expect([error.code, error.message, error.hint]).toEqual([
      'BAD_OPTION',
      'no input files.',
      'Give export files, or put "inputs" in complaints.config.json (or --config FILE).',
    ]);
  });

  it('no inputs, and none in the config file', async () => {
    const error = await failure(() => resolve({}, config({ lang: 'en' }), 'report', []));
    expect([error.code, error.message, error.hint, error.file]).toEqual([
      'BAD_OPTION',
      'no input files, on the command line or in /cron/complaints.config.json.',
      'Add "inputs": ["exports/*.xlsx"] to the config file, or give the files.',
      '/cron/complaints.config.json',
    ]);
  });

  it('classify and inspect leave missing inputs to the command', async () => {
    await expect(resolve({}, null, 'classify', [])).resolves.toMatchObject({ inputs: [] });
  });
});

describe('inputs and paths', () => {
  const dir = join(root, 'cron');
  mkdirSync(join(dir, 'exports'), { recursive: true });
  for (const name of ['2016-10.xlsx', '2016-9.xlsx', 'notes.txt']) {
    writeFileSync(join(dir, 'exports', name), 'x');
  }
  writeFileSync(
    join(dir, CONFIG_FILE),
    JSON.stringify({
      inputs: ['exports/*.xlsx'],
      targets: 'targets.csv',
      taxonomy: 'mine.json',
      model: '../model.json',
      out: 'reports/{period}.xlsx',
    }),
  );

  it('the config file inputs are expanded in its folder, oldest first; its paths are absolute', async () => {
    const settings = await resolve({}, await loadConfig(undefined, dir), 'report', []);
    expect(settings.inputs).toEqual([
      join(dir, 'exports/2016-9.xlsx'),
      join(dir, 'exports/2016-10.xlsx'),
    ]);
    expect([settings.targets, settings.taxonomy, settings.model, settings.outPattern]).toEqual([
      join(dir, 'targets.csv'),
      join(dir, 'mine.json'),
      join(root, 'model.json'),
      join(dir, 'reports/{period}.xlsx'),
    ]);
  });

  it('inputs on the command line win over the config file', async () => {
    const settings = await resolve({}, await loadConfig(undefined, dir), 'report', ['b.csv']);
    expect(settings.inputs).toEqual(['b.csv']);
  });

  it('a config glob that matches nothing is named', async () => {
    const error = await failure(async () =>
      resolve({}, { ...config({ inputs: ['exports/*.csv'] }), dir }, 'analyze', []),
    );
    expect(error.code).toBe('FILE_NOT_FOUND');
    expect(error.message).toBe(`"inputs": "exports/*.csv" matched no file in ${dir}.`);
  });

  it.each<[CommandName, CommandLineOptions, [string, string][]]>([
    [
      'analyze',
      { targets: 't.csv', model: 'm.json', config: 'c.json' },
      [
        ['a.csv', 'the input'],
        ['c.json', 'the config file'],
        ['t.csv', 'the targets file'],
        ['sgcc-95598', 'the taxonomy file'],
        ['m.json', 'the model file'],
      ],
    ],
    [
      'inspect',
      {},
      [
        ['a.csv', 'the input'],
        ['complaints.config.json', 'the config file'],
      ],
    ],
  ])('%s %j reads', async (command, options, reads) => {
    const settings = await resolve(options, null, command);
    expect(filesRead(settings).map((r) => [r.path, r.role])).toEqual(reads);
  });

  it.each<[Partial<Settings>, string | null, string | null]>([
    [{ out: 'r.xlsx', outPattern: null }, 'r.xlsx', 'r.xlsx'],
    [
      { out: null, outPattern: '/cron/{period}-{date}.xlsx' },
      '/cron/2016Q4-2017-01-02.xlsx',
      '/cron/x-x.xlsx',
    ],
    [{ out: null, outPattern: null }, 'default.xlsx', null],
  ])('report path of %j', (settings, path, toCheck) => {
    const chosen = { out: null, outPattern: null, ingest: { today: TODAY_DAY }, ...settings };
    const period = { label: '2016Q4', from: '2016-10', to: '2016-12' };
    expect(reportPath(chosen, period, 'default.xlsx')).toBe(path);
    expect(reportPathToCheck(chosen)).toBe(toCheck);
  });
});

describe('commandLineOf: the options typed, not commander defaults', () => {
  const parse = (argv: string[]) => {
    let seen: ReturnType<typeof commandLineOf> | null = null;
    const program = new Command('complaints').exitOverride();
    const command = program.command('analyze').argument('[inputs...]');
    addMetricOptions(command).action((inputs: string[], _: unknown, c: Command) => {
      seen = commandLineOf(inputs, c);
    });
    program.parse(['node', 'complaints', 'analyze', ...argv]);
    return seen!;
  };

  it.each<[string[], CommandLine]>([
    [['a.csv'], { inputs: ['a.csv'], options: {} }],
    [
      ['a.csv', 'b.xlsx', '--top', '3', '--no-color', '--json', '--map', 'unit=X', '--map', 'id=Y'],
      {
        inputs: ['a.csv', 'b.xlsx'],
        options: { top: '3', color: false, json: true, map: ['unit=X', 'id=Y'] },
      },
    ],
    [
      ['--lang', 'zh', '--taxonomy', 'sgcc-95598'],
      { inputs: [], options: { lang: 'zh', taxonomy: 'sgcc-95598' } },
    ],
  ])('%j', (argv, expected) => {
    expect(parse(argv)).toEqual(expected);
  });
});
