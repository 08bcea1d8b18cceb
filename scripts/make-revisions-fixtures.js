#!/usr/bin/env node
// Writes fixtures/revisions/: why a unit's October figure changed between the bulletin and the
// next month, and an analyst's corrections file. The conventions of make-coverage-fixtures.js:
// the generator plans the work orders, writes the files, tallies expected.json from the planned
// rows (never by the tool), and throws if the figures the tests rely on do not come out.
// Seeded, byte-for-byte reproducible.
//
// 1. 95598-2016-10.xlsx: October 2016 as exported on 1 November for the October bulletin (title
//    rows, header on row 3, a 合计 row).
// 2. 95598-2016-10-11.csv: October and November exported again on 1 December (GB18030, as Excel
//    in Chinese Windows saves a CSV; times to the minute; 申诉结果 blank where nothing was
//    appealed; 供电单位 with full-width brackets). Its October copies are the same work orders,
//    but five changed in between:
//      class   一级/二级分类 recorded again: 服务投诉/服务态度 → 营业投诉/电费电价
//      unit    transferred: 国网歙县供电公司 → 国网黄山市徽州区供电公司
//      month   受理时间 corrected: 2016-10-31 23:48 → 2016-11-01 08:05
//      appeal  申诉结果 未申诉 → 申诉成功 (是否属实 → 不属实)
//      type    业务类型 投诉 → 意见
//    Two October complaints arrive late (only in file 2), and one November complaint appears
//    twice in file 2: reopened, its later row has a later 办结时间 and 回访满意度 不满意.
// 3. corrections-2016-10.csv (GB18030) and corrections-2016-10.xlsx (a title row, header on
//    row 2): the same six corrections — two re-classifications (one naming only 二级分类), one
//    complaint the assessment office exempted (是否考核 否), one appeal-approved complaint held
//    assessed after all (是否考核 是), one 工单编号 in no export, one naming a repair order.
//
// Run with `node scripts/make-revisions-fixtures.js`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';
import { ANNUAL_UNITS } from './lib/metrics-data.js';
import {
  compareWall,
  createIdFactory,
  createWorkOrderFactory,
  fmt,
  randomTimeInDay,
  wall,
  wallToUtcDate,
} from './lib/workorders.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'revisions');
const SEED = 20161101;

const FILES = {
  october: '95598-2016-10.xlsx',
  reexport: '95598-2016-10-11.csv',
  correctionsCsv: 'corrections-2016-10.csv',
  correctionsXlsx: 'corrections-2016-10.xlsx',
};
const EXPORT_OCTOBER = wall(2016, 11, 1, 8, 32, 15);
const EXPORT_DECEMBER = wall(2016, 12, 1, 9, 5, 41);

const rng = createRng(SEED);
const ids = createIdFactory(rng);
const make = createWorkOrderFactory(rng, ids, {});
const unit = (key) => ANNUAL_UNITS.find((u) => u.key === key);
const pickUnit = () => rng.weighted(ANNUAL_UNITS.map((u) => [u, u.weight ?? 8]));
const byTime = (a, b) => compareWall(a.acceptedAt, b.acceptedAt);

/** A complaint of a given unit, type and appeal, accepted at `t`. */
function complaint(t, unitKey, level2, appealResult = '未申诉', substantiated = '属实') {
  const r = make({ acceptedAt: t, businessType: '投诉', unit: unit(unitKey), level2 });
  return { ...r, appealResult, substantiated };
}

// The work orders of the plan, by role.
const special = {
  class: complaint(wall(2016, 10, 9, 10, 12, 40), 'shexian', '服务态度'),
  unit: complaint(wall(2016, 10, 14, 16, 3, 9), 'shexian', '抢修质量'),
  month: complaint(wall(2016, 10, 31, 23, 48, 22), 'tunxi', '停送电信息公告'),
  appeal: complaint(wall(2016, 10, 18, 9, 40, 51), 'shizhi', '抄表催费'),
  type: complaint(wall(2016, 10, 21, 14, 22, 5), 'xiuning', '服务行为规范'),
  // The corrections' work orders.
  reclass: complaint(wall(2016, 10, 6, 11, 5, 30), 'shizhi', '服务行为规范'),
  level2only: complaint(wall(2016, 10, 12, 15, 44, 2), 'huangshanqu', '停送电信息公告'),
  exempt: complaint(wall(2016, 10, 17, 8, 55, 16), 'shexian', '抄表催费'),
  heldAssessed: complaint(
    wall(2016, 10, 25, 19, 31, 44),
    'huizhou',
    '电能计量',
    '申诉成功',
    '不属实',
  ),
  repair: make({
    acceptedAt: wall(2016, 10, 20, 7, 12, 0),
    businessType: '故障报修',
    unit: unit('qimen'),
  }),
};
const late = [
  complaint(wall(2016, 10, 30, 20, 16, 37), 'shexian', '抄表催费'),
  complaint(wall(2016, 10, 31, 17, 2, 58), 'huizhou', '抢修质量'),
];
const reopened = complaint(wall(2016, 11, 8, 10, 30, 0), 'yixian', '供电可靠性');

function month(y, mo, days, perDay) {
  const list = [];
  for (let d = 1; d <= days; d++)
    for (let i = 0; i < perDay; i++)
      list.push(make({ acceptedAt: randomTimeInDay(rng, y, mo, d), unit: pickUnit() }));
  return list;
}
const october = [...month(2016, 10, 31, 2), ...Object.values(special)].sort(byTime);
const november = [...month(2016, 11, 30, 2), reopened].sort(byTime);

// The October copies as exported again in December.
const revised = new Map([
  [special.class.id, { ...special.class, level1: '营业投诉', level2: '电费电价', level3: '' }],
  [special.unit.id, { ...special.unit, unit: unit('huizhou') }],
  [special.month.id, { ...special.month, acceptedAt: wall(2016, 11, 1, 8, 5, 0) }],
  [special.appeal.id, { ...special.appeal, substantiated: '不属实', appealResult: '申诉成功' }],
  [special.type.id, { ...special.type, businessType: '意见', level1: '', level2: '', level3: '' }],
]);
const reopenedLater = {
  ...reopened,
  closedAt: reopened.closedAt && wall(2016, 11, 20, 16, 45, 0),
  satisfaction: '不满意',
};

const CORRECTIONS = [
  // 工单编号, 一级分类, 二级分类, 是否考核, 说明
  [special.reclass.id, '营业投诉', '业务收费', '', '录音核实为收取表计校验费争议，按营业投诉统计'],
  [special.level2only.id, '', '抢修质量', '', '实为故障抢修到达超时，非停电公告问题'],
  [special.exempt.id, '', '', '否', '省公司考核办11月8日认定不予考核（客户诉求不合理）'],
  [special.heldAssessed.id, '', '', '是', '申诉经复核未通过，仍予考核'],
  ['16102699990001', '营业投诉', '电费电价', '', '（工单编号抄错）'],
  [special.repair.id, '停送电投诉', '抢修质量', '', '故障报修工单，按投诉处理'],
];

const HEADERS = [
  '工单编号',
  '受理时间',
  '供电单位',
  '业务类型',
  '受理内容',
  '一级分类',
  '二级分类',
  '三级分类',
  '客户编号',
  '联系电话',
  '是否属实',
  '申诉结果',
  '办结时间',
  '回访满意度',
];
const DATE_FMT = 'yyyy-mm-dd hh:mm:ss';

function newWorkbook(fixed) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '95598业务支持系统';
  wb.lastModifiedBy = '95598业务支持系统';
  wb.created = fixed;
  wb.modified = fixed;
  return wb;
}

async function writeOctober() {
  const fixed = wallToUtcDate(EXPORT_OCTOBER);
  const wb = newWorkbook(fixed);
  const ws = wb.addWorksheet('工单明细', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.getCell(1, 1).value = '国网黄山供电公司95598工单明细';
  ws.getCell(2, 1).value =
    `受理时间：2016-10-01 至 2016-10-31　导出时间：${fmt.iso(EXPORT_OCTOBER)}`;
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.mergeCells(2, 1, 2, HEADERS.length);
  HEADERS.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  let row = 4;
  for (const r of october) {
    // Still open when exported: no 办结时间 and no callback yet (the December copy has them).
    const open = r.closedAt && compareWall(r.closedAt, EXPORT_OCTOBER) >= 0;
    const values = [
      r.id,
      wallToUtcDate(r.acceptedAt),
      r.unit.name,
      r.businessType,
      r.content,
      r.level1,
      r.level2,
      r.level3,
      r.customerId,
      r.phone,
      r.substantiated,
      r.appealResult,
      r.closedAt && !open ? wallToUtcDate(r.closedAt) : null,
      open ? '' : r.satisfaction,
    ];
    values.forEach((v, i) => {
      if (v !== null && v !== '') ws.getCell(row, i + 1).value = v;
    });
    for (const col of [2, 13]) ws.getCell(row, col).numFmt = DATE_FMT;
    row++;
  }
  ws.getCell(row, 1).value = '合计';
  ws.getCell(row, 2).value = `${october.length} 条`;
  writeFileSync(join(OUT, FILES.october), fixZipDates(await wb.xlsx.writeBuffer(), fixed));
}

function csvRow(r) {
  return [
    r.id,
    fmt.slash(r.acceptedAt),
    r.unit.fullName,
    r.businessType,
    r.content,
    r.level1,
    r.level2,
    r.level3,
    r.customerId,
    r.phone,
    r.substantiated,
    r.appealResult === '未申诉' ? '' : r.appealResult,
    r.closedAt && compareWall(r.closedAt, EXPORT_DECEMBER) < 0 ? fmt.slash(r.closedAt) : '',
    r.satisfaction,
  ];
}

/** File 2: October again (revised) with the late arrivals, then November; the reopened copy last. */
function writeReexport() {
  const rows = [...october.map((r) => revised.get(r.id) ?? r), ...late, ...november].sort(byTime);
  const lines = [HEADERS, ...rows.map(csvRow), csvRow(reopenedLater)];
  writeFileSync(join(OUT, FILES.reexport), iconv.encode(toDelimited(lines), 'gb18030'));
  return rows;
}

function writeCorrectionsCsv() {
  const lines = [['工单编号', '一级分类', '二级分类', '是否考核', '说明'], ...CORRECTIONS];
  writeFileSync(join(OUT, FILES.correctionsCsv), iconv.encode(toDelimited(lines), 'gb18030'));
}

async function writeCorrectionsXlsx() {
  const fixed = wallToUtcDate(wall(2016, 11, 9, 17, 20, 0));
  const wb = newWorkbook(fixed);
  wb.creator = '客户服务中心';
  const ws = wb.addWorksheet('人工更正');
  ws.getCell(1, 1).value = '2016年10月投诉分类及考核人工更正清单';
  ws.mergeCells(1, 1, 1, 5);
  ['工单编号', '一级分类', '二级分类', '是否考核', '说明'].forEach(
    (h, i) => (ws.getCell(2, i + 1).value = h),
  );
  CORRECTIONS.forEach((values, r) =>
    values.forEach((v, i) => {
      // Excel keeps a 14-digit number typed into a cell as a number: so does the analyst's file.
      if (v !== '') ws.getCell(r + 3, i + 1).value = i === 0 ? Number(v) : v;
    }),
  );
  writeFileSync(join(OUT, FILES.correctionsXlsx), fixZipDates(await wb.xlsx.writeBuffer(), fixed));
}

// ---------------------------------------------------------------------------------------------
// Expected figures of October 2016, tallied from the plan.

const LEVEL1_OF = {
  服务态度: '服务投诉',
  服务行为规范: '服务投诉',
  抄表催费: '营业投诉',
  电费电价: '营业投诉',
  业务收费: '营业投诉',
  电能计量: '营业投诉',
};

/** Per unit: complaints and assessed; per first-level class: complaints (October only). */
function tally(rows, corrections = []) {
  const byId = new Map(corrections.map((c) => [c[0], c]));
  const units = {};
  const level1 = {};
  for (const r of rows) {
    if (r.businessType !== '投诉' || fmt.month(r.acceptedAt) !== '2016-10') continue;
    const c = byId.get(r.id);
    const name = r.unit.name;
    units[name] ??= { complaints: 0, assessed: 0 };
    units[name].complaints++;
    const assessed = c && c[3] ? c[3] === '是' : r.appealResult !== '申诉成功';
    if (assessed) units[name].assessed++;
    let l1 = r.level1;
    if (c && (c[1] || c[2]))
      l1 = c[1] || LEVEL1_OF[c[2]] || (c[2] === '抢修质量' ? '停送电投诉' : '');
    level1[l1] = (level1[l1] ?? 0) + 1;
  }
  return { units, level1 };
}

function latestCopies(rows) {
  const latest = new Map();
  for (const r of rows) latest.set(r.id, r);
  return [...latest.values()];
}

mkdirSync(OUT, { recursive: true });
await writeOctober();
const reexported = writeReexport();
writeCorrectionsCsv();
await writeCorrectionsXlsx();

const both = latestCopies([...october, ...reexported, reopenedLater]);
const expected = {
  october: tally(october),
  both: tally(both),
  corrected: tally(both, CORRECTIONS),
  special: Object.fromEntries(Object.entries(special).map(([k, r]) => [k, r.id])),
  late: late.map((r) => r.id),
  reopened: reopened.id,
  corrections: {
    applied: 4,
    class: 2,
    assessed: 2,
    unmatched: ['16102699990001'],
    notComplaint: [special.repair.id],
  },
};
// What the tests rely on: each change moves the counts it should, and nothing else does.
const moved = (k, key) =>
  (expected.both.units[unit(key).name]?.[k] ?? 0) -
  (expected.october.units[unit(key).name]?.[k] ?? 0);
const want = [
  ['complaints', 'shexian', 0], // one transferred out, one late arrival
  ['complaints', 'huizhou', 2], // one transferred in, one late arrival
  ['complaints', 'tunxi', -1], // accepted in November after all
  ['complaints', 'xiuning', -1], // an 意见, not a complaint
  ['complaints', 'shizhi', 0],
  ['assessed', 'shizhi', -1], // appeal approved
];
for (const [k, key, n] of want)
  if (moved(k, key) !== n) throw new Error(`${key} ${k}: moved ${moved(k, key)}, planned ${n}`);
writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
console.log(
  `fixtures/revisions: ${october.length} October work orders, ${reexported.length + 1} rows re-exported`,
);
