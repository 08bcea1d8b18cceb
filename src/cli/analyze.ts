/**
 * complaints analyze <inputs...>: options and help text. The command itself (commands/analyze.ts)
 * is imported when it runs, so that --help loads no reader, writer or chart library.
 */
import type { Command } from 'commander';
import type { Lang } from '../errors.js';
import { addMetricOptions } from '../settings/options.js';
import { ANALYZE } from './help/analyze.js';
import { INPUTS } from './help/common.js';
import { helpWidth, inLanguage, layOut } from './help/format.js';

export function register(program: Command, lang: Lang = 'zh'): void {
  const t = inLanguage(ANALYZE, lang);
  const command = program
    .command('analyze')
    .summary(t.summary)
    .description(t.description)
    .argument('[inputs...]', INPUTS[lang])
    .option('--out <file>', t.out)
    .option('--detail', t.detail)
    .option('--no-charts', t.charts)
    .option('--template <file>', t.template);
  addMetricOptions(command, lang)
    .addHelpText('after', () => layOut(t.after, helpWidth(), lang))
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('analyze', inputs, command);
      // The hot words' worker starts its isolate while this thread loads the command and reads.
      if (settings.hotWords)
        (await import('../ingest/hot-words-thread.js')).startEarly(
          settings.inputs,
          settings.ingest.threads ?? 1,
        );
      return (await import('../commands/analyze.js')).run(settings);
    });
}
