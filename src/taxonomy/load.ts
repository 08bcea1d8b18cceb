/**
 * Taxonomies are data: JSON files shipped in src/taxonomy/data/, selected by name, or the
 * user's own file with the same shape (--taxonomy FILE). Everything a file says is checked
 * here once, and every problem is named with its JSON path.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { InputError, said, type Said } from '../errors.js';
import { jsonSyntax, withoutBom, zhPlace } from '../json-problem.js';
import { compileTextTable, normalizeWord, type TextTable } from './normalize.js';

export const DISCIPLINES = ['运检', '营销'] as const;
export type Discipline = (typeof DISCIPLINES)[number];
export const DEFAULT_TAXONOMY = 'sgcc-95598';

export interface Rule {
  /** A literal keyword, or a regular expression when `regex` is set. */
  text: string;
  regex: RegExp | null;
  /** Positive points to the node, negative points away from it. */
  weight: number;
}

export interface TaxonomyNode {
  code: string;
  name: string;
  nameEn: string;
  discipline: Discipline;
  aliases: string[];
  rules: Rule[];
  level: number;
  parent: TaxonomyNode | null;
  children: TaxonomyNode[];
  /**
   * The type a text gets when the rules decide its first level only and none of the level's
   * types is ahead (`"fallback": true` on at most one child of a first-level node).
   */
  fallback: boolean;
}

export interface Taxonomy {
  name: string;
  title: string;
  titleEn: string;
  /** Where the taxonomy comes from, in English (the JSON's); `sourceZh` in Chinese. */
  source: string;
  sourceZh: string;
  /** Where it was loaded from: a shipped name or a file path. */
  origin: string;
  roots: TaxonomyNode[];
  /** Every node, depth first. */
  nodes: TaxonomyNode[];
  /** The text table: the shipped one (data/text/zh-power.json) and the file's own `text`. */
  text: TextTable;
  /** The file's own `text` entries by group, as written (for printing it back). */
  ownText: Record<string, Record<string, string>>;
}

/** A problem of a taxonomy or text table file: where (a JSON path), and what in both languages. */
export interface Problem {
  path: string;
  /** In English (what the JSON and --lang en say). */
  message: string;
  zh: string;
}

/** A problem as a line of `taxonomy --validate` or a message: "$.nodes[1].code: …". */
export function problemSaid(p: Problem): Said {
  return said(`${p.path}：${p.zh}`, `${p.path}: ${p.message}`);
}

const DATA = new URL('../../src/taxonomy/data/', import.meta.url);

export function shippedTaxonomies(): string[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A shipped name (`sgcc-95598`) or a path to the user's own JSON file. */
export function loadTaxonomy(nameOrFile: string = DEFAULT_TAXONOMY): Taxonomy {
  const shipped = shippedTaxonomies().includes(nameOrFile);
  const path = shipped ? new URL(`${nameOrFile}.json`, DATA) : nameOrFile;
  if (!shipped && !existsSync(path)) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `选项 --taxonomy ${nameOrFile}：既不是自带的分类体系，也不是文件。`,
        `--taxonomy ${nameOrFile}: neither a shipped taxonomy nor a file.`,
      ),
      said(
        `自带的分类体系：${shippedTaxonomies().join('、')}；也可以给出自己的 JSON 文件路径。`,
        `Shipped: ${shippedTaxonomies().join(', ')}; or give the path of your own JSON file.`,
      ),
    );
  }
  const { taxonomy, problems } = parseTaxonomy(
    readTaxonomyText(path, nameOrFile),
    shipped ? nameOrFile : String(path),
  );
  if (!taxonomy) {
    const first = problems[0]!;
    throw new InputError(
      'BAD_OPTION',
      said(
        `${nameOrFile}：不是有效的分类体系（${problems.length} 个问题；第一个：${problemSaid(first).zh}）。`,
        `${nameOrFile}: not a valid taxonomy (${problems.length} problem${problems.length > 1 ? 's' : ''}; first: ${first.path}: ${first.message}).`,
      ),
      said(
        `查看全部问题：complaints taxonomy --validate ${nameOrFile}`,
        `See them all: complaints taxonomy --validate ${nameOrFile}`,
      ),
      { file: nameOrFile },
    );
  }
  return taxonomy;
}

/** A taxonomy file's text; a folder or a file that cannot be read is the user's error (exit 2). */
function readTaxonomyText(path: string | URL, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(
      'FILE_UNREADABLE',
      code === 'EISDIR'
        ? said(
            `选项 --taxonomy ${shown}：这是文件夹，不是分类体系文件。`,
            `--taxonomy ${shown}: a folder, not a taxonomy file.`,
          )
        : said(
            `选项 --taxonomy ${shown}：无法读取（${code}）。`,
            `--taxonomy ${shown}: cannot be read (${code}).`,
          ),
      said(
        `请给出分类体系的 JSON 文件，或自带的名称：${shippedTaxonomies().join('、')}。`,
        `Give a taxonomy JSON file, or a shipped name: ${shippedTaxonomies().join(', ')}.`,
      ),
      { file: shown },
    );
  }
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type ProblemSink = (path: string, message: Said) => void;

function readDiscipline(
  value: Json,
  path: string,
  problem: ProblemSink,
): { discipline: Discipline | null; badDiscipline: boolean } {
  if (value === undefined) return { discipline: null, badDiscipline: false };
  if ((DISCIPLINES as readonly Json[]).includes(value))
    return { discipline: value as Discipline, badDiscipline: false };
  problem(
    `${path}.discipline`,
    said(
      `专业 '${String(value)}' 不认识：应为 运检 或 营销`,
      `unknown discipline '${String(value)}': expected 运检 or 营销`,
    ),
  );
  return { discipline: null, badDiscipline: true };
}

function readAliases(value: Json, path: string, problem: ProblemSink): string[] {
  const aliases: string[] = [];
  if (value === undefined) return aliases;
  if (!Array.isArray(value)) {
    problem(`${path}.aliases`, said('应为字符串数组', 'expected an array of strings'));
    return aliases;
  }
  value.forEach((a, i) => {
    if (typeof a === 'string' && a.trim() !== '') aliases.push(a.trim());
    else problem(`${path}.aliases[${i}]`, NON_EMPTY);
  });
  return aliases;
}

const NON_EMPTY = said('应为非空的字符串', 'expected a non-empty string');
const OBJECT = said('应为对象 {…}', 'expected an object');

/** JSON.parse's refusal as the one problem of a file, at `$`. */
function notJsonProblem(error: unknown, text: string): Problem {
  const { located, zh } = jsonSyntax(error, text);
  return {
    path: '$',
    message: `not JSON: ${(error as Error).message}`,
    // A problem line has no full stop of its own; a question keeps its mark.
    zh: `${zhPlace(located)}不是有效的 JSON：${zh.replace(/。$/, '')}`,
  };
}

/** Checks a taxonomy document; returns the taxonomy only when there is no problem. */
export function parseTaxonomy(
  text: string,
  origin: string,
): { taxonomy: Taxonomy | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem: ProblemSink = (path, message) =>
    problems.push({ path, message: message.en, zh: message.zh });
  text = withoutBom(text);
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { taxonomy: null, problems: [notJsonProblem(error, text)] };
  }
  if (!isObject(doc)) {
    problem('$', OBJECT);
    return { taxonomy: null, problems };
  }
  for (const key of ['name', 'title', 'source'] as const) {
    if (typeof doc[key] !== 'string' || (doc[key] as string).trim() === '')
      problem(`$.${key}`, NON_EMPTY);
  }
  if (!Array.isArray(doc.nodes) || doc.nodes.length === 0) {
    problem(
      '$.nodes',
      said('应为非空数组，列出各一级分类', 'expected a non-empty array of first-level nodes'),
    );
    return { taxonomy: null, problems };
  }

  const codes = new Map<string, string>();
  const nodes: TaxonomyNode[] = [];
  /** Where each node stands in the file, for messages. */
  const paths = new Map<TaxonomyNode, string>();
  /** Nodes whose discipline problem is already said (unknown value, or no parent found). */
  const reported = new Set<TaxonomyNode>();
  const flatChildren: { node: TaxonomyNode; parentCode: string; path: string }[] = [];

  const readNode = (raw: Json, path: string, parent: TaxonomyNode | null): TaxonomyNode | null => {
    if (!isObject(raw)) {
      problem(path, OBJECT);
      return null;
    }
    const code = typeof raw.code === 'string' ? raw.code.trim() : '';
    const name = typeof raw.name === 'string' ? raw.name.trim() : '';
    if (code === '') problem(`${path}.code`, NON_EMPTY);
    else if (codes.has(code))
      problem(
        `${path}.code`,
        said(
          `编码 '${code}' 重复（${codes.get(code)} 也用了它）`,
          `duplicate code '${code}' (also at ${codes.get(code)})`,
        ),
      );
    else codes.set(code, `${path}.code`);
    if (name === '') problem(`${path}.name`, NON_EMPTY);
    const declaredLevel = raw.level;
    const parentCode = typeof raw.parent === 'string' ? raw.parent : null;
    if (
      parent === null &&
      parentCode === null &&
      declaredLevel !== undefined &&
      declaredLevel !== 1
    ) {
      problem(
        path,
        said(
          `${String(declaredLevel)} 级分类没有上级（请写 "parent": 上级编码，或把它放进上级的 "children"）`,
          `a level-${String(declaredLevel)} node without a parent (give "parent": CODE or nest it in "children")`,
        ),
      );
    }
    const { discipline, badDiscipline } = readDiscipline(raw.discipline, path, problem);
    const aliases = readAliases(raw.aliases, path, problem);
    const node: TaxonomyNode = {
      code,
      name,
      nameEn: typeof raw.nameEn === 'string' && raw.nameEn.trim() !== '' ? raw.nameEn.trim() : name,
      discipline: discipline ?? parent?.discipline ?? ('' as Discipline),
      aliases,
      rules: readRules(raw.rules, `${path}.rules`, problem),
      level: parent ? parent.level + 1 : 1,
      parent,
      children: [],
      fallback: raw.fallback === true,
    };
    checkLevelAndFallback(node, raw.fallback, path, problem);
    nodes.push(node);
    paths.set(node, path);
    if (badDiscipline) reported.add(node);
    if (parentCode !== null && parent === null) {
      flatChildren.push({ node, parentCode, path });
      return node;
    }
    if (raw.children !== undefined) {
      if (!Array.isArray(raw.children))
        problem(`${path}.children`, said('应为数组 […]', 'expected an array'));
      else
        raw.children.forEach((child, i) => {
          const c = readNode(child, `${path}.children[${i}]`, node);
          if (c) node.children.push(c);
        });
    }
    return node;
  };

  const roots: TaxonomyNode[] = [];
  doc.nodes.forEach((raw, i) => {
    const node = readNode(raw, `$.nodes[${i}]`, null);
    if (node && !flatChildren.some((f) => f.node === node)) roots.push(node);
  });
  linkFlatChildren(flatChildren, nodes, reported, problem);
  checkDisciplines(nodes, paths, reported, problem);
  checkNames(nodes, paths, problem);
  const ownText = readTextGroups(doc.text, '$.text', problem, false);
  if (problems.length > 0) return { taxonomy: null, problems };
  const ordered: TaxonomyNode[] = [];
  const walk = (n: TaxonomyNode) => {
    ordered.push(n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return {
    taxonomy: {
      name: doc.name as string,
      title: doc.title as string,
      titleEn: typeof doc.titleEn === 'string' ? doc.titleEn : (doc.title as string),
      source: doc.source as string,
      // Optional: a file that gives its source in one language says it in both.
      sourceZh:
        typeof doc.sourceZh === 'string' && doc.sourceZh.trim() !== ''
          ? doc.sourceZh
          : (doc.source as string),
      origin,
      roots,
      nodes: ordered,
      text: compileTextTable([...shippedTextEntries(), ...textEntries(ownText)]),
      ownText,
    },
    problems,
  };
}

/** A node's depth and its fallback flag: at most three levels, one fallback type a category. */
function checkLevelAndFallback(
  node: TaxonomyNode,
  fallback: Json,
  path: string,
  problem: ProblemSink,
): void {
  if (node.level > 3) problem(path, said('超过三级', 'more than three levels'));
  if (fallback !== undefined && typeof fallback !== 'boolean')
    problem(`${path}.fallback`, said('应为 true 或 false', 'expected true or false'));
  if (node.fallback && node.level !== 2)
    problem(
      `${path}.fallback`,
      said(
        '只有二级分类能作所属一级分类的兜底类型',
        "only a second-level node can be its category's fallback",
      ),
    );
  if (node.fallback && node.parent?.children.some((c) => c.fallback))
    problem(
      `${path}.fallback`,
      said('一个一级分类最多只有一个兜底类型', 'a category has at most one fallback type'),
    );
}

/** Every node has a discipline, its own or a parent's (those already said excepted). */
function checkDisciplines(
  nodes: readonly TaxonomyNode[],
  paths: ReadonlyMap<TaxonomyNode, string>,
  reported: ReadonlySet<TaxonomyNode>,
  problem: ProblemSink,
): void {
  for (const node of nodes) {
    if (node.discipline === ('' as Discipline) && !reported.has(node)) {
      problem(
        `${paths.get(node)}.discipline`,
        said(
          '这个分类和它的上级都没有写专业（运检 或 营销）',
          'no discipline (运检 or 营销) on the node or any parent',
        ),
      );
    }
  }
}

/** Flat files name a node's parent by code instead of nesting it: each is put under it. */
function linkFlatChildren(
  flatChildren: readonly { node: TaxonomyNode; parentCode: string; path: string }[],
  nodes: readonly TaxonomyNode[],
  reported: Set<TaxonomyNode>,
  problem: ProblemSink,
): void {
  for (const { node, parentCode, path } of flatChildren) {
    const parent = nodes.find((n) => n.code === parentCode && n !== node);
    if (!parent) {
      problem(
        `${path}.parent`,
        said(`没有编码为 '${parentCode}' 的分类`, `no node with code '${parentCode}'`),
      );
      reported.add(node);
      continue;
    }
    node.parent = parent;
    node.level = parent.level + 1;
    if (node.discipline === ('' as Discipline)) node.discipline = parent.discipline;
    parent.children.push(node);
  }
}

function readRules(raw: Json, path: string, problem: ProblemSink): Rule[] {
  if (raw === undefined) return [];
  if (!isObject(raw)) {
    problem(
      path,
      said(
        '应为对象，含 "keywords" 和/或 "patterns"',
        'expected an object with "keywords" and/or "patterns"',
      ),
    );
    return [];
  }
  const rules: Rule[] = [];
  for (const kind of ['keywords', 'patterns'] as const) {
    const table = raw[kind];
    if (table === undefined) continue;
    if (!isObject(table)) {
      problem(
        `${path}.${kind}`,
        said('应为对象：文字 → 权重', 'expected an object of text → weight'),
      );
      continue;
    }
    for (const [text, weight] of Object.entries(table)) {
      const at = `${path}.${kind}[${JSON.stringify(text)}]`;
      if (typeof weight !== 'number' || !Number.isFinite(weight)) {
        problem(
          at,
          said(
            '应为数字（权重；负数表示排除）',
            'expected a number (the weight; negative points away)',
          ),
        );
        continue;
      }
      if (text === '') {
        problem(at, said('关键词是空的', 'empty keyword'));
        continue;
      }
      let regex: RegExp | null = null;
      if (kind === 'patterns') {
        try {
          regex = new RegExp(text, 'u');
        } catch (error) {
          problem(at, badRegex(error));
          continue;
        }
      }
      rules.push({ text: kind === 'keywords' ? normalizeWord(text) : text, regex, weight });
    }
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'keywords' && key !== 'patterns')
      problem(
        `${path}.${key}`,
        said('不认识的键：应为 keywords 或 patterns', 'unknown key: expected keywords or patterns'),
      );
  }
  return rules;
}

/** What the RegExp constructor says after "Invalid regular expression: /…/u: ", in Chinese. */
const REGEX_REASONS: Record<string, string> = {
  'Unterminated group': '左括号 ( 没有配对的 )',
  "Unmatched ')'": '右括号 ) 没有配对的 (',
  'Nothing to repeat': '* + ? 或 {n} 前面没有可重复的内容',
  'Unterminated character class': '[ 没有配对的 ]',
  'Incomplete quantifier': '{ } 写法不完整（要匹配 { 本身请写 \\{）',
  'Lone quantifier brackets': '{ 或 } 没有配对（要匹配它本身请写 \\{ 或 \\}）',
  'numbers out of order in {} quantifier': '{m,n} 里 m 大于 n',
  'Range out of order in character class': '[ ] 里的范围前大后小',
  'Invalid group': '(? 后面的写法不对',
  'Invalid capture group name': '命名分组 (?<名称> 的写法不对',
  'Invalid escape': '反斜杠 \\ 后面的转义无效',
  '\\ at end of pattern': '表达式以单个反斜杠 \\ 结尾',
};

/** A pattern the RegExp constructor refuses: its English as it is, and what it means in Chinese. */
function badRegex(error: unknown): Said {
  const message = (error as Error).message;
  const reason = /: ([^:]+)$/.exec(message)?.[1] ?? message;
  return said(
    `正则表达式有误：${REGEX_REASONS[reason] ?? reason}（${message}）`,
    `bad regular expression: ${message}`,
  );
}

/** A name or alias must point to one node per level, or column values would be ambiguous. */
function checkNames(
  nodes: TaxonomyNode[],
  paths: Map<TaxonomyNode, string>,
  problem: ProblemSink,
): void {
  const seen = new Map<string, TaxonomyNode>();
  for (const node of nodes) {
    for (const label of [node.name, ...node.aliases]) {
      const key = `${node.level}:${nameKey(label)}`;
      const other = seen.get(key);
      if (other && other !== node) {
        problem(
          `${paths.get(node)}`,
          said(
            `'${label}' 也是 ${node.level} 级分类 ${other.code} ${other.name} 的名称或别名`,
            `'${label}' also names ${other.code} ${other.name} at level ${node.level}`,
          ),
        );
      } else seen.set(key, node);
    }
  }
}

/**
 * How class names are compared: NFKC, no spaces or brackets, and without the suffixes exports
 * add (停送电类投诉 = 停送电投诉 = 停送电).
 */
export function nameKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\s()（）【】\[\]]/g, '')
    .toLowerCase()
    .replace(/(类投诉|投诉|类|问题)$/u, '');
}

/** The groups of a text table: what kind of writing each entry standardises. */
export const TEXT_GROUPS = ['typos', 'dialect', 'colloquial'] as const;
const TEXT_TABLE = new URL('text/zh-power.json', DATA);

/**
 * Checks a text table (the shipped file, or a taxonomy's `text`): groups of source word →
 * standard word. A source word must be written as texts read after full-width and traditional
 * characters are converted (simplified, half-width), or it could never match.
 */
export function readTextGroups(
  raw: Json,
  path: string,
  problem: ProblemSink,
  standalone: boolean,
): Record<string, Record<string, string>> {
  const groups: Record<string, Record<string, string>> = {};
  if (raw === undefined) return groups;
  if (!isObject(raw)) {
    problem(
      path,
      said(
        `应为对象，含 ${TEXT_GROUPS.join('、')}：原词 → 标准词`,
        `expected an object with ${TEXT_GROUPS.join(', ')}: source word → standard word`,
      ),
    );
    return groups;
  }
  const seen = new Map<string, string>();
  for (const [group, table] of Object.entries(raw)) {
    const at = standalone ? `$.${group}` : `${path}.${group}`;
    if (standalone && group === 'description') continue;
    if (!(TEXT_GROUPS as readonly string[]).includes(group)) {
      problem(
        at,
        said(
          `不认识的键：应为 ${TEXT_GROUPS.join('、')}`,
          `unknown key: expected ${TEXT_GROUPS.join(', ')}`,
        ),
      );
      continue;
    }
    if (!isObject(table)) {
      problem(
        at,
        said('应为对象：原词 → 标准词', 'expected an object of source word → standard word'),
      );
      continue;
    }
    const entries: Record<string, string> = {};
    for (const [from, to] of Object.entries(table)) {
      const entry = `${at}[${JSON.stringify(from)}]`;
      const written = normalizeWord(from);
      if (typeof to !== 'string')
        problem(entry, said('应为字符串：标准词', 'expected a string: the standard word'));
      else if (from.trim() === '') problem(entry, said('原词是空的', 'empty source word'));
      else if (from === to) problem(entry, said('原词和标准词相同', 'maps a word to itself'));
      else if (written !== from)
        problem(
          entry,
          said(
            `文本在查表前已转换（繁体转简体、全角转半角），'${from}' 永远匹配不到：请写作 '${written}'`,
            `texts are converted before the table applies, so '${from}' never matches: write it '${written}'`,
          ),
        );
      else if (seen.has(from))
        problem(
          entry,
          said(`'${from}' 在 ${seen.get(from)} 已有`, `'${from}' is also at ${seen.get(from)}`),
        );
      else {
        entries[from] = to;
        seen.set(from, entry);
      }
    }
    groups[group] = entries;
  }
  return groups;
}

export function textEntries(groups: Record<string, Record<string, string>>): [string, string][] {
  return Object.values(groups).flatMap((g) => Object.entries(g));
}

/** Checks a text table document (the shipped one, or a user's, for taxonomy --validate). */
export function parseTextTable(text: string): {
  entries: [string, string][] | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  text = withoutBom(text);
  let doc: Json;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { entries: null, problems: [notJsonProblem(error, text)] };
  }
  const groups = readTextGroups(
    doc,
    '$',
    (path, message) => problems.push({ path, message: message.en, zh: message.zh }),
    true,
  );
  return { entries: problems.length ? null : textEntries(groups), problems };
}

let shippedText: [string, string][] | null = null;

/** The shipped text table's entries, read and checked once. */
export function shippedTextEntries(): [string, string][] {
  if (shippedText) return shippedText;
  const { entries, problems } = parseTextTable(readFileSync(TEXT_TABLE, 'utf8'));
  if (!entries) {
    const first = problems[0]!;
    throw new InputError(
      'BAD_OPTION',
      said(
        `text/zh-power.json：不是有效的文本表（${problemSaid(first).zh}）。`,
        `text/zh-power.json: not a valid text table (${first.path}: ${first.message}).`,
      ),
      said(
        '查看全部问题：complaints taxonomy --validate src/taxonomy/data/text/zh-power.json',
        'See them all: complaints taxonomy --validate src/taxonomy/data/text/zh-power.json',
      ),
    );
  }
  shippedText = entries;
  return entries;
}
