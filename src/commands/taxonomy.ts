/**
 * complaints taxonomy [name|file]: what it does (options and help: cli/taxonomy.ts).
 *
 * Prints a taxonomy as a tree (Chinese, or English with --lang en), or as JSON; with
 * --validate FILE checks a user's own taxonomy and names every problem with its JSON path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { InputError, said } from '../errors.js';
import { withoutBom } from '../json-problem.js';
import { guardOutputs } from '../io/write.js';
import { emitJson } from '../report/json.js';
import { print } from '../report/print.js';
import { TAXONOMY, disciplineName } from '../report/labels.js';
import { colours } from '../report/terminal.js';
import type { Lang, Settings } from '../settings/types.js';
import {
  TEXT_GROUPS,
  loadTaxonomy,
  parseTaxonomy,
  parseTextTable,
  problemSaid,
  shippedTaxonomies,
  type Problem,
  type Taxonomy,
  type TaxonomyNode,
} from '../taxonomy/load.js';

/** The taxonomy to print (a shipped name or a file), or --validate FILE. */
export interface TaxonomyExtras {
  name: string;
  validate?: string;
}

export async function run(settings: Settings, { name, validate }: TaxonomyExtras): Promise<void> {
  const { lang, json } = settings;
  if (validate) {
    validateFile(validate, lang);
    return;
  }
  // A shipped name is read from the package, whatever file of that name the folder holds
  // (`complaints taxonomy sgcc-95598 > sgcc-95598` saves the printout).
  const read = shippedTaxonomies().includes(name)
    ? []
    : [{ path: name, role: 'the taxonomy file' }];
  await guardOutputs([json?.file], read);
  if (json?.file && settings.inputs.length === 0 && existsSync(json.file)) {
    // `taxonomy --json mine.json` reads as "show mine.json as JSON" but would overwrite it
    // with the shipped taxonomy: the optional value took the user's file as the output.
    throw new InputError(
      'BAD_OPTION',
      said(
        `--json ${json.file}：这个文件已存在，而 --json 后面是它要写入的文件：它会被内置的分类体系 ${name} 替换。没有写入任何文件。`,
        `--json ${json.file}: that file exists, and --json names the file it writes: it would be replaced by the shipped taxonomy ${name}. Nothing was written.`,
      ),
      said(
        `要打印你的分类体系，请写：complaints taxonomy ${json.file} --json；要替换这个文件，请先删除它。`,
        `To print your taxonomy, write: complaints taxonomy ${json.file} --json; to replace the file, remove it first.`,
      ),
      { file: json.file },
    );
  }
  const taxonomy = loadTaxonomy(name);
  if (json) {
    await emitJson(toDocument(taxonomy), json.file ?? true);
    return;
  }
  const c = colours(process.stdout, settings.color);
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
  out.push('', TAXONOMY[lang](counts, lang === 'zh' ? taxonomy.sourceZh : taxonomy.source));
  print(process.stdout, out.join('\n') + '\n');
}

const FIX_AND_VALIDATE = said(
  '请逐一修改上面各行（JSON 路径指出位置），再重新校验。',
  'Fix each line above (the JSON path says where), then validate again.',
);

function validateFile(file: string, lang: Lang): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(
      'FILE_NOT_FOUND',
      said(`${file}：无法读取。`, `${file}: cannot be read.`),
      said('请检查分类体系文件的路径。', 'Check the path of the taxonomy file.'),
      { file },
    );
  }
  if (isTextTable(text)) return validateTextTable(file, text, lang);
  const { taxonomy, problems } = parseTaxonomy(text, file);
  if (taxonomy) {
    const counts = [1, 2, 3].map((level) => taxonomy.nodes.filter((n) => n.level === level).length);
    print(
      process.stdout,
      lang === 'zh'
        ? `${file}：分类体系 '${taxonomy.name}' 有效：一级 ${counts[0]} 类，二级 ${counts[1]} 项，三级 ${counts[2]} 项。\n`
        : `${file}: valid taxonomy '${taxonomy.name}': ${counts[0]} first-level, ${counts[1]} second-level, ${counts[2]} third-level nodes.\n`,
    );
    return;
  }
  printProblems(file, problems, lang);
  throw new InputError(
    'BAD_OPTION',
    said(
      `${file}：发现 ${problems.length} 个问题，这个分类体系不能使用。`,
      `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''} found; the taxonomy cannot be used.`,
    ),
    FIX_AND_VALIDATE,
    { file },
  );
}

/** One line a problem on stderr, before the refusal: "mine.json：$.nodes[1].code：…". */
function printProblems(file: string, problems: readonly Problem[], lang: Lang): void {
  const sep = lang === 'zh' ? '：' : ': ';
  for (const p of problems) print(process.stderr, `${file}${sep}${problemSaid(p)[lang]}\n`);
}

/** A text table (typos, dialect, colloquial words) rather than a taxonomy: no `nodes`. */
function isTextTable(text: string): boolean {
  try {
    const doc: unknown = JSON.parse(withoutBom(text));
    return (
      typeof doc === 'object' &&
      doc !== null &&
      !('nodes' in doc) &&
      TEXT_GROUPS.some((g) => g in doc)
    );
  } catch {
    return false;
  }
}

function validateTextTable(file: string, text: string, lang: Lang): void {
  const { entries, problems } = parseTextTable(text);
  if (entries) {
    print(
      process.stdout,
      lang === 'zh'
        ? `${file}：文本表有效：${entries.length} 条。\n`
        : `${file}: valid text table: ${entries.length} entries.\n`,
    );
    return;
  }
  printProblems(file, problems, lang);
  throw new InputError(
    'BAD_OPTION',
    said(
      `${file}：发现 ${problems.length} 个问题，这个文本表不能使用。`,
      `${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''} found; the text table cannot be used.`,
    ),
    FIX_AND_VALIDATE,
    { file },
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
    ...(taxonomy.sourceZh !== taxonomy.source ? { sourceZh: taxonomy.sourceZh } : {}),
    levels: Math.max(...taxonomy.nodes.map((n) => n.level)),
    nodes: taxonomy.roots.map(node),
    // The file's own text table entries (the shipped table applies to every taxonomy).
    ...(Object.keys(taxonomy.ownText).length > 0 ? { text: taxonomy.ownText } : {}),
  };
}
