#!/usr/bin/env node
// Writes fixtures/breakdown/: an export that carries the columns --by breaks complaints down by
// (issue 14): 受理渠道, URBAN_RURAL_FLAG as the system's codes (01 城市, 02 农村), 用电类别 and
// 供电所, with the 一级分类/二级分类 columns filled in, reply and closing times, and appeals. The
// conventions of make-coverage-fixtures.js: the generator plans the work orders, writes the file,
// tallies expected.json from the rows as written (never by the tool), and is seeded, so the
// file comes out byte for byte the same on every run.
//
// 95598-2015Q4-2016Q4-channels.csv: GB18030 (what Excel in Chinese Windows writes), a title row
// and a blank row above the header, a 合计 row below the data; October 2015 to December 2016, so
// that 2016Q4 has its year earlier (2015Q4) and its quarter before (2016Q3). Some channels are
// blank, some work orders are repairs (故障报修), not complaints.
// codes.csv: the names of URBAN_RURAL_FLAG's codes (01 城市, 02 农村) for --codes.
//
// Run with `node scripts/make-breakdown-fixtures.js`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'breakdown');
const FILE = '95598-2015Q4-2016Q4-channels.csv';
const SEED = 20170105;

const UNITS = [
  ['国网屯溪供电公司', ['屯溪城区供电所', '屯溪东区供电所']],
  ['国网歙县供电公司', ['徽城供电所', '深渡供电所', '岩寺供电所']],
  ['国网黟县供电公司', ['碧阳供电所']],
];
const CHANNELS = [
  ['95598电话', 6],
  ['网上国网', 3],
  ['12398', 1],
  ['微信公众号', 1],
  ['', 1],
];
const URBAN_RURAL = [
  ['01', 5],
  ['02', 4],
  ['', 1],
];
const CUSTOMER_TYPES = [
  ['居民生活', 7],
  ['一般工商业', 2],
  ['大工业', 1],
  ['农业生产', 1],
];
// Level 1 → level 2 (sgcc-95598), with the discipline each belongs to.
const CLASSES = [
  ['服务投诉', '服务态度', '营销', 3],
  ['营业投诉', '抄表催费', '营销', 2],
  ['营业投诉', '电费电价', '营销', 2],
  ['停送电投诉', '抢修质量', '运检', 3],
  ['供电质量投诉', '电压质量', '运检', 2],
];
const TEXT = {
  服务态度: '客户反映营业厅工作人员态度生硬，要求道歉。',
  抄表催费: '客户反映本月电费明显偏高，怀疑估抄，要求核实。',
  电费电价: '客户对阶梯电价执行有异议，要求解释。',
  抢修质量: '客户反映报修后抢修人员迟迟未到，影响生活。',
  电压质量: '客户反映家中电压长期偏低，空调无法启动。',
};

const HEADER = [
  '工单编号',
  '受理时间',
  '供电单位',
  '业务类型',
  '受理内容',
  '一级分类',
  '二级分类',
  '受理渠道',
  'URBAN_RURAL_FLAG',
  '用电类别',
  '供电所',
  '申诉结果',
  '回复时间',
  '办结时间',
];

const pad = (n) => String(n).padStart(2, '0');
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** A wall-clock time `hours` after y-m-d h:mi, as the export writes it. */
function wallTime(y, m, d, h, mi, hours = 0) {
  const t = new Date(Date.UTC(y, m - 1, d, h, mi) + Math.round(hours * 3600) * 1000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00`;
}

function plan() {
  const rng = createRng(SEED);
  const months = [];
  for (let m = 10; m <= 12; m++) months.push([2015, m]);
  for (let m = 1; m <= 12; m++) months.push([2016, m]);
  const rows = [];
  let serial = 0;
  for (const [y, m] of months) {
    const count = rng.int(28, 44);
    for (let i = 0; i < count; i++) {
      const [unit, stations] = rng.weighted(UNITS.map((u, k) => [u, [5, 4, 2][k]]));
      const d = rng.int(1, daysIn(y, m));
      const h = rng.int(7, 21);
      const mi = rng.int(0, 59);
      const repair = rng.int(1, 8) === 1;
      const [level1, level2, discipline] = rng.weighted(CLASSES.map((c) => [c, c[3]]));
      const reply = rng.weighted([
        [rng.int(1, 23) + 0.5, 5],
        [rng.int(25, 60), 2],
        [null, 1],
      ]);
      const close =
        reply === null
          ? null
          : reply +
            rng.weighted([
              [rng.int(10, 100), 4],
              [rng.int(150, 240), 1],
            ]);
      serial++;
      rows.push({
        id: `${y % 100}${pad(m)}${pad(d)}${String(700000 + serial)}`,
        at: wallTime(y, m, d, h, mi),
        y,
        m,
        unit,
        station: rng.pick(stations),
        type: repair ? '故障报修' : '投诉',
        level1: repair ? '' : level1,
        level2: repair ? '' : level2,
        discipline: repair ? null : discipline,
        text: repair ? '客户报修：家中停电，请尽快处理。' : TEXT[level2],
        channel: rng.weighted(CHANNELS),
        urbanRural: rng.weighted(URBAN_RURAL),
        customerType: rng.weighted(CUSTOMER_TYPES),
        appeal: !repair && rng.int(1, 7) === 1 ? '申诉成功' : '',
        replyHours: repair ? null : reply,
        closeHours: repair ? null : close,
        reply: reply === null || repair ? '' : wallTime(y, m, d, h, mi, reply),
        close: close === null || repair ? '' : wallTime(y, m, d, h, mi, close),
      });
    }
  }
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function write(rows) {
  const lines = [
    ['国网黄山供电公司95598工单明细（受理时间：2015-10-01 至 2016-12-31）'],
    [],
    HEADER,
    ...rows.map((r) => [
      r.id,
      r.at,
      r.unit,
      r.type,
      r.text,
      r.level1,
      r.level2,
      r.channel,
      r.urbanRural,
      r.customerType,
      r.station,
      r.appeal,
      r.reply,
      r.close,
    ]),
    ['合计', `${rows.length}条`],
  ];
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, FILE), iconv.encode(toDelimited(lines), 'gb18030'));
}

const key = (r, by) => by.map((b) => (r[b] === '' ? '(空)' : r[b]));
function tally(rows, by) {
  const out = {};
  for (const r of rows) {
    const k = key(r, by).join(' × ');
    out[k] ??= { complaints: 0, assessed: 0 };
    out[k].complaints++;
    if (r.appeal !== '申诉成功') out[k].assessed++;
  }
  return out;
}

/** The figures the tests read, counted from the rows as written. */
function expected(rows) {
  const complaints = rows.filter((r) => r.type === '投诉');
  const quarter = (y, q) => complaints.filter((r) => r.y === y && Math.ceil(r.m / 3) === q);
  const q4 = quarter(2016, 4);
  const perUnit = {};
  for (const [unit] of UNITS) {
    const own = q4.filter((r) => r.unit === unit);
    const replied = own.filter((r) => r.replyHours !== null);
    const closed = own.filter((r) => r.closeHours !== null);
    perUnit[unit] = {
      operations: own.filter((r) => r.discipline === '运检').length,
      marketing: own.filter((r) => r.discipline === '营销').length,
      replied: replied.length,
      repliedWithin24h: replied.filter((r) => r.replyHours <= 24).length,
      closed: closed.length,
      closedWithin144h: closed.filter((r) => r.closeHours <= 144).length,
    };
  }
  return {
    file: FILE,
    rows: rows.length,
    quarter: '2016Q4',
    complaints: q4.length,
    assessed: q4.filter((r) => r.appeal !== '申诉成功').length,
    byChannel: tally(q4, ['channel']),
    byChannelYearEarlier: tally(quarter(2015, 4), ['channel']),
    byChannelQuarterBefore: tally(quarter(2016, 3), ['channel']),
    byUrbanRural: tally(q4, ['urbanRural']),
    byStation: tally(q4, ['station']),
    byUnitLevel1: tally(q4, ['unit', 'level1']),
    byUnit: tally(q4, ['unit']),
    byLevel1: tally(q4, ['level1']),
    perUnit,
  };
}

// The code table a user would keep for the system's codes (--codes): URBAN_RURAL_FLAG's two
// codes; 用电类别 has none, so its values stay as written.
const CODES = [
  ['列', '代码', '名称'],
  ['URBAN_RURAL_FLAG', '01', '城市'],
  ['URBAN_RURAL_FLAG', '02', '农村'],
];

const rows = plan();
write(rows);
writeFileSync(join(OUT, 'codes.csv'), toDelimited(CODES));
const result = expected(rows);
if (Object.keys(result.byChannel).length < 4 || !result.byChannel['(空)'])
  throw new Error('the plan left out a channel the tests rely on');
writeFileSync(join(OUT, 'expected.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`fixtures/breakdown: ${rows.length} rows, ${result.complaints} complaints in 2016Q4`);
