import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Analysis } from '../../src/metrics/analysis.js';
import { runPipeline } from '../../src/pipeline.js';
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  chartJob,
  PIXEL_RATIO,
  rasterize,
  renderCharts,
  renderChartSvgs,
  type ChartImage,
} from '../../src/report/charts.js';
import { CJK_FAMILY, FONT_STACK } from '../../src/report/fonts.js';
import { chartSpecs } from '../../src/report/sections/charts.js';
import { resolveSettings } from '../../src/settings/resolve.js';

const INPUTS = [
  'fixtures/metrics/95598-2015.xlsx',
  'fixtures/metrics/95598-2016-01-06.xlsx',
  'fixtures/metrics/95598-2016-06-12-gb18030.csv',
];
const OPTIONS = { targets: 'fixtures/metrics/targets-2016.csv' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function expectValidPng(image: ChartImage) {
  expect(pngSize(image.png)).toEqual({
    width: image.width * PIXEL_RATIO,
    height: image.height * PIXEL_RATIO,
  });
}

/** Opaque pixels darker than mid-grey in an RGBA buffer. */
function darkPixels(rgba: Buffer): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4)
    if (rgba[i + 3]! > 128 && rgba[i]! + rgba[i + 1]! + rgba[i + 2]! < 384) n++;
  return n;
}

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">` +
  `<text x="10" y="44" style="font-size:36px;font-family:${FONT_STACK};" fill="#000">${text}</text>` +
  `</svg>`;

let analysis: Analysis;
let zh: ChartImage[];

beforeAll(async () => {
  const settings = await resolveSettings({ inputs: INPUTS, options: OPTIONS }, null, 'analyze');
  analysis = (await runPipeline(settings)).analysis;
  zh = await renderCharts(chartSpecs(analysis, 'zh'), 'zh');
});

describe('renderCharts', () => {
  test('draws the four charts as PNGs twice the display size', () => {
    expect(zh.map((c) => c.name)).toEqual(['trend', 'units', 'categories', 'discipline']);
    expect(zh.map((c) => c.title)).toEqual([
      '月度投诉趋势',
      '各单位考核投诉与指标',
      '投诉分类占比',
      '专业投诉同比',
    ]);
    for (const image of zh) {
      expect(image.width).toBe(CHART_WIDTH);
      expect(image.height).toBeGreaterThanOrEqual(CHART_HEIGHT);
      expectValidPng(image);
    }
  });

  test('names the bundled font in every SVG and labels in Chinese', async () => {
    const svgs = await renderChartSvgs(chartSpecs(analysis, 'zh'), 'zh');
    for (const { svg } of svgs) expect(svg).toContain(CJK_FAMILY);
    const [trend, units, categories, discipline] = svgs.map((s) => s.svg);
    expect(trend).toContain('上年同期');
    expect(trend).toContain('2016-01');
    expect(units).toContain('国网歙县供电公司');
    expect(units).toContain('考核投诉（超指标）');
    expect(categories).toContain('营业投诉');
    expect(categories).toContain('37.61%');
    expect(discipline).toContain('运检');
  });

  test('labels in English with lang en, and the pictures differ', async () => {
    const en = await renderCharts(chartSpecs(analysis, 'en'), 'en');
    expect(en.map((c) => c.title)).toEqual([
      'Complaints by month',
      'Assessed complaints by unit against target',
      'Complaints by category',
      'Complaints by discipline, year on year',
    ]);
    en.forEach(expectValidPng);
    expect(en[0]!.png.equals(zh[0]!.png)).toBe(false);
    const svgs = await renderChartSvgs(chartSpecs(analysis, 'en'), 'en');
    expect(svgs[2]!.svg).toContain('Business and billing');
    expect(svgs[3]!.svg).toContain('operations');
  });

  test("the chart workers' three stages draw the same pictures as this thread", async () => {
    // SVGs, then the fonts cut for them, then the pictures: each stage a worker of its own in
    // a report with 明细 (drawCharts), run here one after the other.
    const made = await chartJob({ stage: 'svgs', specs: chartSpecs(analysis, 'zh'), lang: 'zh' });
    if (!made.ok || !('charts' in made)) throw new Error('no SVGs');
    expect(made.charts.map((c) => c.name)).toEqual(['trend', 'units', 'categories', 'discipline']);
    const svgs = made.charts.map((c) => c.svg);
    const fontsDir = mkdtempSync(join(tmpdir(), 'charts-test-'));
    try {
      const cut = await chartJob({ stage: 'cut', text: svgs.join(''), fontsDir });
      if (!cut.ok || !('files' in cut)) throw new Error('no fonts');
      expect(readdirSync(fontsDir).sort()).toEqual([
        'NotoSansHans-Bold.otf',
        'NotoSansHans-Regular.otf',
      ]);
      const drawn = await chartJob({ stage: 'draw', svgs, files: cut.files, options: {} });
      if (!drawn.ok || !('pngs' in drawn)) throw new Error('no pictures');
      expect(drawn.pngs.map((png, i) => Buffer.from(png).equals(zh[i]!.png))).toEqual([
        true,
        true,
        true,
        true,
      ]);
    } finally {
      rmSync(fontsDir, { recursive: true, force: true });
    }
  });

  test('draws the same bytes for the same analysis', async () => {
    const again = await renderCharts(chartSpecs(analysis, 'zh'), 'zh');
    expect(again.map((c) => c.png.equals(zh[again.indexOf(c)]!.png))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  test('draws trend and discipline without a year-earlier series', async () => {
    const noYoy: Analysis = {
      ...analysis,
      period: { ...analysis.period, yearEarlier: null },
      months: analysis.months.map((m) => ({ ...m, previous: null, yoy: null })),
      categories: {
        ...analysis.categories,
        discipline: analysis.categories.discipline.map((d) => ({
          ...d,
          previous: null,
          yoy: null,
        })),
      },
    };
    const charts = await renderCharts(chartSpecs(noYoy, 'zh'), 'zh');
    expect(charts.map((c) => c.name)).toEqual(['trend', 'units', 'categories', 'discipline']);
    expect(charts[3]!.title).toBe('专业投诉');
    charts.forEach(expectValidPng);
    const svgs = await renderChartSvgs(chartSpecs(noYoy, 'zh'), 'zh');
    expect(svgs[0]!.svg).not.toContain('上年同期');
    expect(svgs[3]!.svg).not.toContain('同比');
  });

  test('leaves out a chart whose data is absent', async () => {
    const sparse: Analysis = {
      ...analysis,
      units: [],
      categories: {
        ...analysis.categories,
        level1: analysis.categories.level1.map((r) => ({ ...r, complaints: 0 })),
        unclassified: 0,
      },
    };
    const charts = await renderCharts(chartSpecs(sparse, 'zh'), 'zh');
    expect(charts.map((c) => c.name)).toEqual(['trend', 'discipline']);
    charts.forEach(expectValidPng);
  });

  test('draws units without targets as plain bars', async () => {
    const units = analysis.units.map((u) => ({
      ...u,
      target: null,
      overTarget: null,
      overTargetRate: null,
    }));
    const svgs = await renderChartSvgs(chartSpecs({ ...analysis, units }, 'zh'), 'zh');
    const svg = svgs[1]!.svg;
    expect(svgs[1]!.title).toBe('各单位考核投诉');
    expect(svg).not.toContain('指标');
    // Every unit has its bar, labelled with its count.
    const bars = svg.match(
      /fill="#3a6fb0" ecmeta_series_index="0" ecmeta_data_index="\d+" ecmeta_ssr_type="chart"/g,
    );
    expect(bars).toHaveLength(units.length);
    for (const u of units) expect(svg).toContain(`>${u.assessed}</text>`);
  });
});

test('a week’s trend is titled by day, not by month: its points are days', async () => {
  const settings = await resolveSettings(
    {
      inputs: ['fixtures/days/95598-2016-0523-0703.xlsx', 'fixtures/days/95598-2015-06.csv'],
      options: { week: '2016-W25' },
    },
    null,
    'analyze',
  );
  const week = (await runPipeline(settings)).analysis;
  const trend = (lang: 'zh' | 'en') => chartSpecs(week, lang).find((c) => c.name === 'trend')!;
  expect(trend('zh').title).toBe('每日投诉趋势');
  expect(trend('en').title).toBe('Complaints by day');
  expect(chartSpecs(analysis, 'zh').find((c) => c.name === 'trend')!.title).toBe('月度投诉趋势');
});

describe('chart font', () => {
  test('draws Chinese glyphs from the bundled font alone', async () => {
    // Tofu boxes would draw both strings alike; a missing font would draw nothing.
    const [a, b] = await rasterize([textSvg('投诉分析'), textSvg('停电抢修')], {
      systemFonts: false,
      scale: 1,
    });
    expect(a!.width).toBe(200);
    const [pa, pb] = [a!.pixels, b!.pixels];
    expect(darkPixels(pa)).toBeGreaterThan(600);
    expect(darkPixels(pb)).toBeGreaterThan(600);
    expect(pa.equals(pb)).toBe(false);
  });

  test('draws a chart the same with or without the system fonts', async () => {
    const [svg] = await renderChartSvgs(chartSpecs(analysis, 'zh'), 'zh');
    const [alone] = await rasterize([svg!.svg], { systemFonts: false });
    expect(alone!.asPng().equals(zh[0]!.png)).toBe(true);
  });
});
