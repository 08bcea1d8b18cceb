/**
 * The report's chart images: ECharts draws each chart of the report model (sections/charts.ts)
 * as an SVG string on the server (no DOM, no canvas), resvg turns it into a PNG with the CJK
 * font of fonts.ts. Every figure comes from the model as computed; this file only decides
 * series, colours and sizes.
 *
 * Each PNG is drawn at PIXEL_RATIO times its display size, so it stays sharp on high-density
 * screens and in print; `width` and `height` are the display size, in pixels, that the
 * workbook should give the picture (960 × 540 for most charts).
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { EChartsOption, SeriesOption } from 'echarts';
import type { RenderedImage, ResvgRenderOptions } from '@resvg/resvg-js';

import { InputError } from '../errors.js';
import { releaseTemporary, temporaryFolder } from '../io/temp.js';
import type { Lang } from '../settings/types.js';
import {
  CJK_FAMILY,
  chartFontFiles,
  FONT_STACK,
  withChartFonts,
  writeChartFonts,
} from './fonts.js';
import { formatPercent } from './format.js';
import { CHART, heading } from './labels.js';
import type {
  BreakdownChart,
  HotWordsChart,
  CategoriesChart,
  ChartName,
  ChartSpec,
  DisciplineChart,
  TrendChart,
  UnitsChart,
} from './types.js';
import { turn } from '../turn.js';

export type { ChartName } from './types.js';

const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export interface ChartImage {
  name: ChartName;
  title: string;
  /** PIXEL_RATIO × width by PIXEL_RATIO × height pixels. */
  png: Buffer;
  /** Display size in pixels. */
  width: number;
  height: number;
}

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;
export const PIXEL_RATIO = 2;

const COLOUR = {
  complaints: '#3a6fb0',
  assessed: '#a9c6e8',
  previous: '#9a9a9a',
  over: '#d64541',
  within: '#3a6fb0',
  noTarget: '#9a9a9a',
  target: '#222222',
  text: '#333333',
};
const PALETTE = ['#3a6fb0', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1'];

/** One chart before drawing: its ECharts option and display size. */
interface Drawing {
  name: ChartName;
  title: string;
  option: EChartsOption;
  height: number;
}

const LEGEND = { bottom: 12, itemGap: 20 };

/** What every chart shares: the font, no animation, a white ground, title on top. */
function frame(spec: ChartSpec): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: FONT_STACK, color: COLOUR.text },
    title: {
      text: spec.title,
      subtext: spec.subtitle,
      left: 'center',
      top: 12,
      textStyle: { fontSize: 18, fontWeight: 'bold', color: COLOUR.text },
      subtextStyle: { fontSize: 12, color: '#666666' },
    },
    legend: LEGEND,
  };
}

function trendChart(spec: TrendChart, lang: Lang): Drawing {
  const t = CHART[lang];
  const labelled = spec.months.length <= 13;
  const series: SeriesOption[] = [
    {
      name: heading('assessed', lang),
      type: 'bar',
      data: spec.assessed,
      itemStyle: { color: COLOUR.assessed },
      barMaxWidth: 28,
    },
    {
      name: heading('complaints', lang),
      type: 'line',
      data: spec.complaints,
      itemStyle: { color: COLOUR.complaints },
      lineStyle: { width: 3 },
      symbolSize: 7,
      label: { show: labelled, position: 'top', fontWeight: 'bold' },
      z: 3,
    },
  ];
  if (spec.previous)
    series.push({
      name: heading('previous', lang),
      type: 'line',
      data: spec.previous.map((v) => v ?? '-'),
      itemStyle: { color: COLOUR.previous },
      lineStyle: { width: 2, type: 'dashed' },
      symbolSize: 5,
      z: 2,
    });
  return {
    name: 'trend',
    title: spec.title,
    height: CHART_HEIGHT,
    option: {
      ...frame(spec),
      grid: { left: 64, right: 40, top: 90, bottom: 80 },
      xAxis: { type: 'category', data: spec.months },
      yAxis: { type: 'value', name: t.count, minInterval: 1 },
      series,
    },
  };
}

function unitsChart(spec: UnitsChart, lang: Lang): Drawing {
  const t = CHART[lang];
  const { units, withTarget } = spec;
  // One bar series per state, stacked so that each unit keeps a single bar; the legend then
  // says what red means. Without any target every unit is one plain blue series.
  const series: SeriesOption[] = (['over', 'within', 'noTarget'] as const)
    .filter((s) => units.some((u) => u.state === s))
    .map((s) => ({
      name: withTarget ? t[s] : heading('assessed', lang),
      type: 'bar',
      stack: 'assessed',
      data: units.map((u) => (u.state === s ? u.assessed : '-')),
      itemStyle: { color: COLOUR[s] },
      barMaxWidth: 26,
      label: { show: !withTarget, position: 'right' },
    }));
  if (withTarget) {
    series.push({
      name: heading('target', lang),
      type: 'scatter',
      data: units.flatMap((u) => (u.target === null ? [] : [[u.target, u.unit]])),
      symbol: 'rect',
      symbolSize: [4, 30],
      itemStyle: { color: COLOUR.target },
      z: 5,
    });
    // The figures go right of the bar or the target marker, whichever ends further out.
    series.push({
      type: 'scatter',
      data: units.map((u) => ({
        value: [Math.max(u.assessed, u.target ?? 0), u.unit],
        label: { formatter: t.versus(u.assessed, u.target) },
      })),
      symbolSize: 0,
      silent: true,
      label: { show: true, position: 'right', distance: 8 },
    });
  }
  return {
    name: 'units',
    title: spec.title,
    height: Math.max(CHART_HEIGHT, 170 + 34 * units.length),
    option: {
      ...frame(spec),
      legend: {
        ...LEGEND,
        data: series.flatMap((s) => (s.name === undefined ? [] : [`${s.name}`])),
      },
      grid: { left: 40, right: withTarget ? 140 : 64, top: 90, bottom: 70, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: units.map((u) => u.unit),
        inverse: true,
        axisLabel: { interval: 0, fontSize: 13 },
      },
      series,
    },
  };
}

interface PieSlice {
  name: string;
  value: number;
  label: { formatter: string };
  itemStyle?: { color: string };
}

function categoriesChart(spec: CategoriesChart, lang: Lang): Drawing {
  const t = CHART[lang];
  const data: PieSlice[] = spec.slices.map((s) => ({
    name: s.name,
    value: s.complaints,
    label: {
      formatter: `{b}\n${t.countShare(s.complaints, s.unclassified ? null : formatPercent(s.share))}`,
    },
    ...(s.unclassified ? { itemStyle: { color: '#c8c8c8' } } : {}),
  }));
  return {
    name: 'categories',
    title: spec.title,
    height: CHART_HEIGHT,
    option: {
      ...frame(spec),
      legend: { show: false },
      series: [
        {
          type: 'pie',
          radius: ['34%', '62%'],
          center: ['50%', '56%'],
          startAngle: 90,
          data,
          label: { fontSize: 13, lineHeight: 19 },
          labelLine: { length: 16, length2: 20 },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        },
      ],
    },
  };
}

function disciplineChart(spec: DisciplineChart, lang: Lang): Drawing {
  const t = CHART[lang];
  const rows = spec.rows;
  const axis = rows.map((r) =>
    r.yoy === null ? r.name : `${r.name}\n${t.yoy(formatPercent(r.yoy, true))}`,
  );
  const bar = (name: string, data: (number | null)[], color: string): SeriesOption => ({
    name,
    type: 'bar',
    data: data.map((v) => v ?? '-'),
    itemStyle: { color },
    barMaxWidth: 80,
    barGap: '15%',
    label: { show: true, position: 'top', fontSize: 13 },
  });
  const series = [
    bar(
      t.current,
      rows.map((r) => r.complaints),
      COLOUR.complaints,
    ),
  ];
  if (spec.hasPrevious)
    series.unshift(
      bar(
        heading('previous', lang),
        rows.map((r) => r.previous),
        COLOUR.previous,
      ),
    );
  return {
    name: 'discipline',
    title: spec.title,
    height: CHART_HEIGHT,
    option: {
      ...frame(spec),
      grid: { left: 64, right: 40, top: 90, bottom: 100 },
      xAxis: { type: 'category', data: axis, axisLabel: { fontSize: 14, lineHeight: 22 } },
      yAxis: { type: 'value', name: t.count, minInterval: 1 },
      series,
    },
  };
}

/** A breakdown (--by): bars per group; a matrix's rows stacked by column, with a legend. */
function breakdownChart(spec: BreakdownChart | HotWordsChart, lang: Lang): Drawing {
  const t = CHART[lang];
  const stacked = spec.series.length > 1;
  const many = spec.categories.length > 8;
  return {
    name: spec.name,
    title: spec.title,
    height: CHART_HEIGHT,
    option: {
      ...frame(spec),
      ...(stacked ? { legend: { ...LEGEND, data: spec.series.map((s) => s.name) } } : {}),
      grid: { left: 64, right: 40, top: 90, bottom: stacked ? 130 : 100 },
      xAxis: {
        type: 'category',
        data: spec.categories,
        axisLabel: { fontSize: 13, interval: 0, rotate: many ? 30 : 0 },
      },
      yAxis: { type: 'value', name: t.count, minInterval: 1 },
      series: spec.series.map((s, i): SeriesOption => ({
        name: s.name,
        type: 'bar',
        data: s.values,
        barMaxWidth: 60,
        itemStyle: { color: stacked ? PALETTE[i % PALETTE.length]! : COLOUR.complaints },
        ...(stacked ? { stack: 'all' } : { label: { show: true, position: 'top', fontSize: 13 } }),
      })),
    },
  };
}

function drawing(spec: ChartSpec, lang: Lang): Drawing {
  if (spec.name.startsWith('breakdown-') || spec.name === 'hotWords')
    return breakdownChart(spec as BreakdownChart | HotWordsChart, lang);
  const s = spec as Exclude<ChartSpec, BreakdownChart | HotWordsChart>;
  switch (s.name) {
    case 'trend':
      return trendChart(s, lang);
    case 'units':
      return unitsChart(s, lang);
    case 'categories':
      return categoriesChart(s, lang);
    case 'discipline':
      return disciplineChart(s, lang);
  }
}

export interface RasterOptions {
  /**
   * Also let resvg use the machine's fonts (the default), for a character the bundled font
   * lacks: it covers GB2312, so a rare character in a unit's name may fall outside. The bundled
   * font comes first in every font-family, so text it covers looks the same on every machine.
   */
  systemFonts?: boolean;
  /** Pixels per display pixel; PIXEL_RATIO unless told. */
  scale?: number;
}

function resvgOptions(fontFiles: string[], options: RasterOptions): ResvgRenderOptions {
  return {
    font: {
      fontFiles,
      loadSystemFonts: options.systemFonts ?? true,
      defaultFontFamily: CJK_FAMILY,
      sansSerifFamily: CJK_FAMILY,
    },
    fitTo: { mode: 'zoom', value: options.scale ?? PIXEL_RATIO },
    // resvg would print warnings (a missing glyph) straight to stderr, under the CLI's output.
    logLevel: 'off',
  };
}

/** Draws SVGs with the chart font; the RGBA pixels are there for tests. */
export function rasterize(svgs: string[], options: RasterOptions = {}): Promise<RenderedImage[]> {
  return drawEach(svgs, options, (image) => image);
}

/**
 * Draws each SVG with the chart font and hands its pixels to `take` at once: what `take` keeps
 * (a PNG) is all that stays of a drawing, not its 8 MB of pixels until every chart is drawn.
 */
async function drawEach<T>(
  svgs: string[],
  options: RasterOptions,
  take: (image: RenderedImage) => T,
): Promise<T[]> {
  if (svgs.length === 0) return [];
  return withChartFonts(svgs.join(''), (files) => drawWith(files, svgs, options, take));
}

/** Draws each SVG with the cut font `files`, handing its pixels to `take` (drawEach). */
async function drawWith<T>(
  files: string[],
  svgs: readonly string[],
  options: RasterOptions,
  take: (image: RenderedImage) => T,
): Promise<T[]> {
  const { Resvg } = await import('@resvg/resvg-js');
  // One at a time: drawn side by side on the thread pool, every drawing kept its own font
  // database and memory arena, ~150 MiB more for a few hundred milliseconds less. A turn of the
  // event loop between two: a drawing takes up to a few tenths of a second (turn.ts).
  const drawn: T[] = [];
  for (const svg of svgs) {
    await turn();
    drawn.push(take(new Resvg(svg, resvgOptions(files, options)).render()));
  }
  return drawn;
}

/**
 * ECharts' one-file CommonJS build, not its ESM one: that is 591 modules, each resolved, read
 * and compiled, 0.45–0.55 CPU s to load against 0.1 (the same version, the same drawings).
 */
function loadECharts(): typeof import('echarts') {
  return createRequire(import.meta.url)('echarts') as typeof import('echarts');
}

export interface ChartSvg extends Omit<ChartImage, 'png'> {
  svg: string;
}

/**
 * The SVG of each chart, before rasterising (for tests and for looking at a chart); `shorter`
 * pixels off every chart's height, its plot giving them up (the bulletin's: word-metrics.ts).
 */
export async function renderChartSvgs(
  specs: readonly ChartSpec[],
  lang: Lang,
  shorter = 0,
): Promise<ChartSvg[]> {
  const echarts = loadECharts();
  const svgs: ChartSvg[] = [];
  for (const s of specs) {
    await turn(); // between two charts (turn.ts)
    svgs.push(chartSvg(echarts, s, lang, shorter));
  }
  return svgs;
}

function chartSvg(
  echarts: typeof import('echarts'),
  s: ChartSpec,
  lang: Lang,
  shorter: number,
): ChartSvg {
  const drawn = drawing(s, lang);
  const spec = { ...drawn, height: drawn.height - shorter };
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: spec.height,
  });
  try {
    chart.setOption(spec.option);
    // A control character in a unit or class name is not allowed in XML: resvg would refuse
    // the whole drawing. The labels lose it; the tables show it escaped.
    const svg = chart.renderToSVGString().replace(XML_FORBIDDEN, '');
    return { name: spec.name, title: spec.title, svg, width: CHART_WIDTH, height: spec.height };
  } finally {
    chart.dispose();
  }
}

/** The report's charts, drawn from their specs in the model's language, on this thread. */
export async function renderCharts(
  specs: readonly ChartSpec[],
  lang: Lang,
  options: RasterOptions & { shorter?: number } = {},
): Promise<ChartImage[]> {
  const charts = await renderChartSvgs(specs, lang, options.shorter);
  const pngs = await drawEach(
    charts.map((c) => c.svg),
    options,
    (image) => image.asPng(),
  );
  return charts.map(({ svg: _, ...chart }, i) => ({ ...chart, png: pngs[i]! }));
}

const WORKER = new URL('./chart-worker.js', import.meta.url);
/** Workers run compiled JavaScript: under a TypeScript test runner the charts are drawn here. */
const workerAvailable = !import.meta.url.endsWith('.ts');

/**
 * A chart worker's one job: the charts' SVGs (`svgs`), the fonts cut into `fontsDir` down to
 * the characters of `text`, the SVGs joined (`cut`), or the pictures of the SVGs drawn with
 * those fonts (`draw`).
 */
export type ChartJob =
  | { stage: 'svgs'; specs: readonly ChartSpec[]; lang: Lang }
  | { stage: 'cut'; text: string; fontsDir: string }
  | { stage: 'draw'; svgs: readonly string[]; files: string[]; options: RasterOptions };

export type ChartWorkerReply =
  | { ok: true; charts: ChartSvg[] }
  | { ok: true; files: string[] }
  | { ok: true; pngs: Uint8Array[] }
  /** A user's error (a full TMPDIR), to be thrown as such; else an unexpected failure. */
  | {
      ok: false;
      input?: Pick<InputError, 'code' | 'said' | 'saidHint'>;
      message: string;
      stack?: string;
    };

/** Does a chart worker's job (chart-worker.ts). */
export async function chartJob(job: ChartJob): Promise<ChartWorkerReply> {
  if (job.stage === 'draw')
    return { ok: true, pngs: await drawWith(job.files, job.svgs, job.options, (i) => i.asPng()) };
  if (job.stage === 'cut')
    return { ok: true, files: await writeChartFonts(job.text, job.fontsDir) };
  return { ok: true, charts: await renderChartSvgs(job.specs, job.lang) };
}

/** Runs `job` on a worker thread of its own, which ends with it. */
async function onWorker(job: ChartJob): Promise<ChartWorkerReply & { ok: true }> {
  const worker = new Worker(WORKER, { workerData: job });
  const reply = await new Promise<ChartWorkerReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`chart worker: exit ${code}`)));
  });
  if (reply.ok) return reply;
  if (reply.input) throw new InputError(reply.input.code, reply.input.said, reply.input.saidHint);
  const error = new Error(reply.message);
  if (reply.stack) error.stack = reply.stack;
  throw error;
}

/**
 * The report's charts; `apart`: drawn on three worker threads in turn, each ending with its
 * stage, so that what drawing takes and never gives back while a thread lives goes with it.
 * The first makes the SVGs (ECharts' heap), the second cuts the fonts (the cutter's
 * WebAssembly memory, some 70 MiB touched; without ECharts' heap beside it, that stage is 10
 * MiB lower or more on the 1M bench file, README), the third draws (each drawing's pixels, 8
 * MiB a chart, until a garbage collection finds them). With --detail (the 明细 rows made
 * meanwhile, on this thread or a worker) this lowered the run's peak (1M bench file: median
 * 537 → 507 MiB; 250k: 350 → 302–315); in a run without it, drawn on this thread, the charts
 * reuse the memory the analysis left, which they cannot from a worker (the peak rose 415 →
 * 469 MiB on 1M), so they stay here.
 */
export async function drawCharts(
  specs: readonly ChartSpec[],
  lang: Lang,
  apart: boolean,
  options: RasterOptions = {},
): Promise<ChartImage[]> {
  if (specs.length === 0 || !apart || !workerAvailable) return renderCharts(specs, lang, options);
  chartFontFiles(); // a broken installation said here, as on this thread
  // Made here, so that this thread's exit and signal handlers remove it (io/temp.ts).
  const fontsDir = temporaryFolder('fonts');
  try {
    const made = await onWorker({ stage: 'svgs', specs, lang });
    if (!('charts' in made)) throw new Error('chart worker: no SVGs');
    const svgs = made.charts.map((c) => c.svg);
    const cut = await onWorker({ stage: 'cut', text: svgs.join(''), fontsDir });
    if (!('files' in cut)) throw new Error('chart worker: no fonts');
    const drawn = await onWorker({ stage: 'draw', svgs, files: cut.files, options });
    if (!('pngs' in drawn)) throw new Error('chart worker: no pictures');
    // Each PNG arrives as a Uint8Array (structured cloning keeps no Buffer): a Buffer on it.
    return made.charts.map(({ svg: _, ...chart }, i) => {
      const png = drawn.pngs[i]!;
      return { ...chart, png: Buffer.from(png.buffer, png.byteOffset, png.byteLength) };
    });
  } finally {
    rmSync(fontsDir, { recursive: true, force: true });
    releaseTemporary(fontsDir);
  }
}
