import { describe, expect, it } from 'vitest';
import { Classifier, type Classification } from '../../src/taxonomy/classify.js';
import { loadTaxonomy, parseTaxonomy, type Taxonomy } from '../../src/taxonomy/load.js';
import { NaiveBayes, features } from '../../src/taxonomy/model.js';

const sgcc = new Classifier(loadTaxonomy('sgcc-95598'));
const short = (c: Classification | null) =>
  c ? [c.level1?.name ?? null, c.level2?.name ?? null, c.level3?.name ?? null, c.method] : null;

describe('by columns: names, aliases, codes, suffixes and brackets', () => {
  it.each([
    [{ level1: '停送电类投诉' }, ['停送电投诉', null, null, 'columns']],
    [{ level1: '停送电类' }, ['停送电投诉', null, null, 'columns']],
    [{ level2: '电价电费' }, ['营业投诉', '电费电价', null, 'columns']],
    [
      { level1: '营业投诉', level2: '电费电价', level3: '阶梯电价' },
      ['营业投诉', '电费电价', '阶梯电价', 'columns'],
    ],
    [{ level2: '员工服务态度' }, ['服务投诉', '服务态度', null, 'columns']],
    [{ level2: '抢修超时限' }, ['停送电投诉', '抢修质量', '抢修超时限', 'columns']],
    [{ level2: 'TS03' }, ['停送电投诉', '抢修质量', null, 'columns']],
    [{ level2: ' 供电质量投诉（电压质量）' }, null],
    [
      { level1: '供电质量投诉', level2: ' 电压质量 ' },
      ['供电质量投诉', '电压质量', null, 'columns'],
    ],
    [{ level3: '频繁停电' }, ['供电质量投诉', '供电可靠性', '频繁停电', 'columns']],
    [{ level1: '其他' }, null],
  ])('%j → %j', (input, expected) => {
    expect(short(sgcc.byColumns(input))).toEqual(expected);
  });

  it('keeps the second level when the first disagrees, and says so', () => {
    const c = sgcc.byColumns({ level1: '服务投诉', level2: '抢修质量' })!;
    expect(short(c)).toEqual(['停送电投诉', '抢修质量', null, 'columns']);
    expect(c.evidence).toBe(
      '一级分类=服务投诉, 二级分类=抢修质量; 一级分类 服务投诉 disagrees, 二级分类 kept',
    );
  });
});

/** A small taxonomy whose rules these tests control. */
function tiny(): Taxonomy {
  const doc = {
    name: 'tiny',
    title: '测试',
    source: 'tests',
    nodes: [
      {
        code: 'S',
        name: '服务投诉',
        discipline: '营销',
        children: [
          { code: 'S1', name: '服务态度', rules: { keywords: { 态度: 3, 抢修: -3 } } },
          {
            code: 'S2',
            name: '服务渠道',
            rules: { keywords: { 热线: 3 }, patterns: { '打不通|占线': 2 } },
          },
        ],
      },
      {
        code: 'T',
        name: '停送电投诉',
        discipline: '运检',
        rules: { keywords: { 停电: 1 } },
        children: [
          {
            code: 'T1',
            name: '抢修质量',
            rules: { keywords: { 抢修: 3 } },
            children: [{ code: 'T11', name: '抢修超时限', rules: { keywords: { 小时: 1 } } }],
          },
          { code: 'T2', name: '停电计划执行', rules: { keywords: { 计划: 3 } } },
        ],
      },
    ],
  };
  const { taxonomy, problems } = parseTaxonomy(JSON.stringify(doc), 'tiny.json');
  expect(problems).toEqual([]);
  return taxonomy!;
}

describe('by rules', () => {
  const classifier = new Classifier(tiny());
  it.each([
    ['营业厅人员态度很差', ['服务投诉', '服务态度', null, 'rules'], '态度(+3)'],
    ['热线一直打不通', ['服务投诉', '服务渠道', null, 'rules'], '热线(+3) /打不通|占线/(+2)'],
    [
      '抢修人员态度差，停电五小时',
      ['停送电投诉', '抢修质量', '抢修超时限', 'rules'],
      '抢修(+3) 停电(+1.3) 小时(+1.3) ｜ 「抢修人员态度差」',
    ],
    ['计划停电', ['停送电投诉', '停电计划执行', null, 'rules'], '计划(+3) 停电(+1)'],
    // the clause after 但 counts twice; a negated clause not at all, and the evidence says so
    [
      '不是态度问题，但热线打不通',
      ['服务投诉', '服务渠道', null, 'rules'],
      '热线(+6) /打不通|占线/(+4) ｜ 「但热线打不通」 ｜ ✗「不是态度问题」',
    ],
    ['你好', [null, null, null, 'unclassified'], 'no rule matched'],
  ])('%s', (text, expected, evidence) => {
    const c = classifier.byText(text);
    expect(short(c)).toEqual(expected);
    expect(c.evidence).toBe(evidence);
  });

  it('leaves a tie at the first level, or unclassified, never guessed', () => {
    const c = classifier.byText('停电了，抢修和计划都有问题');
    expect(short(c)).toEqual(['停送电投诉', null, null, 'rules']);
    // Two service types tie: the category is still clear.
    expect(short(classifier.byText('态度和热线'))).toEqual(['服务投诉', null, null, 'rules']);
    // A service type against an outage type with nothing else: no side is ahead.
    expect(short(classifier.byText('态度，计划'))).toEqual([null, null, null, 'unclassified']);
  });

  it('gives a clear first level its fallback type when none of its types is ahead, and says so', () => {
    const taxonomy = tiny();
    taxonomy.nodes.find((n) => n.code === 'S2')!.fallback = true;
    const withFallback = new Classifier(taxonomy);
    const c = withFallback.byText('态度和热线');
    expect(short(c)).toEqual(['服务投诉', '服务渠道', null, 'rules']);
    expect(c.evidence).toBe('态度(+3) 热线(+3) ｜ 二级默认');
    // 停送电投诉 has no fallback: its tie stays at the first level.
    expect(short(withFallback.byText('停电了，抢修和计划都有问题'))).toEqual([
      '停送电投诉',
      null,
      null,
      'rules',
    ]);
  });

  it('counts a type surer when its words are in more than one clause', () => {
    // 抢修质量 4 (停电 1, 抢修 3) in one clause; 服务渠道 5 (热线 3, 占线 2) in one, then in two.
    const together = classifier.byText('停电抢修，热线一直占线');
    const apart = classifier.byText('停电抢修，热线没人管，一直占线');
    expect(short(together)).toEqual(['服务投诉', '服务渠道', null, 'rules']);
    expect(short(apart)).toEqual(['服务投诉', '服务渠道', null, 'rules']);
    // 1 - 4/5, then 1 - 4/(3 + 2 × 1.3): the words outside the strongest clause count 1.3 times.
    expect(together.confidence).toBe(0.2);
    expect(apart.confidence).toBe(0.29);
    // The evidence shows the points as counted, 占线's 2 as 2.6: they add up to the score, 5.6.
    expect(apart.evidence).toBe('热线(+3) /打不通|占线/(+2.6) ｜ 「热线没人管」');
  });

  it('counts a keyword once however often it repeats', () => {
    expect(classifier.byText('态度态度态度').confidence).toBe(1);
    // repeated, 热线 still scores 3 like 态度: the types tie, the category is clear
    expect(short(classifier.byText('热线热线热线态度'))).toEqual(['服务投诉', null, null, 'rules']);
  });

  it('classify() prefers the columns, and lets the text complete a first-level-only record', () => {
    expect(short(classifier.classify({ level2: '服务渠道', content: '态度' }))).toEqual([
      '服务投诉',
      '服务渠道',
      null,
      'columns',
    ]);
    const c = classifier.classify({ level1: '停送电投诉', content: '计划检修' });
    expect(short(c)).toEqual(['停送电投诉', '停电计划执行', null, 'rules']);
    expect(c.evidence).toBe('一级分类=停送电投诉; 计划(+3)');
    expect(short(classifier.classify({ level1: '服务投诉', content: '计划检修' }))).toEqual([
      '服务投诉',
      null,
      null,
      'columns',
    ]);
  });
});

describe('by model', () => {
  const samples = [
    { text: '营业厅工作人员态度恶劣', label: 'S1' },
    { text: '窗口人员说话难听态度差', label: 'S1' },
    { text: '热线电话一直占线', label: 'S2' },
    { text: '客服电话打了十次都没人接', label: 'S2' },
    { text: '抢修人员很晚才到', label: 'T1' },
    { text: '报修后维修工迟迟不来', label: 'T1' },
    { text: '检修停电超过了通知时间', label: 'T2' },
  ];

  it('trains deterministically and survives a JSON round trip', () => {
    const model = NaiveBayes.train(samples, 'tiny');
    const again = NaiveBayes.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again).toBeInstanceOf(NaiveBayes);
    const text = '客服电话没人接';
    expect((again as NaiveBayes).rank(text, ['S1', 'S2', 'T1', 'T2'])).toEqual(
      model.rank(text, ['S1', 'S2', 'T1', 'T2']),
    );
    expect(model.rank(text, ['S1', 'S2', 'T1', 'T2'])[0]!.label).toBe('S2');
    expect(JSON.stringify(NaiveBayes.train(samples, 'tiny').toJSON())).toBe(
      JSON.stringify(model.toJSON()),
    );
    expect(NaiveBayes.fromJSON({ format: 'other' })).toMatch(/not a complaints-text-model/);
  });

  it('decides where the rules are unsure', () => {
    const classifier = new Classifier(tiny(), NaiveBayes.train(samples, 'tiny'));
    const c = classifier.byText('维修工很晚才到');
    expect(short(c)).toEqual(['停送电投诉', '抢修质量', null, 'model']);
    expect(c.evidence).toMatch(/^模型 [01]\.\d\d$/);
    // Where the rules are sure, they decide.
    expect(classifier.byText('热线占线').method).toBe('rules');
  });

  it('reads characters and pairs of characters, without punctuation or digits', () => {
    expect(features('停电3次，抢修')).toEqual(['停', '停电', '电', '次', '抢', '抢修', '修']);
  });
});

describe('negation, settled clauses and contrast (sgcc-95598)', () => {
  it.each([
    // the three examples
    ['客户表示不是抢修慢，是同一条线路一个月跳闸5次', '供电可靠性'],
    ['电费单没算错，但电表读数一天跳了200多度', '电能计量'],
    ['停电通知提前一周就看到了，通知没问题，问题是说好5点来电到10点还没电', '停电计划执行'],
    // settled: 没有异议, 倒是正常, 已解决, 态度很好
    ['客户称电费本身没有异议，但营业厅工作人员态度恶劣，要求道歉', '服务态度'],
    ['之前的电压低问题已解决。本次反映抄表员估抄，电量比实际多', '抄表催费'],
    ['电压倒是正常，问题是营业厅工作人员态度很差，爱理不理', '服务态度'],
    // settled: 没有抄错 (what was not misread does not count for 抄表催费)
    ['抄表员没有抄错，可这个月电表走得特别快，怀疑表不准', '电能计量'],
    // a second topic counts less
    [
      '客户反映全村停电超过二十小时，至今没有来电，要求尽快恢复；另外村里的电线杆有点歪',
      '供电可靠性',
    ],
    // traditional, dialect and typos reach the same rules
    ['客戶反映電錶走得快，這個月電費比上月多了一倍，要求校驗電錶', '电能计量'],
    ['俺家电闸跳了好几回，一个月停了五六次电，咋回事', '供电可靠性'],
    ['客户说电牙太低，晚上灯都是暗的，空调开不起来', '电压质量'],
  ])('%s → %s', (text, level2) => {
    expect(sgcc.byText(text).level2?.name).toBe(level2);
  });

  it.each([
    // a repeated outage counted in dialect (十来回) or with 趟/道
    ['客户说：“俺村一个月停了十来回电，这咋弄”', '供电质量投诉', '供电可靠性', /停\|断\|跳/],
    // a lamp that dims is a voltage complaint, whatever words come between
    ['客户反映一到晚上家里的灯就暗得看不清字', '供电质量投诉', '电压质量', /灯/],
    // staff quoted at the customer: the quote is the grievance, the business words its context
    ['客户问电费怎么算，对方说“你自己看，别烦我”', '服务投诉', '服务态度', /说“/],
    ['客户咨询过户要带什么，工作人员说“不知道，自己查”', '服务投诉', '服务态度', /说“/],
    // rough words do not say whose manner it was: without a construction crew named they are
    // the staff's (服务态度), with one the crew's (施工人员服务规范)
    ['客户说供电所收费的大姐骂她不识字，当着人让她难堪，要求道歉。', '服务投诉', '服务态度', /骂/],
    ['施工队的人态度恶劣，对客户骂骂咧咧，要求道歉。', '电网建设投诉', '施工人员服务规范', /施工/],
    // a meter that smokes, burns or hums is a meter fault (电能计量), not a facility's hazard
    ['客户反映自家的电表冒烟发黑，有焦糊味，担心起火。', '营业投诉', '电能计量', /冒烟/],
    // 没什么问题 and 都挺客气 settle their clause: what they are said of does not count
    [
      '客户说坐席没什么问题，就是想知道计划停电为什么超时了三个小时。',
      '停送电投诉',
      '停电计划执行',
      /✗「客户说坐席没什么问题」/,
    ],
    [
      '客户说施工的人都挺客气，就是吊车把他家的院墙撞倒了一截，至今没人来修。',
      '电网建设投诉',
      '施工行为',
      /✗「客户说施工的人都挺客气」/,
    ],
  ])('%s → %s %s', (text, level1, level2, evidence) => {
    const c = sgcc.byText(text);
    expect([c.level1?.name, c.level2?.name]).toEqual([level1, level2]);
    expect(c.evidence).toMatch(evidence);
  });

  it('quotes the deciding clause in the words the customer wrote', () => {
    const c = sgcc.byText('客户表示不是抢修慢，是同一条线路一个月跳闸5次');
    expect(c.evidence).toMatch(/｜ 「是同一条线路一个月跳闸5次」 ｜ ✗「客户表示不是抢修慢」$/);
    const typo = sgcc.byText('客户说电牙太低，晚上灯都是暗的，空调开不起来');
    expect(typo.evidence).toMatch(/^电压\[电牙\]\(\+\d+\)/);
  });
});
