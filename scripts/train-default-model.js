// The model shipped with the tool: naive Bayes over character 2-grams, trained on the tuning part
// of our evaluation set (fixtures/eval/tune.csv) for the sgcc-95598 taxonomy, written to
// src/taxonomy/models/. The held-out part (test.csv) is never read here: bench/accuracy.js
// measures on it. Usage: the text below (--help).
const USAGE = `node scripts/train-default-model.js [--cv | --combine | --sizes LIST | --help]
  (no option)  retrain and write src/taxonomy/models/sgcc-95598.json (npm run train-model):
               character 2-grams seen at least 3 times in the tuning texts, the same bytes from
               the same tune.csv
  --cv         5-fold cross-validation on the tuning part only, the shipped n-grams: each pruning
               threshold, and rules + model with several overrules
  --combine    the same folds, the shipped model: every combination of the model's floor and the
               overrule (classify.ts, Combination), counted on the whole part, the dev batches
               (hands C, E, F, G, H, I, J), the rest, H, I, J and the HX texts; aggregates only
  --sizes 150,300,600,1200,all [--orders 1,2/2/2,3] [--repeats 4] [--seed 21]
               which n-grams classify --train should read on an analyst's own, small history:
               stratified 5-fold cross-validation (folds drawn with the seed), each fold's model
               trained as --train does (every n-gram kept) on a stratified draw of that many of
               the other four folds' texts (repeats draws; all: one), the model alone and rules +
               model (the shipped combination) on the fold left out; mean ± SD over the folds and
               draws, and each order's level-2 difference from the first, draw by draw
Other readings of the texts (n-gram lengths, smoothing, tf-idf, complement NB, ensembles) are
compared by node bench/model-cv.js, which chose the shipped one.`;
import { readFileSync, writeFileSync } from 'node:fs';
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier, SHIPPED_COMBINATION } from '../dist/taxonomy/classify.js';
import { NaiveBayes } from '../dist/taxonomy/model.js';
import { normalizeText } from '../dist/taxonomy/normalize.js';
import { trainingSamples } from '../dist/taxonomy/training-samples.js';
import {
  SHIPPED_MIN_COUNT,
  SHIPPED_ORDERS,
  shippedModelJson,
  shippedModelPath,
} from '../dist/taxonomy/shipped-model.js';

const TUNE = 'fixtures/eval/tune.csv';
const taxonomy = loadTaxonomy('sgcc-95598');
// The dev batches (hands C, E, F, G, H, I, J): no rule was written from their texts.
const fx = (id) => (/^FX\d{4}$/.test(id) ? Number(id.slice(2)) : -1);
const isDev = (id) => (fx(id) >= 481 && fx(id) <= 720) || (fx(id) >= 961 && fx(id) <= 2400);

if (process.argv.includes('--help')) {
  console.log(USAGE);
} else if (process.argv.includes('--combine')) {
  await combine();
} else if (process.argv.includes('--sizes')) {
  await bySize();
} else if (!process.argv.includes('--cv')) {
  const path = shippedModelPath(taxonomy.name);
  const text = shippedModelJson(await trainingSamples(TUNE, taxonomy), taxonomy.name);
  const before = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  })();
  writeFileSync(path, text);
  console.log(
    `${before === text ? 'unchanged' : 'wrote'} ${path.pathname ?? path}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB (character ${SHIPPED_ORDERS.join('- and ')}-grams seen at least ${SHIPPED_MIN_COUNT} times)`,
  );
} else {
  await crossValidate();
}

async function crossValidate() {
  const rows = [];
  const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
  await ingest([TUNE], settings, (order) =>
    rows.push({
      text: normalizeText(order.content ?? '', taxonomy.text),
      level2: order.level2,
      fresh: /^HX/.test(order.id ?? ''),
    }),
  );
  const node = new Map(taxonomy.nodes.filter((n) => n.level === 2).map((n) => [n.name, n]));
  const level2Codes = taxonomy.nodes.filter((n) => n.level === 2).map((n) => n.code);
  const rules = new Classifier(taxonomy);
  const ruled = rules ? rows.map((r) => rules.byText(r.text)) : [];
  const FOLDS = 5;
  // The hard-kind tuning texts (HX…) joined after the rules were written: on them the rules are
  // as unseen as the model, and the comparison of the two is fair.
  const fresh = rows.filter((r) => r.fresh).length;
  const mins = [1, 2, 3, 4, 5, 8];
  // Overrule: the model replaces a rules decision whose confidence is below c when it is at
  // least p sure (c = 0: never, the current way).
  const overrules = [];
  for (const c of [0, 0.34, 0.51, 0.67, 0.76, 1.01])
    for (const p of [0.5, 0.7, 0.8, 0.9, 0.95, 0.99]) overrules.push({ c, p });
  console.log(`5-fold cross-validation on ${TUNE} (${rows.length} texts)`);
  console.log(
    'rules alone (tuned on all of these texts: optimistic):',
    pct(ruled.filter((c, i) => c.level2 === node.get(rows[i].level2)).length, rows.length),
  );
  for (const min of mins) {
    let modelRight = 0;
    let modelL1 = 0;
    const combined = overrules.map(() => ({ l1: 0, l2: 0, fresh: 0 }));
    let modelFresh = 0;
    let vocabulary = 0;
    let bytes = 0;
    for (let f = 0; f < FOLDS; f++) {
      const train = rows.filter((_, i) => i % FOLDS !== f);
      const model = NaiveBayes.train(
        train.map((r) => ({ text: r.text, label: node.get(r.level2).code })),
        taxonomy.name,
        min,
        SHIPPED_ORDERS,
      );
      vocabulary += model.vocabulary / FOLDS;
      bytes += JSON.stringify(model.toJSON()).length / FOLDS;
      const withModel = new Classifier(taxonomy, model);
      rows.forEach((row, i) => {
        if (i % FOLDS !== f) return;
        const truth = node.get(row.level2);
        const top = model.rank(row.text, level2Codes)[0];
        const guess = taxonomy.nodes.find((n) => n.code === top.label);
        if (guess === truth) modelRight++;
        if (guess === truth && row.fresh) modelFresh++;
        if (guess.parent === truth.parent) modelL1++;
        const base = withModel.byText(row.text); // rules first, model where rules are unsure
        overrules.forEach(({ c, p }, k) => {
          const rule = ruled[i];
          const over =
            rule.method === 'rules' && rule.level2 && rule.confidence < c && top.probability >= p;
          const level2 = over ? guess : base.level2;
          const level1 = over ? guess.parent : base.level1;
          if (level2 === truth) combined[k].l2++;
          if (level2 === truth && row.fresh) combined[k].fresh++;
          if (level1 === truth.parent) combined[k].l1++;
        });
      });
    }
    console.log(
      `\nminCount ${min}: ${Math.round(vocabulary)} n-grams, ${(bytes / 1024).toFixed(0)} KiB; model alone level1 ${pct(modelL1, rows.length)} level2 ${pct(modelRight, rows.length)}; level2 on the texts the rules were not tuned on ${pct(modelFresh, fresh)}`,
    );
    const lines = overrules.map(
      ({ c, p }, k) =>
        `  overrule below ${c.toFixed(2)} at p≥${p}: level1 ${pct(combined[k].l1, rows.length)} level2 ${pct(combined[k].l2, rows.length)}; level2 on the texts the rules were not tuned on ${pct(combined[k].fresh, fresh)}`,
    );
    // c = 0 rows are all the same (never overrule): print one.
    console.log(
      lines[0].replace(/overrule below 0.00 at p≥[\d.]+/, 'rules first, model where unsure'),
    );
    lines.forEach((line, k) => {
      if (overrules[k].c > 0) console.log(line);
    });
  }
}

/**
 * The combination of rules and model, chosen by 5-fold cross-validation: the model of each fold
 * is trained on the other four (the shipped pruning), and every setting is applied to the fifth.
 * The rules were written by reading the tuning texts, so on the whole part their figure is
 * optimistic and favours them; the dev batches (hands C, E, F, G, H, I, J) were only ever read in
 * aggregate: the setting is chosen on them (level 1 + level 2 hits), the rest printed beside it,
 * and the three newest hands, H, I and J, each on its own. Each text's decision is worked out from
 * three things the classifier itself gives (the rules' decision, whether a type was clearly
 * ahead, the model's top type), and checked against the classifier with the shipped setting on
 * every text.
 */
async function combine() {
  const rows = [];
  const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
  await ingest([TUNE], settings, (order) =>
    rows.push({
      raw: order.content ?? '',
      text: normalizeText(order.content ?? '', taxonomy.text),
      level2: order.level2,
      groups: [
        'all',
        isDev(order.id ?? '') ? 'dev' : 'rest',
        ...(fx(order.id ?? '') >= 1681 && fx(order.id ?? '') <= 1920 ? ['H'] : []),
        ...(fx(order.id ?? '') >= 1921 && fx(order.id ?? '') <= 2160 ? ['I'] : []),
        ...(fx(order.id ?? '') >= 2161 ? ['J'] : []),
        ...(/^HX/.test(order.id ?? '') ? ['HX'] : []),
      ],
    }),
  );
  const GROUPS = ['all', 'rest', 'dev', 'H', 'I', 'J', 'HX'];
  const size = Object.fromEntries(
    GROUPS.map((g) => [g, rows.filter((r) => r.groups.includes(g)).length]),
  );
  const node = new Map(taxonomy.nodes.filter((n) => n.level === 2).map((n) => [n.name, n]));
  const byCode = new Map(taxonomy.nodes.map((n) => [n.code, n]));
  const level2Codes = taxonomy.nodes.filter((n) => n.level === 2).map((n) => n.code);
  const rules = new Classifier(taxonomy);
  const FOLDS = 5;
  const seen = rows.map((row) => {
    const ruled = rules.byText(row.raw);
    return { level1: ruled.level1, level2: ruled.level2, confidence: ruled.confidence };
  });
  // A model with floor 0 and no overrule answers where no type is ahead and nowhere else: its
  // method says whether a type was clearly ahead.
  const split = { minProbability: 0, overruleBelow: 0, overruleProbability: 2 };
  let mismatches = 0;
  for (let f = 0; f < FOLDS; f++) {
    const model = NaiveBayes.train(
      rows
        .filter((_, i) => i % FOLDS !== f)
        .map((r) => ({ text: r.text, label: node.get(r.level2).code })),
      taxonomy.name,
      SHIPPED_MIN_COUNT,
      SHIPPED_ORDERS,
    );
    const probe = new Classifier(taxonomy, model, split);
    const shipped = new Classifier(taxonomy, model);
    rows.forEach((row, i) => {
      if (i % FOLDS !== f) return;
      const top = model.rank(normalizeText(row.raw, taxonomy.text), level2Codes)[0];
      seen[i].ahead = probe.byText(row.raw).method === 'rules';
      seen[i].top = top ? { node: byCode.get(top.label), p: top.probability } : null;
      const got = decide(seen[i], SHIPPED_COMBINATION);
      const real = shipped.byText(row.raw);
      if (got.level2 !== real.level2 || got.level1 !== real.level1) mismatches++;
    });
  }
  if (mismatches > 0) throw new Error(`${mismatches} texts decided otherwise than classify.ts`);
  const floors = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01];
  const belows = [0, 0.34, 0.51, 0.67, 0.76, 0.9, 1.01];
  const sures = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99];
  const results = [];
  for (const minProbability of floors)
    for (const overruleBelow of belows)
      for (const overruleProbability of overruleBelow === 0 ? [2] : sures) {
        const setting = { minProbability, overruleBelow, overruleProbability };
        const hits = Object.fromEntries(GROUPS.map((g) => [g, { l1: 0, l2: 0 }]));
        let byModel = 0;
        rows.forEach((row, i) => {
          const d = decide(seen[i], setting);
          const truth = node.get(row.level2);
          byModel += d.model;
          for (const g of row.groups) {
            hits[g].l1 += d.level1 === truth.parent;
            hits[g].l2 += d.level2 === truth;
          }
        });
        results.push({ setting, hits, byModel });
      }
  const same = (a, b) =>
    a.minProbability === b.minProbability &&
    a.overruleBelow === b.overruleBelow &&
    (a.overruleBelow === 0 || a.overruleProbability === b.overruleProbability);
  const score = (r) => r.hits.dev.l1 + r.hits.dev.l2;
  const line = (label, r) =>
    `${label.padEnd(34)} ${GROUPS.map((g) => `${g} ${pct(r.hits[g].l1, size[g])} / ${pct(r.hits[g].l2, size[g])} (${r.hits[g].l1}/${r.hits[g].l2})`).join('  ')}  model decides ${r.byModel}`;
  const name = ({ minProbability: m, overruleBelow: c, overruleProbability: p }) =>
    `floor ${m}, overrule below ${c}${c > 0 ? ` at p≥${p}` : ''}`;
  console.log(
    `5-fold cross-validation on ${TUNE}: ${GROUPS.map((g) => `${g} ${size[g]}`).join(', ')}; level 1 / level 2`,
  );
  console.log(line('rules alone (no model)', { hits: ruledHits(), byModel: 0 }));
  console.log(line('model alone', { hits: modelHits(), byModel: rows.length }));
  console.log(
    line(
      `shipped: ${name(SHIPPED_COMBINATION)}`,
      results.find((r) => same(r.setting, SHIPPED_COMBINATION)),
    ),
  );
  // The shape around the choice: with the shipped floor, each overrule's hits on the dev batches.
  console.log(
    `dev batches, floor ${SHIPPED_COMBINATION.minProbability}: level 1 + level 2 hits (of ${2 * size.dev}), rows: overrule below c, columns: at p≥`,
  );
  console.log(`       ${sures.map((p) => String(p).padStart(6)).join('')}`);
  for (const c of belows.filter((c) => c > 0))
    console.log(
      `  ${c.toFixed(2)} ${sures
        .map((p) =>
          String(
            score(
              results.find((r) =>
                same(r.setting, {
                  ...SHIPPED_COMBINATION,
                  overruleBelow: c,
                  overruleProbability: p,
                }),
              ),
            ),
          ).padStart(6),
        )
        .join('')}`,
    );
  console.log('best 25 on the dev batches (level 1 + level 2 hits):');
  for (const r of [...results]
    .sort((a, b) => score(b) - score(a) || a.byModel - b.byModel)
    .slice(0, 25))
    console.log(line(`  ${name(r.setting)}`, r));

  function ruledHits() {
    const hits = Object.fromEntries(GROUPS.map((g) => [g, { l1: 0, l2: 0 }]));
    rows.forEach((row, i) => {
      const truth = node.get(row.level2);
      for (const g of row.groups) {
        hits[g].l1 += seen[i].level1 === truth.parent;
        hits[g].l2 += seen[i].level2 === truth;
      }
    });
    return hits;
  }
  function modelHits() {
    const hits = Object.fromEntries(GROUPS.map((g) => [g, { l1: 0, l2: 0 }]));
    rows.forEach((row, i) => {
      const truth = node.get(row.level2);
      for (const g of row.groups) {
        hits[g].l1 += seen[i].top?.node.parent === truth.parent;
        hits[g].l2 += seen[i].top?.node === truth;
      }
    });
    return hits;
  }
}

/** The value after a command-line option, or the default. */
function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1];
}

/** A seeded generator (mulberry32): the same seed, the same folds and draws. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(list, next) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Indices grouped by class, each group shuffled: the start of a stratified fold or draw. */
function byClass(indices, classOf, next) {
  const groups = new Map();
  for (const i of indices) groups.set(classOf(i), [...(groups.get(classOf(i)) ?? []), i]);
  return [...groups.keys()].sort().map((k) => shuffled(groups.get(k), next));
}

/**
 * n of the indices, each class in proportion to its share (largest remainders; at least one of a
 * class when n allows): a history of n texts with the classes in the mix the tuning part has.
 */
function stratifiedDraw(indices, classOf, n, next) {
  const groups = byClass(indices, classOf, next);
  const quota = groups.map((g) => (g.length * n) / indices.length);
  const take = quota.map((q, k) => Math.min(groups[k].length, Math.max(1, Math.floor(q))));
  let left = n - take.reduce((a, b) => a + b, 0);
  const order = quota.map((q, k) => k).sort((a, b) => (quota[b] % 1) - (quota[a] % 1) || a - b);
  for (let r = 0; left > 0; r = (r + 1) % order.length) {
    const k = order[r];
    if (take[k] < groups[k].length) (take[k]++, left--);
  }
  return groups.flatMap((g, k) => g.slice(0, take[k]));
}

/**
 * Which n-gram lengths classify --train should read, by the size of the labelled history: see
 * USAGE (--sizes). Each draw is read with every order, so their differences are paired.
 */
async function bySize() {
  const sizes = option('--sizes', '150,300,600,1200,all').split(',');
  const orderSets = option('--orders', '1,2/2')
    .split('/')
    .map((o) => o.split(',').map(Number));
  const repeats = Number(option('--repeats', '4'));
  const seed = Number(option('--seed', '21'));
  const FOLDS = 5;
  const node = new Map(taxonomy.nodes.filter((n) => n.level === 2).map((n) => [n.name, n]));
  const rows = [];
  const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
  await ingest([TUNE], settings, (order) =>
    rows.push({
      raw: order.content ?? '',
      text: normalizeText(order.content ?? '', taxonomy.text),
      truth: node.get(order.level2),
      dev: isDev(order.id ?? ''),
    }),
  );
  const next = random(seed);
  const classOf = (i) => rows[i].truth.code;
  const fold = new Array(rows.length);
  let at = 0;
  for (const group of byClass(rows.keys(), classOf, next))
    for (const i of group) fold[i] = at++ % FOLDS;
  const devCount = rows.filter((r) => r.dev).length;
  console.log(
    `stratified ${FOLDS}-fold cross-validation on ${TUNE} (${rows.length} texts, ${devCount} of the dev batches), seed ${seed}; the model trained as classify --train does (every n-gram kept), rules + model with the shipped combination`,
  );
  // results[size][orders]: readFold's hits, one per fold and draw
  const results = sizes.map(() => orderSets.map(() => []));
  for (let f = 0; f < FOLDS; f++) {
    const test = rows.flatMap((r, i) => (fold[i] === f ? [i] : []));
    const pool = rows.flatMap((r, i) => (fold[i] !== f ? [i] : []));
    sizes.forEach((size, s) => {
      const whole = size === 'all' || Number(size) >= pool.length;
      for (let r = 0; r < (whole ? 1 : repeats); r++) {
        const train = whole ? pool : stratifiedDraw(pool, classOf, Number(size), next);
        orderSets.forEach((orders, o) => {
          const model = NaiveBayes.train(
            train.map((i) => ({ text: rows[i].text, label: rows[i].truth.code })),
            taxonomy.name,
            1,
            orders,
          );
          results[s][o].push({ ...readFold(model, rows, test), train: train.length });
        });
      }
    });
  }
  printBySize(sizes, orderSets, results, rulesAlone(rows, fold, FOLDS));
}

/**
 * One fold read by a model trained on the others: level 1 / level 2 hits of the model alone and
 * of rules + model (the shipped combination), on all the fold's texts and on its dev batches,
 * the texts rules + model reads right at level 2, and how many the model decides (and wrongly).
 */
function readFold(model, rows, test) {
  const level2Codes = taxonomy.nodes.filter((n) => n.level === 2).map((n) => n.code);
  const byCode = new Map(taxonomy.nodes.map((n) => [n.code, n]));
  const withModel = new Classifier(taxonomy, model);
  const hits = { n: test.length, nDev: 0, m1: 0, m2: 0, b1: 0, b2: 0, dev2: 0 };
  Object.assign(hits, { byModel: 0, modelWrong: 0, right: new Set() });
  for (const i of test) {
    const { truth, raw, text, dev } = rows[i];
    const top = byCode.get(model.rank(text, level2Codes)[0]?.label);
    hits.m1 += top?.parent === truth.parent;
    hits.m2 += top === truth;
    const both = withModel.byText(raw);
    hits.nDev += dev;
    hits.b1 += both.level1 === truth.parent;
    hits.b2 += both.level2 === truth;
    hits.dev2 += dev && both.level2 === truth;
    if (both.level2 === truth) hits.right.add(i);
    hits.byModel += both.method === 'model';
    hits.modelWrong += both.method === 'model' && both.level2 !== truth;
  }
  return hits;
}

/**
 * The rules alone, on the same folds: what a model has to beat (they were written from some of
 * these texts: on all of them they flatter themselves; not on the dev batches).
 */
function rulesAlone(rows, fold, folds) {
  const rules = new Classifier(taxonomy);
  return [...Array(folds).keys()].map((f) => {
    const hits = { n: 0, nDev: 0, b1: 0, b2: 0, dev2: 0 };
    rows.forEach((row, i) => {
      if (fold[i] !== f) return;
      const got = rules.byText(row.raw);
      hits.n++;
      hits.nDev += row.dev;
      hits.b1 += got.level1 === row.truth.parent;
      hits.b2 += got.level2 === row.truth;
      hits.dev2 += row.dev && got.level2 === row.truth;
    });
    return hits;
  });
}

/** The --sizes table, in Markdown: mean ± SD over the folds and draws, in percent. */
function printBySize(sizes, orderSets, results, ruled) {
  const stat = (list, get) => {
    const xs = list.map(get);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
    return `${(100 * mean).toFixed(1)} ± ${(100 * sd).toFixed(1)}`;
  };
  console.log(
    '\n| texts trained on | orders | draws | model alone: level 1 | level 2 | level 2 against the first orders | rules + model: level 1 | level 2 | level 2, dev batches | level 2 against the first orders (texts won / lost) | decided by the model (of them wrong at level 2) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(
    `| rules alone | | ${ruled.length} | | | | ${stat(ruled, (h) => h.b1 / h.n)} | ${stat(ruled, (h) => h.b2 / h.n)} | ${stat(ruled, (h) => h.dev2 / h.nDev)} | | |`,
  );
  sizes.forEach((size, s) =>
    orderSets.forEach((orders, o) => {
      const list = results[s][o];
      const first = results[s][0];
      const won = list.reduce(
        (a, h, k) => a + [...h.right].filter((i) => !first[k].right.has(i)).length,
        0,
      );
      const lost = list.reduce(
        (a, h, k) => a + [...first[k].right].filter((i) => !h.right.has(i)).length,
        0,
      );
      const diff =
        o === 0 ? '' : `${stat(list, (h, k) => (h.b2 - first[k].b2) / h.n)} (+${won} / −${lost})`;
      const modelDiff = o === 0 ? '' : stat(list, (h, k) => (h.m2 - first[k].m2) / h.n);
      const sum = (get) => list.reduce((a, h) => a + get(h), 0);
      const decided = `${((100 * sum((h) => h.byModel)) / sum((h) => h.n)).toFixed(1)}% (${((100 * sum((h) => h.modelWrong)) / sum((h) => h.byModel)).toFixed(0)}%)`;
      console.log(
        `| ${size === 'all' ? `all (${list[0].train})` : size} | ${orders.join(',')} | ${list.length} | ${stat(list, (h) => h.m1 / h.n)} | ${stat(list, (h) => h.m2 / h.n)} | ${modelDiff} | ${stat(list, (h) => h.b1 / h.n)} | ${stat(list, (h) => h.b2 / h.n)} | ${stat(list, (h) => h.dev2 / h.nDev)} | ${diff} | ${decided} |`,
      );
    }),
  );
}

/** What classify.ts decides for one text under a setting, from the rules' and model's parts. */
function decide(seen, { minProbability, overruleBelow, overruleProbability }) {
  const top = seen.top;
  const model = top ? { level1: top.node.parent, level2: top.node, model: 1 } : null;
  const ruled = { level1: seen.level1, level2: seen.level2, model: 0 };
  if (seen.ahead) {
    if (seen.confidence >= overruleBelow) return ruled;
    return model && top.p >= overruleProbability && top.node !== seen.level2 ? model : ruled;
  }
  return model && top.p >= minProbability ? model : ruled;
}

function pct(n, of) {
  return ((100 * n) / of).toFixed(1) + '%';
}
