// Classification accuracy on the hand-labelled evaluation set (fixtures/eval/), and rule
// throughput. Rules are tuned on tune.csv only; test.csv is the held-out figure, and
// --verbose lists the misses of the tuning part only, so tuning never sees the held-out texts.
//   node bench/accuracy.js [--verbose] [--json]
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';
import { NaiveBayes } from '../dist/taxonomy/model.js';

const verbose = process.argv.includes('--verbose');
const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };

async function labelled(file) {
  const rows = [];
  await ingest([file], settings, (order) =>
    rows.push({
      text: order.content ?? '',
      level1: order.level1,
      level2: order.level2,
      id: order.id,
    }),
  );
  return rows;
}

function evaluate(name, classifier, rows, showMisses = false) {
  let l1 = 0;
  let l2 = 0;
  const methods = {};
  const misses = [];
  for (const row of rows) {
    const c = classifier.byText(row.text);
    methods[c.method] = (methods[c.method] ?? 0) + 1;
    if (c.level1?.name === row.level1) l1++;
    if (c.level2?.name === row.level2) l2++;
    else
      misses.push(
        `${row.id} want ${row.level2} got ${c.level2?.name ?? c.level1?.name ?? '-'} [${c.evidence}] ${row.text.slice(0, 60)}`,
      );
  }
  const pct = (n) => ((100 * n) / rows.length).toFixed(1) + '%';
  console.log(
    `${name.padEnd(28)} n=${rows.length}  level1 ${pct(l1)}  level2 ${pct(l2)}  ${JSON.stringify(methods)}`,
  );
  if (verbose && showMisses) misses.forEach((m) => console.log('   ', m));
  return { n: rows.length, level1: l1 / rows.length, level2: l2 / rows.length, methods };
}

const taxonomy = loadTaxonomy('sgcc-95598');
const tune = await labelled('fixtures/eval/tune.csv');
const test = await labelled('fixtures/eval/test.csv');
const rules = new Classifier(taxonomy);
const results = {
  rulesTune: evaluate('rules, tuning part', rules, tune, true),
  rulesTest: evaluate('rules, held-out part', rules, test),
};
const codeOf = (name) => taxonomy.nodes.find((n) => n.level === 2 && n.name === name).code;
const model = NaiveBayes.train(
  tune.map((r) => ({ text: r.text, label: codeOf(r.level2) })),
  taxonomy.name,
);
results.modelTest = evaluate('rules + model, held-out part', new Classifier(taxonomy, model), test);

const texts = [...tune, ...test].map((r) => r.text);
const rounds = Math.ceil(200_000 / texts.length);
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const t of texts) rules.byText(t);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
results.rulesPerSecond = (rounds * texts.length) / seconds;
console.log(
  `rules throughput: ${Math.round(results.rulesPerSecond).toLocaleString('en-US')} texts/s`,
);
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
