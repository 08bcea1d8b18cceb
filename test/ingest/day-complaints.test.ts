/**
 * The daily bulletin's line text: a phone or customer number in a complaint's text must not
 * reach the bulletin, however the agent typed it; amounts, dates and short numbers stay.
 */
import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/ingest/day-complaints.js';

describe('lineText masks phone and customer numbers', () => {
  it.each([
    ['联系电话13805512345，请回电', '联系电话***********，请回电'],
    ['户号0507684418欠费', '户号**********欠费'],
    ['联系电话１３８０５５１２３４５', '联系电话***********'],
    // A mobile typed in groups, as it is read out: 3-4-4 with spaces or hyphens.
    ['联系电话138 0551 2345，请回电', '联系电话*************，请回电'],
    ['电话：138-0551-2345。', '电话：*************。'],
    ['手机1380-551-2345', '手机*************'],
    ['电话 139－0559－2173', '电话 *************'],
    // A landline: the area code may stay, the subscriber's number is masked.
    ['座机0559-2512345', '座机0559-*******'],
  ])('%s', (text, expected) => {
    expect(lineText(text)).toBe(expected);
  });

  it.each([
    ['2016-06-30 10:22停电，多收390元', '2016-06-30 10:22停电，多收390元'],
    ['10 kV 线路 3 号杆，共 120 户', '10 kV 线路 3 号杆，共 120 户'],
    ['2016-06-30 12 时起停电', '2016-06-30 12 时起停电'],
  ])('keeps %s', (text, expected) => {
    expect(lineText(text)).toBe(expected);
  });

  // A full name where the text marks it as one: all but the surname masked.
  it.each([
    ['客户王建国来电反映家中停电', '客户王**来电反映家中停电'],
    ['业主刘芳投诉物业私接电线', '业主刘*投诉物业私接电线'],
    ['户名：张三，欠费停电', '户名：张*，欠费停电'],
    ['联系人: 陈晓明，请回电', '联系人: 陈**，请回电'],
    ['户主：欧阳明，电费异常', '户主：欧**，电费异常'],
    ['聯繫人：陳曉明，請回電', '聯繫人：陳**，請回電'],
  ])('masks the name in %s', (text, expected) => {
    expect(lineText(text)).toBe(expected);
  });

  // How agents already write a name anonymously, and words that only look like one.
  it.each([
    '客户王先生来电反映电压低',
    '来电人李女士表示不满',
    '客户张某反映抄表不准',
    '客户周末来电报修',
    '户主是早已调走的职工',
    '客户反映营业厅排队时间长',
  ])('keeps %s', (text) => {
    expect(lineText(text)).toBe(text);
  });
});
