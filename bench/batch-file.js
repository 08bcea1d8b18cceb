// Rules alone on a batch file of the eval-data format (a JSON array of {text, level1, level2,
// kind}), aggregates only: overall, by kind and by true first level, and counts of true →
// predicted first levels. No text is printed, so a batch kept unseen stays unseen while it is
// measured. --dist DIR measures another build (e.g. main's rules, for the unseen baseline).
//   node bench/batch-file.js FILE.json [--dist DIR] [--json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = resolve(distAt >= 0 ? args[distAt + 1] : new URL('../dist', import.meta.url).pathname);
const file = args.find((a, i) => !a.startsWith('--') && (distAt < 0 || i !== distAt + 1));
if (!file) {
  console.error('usage: node bench/batch-file.js FILE.json [--dist DIR] [--json]');
  process.exit(2);
}
const load = (path) => import(pathToFileURL(resolve(dist, path)).href);
const { loadTaxonomy } = await load('taxonomy/load.js');
const { Classifier } = await load('taxonomy/classify.js');
const classifier = new Classifier(loadTaxonomy('sgcc-95598'));

const items = JSON.parse(readFileSync(file, 'utf8'));
const tally = () => ({ n: 0, l1: 0, l2: 0 });
const all = tally();
const byKind = {};
const byLevel1 = {};
const pairs = {};
for (const item of items) {
  const c = classifier.byText(item.text);
  const got1 = c.level1?.name ?? '-';
  const ok1 = got1 === item.level1;
  const ok2 = c.level2?.name === item.level2;
  for (const t of [
    all,
    (byKind[item.kind ?? 'plain'] ??= tally()),
    (byLevel1[item.level1] ??= tally()),
  ]) {
    t.n++;
    t.l1 += ok1;
    t.l2 += ok2;
  }
  if (!ok1) pairs[`${item.level1}→${got1}`] = (pairs[`${item.level1}→${got1}`] ?? 0) + 1;
}
if (args.includes('--json')) {
  console.log(JSON.stringify({ all, byKind, byLevel1, pairs }, null, 2));
} else {
  const pct = (t) =>
    `n=${String(t.n).padEnd(4)} L1 ${((100 * t.l1) / t.n).toFixed(1).padStart(5)}% (${t.l1})  L2 ${((100 * t.l2) / t.n).toFixed(1).padStart(5)}% (${t.l2})`;
  console.log(`all        ${pct(all)}`);
  for (const [k, t] of Object.entries(byKind)) console.log(`   kind ${k.padEnd(13)} ${pct(t)}`);
  for (const [k, t] of Object.entries(byLevel1)) console.log(`   true ${k.padEnd(9)} ${pct(t)}`);
  const misses = Object.entries(pairs).sort((a, b) => b[1] - a[1]);
  console.log('   L1 misses: ' + misses.map(([p, n]) => `${p} ${n}`).join(', '));
}
