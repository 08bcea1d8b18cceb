/**
 * complaints taxonomy [name|file]
 *
 * Prints a taxonomy as a tree (Chinese, or English with --lang en), or as JSON; with
 * --validate FILE checks a user's own taxonomy and names every problem with its JSON path.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { emitJson } from '../report/json.js';
import { TAXONOMY, disciplineName } from '../report/labels.js';
import { colours } from '../report/terminal.js';
import { jsonFile, parseLang } from '../settings.js';
import {
  DEFAULT_TAXONOMY,
  loadTaxonomy,
  parseTaxonomy,
  shippedTaxonomies,
  type Taxonomy,
  type TaxonomyNode,
} from '../taxonomy/load.js';
import { print } from '../report/print.js';
import { guardOutputs } from '../io/write.js';

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

interface TaxonomyOptions {
  validate?: string;
  json?: string | true;
  lang: string;
  color: boolean;
}

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
    .action(async (name: string, options: TaxonomyOptions) => run(name, options));
}

export async function run(name: string, options: TaxonomyOptions): Promise<void> {
  const lang = parseLang(options.lang);
  if (options.validate) {
    validate(options.validate);
    return;
  }
  await guardOutputs([jsonFile(options.json)], [{ path: name, role: 'the taxonomy file' }]);
  const taxonomy = loadTaxonomy(name);
  if (options.json !== undefined) {
    await emitJson(toDocument(taxonomy), options.json);
    return;
  }
  const c = colours(process.stdout, options.color);
  const out: string[] = [
    c.bold(`${taxonomy.name}  ${lang === 'zh' ? taxonomy.title : taxonomy.titleEn}`),
  ];
  const line = (node: TaxonomyNode) => {
    const label = lang === 'zh' ? node.name : node.nameEn;
    const discipline = node.level === 1 ? `  ${disciplineName(node.discipline, lang)}` : '';
    const aliases = node.aliases.length > 0 ? `  (${node.aliases.join(', ')})` : '';
    out.push(
      `${'  '.repeat(node.level - 1)}${node.code.padEnd(8 - 2 * (node.level - 1) > 0 ? 8 : 0)}${label}${discipline}${c.dim(aliases)}`,
    );
    node.children.forEach(line);
  };
  taxonomy.roots.forEach(line);
  const counts = [1, 2, 3].map((level) => taxonomy.nodes.filter((n) => n.level === level).length);
  out.push('', TAXONOMY[lang](counts, taxonomy.source));
  print(process.stdout, out.join('\n') + '\n');
}

function validate(file: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(
      'FILE_NOT_FOUND',
      `${file}: cannot be read.`,
      'Check the path of the taxonomy file.',
    );
  }
  const { taxonomy, problems } = parseTaxonomy(text, file);
  if (taxonomy) {
    const counts = [1, 2, 3].map((level) => taxonomy.nodes.filter((n) => n.level === level).length);
    print(
      process.stdout,
      `${file}: valid taxonomy '${taxonomy.name}': ${counts[0]} first-level, ${counts[1]} second-level, ${counts[2]} third-level nodes.\n`,
    );
    return;
  }
  for (const p of problems) print(process.stderr, `${file}: ${p.path}: ${p.message}\n`);
  throw new InputError(
    'BAD_OPTION',
    `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''} found; the taxonomy cannot be used.`,
    'Fix each line above (the JSON path says where), then validate again.',
  );
}

/** The taxonomy in the file format, so `--json` output can be edited and loaded back. */
export function toDocument(taxonomy: Taxonomy): object {
  const node = (n: TaxonomyNode): object => {
    const keywords = Object.fromEntries(
      n.rules.filter((r) => !r.regex).map((r) => [r.text, r.weight]),
    );
    const patterns = Object.fromEntries(
      n.rules.filter((r) => r.regex).map((r) => [r.text, r.weight]),
    );
    return {
      code: n.code,
      name: n.name,
      nameEn: n.nameEn,
      discipline: n.discipline,
      aliases: n.aliases,
      ...(n.rules.length > 0
        ? {
            rules: {
              ...(Object.keys(keywords).length ? { keywords } : {}),
              ...(Object.keys(patterns).length ? { patterns } : {}),
            },
          }
        : {}),
      ...(n.children.length > 0 ? { children: n.children.map(node) } : {}),
    };
  };
  return {
    name: taxonomy.name,
    title: taxonomy.title,
    titleEn: taxonomy.titleEn,
    source: taxonomy.source,
    levels: Math.max(...taxonomy.nodes.map((n) => n.level)),
    nodes: taxonomy.roots.map(node),
  };
}
