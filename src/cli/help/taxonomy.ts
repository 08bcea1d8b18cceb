/** complaints taxonomy --help, in both languages. */
import { DEFAULT_TAXONOMY, shippedTaxonomies } from '../../taxonomy/load.js';
import { EXAMPLES } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints taxonomy
  complaints taxonomy county-4x17 --lang en
  complaints taxonomy --json > my-taxonomy.json
  complaints taxonomy --validate my-taxonomy.json`;

/** The texts; the shipped taxonomies are listed when the help is made. */
export function taxonomyHelp() {
  const shipped = shippedTaxonomies();
  return {
    summary: {
      zh: '显示某个投诉分类体系，或用 --validate 检查你自己的分类体系',
      en: 'print a complaint taxonomy, or check your own with --validate',
    },
    description: {
      zh: '以树形或 JSON 显示某个投诉分类体系，或检查你自己的分类体系文件。',
      en: 'Print a complaint taxonomy as a tree or as JSON, or check a taxonomy file of your own.',
    },
    name: {
      zh: '自带的分类体系名称，或一个 JSON 文件',
      en: 'a shipped taxonomy or a JSON file',
    },
    validate: {
      zh: '检查分类体系文件，列出每个问题及其 JSON 路径',
      en: 'check a taxonomy file and list every problem with its JSON path',
    },
    json: {
      zh: '以 JSON 输出分类体系，或写入文件 FILE',
      en: 'print the taxonomy as JSON, or write it to FILE',
    },
    lang: {
      zh: '名称、提示和本帮助的语言：zh 中文，en 英文',
      en: 'language of the names, the messages and this help: zh Chinese, en English',
    },
    after: {
      zh: `
自带的分类体系：${shipped.join('、')}（默认 ${DEFAULT_TAXONOMY}）。
自己的文件结构相同（参照某个自带分类体系的 --json 输出）：name、title、source 和 nodes，每个节点有 code、name、nameEn、discipline（运检 或 营销，未写时继承上级）、aliases 和 rules {"keywords": {"text": weight}, "patterns": {"regex": weight}}；下级节点嵌套在内，或给节点写 "parent": CODE。任何命令都可用 --taxonomy FILE 使用它。

退出码：0 完成或检查通过；2 名称不认识、文件读不了，或检查发现问题。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
      en: `
Shipped taxonomies: ${shipped.join(', ')} (default ${DEFAULT_TAXONOMY}).
A file of your own has the same shape (see --json of a shipped one): name, title, source,
and nodes, each with code, name, nameEn, discipline (运检 or 营销, inherited from the parent),
aliases, and rules {"keywords": {"text": weight}, "patterns": {"regex": weight}}; nest
children, or give a node "parent": CODE. Use it with --taxonomy FILE on any command.

Exit codes: 0 done or valid; 2 unknown name, unreadable file, or problems found.

${EXAMPLES.en}${EXAMPLE_LINES}`,
    },
  } satisfies Record<string, Said>;
}
