#!/usr/bin/env node
// Writes fixtures/days/: exports of six weeks of 2016 and five of 2015, for the end-to-end tests
// of days and ISO weeks (issue 14): the daily bulletin of Thursday 30 June 2016 against the
// Thursdays of the four weeks before, the weeks 2016-W25 and 2016-W26 against the week before and
// the same ISO week of 2015, complaints at midnight on either side of the day, a county whose
// export stops on 1 July (its 2 and 3 July are missing: days covered in part), and texts that
// carry phone and customer numbers (masked in the bulletin). The conventions of
// make-coverage-fixtures.js: the complaints per unit and day are planned here as a table (not
// drawn), the files record every row as written, expected.json is tallied from the written rows,
// and the generator throws if the figures the tests rely on do not come out. Seeded, byte-for-byte
// reproducible.
//
// 1. 95598-2016-0523-0703.xlsx: the city company's export (市直 and 屯溪区), title rows with the
//    range 2016-05-23 至 2016-07-03, times as Excel dates, a 合计 row.
// 2. 95598-2016-shexian-gb18030.csv: 歙县's own export, GB18030 with a title line (统计时间
//    2016-05-23 至 2016-07-01), dates as 2016/6/30 9:05, a 合计 row.
// 3. 95598-2015-06.csv: the three units, 2015-06-01 to 2015-07-05, UTF-8 with BOM, a title line
//    and the system's column names (APP_NO, ACCEPT_TIME, ORG_NAME, BUSI_TYPE, ACCEPT_CONTENT).
//
// Run with `npm run fixtures` (or node scripts/make-days-fixtures.js).

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
  wall,
  wallToUtcDate,
} from './lib/workorders.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'days');
const SEED = 20160630;

const FILES = {
  city: '95598-2016-0523-0703.xlsx',
  county: '95598-2016-shexian-gb18030.csv',
  y2015: '95598-2015-06.csv',
};

const unit = (key) => ANNUAL_UNITS.find((u) => u.key === key);
const UNITS = { shizhi: unit('shizhi'), tunxi: unit('tunxi'), shexian: unit('shexian') };

// Complaints per weekday (Monday first) and unit: Mondays are the busiest, weekends the quietest.
const WEEKDAY_COUNTS = {
  shizhi: [3, 2, 2, 2, 2, 1, 1],
  tunxi: [2, 1, 1, 1, 1, 0, 1],
  shexian: [1, 1, 1, 1, 1, 1, 0],
};
// Days that differ from the pattern: [day, unit, complaints]. 30 June 2016 (a Thursday) is the
// day of the daily bulletin: 10 complaints against 5, 4, 6, 4 on the Thursdays before.
const OVERRIDES = [
  ['2016-06-30', 'shizhi', 5],
  ['2016-06-30', 'tunxi', 3],
  ['2016-06-30', 'shexian', 2],
  ['2016-06-23', 'shizhi', 3],
  ['2016-06-09', 'tunxi', 3],
  ['2015-06-30', 'shizhi', 3],
  ['2015-06-17', 'shizhi', 6],
];
const SPANS = {
  2016: { from: '2016-05-23', to: '2016-07-03' },
  shexian2016: { from: '2016-05-23', to: '2016-07-01' },
  2015: { from: '2015-06-01', to: '2015-07-05' },
};
// Complaints at midnight, at either edge of the bulletin's day: [time, unit].
const MIDNIGHT = [
  [wall(2016, 6, 29, 23, 59, 59), 'shizhi'],
  [wall(2016, 6, 30, 0, 0, 0), 'shizhi'],
  [wall(2016, 6, 30, 23, 59, 59), 'tunxi'],
  [wall(2016, 7, 1, 0, 0, 0), 'tunxi'],
];

const rng = createRng(SEED);
const ids = createIdFactory(rng);
const make = createWorkOrderFactory(rng, ids, {});

const DAY_MS = 86_400_000;
const dayOf = (text) => Date.parse(`${text}T00:00:00Z`) / DAY_MS;
const textOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day) => ((((day + 3) % 7) + 7) % 7) + 1;
const wallOf = (day, h, mi, s) => {
  const d = new Date(day * DAY_MS);
  return wall(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), h, mi, s);
};

/** Complaints planned for a unit on a day. */
function planned(day, key) {
  const override = OVERRIDES.find(([d, k]) => d === textOf(day) && k === key);
  return override ? override[2] : WEEKDAY_COUNTS[key][weekdayOf(day) - 1];
}

/** A daytime acceptance time, distinct within the day: 08:00 onwards, a few minutes apart. */
function daytime(day, k) {
  return wallOf(day, 8 + Math.floor((k * 37) / 60), (k * 37) % 60, rng.int(0, 59));
}

// Phone and customer numbers a customer dictates, written into some texts as agents do.
const NUMBERS = ['，联系电话13905591234', '，户号0101234567', '，回电0559-2345678'];

function complaint(acceptedAt, key) {
  const r = make({ acceptedAt, unit: UNITS[key], businessType: '投诉', useRepeaters: false });
  if (rng.next() < 0.3) r.content = `${r.content.replace(/。$/, '')}${rng.pick(NUMBERS)}。`;
  return r;
}

/** Every work order of a unit over a span: the planned complaints and a repair call a day. */
function planUnit(key, span) {
  const orders = [];
  for (let day = dayOf(span.from); day <= dayOf(span.to); day++) {
    const midnight = MIDNIGHT.filter(
      ([t, k]) => k === key && textOf(day) === fmt.iso(t).slice(0, 10),
    );
    const n = planned(day, key);
    for (let k = 0; k < n - midnight.length; k++) orders.push(complaint(daytime(day, k), key));
    for (const [t] of midnight) orders.push(complaint(t, key));
    const repair = make({
      acceptedAt: daytime(day, 9),
      unit: UNITS[key],
      businessType: '故障报修',
    });
    repair.level1 = repair.level2 = repair.level3 = '';
    orders.push(repair);
  }
  return orders;
}

const byTime = (a, b) => compareWall(a.acceptedAt, b.acceptedAt);

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
  '办结时间',
];

const cells = (r) => [
  r.id,
  r.acceptedAt,
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
  r.closedAt,
];

async function writeCity(orders) {
  const fixed = wallToUtcDate(wall(2016, 7, 4, 8, 30, 0));
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = '95598业务支持系统';
  wb.created = wb.modified = fixed;
  const ws = wb.addWorksheet('工单明细', { views: [{ state: 'frozen', ySplit: 3 }] });
  const title = [
    '国网黄山供电公司95598工单明细',
    '统计时间：2016-05-23 至 2016-07-03　导出时间：2016-07-04 08:30:00',
  ];
  title.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
    ws.mergeCells(i + 1, 1, i + 1, HEADERS.length);
  });
  HEADERS.forEach((h, i) => (ws.getCell(3, i + 1).value = h));
  let row = 4;
  for (const r of orders) {
    cells(r).forEach((v, i) => {
      if (v === null || v === '') return;
      const cell = ws.getCell(row, i + 1);
      cell.value = typeof v === 'object' && 'y' in v ? wallToUtcDate(v) : v;
      if (typeof v === 'object') cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
    });
    row++;
  }
  ws.getCell(row, 1).value = '合计';
  ws.getCell(row, 2).value = `${orders.length} 条`;
  writeFileSync(join(OUT, FILES.city), fixZipDates(await wb.xlsx.writeBuffer(), fixed));
  return { headerRow: 3, rows: orders.length };
}

function writeCounty(orders) {
  const lines = [['国网歙县供电公司95598工单明细（统计时间 2016-05-23 至 2016-07-01）'], HEADERS];
  for (const r of orders)
    lines.push(cells(r).map((v) => (v && typeof v === 'object' ? fmt.slash(v) : (v ?? ''))));
  lines.push(['合计', `${orders.length}`]);
  writeFileSync(join(OUT, FILES.county), iconv.encode(toDelimited(lines), 'gb18030'));
  return { headerRow: 2, rows: orders.length };
}

function write2015(orders) {
  const lines = [
    ['95598工单明细 受理时间 2015-06-01 至 2015-07-05'],
    ['APP_NO', 'ACCEPT_TIME', 'ORG_NAME', 'BUSI_TYPE', 'ACCEPT_CONTENT'],
  ];
  for (const r of orders)
    lines.push([r.id, fmt.iso(r.acceptedAt), r.unit.name, r.businessType, r.content]);
  writeFileSync(join(OUT, FILES.y2015), '\uFEFF' + toDelimited(lines));
  return { headerRow: 2, rows: orders.length };
}

// ---------------------------------------------------------------------------------------------
// Tallies from the written rows, for expected.json

function tally(orders) {
  const days = {};
  for (const r of orders) {
    if (r.businessType !== '投诉') continue;
    const d = fmt.iso(r.acceptedAt).slice(0, 10);
    days[d] ??= { complaints: 0, byUnit: {} };
    days[d].complaints++;
    days[d].byUnit[r.unit.name] = (days[d].byUnit[r.unit.name] ?? 0) + 1;
  }
  return days;
}

function figures(days) {
  const n = (d) => days[d]?.complaints ?? 0;
  const sum = (from, to) => {
    let s = 0;
    for (let d = dayOf(from); d <= dayOf(to); d++) s += n(textOf(d));
    return s;
  };
  const thursdays = ['2016-06-23', '2016-06-16', '2016-06-09', '2016-06-02'].map(n);
  const baseline = thursdays.reduce((a, b) => a + b, 0) / 4;
  const day = n('2016-06-30');
  const w25 = sum('2016-06-20', '2016-06-26');
  const w24 = sum('2016-06-13', '2016-06-19');
  const w25of2015 = sum('2015-06-15', '2015-06-21');
  return {
    day: {
      day: '2016-06-30',
      complaints: day,
      dayBefore: n('2016-06-29'),
      mom: (day - n('2016-06-29')) / n('2016-06-29'),
      yearEarlier: n('2015-06-30'),
      yoy: (day - n('2015-06-30')) / n('2015-06-30'),
      thursdays,
      baseline,
      vsBaseline: (day - baseline) / baseline,
    },
    week25: {
      week: '2016-W25',
      complaints: w25,
      previous: w24,
      mom: (w25 - w24) / w24,
      yearEarlier: w25of2015,
      yoy: (w25 - w25of2015) / w25of2015,
    },
  };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const city = [...planUnit('shizhi', SPANS[2016]), ...planUnit('tunxi', SPANS[2016])].sort(byTime);
  const county = planUnit('shexian', SPANS.shexian2016).sort(byTime);
  const y2015 = ['shizhi', 'tunxi', 'shexian']
    .flatMap((k) => planUnit(k, SPANS[2015]))
    .sort(byTime);
  const written = {
    [FILES.city]: await writeCity(city),
    [FILES.county]: writeCounty(county),
    [FILES.y2015]: write2015(y2015),
  };
  const days = tally([...city, ...county, ...y2015]);
  const expected = { files: written, ...figures(days), days };
  const { day, week25 } = expected;
  if (day.complaints !== 10 || day.baseline !== 4.75 || day.yearEarlier !== 5)
    throw new Error(`the day's figures came out ${JSON.stringify(day)}`);
  if (week25.complaints !== 27 || week25.previous !== 26 || week25.yearEarlier !== 30)
    throw new Error(`week 25 came out ${JSON.stringify(week25)}`);
  writeFileSync(join(OUT, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  console.log(`fixtures/days: ${Object.keys(written).join(', ')}`);
}

await main();
