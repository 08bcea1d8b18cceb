/**
 * The command-line program. Commands throw; this is the one place that prints errors and
 * picks the exit code (DESIGN.md §4): 0 done, 1 internal error or a broken installation
 * (InstallError), 2 usage or unreadable input, 3 rows rejected or targets unmatched under --strict.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, isUserError, said, userMessage, type Lang, type Said } from './errors.js';
import { runLanguage } from './cli/language.js';
import { tmpdir } from 'node:os';
import { cleanUpOnExit, setSweepLanguage, sweepAndSay } from './io/temp.js';
import { GENERATED_BY } from './report/json.js';
// Registrations only (options and help text): each command's work is imported when it runs.
import * as analyze from './cli/analyze.js';
import * as assess from './cli/assess.js';
import * as classify from './cli/classify.js';
import * as inspect from './cli/inspect.js';
import * as report from './cli/report.js';
import * as warn from './cli/warn.js';
import * as taxonomy from './cli/taxonomy.js';
import * as trend from './cli/trend.js';
import { print } from './report/print.js';
import { commandIn, usageMessage } from './cli/usage.js';
import { refuseEmptyValues } from './cli/empty-values.js';
import { helpIn, helpWidth, inLanguage, layOut, VERSION } from './cli/help/format.js';
import { PROGRAM } from './cli/help/program.js';
import { relaunchIfWorthIt } from './relaunch.js';

/** The program, its help in `lang` (main: the run's language, cli/language.ts). */
export function program(lang: Lang = 'zh'): Command {
  const t = inLanguage(PROGRAM, lang);
  const cli = helpIn(new Command('complaints'), lang)
    .description(t.description)
    .version(GENERATED_BY.split(' ')[1]!, '-V, --version', VERSION[lang])
    .exitOverride()
    // Commander's refusals are printed by main, in the form of every other error (cli/usage.ts).
    .configureOutput({ writeErr: (text) => print(process.stderr, text), outputError: () => {} });
  for (const command of [analyze, trend, assess, report, warn, inspect, classify, taxonomy]) {
    command.register(cli, lang);
  }
  cli.hook('preAction', async (_program, command) => {
    refuseEmptyValues(command);
    // After commander's checks: help, the version and usage errors never start a second process.
    await relaunchIfWorthIt(command.name(), command.args);
  });
  cli.addHelpText('after', () => layOut(t.after, helpWidth(), lang));
  for (const command of cli.commands) command.exitOverride();
  return cli;
}

function debugging(): boolean {
  return (process.env.DEBUG ?? '').split(',').some((d) => d === 'complaints' || d === '*');
}

export async function main(argv: string[]): Promise<number> {
  cleanUpOnExit();
  // What a run killed by SIGKILL left in TMPDIR (io/temp.ts); the output's folder is swept when
  // an output is opened there. Its line, like every error, in the run's language.
  const lang = runLanguage(argv.slice(2));
  setSweepLanguage(lang);
  sweepAndSay(tmpdir());
  // `complaints ... | head` closes the pipe early: that is the reader's choice, not an error.
  // Any other failure to write the output (a full disk, an I/O error) is an output that cannot
  // be written: one line and exit 2, the temporary files removed by the exit hook.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    print(process.stderr, `complaints: ${stdoutFailure(error)[lang]}\n`);
    process.exit(EXIT.usage);
  });
  // Messages that cannot be shown (stderr closed or full) are lost, but the run goes on and
  // its exit code still tells how it ended.
  process.stderr.on('error', () => {});
  const cli = program(lang);
  try {
    await cli.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end through here too, with exit code 0; `complaints` alone shows the
      // help (on stderr) and ends with exit 2.
      if (error.exitCode === 0 || error.code === 'commander.help') {
        return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      }
      const names = cli.commands.map((c) => c.name());
      const usage = usageMessage(error.code, error.message, commandIn(argv.slice(2), names), names);
      print(process.stderr, `complaints: ${usage.message[lang]}\n  ${usage.hint[lang]}\n`);
      return EXIT.usage;
    }
    if (isUserError(error)) {
      const { message, hint } = userMessage(error, lang);
      print(process.stderr, `complaints: ${message}\n`);
      if (hint) print(process.stderr, `  ${hint}\n`);
      if (debugging()) print(process.stderr, `${error.stack}\n`);
      return error.exitCode;
    }
    const internal = internalError(error);
    print(process.stderr, `complaints: ${internal.message[lang]}\n`);
    print(
      process.stderr,
      debugging() ? `${(error as Error).stack}\n` : `  ${internal.hint[lang]}\n`,
    );
    return EXIT.internal;
  }
}

/** The line of an output that cannot be written (a full disk, an I/O error), in both languages. */
export function stdoutFailure(error: NodeJS.ErrnoException): Said {
  const full = error.code === 'ENOSPC';
  return said(
    `无法写入标准输出（${full ? '磁盘已满' : error.message}），显示的内容不完整。`,
    `the standard output cannot be written (${full ? 'the disk is full' : error.message}); what it shows is incomplete.`,
  );
}

/** What an unexpected error says (its own message stays as thrown), in both languages. */
export function internalError(error: unknown): { message: Said; hint: Said } {
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: said(`内部错误：${message}`, `internal error: ${message}`),
    hint: said(
      '请设置 DEBUG=complaints 再运行一次查看详情，并报告这个问题。',
      'Run again with DEBUG=complaints for details, and report it.',
    ),
  };
}
