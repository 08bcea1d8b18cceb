/** complaints classify <inputs...>: options and help text (the command: commands/classify.ts). */
import type { Command } from 'commander';
import type { ClassifyExtras } from '../commands/classify.js';
import { addCommonOptions, addPeriodOptions, collect } from '../settings/options.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import type { Lang } from '../errors.js';
import { CLASSIFY } from './help/classify.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';
import { OPTION_HELP } from './help/options.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(CLASSIFY, lang);
  const d = inLanguage(OPTION_HELP, lang);
  const command = program
    .command('classify')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang])
    .option('--out <file>', t.out)
    .option('--taxonomy <name|file>', d.taxonomy, DEFAULT_TAXONOMY)
    .option('--model <file>', t.model)
    .option('--no-model', d.noModel)
    .option('--corrections <file>', d.corrections)
    .option('--train <labelled>', t.train, collect)
    .option('--ngrams <lengths>', t.ngrams)
    .option('--evaluate <labelled>', t.evaluate)
    .option('--audit', t.audit)
    .option('--limit <n>', t.limit, '20')
    .option('--config <file>', d.config);
  addCommonOptions(addPeriodOptions(command, lang), lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], options: ClassifyExtras, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('classify', inputs, command);
      const { train, ngrams, evaluate, audit, limit } = options;
      return (await import('../commands/classify.js')).run(settings, {
        train,
        ngrams,
        evaluate,
        audit,
        limit,
      });
    });
}
