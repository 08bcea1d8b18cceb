// The model shipped with the tool: naive Bayes trained on the tuning part of our evaluation set
// (fixtures/eval/tune.csv) for the sgcc-95598 taxonomy, written to src/taxonomy/models/.
//   npm run train-model          retrain and write the file (same bytes from the same tune.csv)
//   node scripts/train-default-model.js --cv
//                                5-fold cross-validation on the tuning part only: the pruning
//                                threshold and the way rules and model combine
// The held-out part (test.csv) is never read here: bench/accuracy.js measures on it.
import { readFileSync, writeFileSync } from 'node:fs';
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';
import { NaiveBayes } from '../dist/taxonomy/model.js';
import { normalizeText } from '../dist/taxonomy/normalize.js';
import { trainingSamples } from '../dist/taxonomy/training-samples.js';
import {
  SHIPPED_MIN_COUNT,
  shippedModelJson,
  shippedModelPath,
} from '../dist/taxonomy/shipped-model.js';

const TUNE = 'fixtures/eval/tune.csv';
const taxonomy = loadTaxonomy('sgcc-95598');

if (!process.argv.includes('--cv')) {
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
    `${before === text ? 'unchanged' : 'wrote'} ${path.pathname ?? path}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB (n-grams seen at least ${SHIPPED_MIN_COUNT} times)`,
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

function pct(n, of) {
  return ((100 * n) / of).toFixed(1) + '%';
}
