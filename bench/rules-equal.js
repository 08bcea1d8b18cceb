// Do two builds' rules decide every evaluation text the same way? Compares this build (dist/)
// with another (its dist folder as the argument, e.g. a copy of main's build) on every text in
// fixtures/eval/*.csv, scripts/eval-data/*.json and test/taxonomy/probes.json: level 1, 2 and 3,
// method, confidence and evidence, by the rules alone and with the shipped model. Prints only
// counts, never a text: the held-out parts are compared too. A build reads its taxonomy data from
// ../src beside its dist folder: copy main's dist into a folder with src and node_modules linked
// to this worktree's, so that both read the same data (only the code is compared).
//   node bench/rules-equal.js /tmp/base-dist
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const other = process.argv[2];
if (!other) {
  console.error('usage: node bench/rules-equal.js OTHER_DIST');
  process.exit(2);
}

async function build(dist) {
  const url = (file) => pathToFileURL(resolve(dist, file)).href;
  const { loadTaxonomy } = await import(url('taxonomy/load.js'));
  const { Classifier } = await import(url('taxonomy/classify.js'));
  const { modelFor } = await import(url('taxonomy/shipped-model.js'));
  const { CsvParser } = await import(url('io/csv-parser.js'));
  const taxonomy = loadTaxonomy('sgcc-95598');
  return {
    rules: new Classifier(taxonomy),
    both: new Classifier(taxonomy, modelFor(null, taxonomy)),
    CsvParser,
  };
}

const mine = await build('dist');
const theirs = await build(other);

/** The 受理内容 column of a CSV file. */
function csvTexts(file) {
  const parser = new mine.CsvParser(',');
  parser.push(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  parser.end();
  const [header, ...records] = parser.records.map((r) => r.cells);
  const column = header.indexOf('受理内容');
  return records.map((cells) => cells[column] ?? '');
}

const sources = [];
for (const name of readdirSync('fixtures/eval')
  .filter((f) => f.endsWith('.csv'))
  .sort())
  sources.push([`fixtures/eval/${name}`, csvTexts(`fixtures/eval/${name}`)]);
for (const name of readdirSync('scripts/eval-data')
  .filter((f) => f.endsWith('.json'))
  .sort())
  sources.push([
    `scripts/eval-data/${name}`,
    JSON.parse(readFileSync(`scripts/eval-data/${name}`, 'utf8')).map((r) => r.text),
  ]);
sources.push([
  'test/taxonomy/probes.json',
  JSON.parse(readFileSync('test/taxonomy/probes.json', 'utf8')).map((r) => r.text),
]);

const said = (c) =>
  JSON.stringify([
    c.level1?.code ?? null,
    c.level2?.code ?? null,
    c.level3?.code ?? null,
    c.method,
    c.confidence,
    c.evidence,
  ]);

let texts = 0;
let differences = 0;
for (const [name, list] of sources) {
  let differ = 0;
  for (const text of list) {
    for (const kind of ['rules', 'both']) {
      if (said(mine[kind].byText(text)) !== said(theirs[kind].byText(text))) differ++;
      // Within a first level too, as classify() asks when the export gives only that level.
      const within = mine[kind].byText(text).level1;
      if (within) {
        const theirsWithin = theirs[kind].taxonomy.nodes.find((n) => n.code === within.code);
        if (said(mine[kind].byText(text, within)) !== said(theirs[kind].byText(text, theirsWithin)))
          differ++;
      }
    }
  }
  // Evidence read only after the whole file is classified (a decision may write it when read).
  for (const kind of ['rules', 'both']) {
    const kept = list.map((text) => mine[kind].byText(text));
    list.forEach((text, k) => {
      if (said(kept[k]) !== said(theirs[kind].byText(text))) differ++;
    });
  }
  texts += list.length;
  differences += differ;
  console.log(`${name.padEnd(44)} texts ${String(list.length).padStart(5)}  differences ${differ}`);
}
console.log(`all: texts ${texts}  differences ${differences}`);
process.exit(differences === 0 ? 0 : 1);
