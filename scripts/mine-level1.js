// Mines first-level vocabulary candidates from the tuning texts, for a person to review before
// any join the rules (src/taxonomy/data/sgcc-95598.json, "vocabulary" of a first-level node).
// Reads fixtures/eval/tune.csv without the dev batches (hands C, E, F, G, H, I, J: FX0481–FX0720 and
// FX0961–FX2400, kept unseen) and never test.csv. Each text is normalised as the rules read it
// (normalize.ts: 繁體, typos, dialect to standard) and cut into words and two-word phrases by the
// hot words' segmenter (src/text/segmenter.ts: jieba with our power-supply words; numbers, places,
// person names and stop words left out), or (--chars) into character 2- and 3-grams; each term
// counted once per text. For each first level and n-gram: the texts of the level
// holding it (a) and of the other levels (b); the log-likelihood ratio G² of the 2×2 table; the
// smoothed log-odds ratio (add 0.5). Listed: n-grams in at least MIN texts, more frequent inside
// the level than outside, by G²; each with the rules' nodes that already hold it as a keyword.
//   node scripts/mine-level1.js [--min 6] [--top 60] [--pair LEVEL1,LEVEL1] [--leave-out K/F] [--chars] [--json]
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { normalizeText } from '../dist/taxonomy/normalize.js';
import { loadSegmenter } from '../dist/text/segmenter.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const MIN = arg('--min', 6);
const pairAt = process.argv.indexOf('--pair');
/** --pair 服务投诉,营业投诉: only the texts of two neighbouring first levels, each against the other. */
const PAIR = pairAt < 0 ? null : process.argv[pairAt + 1].split(',');
/** --leave-out K/F: without every F-th text from the K-th (cross-validation of what is mined). */
const leaveAt = process.argv.indexOf('--leave-out');
const [LEAVE, FOLDS] = leaveAt < 0 ? [-1, 1] : process.argv[leaveAt + 1].split('/').map(Number);
const TOP = arg('--top', 60);
const FILE = 'fixtures/eval/tune.csv';
const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
const fx = (id) => (/^FX\d{4}$/.test(id) ? Number(id.slice(2)) : -1);
const isDev = (id) => (fx(id) >= 481 && fx(id) <= 720) || (fx(id) >= 961 && fx(id) <= 2400);

const taxonomy = loadTaxonomy('sgcc-95598');
const docs = [];
let seen = 0;
await ingest([FILE], settings, (order) => {
  if (isDev(order.id)) return;
  if (seen++ % FOLDS === LEAVE) return;
  if (order.level1 && order.content && (!PAIR || PAIR.includes(order.level1)))
    docs.push({ level1: order.level1, text: normalizeText(order.content, taxonomy.text) });
});
const levels = PAIR ?? taxonomy.nodes.filter((n) => n.level === 1).map((n) => n.name);
const perLevel = new Map(levels.map((l) => [l, docs.filter((d) => d.level1 === l).length]));
const counts = new Map(); // gram → Map(level → texts)
const CHARS = process.argv.includes('--chars');
const segmenter = CHARS ? null : await loadSegmenter();
for (const doc of docs) {
  const grams = new Set();
  if (segmenter)
    for (const clause of segmenter.terms(doc.text))
      for (const t of [...clause.words, ...clause.phrases]) grams.add(t);
  else
    for (const run of doc.text.split(/[\s\p{P}\p{S}\d]+/u))
      for (let n = 2; n <= 3; n++)
        for (let i = 0; i + n <= run.length; i++) grams.add(run.slice(i, i + n));
  for (const g of grams) {
    const row = counts.get(g) ?? new Map();
    row.set(doc.level1, (row.get(doc.level1) ?? 0) + 1);
    counts.set(g, row);
  }
}
// Where each keyword of the rules already is.
const owners = new Map();
for (const node of taxonomy.nodes)
  for (const rule of node.rules)
    if (!rule.regex)
      owners.set(rule.text, [
        ...(owners.get(rule.text) ?? []),
        `${node.code}${rule.weight > 0 ? '+' : ''}${rule.weight}`,
      ]);
const xlx = (k, e) => (k > 0 ? k * Math.log(k / e) : 0);
const total = docs.length;
const out = {};
for (const level of levels) {
  const inside = perLevel.get(level);
  const rows = [];
  for (const [gram, row] of counts) {
    const a = row.get(level) ?? 0;
    let all = 0;
    for (const n of row.values()) all += n;
    const b = all - a;
    if (all < MIN || a / inside <= b / (total - inside)) continue;
    const c = inside - a;
    const d = total - inside - b;
    const e = (r, k) => (r * k) / total;
    const g2 =
      2 *
      (xlx(a, e(a + b, inside)) +
        xlx(b, e(a + b, total - inside)) +
        xlx(c, e(c + d, inside)) +
        xlx(d, e(c + d, total - inside)));
    const logOdds = Math.log((a + 0.5) / (c + 0.5) / ((b + 0.5) / (d + 0.5)));
    rows.push({ gram, a, b, g2, logOdds, rules: owners.get(gram) ?? [] });
  }
  rows.sort((x, y) => y.g2 - x.g2);
  out[level] = rows.slice(0, TOP);
}
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
else {
  console.log(
    `${docs.length} tuning texts (dev batches left out); n-grams in at least ${MIN} texts`,
  );
  for (const level of levels) {
    console.log(
      `\n${level} (${perLevel.get(level)} texts): n-gram  in/out  G²  log-odds  [already a keyword of]`,
    );
    for (const r of out[level])
      console.log(
        `  ${r.gram}\t${r.a}/${r.b}\t${r.g2.toFixed(1)}\t${r.logOdds.toFixed(2)}\t${r.rules.join(' ')}`,
      );
  }
}
