/** complaints taxonomy [name|file]: options and help text (the command: commands/taxonomy.ts). */
import type { Command } from 'commander';
import type { Lang } from '../errors.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';
import { OPTION_HELP } from './help/options.js';
import { taxonomyHelp } from './help/taxonomy.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(taxonomyHelp(), lang);
  program
    .command('taxonomy')
    .summary(t.summary)
    .description(t.description)
    .argument('[name|file]', t.name, DEFAULT_TAXONOMY)
    .option('--validate <file>', t.validate)
    .option('--json [file]', t.json)
    .option('--lang <zh|en>', t.lang, 'zh')
    .option('--no-color', OPTION_HELP.color[lang])
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (name: string, options: { validate?: string }, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('taxonomy', name === DEFAULT_TAXONOMY ? [] : [name], command);
      return (await import('../commands/taxonomy.js')).run(settings, {
        name,
        validate: options.validate,
      });
    });
}
