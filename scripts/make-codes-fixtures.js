#!/usr/bin/env node
// Writes fixtures/codes/: raw system exports that carry codes where people need names (issue
// 14, "Codes to names"), with the units file and the code table that name them. The conventions
// of make-coverage-fixtures.js: the generator plans the work orders, writes the files recording
// every row as written, tallies expected.json from the written rows (never by the tool), and
// throws if the figures the tests rely on do not come out. Seeded, byte-for-byte reproducible.
//
// The company: the Huangshan city company (34401), three county companies, seven 供电所.
//
// 1. 95598-2016-10-codes.xlsx: October 2016; ORG_NO as number cells (344010101), a title row;
//    URBAN_RURAL_FLAG 01/02, 投诉等级 1/2 as codes; 供电所 names.
// 2. 95598-2016-11-12-codes.csv: November and December, GB18030, a title row and a 合计 row; most
//    ORG_NO as codes, a few written as the station's name or its short name (城关所), one code
//    no table knows (344019901, a station opened in November).
// 3. units.csv (GB18030, a title row; 单位编码, 单位名称, 上级单位编码, 别名 separated by ；),
//    units.xlsx (ORG_NO, ORG_NAME, PARENT_ORG_NO, 别名) and units.json: one hierarchy three ways.
// 4. codes.csv (列, 代码, 名称: URBAN_RURAL_FLAG and 投诉等级) and codes.json (those and ORG_NO,
//    as {"column": {"code": "name"}}).
// 5. targets-county.csv: annual targets of the county companies (one by its code);
//    targets-station.csv: one station's, by its short name.
//
// Run with `npm run fixtures` (or node scripts/make-codes-fixtures.js).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';
import { COMPLAINT_TYPES } from './lib/texts.js';
import { fmt, wall, wallToUtcDate } from './lib/workorders.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'codes');
const SEED = 20161231;
const FIXED = new Date(Date.UTC(2017, 0, 3, 9, 0, 0));

const CITY = { code: '34401', name: '国网黄山供电公司', parent: '', aliases: ['黄山公司'] };
const COUNTIES = [
  {
    code: '3440101',
    name: '国网歙县供电公司',
    parent: '34401',
    aliases: ['歙县公司', '国网歙县供电公司（本部）'],
  },
  { code: '3440102', name: '国网休宁县供电公司', parent: '34401', aliases: ['休宁公司'] },
  { code: '3440103', name: '国网祁门县供电公司', parent: '34401', aliases: ['祁门公司'] },
];
const STATIONS = [
  {
    code: '344010101',
    name: '歙县城关供电所',
    parent: '3440101',
    aliases: ['城关所'],
    urban: true,
  },
  { code: '344010102', name: '歙县深渡供电所', parent: '3440101', aliases: [], urban: false },
  { code: '344010103', name: '歙县王村供电所', parent: '3440101', aliases: [], urban: false },
  {
    code: '344010201',
    name: '休宁海阳供电所',
    parent: '3440102',
    aliases: ['海阳所'],
    urban: true,
  },
  { code: '344010202', name: '休宁溪口供电所', parent: '3440102', aliases: [], urban: false },
  { code: '344010301', name: '祁门祁山供电所', parent: '3440103', aliases: [], urban: true },
  { code: '344010302', name: '祁门历口供电所', parent: '3440103', aliases: [], urban: false },
];
const UNITS = [CITY, ...COUNTIES, ...STATIONS];
/** A station opened in November: in the exports, in no table. */
const NEW_STATION = '344019901';

// Complaints per unit (by code) in October, November, December 2016.
const PLAN = {
  344010101: [3, 4, 2],
  344010102: [1, 2, 1],
  344010103: [0, 1, 1],
  344010201: [2, 2, 3],
  344010202: [1, 0, 1],
  344010301: [2, 1, 1],
  344010302: [0, 1, 0],
  3440101: [1, 1, 0], // the county company's own 营业厅
  3440102: [0, 1, 0],
  3440103: [0, 0, 1],
  34401: [1, 0, 0], // the city company's own
  [NEW_STATION]: [0, 1, 1],
};
// Appeals approved: [unit code, month index 0..2, nth complaint of that unit in that month].
const APPEALS = [
  ['344010101', 1, 0],
  ['344010201', 2, 1],
  ['3440101', 0, 0],
];
// Other spellings in the CSV: [unit code, month index, nth complaint, ORG_NO as written].
const WRITTEN = [
  ['344010101', 1, 0, '城关所'],
  ['344010101', 1, 1, '歙县城关供电所'],
  ['344010201', 2, 0, ' 海阳所 '],
];
const FAULTS_PER_MONTH = 3;

const HEADERS = [
  'APP_NO',
  'BUSI_TYPE',
  'ORG_NO',
  '供电所',
  'ACCEPT_TIME',
  'URBAN_RURAL_FLAG',
  '投诉等级',
  '一级分类',
  '二级分类',
  'ACCEPT_CONTENT',
  '申诉结果',
];

const rng = createRng(SEED);
const byCode = new Map(UNITS.map((u) => [u.code, u]));
const stationOf = (code) => (STATIONS.some((s) => s.code === code) ? byCode.get(code).name : '');

function fill(text, month) {
  return text
    .replace(/\{md\}/g, `${month}月${rng.int(1, 28)}日`)
    .replace(/\{m\}/g, `${month}`)
    .replace(/\{hall\}/g, '供电营业厅')
    .replace(/\{addr\}|\{town\}/g, '城关镇')
    .replace(/\{amt\}|\{big\}/g, String(rng.int(100, 900)))
    .replace(/\{n\}/g, String(rng.int(2, 6)))
    .replace(/\{[a-z]+\}/g, '');
}

function plan() {
  const orders = [];
  let serial = 0;
  for (let m = 0; m < 3; m++) {
    const month = 10 + m;
    for (const [code, counts] of Object.entries(PLAN)) {
      for (let k = 0; k < counts[m]; k++) {
        const type = rng.pick(COMPLAINT_TYPES);
        const [, template] = rng.pick(type.templates);
        const spelling = WRITTEN.find(([c, mi, nth]) => c === code && mi === m && nth === k);
        const unit = byCode.get(code);
        orders.push({
          month,
          code,
          written: spelling ? spelling[3] : code,
          type: '投诉',
          level1: type.level1,
          level2: type.level2,
          content: fill(template, month),
          appeal: APPEALS.some(([c, mi, nth]) => c === code && mi === m && nth === k)
            ? '申诉成功'
            : '',
          urban: unit ? (unit.urban === false ? '02' : '01') : '02',
          severity: rng.next() < 0.2 ? '2' : '1',
        });
      }
    }
    for (let k = 0; k < FAULTS_PER_MONTH; k++) {
      const station = rng.pick(STATIONS);
      orders.push({
        month,
        code: station.code,
        written: station.code,
        type: '故障报修',
        level1: '',
        level2: '',
        content: '客户反映家中无电，请求派员抢修。',
        appeal: '',
        urban: station.urban ? '01' : '02',
        severity: '1',
      });
    }
  }
  for (const o of orders) {
    o.acceptedAt = wall(
      2016,
      o.month,
      rng.int(1, o.month === 11 ? 30 : 31),
      rng.int(8, 18),
      rng.int(0, 59),
      rng.int(0, 59),
    );
  }
  orders.sort((a, b) => fmt.iso(a.acceptedAt).localeCompare(fmt.iso(b.acceptedAt)));
  for (const o of orders)
    o.id = `1${String(o.month).padStart(2, '0')}${String(++serial).padStart(6, '0')}`;
  return orders;
}

function cells(o, xlsx) {
  return [
    o.id,
    o.type,
    xlsx && /^\d+$/.test(o.written) ? Number(o.written) : o.written,
    stationOf(o.code),
    xlsx ? wallToUtcDate(o.acceptedAt) : fmt.iso(o.acceptedAt),
    o.urban,
    o.severity,
    o.level1,
    o.level2,
    o.content,
    o.appeal,
  ];
}

async function writeXlsx(orders, name) {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('工单明细');
  ws.addRow(['95598工单明细（受理时间 2016-10-01 至 2016-10-31）']);
  ws.addRow([]);
  ws.addRow(HEADERS);
  for (const o of orders) ws.addRow(cells(o, true));
  ws.getColumn(5).numFmt = 'yyyy-mm-dd hh:mm:ss';
  writeFileSync(join(OUT, name), fixZipDates(await wb.xlsx.writeBuffer(), FIXED));
}

function writeCsv(orders, name) {
  const complaints = orders.filter((o) => o.type === '投诉').length;
  const rows = [
    ['95598工单明细（受理时间 2016-11-01 至 2016-12-31）'],
    HEADERS,
    ...orders.map((o) => cells(o, false)),
    ['合计', `${orders.length}条，其中投诉${complaints}条`],
  ];
  writeFileSync(join(OUT, name), iconv.encode(toDelimited(rows), 'gb18030'));
}

async function writeUnits() {
  const rows = UNITS.map((u) => [u.code, u.name, u.parent, u.aliases.join('；')]);
  const csv = [
    ['黄山供电公司单位编码表'],
    ['单位编码', '单位名称', '上级单位编码', '别名'],
    ...rows,
  ];
  writeFileSync(join(OUT, 'units.csv'), iconv.encode(toDelimited(csv), 'gb18030'));
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('单位');
  ws.addRow(['ORG_NO', 'ORG_NAME', 'PARENT_ORG_NO', '别名']);
  for (const u of UNITS)
    ws.addRow([
      Number(u.code),
      u.name,
      u.parent === '' ? null : Number(u.parent),
      u.aliases.join(';'),
    ]);
  writeFileSync(join(OUT, 'units.xlsx'), fixZipDates(await wb.xlsx.writeBuffer(), FIXED));
  const json = UNITS.map((u) => ({
    code: u.code,
    name: u.name,
    parent: u.parent || null,
    aliases: u.aliases,
  }));
  writeFileSync(join(OUT, 'units.json'), JSON.stringify(json, null, 2) + '\n');
}

function writeCodes() {
  const flags = [
    ['URBAN_RURAL_FLAG', '01', '城市'],
    ['URBAN_RURAL_FLAG', '02', '农村'],
    ['投诉等级', '1', '一般'],
    ['投诉等级', '2', '重要'],
  ];
  writeFileSync(join(OUT, 'codes.csv'), '\uFEFF' + toDelimited([['列', '代码', '名称'], ...flags]));
  const json = {};
  for (const [column, code, name] of flags) (json[column] ??= {})[code] = name;
  json.ORG_NO = Object.fromEntries(UNITS.map((u) => [u.code, u.name]));
  writeFileSync(join(OUT, 'codes.json'), JSON.stringify(json, null, 2) + '\n');
}

const COUNTY_TARGETS = [
  ['3440101', 48],
  ['国网休宁县供电公司', 40],
  ['祁门公司', 20],
];

function writeTargets() {
  const county = [['单位', '年度指标'], ...COUNTY_TARGETS];
  writeFileSync(join(OUT, 'targets-county.csv'), toDelimited(county));
  writeFileSync(
    join(OUT, 'targets-station.csv'),
    toDelimited([
      ['单位', '年度指标'],
      ['城关所', 24],
    ]),
  );
}

/** What the tests expect, tallied from the rows as written and the plan's intent. */
function tally(orders) {
  const name = (code) => byCode.get(code)?.name ?? code;
  const up = (code, levels) => {
    let u = byCode.get(code);
    if (!u) return code;
    for (let i = 0; i < levels && u.parent !== ''; i++) u = byCode.get(u.parent);
    return u.name;
  };
  const count = (key) => {
    const out = {};
    for (const o of orders.filter((x) => x.type === '投诉')) {
      const k = key(o);
      out[k] ??= { complaints: 0, appealApproved: 0, assessed: 0 };
      out[k].complaints++;
      if (o.appeal === '申诉成功') out[k].appealApproved++;
      else out[k].assessed++;
    }
    return out;
  };
  const asWritten = {};
  for (const o of orders.filter((x) => x.type === '投诉'))
    asWritten[o.written.trim()] = (asWritten[o.written.trim()] ?? 0) + 1;
  return {
    complaints: orders.filter((o) => o.type === '投诉').length,
    workOrders: orders.length,
    asWritten,
    named: count((o) => name(o.code)),
    rollup1: count((o) => up(o.code, 1)),
    rollup2: count((o) => up(o.code, 2)),
    countyTargets: Object.fromEntries(COUNTY_TARGETS.map(([u, t]) => [u, t])),
  };
}

function readme(expected) {
  return `# Codes fixtures

Raw system exports that carry codes where people need names (issue 14, "Codes to names"), with
the units file and the code table that name them. Written by \`node scripts/make-codes-fixtures.js\`
(part of \`npm run fixtures\`; seeded, byte-for-byte reproducible). Do not edit by hand:
\`expected.json\` holds the figures, tallied by the generator from the rows it wrote.

The Huangshan city company (34401), three county companies (3440101 歙县, 3440102 休宁,
3440103 祁门) and seven 供电所 (3440101xx …), October–December 2016: ${expected.workOrders} work
orders, ${expected.complaints} complaints, 3 appeals approved.

1. \`95598-2016-10-codes.xlsx\`: October; ORG_NO as number cells, a title row stating
   受理时间 2016-10-01 至 2016-10-31; URBAN_RURAL_FLAG 01/02 and 投诉等级 1/2 as codes; 供电所 names.
2. \`95598-2016-11-12-codes.csv\`: November and December, GB18030, a title row and a 合计 row.
   ORG_NO as codes, but 城关所 and 歙县城关供电所 (the station 344010101 by its short name and its
   name) and " 海阳所 " (344010201); 344019901, a station no table knows, twice.
3. \`units.csv\` (GB18030, a title row; 单位编码, 单位名称, 上级单位编码, 别名 separated by ；),
   \`units.xlsx\` (ORG_NO, ORG_NAME, PARENT_ORG_NO as numbers, 别名 separated by ;) and
   \`units.json\`: one three-level hierarchy three ways.
4. \`codes.csv\` (列, 代码, 名称: URBAN_RURAL_FLAG 01 城市 / 02 农村, 投诉等级 1 一般 / 2 重要) and
   \`codes.json\` (those, and ORG_NO → unit name, as {"column": {"code": "name"}}).
5. \`targets-county.csv\`: annual targets of the county companies, 歙县 by its code (3440101 48),
   休宁 by its name (40), 祁门 by its short name (祁门公司 20). \`targets-station.csv\`: 城关所 24.

With --units and --rollup (one level up) the county companies count 15, 9 and 5 complaints
(assessed 14, 8, 5); the city 5: the county companies' own 4, rolled up a level, and its own 1,
which has no level above. 344019901 stays as written.
`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const orders = plan();
  const october = orders.filter((o) => o.month === 10);
  const later = orders.filter((o) => o.month !== 10);
  // Numbers in a workbook: the October file writes every ORG_NO as a code.
  for (const o of october) o.written = o.code;
  await writeXlsx(october, '95598-2016-10-codes.xlsx');
  writeCsv(later, '95598-2016-11-12-codes.csv');
  await writeUnits();
  writeCodes();
  writeTargets();
  const expected = tally(orders);
  const r1 = expected.rollup1;
  // One level up: stations under their county; the county companies' own complaints (2 + 1 + 1)
  // under the city, with the city's own (1), which has no level above.
  const want = {
    国网歙县供电公司: 15,
    国网休宁县供电公司: 9,
    国网祁门县供电公司: 5,
    国网黄山供电公司: 5,
  };
  for (const [unit, n] of Object.entries(want))
    if (r1[unit]?.complaints !== n)
      throw new Error(`rollup1 ${unit}: ${r1[unit]?.complaints} ≠ ${n}`);
  if (r1[NEW_STATION]?.complaints !== 2) throw new Error('the new station should have 2');
  if (r1['国网歙县供电公司'].assessed !== 14) throw new Error('歙县 assessed should be 14');
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(join(OUT, 'README.md'), readme(expected));
  console.log(`fixtures/codes: ${orders.length} work orders, ${expected.complaints} complaints`);
}

await main();
