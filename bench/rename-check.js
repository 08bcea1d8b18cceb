// The rename check (warn's units-renamed; renamedUnits in src/metrics/sections/renamed-units.ts)
// on one set of unit names, through a build's dist folder (this one's by default), for
// /usr/bin/time to measure: half the units gone after January, half new from March, so every new
// name is asked about every old one.
//   node bench/rename-check.js tiny|stations|fixtures [DIST] [repeats]
// tiny: 20,000 names over an alphabet of 40 characters (every name shares characters with every
// other); stations: 20,000 over 1,500 characters (a county-level export's stations); fixtures:
// the 22 unit names of fixtures/ and 国网祁门供电公司, checked `repeats` times (default 20,000).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [kind, dist = 'dist', repeatsArg] = process.argv.slice(2);
const url = (file) => pathToFileURL(resolve(dist, file)).href;
const { renamedUnits } = await import(url('metrics/sections/renamed-units.js'));
const { firstDayOfMonth } = await import(url('metrics/calendar.js'));

function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function randomNames(alphabet, count, seed) {
  const r = random(seed);
  const names = new Set();
  while (names.size < count) {
    const own = Array.from(
      { length: 2 + Math.floor(r() * 3) },
      () => alphabet[Math.floor(r() * alphabet.length)],
    ).join('');
    names.add(`${own}${r() < 0.5 ? '供电所' : '县供电公司'}`);
  }
  return [...names];
}

const FIXTURE_UNITS = [
  ...'歙县 休宁县 黄山市黄山区 黄山市屯溪区 黄山市徽州区 黟县 祁门县 宁国市 泾县 广德县 绩溪县 宣城市宣州区 郎溪县 旌德县 石台县 东至县 贵池区 青阳县 江口县'
    .split(' ')
    .map((place) => `国网${place}供电公司`),
  '客户服务中心',
  '配网抢修指挥中心',
  '祁门公司',
  '国网祁门供电公司',
];

function cjk(count, step) {
  let alphabet = '';
  for (let c = 0x4e00; alphabet.length < count; c += step) alphabet += String.fromCharCode(c);
  return alphabet;
}

const names =
  kind === 'tiny'
    ? randomNames(cjk(40, 1), 20_000, 40)
    : kind === 'stations'
      ? randomNames(cjk(1500, 7), 20_000, 20_000)
      : kind === 'fixtures'
        ? FIXTURE_UNITS
        : null;
if (names === null) {
  console.error('usage: node bench/rename-check.js tiny|stations|fixtures [DIST] [repeats]');
  process.exit(2);
}

// One work order a unit, half of them new from March; 国网祁门县供电公司 gone after January and
// 国网祁门供电公司 new from March (README's 祁门, renamed).
const months = names.map((name, i) =>
  kind !== 'fixtures'
    ? i % 2
      ? 2
      : 0
    : name === '国网祁门县供电公司'
      ? 0
      : name === '国网祁门供电公司'
        ? 2
        : 1 + (i % 2),
);
const cube = {
  units: names,
  unit: Int32Array.from(names, (_, i) => i),
  day: Int32Array.from(months, (month) => firstDayOfMonth(2016 * 12 + month)),
  size: names.length,
};
const repeats = Number(repeatsArg ?? (kind === 'fixtures' ? 20_000 : 1));
let pairs = [];
for (let i = 0; i < repeats; i++) pairs = renamedUnits(cube);
console.log(
  `${names.length} names, ${pairs.length} pairs:`,
  pairs
    .slice(0, 3)
    .map(({ before, after }) => `${before.unit} → ${after.unit}`)
    .join('; '),
);
