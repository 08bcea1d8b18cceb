/**
 * The report workbook (DESIGN.md §7): 概览, 单位, 月度趋势, 分类, 季节性, 热点, 时效与满意度,
 * 数据质量 and, with --detail, 明细. Every sheet opens with its title, the period and the
 * sources, then real tables: a frozen header, an auto-filter, integer and percentage formats
 * (rates stored as numbers), over-target and rising cells highlighted, widths that fit Chinese
 * text, totals rows, and notes where a figure could not be computed. It formats the analysis;
 * it computes nothing.
 */
import stringWidth from 'string-width';
import type { Cell } from '../io/table.js';
import { style, type CellStyle, type ReportSheet, type ReportWorkbook } from '../io/workbook.js';
import { TARGET_NOTES, type Analysis, type CategoryRow, type Note } from '../metrics/analysis.js';
import type { DurationStats } from '../metrics/extras.js';
import type { GroupSeries } from '../metrics/trend.js';
import type { PipelineResult } from '../pipeline.js';
import type { Lang } from '../settings/types.js';
import type { ChartImage, ChartName } from './charts.js';
import { DISCIPLINE_EN } from './summary.js';

export interface ReportData {
  result: PipelineResult;
  /** One monthly series per unit (trend --by unit), for the unit × month table. */
  unitSeries: GroupSeries[];
  charts: ChartImage[];
  generatedAt: string;
  /** The quarter's own figures, in the quarterly evaluation (whose period is the year to date). */
  quarter: Analysis | null;
}

const INT = style({ numFmt: '#,##0' });
const DEC = style({ numFmt: '#,##0.00' });
const PCT = style({ numFmt: '0.00%' });
const TITLE = style({ font: { bold: true, size: 14 } });
const SUBTITLE = style({ font: { color: { argb: 'FF595959' } } });
const HEAD = style({
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', wrapText: true },
});
const TOTAL = style({ font: { bold: true } });
const TOTAL_INT = style({ font: { bold: true }, numFmt: '#,##0' });
const TOTAL_DEC = style({ font: { bold: true }, numFmt: '#,##0.00' });
const TOTAL_PCT = style({ font: { bold: true }, numFmt: '0.00%' });
const NOTE = style({ font: { italic: true, color: { argb: 'FF7F7F7F' } } });
/** Excel's own "bad" look: light red fill, dark red text. */
const BAD_PCT = style({
  numFmt: '0.00%',
  font: { color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
});
const BAD_TEXT = style({
  font: { color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
});
const RISING_PCT = style({ numFmt: '0.00%', font: { color: { argb: 'FFC00000' } } });
const FALLING_PCT = style({ numFmt: '0.00%', font: { color: { argb: 'FF00804D' } } });

type Format = 'text' | 'int' | 'dec' | 'pct' | 'change' | 'over' | 'flag';

interface Table {
  caption?: string;
  head: string[];
  formats: Format[];
  /** Instead of `formats`, one format per row for every column but the first. */
  rowFormats?: Format[];
  rows: Cell[][];
  totals?: Cell[];
}

const SHEETS = {
  zh: ['概览', '单位', '月度趋势', '分类', '季节性', '热点', '时效与满意度', '数据质量', '明细'],
  en: [
    'Summary',
    'Units',
    'Monthly',
    'Categories',
    'Seasonality',
    'Hot spots',
    'Timeliness',
    'Data quality',
    'Detail',
  ],
} as const;

const T = {
  zh: {
    title: (s: string) => `投诉分析 · ${s}`,
    quarter: '本季度',
    period: (p: Analysis['period']) =>
      `期间：${p.from} 至 ${p.to}（${p.months} 个月）` +
      (p.yearEarlier ? `；同比：${p.yearEarlier.from} 至 ${p.yearEarlier.to}` : '；无上年同期数据'),
    sources: (files: string[], at: string) => `来源：${files.join('，')}；生成于 ${at}`,
    item: '项目',
    value: '数值',
    workOrders: '工单',
    complaints: '投诉',
    appealApproved: '申诉成功',
    unsubstantiated: '不属实',
    assessed: '考核投诉',
    target: '指标',
    overTargetRate: '超指标率',
    over: '超指标',
    yes: '是',
    share: '占比',
    previous: '上年同期',
    yoy: '同比',
    preceding: '上期',
    mom: '环比',
    customers: '户数',
    ratePer10k: '万户投诉率',
    rank: '排名',
    unit: '供电单位',
    month: '月份',
    total: '合计',
    unitsOver: '超指标单位数',
    unitsWithTarget: '有指标单位数',
    avgArithmetic: '月均下降率（算术）',
    avgCompound: '月均下降率（复合）',
    notes: '说明',
    code: '代码',
    name: '名称',
    parent: '上级',
    discipline: '专业',
    level1: '一级分类',
    level2: '二级分类',
    level3: '三级分类',
    unclassified: '未分类',
    monthOfYear: '月',
    mean: '平均',
    index: '季节指数',
    noSeasonality: '输入覆盖不足 12 个月以上，无法计算季节性。',
    rising: (basis: string) => `上升最快的二级分类（${basis === 'yoy' ? '同比' : '环比'}）`,
    base: '基期',
    increase: '增加',
    topPerUnit: '各单位前三位二级分类',
    top: (i: number) => `第 ${i} 位`,
    repeatCustomers: '重复投诉客户（客户编号）',
    repeatPhones: '重复投诉号码（联系电话）',
    key: '客户编号/电话',
    units: '涉及单位',
    reply: '回复',
    close: '办结',
    kind: '环节',
    count: '有时间的投诉',
    before: '早于受理时间',
    meanHours: '平均小时',
    medianHours: '中位小时',
    limit: '时限（小时）',
    overLimit: '超时限',
    overLimitShare: '超时限占比',
    satisfaction: '回访满意度',
    resultValue: '回访结果',
    satisfiedShare: '满意率',
    surveyed: '回访数',
    satisfied: '满意数',
    inputs: '输入文件',
    file: '文件',
    format: '格式',
    encoding: '编码',
    sheet: '工作表',
    headerRow: '表头行',
    rows: '数据行',
    duplicates: '重复工单',
    differing: '内容不同的重复',
    rejected: '拒收行',
    withoutId: '无工单编号',
    excluded: '不计入的业务类型',
    type: '业务类型',
    rejects: '拒收明细',
    row: '行',
    reason: '原因',
    more: (n: number) => `另有 ${n} 行未列出，详见 complaints inspect --json`,
    warnings: '提示',
    method: '判定方式',
  },
  en: {
    title: (s: string) => `Complaint analysis · ${s}`,
    quarter: 'the quarter',
    period: (p: Analysis['period']) =>
      `Period: ${p.from} to ${p.to} (${p.months} month${p.months === 1 ? '' : 's'})` +
      (p.yearEarlier
        ? `; compared with ${p.yearEarlier.from} to ${p.yearEarlier.to}`
        : '; no year-earlier data'),
    sources: (files: string[], at: string) => `Sources: ${files.join(', ')}; made ${at}`,
    item: 'item',
    value: 'value',
    workOrders: 'work orders',
    complaints: 'complaints',
    appealApproved: 'appeal approved',
    unsubstantiated: 'unsubstantiated',
    assessed: 'assessed',
    target: 'target',
    overTargetRate: 'over-target rate',
    over: 'over target',
    yes: 'yes',
    share: 'share',
    previous: 'year earlier',
    yoy: 'yoy',
    preceding: 'period before',
    mom: 'mom',
    customers: 'customers',
    ratePer10k: 'per 10k customers',
    rank: 'rank',
    unit: 'unit',
    month: 'month',
    total: 'total',
    unitsOver: 'units over target',
    unitsWithTarget: 'units with a target',
    avgArithmetic: 'average monthly reduction (arithmetic)',
    avgCompound: 'average monthly reduction (compound)',
    notes: 'notes',
    code: 'code',
    name: 'name',
    parent: 'parent',
    discipline: 'discipline',
    level1: 'level 1',
    level2: 'level 2',
    level3: 'level 3',
    unclassified: 'unclassified',
    monthOfYear: 'month',
    mean: 'mean',
    index: 'seasonal index',
    noSeasonality: 'The inputs cover 12 months or less: no seasonality.',
    rising: (basis: string) => `Level-2 classes rising fastest (${basis})`,
    base: 'base',
    increase: 'increase',
    topPerUnit: 'Top three level-2 classes per unit',
    top: (i: number) => `#${i}`,
    repeatCustomers: 'Repeat complainants (customer id)',
    repeatPhones: 'Repeat complainants (phone)',
    key: 'customer id / phone',
    units: 'units',
    reply: 'reply',
    close: 'closing',
    kind: 'stage',
    count: 'complaints with a time',
    before: 'before acceptance',
    meanHours: 'mean hours',
    medianHours: 'median hours',
    limit: 'limit (hours)',
    overLimit: 'over the limit',
    overLimitShare: 'share over',
    satisfaction: 'callback satisfaction',
    resultValue: 'callback result',
    satisfiedShare: 'satisfied share',
    surveyed: 'surveyed',
    satisfied: 'satisfied',
    inputs: 'inputs',
    file: 'file',
    format: 'format',
    encoding: 'encoding',
    sheet: 'sheet',
    headerRow: 'header row',
    rows: 'data rows',
    duplicates: 'duplicates',
    differing: 'differing duplicates',
    rejected: 'rejected rows',
    withoutId: 'without an id',
    excluded: 'business types left out',
    type: 'business type',
    rejects: 'rejected rows',
    row: 'row',
    reason: 'reason',
    more: (n: number) => `${n} more not listed: see complaints inspect --json`,
    warnings: 'warnings',
    method: 'method',
  },
};

/** The sheet names of a report, ≤ 31 characters, none of : \ / ? * [ ]. */
export function sheetNames(lang: Lang): readonly string[] {
  return SHEETS[lang];
}

function styleFor(format: Format, value: Cell, total: boolean): CellStyle | undefined {
  if (format === 'flag' && value) return BAD_TEXT;
  if (typeof value !== 'number') return total ? TOTAL : undefined;
  switch (format) {
    case 'int':
      return total ? TOTAL_INT : INT;
    case 'dec':
      return total ? TOTAL_DEC : DEC;
    case 'pct':
      return total ? TOTAL_PCT : PCT;
    case 'change':
      return value > 0 ? RISING_PCT : value < 0 ? FALLING_PCT : PCT;
    case 'over':
      return value > 0 ? BAD_PCT : total ? TOTAL_PCT : PCT;
    case 'flag':
      return BAD_TEXT;
    default:
      return total ? TOTAL : undefined;
  }
}

/** Display width of a cell in Excel's character units (a Chinese character is two). */
function cellWidth(value: Cell, format: Format): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number')
    return format === 'pct' || format === 'change' || format === 'over'
      ? 9
      : String(Math.round(value * 100) / 100).length + 2;
  if (value instanceof Date) return 19;
  return stringWidth(String(value));
}

const MAX_WIDTH = 60;

/** Widths that fit every table of a sheet (captions and titles excluded: they overflow freely). */
function widthsOf(tables: readonly Table[]): number[] {
  const widths: number[] = [];
  for (const t of tables) {
    const rows = [t.head, ...t.rows, ...(t.totals ? [t.totals] : [])];
    rows.forEach((row) =>
      row.forEach((value, i) => {
        const w = Math.min(MAX_WIDTH, cellWidth(value, t.formats[i] ?? 'text') + 2);
        widths[i] = Math.max(widths[i] ?? 8, w);
      }),
    );
  }
  return widths;
}

class SheetWriter {
  private sheet!: ReportSheet;
  constructor(
    private readonly book: ReportWorkbook,
    private readonly data: ReportData,
    private readonly lang: Lang,
  ) {}

  /** Opens a sheet: its title block, then the tables, the first one filtered. */
  open(name: string, tables: readonly Table[], options: { filter?: boolean } = {}): ReportSheet {
    const t = T[this.lang];
    const a = this.data.result.analysis;
    const headerRow = 5 + (tables[0]?.caption ? 1 : 0);
    this.sheet = this.book.addSheet(name, {
      frozenRows: tables.length > 0 ? headerRow : 0,
      widths: widthsOf(tables),
      landscape: true,
    });
    this.sheet.addRow([t.title(name)], TITLE, 22);
    this.sheet.addRow([t.period(a.period)], SUBTITLE);
    this.sheet.addRow(
      [
        t.sources(
          this.data.result.ingest.inputs.map((i) => i.file),
          this.data.generatedAt,
        ),
      ],
      SUBTITLE,
    );
    this.sheet.skip();
    tables.forEach((table, i) => {
      if (i > 0) this.sheet.skip();
      this.table(table, i === 0 && options.filter !== false);
    });
    return this.sheet;
  }

  private table(table: Table, filter: boolean): void {
    if (table.caption) this.sheet.addRow([table.caption], TOTAL);
    const head = this.sheet.addRow(table.head, HEAD);
    if (filter && table.rows.length > 0) this.sheet.autoFilter(head, 1, table.head.length);
    table.rows.forEach((row, r) => {
      const format = (i: number) =>
        table.rowFormats && i > 0 ? table.rowFormats[r]! : (table.formats[i] ?? 'text');
      this.sheet.addRow(
        row,
        row.map((v, i) => (i === 0 && table.rowFormats ? TOTAL : styleFor(format(i), v, false))),
      );
    });
    if (table.totals)
      this.sheet.addRow(
        table.totals,
        table.totals.map((v, i) => styleFor(table.formats[i] ?? 'text', v, true)),
      );
  }

  notes(notes: readonly string[]): void {
    if (notes.length === 0) return;
    this.sheet.skip();
    this.sheet.addRow([T[this.lang].notes], TOTAL);
    for (const n of notes) this.sheet.addRow([n], NOTE);
  }

  images(charts: readonly ChartImage[], column: number, row = 4): void {
    let at = row;
    for (const chart of charts) {
      // Shown at 60% of the display size: about 9 columns by 16 rows beside the tables.
      const width = Math.round(chart.width * 0.6);
      const height = Math.round(chart.height * 0.6);
      this.sheet.addImage({ png: chart.png, column, row: at, width, height });
      at += Math.ceil(height / 20) + 1;
    }
  }

  commit(): void {
    this.sheet.commit();
    this.count++;
  }

  count = 0;
}

const say = (n: Note, lang: Lang) => (lang === 'zh' ? n.zh : n.message);

function categoryName(r: CategoryRow, lang: Lang): string {
  return lang === 'zh' ? r.name : r.nameEn;
}

/** Writes every sheet but 明细 (see detail.ts) into `book`; returns how many. */
export function writeReport(book: ReportWorkbook, data: ReportData, lang: Lang): number {
  const t = T[lang];
  const names = SHEETS[lang];
  const a = data.result.analysis;
  const w = new SheetWriter(book, data, lang);
  const chart = (name: ChartName) => data.charts.filter((c) => c.name === name);

  // 概览
  const x = a.totals;
  const summaryRows: [string, Cell, Format][] = [
    [t.workOrders, x.workOrders, 'int'],
    [t.complaints, x.complaints, 'int'],
    [t.appealApproved, x.appealApproved, 'int'],
    [t.unsubstantiated, x.unsubstantiated, 'int'],
    [t.assessed, x.assessed, 'int'],
    [t.target, x.target, 'dec'],
    [t.overTargetRate, x.overTargetRate, 'over'],
    [t.unitsOver, a.targets ? x.unitsOverTarget : null, 'int'],
    [t.unitsWithTarget, a.targets ? x.unitsWithTarget : null, 'int'],
    [t.previous, x.previous, 'int'],
    [t.yoy, x.yoy, 'change'],
    [t.preceding, x.preceding, 'int'],
    [t.mom, x.mom, 'change'],
    [t.ratePer10k, x.ratePer10k, 'dec'],
    [t.avgArithmetic, a.trend.avgMonthlyReduction.arithmetic, 'pct'],
    [t.avgCompound, a.trend.avgMonthlyReduction.compound, 'pct'],
    ...(data.quarter
      ? ([
          [`${t.quarter} ${t.complaints}`, data.quarter.totals.complaints, 'int'],
          [`${t.quarter} ${t.assessed}`, data.quarter.totals.assessed, 'int'],
          [`${t.quarter} ${t.target}`, data.quarter.totals.target, 'dec'],
          [`${t.quarter} ${t.overTargetRate}`, data.quarter.totals.overTargetRate, 'over'],
          [`${t.quarter} ${t.previous}`, data.quarter.totals.previous, 'int'],
          [`${t.quarter} ${t.yoy}`, data.quarter.totals.yoy, 'change'],
        ] as [string, Cell, Format][])
      : []),
    ...a.categories.discipline.map((d): [string, Cell, Format] => [
      `${lang === 'zh' ? d.name : DISCIPLINE_EN[d.name]} ${t.complaints}`,
      d.complaints,
      'int',
    ]),
  ];
  const summary: Table = {
    head: [t.item, t.value],
    formats: ['text', 'pct'],
    rowFormats: summaryRows.map(([, , f]) => f),
    rows: summaryRows.map(([k, v]) => [k, v === null ? '-' : v]),
  };
  w.open(names[0], [summary], { filter: false });
  w.notes([...a.notes.map((n) => say(n, lang)), ...data.result.ingest.warnings]);
  w.images([...chart('trend'), ...chart('units')], 3);
  w.commit();

  // 单位
  const hasTarget = a.targets !== null;
  const unitHead = [
    t.rank,
    t.unit,
    t.complaints,
    t.appealApproved,
    t.unsubstantiated,
    t.assessed,
    ...(hasTarget ? [t.target, t.overTargetRate, t.over] : []),
    t.share,
    t.previous,
    t.yoy,
    t.preceding,
    t.mom,
    t.customers,
    t.ratePer10k,
  ];
  const unitFormats: Format[] = [
    'int',
    'text',
    'int',
    'int',
    'int',
    'int',
    ...(hasTarget ? (['dec', 'over', 'flag'] as Format[]) : []),
    'pct',
    'int',
    'change',
    'int',
    'change',
    'int',
    'dec',
  ];
  const unitRow = (u: {
    rank: number | null;
    unit: string;
    complaints: number;
    appealApproved: number;
    unsubstantiated: number;
    assessed: number;
    target: number | null;
    overTargetRate: number | null;
    overTarget: boolean | null;
    share: number | null;
    previous: number | null;
    yoy: number | null;
    preceding: number | null;
    mom: number | null;
    customers: number | null;
    ratePer10k: number | null;
  }): Cell[] => [
    u.rank,
    u.unit,
    u.complaints,
    u.appealApproved,
    u.unsubstantiated,
    u.assessed,
    ...(hasTarget ? [u.target, u.overTargetRate, u.overTarget ? t.yes : null] : []),
    u.share,
    u.previous,
    u.yoy,
    u.preceding,
    u.mom,
    u.customers,
    u.ratePer10k,
  ];
  const units: Table = {
    head: unitHead,
    formats: unitFormats,
    rows: a.units.map(unitRow),
    totals: unitRow({ ...x, rank: null, unit: t.total, share: x.complaints > 0 ? 1 : null }),
  };
  const q = data.quarter;
  const quarterUnits: Table[] = q
    ? [
        {
          caption: `${t.quarter} ${q.period.from} – ${q.period.to}${q.period.yearEarlier ? `（${t.yoy} ${q.period.yearEarlier.from} – ${q.period.yearEarlier.to}）` : ''}`,
          head: unitHead,
          formats: unitFormats,
          rows: q.units.map(unitRow),
          totals: unitRow({
            ...q.totals,
            rank: null,
            unit: t.total,
            share: q.totals.complaints > 0 ? 1 : null,
          }),
        },
      ]
    : [];
  w.open(names[1], [units, ...quarterUnits]);
  w.notes([
    ...a.notes
      .filter((n) => TARGET_NOTES.has(n.code) || n.code === 'no-appeal')
      .map((n) => say(n, lang)),
    ...(a.targets?.prorated
      ? [
          lang === 'zh'
            ? `指标已按期间折算（× ${a.targets.factor}）`
            : `targets prorated to the period (× ${a.targets.factor})`,
        ]
      : []),
  ]);
  w.images(chart('units'), unitHead.length + 1);
  w.commit();

  // 月度趋势
  const months = a.months.map((m) => m.month);
  const matrix: Table = {
    caption: `${t.unit} × ${t.month}（${t.complaints}）`,
    head: [t.unit, ...months, t.total],
    formats: ['text', ...months.map((): Format => 'int'), 'int'],
    rows: data.unitSeries.map((s) => [s.name, ...s.months.map((m) => m.complaints), s.complaints]),
    totals: [t.total, ...a.months.map((m) => m.complaints), x.complaints],
  };
  const series: Table = {
    head: [t.month, t.complaints, t.assessed, t.appealApproved, t.mom, t.previous, t.yoy],
    formats: ['text', 'int', 'int', 'int', 'change', 'int', 'change'],
    rows: a.months.map((m) => [
      m.month,
      m.complaints,
      m.assessed,
      m.appealApproved,
      m.mom,
      m.previous,
      m.yoy,
    ]),
    totals: [t.total, x.complaints, x.assessed, x.appealApproved, null, x.previous, x.yoy],
  };
  const reduction: Table = {
    head: [t.item, t.value],
    formats: ['text', 'pct'],
    rows: [
      [t.avgArithmetic, a.trend.avgMonthlyReduction.arithmetic],
      [t.avgCompound, a.trend.avgMonthlyReduction.compound],
    ],
  };
  w.open(names[2], [matrix, series, reduction]);
  w.images(chart('trend'), months.length + 3);
  w.commit();

  // 分类
  const catHead = [
    t.code,
    t.name,
    t.parent,
    t.discipline,
    t.complaints,
    t.share,
    t.previous,
    t.yoy,
  ];
  const catFormats: Format[] = ['text', 'text', 'text', 'text', 'int', 'pct', 'int', 'change'];
  const nameOf = new Map(
    [...a.categories.level1, ...a.categories.level2].map((r) => [r.code, categoryName(r, lang)]),
  );
  const catRow = (r: CategoryRow): Cell[] => [
    r.code,
    categoryName(r, lang),
    r.parent ? (nameOf.get(r.parent) ?? r.parent) : null,
    lang === 'zh' ? r.discipline : (DISCIPLINE_EN[r.discipline] ?? r.discipline),
    r.complaints,
    r.share,
    r.previous,
    r.yoy,
  ];
  const totalsRow = (n: number, previous: number | null): Cell[] => [
    null,
    t.total,
    null,
    null,
    n,
    n > 0 ? 1 : null,
    previous,
    null,
  ];
  const classified = a.categories.level1.reduce((s, r) => s + r.complaints, 0);
  const level1: Table = {
    caption: t.level1,
    head: catHead,
    formats: catFormats,
    rows: [
      ...a.categories.level1.map(catRow),
      ...(a.categories.unclassified > 0
        ? [
            [
              null,
              t.unclassified,
              null,
              null,
              a.categories.unclassified,
              a.categories.unclassified / Math.max(1, x.complaints),
              null,
              null,
            ],
          ]
        : []),
    ],
    totals: totalsRow(x.complaints, x.previous),
  };
  const level2: Table = {
    caption: t.level2,
    head: catHead,
    formats: catFormats,
    rows: a.categories.level2.map(catRow),
  };
  const discipline: Table = {
    caption: t.discipline,
    head: [t.discipline, t.complaints, t.share, t.previous, t.yoy],
    formats: ['text', 'int', 'pct', 'int', 'change'],
    rows: a.categories.discipline.map((d) => [
      lang === 'zh' ? d.name : (DISCIPLINE_EN[d.name] ?? d.name),
      d.complaints,
      d.share,
      d.previous,
      d.yoy,
    ]),
    totals: [
      t.total,
      classified,
      classified > 0 ? classified / Math.max(1, x.complaints) : null,
      x.previous,
      null,
    ],
  };
  const level3: Table = {
    caption: t.level3,
    head: catHead,
    formats: catFormats,
    rows: a.categories.level3.map(catRow),
  };
  w.open(names[3], [level1, level2, discipline, ...(level3.rows.length > 0 ? [level3] : [])]);
  w.images([...chart('categories'), ...chart('discipline')], catHead.length + 1);
  w.commit();

  // 季节性
  if (a.seasonality) {
    const years = [...new Set(a.seasonality.months.flatMap((m) => Object.keys(m.values)))].sort();
    w.open(names[4], [
      {
        head: [t.monthOfYear, ...years, t.mean, t.index],
        formats: ['int', ...years.map((): Format => 'int'), 'dec', 'dec'],
        rows: a.seasonality.months.map((m) => [
          m.month,
          ...years.map((y) => m.values[y] ?? null),
          m.mean,
          m.index,
        ]),
      },
    ]);
  } else {
    w.open(names[4], []);
    w.notes([t.noSeasonality]);
  }
  w.commit();

  // 热点
  const hot: Table[] = [
    { caption: t.level2, head: catHead, formats: catFormats, rows: a.hotspots.level2.map(catRow) },
  ];
  if (a.hotspots.level3.length > 0)
    hot.push({
      caption: t.level3,
      head: catHead,
      formats: catFormats,
      rows: a.hotspots.level3.map(catRow),
    });
  if (a.hotspots.rising && a.hotspots.rising.categories.length > 0)
    hot.push({
      caption: t.rising(a.hotspots.rising.basis),
      head: [
        t.code,
        t.name,
        t.base,
        t.complaints,
        t.increase,
        a.hotspots.rising.basis === 'yoy' ? t.yoy : t.mom,
      ],
      formats: ['text', 'text', 'int', 'int', 'int', 'change'],
      rows: a.hotspots.rising.categories.map((r) => [
        r.code,
        lang === 'zh' ? r.name : r.nameEn,
        r.base,
        r.complaints,
        r.increase,
        r.rate,
      ]),
    });
  hot.push({
    caption: t.topPerUnit,
    head: [t.unit, t.complaints, ...[1, 2, 3].flatMap((i) => [t.top(i), t.share])],
    formats: ['text', 'int', 'text', 'pct', 'text', 'pct', 'text', 'pct'],
    rows: a.hotspots.byUnit.map((u) => [
      u.unit,
      u.complaints,
      ...[0, 1, 2].flatMap((i) => {
        const top = u.top[i];
        return top
          ? [`${lang === 'zh' ? top.name : top.nameEn} ${top.complaints}`, top.share]
          : [null, null];
      }),
    ]),
  });
  const repeat = a.repeatComplainants;
  for (const [caption, list] of [
    [t.repeatCustomers, repeat?.byCustomer],
    [t.repeatPhones, repeat?.byPhone],
  ] as const) {
    if (!list) continue;
    hot.push({
      caption: `${caption}: ${list.complainants} / ${list.complaints}`,
      head: [t.key, t.complaints, t.units],
      formats: ['text', 'int', 'text'],
      rows: list.top.map((r) => [r.key, r.complaints, r.units.join(lang === 'zh' ? '、' : ', ')]),
    });
  }
  w.open(names[5], hot);
  w.notes(a.notes.filter((n) => n.code === 'no-repeat').map((n) => say(n, lang)));
  w.commit();

  // 时效与满意度: only when those columns exist
  if (a.timeliness || a.satisfaction) {
    const tables: Table[] = [];
    const stats = (s: DurationStats | null): Cell[] =>
      s
        ? [
            s.count,
            s.beforeAcceptance,
            s.meanHours,
            s.medianHours,
            s.limitHours,
            s.overLimit,
            s.overLimitShare,
          ]
        : [null, null, null, null, null, null, null];
    const durHead = [
      t.count,
      t.before,
      t.meanHours,
      t.medianHours,
      t.limit,
      t.overLimit,
      t.overLimitShare,
    ];
    const durFormats: Format[] = ['int', 'int', 'dec', 'dec', 'dec', 'int', 'over'];
    if (a.timeliness) {
      tables.push({
        head: [t.kind, ...durHead],
        formats: ['text', ...durFormats],
        rows: [
          ...(a.timeliness.reply ? [[t.reply, ...stats(a.timeliness.reply)]] : []),
          ...(a.timeliness.close ? [[t.close, ...stats(a.timeliness.close)]] : []),
        ],
      });
      for (const kind of ['reply', 'close'] as const) {
        if (!a.timeliness[kind]) continue;
        tables.push({
          caption: t[kind],
          head: [t.unit, ...durHead],
          formats: ['text', ...durFormats],
          rows: a.timeliness.byUnit.map((u) => [u.unit, ...stats(u[kind])]),
        });
      }
    }
    if (a.satisfaction) {
      const s = a.satisfaction;
      tables.push({
        caption: `${t.satisfaction}: ${t.satisfiedShare}`,
        head: [t.resultValue, t.complaints],
        formats: ['text', 'int'],
        rows: Object.entries(s.byValue).sort((p, q) => q[1] - p[1]),
        totals: [t.satisfiedShare, s.satisfiedShare],
      });
      tables.push({
        caption: t.satisfaction,
        head: [t.unit, t.surveyed, t.satisfied, t.satisfiedShare],
        formats: ['text', 'int', 'int', 'pct'],
        rows: s.byUnit.map((u) => [u.unit, u.surveyed, u.satisfied, u.satisfiedShare]),
      });
    }
    w.open(names[6], tables);
    w.notes(
      a.notes
        .filter((n) =>
          ['no-reply', 'no-close', 'no-satisfaction', 'satisfaction-unrecognised'].includes(n.code),
        )
        .map((n) => say(n, lang)),
    );
    w.commit();
  }

  // 数据质量
  const ingest = data.result.ingest;
  const quality: Table[] = [
    {
      caption: t.inputs,
      head: [
        t.file,
        t.format,
        t.encoding,
        t.sheet,
        t.headerRow,
        t.rows,
        t.complaints,
        t.duplicates,
        t.rejected,
      ],
      formats: ['text', 'text', 'text', 'text', 'int', 'int', 'int', 'int', 'int'],
      rows: ingest.inputs.map((i) => [
        i.file,
        i.format,
        i.encoding,
        i.sheet,
        i.headerRow,
        i.rows,
        i.complaints,
        i.duplicates,
        i.rejected,
      ]),
    },
    {
      head: [t.item, t.value],
      formats: ['text', 'int'],
      rows: [
        [t.duplicates, ingest.totals.duplicates],
        [t.differing, ingest.totals.duplicatesDiffering],
        [t.rejected, ingest.totals.rejected],
        [t.withoutId, ingest.totals.withoutId],
      ],
    },
    {
      caption: t.excluded,
      head: [t.type, t.workOrders],
      formats: ['text', 'int'],
      rows: Object.entries(x.excludedByType).sort((p, q) => q[1] - p[1]),
      totals: [t.total, Object.values(x.excludedByType).reduce((s, n) => s + n, 0)],
    },
  ];
  const listed = ingest.rejects.slice(0, 1000);
  if (listed.length > 0)
    quality.push({
      caption: t.rejects,
      head: [t.file, t.row, t.reason],
      formats: ['text', 'int', 'text'],
      rows: listed.map((r) => [r.file, r.row, r.reason]),
    });
  w.open(names[7], quality);
  const hidden = ingest.totals.rejected - listed.length;
  w.notes([...(hidden > 0 ? [t.more(hidden)] : []), ...ingest.warnings]);
  w.commit();
  return w.count;
}
