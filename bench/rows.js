// Deterministic stream of synthetic 95598 work orders. Everything random comes from one seeded
// PRNG, so the same seed always yields byte-identical files (the benchmark compares runs).

import * as T from './fragments.js';

export const HEADERS = (
  '工单编号 受理时间 供电单位 业务类型 受理内容 一级分类 二级分类 三级分类 客户编号 联系电话 ' +
  '是否属实 申诉结果 办结时间 回复时间 回访满意度 处理部门 所属地市 是否越级 投诉等级'
).split(' ');

// mulberry32: tiny, fast and good enough for test data.
export function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [value, weight] pairs -> sampler; weights need not sum to 1.
function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cum = pairs.map(([v, w]) => [v, (acc += w / total)]);
  return (r) => {
    const x = r();
    for (const [v, c] of cum) if (x < c) return v;
    return cum[cum.length - 1][0];
  };
}

// Two prefectures; 市直 units carry the full-width brackets real exports use.
const UNITS = [
  ['国网黄山供电公司（市直）', '黄山市', 16, '屯溪区昱中街道 屯溪区老街街道 屯溪区奕棋镇'],
  ['国网屯溪区供电公司', '黄山市', 9, '屯溪区屯光镇 屯溪区阳湖镇 屯溪区黎阳镇'],
  ['国网黄山区供电公司', '黄山市', 8, '黄山区甘棠镇 黄山区汤口镇 黄山区仙源镇 黄山区耿城镇'],
  ['国网徽州区供电公司', '黄山市', 7, '徽州区岩寺镇 徽州区西溪南镇 徽州区潜口镇 徽州区呈坎镇'],
  [
    '国网歙县供电公司',
    '黄山市',
    11,
    '歙县徽城镇 歙县深渡镇 歙县北岸镇 歙县富堨镇 歙县郑村镇 歙县许村镇',
  ],
  ['国网休宁县供电公司', '黄山市', 8, '休宁县海阳镇 休宁县齐云山镇 休宁县五城镇 休宁县溪口镇'],
  ['国网黟县供电公司', '黄山市', 4, '黟县碧阳镇 黟县宏村镇 黟县西递镇'],
  ['国网祁门县供电公司', '黄山市', 5, '祁门县祁山镇 祁门县历口镇 祁门县平里镇'],
  ['国网宣城供电公司（市直）', '宣城市', 12, '宣州区澄江街道 宣州区西林街道 宣州区水阳镇'],
  ['国网绩溪县供电公司', '宣城市', 5, '绩溪县华阳镇 绩溪县临溪镇 绩溪县上庄镇'],
  ['国网旌德县供电公司', '宣城市', 4, '旌德县旌阳镇 旌德县庙首镇 旌德县三溪镇'],
  ['国网宁国市供电公司', '宣城市', 8, '宁国市河沥溪街道 宁国市港口镇 宁国市梅林镇'],
].map(([unit, city, weight, towns]) => [unit, city, weight, towns.split(' ')]);
const pickUnit = weighted(UNITS.map((u) => [u, u[2]]));

const pickType = weighted([
  ['故障报修', 45],
  ['业务咨询', 30],
  ['投诉', 15],
  ['意见', 4],
  ['建议', 3],
  ['表扬', 2],
  ['举报', 1],
]);

// sgcc-95598 taxonomy (TAXONOMY.md): [level1, level2, [level3...], weight, discipline].
const TAXONOMY = [
  ['服务投诉', '服务态度', '员工服务态度', 6, '营销'],
  ['服务投诉', '服务行为规范', '首问负责 吃拿卡要 未佩戴工号牌', 3, '营销'],
  ['服务投诉', '服务渠道', '窗口营业时间 服务设施 95598热线 网上国网/掌上电力 自助终端', 4, '营销'],
  ['营业投诉', '业扩报装', '新装 增容 超时限', 7, '营销'],
  ['营业投诉', '用电变更', '过户 更名 改类 暂停 销户', 3, '营销'],
  ['营业投诉', '抄表催费', '估抄 错抄 欠费停电 催费', 7, '营销'],
  ['营业投诉', '电费电价', '阶梯电价 峰谷电价 电费差错', 6, '营销'],
  ['营业投诉', '电能计量', '表计不准 换表 表计故障', 5, '营销'],
  ['营业投诉', '业务收费', '违规收费 多收费', 2, '营销'],
  ['停送电投诉', '停送电信息公告', '未公告 公告不准确', 6, '运检'],
  ['停送电投诉', '停电计划执行', '超时停电 提前停电 重复停电', 5, '运检'],
  ['停送电投诉', '抢修质量', '抢修超时限 抢修人员服务态度 抢修人员服务规范 未修复', 12, '运检'],
  ['供电质量投诉', '电压质量', '电压质量长时间异常 供电频率长时间异常', 8, '运检'],
  ['供电质量投诉', '供电可靠性', '频繁停电 长时间停电', 9, '运检'],
  ['电网建设投诉', '施工人员服务规范', '施工人员服务态度', 1, '运检'],
  ['电网建设投诉', '施工行为', '施工损坏 未恢复现场 施工扰民', 3, '运检'],
  ['电网建设投诉', '供电设施', '安全距离不足 设施安全隐患 设备噪音', 3, '运检'],
].map(([l1, l2, l3s, weight, discipline]) => [l1, l2, l3s.split(' '), weight, discipline]);
const pickCategory = weighted(TAXONOMY.map((t) => [t, t[3]]));
// Exports spell some nodes differently; the reader must cope, so a few rows use the aliases.
const ALIASES = { 电费电价: '电价电费', 停送电投诉: '停送电类投诉', 员工服务态度: '服务态度' };

const pad2 = (n) => (n < 10 ? '0' + n : '' + n);

// Wall-clock times are kept as UTC epoch ms so formatting and Excel serials ignore the TZ.
export function formatTime(ms) {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  );
}

const START = Date.UTC(2015, 0, 1);
const DAYS = 731; // 2015-01-01 .. 2016-12-31
const HOUR = 3600e3;
const pickHour = weighted(Array.from({ length: 24 }, (_, h) => [h, h < 7 ? 1 : h < 22 ? 6 : 2]));

function makeRow(r, i) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const fill = (t) =>
    t.replace(/\{(\w)\}/g, (_, k) => {
      if (k === 's') return pick(T.SURNAMES);
      if (k === 'b') return pick(T.BIZ);
      if (k === 'n') return String(int(3, 600));
      if (k === 'm') return String(int(1, 12));
      if (k === 'd') return String(int(1, 28));
      if (k === 'H') return String(int(6, 22));
      return String(int(2, 9)); // h
    });

  const [unit, city, , towns] = pickUnit(r);
  const type = pickType(r);
  const town = pick(towns);
  const place = [
    () => `${town}${pick(T.ROADS)}${int(1, 300)}号`,
    () => `${town}${pick(T.VILLAGES)}村${int(1, 12)}组`,
    () => `${town}${pick(T.ESTATES)}小区${int(1, 30)}栋${int(1, 4)}单元`,
  ][int(0, 2)]();
  const who = fill(pick(T.CALLERS));

  let text;
  let l1 = '';
  let l2 = '';
  let l3 = '';
  let discipline = '营销';
  if (type === '故障报修') {
    const e = int(0, T.FAULT_EXTRA.length - 1);
    const e2 = r() < 0.5 ? (e + int(1, T.FAULT_EXTRA.length - 1)) % T.FAULT_EXTRA.length : -1;
    const extra = fill(T.FAULT_EXTRA[e]) + (e2 < 0 ? '' : fill(T.FAULT_EXTRA[e2]));
    text = `${who}：${place}${pick(T.FAULTS)}${extra}${pick(T.FAULT_WANT)}`;
    discipline = '运检';
  } else if (type === '业务咨询') {
    text = `${who}：其位于${place}，${fill(pick(T.QUESTIONS))}${pick(T.ANSWERS)}`;
  } else if (type === '投诉') {
    const cat = pickCategory(r);
    [l1, l2] = cat;
    l3 = pick(cat[2]);
    discipline = cat[4];
    const history = r() < 0.6 ? fill(pick(T.HISTORY)) : '';
    text = `${who}：其位于${place}，${fill(T.COMPLAINTS[l3])}${history}${pick(T.COMPLAINT_WANT)}`;
    if (r() < 0.05) {
      l1 = ALIASES[l1] ?? l1;
      l2 = ALIASES[l2] ?? l2;
      l3 = ALIASES[l3] ?? l3;
    }
  } else {
    text = `${who}：${place}，${fill(pick(T.OTHERS[type]))}。`;
  }
  if (r() < 0.85) text += pick(T.CLOSINGS);
  // Hand-typed text carries half-width punctuation now and then: CSV quoting must cope.
  let before = '';
  let after = '';
  const x = r();
  if (x < 0.03) after = `（户号: ${int(3400000000, 3409999999)}, 联系人:${pick(T.SURNAMES)}先生）`;
  else if (x < 0.04)
    before = `客户原话"${pick(['再不来电就去市里投诉', '你们到底管不管', '我要找你们领导'])}"，`;
  else if (x < 0.045) after = `\n补充：客户${int(1, 5)}小时后再次来电催促。`;
  for (let f = int(0, T.FILLERS.length - 1); text.length < 40; f++)
    text += T.FILLERS[f % T.FILLERS.length];
  const room = 120 - before.length - after.length;
  if (text.length > room) text = text.slice(0, room - 1) + '。';
  text = before + text + after;

  const complaint = type === '投诉';
  const acceptedAt = START + int(0, DAYS - 1) * 24 * HOUR + pickHour(r) * HOUR + int(0, 3599) * 1e3;
  const repliedAt = acceptedAt + int(5 * 60, 48 * 3600) * 1e3;
  const closedAt = r() < 0.015 ? null : repliedAt + int(0, 5 * 24 * 3600) * 1e3;
  const date = formatTime(acceptedAt);
  // Multiplying by an odd number coprime to 10^8 keeps the 8-digit serials unique.
  const serial = String((i * 48271 + 12345) % 1e8).padStart(8, '0');

  const station = town.replace(/^.+?[区县市]/, '').replace(/(镇|街道)$/, '') + '供电所';
  const mobile = r() < 0.85;
  return {
    id: date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10) + serial,
    acceptedAt,
    unit,
    type,
    text,
    l1,
    l2,
    l3,
    customerId: String(int(3400000000, 3409999999)),
    phone: mobile
      ? `1${pick(['3', '5', '7', '8', '9'])}${String(int(0, 999999999)).padStart(9, '0')}`
      : `${city === '黄山市' ? '0559' : '0563'}-${int(2000000, 8999999)}`,
    substantiated: complaint || type === '举报' ? pickSubstantiated(r) : '',
    appeal: complaint ? pickAppeal(r) : '',
    closedAt: closedAt === null ? '' : formatTime(closedAt),
    repliedAt: formatTime(repliedAt),
    satisfaction: pickSatisfaction(r),
    department:
      type === '故障报修'
        ? pick(['配电抢修指挥中心', station])
        : discipline === '运检'
          ? pick(['运维检修部', '配电运检室'])
          : pick(['营销部', '客户服务中心', station]),
    city,
    escalated: r() < (complaint ? 0.04 : 0.01) ? '是' : '否',
    severity: complaint ? pickSeverity(r) : '',
  };
}
const pickSubstantiated = weighted([
  ['属实', 55],
  ['不属实', 30],
  ['部分属实', 15],
]);
const pickAppeal = weighted([
  ['未申诉', 70],
  ['申诉成功', 18],
  ['申诉失败', 12],
]);
const pickSatisfaction = weighted([
  ['满意', 78],
  ['基本满意', 12],
  ['不满意', 6],
  ['', 4],
]);
const pickSeverity = weighted([
  ['一般', 85],
  ['较大', 12],
  ['重大', 3],
]);

export function rowValues(o) {
  return [
    o.id,
    o.acceptedAt,
    o.unit,
    o.type,
    o.text,
    o.l1,
    o.l2,
    o.l3,
    o.customerId,
    o.phone,
    o.substantiated,
    o.appeal,
    o.closedAt,
    o.repliedAt,
    o.satisfaction,
    o.department,
    o.city,
    o.escalated,
    o.severity,
  ];
}

const RING = 2048;

// Yields `count` rows. ~1% repeat a recent order id (re-exported orders); half of those are
// complaints whose 申诉结果 changed in between, which is what de-duplication must resolve.
export function* workOrders(count, seed = 95598) {
  const r = prng(seed);
  const recent = [];
  const recentComplaints = [];
  let made = 0;
  let madeComplaints = 0;
  for (let i = 0; i < count; i++) {
    const x = r();
    if (x < 0.005 && recent.length > 0) {
      yield recent[Math.floor(r() * recent.length)];
      continue;
    }
    if (x < 0.01 && recentComplaints.length > 0) {
      const o = recentComplaints[Math.floor(r() * recentComplaints.length)];
      const others = ['未申诉', '申诉成功', '申诉失败'].filter((a) => a !== o.appeal);
      yield { ...o, appeal: others[Math.floor(r() * 2)] };
      continue;
    }
    const o = makeRow(r, i);
    recent[made++ % RING] = o;
    if (o.type === '投诉') recentComplaints[madeComplaints++ % RING] = o;
    yield o;
  }
}
