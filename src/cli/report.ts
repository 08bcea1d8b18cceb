/** complaints report <inputs...>: options and help text (the command: commands/report.ts). */
import type { Command } from 'commander';
import type { Lang } from '../errors.js';
import { addMetricOptions } from '../settings/options.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';
import { REPORT } from './help/report.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(REPORT, lang);
  const command = program
    .command('report')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang])
    .option('--out <file>', t.out)
    .option('--detail', t.detail)
    .option('--no-charts', t.charts)
    .option('--template <file>', t.template)
    .option('--issued <YYYY-MM-DD>', t.issued);
  addMetricOptions(command, lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('report', inputs, command);
      // The hot words' worker starts its isolate while this thread loads the command and reads.
      if (settings.hotWords)
        (await import('../ingest/hot-words-thread.js')).startEarly(
          settings.inputs,
          settings.ingest.threads ?? 1,
        );
      return (await import('../commands/report.js')).run(settings);
    });
}
