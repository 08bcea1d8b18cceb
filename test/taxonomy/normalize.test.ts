import { describe, expect, it } from 'vitest';
import {
  loadTaxonomy,
  parseTaxonomy,
  parseTextTable,
  problemSaid,
} from '../../src/taxonomy/load.js';
import {
  compileTextTable,
  normalizeMapped,
  normalizeText,
  originalSlice,
} from '../../src/taxonomy/normalize.js';

const table = loadTaxonomy('sgcc-95598').text;

describe('normalizeText', () => {
  it.each([
    // traditional → simplified
    ['電錶走得快', '电表走快'],
    ['搶修人員兩個小時才到', '抢修人员两个小时才到'],
    ['停電通知沒有貼出來', '停电通知没有贴出来'],
    ['戶名寫錯了', '户名写错了'],
    ['臺區變壓器總是過載', '台区变压器总是过载'],
    // simplified texts stay as they are, 著 and 显著 too (no Taiwan variants)
    ['小区显著位置贴了停电通知', '小区显著位置贴了停电通知'],
    ['怎么还没来电', '怎么还没来电'],
    // full-width letters and digits → half-width; Chinese punctuation kept
    ['ＡＢＣ１２３号，电费１５０元！', 'ABC123号，电费150元！'],
    ['电压只有１８０Ｖ；', '电压只有180V；'],
    ['①号台区　５０㎾', '1号台区 50kW'],
    // homophone typos
    ['电牙太低', '电压太低'],
    ['超表员估抄', '抄表员估抄'],
    ['营业听的人不理人', '营业厅的人不理人'],
    // dialect and colloquial words
    ['俺家冇电三天了', '我家没电三天了'],
    ['村里没得电', '村里没电'],
    ['莫得电咋整', '没电怎么整'],
    ['电闸跳了好几回', '跳闸好几回'],
    ['不晓得啥时候来电', '不知道什么时候来电'],
    // traditional and a typo in one text: conversion first, then the table
    ['電牙太低', '电压太低'],
  ])('%s → %s', (text, want) => {
    expect(normalizeText(text, table)).toBe(want);
  });

  it('returns a text that needs nothing as it is, with no map', () => {
    const text = '客户反映家中频繁停电，要求尽快处理。';
    const normal = normalizeMapped(text, table);
    expect(normal.text).toBe(text);
    expect(normal.origin).toBeNull();
  });

  it('without a table converts characters only', () => {
    expect(normalizeText('電牙太低', null)).toBe('电牙太低');
  });

  it('replaces the longest source word, once (a replacement is not read again)', () => {
    const t = compileTextTable([
      ['跳了', '甲'],
      ['电闸跳了', '跳闸'],
      ['跳闸', '乙'],
    ]);
    expect(normalizeText('电闸跳了', t)).toBe('跳闸');
    expect(normalizeText('又跳了', t)).toBe('又甲');
  });

  it('maps normalised positions back to the words the customer wrote', () => {
    const text = '俺家電牙低，电闸跳了';
    const normal = normalizeMapped(text, table);
    expect(normal.text).toBe('我家电压低，跳闸');
    const at = (word: string) => {
      const i = normal.text.indexOf(word);
      return originalSlice(text, normal, i, i + word.length);
    };
    expect(at('电压')).toBe('電牙');
    expect(at('跳闸')).toBe('电闸跳了');
    expect(at('我家')).toBe('俺家');
    expect(at('低，')).toBe('低，');
    // a word inside a replaced phrase quotes the whole phrase
    const walked = normalizeMapped('電錶走得快', table);
    expect(walked.text).toBe('电表走快');
    expect(originalSlice('電錶走得快', walked, 0, 2)).toBe('電錶走得快');
  });
});

describe('the text table is validated with JSON paths', () => {
  it('the shipped table is valid', () => {
    const { entries, problems } = parseTextTable(
      JSON.stringify({ typos: { 电牙: '电压' }, dialect: { 冇电: '没电' } }),
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      ['电牙', '电压'],
      ['冇电', '没电'],
    ]);
    expect(table.entries.get('电牙')).toBe('电压');
  });

  it('names each bad entry', () => {
    const { entries, problems } = parseTextTable(
      JSON.stringify({
        typos: { 电牙: 3, '': '电压', 超表: '超表', 電牙: '电压' },
        dialect: { 冇电: '没电' },
        colloquial: { 冇电: '停电' },
        slang: {},
      }),
    );
    expect(entries).toBeNull();
    expect(problems.map((p) => problemSaid(p).zh)).toEqual([
      '$.typos["电牙"]：应为字符串：标准词',
      '$.typos[""]：原词是空的',
      '$.typos["超表"]：原词和标准词相同',
      `$.typos["電牙"]：文本在查表前已转换（繁体转简体、全角转半角），'電牙' 永远匹配不到：请写作 '电牙'`,
      `$.colloquial["冇电"]：'冇电' 在 $.dialect["冇电"] 已有`,
      '$.slang：不认识的键：应为 typos、dialect、colloquial',
    ]);
    expect(problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '$.typos["电牙"]', message: 'expected a string: the standard word' },
      { path: '$.typos[""]', message: 'empty source word' },
      { path: '$.typos["超表"]', message: 'maps a word to itself' },
      {
        path: '$.typos["電牙"]',
        message:
          "texts are converted before the table applies, so '電牙' never matches: write it '电牙'",
      },
      { path: '$.colloquial["冇电"]', message: `'冇电' is also at $.dialect["冇电"]` },
      { path: '$.slang', message: 'unknown key: expected typos, dialect, colloquial' },
    ]);
  });

  it("a taxonomy file's own entries join the shipped table; bad ones are named in $.text", () => {
    const doc = {
      name: 'mine',
      title: '我的分类',
      source: 'ours',
      nodes: [{ code: 'A', name: '甲', discipline: '营销' }],
      text: { typos: { 电标: '电表' } },
    };
    const { taxonomy } = parseTaxonomy(JSON.stringify(doc), 'x.json');
    expect(normalizeText('电标冇电', taxonomy!.text)).toBe('电表没电');
    const bad = parseTaxonomy(JSON.stringify({ ...doc, text: { typos: { 电标: 1 } } }), 'x.json');
    expect(bad.problems).toEqual([
      {
        path: '$.text.typos["电标"]',
        message: 'expected a string: the standard word',
        zh: '应为字符串：标准词',
      },
    ]);
  });
});
