// Builds the classification evaluation set: hand-written, hand-labelled complaint texts
// (scripts/eval-data/*.json, written in our own words) become two 95598-style CSV exports.
// part-a/part-b are split per second-level type: 60% to tune the rules on, 40% held out to
// report accuracy. tune-extra-*.json, written later by other hands, only ever add to the
// tuning part; the held-out part is the same as before they existed.
// hard-test-<kind>.json (held-out texts of the hard kinds: negation, traditional, dialect,
// typos, shorthand, narrative, second-topic) are appended to the held-out part as HT…, and
// hard-tune-*.json (tuning texts of the same kinds) to the tuning part as HX…, and fresh
// batches (tune-fresh-*.json) to the tuning part as FX…, each from its own random stream, so
// none moves a row written before them. The last column, 文本类型,
// is each text's kind: the item's own `kind`, else `second-topic` where the note says the
// text has several grievances (多诉求), else `plain`.
//
//   node scripts/make-eval-set.js
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
  '文本类型',
];
const KINDS = [
  'plain',
  'negation',
  'traditional',
  'dialect',
  'typos',
  'shorthand',
  'narrative',
  'second-topic',
];

const DATA = join(HERE, 'eval-data');
const TAXONOMY = JSON.parse(
  readFileSync(join(HERE, '..', 'src', 'taxonomy', 'data', 'sgcc-95598.json'), 'utf8'),
);
const LEVEL2_OF = new Map(
  TAXONOMY.nodes.flatMap((l1) => l1.children.map((l2) => [l2.name, l1.name])),
);

/** A file's items, each checked: known first/second-level names that belong together, a kind. */
function read(name) {
  const items = JSON.parse(readFileSync(join(DATA, name), 'utf8'));
  items.forEach((item, i) => {
    const where = `scripts/eval-data/${name} item ${i + 1}`;
    if (LEVEL2_OF.get(item.level2) !== item.level1)
      throw new Error(`${where}: ${item.level1}/${item.level2} is not a sgcc-95598 class`);
    if (item.kind !== undefined && !KINDS.includes(item.kind))
      throw new Error(`${where}: unknown kind '${item.kind}' (one of ${KINDS.join(', ')})`);
    if (typeof item.text !== 'string' || item.text.trim() === '')
      throw new Error(`${where}: empty text`);
  });
  return items;
}
const kindOf = (item) => item.kind ?? (/多诉求/.test(item.note) ? 'second-topic' : 'plain');
/** The data files whose names match, in file-name order. */
const matching = (pattern) =>
  readdirSync(DATA)
    .filter((name) => pattern.test(name))
    .sort();
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
    kindOf(item),
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
  .filter((name) => existsSync(join(DATA, name)))
  .flatMap(read)
  .forEach((item, i) => tune.push(exportRow(extraRng, `EX${pad(i + 1, 4)}`, item)));
// The texts of the hard kinds: held-out ones to the held-out part, tuning ones to the tuning
// part, each with its own stream.
const hardTestRng = createRng(4444);
matching(/^hard-test-.+\.json$/)
  .flatMap(read)
  .forEach((item, i) => test.push(exportRow(hardTestRng, `HT${pad(i + 1, 4)}`, item)));
const hardTuneRng = createRng(4545);
matching(/^hard-tune-.+\.json$/)
  .flatMap(read)
  .forEach((item, i) => tune.push(exportRow(hardTuneRng, `HX${pad(i + 1, 4)}`, item)));
// Fresh tuning batches by new hands (tune-fresh-*.json) follow the HX rows, again with a
// stream of their own: FX… in file-name order, then item order.
const freshRng = createRng(4646);
matching(/^tune-fresh-.+\.json$/)
  .flatMap(read)
  .forEach((item, i) => tune.push(exportRow(freshRng, `FX${pad(i + 1, 4)}`, item)));
// Rows in id order within a family, families in the order they were added: FX comes after HX.
const FAMILIES = ['EV', 'EX', 'HT', 'HX', 'FX'];
const idKey = (row) => [FAMILIES.indexOf(row.cells[0].slice(0, 2)), row.cells[0]];
const byId = (a, b) => {
  const [fa, ia] = idKey(a);
  const [fb, ib] = idKey(b);
  return fa - fb || (ia < ib ? -1 : 1);
};

mkdirSync(OUT, { recursive: true });
for (const [name, part] of [
  ['tune.csv', tune],
  ['test.csv', test],
]) {
  const text = toDelimited([HEADER, ...part.sort(byId).map((r) => r.cells)]);
  writeFileSync(join(OUT, name), '\ufeff' + text);
  console.log(`fixtures/eval/${name}: ${part.length} complaints`);
}
