/** complaints trend <inputs...>: options and help text (the command: commands/trend.ts). */
import type { Command } from 'commander';
import type { Lang } from '../errors.js';
import { addMetricOptions } from '../settings/options.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';
import { TREND } from './help/trend.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(TREND, lang);
  const command = program
    .command('trend')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang]);
  addMetricOptions(command, lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], _options: object, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('trend', inputs, command);
      return (await import('../commands/trend.js')).run(settings);
    });
}
