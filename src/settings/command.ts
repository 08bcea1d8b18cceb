/**
 * From commander to Settings, for the commands' actions: the options typed, the config file
 * (metric commands only: found in the working directory or named with --config), resolved once.
 */
import type { Command } from 'commander';
import { loadConfig } from './config-file.js';
import { commandLineOf } from './options.js';
import { resolveSettings } from './resolve.js';
import { METRIC_COMMANDS, type CommandName, type Settings } from './types.js';

export async function settingsFor(
  name: CommandName,
  inputs: string[],
  command: Command,
): Promise<Settings> {
  const commandLine = commandLineOf(inputs, command);
  const config = METRIC_COMMANDS.includes(name)
    ? await loadConfig(commandLine.options.config, process.cwd())
    : null;
  return resolveSettings(commandLine, config, name);
}
