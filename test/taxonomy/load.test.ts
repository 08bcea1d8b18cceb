import { describe, expect, it } from 'vitest';
import {
  loadTaxonomy,
  nameKey,
  parseTaxonomy,
  problemSaid,
  shippedTaxonomies,
} from '../../src/taxonomy/load.js';

const count = (name: string, level: number) =>
  loadTaxonomy(name).nodes.filter((n) => n.level === level).length;

describe('shipped taxonomies', () => {
  it('ship sgcc-95598 (5 categories, 17 types) and county-4x17 (4 classes, 17 items)', () => {
    expect(shippedTaxonomies()).toEqual(['county-4x17', 'sgcc-95598']);
    expect([count('sgcc-95598', 1), count('sgcc-95598', 2)]).toEqual([5, 17]);
    expect([count('county-4x17', 1), count('county-4x17', 2)]).toEqual([4, 17]);
  });

  it('give every node a discipline, inherited from its category', () => {
    const t = loadTaxonomy('sgcc-95598');
    expect(Object.fromEntries(t.roots.map((r) => [r.name, r.discipline]))).toEqual({
      服务投诉: '营销',
      营业投诉: '营销',
      停送电投诉: '运检',
      供电质量投诉: '运检',
      电网建设投诉: '运检',
    });
    expect(t.nodes.every((n) => n.discipline === n.parent?.discipline || n.level === 1)).toBe(true);
    const county = loadTaxonomy('county-4x17');
    expect(county.roots.map((r) => [r.name, r.children.length, r.discipline])).toEqual([
      ['服务规范类', 2, '营销'],
      ['营销管理类', 6, '营销'],
      ['运行维护类', 8, '运检'],
      ['供电方宣传责任类', 1, '营销'],
    ]);
  });
});

describe('nameKey', () => {
  it.each([
    ['停送电类投诉', '停送电'],
    ['停送电投诉', '停送电'],
    ['停送电类', '停送电'],
    [' 服务态度 ', '服务态度'],
    ['网上国网（掌上电力）', '网上国网掌上电力'],
  ])('%j → %j', (label, key) => {
    expect(nameKey(label)).toBe(key);
  });
});

describe('validation names every problem with its JSON path', () => {
  /** The problems in English (`message`); their Chinese is checked on its own below. */
  const problems = (doc: unknown) =>
    parseTaxonomy(JSON.stringify(doc), 'x.json').problems.map(({ path, message }) => ({
      path,
      message,
    }));
  const zh = (doc: unknown) =>
    parseTaxonomy(JSON.stringify(doc), 'x.json').problems.map((p) => problemSaid(p).zh);
  const base = { name: 'mine', title: '我的分类', source: 'ours' };

  it('accepts a minimal file, nested or flat', () => {
    const nested = {
      ...base,
      nodes: [
        { code: 'A', name: '甲', discipline: '营销', children: [{ code: 'A1', name: '甲一' }] },
      ],
    };
    expect(problems(nested)).toEqual([]);
    const flat = {
      ...base,
      nodes: [
        { code: 'A', name: '甲', discipline: '运检' },
        { code: 'A1', name: '甲一', parent: 'A' },
      ],
    };
    const { taxonomy } = parseTaxonomy(JSON.stringify(flat), 'flat.json');
    expect(taxonomy?.roots[0]?.children.map((c) => [c.code, c.level, c.discipline])).toEqual([
      ['A1', 2, '运检'],
    ]);
  });

  it('finds duplicate codes, orphans, unknown disciplines, bad regexes, bad weights', () => {
    const doc = {
      ...base,
      nodes: [
        {
          code: 'A',
          name: '甲',
          discipline: '营销',
          children: [
            {
              code: 'A',
              name: '甲一',
              rules: { keywords: { 态度: 'high' }, patterns: { '(未闭合': 2 } },
            },
          ],
        },
        { code: 'B', name: '乙', discipline: '后勤' },
        { code: 'C1', name: '丙一', level: 2 },
        { code: 'D1', name: '丁一', parent: 'Z' },
      ],
    };
    expect(problems(doc)).toEqual([
      {
        path: '$.nodes[0].children[0].code',
        message: "duplicate code 'A' (also at $.nodes[0].code)",
      },
      {
        path: '$.nodes[0].children[0].rules.keywords["态度"]',
        message: 'expected a number (the weight; negative points away)',
      },
      {
        path: '$.nodes[0].children[0].rules.patterns["(未闭合"]',
        message: expect.stringMatching(/^bad regular expression/),
      },
      {
        path: '$.nodes[1].discipline',
        message: "unknown discipline '后勤': expected 运检 or 营销",
      },
      {
        path: '$.nodes[2]',
        message: 'a level-2 node without a parent (give "parent": CODE or nest it in "children")',
      },
      { path: '$.nodes[3].parent', message: "no node with code 'Z'" },
      {
        path: '$.nodes[2].discipline',
        message: 'no discipline (运检 or 营销) on the node or any parent',
      },
    ]);
  });

  it('says every problem in Chinese too, with the same JSON path', () => {
    const doc = {
      ...base,
      nodes: [
        {
          code: 'A',
          name: '甲',
          discipline: '营销',
          aliases: [''],
          children: [
            {
              code: 'A',
              name: '甲一',
              rules: { keywords: { 态度: 'high', '': 1 }, patterns: { '(未闭合': 2 }, words: {} },
            },
          ],
        },
        { code: 'B', name: '乙', discipline: '后勤' },
        { code: 'C1', name: '丙一', level: 2 },
        { code: 'D1', name: '丁一', parent: 'Z' },
        { code: 'E', name: '甲', discipline: '运检' },
      ],
    };
    expect(zh(doc)).toEqual([
      '$.nodes[0].aliases[0]：应为非空的字符串',
      "$.nodes[0].children[0].code：编码 'A' 重复（$.nodes[0].code 也用了它）",
      '$.nodes[0].children[0].rules.keywords["态度"]：应为数字（权重；负数表示排除）',
      '$.nodes[0].children[0].rules.keywords[""]：关键词是空的',
      '$.nodes[0].children[0].rules.patterns["(未闭合"]：正则表达式有误：左括号 ( 没有配对的 )（Invalid regular expression: /(未闭合/u: Unterminated group）',
      '$.nodes[0].children[0].rules.words：不认识的键：应为 keywords 或 patterns',
      "$.nodes[1].discipline：专业 '后勤' 不认识：应为 运检 或 营销",
      '$.nodes[2]：2 级分类没有上级（请写 "parent": 上级编码，或把它放进上级的 "children"）',
      "$.nodes[3].parent：没有编码为 'Z' 的分类",
      '$.nodes[2].discipline：这个分类和它的上级都没有写专业（运检 或 营销）',
      "$.nodes[4]：'甲' 也是 1 级分类 A 甲 的名称或别名",
    ]);
    // The English side of the same problems, as --lang en and the tests above read them.
    expect(problems(doc).map((p) => p.message)).toContain("'甲' also names A 甲 at level 1");
    expect(problemSaid(parseTaxonomy('{', 'x').problems[0]!)).toEqual({
      zh: '$：第 1 行第 2 列不是有效的 JSON：这里应是用英文双引号括起的键名，或 }',
      en: `$: not JSON: Expected property name or '}' in JSON at position 1`,
    });
  });

  it('takes at most one fallback type per first level, and only at the second level', () => {
    const doc = {
      ...base,
      nodes: [
        {
          code: 'A',
          name: '甲类',
          discipline: '营销',
          fallback: true,
          children: [
            { code: 'A1', name: '甲一', fallback: true },
            { code: 'A2', name: '甲二', fallback: 'yes' },
            { code: 'A3', name: '甲三', fallback: true },
          ],
        },
      ],
    };
    expect(problems(doc)).toEqual([
      {
        path: '$.nodes[0].fallback',
        message: "only a second-level node can be its category's fallback",
      },
      { path: '$.nodes[0].children[1].fallback', message: 'expected true or false' },
      {
        path: '$.nodes[0].children[2].fallback',
        message: 'a category has at most one fallback type',
      },
    ]);
  });

  it('says when the file is not JSON or misses its header', () => {
    expect(parseTaxonomy('{', 'x').problems[0]!.message).toMatch(/^not JSON/);
    expect(problems({ nodes: [] }).map((p) => p.path)).toEqual([
      '$.name',
      '$.title',
      '$.source',
      '$.nodes',
    ]);
  });

  it('refuses a name that points to two nodes of one level', () => {
    const doc = {
      ...base,
      nodes: [
        { code: 'A', name: '甲类', discipline: '营销' },
        { code: 'B', name: '乙', aliases: ['甲'], discipline: '营销' },
      ],
    };
    expect(problems(doc)).toEqual([
      { path: '$.nodes[1]', message: "'甲' also names A 甲类 at level 1" },
    ]);
  });
});
