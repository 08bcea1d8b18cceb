// Rules alone on dev batches of the tuning file, aggregates only: overall, by kind, by true first
// level, and counts of true → predicted first levels. No text and no id is printed, so batches
// kept unseen (hands C, E, F, G, H, I and J) stay unseen while changes are checked on them; hand K's
// batch and hand L's are tuning data, each reported on its own so that the rest stays comparable. --model measures
// the rules with the shipped model where they are unsure, as the commands classify; --model-alone
// the shipped model alone (its most probable type).
//   node bench/dev-batches.js [--model | --model-alone] [--json]   (TUNE_FILE=path reads another build of tune.csv)
// Batches: C = FX0481–FX0720, E = FX0961–FX1200, F = FX1201–FX1440, G = FX1441–FX1680, H = FX1681–FX1920, I = FX1921–FX2160, J = FX2161–FX2400, K = FX2401–FX2640, L = FX2641–FX2880,
// rest = every other row.
import { readFileSync } from 'node:fs';
import { CsvParser } from '../dist/io/csv-parser.js';
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';
import { modelFor } from '../dist/taxonomy/shipped-model.js';
import { normalizeText } from '../dist/taxonomy/normalize.js';

const FILE = process.env.TUNE_FILE ?? 'fixtures/eval/tune.csv';
const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };

function kindsById(file) {
  const parser = new CsvParser(',');
  parser.push(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  parser.end();
  const [header, ...records] = parser.records.map((r) => r.cells);
  const id = header.indexOf('工单编号');
  const kind = header.indexOf('文本类型');
  return new Map(records.map((cells) => [cells[id], kind < 0 ? 'plain' : cells[kind] || 'plain']));
}

const fx = (id) => (/^FX\d{4}$/.test(id) ? Number(id.slice(2)) : -1);
const BATCHES = {
  C: (id) => fx(id) >= 481 && fx(id) <= 720,
  E: (id) => fx(id) >= 961 && fx(id) <= 1200,
  F: (id) => fx(id) >= 1201 && fx(id) <= 1440,
  G: (id) => fx(id) >= 1441 && fx(id) <= 1680,
  H: (id) => fx(id) >= 1681 && fx(id) <= 1920,
  I: (id) => fx(id) >= 1921 && fx(id) <= 2160,
  J: (id) => fx(id) >= 2161 && fx(id) <= 2400,
  K: (id) => fx(id) >= 2401 && fx(id) <= 2640,
  L: (id) => fx(id) >= 2641 && fx(id) <= 2880,
};
const batchOf = (id) => Object.keys(BATCHES).find((b) => BATCHES[b](id)) ?? 'rest';

const kinds = kindsById(FILE);
const rows = [];
await ingest([FILE], settings, (order) =>
  rows.push({
    text: order.content ?? '',
    level1: order.level1,
    level2: order.level2,
    batch: batchOf(order.id),
    kind: kinds.get(order.id) ?? 'plain',
  }),
);
const taxonomy = loadTaxonomy('sgcc-95598');
const level2Nodes = taxonomy.nodes.filter((n) => n.level === 2);
const modelAlone = (model) => ({
  byText(text) {
    const codes = level2Nodes.map((n) => n.code);
    const top = model.rank(normalizeText(text, taxonomy.text), codes)[0];
    const node = level2Nodes.find((n) => n.code === top.label);
    return { level1: node.parent, level2: node };
  },
});
const classifier = process.argv.includes('--model-alone')
  ? modelAlone(modelFor(null, taxonomy))
  : process.argv.includes('--model')
    ? new Classifier(taxonomy, modelFor(null, taxonomy))
    : new Classifier(taxonomy);
const out = {};
for (const batch of ['C', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'rest']) {
  const part = rows.filter((r) => r.batch === batch);
  if (part.length === 0) continue;
  const tally = () => ({ n: 0, l1: 0, l2: 0 });
  const all = tally();
  const byKind = {};
  const byLevel1 = {};
  const pairs = {};
  for (const row of part) {
    const c = classifier.byText(row.text);
    const got1 = c.level1?.name ?? '-';
    const ok1 = got1 === row.level1;
    const ok2 = c.level2?.name === row.level2;
    for (const t of [all, (byKind[row.kind] ??= tally()), (byLevel1[row.level1] ??= tally())]) {
      t.n++;
      t.l1 += ok1;
      t.l2 += ok2;
    }
    if (!ok1) pairs[`${row.level1}→${got1}`] = (pairs[`${row.level1}→${got1}`] ?? 0) + 1;
  }
  const pct = (t) =>
    `n=${String(t.n).padEnd(4)} L1 ${((100 * t.l1) / t.n).toFixed(1).padStart(5)}% (${t.l1})  L2 ${((100 * t.l2) / t.n).toFixed(1).padStart(5)}% (${t.l2})`;
  console.log(`batch ${batch.padEnd(5)} ${pct(all)}`);
  for (const [k, t] of Object.entries(byKind)) console.log(`   kind ${k.padEnd(13)} ${pct(t)}`);
  for (const [k, t] of Object.entries(byLevel1)) console.log(`   true ${k.padEnd(9)} ${pct(t)}`);
  console.log(
    '   L1 misses: ' +
      Object.entries(pairs)
        .sort((a, b) => b[1] - a[1])
        .map(([p, n]) => `${p} ${n}`)
        .join(', '),
  );
  out[batch] = { ...all, byKind, byLevel1, pairs };
}
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
