/**
 * Commander's own refusals read like every other error (issue 12): "complaints: …" and one hint
 * line, exit 2, never commander's "error: …" with "(run with --help for usage)".
 */
import { describe, expect, it } from 'vitest';
import { commandIn, usageMessage } from '../../src/cli/usage.js';
import { complaints, isPlainError } from '../helpers/cli.js';
import { inEnglish } from '../helpers/english.js';

describe('commander refusals, from the real program', () => {
  // [arguments, Chinese (the default) message and hint, English (--lang en) message and hint]
  it.each<[string[], string, string, string, string]>([
    [
      ['analyze', '--jsn'],
      'complaints: analyze：未知选项 --jsn；是不是 --json？',
      '  可用的选项见 complaints analyze --help。',
      'complaints: analyze: unknown option --jsn; did you mean --json?',
      '  The options are listed by complaints analyze --help.',
    ],
    [
      ['report', 'x.xlsx', '--detial'],
      'complaints: report：未知选项 --detial；是不是 --detail？',
      '  可用的选项见 complaints report --help。',
      'complaints: report: unknown option --detial; did you mean --detail?',
      '  The options are listed by complaints report --help.',
    ],
    [
      ['inspect', 'x.csv', '--frobnicate'],
      'complaints: inspect：未知选项 --frobnicate。',
      '  可用的选项见 complaints inspect --help。',
      'complaints: inspect: unknown option --frobnicate.',
      '  The options are listed by complaints inspect --help.',
    ],
    [
      ['analyz', 'x.xlsx'],
      'complaints: 未知命令 analyz；是不是 analyze？',
      '  命令有 analyze、trend、assess、report、warn、inspect、classify 和 taxonomy（complaints --help）。',
      'complaints: unknown command analyz; did you mean analyze?',
      '  The commands are analyze, trend, assess, report, warn, inspect, classify and taxonomy (complaints --help).',
    ],
    [
      ['frobnicate'],
      'complaints: 未知命令 frobnicate。',
      '  命令有 analyze、trend、assess、report、warn、inspect、classify 和 taxonomy（complaints --help）。',
      'complaints: unknown command frobnicate.',
      '  The commands are analyze, trend, assess, report, warn, inspect, classify and taxonomy (complaints --help).',
    ],
    [
      ['--frob'],
      'complaints: 未知选项 --frob。',
      '  可用的选项见 complaints --help。',
      'complaints: unknown option --frob.',
      '  The options are listed by complaints --help.',
    ],
    [
      ['analyze', 'x.xlsx', '--month'],
      'complaints: analyze：--month 需要一个值（YYYY-MM）。',
      '  请写作 --month YYYY-MM；可用的选项见 complaints analyze --help。',
      'complaints: analyze: --month needs a value (YYYY-MM).',
      '  Write it as --month YYYY-MM; the options are listed by complaints analyze --help.',
    ],
    [
      ['classify', 'x.xlsx', '--limit'],
      'complaints: classify：--limit 需要一个值（n）。',
      '  请写作 --limit n；可用的选项见 complaints classify --help。',
      'complaints: classify: --limit needs a value (n).',
      '  Write it as --limit n; the options are listed by complaints classify --help.',
    ],
    [
      ['inspect'],
      'complaints: inspect：没有输入文件。',
      '  请给出要读取的导出文件，例如 complaints inspect exports/*.xlsx（给文件夹则读取其中的导出文件），或在 complaints.config.json（或 --config FILE）中写明 "inputs"。',
      'complaints: inspect: no input files.',
      '  Give the exports to read, e.g. complaints inspect exports/*.xlsx (a folder reads the exports in it), or "inputs" in complaints.config.json (or --config FILE).',
    ],
    [
      ['taxonomy', 'a', 'b'],
      'complaints: taxonomy：参数太多：它只接受 1 个，这里给了 2 个。',
      '  它接受的参数见 complaints taxonomy --help。',
      'complaints: taxonomy: too many arguments: it takes 1, got 2.',
      '  What it takes is listed by complaints taxonomy --help.',
    ],
    [
      ['warn', 'x.csv', '--fail-on', 'orange'],
      'complaints: warn：--fail-on orange：应为 red 或 yellow。',
      '  示例：--fail-on red',
      'complaints: warn: --fail-on orange: expected one of red, yellow.',
      '  Example: --fail-on red',
    ],
  ])('%j', (args, message, hint, enMessage, enHint) => {
    const run = complaints(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n${hint}\n`);
    expect(isPlainError(run.stderr)).toBe(true);
    const english = complaints(inEnglish(args));
    expect(english.code).toBe(2);
    expect(english.stderr).toBe(`${enMessage}\n${enHint}\n`);
  });

  it('help and version still end with exit 0', () => {
    expect(complaints(['--version']).code).toBe(0);
    expect(complaints(['analyze', '--help']).code).toBe(0);
  });
});

describe('usageMessage', () => {
  it('keeps any other message of commander, in our form', () => {
    expect(
      usageMessage(
        'commander.conflictingOption',
        "error: option '--a' cannot be used with option '--b'",
        'analyze',
      ),
    ).toEqual({
      message: {
        zh: "analyze：option '--a' cannot be used with option '--b'。",
        en: "analyze: option '--a' cannot be used with option '--b'.",
      },
      hint: { zh: '参见 complaints analyze --help。', en: 'See complaints analyze --help.' },
    });
  });

  it.each<[string[], string | null]>([
    [['analyze', 'x.xlsx'], 'analyze'],
    [['--no-color', 'report'], 'report'],
    [['x.xlsx', 'analyze'], null],
    [[], null],
  ])('the command of %j is %s', (args, name) => {
    expect(commandIn(args, ['analyze', 'report'])).toBe(name);
  });
});
