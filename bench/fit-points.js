// Learning the points of the existing rules (no new words) by coordinate ascent on the tuning part
// without the dev batches ("the rest", 2,224 texts): for each rule (a keyword's points for one
// node, or a pattern's), try its points ×0.5, ×0.75, ×1.25, ×1.5 (sign kept, rounded to halves)
// and keep the best multiple when it raises the texts fitted on at level 1 or level 2 by at least
// --min-gain (level 1 counting --l1-weight times level 2) and lowers neither level; passes repeat
// until none changes. Only the texts a rule matched are classified again, so a pass takes seconds.
// Prints aggregates only, never a text or an id; the dev batches (C, E, F, G, H, I, J) are measured in
// aggregate with the fitted points, and held-out texts are not read at all.
//   node bench/fit-points.js [--folds 5 [--seed S]] [--min-gain 1] [--l1-weight 2] [--passes 4]
//                            [--multiples 0.5,0.75,1.25,1.5] [--group rule|node] [--out changes.json]
//                            [--method ascent|perceptron|stable] [--epochs 3 --rate 0.5 --shrink 1]
//                            [--stable 3]
// --group node: one scale for all of a node's rules instead of one per rule. Session 13 (README,
// the twelfth round): nothing fitted carries to the left-out fifths but at --min-gain 4, whose
// four changes are in the taxonomy.
// --folds K: fit on K−1 fifths of the rest, measure on the fifth left out, for each fifth: whether
// fitted points carry to texts they were not fitted on. Without it: fit on the whole rest, print
// the dev batches before and after, and (--out) write the changes.
import { writeFileSync } from 'node:fs';
import { ingest } from '../dist/ingest/ingest.js';
import { loadTaxonomy } from '../dist/taxonomy/load.js';
import { Classifier } from '../dist/taxonomy/classify.js';

const FILE = process.env.TUNE_FILE ?? 'fixtures/eval/tune.csv';
const settings = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? fallback : process.argv[at + 1];
};
const FOLDS = Number(arg('--folds', 0));
const MIN_GAIN = Number(arg('--min-gain', 1));
const L1_WEIGHT = Number(arg('--l1-weight', 2));
const PASSES = Number(arg('--passes', 4));
const MULTIPLES = arg('--multiples', '0.5,0.75,1.25,1.5').split(',').map(Number);
const OUT = arg('--out', null);

const fx = (id) => (/^FX\d{4}$/.test(id) ? Number(id.slice(2)) : -1);
const BATCHES = {
  C: [481, 720],
  E: [961, 1200],
  F: [1201, 1440],
  G: [1441, 1680],
  H: [1681, 1920],
  I: [1921, 2160],
  J: [2161, 2400],
};
const batchOf = (id) =>
  Object.keys(BATCHES).find((b) => fx(id) >= BATCHES[b][0] && fx(id) <= BATCHES[b][1]) ?? 'rest';

const rows = [];
await ingest([FILE], settings, (order) =>
  rows.push({
    text: order.content ?? '',
    level1: order.level1,
    level2: order.level2,
    batch: batchOf(order.id),
  }),
);
const taxonomy = loadTaxonomy('sgcc-95598');
const c = new Classifier(taxonomy);
// The classifier's compiled tables, read and changed in place (private in TypeScript only).
const { hitFrom, hitNode, hitWeight, patterns, keywordList } = c;

/** Right at level 1 and level 2 as the rules now stand: 0–3 (bit 1: level 1, bit 2: level 2). */
const judge = (row) => {
  const got = c.byText(row.text);
  return (got.level1?.name === row.level1 ? 1 : 0) | (got.level2?.name === row.level2 ? 2 : 0);
};

// Parameters: every (keyword, node) entry and every pattern (--group rule), or one scale for all
// the rules of a node (--group node), each with the texts it can change.
const GROUP = arg('--group', 'rule');
const entries = [];
for (let k = 0; k < keywordList.length; k++)
  for (let h = hitFrom[k]; h < hitFrom[k + 1]; h++)
    entries.push({ kind: 'k', k, h, node: hitNode[h], base: hitWeight[h], texts: [] });
patterns.forEach((p, i) => entries.push({ kind: 'p', i, node: p.node, base: p.weight, texts: [] }));
const entriesOfKeyword = new Map();
const entryOfPattern = new Map();
for (const e of entries) {
  if (e.kind === 'k') {
    if (!entriesOfKeyword.has(e.k)) entriesOfKeyword.set(e.k, []);
    entriesOfKeyword.get(e.k).push(e);
  } else entryOfPattern.set(e.i, e);
}
// Which rules each text matched does not depend on the points: read once.
rows.forEach((row, t) => {
  c.byText(row.text);
  for (const hit of c.hits) {
    if (hit >= 0) for (const e of entriesOfKeyword.get(hit)) e.texts.push(t);
    else entryOfPattern.get(-1 - hit).texts.push(t);
  }
});
const groups = new Map();
for (const e of entries) {
  const key = GROUP === 'node' ? `n${e.node}` : e.kind === 'k' ? `h${e.h}` : `p${e.i}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(e);
}
const params = [...groups.values()].map((members) => ({
  members,
  scale: 1,
  texts: [...new Set(members.flatMap((e) => e.texts))].sort((a, b) => a - b),
}));

const write = (e, w) => {
  if (e.kind === 'k') hitWeight[e.h] = w;
  else patterns[e.i].weight = w;
};
const roundHalf = (x) => Math.round(x * 2) / 2;
/** A member's points at a scale: rounded to halves, never to 0 (the sign is kept). */
const scaled = (e, scale) => {
  const w = roundHalf(e.base * scale);
  return w === 0 ? Math.sign(e.base) * 0.5 : w;
};
const setScale = (p, scale) => {
  for (const e of p.members) write(e, scaled(e, scale));
};
const reset = () => {
  for (const p of params) p.scale = 1;
  for (const e of entries) write(e, e.base);
};

/** Coordinate ascent on the texts whose index `fit(t)` accepts; returns the changes. */
function fitOn(fit) {
  const state = new Int8Array(rows.length);
  rows.forEach((row, t) => (state[t] = fit(t) ? judge(row) : 0));
  for (let pass = 0; pass < PASSES; pass++) {
    let changed = 0;
    for (const p of params) {
      const texts = p.texts.filter(fit);
      if (texts.length === 0) continue;
      let best = null;
      for (const m of MULTIPLES) {
        const scale = p.scale * m;
        if (p.members.every((e) => scaled(e, scale) === scaled(e, p.scale))) continue;
        setScale(p, scale);
        let d1 = 0;
        let d2 = 0;
        const after = texts.map((t) => judge(rows[t]));
        texts.forEach((t, j) => {
          d1 += (after[j] & 1) - (state[t] & 1);
          d2 += ((after[j] >> 1) & 1) - ((state[t] >> 1) & 1);
        });
        const gain = L1_WEIGHT * d1 + d2;
        if (d1 >= 0 && d2 >= 0 && gain >= MIN_GAIN && (!best || gain > best.gain))
          best = { scale, gain, after };
      }
      if (best) {
        p.scale = best.scale;
        setScale(p, best.scale);
        texts.forEach((t, j) => (state[t] = best.after[j]));
        changed++;
      } else setScale(p, p.scale);
    }
    if (changed === 0) break;
  }
  return entries
    .map((e) => ({ e, w: e.kind === 'k' ? hitWeight[e.h] : patterns[e.i].weight }))
    .filter(({ e, w }) => w !== e.base);
}

/**
 * --method perceptron: the rules' hits as features (a hit's factor, for every type its node counts
 * for), a perceptron started at the hand-set points and averaged over --epochs passes, updated on
 * each text whose type the rules miss (towards the true type, away from the one chosen or, with
 * none, the best other); signs kept (never below half a point), then rounded to halves.
 */
function perceptronOn(fit) {
  const idx = rows.map((_, t) => t).filter(fit);
  const w = Float64Array.from(entries, (e) => e.base);
  const sum = new Float64Array(entries.length);
  let count = 0;
  const candidateOf = new Map(c.level2.map((k) => [k.node.name, k]));
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const t of idx) {
      const row = rows[t];
      const got = c.byText(row.text);
      const truth = candidateOf.get(row.level2);
      if (got.level2?.name !== row.level2 && truth) {
        let wrong = got.level2 ? candidateOf.get(got.level2.name) : null;
        if (!wrong) {
          let best = -Infinity;
          for (const k of c.level2) {
            if (k === truth) continue;
            const s = c.scoreOf(k);
            if (s > best) [best, wrong] = [s, k];
          }
        }
        for (const hit of c.hits) {
          const factor = hit >= 0 ? c.factor[hit] : c.patternFactor[-1 - hit];
          if (factor === 0) continue;
          const members = hit >= 0 ? entriesOfKeyword.get(hit) : [entryOfPattern.get(-1 - hit)];
          for (const e of members) {
            const x = factor * (truth.member[e.node] - wrong.member[e.node]);
            if (x === 0) continue;
            const j = entries.indexOf(e);
            let v = w[j] + RATE * x;
            if (Math.sign(v) !== Math.sign(e.base) || Math.abs(v) < 0.5)
              v = Math.sign(e.base) * 0.5;
            w[j] = v;
            write(e, v);
          }
        }
      }
      for (let j = 0; j < w.length; j++) sum[j] += w[j];
      count++;
    }
  }
  entries.forEach((e, j) => {
    const v = e.base + SHRINK * (sum[j] / count - e.base);
    write(e, roundHalf(v) === 0 ? Math.sign(e.base) * 0.5 : roundHalf(v));
  });
  return entries
    .map((e) => ({ e, w: e.kind === 'k' ? hitWeight[e.h] : patterns[e.i].weight }))
    .filter(({ e, w }) => w !== e.base);
}
const METHOD = arg('--method', 'ascent');
const EPOCHS = Number(arg('--epochs', 3));
const RATE = Number(arg('--rate', 0.5));
const SHRINK = Number(arg('--shrink', 1));
/**
 * --method stable: coordinate ascent on each of 5 parts' complements of the texts fitted on, and
 * only the changes fitted in at least --stable of the 5 kept (stability selection), so that the
 * k-fold above measures the selection itself on texts it never saw.
 */
function stableOn(fit) {
  const idx = rows.map((_, t) => t).filter(fit);
  const part = new Int32Array(rows.length).fill(-1);
  idx.forEach((t, j) => (part[t] = j % 5));
  const counts = new Map();
  for (let f = 0; f < 5; f++) {
    reset();
    for (const { e, w } of fitOn((t) => part[t] >= 0 && part[t] !== f)) {
      const key = `${entries.indexOf(e)}→${w}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  reset();
  const least = Number(arg('--stable', 3));
  for (const [key, n] of counts) {
    if (n < least) continue;
    const [j, w] = key.split('→').map(Number);
    write(entries[j], w);
  }
  return entries
    .map((e) => ({ e, w: e.kind === 'k' ? hitWeight[e.h] : patterns[e.i].weight }))
    .filter(({ e, w }) => w !== e.base);
}
const fitBy = (fit) =>
  METHOD === 'perceptron' ? perceptronOn(fit) : METHOD === 'stable' ? stableOn(fit) : fitOn(fit);

function tally(select) {
  const t = { n: 0, l1: 0, l2: 0 };
  rows.forEach((row, i) => {
    if (!select(i)) return;
    const s = judge(row);
    t.n++;
    t.l1 += s & 1;
    t.l2 += (s >> 1) & 1;
  });
  return t;
}
const show = (t) =>
  `n=${t.n} L1 ${t.l1} (${((100 * t.l1) / t.n).toFixed(1)}%) L2 ${t.l2} (${((100 * t.l2) / t.n).toFixed(1)}%)`;

const restIdx = rows.map((r, i) => (r.batch === 'rest' ? i : -1)).filter((i) => i >= 0);
const settingsLine = `${METHOD === 'perceptron' ? `perceptron, epochs ${EPOCHS}, rate ${RATE}, shrink ${SHRINK}` : ''} group ${GROUP}, min-gain ${MIN_GAIN}, l1-weight ${L1_WEIGHT}, multiples ${MULTIPLES}, passes ${PASSES}`;
if (FOLDS > 0) {
  console.log(`${FOLDS}-fold on the rest (${restIdx.length} texts), ${settingsLine}`);
  const foldOf = new Int32Array(rows.length).fill(-1);
  // --seed S (not 0): the rest shuffled by a fixed generator before it is dealt into folds.
  const SEED = Number(arg('--seed', 0));
  const order = restIdx.map((_, j) => j);
  for (let j = order.length - 1, x = SEED; SEED !== 0 && j > 0; j--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const r = x % (j + 1);
    [order[j], order[r]] = [order[r], order[j]];
  }
  order.forEach((j, at) => (foldOf[restIdx[j]] = at % FOLDS));
  const sum = { before: { n: 0, l1: 0, l2: 0 }, after: { n: 0, l1: 0, l2: 0 }, fitGain: [0, 0] };
  const stable = new Map();
  for (let f = 0; f < FOLDS; f++) {
    reset();
    const inFit = (t) => foldOf[t] >= 0 && foldOf[t] !== f;
    const inTest = (t) => foldOf[t] === f;
    const before = tally(inTest);
    const fitBefore = tally(inFit);
    const changes = fitBy(inFit);
    for (const { e, w } of changes) {
      const key = `${entries.indexOf(e)}→${w}`;
      stable.set(key, (stable.get(key) ?? 0) + 1);
    }
    const fitAfter = tally(inFit);
    const after = tally(inTest);
    console.log(
      `fold ${f}: ${changes.length} changes; fitted part L1 ${fitBefore.l1}→${fitAfter.l1} L2 ${fitBefore.l2}→${fitAfter.l2}; ` +
        `left-out fifth L1 ${before.l1}→${after.l1} L2 ${before.l2}→${after.l2} (n=${before.n})`,
    );
    for (const k of ['n', 'l1', 'l2']) {
      sum.before[k] += before[k];
      sum.after[k] += after[k];
    }
  }
  console.log(`left-out fifths together: before ${show(sum.before)}; after ${show(sum.after)}`);
  // Stability: the changes fitted in at least --stable of the folds, applied together to the
  // points as shipped, on the rest (which they were fitted on) and the dev batches.
  const STABLE = Number(arg('--stable', FOLDS));
  reset();
  const kept = [...stable]
    .filter(([, n]) => n >= STABLE)
    .map(([key]) => key.split('→').map(Number));
  for (const [j, w] of kept) write(entries[j], w);
  const parts = ['C', 'E', 'F', 'G', 'H', 'I', 'J', 'rest'];
  console.log(`changes fitted in at least ${STABLE} of ${FOLDS} folds: ${kept.length}`);
  for (const b of parts) console.log(`  ${b.padEnd(5)} ${show(tally((i) => rows[i].batch === b))}`);
} else {
  const parts = ['C', 'E', 'F', 'G', 'H', 'I', 'J', 'rest'];
  const before = Object.fromEntries(parts.map((b) => [b, tally((i) => rows[i].batch === b)]));
  const changes = fitBy((t) => rows[t].batch === 'rest');
  const after = Object.fromEntries(parts.map((b) => [b, tally((i) => rows[i].batch === b)]));
  console.log(`fit on the rest, ${settingsLine}: ${changes.length} changes`);
  const dev = { before: { n: 0, l1: 0, l2: 0 }, after: { n: 0, l1: 0, l2: 0 } };
  for (const b of parts) {
    console.log(`  ${b.padEnd(5)} before ${show(before[b])}  after ${show(after[b])}`);
    if (b === 'rest') continue;
    for (const k of ['n', 'l1', 'l2']) {
      dev.before[k] += before[b][k];
      dev.after[k] += after[b][k];
    }
  }
  console.log(`  dev   before ${show(dev.before)}  after ${show(dev.after)}`);
  if (OUT) {
    const nodeName = (i) => taxonomy.nodes[i].name;
    const list = changes.map(({ e, w }) => ({
      node: nodeName(e.node),
      ...(e.kind === 'k' ? { keyword: keywordList[e.k].text } : { pattern: patterns[e.i].text }),
      from: e.base,
      to: w,
      texts: e.texts.filter((t) => rows[t].batch === 'rest').length,
    }));
    writeFileSync(OUT, JSON.stringify(list, null, 1));
  }
}
