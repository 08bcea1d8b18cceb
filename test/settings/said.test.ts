/**
 * Every error of the options, the config file and the commands is said in both languages
 * (Chinese by default, English with --lang en): read from the source, so that a new refusal
 * written in English alone fails here rather than in an analyst's cron mail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { HAN } from '../helpers/english.js';
import { userMessage } from '../../src/errors.js';
import { parseBy } from '../../src/settings/by.js';
import { validateConfig } from '../../src/settings/config-validate.js';
import { periodFromRule } from '../../src/settings/period-rules.js';
import { parsePeriodOptions } from '../../src/settings/period-syntax.js';
import { refuseUnused } from '../../src/settings/unused.js';
import { failure } from './helpers.js';

const FILES = [
  ...['src/settings', 'src/commands'].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `${dir}/${f}`),
  ),
  'src/cli/usage.ts',
  'src/cli.ts',
];

/** The text a string or template literal says, its ${…} left as {}; null for anything else. */
function literal(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((s) => `{}${s.literal.text}`).join('');
  }
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isConditionalExpression(node)) {
    const [a, b] = [literal(node.whenTrue), literal(node.whenFalse)];
    return a === null || b === null ? null : `${a}|${b}`;
  }
  return null;
}

interface Found {
  where: string;
  zh: string | null;
  en: string | null;
}

function scan(file: string): { saids: Found[]; plain: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const saids: Found[] = [];
  const plain: string[] = [];
  const where = (node: ts.Node) =>
    `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'said') {
      const [zh, en] = node.arguments;
      saids.push({
        where: where(node),
        zh: zh ? literal(zh) : null,
        en: en ? literal(en) : null,
      });
    }
    // new InputError(code, message, hint?, where?): message and hint never a bare text.
    if (ts.isNewExpression(node) && node.expression.getText() === 'InputError') {
      for (const arg of (node.arguments ?? []).slice(1, 3)) {
        if (literal(arg) !== null) plain.push(`${where(arg)}: ${arg.getText().slice(0, 60)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { saids, plain };
}

const scanned = FILES.map(scan);
const saids = scanned.flatMap((s) => s.saids);

describe('errors of the settings, the commands and the usage: both languages', () => {
  it('finds the messages (the scan works)', () => {
    expect(saids.length).toBeGreaterThan(150);
  });

  it('no InputError of these files is given a bare text, in one language', () => {
    expect(scanned.flatMap((s) => s.plain)).toEqual([]);
  });

  it('every said(zh, en) has both sides; the Chinese in Chinese, the English not', () => {
    const wrong = saids.filter(({ zh, en }) => {
      // Built from parts (said(a.zh, b.en)): checked where the parts are written.
      if (zh === null || en === null) return false;
      if (zh.trim() === '' || en.trim() === '') return zh !== en;
      // The same in both languages: a value ("true", '"unit"'), a prefix.
      if (zh === en) return false;
      // A frame of parts (`${file}：${problem.zh}。`) is Chinese by its full-width punctuation.
      const chinese = HAN.test(zh) || /[，。；：？（）、]/.test(zh);
      return !chinese || /[，。；：？（）、]/.test(en);
    });
    expect(wrong.map((w) => `${w.where}: ${w.zh} | ${w.en}`)).toEqual([]);
  });

  it('no English sentence is left in the Chinese (four English words in a row)', () => {
    // Option names, commands and values are ASCII by design: a run of four plain words is not.
    const words = /(?<![-\w/.{])[A-Za-z]+(?: [A-Za-z]+){3,}/;
    const allowed = /^(?:complaints \w+ [A-Za-z]+|Save As, Encoding)/;
    const english = saids.filter(({ zh, en }) => {
      if (zh === null || zh === en) return false;
      const run = words.exec(zh)?.[0];
      return run !== undefined && !allowed.test(run);
    });
    expect(english.map((w) => `${w.where}: ${w.zh}`)).toEqual([]);
  });
});

describe('the Chinese said, one refusal of each kind (the English: the other tests)', () => {
  it.each<[string, () => unknown, string, string | undefined]>([
    [
      'a period option',
      () => parsePeriodOptions({ month: '2016Q4' }),
      '--month 2016Q4：应为月份，写作 2016-11、201611 或 2016年11月。',
      '这是季度，请用 --quarter 2016Q4。',
    ],
    [
      'a week that does not exist',
      () => parsePeriodOptions({ week: '2016-W53' }),
      '--week 2016-W53：应为周，写作 2016-W25、2016W25 或 2016年第25周（ISO 周，周一至周日）。',
      '2016 年只有 52 个 ISO 周，最后一周是 --week 2016-W52。',
    ],
    [
      'two ways of choosing the period',
      () => parsePeriodOptions({ month: '2016-11', from: '2016-01' }),
      '--month 和 --from/--to：期间只能用一种方式指定。',
      '请单独使用 --month、--quarter、--year、--week 或 --day，或者用 --from/--to。',
    ],
    [
      'a period rule',
      () => periodFromRule('previous-quater', new Date(2017, 0, 2)),
      'period "previous-quater" 不是期间规则；是不是 "previous-quarter"？',
      '请用以下规则之一：previous-month、current-month、previous-quarter、current-quarter、year-to-date、previous-year、current-year、previous-day、previous-week，或具体期间，如 2016-11、2016Q4、2016、2016-01..2016-06、2016-06-30 或 2016-W25。',
    ],
    [
      'a config key',
      () => validateConfig({ peroid: 'previous-month' }, 'cfg.json'),
      'cfg.json："peroid"：未知的设置项；是不是 "period"？',
      undefined,
    ],
    [
      'a config value',
      () => validateConfig({ top: 'ten' }, 'cfg.json'),
      'cfg.json："top"：应为大于 0 的整数，实际是字符串 "ten"。',
      undefined,
    ],
    [
      'a config list',
      () => validateConfig({ inputs: [] }, 'cfg.json'),
      'cfg.json："inputs"：应为由文件路径或通配模式组成的数组，实际是空数组。',
      undefined,
    ],
    [
      'a config placeholder',
      () => validateConfig({ out: 'r-{peroid}.xlsx' }, 'cfg.json'),
      'cfg.json："out"：未知的占位符 {peroid}；是不是 {period}？',
      '可用的占位符：{period}（2016Q4、2016-11、2016、2016-01_2016-06、2016-W25 或 2016-06-30）、{from}、{to}、{date}（当天日期）。',
    ],
    [
      'a config time limit',
      () => validateConfig({ replyLimit: 'abc' }, 'cfg.json'),
      'cfg.json："replyLimit"：应为小时数（24、24h）或工作日数（4wd），实际是字符串 "abc"。',
      undefined,
    ],
    [
      'not a config object',
      () => validateConfig([], 'cfg.json'),
      'cfg.json：应为由各设置项组成的 JSON 对象，实际是数组。',
      '示例：{ "inputs": ["exports/*.xlsx"], "period": "previous-month" }',
    ],
    [
      'an unused option',
      () => refuseUnused('analyze', { prorate: true }, ['a.xlsx']),
      'analyze：--prorate 不起作用：它用于折算考核指标，但没有给出考核指标文件。',
      '请给出 --targets FILE（或在配置文件中写 "targets"）。',
    ],
    [
      '--by three times',
      () => parseBy(['unit', 'level1', 'month']),
      '--by unit --by level1 --by month：分项最多按两个维度（二维表），这里给了 3 个。',
      '请给一次或两次 --by；多个分项写在配置文件中："by": [["channel"], ["unit", "level1"]]。',
    ],
  ])('%s', async (_name, run, message, hint) => {
    const error = await failure(run);
    const zh = userMessage(error, 'zh');
    expect(zh.message).toBe(message);
    expect(zh.hint).toBe(hint);
    // The English stays the error's message, for logs.
    expect(userMessage(error, 'en').message).toBe(error.message);
  });
});
