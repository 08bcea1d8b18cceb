/**
 * Clauses as the hot words read them: the address out, cut at punctuation, digits as 0 — the
 * one-pass scanner (clausesOf) against the three regular expressions that define it, on texts
 * written by hand and on random texts made of the characters that matter.
 */
import { describe, expect, it } from 'vitest';
import { ClauseNumbers, clausesByExpressions, clausesOf } from '../../src/text/clauses.js';

describe('clausesOf', () => {
  it.each([
    [
      '张女士来电反映：其位于屯溪区昱中街道翡翠小区11栋1单元，近一个月内停电3次，要求处理。',
      ['张女士来电反映', '其', '近一个月内停电0次', '要求处理'],
    ],
    ['家住黄山路8号。电表坏了', ['电表坏了']],
    // The address ends at a space, a comma, a full stop, not at 、.
    ['客户住在 某村，地址：幸福路12号；电费0.5元', ['客户', '某村', '电费0', '0元']],
    ['住址:某处、电压低', []],
    ['１２３停电（２次）', ['0停电', '0次']],
    ['', []],
    ['，。！', []],
    ['停电12', ['停电0']],
    ['位', ['位']],
    ['位于', []],
    ['地址', []],
    ['电费“多收”【急】', ['电费', '多收', '急']],
    // A name after its label, to the next punctuation (the colon, then any space, belong to it).
    ['联系人：李春花，反映电费有误', ['反映电费有误']],
    ['户名: \u3000刘桂英 停电', ['停电']],
    ['客户名称：某某厂。用户名称：', []],
    ['联系人李四，户主：', ['联系人李四']],
    ['客户户名：张三；来电人：', ['客户']],
    // Traditional characters: the labels as written there.
    ['聯繫人：李春花，反映電費有誤', ['反映電費有誤']],
    ['戶名：張三；報修人： 楊建新，停電', ['停電']],
  ])('%s', (text, clauses) => {
    expect(clausesOf(text)).toEqual(clauses);
    expect(clausesByExpressions(text)).toEqual(clauses);
  });

  it('agrees with the expressions on random texts', () => {
    const alphabet = [
      ...'位于家住在址地户名主联系人客称报修来：电费停电表压，。,.；;！!？?：:、（）()“”"\'‘’【】[]《》<>…—- \t\n\u3000\u00a0',
      ...'戶聯繫稱報來',
      ...'0123456789０１２９ab',
    ];
    let seed = 17;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      const length = next() % 24;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      expect(clausesOf(text), JSON.stringify(text)).toEqual(clausesByExpressions(text));
    }
  });
});

describe('the characters clausesOf cuts at', () => {
  it('are those the expressions cut at, over every UTF-16 code', () => {
    for (let c = 0; c < 0x10000; c++) {
      const text = `电${String.fromCharCode(c)}费`;
      expect(clausesOf(text), c.toString(16)).toEqual(clausesByExpressions(text));
    }
  });

  it('are those ClauseNumbers cuts at, over every UTF-16 code (and after 住 and 地)', () => {
    const numbers = new ClauseNumbers();
    for (let c = 0; c < 0x10000; c++)
      for (const text of [`电${String.fromCharCode(c)}费`, `住${String.fromCharCode(c)}费`]) {
        const back: string[] = [];
        numbers.each(text, (id) => back.push(numbers.list[id]!));
        expect(back, c.toString(16)).toEqual(clausesOf(text));
      }
  });
});

describe('ClauseNumbers', () => {
  const numbered = (numbers: ClauseNumbers, text: string) => {
    const ids: number[] = [];
    numbers.each(text, (id) => ids.push(id));
    return ids;
  };

  it('numbers each distinct clause once, in order of first reading', () => {
    const numbers = new ClauseNumbers();
    expect(numbered(numbers, '停电3次，电费高。停电12次')).toEqual([0, 1, 0]);
    expect(numbered(numbers, '其位于某路5号，电费高；电费 高')).toEqual([2, 1, 3, 4]);
    expect(numbers.list).toEqual(['停电0次', '电费高', '其', '电费', '高']);
  });

  it('gives back every text’s clauses exactly, over many texts sharing clauses', () => {
    const numbers = new ClauseNumbers();
    const alphabet = [...'位于家住址地电费停表压高低电费停表压高低，。 、0123４5'];
    let seed = 5;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let t = 0; t < 30_000; t++) {
      let text = '';
      const length = next() % 20;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      const back = numbered(numbers, text).map((id) => numbers.list[id]);
      expect(back, JSON.stringify(text)).toEqual(clausesOf(text));
    }
    expect(new Set(numbers.list).size).toBe(numbers.list.length);
    expect(numbers.list.length).toBeGreaterThan(1000); // the table grew and was rehashed
  });
});
