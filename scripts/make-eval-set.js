// Builds the classification evaluation set: hand-written, hand-labelled complaint texts
// (scripts/eval-data/*.json, written in our own words) become two 95598-style CSV exports.
// part-a/part-b are split per second-level type: 60% to tune the rules on, 40% held out to
// report accuracy. tune-extra-*.json, written later by other hands, only ever add to the
// tuning part; the held-out part is the same as before they existed.
//
//   node scripts/make-eval-set.js
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './lib/prng.js';
import { toDelimited } from './lib/csv.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'fixtures', 'eval');
const TUNE_SHARE = 0.6;
const UNITS = [
  '国网青阳县供电公司',
  '国网石台县供电公司',
  '国网东至县供电公司',
  '国网贵池区供电公司',
  '国网九华山供电公司（市直）',
  '国网江口县供电公司',
];
const HEADER = [
  '工单编号',
  '受理时间',
  '供电单位',
  '业务类型',
  '受理内容',
  '一级分类',
  '二级分类',
  '三级分类',
  '备注',
];

const read = (name) => JSON.parse(readFileSync(join(HERE, 'eval-data', name), 'utf8'));
const pad = (n, width = 2) => String(n).padStart(width, '0');

/** One labelled text as a row of a 95598 export; the generator's draws decide time and unit. */
function exportRow(rng, id, item) {
  // Month and day are drawn first: the order of draws keeps every file as it was.
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  const time = `2016-${pad(month)}-${pad(day)} ${pad(rng.int(7, 21))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`;
  const cells = [
    id,
    time,
    rng.pick(UNITS),
    '投诉',
    item.text,
    item.level1,
    item.level2,
    item.level3,
    item.note,
  ];
  return { level2: item.level2, cells };
}

const rng = createRng(4242);
const rows = ['part-a.json', 'part-b.json']
  .flatMap(read)
  .map((item, i) => exportRow(rng, `EV${pad(i + 1, 4)}`, item));

const tune = [];
const test = [];
for (const level2 of [...new Set(rows.map((r) => r.level2))]) {
  const ofType = rng.shuffle(rows.filter((r) => r.level2 === level2));
  const cut = Math.round(ofType.length * TUNE_SHARE);
  tune.push(...ofType.slice(0, cut));
  test.push(...ofType.slice(cut));
}
// Extra tuning texts get their own random stream, so the split above never moves.
const extraRng = createRng(4343);
[
  'tune-extra-a.json',
  'tune-extra-b.json',
  'tune-extra-c.json',
  'tune-extra-d.json',
  'tune-extra-e.json',
  'tune-extra-f.json',
]
  .filter((name) => existsSync(join(HERE, 'eval-data', name)))
  .flatMap(read)
  .forEach((item, i) => tune.push(exportRow(extraRng, `EX${pad(i + 1, 4)}`, item)));
const byId = (a, b) => (a.cells[0] < b.cells[0] ? -1 : 1);

mkdirSync(OUT, { recursive: true });
for (const [name, part] of [
  ['tune.csv', tune],
  ['test.csv', test],
]) {
  const text = toDelimited([HEADER, ...part.sort(byId).map((r) => r.cells)]);
  writeFileSync(join(OUT, name), '\ufeff' + text);
  console.log(`fixtures/eval/${name}: ${part.length} complaints`);
}
