// Units and short texts for the metrics fixtures (scripts/make-metrics-fixtures.js), written
// for this project. The annual scenario reuses the Huangshan units of texts.js and adds the
// two urban districts, so the city company has eight county/district units.

import { UNITS } from './texts.js';

const base = Object.fromEntries(UNITS.map((u) => [u.key, u]));

/**
 * The eight units of the annual scenario. `name` is the unit as the tool reports it (trimmed,
 * NFKC: half-width brackets); `fullName` is the spelling with full-width brackets that the
 * 2015 export and the targets use.
 */
export const ANNUAL_UNITS = [
  {
    ...base.shizhi,
    name: '国网黄山供电公司(市直)',
    fullName: '国网黄山供电公司（市直）',
    hall: ['屯溪老街营业厅', '昱中营业厅', '市供电营业厅'],
    towns: ['屯溪区昱中街道', '屯溪区老街街道', '屯溪区新安街道', '黄山经济开发区'],
  },
  { ...base.shexian, fullName: base.shexian.name },
  { ...base.huangshanqu, fullName: base.huangshanqu.name },
  { ...base.xiuning, fullName: base.xiuning.name },
  {
    key: 'huizhou',
    name: '国网黄山市徽州区供电公司',
    fullName: '国网黄山市徽州区供电公司',
    short: '徽州区',
    hall: ['岩寺营业厅', '潜口供电所营业厅'],
    towns: ['徽州区岩寺镇', '徽州区潜口镇', '徽州区呈坎镇', '徽州区西溪南镇'],
    streets: ['文峰西路', '佩琅路', '永佳大道'],
    weight: 7,
  },
  { ...base.qimen, fullName: base.qimen.name },
  {
    key: 'tunxi',
    name: '国网黄山市屯溪区供电公司',
    fullName: '国网黄山市屯溪区供电公司',
    short: '屯溪区',
    hall: ['黎阳营业厅', '阳湖营业厅'],
    towns: ['屯溪区黎阳镇', '屯溪区奕棋镇', '屯溪区阳湖镇', '屯溪区屯光镇', '屯溪区新潭镇'],
    streets: ['黎阳路', '戴震路', '华山路', '齐云大道'],
    weight: 8,
  },
  { ...base.yixian, fullName: base.yixian.name },
];

/** The company of the monthly series, with the weight of each unit in its complaints. */
export const SERIES_COMPANY = '国网宣城供电公司';
export const SERIES_UNITS = [
  ['国网宣城市宣州区供电公司', 30],
  ['国网宁国市供电公司', 18],
  ['国网广德县供电公司', 17],
  ['国网郎溪县供电公司', 11],
  ['国网泾县供电公司', 10],
  ['国网绩溪县供电公司', 8],
  ['国网旌德县供电公司', 6],
];

/** One-line complaint texts for the series file, by second-level type (kept short on purpose). */
export const SERIES_TEXTS = {
  服务态度: ['客户反映营业厅人员答复问题不耐烦。', '客户称供电所接电话的人员语气生硬。'],
  服务行为规范: ['客户反映上门人员未出示工作证件。', '客户称办理业务时被几个窗口相互推诿。'],
  服务渠道: ['客户反映掌上电力缴费后长时间未到账。', '客户称营业厅自助缴费机坏了无人处理。'],
  业扩报装: ['客户反映新装申请超过时限仍未接电。', '客户称增容申请提交后迟迟无人联系。'],
  用电变更: ['客户反映过户手续拖了很久没办好。', '客户称申请暂停后仍按原容量收费。'],
  抄表催费: ['客户怀疑本月电量是估抄的，要求核对。', '客户反映没收到催费通知就被停电。'],
  电费电价: ['客户对阶梯电价的计算结果有异议。', '客户反映电费明细与实际用电不符。'],
  电能计量: ['客户怀疑电表走字偏快，要求校验。', '客户反映换表后电量明显增加。'],
  业务收费: ['客户反映移表时被收取不明费用。', '客户称接电时被要求另交材料费。'],
  停送电信息公告: ['客户反映停电前没有看到任何公告。', '客户称实际停电时间与公告不一致。'],
  停电计划执行: ['客户反映计划停电超时仍未送电。', '客户称检修停电比公告时间提前。'],
  抢修质量: ['客户反映报修后抢修人员迟迟未到。', '客户称故障修好后不久又停电了。'],
  电压质量: ['客户反映家中电压偏低，电器无法启动。', '客户称电压忽高忽低，烧坏了电器。'],
  供电可靠性: ['客户反映近期频繁停电影响生活。', '客户称停电已超过十小时仍未恢复。'],
  施工人员服务规范: ['客户反映施工人员说话粗鲁。', '客户称施工人员进院作业不打招呼。'],
  施工行为: ['客户反映施工后路面一直没有恢复。', '客户称夜间施工噪音扰民。'],
  供电设施: ['客户反映新架线路离房屋太近。', '客户称箱变噪音影响夜间休息。'],
};

/** Non-complaint work orders of the series file: [business type, weight, texts]. */
export const SERIES_OTHER = [
  ['故障报修', 6, ['客户报修家中停电。', '客户报修表箱冒烟有焦味。', '客户报修门前线路断线。']],
  ['业务咨询', 3, ['客户咨询本月电费金额。', '客户咨询新装用电办理流程。']],
  ['表扬', 1, ['客户表扬抢修人员冒雨恢复供电。']],
];
