// The rules' speed, this build (dist/) against another (its dist folder as the argument), side
// by side in one process: the tuning texts (fixtures/eval/tune.csv) classified again and again
// by each in turn, by CPU time, best of ROUNDS (the machine is shared: the best is the least
// disturbed). Each reads the taxonomy data in ../src beside its dist folder: link both to the same
// data (bench/rules-equal.js says how).
// With --evidence each decision's evidence string is read too (as classify --out does).
//   node bench/rules-speed.js /tmp/base-dist [repeats=20] [rounds=5] [--evidence]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const readEvidence = process.argv.includes('--evidence');
const [other, repeatsArg, roundsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!other) {
  console.error('usage: node bench/rules-speed.js OTHER_DIST [repeats] [rounds]');
  process.exit(2);
}
const repeats = Number(repeatsArg ?? 20);
const rounds = Number(roundsArg ?? 5);

async function rules(dist) {
  const url = (file) => pathToFileURL(resolve(dist, file)).href;
  const { loadTaxonomy } = await import(url('taxonomy/load.js'));
  const { Classifier } = await import(url('taxonomy/classify.js'));
  return new Classifier(loadTaxonomy('sgcc-95598'));
}

const { CsvParser } = await import('../dist/io/csv-parser.js');
const parser = new CsvParser(',');
parser.push(readFileSync('fixtures/eval/tune.csv', 'utf8').replace(/^\ufeff/, ''));
parser.end();
const [header, ...records] = parser.records.map((r) => r.cells);
const texts = records.map((cells) => cells[header.indexOf('受理内容')] ?? '');

const builds = [
  ['this build', await rules('dist')],
  [other, await rules(other)],
];
/** Texts a CPU second. */
function run(classifier) {
  const start = process.cpuUsage();
  let length = 0;
  for (let r = 0; r < repeats; r++)
    for (const text of texts) {
      const c = classifier.byText(text);
      if (readEvidence) length += c.evidence.length;
    }
  const used = process.cpuUsage(start);
  if (readEvidence && length === 0) throw new Error('no evidence read');
  return (repeats * texts.length) / ((used.user + used.system) / 1e6);
}
// Warm both up before measuring.
for (const [, classifier] of builds) run(classifier);
const best = builds.map(() => 0);
const all = builds.map(() => []);
for (let round = 0; round < rounds; round++)
  builds.forEach(([, classifier], k) => {
    const speed = run(classifier);
    all[k].push(Math.round(speed));
    best[k] = Math.max(best[k], speed);
  });
builds.forEach(([name], k) =>
  console.log(
    `${name.padEnd(30)} best ${Math.round(best[k]).toLocaleString('en-US')} texts/s (${all[k].join(', ')})`,
  ),
);
console.log(`ratio ${(best[0] / best[1]).toFixed(3)}`);
