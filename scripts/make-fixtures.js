#!/usr/bin/env node
// Writes the small, realistic 95598 work-order exports in fixtures/ and fixtures/expected.json,
// the counts this generator knows it wrote (an oracle for the tests, independent of the tool).
//
// Deterministic: one seeded PRNG, fixed dates, fixed workbook and zip timestamps, so every run
// produces byte-identical files. Run with `npm run fixtures`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';
import { LEVEL1_DISCIPLINE, UNITS } from './lib/texts.js';
import {
  addMinutes,
  compareWall,
  createIdFactory,
  createWorkOrderFactory,
  daysInMonth,
  fmt,
  randomTimeInDay,
  wall,
  wallToUtcDate,
} from './lib/workorders.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures');
const SEED = 95598;

const FILES = {
  xlsx: '95598-2016-09-11.xlsx',
  gb18030: '95598-2016-11-12-gb18030.csv',
  pinyin: '95598-2016-08-pinyin.csv',
  utf16: '95598-2016-07-utf16.txt',
};

// When each export was taken (wall clock). Orders closed after that have no closing time.
const EXPORTED = {
  utf16: wall(2016, 8, 2, 9, 12, 40),
  pinyin: wall(2016, 9, 1, 10, 3, 15),
  xlsx: wall(2016, 12, 1, 8, 30, 0),
  gb18030: wall(2017, 1, 3, 9, 0, 0),
};

const rng = createRng(SEED);
const ids = createIdFactory(rng);
const unitByKey = Object.fromEntries(UNITS.map((u) => [u.key, u]));

// A few customers complain again and again (in the files whose customer column the tool maps).
const repeaters = {
  shizhi: [ids.customer(), ids.customer()],
  shexian: [ids.customer()],
  huangshanqu: [ids.customer()],
};

const normUnit = (s) => s.normalize('NFKC').trim();

/** n random acceptance times spread over the given days of a month, sorted. */
function timesInMonth(y, mo, n, firstDay = 1, lastDay = daysInMonth(y, mo)) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(randomTimeInDay(rng, y, mo, rng.int(firstDay, lastDay)));
  return out;
}

const byTime = (a, b) => compareWall(a.acceptedAt, b.acceptedAt);
const zeroSeconds = (t) => (t ? { ...t, s: 0 } : t);

// ---------------------------------------------------------------------------------------------
// 1. The xlsx export, 2016-09 .. 2016-11

function buildXlsxRecords() {
  const make = createWorkOrderFactory(rng, ids, { repeaters, exportTime: EXPORTED.xlsx });
  const rows = [];
  const add = (o) => {
    const r = make(o);
    rows.push(r);
    return r;
  };
  for (const t of timesInMonth(2016, 9, 48)) add({ acceptedAt: t });
  add({ acceptedAt: wall(2016, 9, 30, 23, 58, 12), businessType: '故障报修' });
  add({ acceptedAt: wall(2016, 10, 1, 0, 0, 7), businessType: '投诉', level2: '抢修质量' });
  for (const t of timesInMonth(2016, 10, 52)) add({ acceptedAt: t });
  add({ acceptedAt: wall(2016, 10, 31, 23, 59, 48), businessType: '投诉', level2: '供电可靠性' });
  add({ acceptedAt: wall(2016, 11, 1, 0, 0, 31), businessType: '投诉', level2: '电压质量' });
  for (const t of timesInMonth(2016, 11, 38, 1, 24)) add({ acceptedAt: t });

  // 2016-11-25 .. 2016-11-30: exactly the work orders the later export (file 2) repeats.
  const closeBefore = addMinutes(EXPORTED.xlsx, -60);
  const overlap = [];
  const overlapTypes = ['投诉', '投诉', '投诉', '投诉', '投诉', '投诉', '投诉', '投诉', '投诉'];
  overlapTypes.push('投诉', '投诉', '故障报修', '业务咨询', '故障报修');
  for (const [i, businessType] of overlapTypes.entries()) {
    const t = zeroSeconds(randomTimeInDay(rng, 2016, 11, 25 + (i % 6)));
    overlap.push(add({ acceptedAt: t, businessType, closeBefore, useRepeaters: i > 3 }));
  }
  overlap.push(
    add({
      acceptedAt: wall(2016, 11, 30, 23, 59, 0),
      businessType: '投诉',
      level2: '停电计划执行',
      closeBefore,
    }),
  );
  for (const r of overlap) r.closedAt = zeroSeconds(r.closedAt);
  // The first three overlapping complaints had no appeal yet when file 1 was exported.
  const changed = overlap.filter((r) => r.businessType === '投诉').slice(0, 3);
  const later = ['申诉成功', '申诉成功', '申诉失败'];
  changed.forEach((r, i) => {
    r.substantiated = i < 2 ? '不属实' : '部分属实';
    r.appealResult = '未申诉';
    r.laterAppealResult = later[i];
  });
  rows.sort(byTime);
  return { rows, overlap };
}

async function writeXlsx(rows, overlap) {
  const headers = [
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
    '处理时长（小时）',
    '回访满意度',
    '处理部门',
  ];
  const widths = [18, 20, 28, 10, 60, 14, 16, 18, 13, 15, 10, 10, 20, 10, 10, 18];
  const DATE_FMT = 'yyyy-mm-dd hh:mm:ss';
  const fixed = wallToUtcDate(EXPORTED.xlsx);

  const wb = new ExcelJS.Workbook();
  wb.creator = '95598业务支持系统';
  wb.lastModifiedBy = '95598业务支持系统';
  wb.created = fixed;
  wb.modified = fixed;
  const ws = wb.addWorksheet('工单明细', { views: [{ state: 'frozen', ySplit: 4 }] });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  ws.getCell(1, 1).value = '国网黄山供电公司95598工单明细';
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 26;
  ws.getCell(2, 1).value =
    '导出时间：2016-12-01 08:30:00    导出人：王**    查询条件：受理时间 2016-09-01 至 2016-11-30，业务类型：全部';
  ws.mergeCells(2, 1, 2, headers.length);
  // row 3 stays empty
  const headerRowNo = 4;
  headers.forEach((h, i) => {
    const c = ws.getCell(headerRowNo, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: headerRowNo, column: 1 }, to: { row: headerRowNo, column: 16 } };

  // Written unit names: the city unit in three spellings, 歙县 sometimes with a trailing space.
  let shizhiSeen = 0;
  let shexianSeen = 0;
  const overlapIds = new Set(overlap.map((r) => r.id));
  const writtenUnit = (r) => {
    if (r.unit.key === 'shizhi' && !overlapIds.has(r.id)) {
      shizhiSeen++;
      if (shizhiSeen % 7 === 3) return '国网黄山供电公司(市直)';
      if (shizhiSeen % 9 === 5) return '国网黄山供电公司（市直） ';
    }
    if (r.unit.key === 'shexian' && !overlapIds.has(r.id)) {
      shexianSeen++;
      if (shexianSeen % 8 === 4) return '国网歙县供电公司 ';
    }
    return r.unit.name;
  };

  const info = {
    headerRow: headerRowNo,
    blankRows: [],
    totalRows: [],
    richTextRows: [],
    formulaCells: [],
    blankCategoryRows: [],
    boundaryRows: [],
    rowOf: new Map(),
  };
  let rowNo = headerRowNo + 1;
  let complaintNo = 0;
  let prevMonth = null;
  for (const r of rows) {
    const month = fmt.month(r.acceptedAt);
    if (prevMonth === '2016-09' && month === '2016-10') {
      info.blankRows.push(rowNo); // an empty row left between September and October
      rowNo++;
    }
    prevMonth = month;
    r.writtenUnit = writtenUnit(r);
    const isComplaint = r.businessType === '投诉';
    const inOverlap = overlapIds.has(r.id);
    if (isComplaint) complaintNo++;
    r.level1Written = r.level1;
    r.level2Written = r.level2;
    if (isComplaint && !inOverlap && complaintNo % 12 === 7) {
      // classification left empty by the agent: the tool must classify from the text
      r.level1Written = '';
      r.level2Written = '';
      r.level3Written = '';
      info.blankCategoryRows.push(rowNo);
    }
    const values = [
      r.id,
      wallToUtcDate(r.acceptedAt),
      r.writtenUnit,
      r.businessType,
      r.content,
      r.level1Written,
      r.level2Written,
      r.level3Written ?? r.level3,
      r.customerId,
      r.phone,
      r.substantiated,
      r.appealResult,
      r.closedAt ? wallToUtcDate(r.closedAt) : null,
      null,
      r.satisfaction,
      r.department,
    ];
    values.forEach((v, i) => {
      if (v !== null && v !== '') ws.getCell(rowNo, i + 1).value = v;
    });
    ws.getCell(rowNo, 2).numFmt = DATE_FMT;
    ws.getCell(rowNo, 13).numFmt = DATE_FMT;
    if (r.closedAt) {
      const hours =
        (wallToUtcDate(r.closedAt).getTime() - wallToUtcDate(r.acceptedAt).getTime()) / 3600000;
      ws.getCell(rowNo, 14).value = {
        formula: `ROUND((M${rowNo}-B${rowNo})*24,1)`,
        result: Math.round(hours * 10) / 10,
      };
      info.formulaCells.push(`N${rowNo}`);
    }
    if (isComplaint && !inOverlap && [4, 20, 41, 66].includes(complaintNo)) {
      // a few contents were highlighted by the agent: rich text in the cell
      const cut = r.content.indexOf('，') + 1;
      ws.getCell(rowNo, 5).value = {
        richText:
          complaintNo % 2 === 0
            ? [
                { font: { bold: true, color: { argb: 'FFFF0000' } }, text: '【重要】' },
                { text: r.content },
              ]
            : [
                { font: { bold: true }, text: r.content.slice(0, cut) },
                { text: r.content.slice(cut) },
              ],
      };
      if (complaintNo % 2 === 0) r.content = '【重要】' + r.content;
      info.richTextRows.push(rowNo);
    }
    const atBoundary =
      (r.acceptedAt.d === 1 && r.acceptedAt.h === 0) ||
      (r.acceptedAt.d === daysInMonth(r.acceptedAt.y, r.acceptedAt.mo) && r.acceptedAt.h === 23);
    if (atBoundary) info.boundaryRows.push({ row: rowNo, acceptedAt: fmt.iso(r.acceptedAt) });
    info.rowOf.set(r.id, rowNo);
    rowNo++;
  }
  const lastDataRow = rowNo - 1;
  ws.getCell(rowNo, 1).value = '合计';
  ws.getCell(rowNo, 2).value = {
    formula: `COUNTA(A${headerRowNo + 1}:A${lastDataRow})`,
    result: rows.length,
  };
  ws.getRow(rowNo).font = { bold: true };
  info.totalRows.push(rowNo);
  info.formulaCells.push(`B${rowNo}`);
  info.firstDataRow = headerRowNo + 1;
  info.lastDataRow = lastDataRow;
  info.headers = headers;

  const buf = fixZipDates(await wb.xlsx.writeBuffer(), fixed);
  writeFileSync(join(OUT, FILES.xlsx), buf);
  return info;
}

// ---------------------------------------------------------------------------------------------
// 2. GB18030 CSV, 2016-11 .. 2016-12, the later export overlapping file 1

function buildGbRecords(overlap) {
  const make = createWorkOrderFactory(rng, ids, { repeaters, exportTime: EXPORTED.gb18030 });
  const rows = overlap.map((r) => {
    const copy = { ...r, fromFile1: true };
    if (r.laterAppealResult) copy.appealResult = r.laterAppealResult;
    delete copy.laterAppealResult;
    return copy;
  });
  const fresh = [];
  fresh.push(
    make({ acceptedAt: wall(2016, 12, 1, 0, 0, 0), businessType: '投诉', level2: '抢修质量' }),
  );
  for (const t of timesInMonth(2016, 12, 68)) fresh.push(make({ acceptedAt: t }));
  fresh.push(
    make({ acceptedAt: wall(2016, 12, 31, 23, 59, 0), businessType: '投诉', level2: '供电可靠性' }),
  );
  for (const r of fresh) {
    // this export shows minutes only: the truth is what the file shows
    r.acceptedAt = zeroSeconds(r.acceptedAt);
    r.closedAt = zeroSeconds(r.closedAt);
  }
  rows.push(...fresh);
  rows.sort(byTime);
  return rows;
}

const GB_ALIASES_L1 = { 停送电投诉: '停送电类投诉' };
const GB_ALIASES_L2 = { 电费电价: '电价电费', 服务态度: '员工服务态度' };

function writeGbCsv(rows) {
  const headers = [
    '国网工单编号',
    '受理日期',
    '所属单位',
    '业务类别',
    '诉求内容',
    '投诉一级分类',
    '投诉二级分类',
    '投诉三级分类',
    '户号',
    '来电号码',
    '核实结果',
    '申诉状态',
    '归档时间',
    '满意度',
    '承办部门',
  ];
  // Special contents on fresh December complaints.
  const freshComplaints = rows.filter((r) => !r.fromFile1 && r.businessType === '投诉');
  const special = { comma: [], newline: [], quote: [] };
  const addTo = (r, kind, text) => {
    r.content += text;
    special[kind].push(r.id);
  };
  addTo(freshComplaints[3], 'comma', '客户留了两个联系电话：0559-2516688,13955901234，要求回电。');
  addTo(freshComplaints[11], 'comma', '客户提供近三个月电量：126,131,402千瓦时。');
  addTo(freshComplaints[17], 'newline', '\n补充：客户要求工作日白天回电。');
  addTo(freshComplaints[24], 'quote', '客户原话为"再不处理就向上级反映"。');

  const table = [headers];
  const meta = [{ kind: 'header' }];
  let written = 0;
  for (const r of rows) {
    if (written === 40) {
      table.push(headers.map(() => '')); // an empty row, as Excel writes it: only commas
      meta.push({ kind: 'blank' });
    }
    r.writtenUnit = r.unit.key === 'shizhi' ? '国网黄山供电公司(市直)' : r.unit.name;
    r.level1Written = r.fromFile1 ? r.level1 : (GB_ALIASES_L1[r.level1] ?? r.level1);
    r.level2Written = r.fromFile1 ? r.level2 : (GB_ALIASES_L2[r.level2] ?? r.level2);
    table.push([
      r.id,
      fmt.slash(r.acceptedAt),
      r.writtenUnit,
      r.businessType,
      r.content,
      r.level1Written,
      r.level2Written,
      r.level3,
      r.customerId,
      r.phone,
      r.substantiated,
      r.appealResult,
      r.closedAt ? fmt.slash(r.closedAt) : '',
      r.satisfaction,
      r.department,
    ]);
    meta.push({ kind: 'data', record: r });
    written++;
  }
  table.push(['合计', String(rows.length), ...headers.slice(2).map(() => '')]);
  meta.push({ kind: 'total' });

  const info = csvLineInfo(table, meta);
  info.special = Object.fromEntries(
    Object.entries(special).map(([k, list]) => [k, list.map((id) => info.lineOf.get(id))]),
  );
  info.headers = headers;
  const text = toDelimited(table, { delimiter: ',', eol: '\r\n' });
  writeFileSync(join(OUT, FILES.gb18030), iconv.encode(text, 'gb18030'));
  return info;
}

/** Physical (1-based) line numbers of each CSV record, counting embedded newlines. */
function csvLineInfo(table, meta) {
  const info = { blankRows: [], totalRows: [], lineOf: new Map(), multiline: [], boundaryRows: [] };
  let line = 1;
  table.forEach((cells, i) => {
    const extra = cells.reduce((n, c) => n + (String(c ?? '').match(/\n/g) || []).length, 0);
    const m = meta[i];
    if (m.kind === 'header') info.headerRow = line;
    if (m.kind === 'blank') info.blankRows.push(line);
    if (m.kind === 'total') info.totalRows.push(line);
    if (m.kind === 'data') {
      const r = m.record;
      info.lineOf.set(r.id, line);
      if (info.firstDataRow === undefined) info.firstDataRow = line;
      info.lastDataRow = line;
      if (extra) info.multiline.push({ line, endLine: line + extra });
      const t = r.acceptedAt;
      if ((t.d === 1 && t.h === 0) || (t.d === daysInMonth(t.y, t.mo) && t.h === 23)) {
        info.boundaryRows.push({ row: line, acceptedAt: fmt.iso(t) });
      }
    }
    line += 1 + extra;
  });
  return info;
}

// ---------------------------------------------------------------------------------------------
// 3. UTF-8 CSV with BOM and pinyin headers, 2016-08

function buildPinyinRecords() {
  const make = createWorkOrderFactory(rng, ids, { exportTime: EXPORTED.pinyin });
  const rows = [];
  const opts = { useRepeaters: false };
  rows.push(
    make({
      ...opts,
      acceptedAt: wall(2016, 8, 1, 0, 10, 0),
      businessType: '投诉',
      level2: '电压质量',
    }),
  );
  for (const t of timesInMonth(2016, 8, 44)) rows.push(make({ ...opts, acceptedAt: t }));
  rows.push(
    make({
      ...opts,
      acceptedAt: wall(2016, 8, 31, 23, 55, 0),
      businessType: '投诉',
      level2: '抢修质量',
    }),
  );
  rows.sort(byTime);
  for (const r of rows) {
    // this export carries no verification or appeal columns
    r.substantiated = '';
    r.appealResult = '';
  }
  return rows;
}

function writePinyinCsv(rows) {
  const headers = ['gdbh', 'slsj', 'gddw', 'ywlx', 'slnr', 'yjfl', 'ejfl', 'sjfl', 'khbh', 'lxdh'];
  const table = [headers];
  const meta = [{ kind: 'header' }];
  const compactLines = [];
  let complaintNo = 0;
  rows.forEach((r, i) => {
    const boundary = r.acceptedAt.h === 0 || r.acceptedAt.h === 23;
    const compact = i % 3 === 2 && !boundary;
    if (compact) r.dateOnly = true;
    r.writtenUnit = r.unit.name;
    let type = r.businessType;
    if (type === '投诉' && ++complaintNo === 5) type = '投诉 '; // stray trailing space
    r.level1Written = r.level1;
    r.level2Written = r.level2;
    table.push([
      r.id,
      compact ? fmt.compact(r.acceptedAt) : fmt.iso(r.acceptedAt),
      r.writtenUnit,
      type,
      r.content,
      r.level1,
      r.level2,
      r.level3,
      r.customerId,
      r.phone,
    ]);
    meta.push({ kind: 'data', record: r });
    if (compact) compactLines.push(i + 2);
  });
  const info = csvLineInfo(table, meta);
  info.compactDateLines = compactLines;
  info.headers = headers;
  const text = '\uFEFF' + toDelimited(table, { delimiter: ',', eol: '\r\n' });
  writeFileSync(join(OUT, FILES.pinyin), Buffer.from(text, 'utf8'));
  return info;
}

// ---------------------------------------------------------------------------------------------
// 4. UTF-16 LE, tab separated, system headers, 2016-07

function buildUtf16Records() {
  const make = createWorkOrderFactory(rng, ids, { repeaters, exportTime: EXPORTED.utf16 });
  const rows = [];
  rows.push(
    make({ acceptedAt: wall(2016, 7, 1, 0, 20, 0), businessType: '投诉', level2: '供电可靠性' }),
  );
  for (const t of timesInMonth(2016, 7, 38)) rows.push(make({ acceptedAt: t }));
  rows.push(
    make({ acceptedAt: wall(2016, 7, 31, 23, 40, 0), businessType: '投诉', level2: '抄表催费' }),
  );
  rows.sort(byTime);
  for (const r of rows) {
    r.substantiated = '';
    r.appealResult = '';
  }
  return rows;
}

function writeUtf16(rows) {
  const headers = [
    'APP_NO',
    'ACCEPT_TIME',
    'CITY_ORG_NO',
    'ORG_NAME',
    'BUSI_TYPE',
    'ACCEPT_CONTENT',
    'CUST_NO',
    'CALLING_NO',
  ];
  const table = [headers];
  const meta = [{ kind: 'header' }];
  const cnLines = [];
  rows.forEach((r, i) => {
    const boundary = r.acceptedAt.h === 0 || r.acceptedAt.h === 23;
    const cn = i % 3 === 1 && !boundary;
    if (cn) r.dateOnly = true;
    r.writtenUnit = r.unit.name;
    r.level1Written = null; // no classification columns in this export
    r.level2Written = null;
    table.push([
      r.id,
      cn ? fmt.cn(r.acceptedAt) : fmt.iso(r.acceptedAt),
      '34410',
      r.writtenUnit,
      r.businessType,
      r.content,
      r.customerId,
      r.phone,
    ]);
    meta.push({ kind: 'data', record: r });
    if (cn) cnLines.push(i + 2);
  });
  const info = csvLineInfo(table, meta);
  info.cnDateLines = cnLines;
  info.headers = headers;
  const text = '\uFEFF' + toDelimited(table, { delimiter: '\t', eol: '\r\n' });
  writeFileSync(join(OUT, FILES.utf16), iconv.encode(text, 'utf16le'));
  return info;
}

// ---------------------------------------------------------------------------------------------
// Expected counts

const ALIASES = {
  id: [
    '工单编号',
    '国网工单编号',
    '工单号',
    '申请编号',
    '业务编号',
    'gdbh',
    'ID',
    'APP_NO',
    'order_id',
  ],
  acceptedAt: [
    '受理时间',
    '受理日期',
    '登记时间',
    '创建时间',
    'slsj',
    'HANDLE_TIME',
    'ACCEPT_TIME',
    'accepted_at',
  ],
  unit: [
    '供电单位',
    '工单单位',
    '所属单位',
    '责任单位',
    '管理单位',
    '供电公司',
    'gddw',
    'ORG_NAME',
    'ORG_NO',
    'unit',
  ],
  businessType: [
    '业务类型',
    '业务类别',
    '工单类型',
    '诉求类型',
    'ywlx',
    'BUSI_TYPE',
    'BUSI_TYPE_CODE',
    'business_type',
  ],
  content: ['受理内容', '投诉内容', '诉求内容', '问题描述', 'slnr', 'ACCEPT_CONTENT', 'content'],
  level1: ['一级分类', '投诉一级分类', '业务大类', 'yjfl', 'level1'],
  level2: ['二级分类', '投诉二级分类', '业务小类', 'ejfl', 'level2'],
  level3: ['三级分类', '投诉三级分类', '业务子类', 'sjfl', 'level3'],
  customerId: ['客户编号', '户号', '用户编号', 'khbh', 'CUST_NO', 'customer_id'],
  phone: ['联系电话', '来电号码', '主叫号码', 'lxdh', 'CALLING_NO', 'phone'],
  substantiated: ['是否属实', '核实结果', 'substantiated'],
  appealResult: ['申诉结果', '申诉状态', '是否申诉成功', 'appeal_result'],
  closedAt: ['办结时间', '归档时间', '完成时间', 'closed_at'],
  repliedAt: ['回复时间', '答复时间', '回复客户时间', 'replied_at'],
  satisfaction: ['回访满意度', '满意度', '回访结果', 'satisfaction'],
  department: ['处理部门', '承办部门', 'department'],
  city: ['所属地市', '地市', '地市公司', 'CITY_ORG_NO', 'city'],
  escalated: ['是否越级', '越级', 'escalated'],
  severity: ['投诉等级', '紧急程度', 'severity'],
};

function mapHeaders(headers) {
  const mapping = {};
  const unrecognised = [];
  for (const h of headers) {
    const key = h.normalize('NFKC').trim().toLowerCase();
    const field = Object.keys(ALIASES).find((f) =>
      ALIASES[f].some((a) => a.normalize('NFKC').toLowerCase() === key),
    );
    if (field) mapping[field] = h;
    else unrecognised.push(h);
  }
  return { mapping, unrecognised };
}

const inc = (obj, key, n = 1) => {
  obj[key] = (obj[key] ?? 0) + n;
};
const sortKeys = (obj) =>
  Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const byCountDesc = (obj) =>
  Object.fromEntries(Object.entries(obj).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));

function summarize(rows, { hasCategories = true, hasAppeal = true } = {}) {
  const byBusinessType = {};
  const workOrdersByMonth = {};
  const complaintsByMonth = {};
  const complaintsByUnit = {};
  const complaintsByLevel1 = {};
  const complaintsByLevel2 = {};
  const intendedLevel1 = {};
  const intendedLevel2 = {};
  const discipline = {};
  const units = new Set();
  const spellings = new Set();
  let appealApproved = 0;
  let unsubstantiated = 0;
  let complaints = 0;
  for (const r of rows) {
    const type = r.businessType.trim();
    inc(byBusinessType, type);
    inc(workOrdersByMonth, fmt.month(r.acceptedAt));
    units.add(normUnit(r.writtenUnit ?? r.unit.name));
    spellings.add(r.writtenUnit ?? r.unit.name);
    if (type !== '投诉') continue;
    complaints++;
    inc(complaintsByMonth, fmt.month(r.acceptedAt));
    inc(complaintsByUnit, normUnit(r.unit.name));
    if (hasCategories) {
      inc(complaintsByLevel1, r.level1Written || '(blank)');
      inc(complaintsByLevel2, r.level2Written || '(blank)');
    }
    inc(intendedLevel1, r.level1);
    inc(intendedLevel2, r.level2);
    inc(discipline, LEVEL1_DISCIPLINE[r.level1]);
    if (r.appealResult === '申诉成功') appealApproved++;
    if (r.substantiated === '不属实') unsubstantiated++;
  }
  const months = Object.keys(workOrdersByMonth).sort();
  const excludedByType = { ...byBusinessType };
  delete excludedByType['投诉'];
  return {
    workOrders: rows.length,
    byBusinessType: byCountDesc(byBusinessType),
    complaints,
    excludedByType: byCountDesc(excludedByType),
    appealApproved: hasAppeal ? appealApproved : null,
    unsubstantiated: hasAppeal ? unsubstantiated : null,
    assessed: hasAppeal ? complaints - appealApproved : null,
    minMonth: months[0],
    maxMonth: months[months.length - 1],
    workOrdersByMonth: sortKeys(workOrdersByMonth),
    complaintsByMonth: sortKeys(complaintsByMonth),
    units: [...units].sort(),
    complaintsByUnit: byCountDesc(complaintsByUnit),
    complaintsByLevel1: hasCategories ? byCountDesc(complaintsByLevel1) : null,
    complaintsByLevel2: hasCategories ? byCountDesc(complaintsByLevel2) : null,
    intendedLevel1: byCountDesc(intendedLevel1),
    intendedLevel2: byCountDesc(intendedLevel2),
    intendedDiscipline: byCountDesc(discipline),
    unitSpellings: [...spellings].sort(),
  };
}

function fileEntry(name, base, info, rows, summaryOpts) {
  const { mapping, unrecognised } = mapHeaders(info.headers);
  const s = summarize(rows, summaryOpts);
  return {
    file: name,
    ...base,
    headerRow: info.headerRow,
    headers: info.headers,
    mapping,
    unrecognisedHeaders: unrecognised,
    firstDataRow: info.firstDataRow,
    lastDataRow: info.lastDataRow,
    dataRows: rows.length,
    blankRowsInsideData: info.blankRows.length,
    blankRowNumbers: info.blankRows,
    totalRowsSkipped: info.totalRows.length,
    totalRowNumbers: info.totalRows,
    monthBoundaryRows: info.boundaryRows,
    ...s,
  };
}

function sameRecord(a, b) {
  const fields = ['acceptedAt', 'businessType', 'content', 'level1', 'level2', 'level3'];
  fields.push('customerId', 'phone', 'substantiated', 'appealResult', 'closedAt', 'satisfaction');
  fields.push('department');
  const differing = fields.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
  if (normUnit(a.writtenUnit) !== normUnit(b.writtenUnit)) differing.push('unit');
  return differing;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT, { recursive: true });

  // Records are built in a fixed order (the PRNG is shared), then written.
  const { rows: xlsxRows, overlap } = buildXlsxRecords();
  const gbRows = buildGbRecords(overlap);
  const pinyinRows = buildPinyinRecords();
  const utf16Rows = buildUtf16Records();

  const xlsxInfo = await writeXlsx(xlsxRows, overlap);
  const gbInfo = writeGbCsv(gbRows);
  const pinyinInfo = writePinyinCsv(pinyinRows);
  const utf16Info = writeUtf16(utf16Rows);

  const files = [
    fileEntry(
      FILES.xlsx,
      {
        format: 'xlsx',
        encoding: null,
        sheet: '工单明细',
        delimiter: null,
        exportedAt: fmt.iso(EXPORTED.xlsx),
        titleRows: [1],
        noteRows: [2],
        mergedCells: ['A1:P1', 'A2:P2'],
        dateCells: 'B (受理时间) and M (办结时间): Excel dates, numFmt yyyy-mm-dd hh:mm:ss',
        richTextRows: xlsxInfo.richTextRows,
        formulaCells: xlsxInfo.formulaCells,
        blankCategoryRows: xlsxInfo.blankCategoryRows,
        openOrders: xlsxRows.filter((r) => !r.closedAt).length,
      },
      xlsxInfo,
      xlsxRows,
    ),
    fileEntry(
      FILES.gb18030,
      {
        format: 'csv',
        encoding: 'gb18030',
        bom: false,
        delimiter: ',',
        lineEnding: 'CRLF',
        exportedAt: fmt.iso(EXPORTED.gb18030),
        dateStyle: '2016/11/3 9:05',
        multilineRecords: gbInfo.multiline,
        quotedFieldLines: gbInfo.special,
        openOrders: gbRows.filter((r) => !r.closedAt).length,
      },
      gbInfo,
      gbRows,
    ),
    fileEntry(
      FILES.pinyin,
      {
        format: 'csv',
        encoding: 'utf-8',
        bom: true,
        delimiter: ',',
        lineEnding: 'CRLF',
        exportedAt: fmt.iso(EXPORTED.pinyin),
        dateStyle: '2016-08-15 08:30:00, and 20160815 on the lines in compactDateLines',
        compactDateLines: pinyinInfo.compactDateLines,
        trailingSpaceBusinessTypeLines: [
          pinyinInfo.lineOf.get(pinyinRows.filter((r) => r.businessType === '投诉')[4].id),
        ],
      },
      pinyinInfo,
      pinyinRows,
      { hasAppeal: false },
    ),
    fileEntry(
      FILES.utf16,
      {
        format: 'csv',
        encoding: 'utf-16le',
        bom: true,
        delimiter: '\t',
        lineEnding: 'CRLF',
        exportedAt: fmt.iso(EXPORTED.utf16),
        dateStyle: '2016-07-03 10:22:11, and 2016年7月3日 on the lines in cnDateLines',
        cnDateLines: utf16Info.cnDateLines,
      },
      utf16Info,
      utf16Rows,
      { hasCategories: false, hasAppeal: false },
    ),
  ];

  // Union of the four files, read in export order; a later export replaces an earlier row.
  const ordered = [
    [FILES.utf16, utf16Rows],
    [FILES.pinyin, pinyinRows],
    [FILES.xlsx, xlsxRows],
    [FILES.gb18030, gbRows],
  ];
  const latest = new Map();
  const duplicates = [];
  let raw = 0;
  let rawComplaints = 0;
  for (const [file, rows] of ordered) {
    for (const r of rows) {
      raw++;
      if (r.businessType.trim() === '投诉') rawComplaints++;
      const prev = latest.get(r.id);
      if (prev) {
        const differing = sameRecord(prev.record, r);
        duplicates.push({
          id: r.id,
          files: [prev.file, file],
          rows: [xlsxInfo.rowOf.get(r.id), gbInfo.lineOf.get(r.id)],
          businessType: r.businessType,
          sameContent: differing.length === 0,
          differingFields: differing,
          values: differing.length
            ? Object.fromEntries(differing.map((f) => [f, [prev.record[f], r[f]]]))
            : undefined,
        });
      }
      latest.set(r.id, { file, record: r });
    }
  }
  const unionRows = [...latest.values()].map((v) => v.record);
  const unionSummary = summarize(unionRows, { hasCategories: false });
  delete unionSummary.complaintsByLevel1;
  delete unionSummary.complaintsByLevel2;
  delete unionSummary.unitSpellings;
  const customerCounts = {};
  for (const r of unionRows)
    if (r.businessType.trim() === '投诉') inc(customerCounts, r.customerId);
  const repeatCustomers = Object.entries(customerCounts)
    .filter(([, n]) => n >= 2)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([customerId, complaints]) => ({ customerId, complaints }));

  const expected = {
    generatedBy: 'scripts/make-fixtures.js (seed 95598)',
    notes: [
      'Counts are what the generator wrote, not what the tool computed.',
      'Row numbers are 1-based: Excel rows for xlsx, physical text lines for CSV (a record with an embedded newline spans two lines).',
      'dataRows counts work orders only: not title, note, blank, header or total rows.',
      'units are trimmed and NFKC-normalised, so full-width brackets become half-width.',
      'complaintsByLevel1/2 count the values as written in the file ((blank) = empty cell); intendedLevel1/2 are the categories each text was written for.',
      'appealApproved/unsubstantiated/assessed are null where the file has no such column; in the union those files count as not appealed.',
      'In the union a work order exported twice is taken from the later export (export order: utf16, pinyin, xlsx, gb18030).',
    ],
    files: Object.fromEntries(files.map((f) => [f.file, f])),
    union: {
      files: ordered.map(([f]) => f),
      workOrdersRaw: raw,
      complaintsRaw: rawComplaints,
      duplicateIds: duplicates.length,
      duplicateIdsSameContent: duplicates.filter((d) => d.sameContent).length,
      duplicateIdsDifferingContent: duplicates.filter((d) => !d.sameContent).length,
      duplicateComplaints: duplicates.filter((d) => d.businessType === '投诉').length,
      ...unionSummary,
      complaintsAfterDedup: unionSummary.complaints,
      repeatCustomers,
      duplicates,
    },
  };
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(join(OUT, 'README.md'), readme(expected));

  for (const f of files) {
    console.log(
      `${f.file}: ${f.dataRows} rows, ${f.complaints} complaints, ${f.minMonth}..${f.maxMonth}, header row ${f.headerRow}`,
    );
  }
  console.log(
    `union: ${raw} rows, ${duplicates.length} duplicate ids, ${unionSummary.complaints} complaints after de-duplication`,
  );
}

function readme(expected) {
  const f = expected.files;
  const x = f[FILES.xlsx];
  const g = f[FILES.gb18030];
  const p = f[FILES.pinyin];
  const u = f[FILES.utf16];
  const n = expected.union;
  const counts = (e) =>
    `${e.dataRows} work orders, ${e.complaints} complaints, ${e.minMonth}..${e.maxMonth}`;
  return [
    '# Fixtures',
    '',
    'Synthetic 95598 work-order exports of a city company with six units (Huangshan, 2016),',
    'written by `npm run fixtures` (`scripts/make-fixtures.js`, seeded, byte-for-byte',
    'reproducible). Do not edit by hand. `expected.json` holds what the generator knows it wrote',
    '(rows, skipped rows, business types, complaints per month and unit, categories, duplicates)',
    'for tests to compare against. Row numbers are 1-based (Excel rows, or text lines for CSV).',
    '',
    `## ${FILES.xlsx}`,
    `Excel export, sheet 工单明细: merged title on row 1, export note on row 2, row 3 empty,`,
    `header on row ${x.headerRow} (standard names of DESIGN.md §5), ${counts(x)}. 受理时间/办结时间 are`,
    `Excel dates; an empty row at ${x.blankRowNumbers.join(', ')}, a 合计 row at ${x.totalRowNumbers.join(', ')}, rich text in 受理内容 on rows`,
    `${x.richTextRows.join(', ')}, formulas with cached results in 处理时长（小时） and the total; 市直 spelled with full-width`,
    `and half-width brackets and a trailing space; complaints at 00:00 and 23:59 on month boundaries.`,
    '',
    `## ${FILES.gb18030}`,
    `GB18030 CSV with other header aliases (国网工单编号, 受理日期, 所属单位, 诉求内容, 核实结果, 申诉状态 …),`,
    `dates like 2016/11/3 9:05, ${counts(g)}. Its ${n.duplicateIds} November rows repeat file 1`,
    `(${n.duplicateIdsSameContent} identical, ${n.duplicateIdsDifferingContent} with a later 申诉结果). Quoted fields with commas, a double quote and`,
    `an embedded newline (lines ${g.multilineRecords.map((m) => `${m.line}-${m.endLine}`).join(', ')}); an empty row and a 合计 row; category aliases (电价电费, 停送电类投诉).`,
    '',
    `## ${FILES.pinyin}`,
    `UTF-8 with BOM, pinyin system headers (gdbh, slsj, gddw, ywlx, slnr, yjfl, ejfl, sjfl,`,
    `khbh 客户编号, lxdh 联系电话), ${counts(p)}. Dates as 2016-08-15 08:30:00,`,
    `or 20160815 on every third line; one 业务类型 written with a trailing space. No appeal columns.`,
    '',
    `## ${FILES.utf16}`,
    `UTF-16 LE with BOM, tab separated, English system headers (APP_NO, ACCEPT_TIME, CITY_ORG_NO,`,
    `ORG_NAME, BUSI_TYPE, ACCEPT_CONTENT, CUST_NO, CALLING_NO), ${counts(u)}. Dates as`,
    `2016-07-03 10:22:11, or 2016年7月3日 on every third line. No category or appeal columns:`,
    `complaints must be classified from the text (the intended categories are in expected.json).`,
    '',
    '## All four together',
    `${n.workOrdersRaw} rows, ${n.duplicateIds} duplicate ids, ${n.workOrders} work orders and ${n.complaints} complaints after`,
    `de-duplication, ${n.minMonth}..${n.maxMonth}; ${n.repeatCustomers.length} customers complain more than once.`,
    '',
  ].join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
