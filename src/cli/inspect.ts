/** complaints inspect [inputs...]: options and help text (the command: commands/inspect.ts). */
import type { Command } from 'commander';
import type { Lang } from '../errors.js';
import { addCommonOptions } from '../settings/options.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';
import { INSPECT } from './help/inspect.js';
import { OPTION_HELP } from './help/options.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(INSPECT, lang);
  const command = program
    .command('inspect')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang])
    .option('--duplicates', t.duplicates)
    .option('--corrections <file>', t.corrections)
    .option('--taxonomy <name|file>', t.taxonomy)
    .option('--config <file>', OPTION_HELP.config[lang]);
  addCommonOptions(command, lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], options: { duplicates?: boolean }, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('inspect', inputs, command);
      return (await import('../commands/inspect.js')).run(settings, {
        duplicates: options.duplicates === true,
      });
    });
}
