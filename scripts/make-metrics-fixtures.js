#!/usr/bin/env node
// Writes fixtures/metrics/: exports whose metric results are known by construction, for an
// end-to-end test of `complaints analyze`, and fixtures/metrics/expected.json with the figures.
//
// Scenario A (annual): a city company with eight units, 2016 against 2015, three overlapping
// exports (xlsx, xlsx, GB18030 CSV) and a targets file in three formats.
// Scenario B (series): another company's monthly complaints, April to December 2016.
//
// The generator first plans the work orders (units, categories, appeals, repeat callers), then
// writes the files, recording every row exactly as written. expected.json is tallied from those
// written rows alone (de-duplicated, later export wins), never from the plan and never by the
// tool; the generator throws if the headline figures do not come out exactly.
//
// Deterministic: one seeded PRNG, fixed times, fixed workbook and zip timestamps, so every run
// gives byte-identical files. Run with `npm run fixtures`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';
import { COMPLAINT_TYPES, LEVEL1_DISCIPLINE, OTHER_TYPES } from './lib/texts.js';
import {
  ANNUAL_UNITS,
  SERIES_COMPANY,
  SERIES_OTHER,
  SERIES_TEXTS,
  SERIES_UNITS,
} from './lib/metrics-data.js';
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
const OUT = join(ROOT, 'fixtures', 'metrics');
const SEED = 20161231;

const FILES = {
  y2015: '95598-2015.xlsx',
  h1: '95598-2016-01-06.xlsx',
  h2: '95598-2016-06-12-gb18030.csv',
  targetsCsv: 'targets-2016.csv',
  targetsXlsx: 'targets-2016.xlsx',
  targetsJson: 'targets-2016.json',
  series: '95598-2016-04-12-series.csv',
};

// When each export was taken (wall clock). File 2 covers acceptance up to CUTOFF2; file 3 starts
// on JUNE1, so the June work orders of file 2 are all exported again in file 3.
const EXPORT1 = wall(2016, 1, 8, 10, 0, 0);
const EXPORT2 = wall(2016, 6, 22, 9, 30, 0);
const CUTOFF2 = wall(2016, 6, 22, 0, 0, 0);
const JUNE1 = wall(2016, 6, 1, 0, 0, 0);
const EXPORT3 = wall(2017, 1, 6, 9, 0, 0);

// ---------------------------------------------------------------------------------------------
// The plan. Per unit: complaints in 2016, of which appeal-approved, annual target, customers,
// complaints in 2015.

const PLAN = {
  shizhi: { complaints: 50, approved: 17, target: 28, customers: 186420, previous: 42 },
  shexian: { complaints: 53, approved: 22, target: 26, customers: 214380, previous: 36 },
  huangshanqu: { complaints: 33, approved: 11, target: 16, customers: 79650, previous: 25 },
  xiuning: { complaints: 29, approved: 10, target: 15, customers: 118270, previous: 22 },
  huizhou: { complaints: 19, approved: 6, target: 8, customers: 63540, previous: 14 },
  qimen: { complaints: 15, approved: 5, target: 9, customers: 84910, previous: 13 },
  tunxi: { complaints: 16, approved: 5, target: 12, customers: 71230, previous: 16 },
  yixian: { complaints: 11, approved: 4, target: 11, customers: 44860, previous: 12 },
};
const MONTHS_2016 = [14, 12, 15, 17, 21, 24, 27, 25, 20, 18, 16, 17];
const MONTHS_2015 = [11, 10, 12, 13, 15, 17, 20, 21, 17, 15, 14, 15];
const DISCIPLINE_2016 = { 运检: 110, 营销: 116 };
const DISCIPLINE_2015 = { 运检: 53, 营销: 127 };
// Unsubstantiated 2016 complaints: among the appeal-approved, and among the others.
const UNSUBSTANTIATED_APPROVED = 14;
const UNSUBSTANTIATED_OTHER = 9;

const BOUNDARY_2016 = [
  wall(2016, 1, 1, 0, 0, 0),
  wall(2016, 4, 30, 23, 59, 59),
  wall(2016, 5, 1, 0, 0, 0),
  wall(2016, 5, 31, 23, 59, 30),
  wall(2016, 6, 1, 0, 0, 20),
];
const BOUNDARY_2015 = [wall(2015, 12, 31, 23, 59, 59)];

// Monthly complaints of the series, April .. December 2016.
const SERIES_MONTHS = [409, 352, 318, 270, 231, 188, 150, 117, 89];

const SATISFACTION = ['非常满意', '满意', '基本满意', '一般', '不满意', '非常不满意', '未回访'];

const rng = createRng(SEED);
const ids = createIdFactory(rng);
const make = createWorkOrderFactory(rng, ids, {});
const unitByKey = Object.fromEntries(ANNUAL_UNITS.map((u) => [u.key, u]));

const zeroSeconds = (t) => (t ? { ...t, s: 0 } : t);
const before = (a, b) => compareWall(a, b) < 0;
const byTime = (a, b) => compareWall(a.acceptedAt, b.acceptedAt);
const hoursBetween = (a, b) => (wallToUtcDate(b).getTime() - wallToUtcDate(a).getTime()) / 3600000;
const normUnit = (s) => s.normalize('NFKC').trim();

function expand(counts) {
  const out = [];
  for (const [value, n] of counts) for (let i = 0; i < n; i++) out.push(value);
  return out;
}

/** Acceptance times for a year: the forced ones plus random ones, `counts[m]` in month m+1. */
function yearTimes(year, counts, forced) {
  const out = [];
  counts.forEach((n, i) => {
    const mo = i + 1;
    const pinned = forced.filter((t) => t.y === year && t.mo === mo);
    for (const t of pinned) out.push({ acceptedAt: t, boundary: true });
    for (let k = pinned.length; k < n; k++) {
      const t = randomTimeInDay(rng, year, mo, rng.int(1, daysInMonth(year, mo)));
      out.push({ acceptedAt: t, boundary: false });
    }
  });
  return out;
}

const TYPES_BY_DISCIPLINE = {
  运检: COMPLAINT_TYPES.filter((t) => LEVEL1_DISCIPLINE[t.level1] === '运检'),
  营销: COMPLAINT_TYPES.filter((t) => LEVEL1_DISCIPLINE[t.level1] === '营销'),
};

/** A complaint work order of the given unit and discipline (texts from texts.js). */
function makeComplaint(acceptedAt, unit, discipline) {
  const type = rng.weighted(TYPES_BY_DISCIPLINE[discipline].map((t) => [t, t.weight]));
  const r = make({ acceptedAt, unit, businessType: '投诉', level2: type.level2 });
  // texts.js tags one construction text with the second-level name; it has no third-level node.
  if (r.level3 === r.level2) r.level3 = '';
  return r;
}

const OTHER_WEIGHTS = Object.entries(OTHER_TYPES).map(([name, spec]) => [name, spec.weight]);

/** A non-complaint work order (repair, consultation, opinion, praise ...). */
function makeOther(acceptedAt, exportAt, unit, businessType) {
  unit ??= rng.weighted(ANNUAL_UNITS.map((u) => [u, PLAN[u.key].customers]));
  businessType ??= rng.weighted(OTHER_WEIGHTS);
  const r = make({ acceptedAt, unit, businessType });
  r.closedAt = zeroSeconds(r.closedAt);
  if (r.closedAt && !before(r.closedAt, exportAt)) r.closedAt = null;
  r.repliedAt = null;
  if (r.closedAt && !['故障报修', '表扬'].includes(businessType)) {
    const reply = zeroSeconds(addMinutes(acceptedAt, rng.int(15, 480)));
    if (compareWall(reply, r.closedAt) <= 0) r.repliedAt = reply;
  }
  if (!r.closedAt) r.satisfaction = '';
  r.substantiated = '';
  r.appealResult = '';
  return r;
}

/**
 * Reply, closing, verification, appeal and satisfaction of a complaint, as known at `exportAt`.
 * Approved or unsubstantiated complaints are always closed (the verdict comes at closing).
 */
function settleComplaint(r, exportAt, { approved, unsubstantiated }) {
  const decided = approved || unsubstantiated;
  let replyMin = null;
  if (rng.next() >= 0.07) {
    replyMin = rng.weighted([
      [rng.int(20, 600), 55],
      [rng.int(601, 1440), 28],
      [rng.int(1441, 4320), 17],
    ]);
  }
  let closeMin = rng.weighted([
    [rng.int(1440, 4320), 40],
    [rng.int(4321, 8640), 45],
    [rng.int(8641, 14400), 15],
  ]);
  if (replyMin !== null && closeMin < replyMin + 30) closeMin = replyMin + rng.int(30, 600);
  if (!decided && rng.next() < 0.05) closeMin = null; // still being handled
  r.repliedAt = replyMin === null ? null : zeroSeconds(addMinutes(r.acceptedAt, replyMin));
  r.closedAt = closeMin === null ? null : zeroSeconds(addMinutes(r.acceptedAt, closeMin));
  if (r.closedAt && !before(r.closedAt, exportAt)) {
    if (decided) {
      const span = Math.floor(hoursBetween(r.acceptedAt, exportAt) * 60);
      r.closedAt = zeroSeconds(addMinutes(r.acceptedAt, Math.floor(span * 0.6)));
      if (r.repliedAt && compareWall(r.repliedAt, r.closedAt) > 0) r.repliedAt = r.closedAt;
    } else r.closedAt = null;
  }
  if (r.repliedAt && !before(r.repliedAt, exportAt)) r.repliedAt = null;

  if (!r.closedAt) {
    r.substantiated = '';
    r.appealResult = '';
    r.satisfaction = '';
    return r;
  }
  if (approved) {
    r.appealResult = '申诉成功';
    r.substantiated = unsubstantiated
      ? '不属实'
      : rng.weighted([
          ['部分属实', 60],
          ['属实', 40],
        ]);
  } else if (unsubstantiated) {
    r.substantiated = '不属实';
    r.appealResult = rng.weighted([
      ['申诉失败', 60],
      ['未申诉', 40],
    ]);
  } else {
    r.substantiated = rng.weighted([
      ['属实', 80],
      ['部分属实', 20],
    ]);
    r.appealResult = rng.weighted([
      ['未申诉', 70],
      ['', 12],
      ['申诉失败', 18],
    ]);
  }
  r.satisfaction = rng.weighted([
    ['非常满意', 14],
    ['满意', 38],
    ['基本满意', 18],
    ['一般', 8],
    ['不满意', 9],
    ['非常不满意', 3],
    ['未回访', 6],
    ['', 4],
  ]);
  return r;
}

/** Where a 2016 work order's final version comes from: file 2 before June, file 3 from June. */
const exportOf2016 = (t) => (before(t, JUNE1) ? EXPORT2 : EXPORT3);

/** Gives a work order another customer number (and phone), keeping its text consistent. */
function setCustomer(r, customerId, phone) {
  if (r.customerId && customerId !== r.customerId) {
    r.content = r.content.split(r.customerId).join(customerId || '');
  }
  r.customerId = customerId;
  r.phone = phone;
}

// ---------------------------------------------------------------------------------------------
// Scenario A: plan the work orders

function planAnnual() {
  // 2016 complaints: times, units, disciplines, appeals, unsubstantiated.
  const slots = yearTimes(2016, MONTHS_2016, BOUNDARY_2016);
  const units = rng.shuffle(expand(ANNUAL_UNITS.map((u) => [u.key, PLAN[u.key].complaints])));
  const disciplines = rng.shuffle(expand(Object.entries(DISCIPLINE_2016)));
  if (units.length !== slots.length || disciplines.length !== slots.length) {
    throw new Error('the 2016 plan does not add up');
  }
  const complaints = slots.map((slot, i) => {
    const r = makeComplaint(slot.acceptedAt, unitByKey[units[i]], disciplines[i]);
    r.boundary = slot.boundary;
    return r;
  });
  const approved = new Set();
  for (const u of ANNUAL_UNITS) {
    const mine = rng.shuffle(complaints.filter((r) => r.unit.key === u.key));
    mine.slice(0, PLAN[u.key].approved).forEach((r) => approved.add(r));
  }
  const unsubstantiated = new Set([
    ...rng.shuffle([...approved]).slice(0, UNSUBSTANTIATED_APPROVED),
    ...rng.shuffle(complaints.filter((r) => !approved.has(r))).slice(0, UNSUBSTANTIATED_OTHER),
  ]);
  for (const r of complaints) {
    settleComplaint(r, exportOf2016(r.acceptedAt), {
      approved: approved.has(r),
      unsubstantiated: unsubstantiated.has(r),
    });
  }
  // Exact limits: the complaint of 2016-05-01 00:00:00 is answered after exactly 24 hours, the
  // one of 2016-01-01 00:00:00 closed after exactly 144 hours (neither is over the limit).
  const at = (t) => complaints.find((r) => compareWall(r.acceptedAt, t) === 0);
  const may1 = at(wall(2016, 5, 1));
  may1.repliedAt = addMinutes(may1.acceptedAt, 24 * 60);
  if (!may1.closedAt || compareWall(may1.closedAt, may1.repliedAt) <= 0) {
    may1.closedAt = addMinutes(may1.acceptedAt, 50 * 60);
  }
  const jan1 = at(wall(2016, 1, 1));
  jan1.repliedAt = addMinutes(jan1.acceptedAt, 5 * 60);
  jan1.closedAt = addMinutes(jan1.acceptedAt, 144 * 60);
  for (const r of [may1, jan1]) {
    if (!r.satisfaction) r.satisfaction = '满意';
    if (!r.substantiated) r.substantiated = '属实';
  }
  // ... and one answered one minute past 24 hours and one closed one minute past 144 hours.
  const sharp = rng.shuffle(complaints.filter((r) => !r.boundary && r.closedAt)).slice(0, 2);
  for (const r of sharp) r.acceptedAt = { ...r.acceptedAt, s: 0 };
  sharp[0].repliedAt = addMinutes(sharp[0].acceptedAt, 24 * 60 + 1);
  if (compareWall(sharp[0].closedAt, sharp[0].repliedAt) < 0)
    sharp[0].closedAt = sharp[0].repliedAt;
  sharp[1].closedAt = addMinutes(sharp[1].acceptedAt, 144 * 60 + 1);
  if (sharp[1].repliedAt && compareWall(sharp[1].repliedAt, sharp[1].closedAt) > 0) {
    sharp[1].repliedAt = sharp[1].closedAt;
  }

  // 2016 non-complaints.
  const others = [];
  for (let mo = 1; mo <= 12; mo++) {
    const n = rng.int(15, 24);
    for (let k = 0; k < n; k++) {
      const t = randomTimeInDay(rng, 2016, mo, rng.int(1, daysInMonth(2016, mo)));
      others.push(makeOther(t, exportOf2016(t)));
    }
  }

  // Two June complaints of file 2 that file 3 re-types as opinions (意见): no longer complaints.
  const retyped = [
    [wall(2016, 6, 8, 15, 12, 41), 'tunxi', '营销'],
    [wall(2016, 6, 14, 10, 3, 5), 'huangshanqu', '运检'],
  ].map(([t, key, discipline]) => {
    const r = makeComplaint(t, unitByKey[key], discipline);
    const asComplaint = { ...r, repliedAt: zeroSeconds(addMinutes(t, rng.int(60, 300))) };
    asComplaint.closedAt = null;
    asComplaint.substantiated = '';
    asComplaint.appealResult = '';
    asComplaint.satisfaction = '';
    const asOpinion = {
      ...asComplaint,
      businessType: '意见',
      level1: '',
      level2: '',
      level3: '',
      closedAt: zeroSeconds(addMinutes(t, rng.int(3, 6) * 1440 + rng.int(0, 600))),
    };
    return { early: asComplaint, final: asOpinion };
  });

  // Repeat callers (final 2016 complaints only).
  const pickOf = (key, filter = () => true) =>
    rng.shuffle(complaints.filter((r) => r.unit.key === key && !r.repeat && filter(r)));
  const newCaller = () => {
    const probe = make({
      acceptedAt: wall(2016, 1, 1),
      unit: ANNUAL_UNITS[0],
      businessType: '建议',
    });
    return { customerId: probe.customerId, phone: probe.phone };
  };
  const assign = (list, caller, role) => {
    for (const r of list) {
      setCustomer(r, caller.customerId, caller.phone);
      r.repeat = role;
    }
  };
  const r1 = newCaller();
  const r1Orders = pickOf('shizhi');
  assign(
    [r1Orders.find((r) => r.acceptedAt.mo === 6 && before(r.acceptedAt, CUTOFF2))].filter(Boolean),
    r1,
    'R1',
  );
  assign(
    pickOf('shizhi').slice(0, 4 - complaints.filter((r) => r.repeat === 'R1').length),
    r1,
    'R1',
  );
  const r2 = newCaller();
  const r2Orders = pickOf('shexian').slice(0, 3);
  assign(r2Orders, r2, 'R2');
  r2Orders[2].phone = newCaller().phone; // the third call came from another phone
  assign(pickOf('huangshanqu').slice(0, 2), newCaller(), 'R3');
  const r4 = newCaller();
  assign(pickOf('xiuning', (r) => before(r.acceptedAt, JUNE1)).slice(0, 1), r4, 'R4');
  assign(pickOf('xiuning', (r) => r.acceptedAt.mo >= 7).slice(0, 1), r4, 'R4');
  const p1 = newCaller();
  assign(pickOf('qimen').slice(0, 2), { customerId: '', phone: p1.phone }, 'P1');
  // Traps: a customer whose second complaint became an opinion; one who also called in 2015.
  const t1 = newCaller();
  assign(pickOf('tunxi').slice(0, 1), t1, 'T1');
  for (const v of [retyped[0].early, retyped[0].final]) setCustomer(v, t1.customerId, t1.phone);
  const t2 = newCaller();
  assign(pickOf('yixian', (r) => r.acceptedAt.mo <= 3).slice(0, 1), t2, 'T2');
  // The repeat customer R1 also reported a fault: not a complaint.
  const fault = makeOther(wall(2016, 8, 17, 20, 41, 9), EXPORT3, unitByKey.shizhi, '故障报修');
  setCustomer(fault, r1.customerId, r1.phone);
  others.push(fault);
  // Callers who gave no customer number (their phones are all different).
  for (const r of rng.shuffle(complaints.filter((c) => !c.repeat)).slice(0, 4)) {
    setCustomer(r, '', r.phone);
  }

  // June work orders in file 2 as they stood at its export (EXPORT2).
  const asOfExport2 = (r) => {
    const c = { ...r };
    if (c.repliedAt && !before(c.repliedAt, EXPORT2)) c.repliedAt = null;
    if (c.closedAt && !before(c.closedAt, EXPORT2)) {
      c.closedAt = null;
      c.satisfaction = '';
      if (c.businessType === '投诉') {
        c.substantiated = '';
        c.appealResult = '';
      }
    }
    return c;
  };
  const inJuneOverlap = (r) => !before(r.acceptedAt, JUNE1) && before(r.acceptedAt, CUTOFF2);
  // Three June complaints were closed before file 2 was exported but appealed successfully only
  // afterwards: 未申诉 in file 2, 申诉成功 in file 3.
  const appealedLater = complaints
    .filter((r) => inJuneOverlap(r) && r.appealResult === '申诉成功')
    .filter((r) => r.closedAt && before(r.closedAt, EXPORT2))
    .sort(byTime)
    .slice(0, 3);
  if (appealedLater.length < 3) throw new Error('seed: too few June appeals to change');
  const early = new Map();
  for (const r of [...complaints, ...others]) {
    if (!inJuneOverlap(r)) continue;
    const c = asOfExport2(r);
    if (appealedLater.includes(r)) c.appealResult = '未申诉';
    early.set(r, c);
  }

  // 2015 complaints and non-complaints.
  const slots15 = yearTimes(2015, MONTHS_2015, BOUNDARY_2015);
  const units15 = rng.shuffle(expand(ANNUAL_UNITS.map((u) => [u.key, PLAN[u.key].previous])));
  const disc15 = rng.shuffle(expand(Object.entries(DISCIPLINE_2015)));
  const complaints15 = slots15.map((slot, i) => {
    const r = makeComplaint(slot.acceptedAt, unitByKey[units15[i]], disc15[i]);
    r.boundary = slot.boundary;
    const approved = rng.next() < 0.32;
    const unsubstantiated = rng.next() < (approved ? 0.25 : 0.06);
    return settleComplaint(r, EXPORT1, { approved, unsubstantiated });
  });
  const t2Earlier = rng
    .shuffle(complaints15.filter((r) => r.unit.key === 'yixian' && r.acceptedAt.mo >= 10))
    .at(0);
  setCustomer(t2Earlier, t2.customerId, t2.phone);
  const others15 = [];
  for (let mo = 1; mo <= 12; mo++) {
    const n = rng.int(12, 18);
    for (let k = 0; k < n; k++) {
      const t = randomTimeInDay(rng, 2015, mo, rng.int(1, daysInMonth(2015, mo)));
      others15.push(makeOther(t, EXPORT1));
    }
  }

  // Rows of each export, in acceptance order.
  const final2016 = [...complaints, ...others, ...retyped.map((x) => x.final)];
  const earlyOf = (r) => early.get(r) ?? retyped.find((x) => x.final === r)?.early ?? r;
  const file1 = [...complaints15, ...others15].sort(byTime);
  const file2 = final2016
    .filter((r) => before(r.acceptedAt, CUTOFF2))
    .map(earlyOf)
    .sort(byTime);
  const file3 = final2016.filter((r) => !before(r.acceptedAt, JUNE1)).sort(byTime);

  // Two rows of file 3 whose acceptance time is not a date: rejects.
  const rejects = [
    { nominal: wall(2016, 9, 30, 16, 5, 0), text: '2016-09-31 16:05:00', type: '投诉' },
    { nominal: wall(2016, 11, 13, 9, 48, 0), text: '2016-13-45', type: '故障报修' },
  ].map(({ nominal, text, type }) => {
    const r =
      type === '投诉'
        ? settleComplaint(makeComplaint(nominal, unitByKey.shexian, '运检'), EXPORT3, {})
        : makeOther(nominal, EXPORT3, unitByKey.xiuning, type);
    r.acceptedText = text;
    return r;
  });
  for (const r of rejects) {
    const at = file3.findIndex((x) => compareWall(x.acceptedAt, r.nominal ?? r.acceptedAt) > 0);
    file3.splice(at, 0, r);
  }

  return { file1, file2, file3, appealedLater };
}

// ---------------------------------------------------------------------------------------------
// Writing. Every writer returns the rows as written: { file, row, id, acceptedAt (wall, or null
// for a reject), acceptedText, unit (as written), type, level1..3, customerId, phone,
// substantiated, appeal, repliedAt, closedAt, satisfaction, content }.

const DATE_FMT = 'yyyy-mm-dd hh:mm:ss';
// The fields the columns of every annual export map to, in column order (序号 aside).
const MAPPED_FIELDS = [
  'id',
  'acceptedAt',
  'unit',
  'businessType',
  'content',
  'level1',
  'level2',
  'level3',
  'customerId',
  'phone',
  'substantiated',
  'appealResult',
  'repliedAt',
  'closedAt',
  'satisfaction',
];
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function writtenRow(file, row, r, unit, extra = {}) {
  return {
    file,
    row,
    id: r.id,
    acceptedAt: r.acceptedText ? null : r.acceptedAt,
    acceptedText: r.acceptedText ?? null,
    unit,
    type: r.businessType,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    customerId: r.customerId,
    phone: r.phone,
    substantiated: r.substantiated,
    appeal: r.appealResult,
    repliedAt: r.repliedAt,
    closedAt: r.closedAt,
    satisfaction: r.satisfaction,
    content: r.content,
    boundary: r.boundary ?? false,
    ...extra,
  };
}

function newWorkbook(fixed) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '95598业务支持系统';
  wb.lastModifiedBy = '95598业务支持系统';
  wb.created = fixed;
  wb.modified = fixed;
  return wb;
}

function headerCells(ws, rowNo, headers) {
  headers.forEach((h, i) => {
    const c = ws.getCell(rowNo, i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

async function saveWorkbook(wb, fixed, name) {
  const buf = fixZipDates(await wb.xlsx.writeBuffer(), fixed);
  writeFileSync(join(OUT, name), buf);
}

/** File 1: all of 2015, title row above the header, one alias set. */
async function writeFile1(rows) {
  const headers = [
    '国网工单编号',
    '受理时间',
    '供电单位',
    '业务类型',
    '受理内容',
    '一级分类',
    '二级分类',
    '三级分类',
    '用户编号',
    '主叫号码',
    '是否属实',
    '申诉状态',
    '回复客户时间',
    '完成时间',
    '满意度',
  ];
  const widths = [18, 20, 28, 10, 60, 14, 16, 18, 13, 15, 10, 10, 20, 20, 10];
  const fixed = wallToUtcDate(EXPORT1);
  const wb = newWorkbook(fixed);
  const ws = wb.addWorksheet('工单明细', { views: [{ state: 'frozen', ySplit: 2 }] });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value =
    '国网黄山供电公司2015年度95598客户服务工单明细（受理时间 2015-01-01 至 2015-12-31）';
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const headerRow = 2;
  headerCells(ws, headerRow, headers);
  const written = [];
  let rowNo = headerRow + 1;
  for (const r of rows) {
    const unit = r.unit.fullName;
    const values = [
      r.id,
      wallToUtcDate(r.acceptedAt),
      unit,
      r.businessType,
      r.content,
      r.level1,
      r.level2,
      r.level3,
      r.customerId,
      r.phone,
      r.substantiated,
      r.appealResult,
      r.repliedAt ? wallToUtcDate(r.repliedAt) : null,
      r.closedAt ? wallToUtcDate(r.closedAt) : null,
      r.satisfaction,
    ];
    values.forEach((v, i) => {
      if (v !== null && v !== '') ws.getCell(rowNo, i + 1).value = v;
    });
    for (const col of [2, 13, 14]) ws.getCell(rowNo, col).numFmt = DATE_FMT;
    written.push(writtenRow(FILES.y2015, rowNo, r, unit));
    rowNo++;
  }
  await saveWorkbook(wb, fixed, FILES.y2015);
  return {
    written,
    info: { headerRow, firstDataRow: headerRow + 1, lastDataRow: rowNo - 1, totalRow: null },
    headers,
  };
}

/** File 2: January .. 21 June 2016, merged title, export note, blank row, header on row 4. */
async function writeFile2(rows) {
  const headers = [
    '序号',
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
    '回复时间',
    '办结时间',
    '回访满意度',
  ];
  const widths = [6, 18, 20, 28, 10, 60, 14, 16, 18, 13, 15, 10, 10, 20, 20, 10];
  const fixed = wallToUtcDate(EXPORT2);
  const wb = newWorkbook(fixed);
  const ws = wb.addWorksheet('工单明细', { views: [{ state: 'frozen', ySplit: 4 }] });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value = '国网黄山供电公司95598工单明细';
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(1).height = 26;
  ws.getCell(2, 1).value =
    '导出时间：2016-06-22 09:30:00    导出人：程**    查询条件：受理时间 2016-01-01 至 2016-06-21，业务类型：全部';
  ws.mergeCells(2, 1, 2, headers.length);
  const headerRow = 4; // row 3 stays empty
  headerCells(ws, headerRow, headers);
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: headers.length },
  };
  const written = [];
  const serialRows = [];
  let rowNo = headerRow + 1;
  rows.forEach((r, i) => {
    // Some acceptance times were pasted in as plain numbers: Excel serials without a date format.
    const asSerial = i % 15 === 7;
    const accepted = asSerial
      ? (wallToUtcDate(r.acceptedAt).getTime() - EXCEL_EPOCH) / 86400000
      : wallToUtcDate(r.acceptedAt);
    const values = [
      i + 1,
      r.id,
      accepted,
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
      r.repliedAt ? wallToUtcDate(r.repliedAt) : null,
      r.closedAt ? wallToUtcDate(r.closedAt) : null,
      r.satisfaction,
    ];
    values.forEach((v, c) => {
      if (v !== null && v !== '') ws.getCell(rowNo, c + 1).value = v;
    });
    if (!asSerial) ws.getCell(rowNo, 3).numFmt = DATE_FMT;
    else serialRows.push(rowNo);
    for (const col of [14, 15]) ws.getCell(rowNo, col).numFmt = DATE_FMT;
    written.push(writtenRow(FILES.h1, rowNo, r, r.unit.name));
    rowNo++;
  });
  const lastDataRow = rowNo - 1;
  ws.getCell(rowNo, 1).value = '合计';
  ws.getCell(rowNo, 2).value = {
    formula: `COUNTA(B${headerRow + 1}:B${lastDataRow})`,
    result: rows.length,
  };
  ws.getRow(rowNo).font = { bold: true };
  await saveWorkbook(wb, fixed, FILES.h1);
  return {
    written,
    info: { headerRow, firstDataRow: headerRow + 1, lastDataRow, totalRow: rowNo, serialRows },
    headers,
  };
}

/** File 3: June .. December 2016, GB18030 CSV with CRLF, other header names, text dates. */
function writeFile3(rows) {
  const headers = [
    '工单号',
    '登记时间',
    '责任单位',
    '工单类型',
    '诉求内容',
    '投诉一级分类',
    '投诉二级分类',
    '投诉三级分类',
    '户号',
    '来电号码',
    '核实结果',
    '是否申诉成功',
    '答复时间',
    '归档时间',
    '回访结果',
  ];
  const slash = (t) => {
    if (!t) return '';
    if (t.s !== 0) throw new Error('a minute-precision column would lose seconds');
    return fmt.slash(t);
  };
  const table = [headers];
  const written = [];
  let shexianSeen = 0;
  for (const r of rows) {
    let unit = r.unit.name;
    if (r.unit.key === 'shexian' && ++shexianSeen % 9 === 4) unit += ' '; // stray trailing space
    const line = table.length + 1;
    table.push([
      r.id,
      r.acceptedText ?? fmt.iso(r.acceptedAt),
      unit,
      r.businessType,
      r.content,
      r.level1,
      r.level2,
      r.level3,
      r.customerId,
      r.phone,
      r.substantiated,
      r.appealResult,
      slash(r.repliedAt),
      slash(r.closedAt),
      r.satisfaction,
    ]);
    written.push(writtenRow(FILES.h2, line, r, unit));
  }
  for (const cells of table) {
    for (const c of cells) if (/[\r\n]/.test(String(c ?? ''))) throw new Error('multi-line cell');
  }
  const text = toDelimited(table, { delimiter: ',', eol: '\r\n' });
  writeFileSync(join(OUT, FILES.h2), iconv.encode(text, 'gb18030'));
  return {
    written,
    info: { headerRow: 1, firstDataRow: 2, lastDataRow: table.length, totalRow: null },
    headers,
  };
}

/** Targets as CSV (UTF-8 with BOM), xlsx (title row) and JSON, names with full-width brackets. */
async function writeTargets() {
  const rows = ANNUAL_UNITS.map((u) => [u.fullName, PLAN[u.key].target, PLAN[u.key].customers]);
  const headers = ['供电单位', '年度指标', '户数'];
  const csv = '\uFEFF' + toDelimited([headers, ...rows], { delimiter: ',', eol: '\r\n' });
  writeFileSync(join(OUT, FILES.targetsCsv), Buffer.from(csv, 'utf8'));

  const fixed = wallToUtcDate(wall(2016, 1, 15, 9, 0, 0));
  const wb = newWorkbook(fixed);
  wb.creator = '营销部';
  wb.lastModifiedBy = '营销部';
  const ws = wb.addWorksheet('指标分解');
  [30, 12, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value = '2016年度95598投诉指标分解表';
  ws.mergeCells(1, 1, 1, 3);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  headerCells(ws, 2, headers);
  rows.forEach((row, i) => row.forEach((v, c) => (ws.getCell(3 + i, c + 1).value = v)));
  await saveWorkbook(wb, fixed, FILES.targetsXlsx);

  const json = rows.map(([unit, target, customers]) => ({ unit, target, customers }));
  writeFileSync(join(OUT, FILES.targetsJson), JSON.stringify(json, null, 2) + '\n');
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Scenario B: the monthly series

function writeSeries() {
  const units = SERIES_UNITS.map(([name, weight]) => [name, weight]);
  const rows = [];
  SERIES_MONTHS.forEach((n, i) => {
    const mo = 4 + i;
    const others = Math.round(n * 0.12) + rng.int(0, 6);
    const kinds = rng.shuffle([...Array(n).fill(null), ...Array(others).fill('other')]);
    for (const kind of kinds) {
      const t = randomTimeInDay(rng, 2016, mo, rng.int(1, daysInMonth(2016, mo)));
      const unit = rng.weighted(units);
      if (kind === null) {
        const type = rng.weighted(COMPLAINT_TYPES.map((c) => [c, c.weight]));
        const content = rng.pick(SERIES_TEXTS[type.level2]);
        rows.push({ t, unit, type: '投诉', content, level1: type.level1, level2: type.level2 });
      } else {
        const [type, , texts] = rng.weighted(SERIES_OTHER.map((o) => [o, o[1]]));
        rows.push({ t, unit, type, content: rng.pick(texts), level1: '', level2: '' });
      }
    }
  });
  rows.sort((a, b) => compareWall(a.t, b.t));
  const headers = [
    '工单编号',
    '受理时间',
    '供电单位',
    '业务类型',
    '受理内容',
    '一级分类',
    '二级分类',
  ];
  const table = [headers];
  for (const r of rows) {
    r.id = ids.workOrder(r.t);
    table.push([r.id, fmt.iso(r.t), r.unit, r.type, r.content, r.level1, r.level2]);
  }
  const text = toDelimited(table, { delimiter: ',', eol: '\n' });
  writeFileSync(join(OUT, FILES.series), Buffer.from(text, 'utf8'));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The independent tally over the rows as written

const inc = (obj, key, n = 1) => {
  obj[key] = (obj[key] ?? 0) + n;
};
const monthOf = (t) => fmt.month(t);
const isApproved = (w) => w.appeal === '申诉成功';
const isUnsubstantiated = (w) => w.substantiated === '不属实';
const appealKey = (v) => (v === '申诉成功' ? 'approved' : v === '申诉失败' ? 'rejected' : 'none');
const timeKey = (t) => (t ? fmt.iso(t) : '');

/** Whether two copies of a work order differ once normalised as the tool normalises them. */
function differs(a, b) {
  const keys = [
    (w) => timeKey(w.acceptedAt),
    (w) => timeKey(w.repliedAt),
    (w) => timeKey(w.closedAt),
    (w) => w.content,
    (w) => normUnit(w.unit),
    (w) => w.type,
    (w) => w.level1,
    (w) => w.level2,
    (w) => w.level3,
    (w) => w.customerId,
    (w) => w.phone,
    (w) => w.substantiated,
    (w) => appealKey(w.appeal),
    (w) => w.satisfaction,
  ];
  return keys.some((k) => k(a) !== k(b));
}

function dedup(inputs) {
  const final = new Map();
  const perFile = {};
  const rejects = [];
  let duplicates = 0;
  let duplicatesDiffering = 0;
  for (const { file, written } of inputs) {
    const stats = { rows: written.length, complaints: 0, duplicates: 0, duplicatesDiffering: 0 };
    stats.rejected = 0;
    for (const w of written) {
      if (w.acceptedAt === null) {
        stats.rejected++;
        rejects.push({
          file,
          row: w.row,
          value: w.acceptedText,
          reason: `登记时间 '${w.acceptedText}' is not a date`,
        });
        continue;
      }
      if (w.type === '投诉') stats.complaints++;
      const seen = final.get(w.id);
      if (seen) {
        stats.duplicates++;
        duplicates++;
        if (differs(seen, w)) {
          stats.duplicatesDiffering++;
          duplicatesDiffering++;
        }
      }
      final.set(w.id, w);
    }
    perFile[file] = stats;
  }
  return { final: [...final.values()], perFile, rejects, duplicates, duplicatesDiffering };
}

function tallyAnnual(inputs, targets) {
  const { final, perFile, rejects, duplicates, duplicatesDiffering } = dedup(inputs);
  const of = (year) => final.filter((w) => w.acceptedAt.y === year);
  const rows16 = of(2016);
  const rows15 = of(2015);
  if (final.some((w) => w.acceptedAt.y > 2016)) throw new Error('a row is dated after 2016');
  const c16 = rows16.filter((w) => w.type === '投诉');
  const c15 = rows15.filter((w) => w.type === '投诉');
  const excludedByType = {};
  for (const w of rows16) if (w.type !== '投诉') inc(excludedByType, w.type);
  const excludedByType2015 = {};
  for (const w of rows15) if (w.type !== '投诉') inc(excludedByType2015, w.type);
  const excludedAll = {};
  for (const w of final) if (w.type !== '投诉') inc(excludedAll, w.type);

  const counts = (list) => {
    const approved = list.filter(isApproved).length;
    const unsubstantiated = list.filter(isUnsubstantiated).length;
    const either = list.filter((w) => isApproved(w) || isUnsubstantiated(w)).length;
    return {
      complaints: list.length,
      appealApproved: approved,
      unsubstantiated,
      unsubstantiatedAndApproved: list.filter((w) => isApproved(w) && isUnsubstantiated(w)).length,
      assessed: list.length - approved,
      assessedExcludingUnsubstantiated: list.length - either,
    };
  };

  const targetByUnit = new Map(
    targets.map(([u, target, customers]) => [normUnit(u), { target, customers }]),
  );
  const unitNames = [...new Set(c16.map((w) => normUnit(w.unit)))];
  const units = unitNames.map((unit) => {
    const mine = counts(c16.filter((w) => normUnit(w.unit) === unit));
    const previous = c15.filter((w) => normUnit(w.unit) === unit).length;
    const t = targetByUnit.get(unit);
    return {
      unit,
      ...mine,
      target: t.target,
      customers: t.customers,
      overTargetRate: (mine.assessed - t.target) / t.target,
      overTargetRateExcludingUnsubstantiated:
        (mine.assessedExcludingUnsubstantiated - t.target) / t.target,
      share: mine.complaints / c16.length,
      ratePer10k: (mine.complaints / t.customers) * 10000,
      previous,
      yoy: previous ? (mine.complaints - previous) / previous : null,
    };
  });
  units.sort(
    (a, b) =>
      b.assessed - a.assessed ||
      b.complaints - a.complaints ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
  units.forEach((u, i) => (u.rank = i + 1));

  const totals = counts(c16);
  const target = targets.reduce((s, [, t]) => s + t, 0);
  Object.assign(totals, {
    workOrders: rows16.length,
    target,
    overTargetRate: (totals.assessed - target) / target,
    overTargetRateExcludingUnsubstantiated:
      (totals.assessedExcludingUnsubstantiated - target) / target,
    previous: c15.length,
    yoy: (c16.length - c15.length) / c15.length,
    duplicates,
    duplicatesDiffering,
    rejected: rejects.length,
    excludedByType,
  });

  const monthRows = (list, year) =>
    Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const mine = list.filter((w) => monthOf(w.acceptedAt) === month);
      const c = counts(mine);
      return {
        month,
        complaints: c.complaints,
        assessed: c.assessed,
        assessedExcludingUnsubstantiated: c.assessedExcludingUnsubstantiated,
      };
    });
  const months = monthRows(c16, 2016);
  const monthsPrevious = monthRows(c15, 2015);
  // Each unit's months, for the month and year-to-date views (report --month, --quarter).
  const unitMonths = units.map(({ unit }) => {
    const mine = (w) => normUnit(w.unit) === unit;
    const m16 = monthRows(c16.filter(mine), 2016);
    const m15 = monthRows(c15.filter(mine), 2015);
    return {
      unit,
      complaints: m16.map((m) => m.complaints),
      assessed: m16.map((m) => m.assessed),
      complaints2015: m15.map((m) => m.complaints),
      assessed2015: m15.map((m) => m.assessed),
    };
  });
  const reductions = months
    .slice(1)
    .map((m, i) => -(m.complaints - months[i].complaints) / months[i].complaints);
  const trend = {
    avgMonthlyReduction: {
      arithmetic: reductions.reduce((s, x) => s + x, 0) / reductions.length,
      compound: 1 - Math.pow(months[11].complaints / months[0].complaints, 1 / 11),
    },
  };
  months.forEach((m, i) => {
    const prev = i === 0 ? monthsPrevious[11].complaints : months[i - 1].complaints;
    m.mom = prev ? (m.complaints - prev) / prev : null;
    m.momWithinPeriod = i === 0 ? null : m.mom;
    m.previous = monthsPrevious[i].complaints;
    m.yoy = m.previous ? (m.complaints - m.previous) / m.previous : null;
  });

  const level1Names = [...new Set(COMPLAINT_TYPES.map((t) => t.level1))];
  const level1 = level1Names.map((name) => {
    const complaints = c16.filter((w) => w.level1 === name).length;
    const previous = c15.filter((w) => w.level1 === name).length;
    return {
      name,
      discipline: LEVEL1_DISCIPLINE[name],
      complaints,
      previous,
      yoy: previous ? (complaints - previous) / previous : null,
    };
  });
  const level2 = COMPLAINT_TYPES.map(({ level1: parent, level2: name }) => {
    const complaints = c16.filter((w) => w.level2 === name && w.level1 === parent).length;
    const previous = c15.filter((w) => w.level2 === name && w.level1 === parent).length;
    return { name, parent, complaints, previous };
  });
  const discipline = ['运检', '营销'].map((name) => {
    const complaints = c16.filter((w) => LEVEL1_DISCIPLINE[w.level1] === name).length;
    const previous = c15.filter((w) => LEVEL1_DISCIPLINE[w.level1] === name).length;
    return { name, complaints, previous, yoy: (complaints - previous) / previous };
  });
  const unclassified = c16.filter((w) => !LEVEL1_DISCIPLINE[w.level1]).length;

  const boundary = final
    .filter((w) => w.boundary)
    .map((w) => ({
      id: w.id,
      acceptedAt: fmt.iso(w.acceptedAt),
      month: monthOf(w.acceptedAt),
      file: w.file,
      row: w.row,
      unit: normUnit(w.unit),
      type: w.type,
    }))
    .sort((a, b) => (a.acceptedAt < b.acceptedAt ? -1 : 1));

  const repeats = (key) => {
    const n = {};
    for (const w of c16) if (w[key]) inc(n, w[key]);
    return Object.entries(n)
      .filter(([, count]) => count >= 2)
      .map(([value, count]) => ({ [key]: value, complaints: count }))
      .sort((a, b) => b.complaints - a.complaints || (a[key] < b[key] ? -1 : 1));
  };

  const durations = (field, limit) => {
    const hours = c16.filter((w) => w[field]).map((w) => hoursBetween(w.acceptedAt, w[field]));
    const sum = hours.reduce((s, h) => s + h, 0);
    return {
      limitHours: limit,
      complaints: c16.length,
      withTime: hours.length,
      missing: c16.length - hours.length,
      over: hours.filter((h) => h > limit).length,
      exactlyAtLimit: hours.filter((h) => h === limit).length,
      meanHours: sum / hours.length,
      maxHours: Math.max(...hours),
    };
  };
  const satisfaction = { values: Object.fromEntries(SATISFACTION.map((v) => [v, 0])), blank: 0 };
  for (const w of c16) {
    if (w.satisfaction === '') satisfaction.blank++;
    else if (w.satisfaction in satisfaction.values) satisfaction.values[w.satisfaction]++;
    else throw new Error(`unexpected satisfaction ${w.satisfaction}`);
  }

  const allInputs = {
    rows: inputs.reduce((s, i) => s + i.written.length, 0),
    workOrders: final.length,
    complaints: final.filter((w) => w.type === '投诉').length,
    duplicates,
    duplicatesDiffering,
    rejected: rejects.length,
    excludedByType: excludedAll,
    from: monthOf(
      final.reduce((m, w) => (before(w.acceptedAt, m) ? w.acceptedAt : m), wall(2999, 1, 1)),
    ),
    to: monthOf(
      final.reduce((m, w) => (before(m, w.acceptedAt) ? w.acceptedAt : m), wall(1900, 1, 1)),
    ),
  };

  return {
    totals,
    totals2015: { ...counts(c15), workOrders: rows15.length, excludedByType: excludedByType2015 },
    allInputs,
    perFile,
    units,
    months,
    monthsPrevious,
    unitMonths,
    trend,
    level1,
    level2,
    discipline,
    unclassified,
    boundary,
    rejects,
    repeatCustomers: repeats('customerId'),
    repeatPhones: repeats('phone'),
    timeliness: { reply: durations('repliedAt', 24), close: durations('closedAt', 144) },
    satisfaction,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks: the figures the scenario promises

function check(cond, what) {
  if (!cond) throw new Error(`metrics fixtures: ${what}`);
}

function checkAnnual(a) {
  const t = a.totals;
  check(t.complaints === 226, `2016 complaints ${t.complaints}, want 226`);
  check(t.appealApproved === 80, `2016 appeal-approved ${t.appealApproved}, want 80`);
  check(t.assessed === 146, `2016 assessed ${t.assessed}, want 146`);
  check(t.target === 125, `total target ${t.target}, want 125`);
  check(t.assessed - t.target === 21 && t.overTargetRate === 21 / 125, 'over-target rate 16.8%');
  check(a.units.length === 8, `${a.units.length} units, want 8`);
  check(new Set(a.units.map((u) => u.assessed)).size === 8, 'no two units tie on assessed');
  const has = (assessed, target, extra = () => true) =>
    a.units.some((u) => u.assessed === assessed && u.target === target && extra(u));
  check(has(22, 16), 'a unit at 22 vs 16');
  check(has(13, 8), 'a unit at 13 vs 8');
  check(has(10, 9), 'a unit at 10 vs 9');
  check(
    has(31, 26, (u) => u.complaints === 53 && u.appealApproved === 22),
    'a unit at 31 vs 26 with 53 complaints and 22 appeal-approved',
  );
  check(has(19, 15), 'a unit at 19 vs 15');
  const named = [
    [22, 16],
    [13, 8],
    [10, 9],
    [31, 26],
    [19, 15],
  ];
  const rest = a.units.filter((u) => !named.some(([s, g]) => u.assessed === s && u.target === g));
  check(rest.length === 3, 'three other units');
  check(rest.reduce((s, u) => s + u.assessed, 0) === 51, 'the other units assess 51');
  check(rest.reduce((s, u) => s + u.target, 0) === 51, 'the other units have targets of 51');
  check(
    rest.some((u) => u.assessed < u.target),
    'one of the other units under target',
  );
  for (const u of ANNUAL_UNITS) {
    const got = a.units.find((x) => x.unit === normUnit(u.name));
    const want = PLAN[u.key];
    check(
      got &&
        got.complaints === want.complaints &&
        got.appealApproved === want.approved &&
        got.target === want.target &&
        got.previous === want.previous,
      `unit ${u.name} as planned`,
    );
  }
  const d = Object.fromEntries(a.discipline.map((x) => [x.name, x]));
  check(d.运检.complaints === 110 && d.营销.complaints === 116, '2016 discipline 110 / 116');
  check(d.运检.previous === 53 && d.营销.previous === 127, '2015 discipline 53 / 127');
  check(a.totals.previous === 180, '180 complaints in 2015');
  check(a.unclassified === 0, 'every complaint has a category');
  check(t.unsubstantiated >= 15 && t.unsubstantiated <= 30, `${t.unsubstantiated} unsubstantiated`);
  check(t.unsubstantiatedAndApproved > 0, 'some unsubstantiated complaints are also approved');
  check(a.rejects.length === 2, 'exactly two rejects');
  const wantBoundary = [...BOUNDARY_2015, ...BOUNDARY_2016].map(fmt.iso);
  check(
    JSON.stringify(a.boundary.map((b) => b.acceptedAt)) === JSON.stringify(wantBoundary),
    'the month-boundary complaints',
  );
  check(
    a.boundary.every((b) => b.type === '投诉'),
    'boundary rows are complaints',
  );
  const repeatCounts = a.repeatCustomers.map((r) => r.complaints).join(',');
  check(repeatCounts === '4,3,2,2', `repeat customers ${repeatCounts}, want 4,3,2,2`);
  // R1 4, R2 2 (third call from another phone), R3 2, R4 2, P1 2 (no customer number)
  const phoneCounts = a.repeatPhones.map((r) => r.complaints).join(',');
  check(phoneCounts === '4,2,2,2,2', `repeat phones ${phoneCounts}, want 4,2,2,2,2`);
  const tl = a.timeliness;
  check(tl.reply.exactlyAtLimit >= 1 && tl.close.exactlyAtLimit >= 1, 'durations at the limit');
  check(tl.reply.over > 0 && tl.close.over > 0 && tl.reply.missing > 0, 'timeliness spread');
  check(a.totals.duplicatesDiffering >= 5, 'some June copies differ');
  check(a.totals.excludedByType['意见'] >= 2, 're-typed opinions');
}

// ---------------------------------------------------------------------------------------------
// README, written from the figures so it never drifts from expected.json

const pct = (x) => `${(x * 100).toFixed(2)}%`;

function readme(e) {
  const a = e.annual;
  const t = a.totals;
  const [f1, f2, f3] = a.files;
  const unitLines = a.units.map(
    (u) =>
      `| ${u.rank} | ${u.unit} | ${u.complaints} | ${u.appealApproved} | ${u.unsubstantiated} | ` +
      `${u.assessed} | ${u.assessedExcludingUnsubstantiated} | ${u.target} | ${pct(u.overTargetRate)} | ` +
      `${u.customers} | ${u.previous} |`,
  );
  const d = Object.fromEntries(a.discipline.map((x) => [x.name, x]));
  const changed = a.changedInFile3.map((c) => `${c.id} (${c.changes.join('; ')})`);
  const s = e.series;
  return `# Metrics fixtures

Synthetic 95598 work-order exports whose metric results are known by construction, for the
end-to-end test of \`complaints analyze\`. Written by \`node scripts/make-metrics-fixtures.js\`
(part of \`npm run fixtures\`; seeded, byte-for-byte reproducible). Do not edit by hand.

\`expected.json\` holds the figures. The generator plans the work orders (units, categories,
appeals, repeat callers), writes the files, then tallies the figures from the rows exactly as
written: de-duplicated by work-order id, the later export winning, complaints only, months by
the acceptance time as written. It does not use the tool, and it stops with an error if the
headline figures below do not come out exactly.

## Scenario A: the 2016 annual evaluation (key \`annual\`)

Read the three exports in this order (later input wins on a duplicate id):

1. \`${f1.file}\`: all of 2015. Sheet 工单明细, a merged title on row 1, header on row
   ${f1.headerRow} (国网工单编号, 受理时间, 供电单位, 业务类型, 受理内容, 一级/二级/三级分类, 用户编号,
   主叫号码, 是否属实, 申诉状态, 回复客户时间, 完成时间, 满意度), Excel date cells. ${f1.rows} work
   orders, ${f1.complaints} complaints; 市直 written with full-width brackets.
2. \`${f2.file}\`: 1 January to 21 June 2016 (exported 2016-06-22 09:30). Merged title
   on row 1, export note on row 2, row 3 empty, header on row ${f2.headerRow} (序号 first, not a
   field; then 工单编号, 受理时间, 供电单位, 业务类型, 受理内容, 一级/二级/三级分类, 客户编号, 联系电话,
   是否属实, 申诉结果, 回复时间, 办结时间, 回访满意度), data on rows ${f2.firstDataRow}-${f2.lastDataRow},
   a 合计 row on ${f2.totalRow}. 受理时间 is an Excel date, except on rows ${f2.serialRows.join(', ')}
   where it is a bare Excel serial number (no date format). ${f2.rows} work orders,
   ${f2.complaints} complaints. Non-complaint types mixed in (故障报修, 业务咨询, 建议, 意见, 表扬, 举报).
3. \`${f3.file}\`: June to December 2016, GB18030, CRLF, no BOM, header on line 1 with
   other names (工单号, 登记时间, 责任单位, 工单类型, 诉求内容, 投诉一级/二级/三级分类, 户号, 来电号码,
   核实结果, 是否申诉成功, 答复时间, 归档时间, 回访结果). 登记时间 as \`2016-06-03 09:05:00\`;
   答复时间/归档时间 as \`2016/6/3 9:05\`. ${f3.rows} data lines including 2 rejects. Every June work
   order of file 2 is repeated here with the same id (${t.duplicates} duplicates); ${t.duplicatesDiffering}
   of them differ, and the file-3 copy counts: ${changed.join(', ')}.
   Two lines have a 登记时间 that is not a date (rejects): ${a.rejects
     .map((r) => `line ${r.row} \`${r.value}\``)
     .join(', ')}.

Targets: \`targets-2016.csv\` (UTF-8 with BOM: 供电单位, 年度指标, 户数), \`targets-2016.xlsx\` (same,
title on row 1, header on row 2), \`targets-2016.json\` ([{unit, target, customers}]). Unit names
use full-width brackets (国网黄山供电公司（市直）) where files 2 and 3 use half-width ones; after NFKC
they are one unit. File 3 also writes 国网歙县供电公司 with a trailing space on a few lines.

### The figures (2016, after de-duplication)

${t.complaints} complaints, ${t.appealApproved} appeal-approved, ${t.assessed} assessed against a total target of
${t.target}: over target by ${pct(t.overTargetRate)}. ${t.unsubstantiated} complaints are 不属实, ${t.unsubstantiatedAndApproved}
of them also appeal-approved, so with \`--exclude-unsubstantiated\` ${t.assessedExcludingUnsubstantiated} are assessed
(${pct(t.overTargetRateExcludingUnsubstantiated)}). ${t.workOrders} work orders in 2016 in all; the others by type:
${Object.entries(t.excludedByType)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}. 2015: ${a.totals2015.complaints} complaints.

| rank | unit | complaints | appeal-approved | 不属实 | assessed | assessed excl. 不属实 | target | over target | customers | 2015 |
|---|---|---|---|---|---|---|---|---|---|---|
${unitLines.join('\n')}

Discipline: 运检 ${d.运检.complaints} (2015: ${d.运检.previous}, ${pct(d.运检.yoy)}), 营销 ${d.营销.complaints} (2015: ${d.营销.previous}, ${pct(d.营销.yoy)}).

How they arise: each 2016 complaint slot is given a month (fixed monthly counts), a unit (a
shuffled list with each unit's planned count), a discipline (a shuffled list of 110 运检 and 116
营销) and then a second-level type of that discipline; within each unit exactly the planned
number is appeal-approved. The two complaints that file 3 re-types as 意见 are extra work orders,
so they do not disturb the 226.

Month boundaries (all complaints): ${a.boundary.map((b) => `${b.acceptedAt} -> ${b.month}`).join('; ')}.

Repeat callers (2016 complaints): customers ${a.repeatCustomers
    .map((r) => `${r.customerId} x${r.complaints}`)
    .join(', ')};
phones ${a.repeatPhones.map((r) => `${r.phone} x${r.complaints}`).join(', ')}. One caller gave no customer
number (phone only); one repeat customer called once from another phone; one customer's second
complaint became an opinion in file 3, and another complained once in 2015 and once in 2016:
neither is a repeat.

Timeliness (2016 complaints): ${a.timeliness.reply.withTime} have a reply time, ${a.timeliness.reply.over} of them more than 24 h after
acceptance (one exactly 24 h, not over), mean ${a.timeliness.reply.meanHours.toFixed(2)} h; ${a.timeliness.close.withTime} have a closing time,
${a.timeliness.close.over} more than 144 h (one exactly 144 h), mean ${a.timeliness.close.meanHours.toFixed(2)} h. Compare means with a
tolerance: the last bit depends on the order of summation.

Satisfaction (2016 complaints): ${Object.entries(a.satisfaction.values)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}, blank ${a.satisfaction.blank}.

## Scenario B: a monthly series (key \`series\`)

\`${s.file}\`: UTF-8 without BOM, LF, plain headers (工单编号, 受理时间, 供电单位, 业务类型,
受理内容, 一级分类, 二级分类), ${s.company}, ${s.workOrders} work orders, April to December 2016.
Complaints per month: ${s.months.map((m) => `${m.month.slice(5)} ${m.complaints}`).join(', ')}.
Average monthly reduction: arithmetic ${s.avgMonthlyReduction.arithmetic} (mean of the 8 monthly
reduction rates, −mom), compound ${s.avgMonthlyReduction.compound} (1 − (89/409)^(1/8)).
`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });

  const plan = planAnnual();
  const seriesRows = writeSeries(); // consumes the PRNG after the annual plan, before writing
  const f1 = await writeFile1(plan.file1);
  const f2 = await writeFile2(plan.file2);
  const f3 = writeFile3(plan.file3);
  const targets = await writeTargets();

  const inputs = [
    { file: FILES.y2015, ...f1 },
    { file: FILES.h1, ...f2 },
    { file: FILES.h2, ...f3 },
  ];
  const a = tallyAnnual(inputs, targets);
  checkAnnual(a);

  // The rows of file 3 that changed since file 2 (by id), for the README and the tests.
  const h1ById = new Map(f2.written.map((w) => [w.id, w]));
  const changed = f3.written
    .filter((w) => h1ById.has(w.id))
    .map((w) => {
      const old = h1ById.get(w.id);
      const what = [];
      if (old.type !== w.type) what.push(`业务类型 ${old.type} -> ${w.type}`);
      if (appealKey(old.appeal) !== appealKey(w.appeal)) {
        what.push(`申诉结果 ${old.appeal || '(空)'} -> ${w.appeal || '(空)'}`);
      }
      if (timeKey(old.closedAt) !== timeKey(w.closedAt)) what.push('办结时间 filled in');
      else if (timeKey(old.repliedAt) !== timeKey(w.repliedAt)) what.push('回复时间 filled in');
      return { id: w.id, rowInFile2: old.row, lineInFile3: w.row, changes: what };
    })
    .filter((c) => c.changes.length > 0);

  // Scenario B tally.
  const seriesMonths = [];
  for (let mo = 4; mo <= 12; mo++) {
    const month = `2016-${String(mo).padStart(2, '0')}`;
    const complaints = seriesRows.filter((r) => r.type === '投诉' && monthOf(r.t) === month).length;
    const prev = seriesMonths.at(-1)?.complaints;
    const mom = prev === undefined ? null : (complaints - prev) / prev;
    seriesMonths.push({ month, complaints, mom, reductionRate: mom === null ? null : -mom });
  }
  check(
    JSON.stringify(seriesMonths.map((m) => m.complaints)) === JSON.stringify(SERIES_MONTHS),
    'series months',
  );
  const rates = seriesMonths.slice(1).map((m) => m.reductionRate);
  const first = seriesMonths[0].complaints;
  const last = seriesMonths.at(-1).complaints;
  const seriesExcluded = {};
  for (const r of seriesRows) if (r.type !== '投诉') inc(seriesExcluded, r.type);
  const series = {
    file: FILES.series,
    company: SERIES_COMPANY,
    period: { from: '2016-04', to: '2016-12' },
    workOrders: seriesRows.length,
    complaints: seriesRows.filter((r) => r.type === '投诉').length,
    excludedByType: seriesExcluded,
    units: SERIES_UNITS.map(([name]) => name),
    months: seriesMonths,
    avgMonthlyReduction: {
      arithmetic: rates.reduce((s, x) => s + x, 0) / rates.length,
      compound: 1 - Math.pow(last / first, 1 / (seriesMonths.length - 1)),
    },
  };

  const fileInfo = (entry, extra) => ({
    file: entry.file,
    ...extra,
    headers: entry.headers,
    mapping: Object.fromEntries(
      entry.headers.filter((h) => h !== '序号').map((h, i) => [MAPPED_FIELDS[i], h]),
    ),
    unmapped: entry.headers.filter((h) => h === '序号'),
    ...entry.info,
    ...a.perFile[entry.file],
  });
  const expected = {
    generatedBy: `scripts/make-metrics-fixtures.js (seed ${SEED})`,
    notes: [
      'Figures are tallied by the generator over the rows it wrote, not computed by the tool.',
      'Inputs are read in the order listed; a work order exported twice counts as its later copy.',
      'Months are calendar months of the acceptance time as written (wall clock, no time zone).',
      'Row numbers are 1-based: Excel rows for xlsx, text lines for CSV.',
      'Rates are plain unrounded fractions (JS doubles). overTargetRate = (assessed - target) / target.',
      'assessed = complaints - appealApproved; assessedExcludingUnsubstantiated = complaints - (appeal-approved or 不属实), a complaint counted once.',
      'duplicates = rows whose id was already seen in an earlier row; duplicatesDiffering = those whose values differ after trimming/NFKC/date parsing (申诉结果 blank and 未申诉 are the same).',
      'Units are listed by assessed complaints, most first (no two units tie); rank follows that order.',
      'months[].mom compares with the previous calendar month, January with December 2015; momWithinPeriod is null for the first month of the period.',
      'unitMonths: per unit (in the order of units), complaints and assessed by month, January to December, of 2016 and of 2015.',
      'timeliness: hours from 受理时间 to 回复时间 / 办结时间 over 2016 complaints that have the time; over = strictly more than limitHours.',
    ],
    annual: {
      inputs: inputs.map((i) => i.file),
      targets: { csv: FILES.targetsCsv, xlsx: FILES.targetsXlsx, json: FILES.targetsJson },
      period: { from: '2016-01', to: '2016-12' },
      previousPeriod: { from: '2015-01', to: '2015-12' },
      totals: a.totals,
      totals2015: a.totals2015,
      allInputs: a.allInputs,
      files: [
        fileInfo(inputs[0], { format: 'xlsx', encoding: null, sheet: '工单明细' }),
        fileInfo(inputs[1], { format: 'xlsx', encoding: null, sheet: '工单明细' }),
        fileInfo(inputs[2], { format: 'csv', encoding: 'gb18030', sheet: null, delimiter: ',' }),
      ],
      units: a.units,
      months: a.months,
      monthsPrevious: a.monthsPrevious,
      unitMonths: a.unitMonths,
      trend: a.trend,
      level1: a.level1,
      level2: a.level2,
      discipline: a.discipline,
      unclassified: a.unclassified,
      boundary: a.boundary,
      rejects: a.rejects,
      changedInFile3: changed,
      repeatCustomers: a.repeatCustomers,
      repeatPhones: a.repeatPhones,
      timeliness: a.timeliness,
      satisfaction: a.satisfaction,
    },
    series,
  };
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(join(OUT, 'README.md'), readme(expected));
  return expected;
}

const expected = await main();
const t = expected.annual.totals;
console.log(
  `fixtures/metrics: 2016 ${t.complaints} complaints, ${t.appealApproved} appeal-approved, ` +
    `${t.assessed} assessed vs target ${t.target}; ${t.duplicates} duplicates ` +
    `(${t.duplicatesDiffering} differing), ${t.rejected} rejects; series ${expected.series.complaints} complaints`,
);
