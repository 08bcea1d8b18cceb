import { describe, expect, it } from 'vitest';
import {
  FOCUS_WEIGHT,
  PAST_WEIGHT,
  SIDE_WEIGHT,
  CONTEXT_WEIGHT,
  splitClauses,
} from '../../src/taxonomy/clauses.js';

/** Each span as `kind:text`. */
const spans = (text: string) =>
  splitClauses(text).spans.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);

describe('splitClauses', () => {
  it.each([
    ['停电三次了', ['plain:停电三次了']],
    // 不是X，是Y: X negated, the clause after it the focus
    [
      '客户表示不是抢修慢，是同一条线路一个月跳闸5次',
      ['plain:客户表示', 'negated:不是抢修慢', 'focus:是同一条线路一个月跳闸5次'],
    ],
    // settled up to its marker; the contrast after it counts more, to the end of the sentence
    [
      '电费单没算错，但电表读数一天跳了200多度，比平时多。要求校验',
      [
        'settled:电费单没算错',
        'focus:但电表读数一天跳了200多度',
        'focus:比平时多',
        'plain:要求校验',
      ],
    ],
    [
      '通知没问题，问题是说好5点来电到10点还没电',
      ['settled:通知没问题', 'focus:问题是说好5点来电到10点还没电'],
    ],
    ['电压倒是正常，就是灯闪', ['settled:电压倒是正常', 'focus:就是灯闪']],
    ['电压正常，灯闪', ['settled:电压正常', 'focus:灯闪']],
    ['电压不正常，灯闪', ['plain:电压不正常', 'plain:灯闪']],
    [
      '之前的跳闸已处理好。本次反映电表走快',
      ['settled:之前的跳闸已处理好', 'focus:本次反映电表走快'],
    ],
    // settled with an adverb (来得也挺快); staff's account after it (说是…) is not the point
    [
      '抢修人员来得也挺快，说是线路老化，但一直这样',
      ['settled:抢修人员来得也挺快', 'plain:说是线路老化', 'focus:但一直这样'],
    ],
    ['通知没问题，说好5点来电', ['settled:通知没问题', 'focus:说好5点来电']],
    // the customer names the grievance as such (最着急的是, 不满的是): from that clause on
    [
      '柜员说话很冲，最着急的是过户一拖再拖，还没办结。要求尽快',
      ['plain:柜员说话很冲', 'focus:最着急的是过户一拖再拖', 'focus:还没办结', 'plain:要求尽快'],
    ],
    [
      '电费金额没有异议，不满的是收费员嫌零钱多',
      ['settled:电费金额没有异议', 'focus:不满的是收费员嫌零钱多'],
    ],
    // not the thing itself (的是 after a word that names no grievance)
    ['客户说的是电表走快', ['plain:客户说的是电表走快']],
    ['之前反映过电压低，现在又低了', ['past:之前反映过电压低', 'plain:现在又低了']],
    // 除了…外 sets a matter aside when the rest (其余/其他/都) follows: the rest is the point
    [
      '今年停电十次，除了两次有通知的计划检修外，其余都是突然停的',
      ['plain:今年停电十次', 'settled:除了两次有通知的计划检修外', 'focus:其余都是突然停的'],
    ],
    ['除计划检修外都是突然停电', ['settled:除计划检修外', 'plain:都是突然停电']],
    // not when nothing is set aside against it (除了停电外，还…: both count), nor 清除/排除
    ['除了停电外，还电压低', ['plain:除了停电外', 'plain:还电压低']],
    ['清除树障外其余没做', ['plain:清除树障外其余没做']],
    // what the customer wrongly thought does not count, nor make the next clause the focus
    [
      '客户以为是欠费被停，经核实是线路故障',
      ['plain:客户', 'negated:以为是欠费被停', 'plain:经核实是线路故障'],
    ],
    ['本以为不会再停电，结果又停了', ['plain:本以为不会再停电', 'plain:结果又停了']],
    // what does not happen (没有经常…), what the customer has no quarrel with
    [
      '家里电压一直正常，也没有经常停电，就是报修后等了五个小时',
      [
        'settled:家里电压一直正常',
        'focus:也',
        'negated:没有经常停电',
        'focus:就是报修后等了五个小时',
      ],
    ],
    ['对修电的师傅没有意见，接线员不耐烦', ['settled:对修电的师傅没有意见', 'focus:接线员不耐烦']],
    [
      '单价没问题，阶梯也算得对，就是表走得快',
      ['settled:单价没问题', 'settled:阶梯也算得对', 'focus:就是表走得快'],
    ],
    [
      '抢修来得挺快，态度也好，可修好没几天又停',
      ['settled:抢修来得挺快', 'settled:态度也好', 'focus:可修好没几天又停'],
    ],
    ['不对，电费多了', ['plain:不对', 'plain:电费多了']],
    // not negations: a question, "not once", "not very"
    ['是不是电表坏了', ['plain:是不是电表坏了']],
    ['不是一次两次停电了', ['plain:不是一次两次停电了']],
    ['电压不是很稳', ['plain:电压不是很稳']],
    // a second topic, to the end of its sentence
    [
      '全村停电二十小时；另外电线杆有点歪，也要修',
      ['plain:全村停电二十小时', 'side:另外电线杆有点歪', 'side:也要修'],
    ],
    ['村民同时反映电压偏低', ['plain:村民', 'side:同时反映电压偏低']],
    // the errand the customer was on (去…问…, 办理…时) is context: what staff did then is the point
    [
      '客户在营业厅问电费怎么算，窗口人员说话很冲',
      ['plain:客户在营业厅', 'context:问电费怎么算', 'plain:窗口人员说话很冲'],
    ],
    [
      '三月份在营业厅办理峰谷电价时，营业员说随时可以取消',
      ['plain:三月份在营业厅', 'context:办理峰谷电价时', 'plain:营业员说随时可以取消'],
    ],
    // not a question with no errand, nor 问题, 过问, nor 时 in a word (临时用电)
    ['办理临时用电手续太慢', ['plain:办理临时用电手续太慢']],
    ['放在那里没人过问', ['plain:放在那里没人过问']],
    ['客户问电费怎么算', ['plain:客户问电费怎么算']],
    ['在用电上有问题', ['plain:在用电上有问题']],
    // the errand inside a settled clause stays settled
    [
      '去营业厅问过了，电费没算错，但表走得快',
      ['plain:去营业厅', 'context:问过了', 'settled:电费没算错', 'focus:但表走得快'],
    ],
    // 1,000 is a number, not two clauses; ASCII punctuation splits like Chinese
    ['电费1,000元,太多了', ['plain:电费1,000元', 'plain:太多了']],
  ])('%s', (text, want) => {
    expect(spans(text)).toEqual(want);
  });

  it('gives each kind its factor, and names the clause each span is in', () => {
    const { spans: s, clauses } = splitClauses('不是X，是Y；之前Z；另外W；去V问U');
    expect(s.map((x) => [x.kind, x.factor, x.clause])).toEqual([
      ['negated', 0, 0],
      ['focus', FOCUS_WEIGHT, 1],
      ['past', PAST_WEIGHT, 2],
      ['side', SIDE_WEIGHT, 3],
      ['plain', 1, 4],
      ['context', CONTEXT_WEIGHT, 4],
    ]);
    expect(clauses).toEqual([
      [0, 3],
      [4, 6],
      [7, 10],
      [11, 14],
      [15, 19],
    ]);
  });
});
