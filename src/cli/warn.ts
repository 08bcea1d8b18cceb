/** complaints warn [inputs...]: options and help text (the command: commands/warn.ts). */
import { Option, type Command } from 'commander';
import type { Lang } from '../errors.js';
import { addMetricOptions } from '../settings/options.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';
import { WARN } from './help/warn.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(WARN, lang);
  const command = program
    .command('warn')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang])
    .addOption(new Option('--fail-on <level>', t.failOn).choices(['red', 'yellow']))
    .option('--thresholds <file>', t.thresholds);
  addMetricOptions(command, lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('warn', inputs, command);
      return (await import('../commands/warn.js')).run(settings);
    });
}
