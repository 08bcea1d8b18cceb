// The rules alone on the probe sentences of test/taxonomy/probes.json (written from domain
// knowledge, not from evaluation texts): hit rates, and each miss with its evidence.
//   node bench/probes.js [--quiet]
import { readFileSync } from 'node:fs';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';

const probes = JSON.parse(readFileSync('test/taxonomy/probes.json', 'utf8'));
const classifier = new Classifier(loadTaxonomy('sgcc-95598'));
let l1 = 0;
let l2 = 0;
const misses = [];
for (const p of probes) {
  const c = classifier.byText(p.text);
  const ok1 = c.level1?.name === p.level1;
  const ok2 = c.level2?.name === p.level2;
  l1 += ok1;
  l2 += ok2;
  if (!ok2)
    misses.push(
      `${ok1 ? '  ' : '1 '}${p.level2} ← ${c.level2?.name ?? c.level1?.name ?? '-'} [${c.evidence}] ${p.text}`,
    );
}
const pct = (n) => ((100 * n) / probes.length).toFixed(1) + '%';
console.log(`probes n=${probes.length}  level1 ${pct(l1)} (${l1})  level2 ${pct(l2)} (${l2})`);
if (!process.argv.includes('--quiet')) misses.forEach((m) => console.log(m));
