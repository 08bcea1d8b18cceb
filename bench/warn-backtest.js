// The early warning's backtest (issue 15): on the fixtures' history, each unit's year-end
// forecast of 2016 from January–June and from January–September against the year's actual
// assessed complaints; and the spike detector's false-alarm rate on months generated without
// spikes (Poisson counts at a steady rate, per unit, 24 months after a year of history).
//   node bench/warn-backtest.js [--json]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { baseline, spikeOf } from '../dist/metrics/warn/spike.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/complaints.js', import.meta.url));
const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const TARGETS = ['--targets', 'fixtures/metrics/targets-2016.csv'];

function run(args) {
  const r = spawnSync(process.execPath, [CLI, ...args, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`complaints ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Each unit's forecast from January to `month` against the year's actual. */
function forecasts(month) {
  const actual = new Map(
    run(['assess', ...INPUTS, ...TARGETS, '--year', '2016']).units.map((u) => [u.unit, u.assessed]),
  );
  const warn = run(['warn', ...INPUTS, ...TARGETS, '--month', month]);
  const rows = warn.units
    .filter((u) => u.forecast)
    .map((u) => ({
      unit: u.unit,
      forecast: u.forecast.yearEnd,
      low: u.forecast.low,
      high: u.forecast.high,
      actual: actual.get(u.unit),
    }));
  const errors = rows.map((r) => Math.abs(r.forecast - r.actual));
  return {
    month,
    units: rows.length,
    meanAbsoluteError: errors.reduce((s, e) => s + e, 0) / rows.length,
    meanAbsolutePercentError:
      rows.reduce((s, r) => s + Math.abs(r.forecast - r.actual) / r.actual, 0) / rows.length,
    withinInterval:
      rows.filter((r) => r.actual >= r.low && r.actual <= r.high).length / rows.length,
    rows,
  };
}

/** A seeded generator (mulberry32) and Poisson draws by Knuth's method. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function poisson(lambda, next) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = next();
  while (p > limit) {
    k++;
    p *= next();
  }
  return k;
}

/** Months judged, and how many were flagged yellow or red, on steady Poisson series. */
function falseAlarms() {
  const next = random(20161130);
  const byRate = [];
  for (const lambda of [0.5, 1, 2, 4, 8, 16, 32]) {
    let months = 0;
    let yellow = 0;
    let red = 0;
    for (let series = 0; series < 500; series++) {
      const counts = Array.from({ length: 36 }, () => poisson(lambda, next));
      for (let m = 12; m < 36; m++) {
        const expected = baseline(counts.slice(m - 6, m), counts[m - 12]);
        const level = spikeOf(counts[m], expected).level;
        months++;
        if (level === 'yellow') yellow++;
        if (level === 'red') red++;
      }
    }
    byRate.push({ lambda, months, yellow: yellow / months, red: red / months });
  }
  const months = byRate.reduce((s, r) => s + r.months, 0);
  const flagged = byRate.reduce((s, r) => s + (r.yellow + r.red) * r.months, 0) / months;
  const red = byRate.reduce((s, r) => s + r.red * r.months, 0) / months;
  return { months, flagged, red, byRate };
}

export function backtest() {
  const figures = {
    june: forecasts('2016-06'),
    september: forecasts('2016-09'),
    spikes: falseAlarms(),
  };
  const pct = (x) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    'year-end forecast of 2016 assessed complaints, per unit (8 units, fixtures/metrics):',
    ...[figures.june, figures.september].map(
      (f) =>
        `  from January to ${f.month.slice(5)}: mean absolute error ${f.meanAbsoluteError.toFixed(2)} complaints ` +
        `(${pct(f.meanAbsolutePercentError)}), actual within the 80% interval ${pct(f.withinInterval)}`,
    ),
    `spike false alarms on ${figures.spikes.months} generated months without spikes: ` +
      `${pct(figures.spikes.flagged)} flagged (yellow or red), ${pct(figures.spikes.red)} red`,
    ...figures.spikes.byRate.map(
      (r) => `  λ = ${String(r.lambda).padStart(4)}: yellow ${pct(r.yellow)}, red ${pct(r.red)}`,
    ),
  ];
  return { text: lines.join('\n'), figures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = backtest();
  console.log(
    process.argv.includes('--json') ? JSON.stringify(result.figures, null, 2) : result.text,
  );
}
