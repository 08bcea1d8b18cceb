/**
 * --help in Chinese by default and in English with --lang en (or the config file's "lang"):
 * both list the same options, commands and examples; the Chinese has no English sentence left;
 * the descriptions start at one column; no line is wider than 80 columns (a Chinese character
 * takes two).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth, layOut, wrapLine } from '../../src/cli/help/format.js';
import { complaints } from '../helpers/cli.js';

const COMMANDS = [
  'analyze',
  'trend',
  'assess',
  'report',
  'warn',
  'inspect',
  'classify',
  'taxonomy',
];

function help(command: string | null, lang?: 'en' | 'zh'): string {
  const run = complaints([
    ...(command ? [command] : []),
    '--help',
    ...(lang ? ['--lang', lang] : []),
  ]);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** The terms of the item lists (options, arguments, commands): "--out <file>", "analyze …". */
function terms(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^ {2}(\S(?:\S| (?! ))*) {2,}\S/.exec(line)?.[1])
    .filter((term): term is string => term !== undefined && !term.startsWith('complaints'));
}

/** The example lines: everything after the examples heading, comments left out. */
function examples(text: string): string[] {
  const at = text.search(/^(示例：|Examples:)$/m);
  return text
    .slice(at)
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/ +#.*$/, ''))
    .filter(Boolean);
}

/** The columns where descriptions start: item lines and their continuation lines. */
function descriptionColumns(text: string): number[] {
  const columns: number[] = [];
  let inList = false;
  for (const line of text.split('\n')) {
    if (/^(参数|选项|命令|Arguments|Options|Commands)[:：]$/.test(line)) inList = true;
    else if (line === '') inList = false;
    else if (inList) {
      const item = /^( {2}\S(?:\S| (?! ))* {2,})\S/.exec(line);
      columns.push(item ? displayWidth(item[1]!) : /^ */.exec(line)![0].length);
    }
  }
  return columns;
}

describe('--help in the run’s language', () => {
  it.each([null, ...COMMANDS])(
    'complaints %s --help: Chinese by default, English with --lang en',
    (command) => {
      const zh = help(command);
      const en = help(command, 'en');
      expect(zh).toMatch(/^用法：complaints/);
      expect(en).toMatch(/^Usage: complaints/);
      expect(zh).toMatch(/^选项：$/m);
      expect(en).toMatch(/^Options:$/m);
      // The same options, arguments and commands, and the same examples.
      expect(terms(zh)).toEqual(terms(en));
      expect(terms(zh).length).toBeGreaterThan(3);
      expect(examples(zh)).toEqual(examples(en));
      expect(examples(zh).length).toBeGreaterThan(0);
      // No English sentence left: four words in a row, outside the terms and the examples.
      const prose = zh
        .slice(0, zh.search(/^示例：$/m))
        .split('\n')
        .map((line) => line.replace(/^ {2}\S(?:\S| (?! ))* {2,}/, ''));
      for (const line of prose) expect(line).not.toMatch(/[A-Za-z]+(?: [A-Za-z]+){3}/);
      for (const text of [zh, en]) {
        // Every description starts at one column, and no line is wider than 80.
        expect(new Set(descriptionColumns(text)).size, text).toBe(1);
        for (const line of text.split('\n'))
          expect(displayWidth(line), line).toBeLessThanOrEqual(80);
      }
    },
  );

  it.each(COMMANDS.flatMap((c) => [[c, 'zh'] as const, [c, 'en'] as const]))(
    '%s --help (%s): no option’s description speaks of an option the command has not',
    (command, lang) => {
      const text = help(command, lang);
      const at = text.search(/^(选项：|Options:)$/m);
      const list = text.slice(at, text.indexOf('\n\n', at));
      const has = new Set(terms(list).map((t) => /^--[a-z-]+/.exec(t)?.[0]));
      // The descriptions only: classify's --strict once spoke of --targets, which it has not.
      const said = list
        .split('\n')
        .map((line) => line.replace(/^ {2}\S(?:\S| (?! ))* {2,}/, ''))
        .join(' ')
        // Another command's option, named with it (--model: "classify --train"), is that one's.
        .replace(new RegExp(`\\b(?:${COMMANDS.join('|')}) --[a-z-]+`, 'g'), '');
      for (const [flag] of said.matchAll(/--(?!no-)[a-z][a-z-]+/g))
        expect(has, `${flag} in ${command} --help`).toContain(flag);
    },
  );

  it('commander’s own words in Chinese: titles, --help, --version, help, defaults', () => {
    const top = help(null);
    expect(top).toMatch(/^命令：$/m);
    expect(top).toMatch(/^ {2}-V, --version +显示版本号$/m);
    expect(top).toMatch(/^ {2}-h, --help +显示帮助$/m);
    expect(top).toMatch(/^ {2}help \[command\] +显示某个命令的帮助$/m);
    const taxonomy = help('taxonomy');
    expect(taxonomy).toMatch(/^参数：$/m);
    expect(taxonomy).toMatch(/（默认："sgcc-95598"）/);
    expect(help('warn').replace(/\s+/g, '')).toMatch(/（可选值："red"、"yellow"）/);
    expect(help('warn', 'en').replace(/\s+/g, ' ')).toMatch(/\(choices: "red", "yellow"\)/);
  });

  describe('the config file’s "lang"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'complaints-help-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('"lang": "en" gives the English help; --lang zh wins over it', () => {
      writeFileSync(join(dir, 'complaints.config.json'), '{"lang": "en"}');
      expect(complaints(['analyze', '--help'], { cwd: dir }).stdout).toMatch(/^Usage: /);
      expect(complaints(['analyze', '--help', '--lang', 'zh'], { cwd: dir }).stdout).toMatch(
        /^用法：/,
      );
    });
  });
});

describe('wrapping by display width', () => {
  it.each([
    // A Chinese line breaks between characters, at 2 columns each.
    ['一二三四五六七八九十', 10, ['一二三四五', '六七八九十']],
    // Closing punctuation never starts a line; opening never ends one.
    ['一二三四，五六', 8, ['一二三', '四，五六']],
    ['一二三（四五）', 8, ['一二三', '（四五）']],
    // Latin words break at spaces, and the space at the break is dropped.
    ['abc def ghi', 7, ['abc def', 'ghi']],
    ['按 --by unit 分组', 12, ['按 --by unit', '分组']],
    // A short mixed value stays whole: 2016年第25周.
    ['某一周：2016年第25周', 12, ['某一周：', '2016年第25周']],
    // A number stays with the Chinese words around it.
    ['以退出码 3 结束', 12, ['以退出', '码 3 结束']],
    ['以退出码 3 结束', 8, ['以退出', '码 3 结', '束']],
    // A word longer than the width stands alone.
    ['fixtures/metrics/95598-2015.xlsx 等', 10, ['fixtures/metrics/95598-2015.xlsx', '等']],
  ])('%s in %d columns', (line, width, lines) => {
    expect(wrapLine(line, width)).toEqual(lines);
    for (const out of lines) {
      if (/[ \u3000-\u9fff]/.test(out)) expect(displayWidth(out)).toBeLessThanOrEqual(width);
    }
  });

  it('in English, a Chinese term breaks only at spaces', () => {
    expect(wrapLine('JSON (供电单位, 年度指标)', 16, 'en')).toEqual([
      'JSON (供电单位,',
      '年度指标)',
    ]);
    expect(wrapLine('JSON (供电单位, 年度指标)', 16, 'zh')).toEqual([
      'JSON (供电单位,',
      '年度指标)',
    ]);
    expect(wrapLine('(供电单位, 年度指标)', 8, 'zh')).toEqual(['(供电单', '位, 年度', '指标)']);
    expect(wrapLine('(供电单位, 年度指标)', 8, 'en')).toEqual(['(供电单位,', '年度指标)']);
  });

  it('layOut runs a line on into the next unless it ends a sentence', () => {
    expect(layOut('one two\nthree.\nfour', 80, 'en')).toBe('one two three.\nfour');
    expect(layOut('一二。\n三四', 80)).toBe('一二。\n三四');
  });

  it('layOut keeps indented lines (examples) as written', () => {
    const example =
      '  complaints analyze 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    expect(layOut(`${example}\n一二三四五六七八九十`, 10)).toBe(
      `${example}\n一二三四五\n六七八九十`,
    );
  });

  it.each([
    ['abc', 3],
    ['供电单位', 8],
    ['（默认：24h）', 13],
    ['\x1b[1m投诉\x1b[0m', 4],
  ])('displayWidth(%j) = %d', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
