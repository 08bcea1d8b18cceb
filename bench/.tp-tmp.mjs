import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';
const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
const texts = [];
for (const f of ['fixtures/eval/tune.csv', 'fixtures/eval/test.csv'])
  await ingest([f], settings, (o) => texts.push(o.content ?? ''));
const rules = new Classifier(loadTaxonomy(process.argv[2] ?? 'sgcc-95598'));
const res = [];
for (let k = 0; k < 5; k++) {
  const rounds = Math.ceil(200000 / texts.length);
  const s = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) rules.byText(t);
  res.push((rounds * texts.length) / (Number(process.hrtime.bigint() - s) / 1e9));
}
console.log(res.map((x) => Math.round(x / 1000) + 'k').join(' '));
