/** complaints taxonomy [name|file]: options and help text (the command: commands/taxonomy.ts). */
import type { Command } from 'commander';
import { DEFAULT_TAXONOMY, shippedTaxonomies } from '../taxonomy/load.js';

const HELP = `
Shipped taxonomies: ${shippedTaxonomies().join(', ')} (default ${DEFAULT_TAXONOMY}).
A file of your own has the same shape (see --json of a shipped one): name, title, source,
and nodes, each with code, name, nameEn, discipline (运检 or 营销, inherited from the parent),
aliases, and rules {"keywords": {"text": weight}, "patterns": {"regex": weight}}; nest
children, or give a node "parent": CODE. Use it with --taxonomy FILE on any command.

Exit codes: 0 done or valid; 2 unknown name, unreadable file, or problems found.

Examples:
  complaints taxonomy
  complaints taxonomy county-4x17 --lang en
  complaints taxonomy --json > my-taxonomy.json
  complaints taxonomy --validate my-taxonomy.json`;

export function register(program: Command): void {
  program
    .command('taxonomy')
    .summary('print a complaint taxonomy, or check your own with --validate')
    .description(
      'Print a complaint taxonomy as a tree or as JSON, or check a taxonomy file of your own.',
    )
    .argument('[name|file]', 'a shipped taxonomy or a JSON file', DEFAULT_TAXONOMY)
    .option('--validate <file>', 'check a taxonomy file and list every problem with its JSON path')
    .option('--json [file]', 'print the taxonomy as JSON, or write it to FILE')
    .option('--lang <zh|en>', 'language of the names', 'zh')
    .option('--no-color', 'no colour even on a terminal')
    .addHelpText('after', HELP)
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
