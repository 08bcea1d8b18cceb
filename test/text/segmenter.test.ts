/**
 * The segmenter as the hot words use it: our power-supply words kept whole, the agents' set
 * phrases, addresses, places, names, numbers and single characters left out, runs broken where
 * a word was left out, the same words on every run.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../src/text/clauses.js';
import { loadSegmenter, segmenterFor, withoutWords, wordList } from '../../src/text/segmenter.js';

describe('Segmenter', () => {
  it.each([
    [
      '台区重过载导致低电压，阶梯电价和峰谷电价',
      ['台区', '重过载', '低电压', '阶梯电价', '峰谷电价'],
    ],
    [
      '智能电表黑屏，一户一表改造后光伏并网，充电桩报装',
      ['智能电表', '黑屏', '一户一表', '光伏并网', '充电桩'],
    ],
    ['欠费停电后缴费，复电很慢', ['欠费停电', '缴费', '复电']],
  ])('keeps our words whole: %s', async (text, words) => {
    const s = await loadSegmenter();
    const got = s.runs(text).flat();
    for (const w of words) expect(got).toContain(w);
  });

  it('leaves out set phrases, the address, names, numbers and single characters', async () => {
    const s = await loadSegmenter();
    const text =
      '张女士来电反映：其位于屯溪区昱中街道翡翠小区11栋1单元，近一个月内停电3次，客户要求尽快处理并给予答复。';
    expect(s.runs(text)).toEqual([['停电']]);
  });

  // Session 21: a customer who complained in 30 work orders of a month, named in each, made the
  // given name a hot word of the bulletin (春花 30, 建新 30): jieba took it for a word.
  it("leaves out a customer's name, labelled or between 客户 and what the customer did", async () => {
    const s = await loadSegmenter();
    expect(s.runs('联系人：李春花，反映电费有误').flat()).toEqual(['电费', '有误']);
    expect(s.runs('报修人： 杨建新，反映低电压').flat()).toEqual(['低电压']);
    expect(s.runs('客户李春花反映电费有误').flat()).toEqual(['电费', '有误']);
  });

  it('breaks runs where a word was left out, so phrases are neighbours', async () => {
    const s = await loadSegmenter();
    expect(s.runs('营业厅服务态度差，电费账单有误')).toEqual([
      ['营业厅', '服务态度'],
      ['电费', '账单', '有误'],
    ]);
  });

  it('leaves out the words of the data’s unit names once told them', async () => {
    const s = await loadSegmenter();
    expect(s.runs('城东供电服务中心停电').flat()).toEqual(['服务中心', '停电']);
    const named = s.withNamesStopped(['城东供电服务中心']);
    expect(named.runs('城东供电服务中心停电').flat()).toEqual(['停电']);
    // The loaded segmenter is unchanged.
    expect(s.runs('城东供电服务中心停电').flat()).toEqual(['服务中心', '停电']);
  });

  it('is the same on every run, and loaded once', async () => {
    const a = await loadSegmenter();
    const b = await loadSegmenter();
    expect(a).toBe(b);
    const text = '抄表员估抄导致电费突然增加，怀疑电能表计量不准，要求校验电表并退还多收电费';
    expect(a.runs(text)).toEqual(b.runs(text));
    expect(a.runs(text)).toEqual([
      ['抄表'],
      ['估抄'],
      ['电费'],
      ['增加'],
      ['电能表', '计量', '不准'],
      ['校验', '电表'],
      ['退还'],
      ['电费'],
    ]);
  });
});

describe('wordList', () => {
  it('a word a line, comments and blanks left out', () => {
    expect(wordList('# note\n台区\r\n\n  低电压 \n#x')).toEqual(['台区', '低电压']);
  });
});

/**
 * The hot words segment a run's clauses once reading ends, with the dictionary cut to them and
 * every unit of the data, and stop the period's unit names afterwards (withoutWords): the same
 * words and runs as cutting the dictionary to the period's units and segmenting with their names
 * stopped, as before — on every clause of the evaluation set's texts, for a part of its units.
 */
describe('withoutWords', () => {
  const rows = (file: string) =>
    parse(readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
  const evalRows = [...rows('fixtures/eval/test.csv'), ...rows('fixtures/eval/tune.csv')];
  const units = [...new Set(evalRows.map((r) => r['供电单位']!)), '城东供电服务中心', '市直'];
  const clauses = [
    ...new Set([
      ...evalRows.flatMap((r) => clausesOf(r['受理内容']!)),
      // A unit named inside a clause, between words kept.
      ...units.flatMap((u) => clausesOf(`营业厅${u}服务态度差`)),
    ]),
  ];

  it('segments as the names stopped from the start', () => {
    const inPeriod = [...units.filter((_, i) => i % 2 === 0), '城东供电服务中心'];
    const before = segmenterFor([...clauses, ...inPeriod]).withNamesStopped(inPeriod);
    const all = segmenterFor([...clauses, ...units]);
    const named = all.namedWords(inPeriod);
    expect(named.size).toBeGreaterThan(3);
    let changed = 0;
    for (const c of clauses) {
      const now = withoutWords(all.clause(c), named);
      if (now !== all.clause(c)) changed++;
      expect(now, c).toEqual(before.clause(c));
    }
    expect(clauses.length).toBeGreaterThan(3000);
    // Clauses that name a unit are cut apart where its words stood.
    expect(changed).toBeGreaterThanOrEqual(5);
  });
});
