// Where the rules (alone) miss level 1 on the tuning part, in aggregate: no class vs a wrong
// class, true → predicted first levels, the winner's confidence, whether the true first level
// was the runner-up's, and whether naive Bayes (5-fold cross-validation on the same texts) gets
// them right. Reads tune.csv without the dev batches (hands C, E, F, G, H, I, J: FX0481–FX0720,
// FX0961–FX2400), which stay unseen, and without hands K's and L's batches (FX2401–FX2880, tuning data kept
// apart so that the rest stays comparable); prints no text and no id.
//   node bench/level1-breakdown.js [--dev C|E|F|G|H|I|J|K|L]
// With --dev, the same aggregates for one dev batch instead (counts only), the model trained on
// the tuning part without the dev batches.
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';
import { NaiveBayes } from '../dist/taxonomy/model.js';
import { normalizeText } from '../dist/taxonomy/normalize.js';

const FILE = process.env.TUNE_FILE ?? 'fixtures/eval/tune.csv';
const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
const fx = (id) => (/^FX\d{4}$/.test(id) ? Number(id.slice(2)) : -1);
export const isDev = (id) => (fx(id) >= 481 && fx(id) <= 720) || (fx(id) >= 961 && fx(id) <= 2880);

const DEV = {
  C: [481, 720],
  E: [961, 1200],
  F: [1201, 1440],
  G: [1441, 1680],
  H: [1681, 1920],
  I: [1921, 2160],
  J: [2161, 2400],
  K: [2401, 2640],
  L: [2641, 2880],
};
const devAt = process.argv.indexOf('--dev');
const dev = devAt < 0 ? null : DEV[process.argv[devAt + 1]];
const inDev = (id) => dev !== null && fx(id) >= dev[0] && fx(id) <= dev[1];
const taxonomy = loadTaxonomy('sgcc-95598');
const rows = [];
const devRows = [];
await ingest([FILE], settings, (order) => {
  const row = { text: order.content ?? '', level1: order.level1, level2: order.level2 };
  if (!isDev(order.id)) rows.push(row);
  else if (inDev(order.id)) devRows.push(row);
});
const level2 = taxonomy.nodes.filter((n) => n.level === 2);
const byName = new Map(level2.map((n) => [n.name, n]));
const codes = level2.map((n) => n.code);
// Model level 1 by 5-fold cross-validation: the sum of its types' probabilities.
const FOLDS = 5;
const modelL1 = new Array(rows.length);
for (let f = 0; f < FOLDS; f++) {
  const model = NaiveBayes.train(
    rows
      .filter((_, i) => i % FOLDS !== f)
      .map((r) => ({
        text: normalizeText(r.text, taxonomy.text),
        label: byName.get(r.level2).code,
      })),
    taxonomy.name,
    2,
  );
  rows.forEach((r, i) => {
    if (i % FOLDS !== f) return;
    const sums = new Map();
    for (const { label, probability } of model.rank(normalizeText(r.text, taxonomy.text), codes)) {
      const parent = level2.find((n) => n.code === label).parent.name;
      sums.set(parent, (sums.get(parent) ?? 0) + probability);
    }
    modelL1[i] = [...sums].sort((a, b) => b[1] - a[1])[0][0];
  });
}
if (dev !== null) {
  const model = NaiveBayes.train(
    rows.map((r) => ({
      text: normalizeText(r.text, taxonomy.text),
      label: byName.get(r.level2).code,
    })),
    taxonomy.name,
    2,
  );
  rows.length = 0;
  modelL1.length = 0;
  for (const r of devRows) {
    const sums = new Map();
    for (const { label, probability } of model.rank(normalizeText(r.text, taxonomy.text), codes)) {
      const parent = level2.find((n) => n.code === label).parent.name;
      sums.set(parent, (sums.get(parent) ?? 0) + probability);
    }
    rows.push(r);
    modelL1.push([...sums].sort((a, b) => b[1] - a[1])[0][0]);
  }
}
const rules = new Classifier(taxonomy);
const count = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const pairs = new Map();
const conf = { right: new Map(), wrong: new Map(), lost: new Map(), gained: new Map() };
let abstain = 0;
let wrong = 0;
let runnerUpTrue = 0;
let modelRightOnMiss = 0;
let modelWrongOnHit = 0;
const bucket = (c) =>
  c < 0.34
    ? '<0.34'
    : c < 0.51
      ? '0.34–0.51'
      : c < 0.67
        ? '0.51–0.67'
        : c < 0.84
          ? '0.67–0.84'
          : '≥0.84';
rows.forEach((r, i) => {
  const c = rules.byText(r.text);
  const got = c.level1?.name ?? '-';
  const ok = got === r.level1;
  if (!ok && modelL1[i] === r.level1) modelRightOnMiss++;
  if (ok && modelL1[i] !== r.level1) modelWrongOnHit++;
  if (got === '-') {
    abstain++;
    count(pairs, `${r.level1}→-`);
    return;
  }
  count(ok ? conf.right : conf.wrong, bucket(c.confidence));
  // Were the model's first level taken where the rules' confidence is below 0.51:
  if (c.confidence < 0.51 && modelL1[i] !== got)
    count(ok ? conf.lost : conf.gained, modelL1[i] === r.level1 ? 'fixed' : 'other');
  if (ok) return;
  wrong++;
  count(pairs, `${r.level1}→${got}`);
  // The best type of each other first level: was the true one's best the runner-up?
  const scores = rules.level2.map((cand) => [cand.node.parent.name, rules.sum(cand)]);
  const best = new Map();
  for (const [l1, s] of scores) if (s > (best.get(l1) ?? -Infinity)) best.set(l1, s);
  const others = [...best].filter(([l1]) => l1 !== got).sort((a, b) => b[1] - a[1]);
  if (others[0]?.[0] === r.level1 && others[0][1] > 0) runnerUpTrue++;
});
const misses = abstain + wrong;
console.log(
  `${dev ? `dev batch ${process.argv[devAt + 1]}` : 'tuning part without dev batches'}: n=${rows.length}, level-1 misses ${misses} (${((100 * misses) / rows.length).toFixed(1)}%)`,
);
console.log(
  `  no class ${abstain}, wrong class ${wrong}; of the wrong, the true first level was the runner-up ${runnerUpTrue}`,
);
console.log(
  `  model (5-fold CV, level 1 by summed probabilities) right on ${modelRightOnMiss} of the rules' misses; wrong on ${modelWrongOnHit} of the rules' hits`,
);
console.log(
  '  pairs: ' +
    [...pairs]
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p} ${n}`)
      .join(', '),
);
for (const k of ['<0.34', '0.34–0.51', '0.51–0.67', '0.67–0.84', '≥0.84'])
  console.log(
    `  confidence ${k.padEnd(10)} right ${String(conf.right.get(k) ?? 0).padStart(5)}  wrong ${String(conf.wrong.get(k) ?? 0).padStart(4)}`,
  );
console.log(
  `  the model's first level where confidence < 0.51 and it differs: ${conf.gained.get('fixed') ?? 0} misses fixed, ${conf.lost.get('fixed') ?? 0} + ${conf.lost.get('other') ?? 0} hits lost`,
);
