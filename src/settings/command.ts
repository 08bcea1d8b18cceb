/**
 * From commander to Settings, for the commands' actions: the options typed, the config file
 * (metric commands only: found in the working directory or named with --config), resolved once.
 * The folders and globs the command line expanded are announced on stderr (not with --quiet):
 * the files a folder gave are not on the command line for the analyst to see.
 */
import type { Command } from 'commander';
import { print } from '../report/print.js';
import { loadConfig } from './config-file.js';
import type { ExpandedInput } from './inputs.js';
import { commandLineOf } from './options.js';
import { resolveSettings } from './resolve.js';
import { METRIC_COMMANDS, type CommandName, type Lang, type Settings } from './types.js';

export async function settingsFor(
  name: CommandName,
  inputs: string[],
  command: Command,
): Promise<Settings> {
  const commandLine = commandLineOf(inputs, command);
  const config = METRIC_COMMANDS.includes(name)
    ? await loadConfig(commandLine.options.config, process.cwd())
    : null;
  const settings = await resolveSettings(commandLine, config, name);
  if (!settings.quiet) {
    for (const e of settings.expandedInputs)
      print(process.stderr, `${expansionLine(e, settings.lang)}\n`);
  }
  return settings;
}

/** exports/: reading 3 files: exports/a.xlsx, …; not read: exports/notes.docx */
export function expansionLine(e: ExpandedInput, lang: Lang): string {
  const xls = e.leftOut.some((f) => /\.xls$/i.test(f));
  if (lang === 'zh') {
    const read = `${e.given}：读取 ${e.files.length} 个文件 ${e.files.join('、')}`;
    if (e.leftOut.length === 0) return read;
    return `${read}；未读取 ${e.leftOut.join('、')}${xls ? '（.xls 请另存为 .xlsx）' : ''}`;
  }
  const read = `${e.given}: reading ${e.files.length} file${e.files.length === 1 ? '' : 's'}: ${e.files.join(', ')}`;
  if (e.leftOut.length === 0) return read;
  return `${read}; not read: ${e.leftOut.join(', ')}${xls ? ' (save .xls as .xlsx to read it)' : ''}`;
}
