/**
 * From commander to Settings, for the commands' actions: the options typed, the config file
 * (found in the working directory or named with --config; not by taxonomy), resolved once.
 * The folders and globs the command line expanded are announced on stderr (not with --quiet):
 * the files a folder gave are not on the command line for the analyst to see.
 */
import type { Command } from 'commander';
import { EXPANDED } from '../report/labels.js';
import { print } from '../report/print.js';
import { loadConfig } from './config-file.js';
import { sameFileText, type ExpandedInput } from './inputs.js';
import { commandLineOf } from './options.js';
import { filesRead, resolveSettings } from './resolve.js';
import { guardOutputs } from '../io/write.js';
import { CONFIG_COMMANDS, type CommandName, type Lang, type Settings } from './types.js';

/**
 * For tests only: the run's "today" as YYYY-MM-DD instead of the machine's date (the config
 * file's period rules and the ingest's limit for future acceptance times), so that a test can
 * put rows on either side of the limit whatever day it runs.
 */
export const TEST_TODAY_ENV = 'COMPLAINTS_TEST_TODAY';

function runDate(): Date {
  const given = /^(\d{4})-(\d{2})-(\d{2})$/.exec(process.env[TEST_TODAY_ENV] ?? '');
  return given ? new Date(Number(given[1]), Number(given[2]) - 1, Number(given[3])) : new Date();
}

export async function settingsFor(
  name: CommandName,
  inputs: string[],
  command: Command,
): Promise<Settings> {
  const commandLine = commandLineOf(inputs, command);
  const config = CONFIG_COMMANDS.includes(name)
    ? await loadConfig(commandLine.options.config, process.cwd())
    : null;
  const settings = await resolveSettings(commandLine, config, name, runDate());
  // An output that is a file the run reads is refused before the files a folder gave are
  // announced: "读取 N 个文件" and then "nothing was read" contradict each other. The commands
  // check again with what only they know (classify's --train files).
  if (name !== 'taxonomy')
    await guardOutputs([settings.json?.file, settings.out], filesRead(settings));
  if (!settings.quiet) {
    for (const e of settings.expandedInputs)
      print(process.stderr, `${expansionLine(e, settings.lang)}\n`);
    for (const s of settings.sameInputs ?? [])
      print(process.stderr, `${sameFileText(s, settings.lang)}\n`);
    const cut =
      commandLine.options.threads !== undefined
        ? threadsCut(commandLine.options.threads, settings.ingest.threads)
        : threadsCut(config?.settings.threads, settings.ingest.threads, config?.file);
    if (cut) print(process.stderr, `${cut[settings.lang]}\n`);
  }
  return settings;
}

/**
 * A --threads (or the config file's "threads") above the cores is cut to them (resolve.ts
 * maxThreads): said, not silently done (review3 #10: --threads 99999 read with 2).
 */
export function threadsCut(
  asked: unknown,
  used: number | undefined,
  configFile?: string,
): { zh: string; en: string } | null {
  const n = typeof asked === 'string' || typeof asked === 'number' ? Number(asked) : NaN;
  if (!Number.isInteger(n) || used === undefined || n <= used) return null;
  const zh = configFile ? `${configFile} 中的 "threads": ${n}` : `--threads ${n}`;
  const en = configFile ? `"threads": ${n} in ${configFile}` : `--threads ${n}`;
  return {
    zh: `${zh}：本机最多用 ${used} 个线程，按 ${used} 个读取。`,
    en: `${en}: this machine reads with at most ${used} threads; using ${used}.`,
  };
}

/** exports/: reading 3 files: exports/a.xlsx, …; not read: exports/notes.docx */
export function expansionLine(e: ExpandedInput, lang: Lang): string {
  const t = EXPANDED[lang];
  const xls = e.leftOut.some((f) => /\.xls$/i.test(f));
  // The only workbooks a folder or pattern leaves out are this tool's reports.
  const reports = e.leftOut.some((f) => /\.xlsx$/i.test(f));
  return (
    t.reading(e.given, e.files) +
    (e.leftOut.length > 0 ? t.notRead(e.leftOut, xls, reports) : '') +
    (e.sideFiles ? t.sideFiles(e.sideFiles, e.leftOut.length > 0) : '')
  );
}
