/**
 * The report's chart images: ECharts draws each chart as an SVG string on the server (no DOM,
 * no canvas), resvg turns it into a PNG with the CJK font of fonts.ts. Like the terminal views,
 * the charts format the Analysis; every figure and percentage comes from it as computed.
 *
 * Each PNG is drawn at PIXEL_RATIO times its display size, so it stays sharp on high-density
 * screens and in print; `width` and `height` are the display size, in pixels, that the
 * workbook should give the picture (960 × 540 for most charts).
 */
import type { EChartsOption, SeriesOption } from 'echarts';
import type { RenderedImage, ResvgRenderOptions } from '@resvg/resvg-js';

const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
import type { Analysis, UnitRow } from '../metrics/analysis.js';
import type { Lang } from '../settings/types.js';
import { CJK_FAMILY, FONT_STACK, withChartFonts } from './fonts.js';
import { DISCIPLINE_EN } from './summary.js';
import { formatCount, formatInt, formatPercent } from './terminal.js';

export type ChartName = 'trend' | 'units' | 'categories' | 'discipline';

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

const L = {
  zh: {
    trend: '月度投诉趋势',
    units: '各单位考核投诉与指标',
    unitsNoTarget: '各单位考核投诉',
    categories: '投诉分类占比',
    discipline: '专业投诉同比',
    disciplineNoYoy: '专业投诉',
    complaints: '投诉',
    assessed: '考核投诉',
    previous: '上年同期',
    current: '本期',
    over: '考核投诉（超指标）',
    within: '考核投诉（未超指标）',
    noTarget: '考核投诉（无指标）',
    target: '指标',
    unclassified: '未分类',
    count: '件',
    countShare: (n: number, share: string | null) =>
      share === null ? `${formatInt(n)} 件` : `${formatInt(n)} 件  ${share}`,
    versus: (n: number, target: number | null) =>
      target === null ? formatInt(n) : `${formatInt(n)}（指标 ${formatCount(target)}）`,
    yoy: (rate: string) => `同比 ${rate}`,
    unitsOver: (n: number, of: number) => `超指标单位 ${n} / ${of}`,
    total: (n: number) => `投诉 ${formatInt(n)} 件`,
    against: (now: string, then: string) => `${now}，上年同期 ${then}`,
    disciplineName: (name: string) => name,
  },
  en: {
    trend: 'Complaints by month',
    units: 'Assessed complaints by unit against target',
    unitsNoTarget: 'Assessed complaints by unit',
    categories: 'Complaints by category',
    discipline: 'Complaints by discipline, year on year',
    disciplineNoYoy: 'Complaints by discipline',
    complaints: 'complaints',
    assessed: 'assessed',
    previous: 'year earlier',
    current: 'this period',
    over: 'assessed (over target)',
    within: 'assessed (within target)',
    noTarget: 'assessed (no target)',
    target: 'target',
    unclassified: 'unclassified',
    count: 'complaints',
    countShare: (n: number, share: string | null) =>
      share === null ? formatInt(n) : `${formatInt(n)} (${share})`,
    versus: (n: number, target: number | null) =>
      target === null ? formatInt(n) : `${formatInt(n)} (target ${formatCount(target)})`,
    yoy: (rate: string) => `yoy ${rate}`,
    unitsOver: (n: number, of: number) => `units over target ${n} / ${of}`,
    total: (n: number) => `${formatInt(n)} complaints`,
    against: (now: string, then: string) => `${now}, year earlier ${then}`,
    disciplineName: (name: string) => DISCIPLINE_EN[name] ?? name,
  },
};
type Labels = (typeof L)['zh'];

/** One chart before drawing: its ECharts option and display size. */
interface ChartSpec {
  name: ChartName;
  title: string;
  option: EChartsOption;
  height: number;
}

const span = (p: { from: string; to: string }) =>
  p.from === p.to ? p.from : `${p.from} – ${p.to}`;

const LEGEND = { bottom: 12, itemGap: 20 };

/** What every chart shares: the font, no animation, a white ground, title on top. */
function frame(title: string, subtitle: string): EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: PALETTE,
    textStyle: { fontFamily: FONT_STACK, color: COLOUR.text },
    title: {
      text: title,
      subtext: subtitle,
      left: 'center',
      top: 12,
      textStyle: { fontSize: 18, fontWeight: 'bold', color: COLOUR.text },
      subtextStyle: { fontSize: 12, color: '#666666' },
    },
    legend: LEGEND,
  };
}

function trendChart(a: Analysis, t: Labels): ChartSpec | null {
  if (a.months.length === 0) return null;
  const hasPrevious = a.months.some((m) => m.previous !== null);
  const labelled = a.months.length <= 13;
  const series: SeriesOption[] = [
    {
      name: t.assessed,
      type: 'bar',
      data: a.months.map((m) => m.assessed),
      itemStyle: { color: COLOUR.assessed },
      barMaxWidth: 28,
    },
    {
      name: t.complaints,
      type: 'line',
      data: a.months.map((m) => m.complaints),
      itemStyle: { color: COLOUR.complaints },
      lineStyle: { width: 3 },
      symbolSize: 7,
      label: { show: labelled, position: 'top', fontWeight: 'bold' },
      z: 3,
    },
  ];
  if (hasPrevious)
    series.push({
      name: t.previous,
      type: 'line',
      data: a.months.map((m) => m.previous ?? '-'),
      itemStyle: { color: COLOUR.previous },
      lineStyle: { width: 2, type: 'dashed' },
      symbolSize: 5,
      z: 2,
    });
  const p = a.period;
  const subtitle = p.yearEarlier && hasPrevious ? t.against(span(p), span(p.yearEarlier)) : span(p);
  return {
    name: 'trend',
    title: t.trend,
    height: CHART_HEIGHT,
    option: {
      ...frame(t.trend, subtitle),
      grid: { left: 64, right: 40, top: 90, bottom: 80 },
      xAxis: { type: 'category', data: a.months.map((m) => m.month) },
      yAxis: { type: 'value', name: t.count, minInterval: 1 },
      series,
    },
  };
}

function unitsChart(a: Analysis, t: Labels): ChartSpec | null {
  const units = a.units;
  if (units.length === 0) return null;
  const withTarget = units.some((u) => u.target !== null);
  const names = units.map((u) => u.unit);
  // One bar series per state, stacked so that each unit keeps a single bar; the legend then
  // says what red means. Without any target every unit is one plain blue series.
  const state = (u: UnitRow) =>
    !withTarget || u.overTarget === false ? 'within' : u.overTarget ? 'over' : 'noTarget';
  const series: SeriesOption[] = (['over', 'within', 'noTarget'] as const)
    .filter((s) => units.some((u) => state(u) === s))
    .map((s) => ({
      name: withTarget ? t[s] : t.assessed,
      type: 'bar',
      stack: 'assessed',
      data: units.map((u) => (state(u) === s ? u.assessed : '-')),
      itemStyle: { color: COLOUR[s] },
      barMaxWidth: 26,
      label: { show: !withTarget, position: 'right' },
    }));
  if (withTarget) {
    series.push({
      name: t.target,
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
  const height = Math.max(CHART_HEIGHT, 170 + 34 * units.length);
  const subtitle = withTarget
    ? `${span(a.period)}　${t.unitsOver(a.totals.unitsOverTarget, a.totals.unitsWithTarget)}`
    : span(a.period);
  const title = withTarget ? t.units : t.unitsNoTarget;
  return {
    name: 'units',
    title,
    height,
    option: {
      ...frame(title, subtitle),
      legend: {
        ...LEGEND,
        data: series.flatMap((s) => (s.name === undefined ? [] : [`${s.name}`])),
      },
      grid: { left: 40, right: withTarget ? 140 : 64, top: 90, bottom: 70, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: names,
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

function categoriesChart(a: Analysis, t: Labels, lang: Lang): ChartSpec | null {
  const rows = a.categories.level1.filter((r) => r.complaints > 0);
  const unclassified = a.categories.unclassified;
  if (rows.length === 0 && unclassified <= 0) return null;
  const data: PieSlice[] = rows.map((r) => ({
    name: lang === 'zh' ? r.name : r.nameEn,
    value: r.complaints,
    label: { formatter: `{b}\n${t.countShare(r.complaints, formatPercent(r.share))}` },
  }));
  if (unclassified > 0)
    data.push({
      name: t.unclassified,
      value: unclassified,
      label: { formatter: `{b}\n${t.countShare(unclassified, null)}` },
      itemStyle: { color: '#c8c8c8' },
    });
  return {
    name: 'categories',
    title: t.categories,
    height: CHART_HEIGHT,
    option: {
      ...frame(t.categories, `${span(a.period)}　${t.total(a.totals.complaints)}`),
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

function disciplineChart(a: Analysis, t: Labels): ChartSpec | null {
  const rows = a.categories.discipline;
  if (rows.length === 0 || rows.every((r) => r.complaints === 0 && !r.previous)) return null;
  const hasPrevious = rows.some((r) => r.previous !== null);
  const axis = rows.map((r) =>
    r.yoy === null
      ? t.disciplineName(r.name)
      : `${t.disciplineName(r.name)}\n${t.yoy(formatPercent(r.yoy, true))}`,
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
  if (hasPrevious)
    series.unshift(
      bar(
        t.previous,
        rows.map((r) => r.previous),
        COLOUR.previous,
      ),
    );
  const p = a.period;
  const subtitle = p.yearEarlier && hasPrevious ? t.against(span(p), span(p.yearEarlier)) : span(p);
  const title = hasPrevious ? t.discipline : t.disciplineNoYoy;
  return {
    name: 'discipline',
    title,
    height: CHART_HEIGHT,
    option: {
      ...frame(title, subtitle),
      grid: { left: 64, right: 40, top: 90, bottom: 100 },
      xAxis: { type: 'category', data: axis, axisLabel: { fontSize: 14, lineHeight: 22 } },
      yAxis: { type: 'value', name: t.count, minInterval: 1 },
      series,
    },
  };
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
export async function rasterize(
  svgs: string[],
  options: RasterOptions = {},
): Promise<RenderedImage[]> {
  if (svgs.length === 0) return [];
  const { Resvg } = await import('@resvg/resvg-js');
  // On this thread, one at a time: drawn side by side on the thread pool, every drawing kept
  // its own font database and memory arena, ~150 MiB more for a few hundred milliseconds less.
  return withChartFonts(svgs.join(''), async (files) =>
    svgs.map((svg) => new Resvg(svg, resvgOptions(files, options)).render()),
  );
}

export interface ChartSvg extends Omit<ChartImage, 'png'> {
  svg: string;
}

/** The SVG of each chart, before rasterising (for tests and for looking at a chart). */
export async function renderChartSvgs(analysis: Analysis, lang: Lang): Promise<ChartSvg[]> {
  const echarts = await import('echarts');
  const t = L[lang] as Labels;
  const specs = [
    trendChart(analysis, t),
    unitsChart(analysis, t),
    categoriesChart(analysis, t, lang),
    disciplineChart(analysis, t),
  ].filter((s): s is ChartSpec => s !== null);
  return specs.map((spec) => {
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
  });
}

/** The report's charts, Chinese labels by default; renderers format, they compute nothing. */
export async function renderCharts(
  analysis: Analysis,
  lang: Lang = 'zh',
  options: RasterOptions = {},
): Promise<ChartImage[]> {
  const charts = await renderChartSvgs(analysis, lang);
  const images = await rasterize(
    charts.map((c) => c.svg),
    options,
  );
  return charts.map(({ svg: _, ...chart }, i) => ({ ...chart, png: images[i]!.asPng() }));
}
