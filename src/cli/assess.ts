/** complaints assess <inputs...> --targets FILE: options and help text (the command: commands/assess.ts). */
import type { Command } from 'commander';
import type { Lang } from '../errors.js';
import { addMetricOptions } from '../settings/options.js';
import { ASSESS } from './help/assess.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(ASSESS, lang);
  const command = program
    .command('assess')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang]);
  addMetricOptions(command, lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('assess', inputs, command);
      return (await import('../commands/assess.js')).run(settings);
    });
}
