// The 明细 rows' two stages alone, on rows of the 1M bench file's shape (29 cells, the texts of
// 受理内容 and 判定依据, three dates, repeated categories): spooled (as reading does) and read
// back, then the spool made into the deflated sheet part (makeDetailSheets). Process CPU, so
// the part's deflating on libuv's threads counts too. Compare two builds by their dist folder:
//   node bench/detail-sheet.js [DIST] [--rows N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--rows');
const count = at >= 0 ? Number(args[at + 1]) : 80_000;
const dist = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rows') ?? 'dist',
);
const load = (file) => import(pathToFileURL(join(dist, file)).href);
const { RowSpool } = await load('report/detail-spool.js');
const { makeDetailSheets } = await load('report/detail-sheet.js');

// A fixed sequence, so that every run and every build gets the same rows.
let seed = 95598;
const random = (n) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};
const units = [
  '国网黄山区供电公司',
  '国网黄山供电公司（市直）',
  '国网歙县供电公司',
  '国网宣城供电公司（市直）',
];
const rows = Array.from({ length: count }, (_, i) => {
  const accepted = 1_450_000_000_000 + random(30_000_000) * 1000;
  return [
    String(2016022500000000 + i * 7919),
    new Date(accepted),
    units[random(4)],
    '投诉',
    `客户来电反映：其位于黄山区仙源镇桃源村${random(99)}组，停电公告时间与实际停电时间不一致，` +
      `客户称已是第${random(9)}次反映此问题，要求严肃处理相关责任人。`,
    '停送电投诉',
    '停送电信息公告',
    '公告不准确',
    String(3_402_626_643 + random(100_000_000)),
    String(17_694_673_782 + random(1_000_000_000)),
    '属实',
    '未申诉',
    new Date(accepted + random(100_000) * 1000),
    new Date(accepted + random(100_000) * 1000),
    '满意',
    '运维检修部',
    '黄山市',
    '否',
    '一般',
    units[random(4)],
    '2016-02',
    '是',
    'orders-1m.csv',
    '停送电投诉',
    '停送电信息公告',
    '公告不准确',
    '列',
    1,
    '一级分类=停送电投诉, 二级分类=停送电信息公告, 三级分类=公告不准确',
  ];
});

const dir = mkdtempSync(join(tmpdir(), 'bench-detail-'));
const cpu = (since) => {
  const c = process.cpuUsage(since);
  return ((c.user + c.system) / 1e6).toFixed(2);
};
try {
  const file = join(dir, 'spool.bin');
  let since = process.cpuUsage();
  const spool = new RowSpool(file);
  rows.forEach((cells, i) => spool.append(i, i + 1, 100, cells));
  spool.finish();
  const spooled = cpu(since);
  const latest = new Uint32Array(count).map((_, i) => i + 1);
  const owner = new Int32Array(count).fill(1);
  const widths = rows[0].map((_, i) => (i === 4 || i === 28 ? 50 : 14));
  since = process.cpuUsage();
  const made = await makeDetailSheets({
    spooled: { segments: [{ file, pieces: spool.pieces, latest, entries: null }], owner },
    period: { from: 0, to: 1_000_000, grain: 'month' },
    widths,
    wraps: widths.map((w) => w === 50),
    confidenceAt: 27,
    ids: { top: 1, text: 2, date: 3, confidence: 4, wrap: 5 },
    maxRows: 1_048_576,
    dir,
  });
  const part = made.parts[0];
  console.log(
    `${count} rows: spooled in ${spooled} CPU s; sheet part (${(part.size / 1e6).toFixed(1)} MB, ` +
      `deflated ${(part.compressed / 1e6).toFixed(1)} MB) in ${cpu(since)} CPU s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
