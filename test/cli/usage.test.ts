/**
 * Commander's own refusals read like every other error (issue 12): "complaints: …" and one hint
 * line, exit 2, never commander's "error: …" with "(run with --help for usage)".
 */
import { describe, expect, it } from 'vitest';
import { commandIn, usageMessage } from '../../src/cli/usage.js';
import { complaints, isPlainError } from '../helpers/cli.js';

describe('commander refusals, from the real program', () => {
  it.each<[string[], string, string]>([
    [
      ['analyze', '--jsn'],
      'complaints: analyze: unknown option --jsn; did you mean --json?',
      '  The options are listed by complaints analyze --help.',
    ],
    [
      ['report', 'x.xlsx', '--detial'],
      'complaints: report: unknown option --detial; did you mean --detail?',
      '  The options are listed by complaints report --help.',
    ],
    [
      ['inspect', 'x.csv', '--frobnicate'],
      'complaints: inspect: unknown option --frobnicate.',
      '  The options are listed by complaints inspect --help.',
    ],
    [
      ['analyz', 'x.xlsx'],
      'complaints: unknown command analyz; did you mean analyze?',
      '  The commands are analyze, trend, assess, report, warn, inspect, classify and taxonomy (complaints --help).',
    ],
    [
      ['frobnicate'],
      'complaints: unknown command frobnicate.',
      '  The commands are analyze, trend, assess, report, warn, inspect, classify and taxonomy (complaints --help).',
    ],
    [
      ['--frob'],
      'complaints: unknown option --frob.',
      '  The options are listed by complaints --help.',
    ],
    [
      ['analyze', 'x.xlsx', '--month'],
      'complaints: analyze: --month needs a value (YYYY-MM).',
      '  Write it as --month YYYY-MM; the options are listed by complaints analyze --help.',
    ],
    [
      ['classify', 'x.xlsx', '--limit'],
      'complaints: classify: --limit needs a value (n).',
      '  Write it as --limit n; the options are listed by complaints classify --help.',
    ],
    [
      ['inspect'],
      'complaints: inspect: no input files.',
      '  Give the exports to read, e.g. complaints inspect exports/*.xlsx (a folder reads the exports in it).',
    ],
    [
      ['taxonomy', 'a', 'b'],
      'complaints: taxonomy: too many arguments: it takes 1, got 2.',
      '  What it takes is listed by complaints taxonomy --help.',
    ],
  ])('%j', (args, message, hint) => {
    const run = complaints(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${message}\n${hint}\n`);
    expect(isPlainError(run.stderr)).toBe(true);
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
      message: "analyze: option '--a' cannot be used with option '--b'.",
      hint: 'See complaints analyze --help.',
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
