#!/usr/bin/env node
// Writes fixtures/workdays/: exports whose complaints were accepted, replied to and closed around
// holidays, for the end-to-end tests of time limits in working days (--reply-limit 1wd,
// --close-limit 4wd). Every work order is planned by hand below with its times, and beside each
// the working days that count (the State Council's notices: 国庆 2016 = 10-01 … 10-07 off, Saturday
// 10-08 and Sunday 10-09 worked; Spring Festival 2017 = 01-27 … 02-02 off, Sunday 01-22 and
// Saturday 02-04 worked). A limit of N working days ends at 24:00 of the N-th working day after
// the day of acceptance (README: "Time limits in working days"). expected.json tallies the
// over-limit counts from the planned flags, and the generator throws if the flags disagree with
// the hours (a hand mistake in the plan).
//
// 1. 95598-2016-10-gb18030.csv: 国庆 2016, a GB18030 CSV with a title row and a 合计 row.
// 2. 95598-2017-01-02.xlsx: Spring Festival 2017, a workbook with title rows.
// 3. 95598-2026-12.csv: December 2026 (UTF-8), whose 4-working-day limits run into 2027, a year
//    the pinned calendar (chinese-days 1.5.7, 2004–2026) does not hold: counted on weekends
//    alone, with a note.
//
// Run with `npm run fixtures` (or node scripts/make-workdays-fixtures.js).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'workdays');

const HEADERS = [
  '工单号',
  '受理时间',
  '责任单位',
  '业务类型',
  '诉求内容',
  '投诉一级分类',
  '投诉二级分类',
  '回复时间',
  '办结时间',
];

/** "2016-09-26 09:12" → [y, mo, d, h, mi]. */
const parts = (t) => t.split(/[- :]/).map(Number);
const hoursBetween = (a, b) => {
  const [y1, m1, d1, h1, i1] = parts(a);
  const [y2, m2, d2, h2, i2] = parts(b);
  return (Date.UTC(y2, m2 - 1, d2, h2, i2) - Date.UTC(y1, m1 - 1, d1, h1, i1)) / 3.6e6;
};

// [id, unit, accepted, replied, closed, class, text, over 1wd (reply), over 4wd (close)]
// The working days that count are in the comment after each row.
// prettier-ignore
const NATIONAL_DAY = [
  // Monday. Reply: 09-27. Close: 09-27, 09-28, 09-29, 09-30.
  ['16092610512001', '国网歙县供电公司', '2016-09-26 09:12', '2016-09-27 10:00', '2016-09-30 16:30', ['服务投诉', '服务态度'], '客户反映营业厅工作人员态度生硬，办理过户手续时不予解释，要求道歉。', false, false],
  // Thursday. Reply: 09-30. Close: 09-30, 10-08, 10-09, 10-10.
  ['16092910512002', '国网歙县供电公司', '2016-09-29 15:40', '2016-09-30 11:05', '2016-10-10 17:20', ['营业投诉', '抄表催费'], '客户反映本月电费比上月高出一倍，怀疑抄表错误，要求核实。', false, false],
  // Friday 23:59. Reply: 10-08 (调休 Saturday). Close: 10-08, 10-09, 10-10, 10-11.
  ['16093010512003', '国网休宁县供电公司', '2016-09-30 23:59', '2016-10-08 09:30', '2016-10-12 10:00', ['停送电投诉', '抢修质量'], '客户反映晚间停电后报修，抢修人员迟迟未到，要求尽快恢复供电。', false, true],
  // 国庆 (Saturday). Reply: 10-08. Close: 10-08, 10-09, 10-10, 10-11.
  ['16100110512004', '国网休宁县供电公司', '2016-10-01 10:20', '2016-10-02 08:00', '2016-10-11 18:00', ['供电质量投诉', '电压质量'], '客户反映家中电压偏低，空调无法启动，要求处理。', false, false],
  // 国庆 (Monday). Reply: 10-08 — replied 10-09, late. Close: 10-08, 10-09, 10-10, 10-11.
  ['16100310512005', '国网歙县供电公司', '2016-10-03 21:05', '2016-10-09 08:30', '2016-10-09 17:00', ['停送电投诉', '停送电信息公告'], '客户反映停电未提前公告，节日期间影响经营，要求说明原因。', true, false],
  // Last day of 国庆. Reply: 10-08. Close: 10-08, 10-09, 10-10, 10-11 — closed 10-13, late.
  ['16100710512006', '国网休宁县供电公司', '2016-10-07 22:30', '2016-10-08 09:00', '2016-10-13 11:00', ['营业投诉', '业扩报装'], '客户反映新装申请资料已交齐，超过承诺时限仍未装表接电。', false, true],
  // 调休 Saturday, a working day, not counted. Reply: 10-09. Close: 10-09 … 10-12.
  ['16100810512007', '国网歙县供电公司', '2016-10-08 08:45', '2016-10-09 16:00', '2016-10-14 09:00', ['电网建设投诉', '施工质量'], '客户反映线路施工后路面未恢复，影响出行，要求整改。', false, true],
  // 调休 Sunday. Reply: 10-10. Close: 10-10, 10-11, 10-12, 10-13.
  ['16100910512008', '国网休宁县供电公司', '2016-10-09 14:10', '2016-10-10 20:00', '2016-10-13 23:59', ['服务投诉', '服务规范'], '客户反映抢修人员未出示工作证件，要求规范服务。', false, false],
  // Monday. Reply: 10-11. Close: 10-11 … 10-14.
  ['16101010512009', '国网歙县供电公司', '2016-10-10 09:00', '2016-10-10 15:00', '2016-10-14 18:00', ['营业投诉', '电费电价'], '客户对执行的电价类别有异议，要求核实。', false, false],
  // Wednesday. Reply: 10-13 — replied 10-14, late. Not closed yet.
  ['16101210512010', '国网休宁县供电公司', '2016-10-12 11:30', '2016-10-14 09:00', null, ['停送电投诉', '停电计划执行'], '客户反映计划停电超时未恢复送电，要求尽快送电。', true, null],
];

// prettier-ignore
const SPRING_FESTIVAL = [
  // Friday. Reply: 01-22 (调休 Sunday). Close: 01-22, 01-23, 01-24, 01-25 — closed 01-26, late.
  ['17012010512011', '国网祁门县供电公司', '2017-01-20 16:00', '2017-01-22 10:00', '2017-01-26 17:00', ['停送电投诉', '抢修质量'], '客户反映低温天气停电后抢修缓慢，家中老人无法取暖。', false, true],
  // Wednesday. Reply: 01-26. Close: 01-26, 02-03, 02-04, 02-06.
  ['17012510512012', '国网黟县供电公司', '2017-01-25 10:30', '2017-01-26 09:00', '2017-02-06 16:00', ['营业投诉', '抄表催费'], '客户反映未收到欠费通知即被停电，要求说明。', false, false],
  // 除夕. Reply: 02-03. Close: 02-03, 02-04, 02-06, 02-07 — closed 02-08, late.
  ['17012710512013', '国网祁门县供电公司', '2017-01-27 09:00', '2017-02-03 11:00', '2017-02-08 10:00', ['供电质量投诉', '频繁停电'], '客户反映春节前后频繁停电，要求彻底处理。', false, true],
  // During the holiday. Reply: 02-03. Close: 02-03, 02-04, 02-06, 02-07.
  ['17013110512014', '国网黟县供电公司', '2017-01-31 20:00', '2017-02-01 10:00', '2017-02-07 22:00', ['服务投诉', '服务态度'], '客户反映拨打抢修电话时工作人员语气不耐烦。', false, false],
  // 调休 Saturday. Reply: 02-06. Close: 02-06 … 02-09 — closed 02-10, late.
  ['17020410512015', '国网祁门县供电公司', '2017-02-04 09:15', '2017-02-06 10:00', '2017-02-10 12:00', ['营业投诉', '业扩报装'], '客户反映增容申请节前受理，至今无人联系。', false, true],
  // Sunday 23:59. Reply: 02-06 — replied 02-07, late. Close: 02-06 … 02-09.
  ['17020510512016', '国网黟县供电公司', '2017-02-05 23:59', '2017-02-07 08:00', '2017-02-09 20:00', ['停送电投诉', '停送电信息公告'], '客户反映停电通知张贴位置不明显，未能提前知晓。', true, false],
];

// Past the calendar: 2027 is counted Monday–Friday (its 元旦 on Friday 01-01 is not known).
// prettier-ignore
const PAST_CALENDAR = [
  // Wednesday. Close: 12-31, 01-01, 01-04, 01-05 (outside).
  ['26123010512017', '国网歙县供电公司', '2026-12-30 10:00', '2026-12-30 15:00', '2027-01-05 10:00', ['营业投诉', '电费电价'], '客户对阶梯电价结算周期有异议，要求解释。', false, false],
  // Tuesday. Close: 12-30, 12-31, 01-01, 01-04 (outside) — closed 01-05, late.
  ['26122910512018', '国网歙县供电公司', '2026-12-29 09:00', '2026-12-29 16:00', '2027-01-05 09:00', ['服务投诉', '服务态度'], '客户反映营业厅排队时间过长，无人引导。', false, true],
  // Tuesday. Close: 12-02 … 12-07 (inside).
  ['26120110512019', '国网休宁县供电公司', '2026-12-01 09:00', '2026-12-01 11:00', '2026-12-03 09:00', ['停送电投诉', '抢修质量'], '客户反映抢修后未清理现场。', false, false],
];

// Work orders of other types: read and left out of timeliness.
// prettier-ignore
const OTHERS = {
  national: [['16100510512900', '国网歙县供电公司', '2016-10-05 08:10', '2016-10-05 09:00', '2016-10-05 12:00', null, '客户报修家中无电，已派抢修。', '故障报修']],
  spring: [['17012810512901', '国网黟县供电公司', '2017-01-28 11:00', '2017-01-28 11:30', '2017-01-28 15:00', null, '客户咨询春节期间营业厅开放时间。', '业务咨询']],
};

const rowOf = (r, type = '投诉') => [
  r[0],
  r[2],
  r[1],
  type,
  r[6],
  r[5]?.[0] ?? '',
  r[5]?.[1] ?? '',
  r[3] ?? '',
  r[4] ?? '',
];

function tally(rows) {
  const counted = (i) => rows.filter((r) => r[i] !== null);
  const over = (i) => rows.filter((r) => r[i] === true).length;
  const overHours = (i, limit) =>
    rows.filter((r) => r[i] !== null && hoursBetween(r[2], r[i]) > limit).length;
  return {
    complaints: rows.length,
    reply: { count: counted(3).length, over1wd: over(7), over24h: overHours(3, 24) },
    close: { count: counted(4).length, over4wd: over(8), over144h: overHours(4, 144) },
  };
}

/** A plan is wrong if a row over N working days is within N × 24 hours: N working days are
 * never shorter than N calendar days after the day of acceptance. */
function check(rows) {
  for (const r of rows) {
    if (r[7] && hoursBetween(r[2], r[3]) <= 24) throw new Error(`${r[0]}: late reply within 24 h`);
    if (r[8] && hoursBetween(r[2], r[4]) <= 96) throw new Error(`${r[0]}: late close within 96 h`);
  }
}

function writeCsv(name, title, rows, others, encoding) {
  const lines = [
    ...title.map((t) => [t]),
    HEADERS,
    ...rows.map((r) => rowOf(r)),
    ...others.map((r) => rowOf(r, r[7])),
    ['合计', rows.length + others.length],
  ];
  const text = toDelimited(lines);
  writeFileSync(join(OUT, name), encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : text);
}

async function writeXlsx(name, title, rows, others, fixed) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '95598业务支持系统';
  wb.created = fixed;
  wb.modified = fixed;
  const ws = wb.addWorksheet('工单明细');
  title.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, HEADERS.length);
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  HEADERS.forEach((h, i) => (ws.getCell(title.length + 1, i + 1).value = h));
  const all = [...rows.map((r) => rowOf(r)), ...others.map((r) => rowOf(r, r[7]))];
  all.forEach((values, n) => {
    values.forEach((v, i) => {
      if (v === '') return;
      const cell = ws.getCell(title.length + 2 + n, i + 1);
      if (i === 1 || i === 7 || i === 8) {
        const [y, mo, d, h, mi] = parts(v);
        cell.value = new Date(Date.UTC(y, mo - 1, d, h, mi));
        cell.numFmt = 'yyyy-mm-dd hh:mm';
      } else cell.value = v;
    });
  });
  writeFileSync(join(OUT, name), fixZipDates(await wb.xlsx.writeBuffer(), fixed));
}

mkdirSync(OUT, { recursive: true });
for (const rows of [NATIONAL_DAY, SPRING_FESTIVAL, PAST_CALENDAR]) check(rows);
writeCsv(
  '95598-2016-10-gb18030.csv',
  ['国网黄山供电公司95598工单明细（受理时间：2016-09-01 至 2016-10-31）'],
  NATIONAL_DAY,
  OTHERS.national,
  'gb18030',
);
await writeXlsx(
  '95598-2017-01-02.xlsx',
  ['国网黄山供电公司95598工单明细', '统计时间：2017-01-01 至 2017-02-28'],
  SPRING_FESTIVAL,
  OTHERS.spring,
  new Date(Date.UTC(2017, 2, 1, 9, 0)),
);
writeCsv('95598-2026-12.csv', [], PAST_CALENDAR, [], 'utf-8');
const expected = {
  '95598-2016-10-gb18030.csv': tally(NATIONAL_DAY),
  '95598-2017-01-02.xlsx': tally(SPRING_FESTIVAL),
  '95598-2026-12.csv': { ...tally(PAST_CALENDAR), outsideCalendar: 2 },
};
writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
console.log(JSON.stringify(expected));
