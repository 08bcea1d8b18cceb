#!/usr/bin/env node
// Writes fixtures/coverage/: exports whose data is incomplete in the ways issue 12 lists, for the
// end-to-end tests of partial months, targets that do not match, codes for business types and
// duplicates that differ only in how they are written. The conventions of
// make-metrics-fixtures.js: the generator plans the work orders, writes the files recording every
// row as written, tallies expected.json from the written rows (never by the tool), and throws if
// the figures the tests rely on do not come out. Seeded, byte-for-byte reproducible.
//
// The company is the Huangshan city company of the metrics fixtures (eight units), 2015 and 2016:
//
// 1. 95598-2015.xlsx: all of 2015; the title states 受理时间 2015-01-01 至 2015-12-31.
// 2. 95598-2016-1226.xlsx: 2016, exported at 11:42 on 26 December (导出时间 in the title, no
//    range): December runs only to the 26th. Read as a whole month it is a fall of 40% (环比), a
//    seasonal index of 0.54, a compound monthly reduction of 24% over July–December, and a
//    second-level class "reduced by 100%".
// 3. 95598-2016-1226.csv: the same work orders exported again as CSV (no title, times to the
//    minute, 申诉结果 blank where nothing was appealed), with three appeals approved in between:
//    only the volume of its days tells that December stops on the 26th, and read with file 2 its
//    copies differ only in how they are written, but for those three.
// 4. 95598-2016-11-codes.csv: November 2016 as a raw system export, business types as codes
//    (01 … 07; 03 is 投诉), some complaint texts opening with 【投诉】.
// 5. targets-2016-odd.xlsx: targets under other headers (单位名称, 2016年度考核指标, 用户数), one unit
//    misspelt (国网歙县供电公) and one missing (黟县).
// 6. targets-2016-map.csv: headers no alias knows (考核对象, 控制数, 户): --map names them.
//
// Run with `npm run fixtures` (or node scripts/make-coverage-fixtures.js).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';
import { fixZipDates } from './lib/zip-dates.js';
import { COMPLAINT_TYPES, OTHER_TYPES } from './lib/texts.js';
import { ANNUAL_UNITS } from './lib/metrics-data.js';
import {
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
const OUT = join(ROOT, 'fixtures', 'coverage');
const SEED = 20161226;

const FILES = {
  y2015: '95598-2015.xlsx',
  y2016: '95598-2016-1226.xlsx',
  y2016csv: '95598-2016-1226.csv',
  codes: '95598-2016-11-codes.csv',
  targetsOdd: 'targets-2016-odd.xlsx',
  targetsMap: 'targets-2016-map.csv',
};

// Complaints per month. Summer is the peak of 95598 complaints (storms, outages, heat); December
// 2016 holds 26 days, to 11:42 on the 26th.
const MONTHS_2015 = [55, 48, 52, 58, 72, 95, 120, 115, 85, 66, 56, 48];
const MONTHS_2016 = [58, 50, 55, 60, 78, 100, 118, 112, 88, 70, 50, 30];
const LAST_DAY_2016 = 26;
const EXPORT_2016 = wall(2016, 12, 26, 11, 42, 5);
const LAST_ACCEPTED_2016 = wall(2016, 12, 26, 11, 31, 47);
const EXPORT_2015 = wall(2016, 1, 4, 9, 15, 0);
// Other work orders per month (repairs, enquiries …): what makes the empty days after the 26th
// stand out against the daily volume.
const OTHERS_PER_MONTH = [60, 80];

const rng = createRng(SEED);
const ids = createIdFactory(rng);
const make = createWorkOrderFactory(rng, ids, {});
const UNIT_WEIGHTS = ANNUAL_UNITS.map((u) => [u, u.weight ?? 8]);
const OTHER_WEIGHTS = Object.entries(OTHER_TYPES).map(([name, spec]) => [name, spec.weight]);
const byTime = (a, b) => compareWall(a.acceptedAt, b.acceptedAt);
const monthKey = (t) => fmt.month(t);

/** A time in month `mo` of `year`, on a day up to `lastDay`, before `notAfter` if given. */
function timeIn(year, mo, lastDay, notAfter) {
  for (;;) {
    const t = randomTimeInDay(rng, year, mo, rng.int(1, lastDay));
    if (!notAfter || compareWall(t, notAfter) <= 0) return t;
  }
}

/** Every work order of a year: `counts[m]` complaints and some others in month m + 1. */
function planYear(year, counts, lastDay, notAfter) {
  const orders = [];
  counts.forEach((n, i) => {
    const mo = i + 1;
    const days = mo === 12 && lastDay ? lastDay : daysInMonth(year, mo);
    const end = mo === 12 ? notAfter : null;
    for (let k = 0; k < n; k++) {
      const type = rng.weighted(COMPLAINT_TYPES.map((t) => [t, t.weight]));
      const acceptedAt = timeIn(year, mo, days, end);
      orders.push(
        make({
          acceptedAt,
          unit: rng.weighted(UNIT_WEIGHTS),
          businessType: '投诉',
          level2: type.level2,
        }),
      );
    }
    const others = Math.round((rng.int(...OTHERS_PER_MONTH) * days) / daysInMonth(year, mo));
    for (let k = 0; k < others; k++) {
      const acceptedAt = timeIn(year, mo, days, end);
      const r = make({
        acceptedAt,
        unit: rng.weighted(UNIT_WEIGHTS),
        businessType: rng.weighted(OTHER_WEIGHTS),
      });
      r.level1 = r.level2 = r.level3 = '';
      orders.push(r);
    }
  });
  return orders.sort(byTime);
}

/** Nothing closed or replied after the export. */
function asExported(orders, exportAt) {
  for (const r of orders) {
    if (r.closedAt && compareWall(r.closedAt, exportAt) >= 0) {
      r.closedAt = null;
      r.satisfaction = '';
      if (r.businessType === '投诉') r.appealResult = '';
    }
  }
  return orders;
}

/**
 * The second-level classes of the half-year July–December 2016: every class with a complaint in
 * July has one in November (so no class falls "by 100%" over the whole months), and at least one
 * of them has none in December (so, read as a whole month, one does).
 */
function balanceClasses(orders) {
  const complaints = orders.filter((r) => r.businessType === '投诉');
  const inMonth = (mo) =>
    complaints.filter((r) => r.acceptedAt.y === 2016 && r.acceptedAt.mo === mo);
  const classes = (list) => new Set(list.map((r) => r.level2));
  for (const level2 of classes(inMonth(7))) {
    if (classes(inMonth(11)).has(level2)) continue;
    const counts = new Map();
    for (const r of inMonth(11)) counts.set(r.level2, (counts.get(r.level2) ?? 0) + 1);
    const [common] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const r = inMonth(11).find((x) => x.level2 === common);
    const fresh = make({ acceptedAt: r.acceptedAt, unit: r.unit, businessType: '投诉', level2 });
    Object.assign(r, { ...fresh, id: r.id, customerId: r.customerId, phone: r.phone });
  }
  const july = classes(inMonth(7));
  const nov = classes(inMonth(11));
  const dec = classes(inMonth(12));
  const fallsToZero = [...july].filter((c) => nov.has(c) && !dec.has(c));
  if (fallsToZero.length === 0) throw new Error('no class falls to 0 in December');
  return fallsToZero;
}

// ---------------------------------------------------------------------------------------------
// Writing

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
  '回复时间',
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

async function saveWorkbook(wb, fixed, name) {
  writeFileSync(join(OUT, name), fixZipDates(await wb.xlsx.writeBuffer(), fixed));
}

function rowValues(r) {
  return [
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
    null,
    r.closedAt ? wallToUtcDate(r.closedAt) : null,
    r.satisfaction,
  ];
}

/** An export as the 95598 system writes it: title rows, then the header, then the rows. */
async function writeExport(name, orders, title, exportAt) {
  const fixed = wallToUtcDate(exportAt);
  const wb = newWorkbook(fixed);
  const ws = wb.addWorksheet('工单明细', {
    views: [{ state: 'frozen', ySplit: title.length + 1 }],
  });
  title.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, HEADERS.length);
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const headerRow = title.length + 1;
  HEADERS.forEach((h, i) => {
    ws.getCell(headerRow, i + 1).value = h;
    ws.getCell(headerRow, i + 1).font = { bold: true };
  });
  let row = headerRow + 1;
  for (const r of orders) {
    rowValues(r).forEach((v, i) => {
      if (v !== null && v !== '') ws.getCell(row, i + 1).value = v;
    });
    for (const col of [2, 14]) ws.getCell(row, col).numFmt = DATE_FMT;
    row++;
  }
  await saveWorkbook(wb, fixed, name);
  return { headerRow, rows: orders.length };
}

/** File 3: the same orders as CSV, times to the minute, 申诉结果 blank for 未申诉. */
function writeCsvCopy(name, orders, changed) {
  const lines = [HEADERS];
  for (const r of orders) {
    const appeal = changed.has(r.id)
      ? '申诉成功'
      : r.appealResult === '未申诉'
        ? ''
        : r.appealResult;
    lines.push([
      r.id,
      fmt.slash(r.acceptedAt),
      r.unit.name,
      r.businessType,
      r.content,
      r.level1,
      r.level2,
      r.level3,
      r.customerId,
      r.phone,
      r.substantiated,
      appeal,
      '',
      r.closedAt ? fmt.slash(r.closedAt) : '',
      r.satisfaction,
    ]);
  }
  writeFileSync(join(OUT, name), '\uFEFF' + toDelimited(lines));
}

const CODES = {
  故障报修: '01',
  业务咨询: '02',
  投诉: '03',
  举报: '04',
  建议: '05',
  意见: '06',
  表扬: '07',
};

/** File 4: November as a raw system export: column codes, business types as codes. */
function writeCodes(name, orders) {
  const lines = [['APP_NO', 'ACCEPT_TIME', 'ORG_NAME', 'BUSI_TYPE_CODE', 'ACCEPT_CONTENT']];
  let tagged = 0;
  for (const r of orders) {
    const code = CODES[r.businessType] ?? '99';
    let content = r.content;
    // The system prefixes some complaint texts with its category, as the exports analysts see do.
    if (r.businessType === '投诉' && rng.next() < 0.4) {
      content = `【投诉】${content}`;
      tagged++;
    }
    lines.push([r.id, fmt.iso(r.acceptedAt), r.unit.name, code, content]);
  }
  writeFileSync(join(OUT, name), toDelimited(lines));
  return tagged;
}

// Annual targets of assessed complaints, of the size of these units' 2015 figures.
const TARGETS = {
  shizhi: [190, 186420],
  shexian: [115, 214380],
  huangshanqu: [85, 79650],
  xiuning: [50, 118270],
  huizhou: [42, 63540],
  qimen: [45, 84910],
  tunxi: [52, 71230],
};

/** File 5: the targets under other headers, one unit misspelt and one left out. */
async function writeTargetsOdd(name) {
  const fixed = wallToUtcDate(wall(2016, 1, 15, 10, 0, 0));
  const wb = newWorkbook(fixed);
  const ws = wb.addWorksheet('指标');
  ws.getCell(1, 1).value = '2016年各单位95598客户投诉考核指标';
  ws.mergeCells(1, 1, 1, 4);
  ['序号', '单位名称', '2016年度考核指标', '用户数'].forEach(
    (h, i) => (ws.getCell(2, i + 1).value = h),
  );
  let row = 3;
  let total = 0;
  for (const u of ANNUAL_UNITS) {
    const t = TARGETS[u.key];
    if (!t) continue;
    const unit = u.key === 'shexian' ? '国网歙县供电公' : u.fullName;
    [row - 2, unit, t[0], t[1]].forEach((v, i) => (ws.getCell(row, i + 1).value = v));
    total += t[0];
    row++;
  }
  ws.getCell(row, 2).value = '合计';
  ws.getCell(row, 3).value = total;
  await saveWorkbook(wb, fixed, name);
  return { misspelt: '国网歙县供电公', meant: '国网歙县供电公司', missing: '国网黟县供电公司' };
}

/** File 6: headers no alias knows. */
function writeTargetsMap(name) {
  const lines = [['考核对象', '控制数', '户']];
  for (const u of ANNUAL_UNITS) {
    const t = TARGETS[u.key] ?? [25, 44860];
    lines.push([u.name, t[0], t[1]]);
  }
  writeFileSync(join(OUT, name), '\uFEFF' + toDelimited(lines));
}

// ---------------------------------------------------------------------------------------------
// Tallies (from the written rows' plan), for expected.json

function complaintsByMonth(orders) {
  const months = {};
  for (const r of orders)
    if (r.businessType === '投诉')
      months[monthKey(r.acceptedAt)] = (months[monthKey(r.acceptedAt)] ?? 0) + 1;
  return months;
}

const change = (now, base) => (base ? (now - base) / base : null);
const compound = (first, last, steps) => 1 - Math.pow(last / first, 1 / steps);

function figures(byMonth, fallsToZero, orders2016) {
  const m = (y, mo) => byMonth[`${y}-${String(mo).padStart(2, '0')}`] ?? 0;
  const all = [];
  for (const y of [2015, 2016]) for (let mo = 1; mo <= 12; mo++) all.push({ y, mo, n: m(y, mo) });
  const mean = (list) => list.reduce((s, x) => s + x.n, 0) / list.length;
  const decIndex = (list) => mean(list.filter((x) => x.mo === 12)) / mean(list);
  const whole = all.filter((x) => !(x.y === 2016 && x.mo === 12));
  const level2In = (mo) => {
    const counts = {};
    for (const r of orders2016)
      if (r.businessType === '投诉' && r.acceptedAt.mo === mo)
        counts[r.level2] = (counts[r.level2] ?? 0) + 1;
    return counts;
  };
  return {
    // December read as a whole month: what the tool showed before issue 12.
    asWholeMonth: {
      decemberMom: change(m(2016, 12), m(2016, 11)),
      decemberSeasonalIndex: decIndex(all),
      compoundJulyToDecember: compound(m(2016, 7), m(2016, 12), 5),
      classesFallingBy100: fallsToZero,
    },
    // December left out, as it covers 26 days.
    leftOut: {
      decemberSeasonalIndex: decIndex(whole),
      compoundJulyToNovember: compound(m(2016, 7), m(2016, 11), 4),
      arithmeticJulyToNovember:
        [8, 9, 10, 11].reduce((s, mo) => s - change(m(2016, mo), m(2016, mo - 1)), 0) / 4,
    },
    julyLevel2: level2In(7),
    novemberLevel2: level2In(11),
    decemberLevel2: level2In(12),
  };
}

const pct = (x) => `${(x * 100).toFixed(2)}%`;

function readme(e) {
  const w = e.asWholeMonth;
  const l = e.leftOut;
  return `# Coverage fixtures

Exports whose data is incomplete in the ways issue 12 lists, for the end-to-end tests of partial
months, targets that do not match, business types written as codes and duplicates that differ
only in how they are written. Written by \`node scripts/make-coverage-fixtures.js\` (part of
\`npm run fixtures\`; seeded, byte-for-byte reproducible). Do not edit by hand: \`expected.json\`
holds the figures, tallied by the generator from the rows it wrote, never by the tool.

The Huangshan city company of \`fixtures/metrics\` (eight units), 2015 and 2016, complaints per
month ${Object.values(e.complaintsByMonth).join(', ')}.

1. \`${FILES.y2015}\`: all of 2015; the title states 受理时间 2015-01-01 至 2015-12-31.
2. \`${FILES.y2016}\`: 2016, exported at ${e.files[FILES.y2016].exportedAt} (导出时间 in the title,
   no range): December runs only to the 26th (last work order ${e.files[FILES.y2016csv].lastAccepted}).
3. \`${FILES.y2016csv}\`: the same work orders as UTF-8 CSV with no title, times to the minute
   and 申诉结果 blank where nothing was appealed; three appeals approved since file 2
   (${e.duplicates.differing.map((d) => d.id).join(', ')}). Only its daily volume tells that December
   stops on the 26th; read after file 2, its ${e.duplicates.count} copies differ only in how
   they are written, but for those three.
4. \`${FILES.codes}\`: November 2016 as a raw system export (APP_NO, ACCEPT_TIME, ORG_NAME,
   BUSI_TYPE_CODE, ACCEPT_CONTENT), business types as codes: ${Object.entries(e.codes.byCode)
     .map(([code, n]) => `${code} ${n}`)
     .join(
       ', ',
     )}; ${e.codes.complaintCode} is 投诉, and ${e.codes.taggedComplaints} of its texts open with 【投诉】.
5. \`${FILES.targetsOdd}\`: targets under 单位名称, 2016年度考核指标, 用户数 below a title row, with a
   合计 row; ${e.targets.misspelt} for ${e.targets.meant}; ${e.targets.missing} has none.
6. \`${FILES.targetsMap}\`: headers no alias knows (考核对象, 控制数, 户): \`--map targetUnit=考核对象
   --map target=控制数 --map customers=户\`.

December 2016 read as a whole month (what the tool showed before issue 12): 环比
${pct(w.decemberMom)}, a seasonal index of ${w.decemberSeasonalIndex.toFixed(2)}, a compound monthly reduction of
${pct(w.compoundJulyToDecember)} over July–December, and second-level classes falling by 100%
(${w.classesFallingBy100.join(', ')}). Left out, as it covers 26 days: a seasonal index of
${l.decemberSeasonalIndex.toFixed(2)} (December 2015 alone), a compound reduction of
${pct(l.compoundJulyToNovember)} over July–November (arithmetic ${pct(l.arithmeticJulyToNovember)}).
`;
}

function check(cond, what) {
  if (!cond) throw new Error(`coverage fixtures: ${what}`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const orders2015 = asExported(planYear(2015, MONTHS_2015, null, null), EXPORT_2015);
  const orders2016 = planYear(2016, MONTHS_2016, LAST_DAY_2016, LAST_ACCEPTED_2016);
  // The last work order before the export, to the second.
  Object.assign(orders2016[orders2016.length - 1], {
    acceptedAt: LAST_ACCEPTED_2016,
    closedAt: null,
  });
  asExported(orders2016, EXPORT_2016);
  const fallsToZero = balanceClasses(orders2016);

  const f1 = await writeExport(
    FILES.y2015,
    orders2015,
    ['国网黄山供电公司95598客户服务工单明细（受理时间 2015-01-01 至 2015-12-31）'],
    EXPORT_2015,
  );
  const f2 = await writeExport(
    FILES.y2016,
    orders2016,
    ['国网黄山供电公司95598客户服务工单明细', '导出时间：2016-12-26 11:42:05    导出人：汪**'],
    EXPORT_2016,
  );
  // Three complaints not appealed in file 2 whose appeal was approved before file 3.
  const appealed = orders2016
    .filter((r) => r.businessType === '投诉' && r.appealResult === '未申诉' && r.closedAt)
    .slice(0, 3)
    .map((r) => r.id);
  writeCsvCopy(FILES.y2016csv, orders2016, new Set(appealed));
  const november = orders2016.filter((r) => r.acceptedAt.mo === 11);
  const tagged = writeCodes(FILES.codes, november);
  const targets = await writeTargetsOdd(FILES.targetsOdd);
  writeTargetsMap(FILES.targetsMap);

  const byMonth = { ...complaintsByMonth(orders2015), ...complaintsByMonth(orders2016) };
  const f = figures(byMonth, fallsToZero, orders2016);
  check(
    JSON.stringify(Object.values(byMonth)) === JSON.stringify([...MONTHS_2015, ...MONTHS_2016]),
    'complaints per month as planned',
  );
  check(Math.round(f.asWholeMonth.decemberMom * 100) === -40, 'December −40% against November');
  check(f.asWholeMonth.decemberSeasonalIndex.toFixed(2) === '0.54', 'December index 0.54');
  check(Math.round(f.asWholeMonth.compoundJulyToDecember * 100) === 24, 'compound 24%');
  const dup = (list) => new Set(list.map((r) => r.id)).size === list.length;
  check(dup(orders2015) && dup(orders2016), 'ids unique');

  const perType = {};
  for (const r of november)
    perType[CODES[r.businessType]] = (perType[CODES[r.businessType]] ?? 0) + 1;
  const expected = {
    generatedBy: `scripts/make-coverage-fixtures.js (seed ${SEED})`,
    notes: [
      'Figures are tallied by the generator over the rows it wrote, not computed by the tool.',
      'Months are calendar months of the acceptance time as written.',
      'Rates are plain unrounded fractions. compound = 1 − (last/first)^(1/steps).',
    ],
    files: {
      [FILES.y2015]: {
        headerRow: f1.headerRow,
        rows: f1.rows,
        coverage: { from: '2015-01-01', to: '2015-12-31', basis: 'stated' },
      },
      [FILES.y2016]: {
        headerRow: f2.headerRow,
        rows: f2.rows,
        exportedAt: fmt.iso(EXPORT_2016),
        coverage: { from: '2016-01-01', to: '2016-12-26', basis: 'exported' },
      },
      [FILES.y2016csv]: {
        rows: orders2016.length,
        coverage: { from: '2016-01-01', to: '2016-12-26', basis: 'rows' },
        lastAccepted: fmt.iso(LAST_ACCEPTED_2016).slice(0, 16),
      },
    },
    complaintsByMonth: byMonth,
    partialMonth: { month: '2016-12', through: '2016-12-26' },
    ...f,
    duplicates: {
      // Read with file 2 then file 3: every 2016 work order is a duplicate; these differ.
      count: orders2016.length,
      differing: appealed.map((id) => ({
        id,
        field: 'appealResult',
        from: '未申诉',
        to: '申诉成功',
      })),
    },
    codes: {
      file: FILES.codes,
      complaintCode: CODES['投诉'],
      byCode: perType,
      taggedComplaints: tagged,
    },
    targets: {
      file: FILES.targetsOdd,
      ...targets,
      total: Object.values(TARGETS).reduce((s, t) => s + t[0], 0),
    },
  };
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  writeFileSync(join(OUT, 'README.md'), readme(expected));
  console.log(
    `fixtures/coverage: 2015 ${orders2015.length} and 2016 ${orders2016.length} work orders; ` +
      `December ${f.asWholeMonth.decemberMom * 100}% as a whole month`,
  );
}

await main();
