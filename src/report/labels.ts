/**
 * Every word the reports show, in Chinese (the default) and English, in one place: column
 * headings keyed by the JSON field names of DESIGN.md §6, the sheet names, and the sentences of
 * the workbook, the terminal, the charts, the classification views and `inspect`. Renderers and
 * the report model take their words from here and type none themselves.
 *
 * One file on purpose, though long: a translator, or a reviewer checking that 考核投诉 reads the
 * same everywhere, finds every label side by side.
 */
import type { ComparedField } from '../ingest/compare.js';
import type {
  CountedBecause,
  DifferingDuplicate,
  DuplicateCorrection,
  Effect,
} from '../ingest/duplicates.js';
import type { InputSummary, RejectCode } from '../ingest/types.js';
import { FIELD_SPECS, isField } from '../schema/fields.js';
import type { Lang } from '../settings/types.js';
import { formatCount, formatInt } from './format.js';
import type { OmittedChart } from './template.js';

/** A time limit as the analysis gives it (metrics/workdays.ts). */
type TimeLimit = { value: number; unit: 'hours' | 'workingDays' };

/**
 * Column headings, keyed by the field a column shows (its JSON name) or, where one field is
 * shown under another heading (`name` as 专业, a top-three place), by the heading's own key.
 * The workbook and the CSV use these words; the terminal, being narrow, shortens a few
 * (TERMINAL_HEADINGS), and the English CSV is headed by the JSON names themselves.
 */
const COLUMNS = {
  zh: {
    rank: '排名',
    unit: '供电单位',
    workOrders: '工单',
    complaints: '投诉',
    appealApproved: '申诉成功',
    unsubstantiated: '不属实',
    assessed: '考核投诉',
    target: '指标',
    // A share of the annual target (a quarter's, --prorate's): 6.5 under 指标 read as the unit's.
    proratedTarget: '折算指标',
    overTargetRate: '超指标率',
    overTarget: '超指标',
    annualTarget: '年度指标',
    reachedAnnualTarget: '已达年度指标',
    // 同比 and 环比 compare complaints, not assessed complaints (DESIGN.md §6): said so,
    // since they stand beside 考核投诉.
    share: '投诉占比',
    previous: '上年同期投诉',
    yoy: '投诉同比',
    preceding: '上期投诉',
    mom: '投诉环比',
    customers: '户数',
    ratePer10k: '万户投诉率',
    month: '月份',
    item: '项目',
    value: '数值',
    code: '代码',
    name: '名称',
    parent: '上级',
    discipline: '专业',
    monthOfYear: '月',
    mean: '平均',
    index: '季节指数',
    base: '基期',
    increase: '增加',
    top1: '第 1 位',
    top2: '第 2 位',
    top3: '第 3 位',
    placeComplaints: '投诉',
    placeShare: '占比',
    complainant: '客户编号/电话',
    units: '涉及单位',
    stage: '环节',
    count: '有时间的投诉',
    beforeAcceptance: '早于受理时间',
    meanHours: '平均小时',
    medianHours: '中位小时',
    limitHours: '时限（小时）',
    overLimit: '超时限',
    overLimitShare: '超时限占比',
    callbackResult: '回访结果',
    surveyed: '回访数',
    level: '预警级别',
    reasons: '原因',
    satisfied: '满意数',
    satisfiedShare: '满意率',
    file: '文件',
    format: '格式',
    encoding: '编码',
    sheet: '工作表',
    headerRow: '表头行',
    rows: '数据行',
    duplicates: '重复工单',
    rejected: '拒收行',
    businessType: '业务类型',
    row: '行',
    reason: '原因',
    through: '数据截至',
    coveredFrom: '覆盖起',
    coveredTo: '覆盖至',
    coverageBasis: '依据',
    targetUnit: '指标文件中的单位',
    closestUnit: '数据中最接近的单位',
    operations: '运检投诉',
    marketing: '营销投诉',
    repliedInTime: '及时回复率',
    closedInTime: '及时办结率',
    limit: '时限',
    day: '日期',
    weekday: '星期',
    baseline: '前四周同日均值',
    vsBaseline: '较同日均值',
    baselineWeeks: '均值周数',
    id: '工单编号',
    class: '投诉分类',
    acceptedAt: '受理时间',
    text: '受理内容（摘要）',
  },
  en: {
    rank: 'rank',
    unit: 'unit',
    workOrders: 'work orders',
    complaints: 'complaints',
    appealApproved: 'appeal approved',
    unsubstantiated: 'unsubstantiated',
    assessed: 'assessed',
    target: 'target',
    proratedTarget: 'prorated target',
    overTargetRate: 'over-target rate',
    overTarget: 'over target',
    annualTarget: 'annual target',
    reachedAnnualTarget: 'annual target reached',
    share: 'share of complaints',
    previous: 'complaints a year earlier',
    yoy: 'complaints yoy',
    preceding: 'complaints the period before',
    mom: 'complaints mom',
    customers: 'customers',
    ratePer10k: 'per 10k customers',
    month: 'month',
    item: 'item',
    value: 'value',
    code: 'code',
    name: 'name',
    parent: 'parent',
    discipline: 'discipline',
    monthOfYear: 'month',
    mean: 'mean',
    index: 'seasonal index',
    base: 'base',
    increase: 'increase',
    top1: '#1',
    top2: '#2',
    top3: '#3',
    placeComplaints: 'complaints',
    placeShare: 'share',
    complainant: 'customer id / phone',
    units: 'units',
    stage: 'stage',
    count: 'complaints with a time',
    beforeAcceptance: 'before acceptance',
    meanHours: 'mean hours',
    medianHours: 'median hours',
    limitHours: 'limit (hours)',
    overLimit: 'over the limit',
    overLimitShare: 'share over',
    callbackResult: 'callback result',
    surveyed: 'surveyed',
    level: 'warning level',
    reasons: 'reasons',
    satisfied: 'satisfied',
    satisfiedShare: 'satisfied share',
    file: 'file',
    format: 'format',
    encoding: 'encoding',
    sheet: 'sheet',
    headerRow: 'header row',
    rows: 'data rows',
    duplicates: 'duplicates',
    rejected: 'rejected rows',
    businessType: 'business type',
    row: 'row',
    reason: 'reason',
    through: 'data through',
    coveredFrom: 'covered from',
    coveredTo: 'covered to',
    coverageBasis: 'judged by',
    targetUnit: 'unit in the targets file',
    closestUnit: 'closest unit in the data',
    operations: 'operations complaints',
    marketing: 'marketing complaints',
    repliedInTime: 'replied in time',
    closedInTime: 'closed in time',
    limit: 'limit',
    day: 'day',
    weekday: 'weekday',
    baseline: 'same weekday, 4-week average',
    vsBaseline: 'vs 4-week average',
    baselineWeeks: 'weeks averaged',
    id: 'work order',
    class: 'class',
    acceptedAt: 'accepted',
    text: 'content (cut short)',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type ColumnLabel = keyof (typeof COLUMNS)['zh'];

/** The terminal's shorter headings; the over-target flag column has none. */
const TERMINAL_HEADINGS: Record<Lang, Partial<Record<ColumnLabel, string>>> = {
  zh: { overTarget: '', reachedAnnualTarget: '' },
  en: {
    overTarget: '',
    reachedAnnualTarget: '',
    overTargetRate: 'over target',
    share: 'share',
    previous: 'complaints yr earlier',
  },
};

/**
 * A Word table's headings when the book's leave a word no room (nine columns beside a Chinese
 * unit name: "complai|nts", "ran|k"): the words the columns beside make plain. Chinese breaks
 * between any two characters, so has none.
 */
const NARROW_HEADINGS: Record<Lang, Partial<Record<ColumnLabel, string>>> = {
  zh: {},
  en: {
    rank: '#',
    share: 'share',
    yoy: 'yoy',
    mom: 'mom',
    previous: 'a year earlier',
    preceding: 'the period before',
  },
};

/** A column's heading: as the workbook and the CSV word it, the terminal, or a narrow table. */
export function heading(
  label: ColumnLabel,
  lang: Lang,
  style: 'book' | 'terminal' | 'narrow' = 'book',
): string {
  const short =
    style === 'terminal'
      ? TERMINAL_HEADINGS[lang][label]
      : style === 'narrow'
        ? NARROW_HEADINGS[lang][label]
        : undefined;
  return short ?? COLUMNS[lang][label];
}

/** The sheet names of a report, ≤ 31 characters, none of : \ / ? * [ ]. */
export const SHEET_NAMES = {
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

const DISCIPLINE_EN: Record<string, string> = { 运检: 'operations', 营销: 'marketing' };

/** A discipline (运检, 营销) in the report's language. */
export function disciplineName(name: string, lang: Lang): string {
  return lang === 'zh' ? name : (DISCIPLINE_EN[name] ?? name);
}

/**
 * The 95598 business types (业务类型) exports carry, in English. A value not listed (a system
 * code such as 005, a type of a local system) is shown as it is written.
 */
const BUSINESS_TYPES_EN: Record<string, string> = {
  投诉: 'complaint',
  意见: 'opinion',
  建议: 'suggestion',
  意见建议: 'opinion or suggestion',
  表扬: 'praise',
  举报: 'whistle-blowing report',
  故障报修: 'fault repair',
  报修: 'fault repair',
  抢修: 'emergency repair',
  业务咨询: 'enquiry',
  咨询: 'enquiry',
  查询: 'information request',
  信息查询: 'information request',
  服务申请: 'service request',
  催办: 'follow-up',
  其他: 'other',
};

/** A business type (业务类型) in the report's language; unknown values as they are. */
export function businessTypeName(type: string, lang: Lang): string {
  return lang === 'zh' ? type : (BUSINESS_TYPES_EN[type] ?? type);
}

interface PeriodText {
  from: string;
  to: string;
  months: number;
  yearEarlier: { from: string; to: string } | null;
}

const QUARTERS_ZH = ['一', '二', '三', '四'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DAY_TEXT = /^\d{4}-\d\d-\d\d$/;
const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Monday = 1 … Sunday = 7: 星期四, Thursday. */
export function weekdayName(weekday: number, lang: Lang): string {
  return lang === 'zh' ? `星期${WEEKDAYS_ZH[weekday - 1]}` : WEEKDAYS_EN[weekday - 1]!;
}

const civil = (day: string) => day.split('-').map(Number) as [number, number, number];
const dayNumber = (day: string) => {
  const [y, m, d] = civil(day);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/**
 * Days in words: 2016年6月30日; an ISO week, Monday to Sunday, 2016年第25周（6月20日至26日）
 * (across the new year 2016年第52周（12月26日至2017年1月1日））;
 * other spans 2016年6月1日至15日, 2015年12月28日至2016年1月3日; in English 30 June 2016,
 * week 25 of 2016 (20–26 June), 1–15 June 2016.
 */
function dayRangeWords(from: string, to: string, lang: Lang): string {
  const zh = lang === 'zh';
  const [y1, m1, d1] = civil(from);
  const [y2, m2, d2] = civil(to);
  const month = (m: number) => MONTHS_EN[m - 1]!;
  if (from === to) return zh ? `${y1}年${m1}月${d1}日` : `${d1} ${month(m1)} ${y1}`;
  const a = dayNumber(from);
  // 1970-01-05 was a Monday.
  const week = dayNumber(to) - a === 6 && (((a - 4) % 7) + 7) % 7 === 0;
  const inner = zh
    ? `${m1}月${d1}日至${m2 === m1 ? '' : `${m2}月`}${d2}日`
    : m1 === m2
      ? `${d1}–${d2} ${month(m1)}`
      : `${d1} ${month(m1)} – ${d2} ${month(m2)}`;
  if (week) {
    // The ISO week's year and number: those of its Thursday.
    const thursday = new Date((a + 3) * 86_400_000);
    const year = thursday.getUTCFullYear();
    const n = Math.floor((a + 3 - Date.UTC(year, 0, 1) / 86_400_000) / 7) + 1;
    // A week across the new year names the year of the day outside its own: 12月26日至2017年1月1日.
    const days =
      y1 === y2
        ? inner
        : zh
          ? `${y1 === year ? '' : `${y1}年`}${m1}月${d1}日至${y2 === year ? '' : `${y2}年`}${m2}月${d2}日`
          : `${d1} ${month(m1)}${y1 === year ? '' : ` ${y1}`} – ${d2} ${month(m2)}${y2 === year ? '' : ` ${y2}`}`;
    return zh ? `${year}年第${n}周（${days}）` : `week ${n} of ${year} (${days})`;
  }
  if (y1 !== y2)
    return zh
      ? `${y1}年${m1}月${d1}日至${y2}年${m2}月${d2}日`
      : `${d1} ${month(m1)} ${y1} – ${d2} ${month(m2)} ${y2}`;
  return zh ? `${y1}年${inner}` : `${inner} ${y1}`;
}

/** How long a period is: 1 天, 7 天 for days and weeks, else 3 个月; 7 days, 3 months. */
export function lengthWords(p: { from: string; to: string; months: number }, lang: Lang): string {
  if (DAY_TEXT.test(p.from) && DAY_TEXT.test(p.to)) {
    const n = dayNumber(p.to) - dayNumber(p.from) + 1;
    return lang === 'zh' ? `${n} 天` : `${n} day${n === 1 ? '' : 's'}`;
  }
  return lang === 'zh' ? `${p.months} 个月` : `${p.months} month${p.months === 1 ? '' : 's'}`;
}

/**
 * The span and its length in one bracket: 2016年11月（1 个月）, and for a week, whose words
 * already end in a bracket of its days, 2016年第25周（6月20日至26日，7 天）: never two brackets.
 */
function spanWithLength(p: { from: string; to: string; months: number }, lang: Lang): string {
  const span = spanWords(p, lang);
  const length = lengthWords(p, lang);
  if (lang === 'zh')
    return span.endsWith('）') ? `${span.slice(0, -1)}，${length}）` : `${span}（${length}）`;
  return span.endsWith(')') ? `${span.slice(0, -1)}, ${length})` : `${span} (${length})`;
}

/**
 * A span of months (YYYY-MM) in words, as bulletins write it: 2016年11月, 2016年第四季度,
 * 2016年, 2016年1–11月, 2015年11月至2016年2月; November 2016, 2016 Q4, 2016,
 * January–November 2016, November 2015 to February 2016. A calendar quarter or year is named
 * as such whatever option chose it.
 */
export function spanWords(p: { from: string; to: string }, lang: Lang): string {
  const monthText = /^\d{4}-\d\d$/;
  if (DAY_TEXT.test(p.from) && DAY_TEXT.test(p.to)) return dayRangeWords(p.from, p.to, lang);
  // Weeks (2016-W18) are said as they are written.
  if (!monthText.test(p.from) || !monthText.test(p.to))
    return p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  const [y1, m1] = p.from.split('-').map(Number) as [number, number];
  const [y2, m2] = p.to.split('-').map(Number) as [number, number];
  const zh = lang === 'zh';
  const month = (y: number, m: number) => (zh ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`);
  if (y1 !== y2)
    return zh ? `${month(y1, m1)}至${month(y2, m2)}` : `${month(y1, m1)} to ${month(y2, m2)}`;
  if (m1 === m2) return month(y1, m1);
  if (m1 === 1 && m2 === 12) return zh ? `${y1}年` : String(y1);
  if (m2 === m1 + 2 && m1 % 3 === 1) {
    const q = (m1 - 1) / 3;
    return zh ? `${y1}年第${QUARTERS_ZH[q]}季度` : `${y1} Q${q + 1}`;
  }
  return zh ? `${y1}年${m1}–${m2}月` : `${MONTHS_EN[m1 - 1]}–${MONTHS_EN[m2 - 1]} ${y1}`;
}

/** How a year to date is held against the targets: prorated, whole, or not at all (no targets file). */
export type YearTargets = 'prorated' | 'annual' | null;

/** The workbook's words beyond the column headings. */
export const BOOK = {
  zh: {
    title: (scope: string, period: string, sheet: string) =>
      `${scope} ${period}投诉分析 · ${sheet}`,
    units: (n: number) => `${n} 个供电单位`,
    period: (p: PeriodText) =>
      `统计期间：${spanWithLength(p, 'zh')}` +
      (p.yearEarlier ? `；同比基期：${spanWords(p.yearEarlier, 'zh')}` : '；不作同比'),
    sources: (files: readonly string[], at: string) => `来源：${files.join('，')}；生成于 ${at}`,
    quarter: '本季度',
    month: '本月',
    /** The caption of the period asked, beside its year to date. */
    askedCaption: (
      kind: 'month' | 'quarter',
      from: string,
      to: string,
      yearEarlier: { from: string; to: string } | null,
    ) =>
      kind === 'quarter'
        ? BOOK.zh.quarterCaption(from, to, yearEarlier)
        : `本月：${spanWords({ from, to }, 'zh')}${yearEarlier ? `（同比基期：${spanWords(yearEarlier, 'zh')}）` : ''}`,
    ytd: '累计',
    /** The year to date's caption: how it is held against the targets, in words for people. */
    ytdCaption: (from: string, to: string, months: number, targets: YearTargets) =>
      `累计：${spanWords({ from, to }, 'zh')}` +
      (targets === null
        ? ''
        : `（${targets === 'prorated' ? `指标按 ${months}/12 折算` : '与年度指标比较'}）`),
    monthNoTarget: '本月不与指标比较：指标为年度指标，与累计比较（见累计表）。',
    unitsReached: '已达到或超过年度指标的单位数',
    reachedNote: (list: string) => `累计考核投诉已达到或超过年度指标：${list}`,
    quarterCaption: (from: string, to: string, yearEarlier: { from: string; to: string } | null) =>
      `本季度：${spanWords({ from, to }, 'zh')}${yearEarlier ? `（同比基期：${spanWords(yearEarlier, 'zh')}）` : ''}`,
    yes: '是',
    no: '否',
    none: '无',
    total: '合计',
    withTarget: (n: number) => `其中有指标的 ${n} 个单位`,
    unitsOver: '超指标单位数',
    unitsWithTarget: '有指标单位数',
    avgArithmetic: '月均下降率（算术）',
    avgCompound: '月均下降率（复合）',
    reductionSpan: (from: string, to: string) => `（${from}至${to}）`,
    reductionOver: (how: string, from: string, to: string) =>
      `月均下降率（${how}，${from}至${to}）`,
    arithmetic: '算术',
    compound: '复合',
    notes: '说明',
    /**
     * The sheet and its own page (io/workbook.ts numbers each sheet's pages from 1). No total:
     * &N counts the pages of everything printed together, the whole workbook in LibreOffice
     * (单位 第 1 页，共 25 页), and no code counts a sheet's own.
     */
    footer: '&L&A&C第 &P 页',
    /** The heading of the written bulletin's text block on 概览. */
    bulletin: '通报',
    unitByMonth: '供电单位 × 月份（投诉）',
    level1: '一级分类',
    level2: '二级分类',
    level3: '三级分类',
    discipline: '专业',
    unclassified: '未分类',
    noSeasonality: '输入覆盖不超过 12 个月，无法计算季节性。',
    rising: (basis: 'yoy' | 'mom') => `上升最快的二级分类（${basis === 'yoy' ? '同比' : '环比'}）`,
    topPerUnit: '各单位前三位二级分类',
    repeatCustomers: (people: number, complaints: number) =>
      `重复投诉客户（客户编号）: ${people} / ${complaints}`,
    repeatPhones: (people: number, complaints: number) =>
      `重复投诉号码（联系电话）: ${people} / ${complaints}`,
    repeatMasked:
      '重复投诉的客户编号和联系电话只显示后四位：本工作簿会交给管理层。完整号码见 明细（--detail）或 --json。',
    listSeparator: '、',
    reply: '回复',
    close: '办结',
    satisfaction: '回访满意度',
    callbackResults: '回访结果',
    inputs: '输入文件',
    differing: '内容不同的重复',
    withoutId: '无工单编号',
    excluded: '不计入的业务类型',
    rejects: '拒收明细',
    more: (n: number) => `另有 ${n} 行未列出，详见 complaints inspect --json`,
    limit: (l: TimeLimit) => `${l.value}${l.unit === 'hours' ? '小时' : '个工作日'}`,
  },
  en: {
    title: (scope: string, period: string, sheet: string) =>
      `${scope}: complaint analysis, ${period} · ${sheet}`,
    units: (n: number) => `${n} units`,
    period: (p: PeriodText) =>
      `Period: ${spanWithLength(p, 'en')}` +
      (p.yearEarlier
        ? `; compared with ${spanWords(p.yearEarlier, 'en')}`
        : '; no year-on-year comparison'),
    sources: (files: readonly string[], at: string) => `Sources: ${files.join(', ')}; made ${at}`,
    quarter: 'the quarter',
    month: 'the month',
    askedCaption: (
      kind: 'month' | 'quarter',
      from: string,
      to: string,
      yearEarlier: { from: string; to: string } | null,
    ) =>
      kind === 'quarter'
        ? BOOK.en.quarterCaption(from, to, yearEarlier)
        : `the month: ${spanWords({ from, to }, 'en')}${yearEarlier ? ` (compared with ${spanWords(yearEarlier, 'en')})` : ''}`,
    ytd: 'year to date',
    ytdCaption: (from: string, to: string, months: number, targets: YearTargets) =>
      `year to date: ${spanWords({ from, to }, 'en')}` +
      (targets === null
        ? ''
        : ` (${targets === 'prorated' ? `targets × ${months}/12` : 'against the annual targets'})`),
    monthNoTarget:
      'The month is not held against the targets: they are annual, and the year to date is (see its table).',
    unitsReached: 'units at or over the annual target',
    reachedNote: (list: string) =>
      `Assessed complaints so far at or over the annual target: ${list}`,
    quarterCaption: (from: string, to: string, yearEarlier: { from: string; to: string } | null) =>
      `the quarter: ${spanWords({ from, to }, 'en')}${yearEarlier ? ` (compared with ${spanWords(yearEarlier, 'en')})` : ''}`,
    yes: 'yes',
    no: 'no',
    none: 'none',
    total: 'total',
    withTarget: (n: number) => `of which the ${n} units with a target`,
    unitsOver: 'units over target',
    unitsWithTarget: 'units with a target',
    avgArithmetic: 'average monthly reduction (arithmetic)',
    avgCompound: 'average monthly reduction (compound)',
    reductionSpan: (from: string, to: string) => ` (${from} to ${to})`,
    reductionOver: (how: string, from: string, to: string) =>
      `average monthly reduction (${how}, ${from} to ${to})`,
    arithmetic: 'arithmetic',
    compound: 'compound',
    notes: 'notes',
    footer: '&L&A&CPage &P',
    bulletin: 'Bulletin',
    unitByMonth: 'unit × month (complaints)',
    level1: 'level 1',
    level2: 'level 2',
    level3: 'level 3',
    discipline: 'discipline',
    unclassified: 'unclassified',
    noSeasonality: 'The inputs cover 12 months or less: no seasonality.',
    rising: (basis: 'yoy' | 'mom') => `Level-2 classes rising fastest (${basis})`,
    topPerUnit: 'Top three level-2 classes per unit',
    repeatCustomers: (people: number, complaints: number) =>
      `Repeat complainants (customer id): ${people} / ${complaints}`,
    repeatPhones: (people: number, complaints: number) =>
      `Repeat complainants (phone): ${people} / ${complaints}`,
    repeatMasked:
      "Repeat complainants' customer ids and phone numbers show their last four characters only: the workbook goes to management. The full numbers are in 明细 (--detail) and --json.",
    listSeparator: ', ',
    reply: 'reply',
    close: 'closing',
    satisfaction: 'callback satisfaction',
    callbackResults: 'callback results',
    inputs: 'inputs',
    differing: 'differing duplicates',
    withoutId: 'without an id',
    excluded: 'business types left out',
    rejects: 'rejected rows',
    more: (n: number) => `${n} more not listed: see complaints inspect --json`,
    limit: (l: TimeLimit) => (l.unit === 'hours' ? `${l.value} h` : count(l.value, 'working day')),
  },
};

/** The months of a period as a bulletin says them: "1–9 月", "11 月", "2016-11 至 2017-01". */
function monthSpan(p: { from: string; to: string }, lang: Lang): string {
  const [fy, fm] = p.from.split('-').map(Number) as [number, number];
  const [ty, tm] = p.to.split('-').map(Number) as [number, number];
  if (fy !== ty) return lang === 'zh' ? `${p.from} 至 ${p.to}` : `${p.from} to ${p.to}`;
  const months = fm === tm ? `${fm}` : `${fm}–${tm}`;
  return lang === 'zh' ? `${months} 月` : `month${fm === tm ? '' : 's'} ${months}`;
}

/** n/12 for people: "9/12 = 0.75", "1/12 ≈ 0.083" (never 0.08333333333333333). */
function twelfths(months: number): string {
  const factor = months / 12;
  const rounded = Math.round(factor * 1000) / 1000;
  return `${months}/12 ${rounded === factor ? '=' : '≈'} ${rounded}`;
}

/** A unit that reached its annual target, as lists say it: "28 / 26" (assessed / target). */
export function reachedFigures(assessed: number, annualTarget: number): string {
  return `${formatInt(assessed)} / ${formatCount(annualTarget)}`;
}

/** Said under a units table when the targets were scaled to the period. */
/** A workbook label of a 月均下降率 with the months it runs over, when it has them. */
export function reductionLabel(
  how: 'arithmetic' | 'compound',
  r: { from: string | null; to: string | null },
  lang: Lang,
): string {
  const t = BOOK[lang];
  if (!r.from || !r.to || r.from === r.to) {
    return how === 'arithmetic' ? t.avgArithmetic : t.avgCompound;
  }
  return t.reductionOver(t[how], r.from, r.to);
}

/** The months a 月均下降率 runs over, to follow its label; '' when it has none. */
export function reductionSpan(r: { from: string | null; to: string | null }, lang: Lang): string {
  return r.from && r.to && r.from !== r.to ? BOOK[lang].reductionSpan(r.from, r.to) : '';
}

export const PRORATED = {
  zh: (p: { from: string; to: string; months: number }) =>
    `指标按 ${monthSpan(p, 'zh')}折算（年度指标 × ${twelfths(p.months)}）`,
  en: (p: { from: string; to: string; months: number }) =>
    `targets prorated to ${monthSpan(p, 'en')} (annual target × ${twelfths(p.months)})`,
};

/** Words about the days the data covers (months covered in part, inputs, stderr notes). */
export const COVERAGE = {
  zh: {
    noData: '无数据',
    covered: '数据覆盖',
    span: (c: CoverageSummary) =>
      `${c.from} 至 ${c.to}（依据：${COVERAGE.zh.basis(c)}）${COVERAGE.zh.gaps(c)}`,
    inputsCaption: '各输入覆盖的日期',
    monthsCaption: '数据不完整的月份',
    unmatchedCaption: (file: string) => `${file} 中未匹配到数据的单位`,
    basis: (c: CoverageSummary) => {
      switch (c.basis) {
        case 'stated':
          return '表头上方注明的期间';
        case 'exported':
          return `导出时间 ${c.exportedAt}`;
        case 'rows':
          return '最后一条工单，其后的空白日按日均工单量不应出现';
        case 'month':
          return '最后一条工单所在月的月末';
      }
    },
    /** The runs of days an export leaves out inside its span; '' when none. */
    gaps: (c: CoverageSummary) =>
      c.gaps?.length
        ? `；缺 ${c.gaps.map((g) => (g.from === g.to ? g.from : `${g.from} 至 ${g.to}`)).join('、')}（按日均工单量不应全无工单，按 0 计）`
        : '',
  },
  en: {
    noData: 'no data',
    covered: 'covers',
    span: (c: CoverageSummary) =>
      `${c.from} to ${c.to} (judged by ${COVERAGE.en.basis(c)})${COVERAGE.en.gaps(c)}`,
    inputsCaption: 'The days each input covers',
    monthsCaption: 'Months with incomplete data',
    unmatchedCaption: (file: string) => `Units of ${file} with no data`,
    basis: (c: CoverageSummary) => {
      switch (c.basis) {
        case 'stated':
          return 'the period stated above the header';
        case 'exported':
          return `export time ${c.exportedAt}`;
        case 'rows':
          return 'the last work order; its usual daily volume would have filled the empty days after it';
        case 'month':
          return "the end of the last work order's month";
      }
    },
    gaps: (c: CoverageSummary) =>
      c.gaps?.length
        ? `; missing ${c.gaps.map((g) => (g.from === g.to ? g.from : `${g.from} to ${g.to}`)).join(', ')} (no work order where its daily volume would have put some; counted as 0)`
        : '',
  },
};

type CoverageSummary = NonNullable<InputSummary['coverage']>;

/** The terminal's words beyond the column headings (see TERMINAL_HEADINGS). */
export const TERMINAL = {
  zh: {
    title: '投诉分析',
    months: (n: number) => `${n} 个月`,
    days: (n: number) => `${n} 天`,
    yoyBasis: '同比',
    noYoy: '不作同比',
    inputs: (n: number) => `输入 ${n} 个文件`,
    about: (months: string, basis: string) => `（${months}；${basis}）`,
    over: '超',
    total: '合计',
    avgReduction: (a: string, c: string, span: string) => `月均下降率${span}：算术 ${a}，复合 ${c}`,
    categories: '一级分类',
    discipline: '专业',
    hotspots: '热点（二级分类）',
    rising: (basis: 'yoy' | 'mom') => `上升最快（${basis === 'yoy' ? '同比' : '环比'}）`,
    repeat: (n: number, c: number, kind: string) =>
      `重复投诉（${kind}）：${formatInt(n)} 位投诉 2 次及以上，共 ${formatInt(c)} 条`,
    byCustomer: '客户编号',
    byPhone: '联系电话',
    reply: '回复',
    close: '办结',
    /** The stage with its base: only the complaints with a usable time are in the figures. */
    timed: (what: string, n: number, early: number) =>
      `${what}（有时间记录 ${formatInt(n)} 条` +
      (early > 0 ? `；另有 ${formatInt(early)} 条早于受理时间，未计入，请核对` : '') +
      '）',
    timeliness: (what: string, mean: string, median: string, limit: string, over: string) =>
      `${what}：平均 ${mean} 小时，中位 ${median} 小时，超 ${limit} ${over}`,
    satisfaction: (share: string, n: number) => `回访满意率 ${share}（回访 ${formatInt(n)} 条）`,
    problems: '数据问题',
    rejected: (n: number) => `拒收 ${formatInt(n)} 行（日期或单位无法识别）`,
    duplicates: (n: number, d: number) =>
      `重复工单 ${formatInt(n)} 条，已去重${d > 0 ? `（其中 ${formatInt(d)} 条内容不同，以后一个输入为准）` : ''}`,
    excluded: (n: number, list: string) => `非投诉工单 ${formatInt(n)} 条不计：${list}`,
    unclassified: (n: number) => `未能分类的投诉 ${formatInt(n)} 条`,
    seeInspect: (files: string) => `详见 complaints inspect ${files}`,
    none: '无',
    overall: '总体',
    unitsOver: (n: number, of: number) => `超指标单位 ${n} / ${of}`,
    withTarget: (units: number, assessed: string, n: string) =>
      `（对应有指标的 ${units} 个单位，${assessed} ${n}）`,
    ytd: (span: string) => `累计 ${span}`,
    reached: '已达',
    reachedLine: (list: string, n: number, of: number) =>
      `已达到或超过年度指标（${n} / ${of}）：${list}`,
    noneReached: (of: number) => `已达到或超过年度指标：无（0 / ${of}）`,
    sep: '，',
    skipped: '未计算',
    compound: '复合月均下降率',
    limit: (l: TimeLimit) => `${l.value} ${l.unit === 'hours' ? '小时' : '个工作日'}`,
  },
  en: {
    title: 'Complaint analysis',
    months: (n: number) => `${n} month${n === 1 ? '' : 's'}`,
    days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    yoyBasis: 'compared with',
    noYoy: 'no year-on-year comparison',
    inputs: (n: number) => `${n} input${n === 1 ? '' : 's'}`,
    about: (months: string, basis: string) => ` (${months}; ${basis})`,
    over: 'over',
    total: 'total',
    avgReduction: (a: string, c: string, span: string) =>
      `average monthly reduction${span}: arithmetic ${a}, compound ${c}`,
    categories: 'level 1',
    discipline: 'discipline',
    hotspots: 'hot spots (level 2)',
    rising: (basis: 'yoy' | 'mom') => `rising fastest (${basis})`,
    repeat: (n: number, c: number, kind: string) =>
      `repeat complainants (${kind}): ${formatInt(n)} complained twice or more, ${formatInt(c)} complaints`,
    byCustomer: 'customer id',
    byPhone: 'phone',
    reply: 'reply',
    close: 'closing',
    timed: (what: string, n: number, early: number) =>
      `${what} (${formatInt(n)} with a time` +
      (early > 0
        ? `; ${formatInt(early)} more before the acceptance time, left out: check them`
        : '') +
      ')',
    timeliness: (what: string, mean: string, median: string, limit: string, over: string) =>
      `${what}: mean ${mean} h, median ${median} h, over ${limit} ${over}`,
    satisfaction: (share: string, n: number) =>
      `satisfied at callback ${share} (${formatInt(n)} surveyed)`,
    problems: 'data problems',
    rejected: (n: number) => `${formatInt(n)} rows rejected (date or unit unreadable)`,
    duplicates: (n: number, d: number) =>
      `${formatInt(n)} duplicate work orders removed${d > 0 ? ` (${formatInt(d)} differing: the later input's copy kept)` : ''}`,
    excluded: (n: number, list: string) => `${formatInt(n)} other work orders left out: ${list}`,
    unclassified: (n: number) => `${formatInt(n)} complaints could not be classified`,
    seeInspect: (files: string) => `see complaints inspect ${files}`,
    none: 'none',
    overall: 'overall',
    unitsOver: (n: number, of: number) => `units over target ${n} / ${of}`,
    withTarget: (units: number, assessed: string, n: string) =>
      ` (of the ${units} units with a target: ${assessed} ${n})`,
    ytd: (span: string) => `year to date ${span}`,
    reached: 'reached',
    reachedLine: (list: string, n: number, of: number) =>
      `at or over the annual target (${n} / ${of}): ${list}`,
    noneReached: (of: number) => `at or over the annual target: none (0 / ${of})`,
    sep: ', ',
    skipped: 'not computed',
    compound: 'compound reduction',
    limit: (l: TimeLimit) => (l.unit === 'hours' ? `${l.value} h` : count(l.value, 'working day')),
  },
};

/** The chart titles and series names (complaints, assessed … come from the column headings). */
export const CHART = {
  zh: {
    trend: '月度投诉趋势',
    dailyTrend: '每日投诉趋势',
    units: '各单位考核投诉与指标',
    unitsNoTarget: '各单位考核投诉',
    categories: '投诉分类占比',
    discipline: '专业投诉同比',
    disciplineNoYoy: '专业投诉',
    current: '本期',
    over: '考核投诉（超指标）',
    within: '考核投诉（未超指标）',
    noTarget: '考核投诉（无指标）',
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
    leftOut: (months: readonly string[]) => `${months.join('、')} 数据不完整，未画出`,
  },
  en: {
    trend: 'Complaints by month',
    dailyTrend: 'Complaints by day',
    units: 'Assessed complaints by unit against target',
    unitsNoTarget: 'Assessed complaints by unit',
    categories: 'Complaints by category',
    discipline: 'Complaints by discipline, year on year',
    disciplineNoYoy: 'Complaints by discipline',
    current: 'this period',
    over: 'assessed (over target)',
    within: 'assessed (within target)',
    noTarget: 'assessed (no target)',
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
    leftOut: (months: readonly string[]) => `${months.join(', ')} incomplete: not drawn`,
  },
};

/** The notes after that line on stderr (sections/notes.ts). */
export const STDERR_NOTES = {
  zh: {
    differing: (n: number, files: string) =>
      `重复工单中 ${formatInt(n)} 条内容不同，以后一个输入为准；逐条列出：complaints inspect ${files} --duplicates`,
    rejected: (n: number, files: string) =>
      `拒收 ${formatInt(n)} 行（日期或单位无法识别），未计入；逐行列出：complaints inspect ${files}`,
  },
  en: {
    differing: (n: number, files: string) =>
      `${formatInt(n)} duplicate work orders differ; the later input's copy counts. Each: complaints inspect ${files} --duplicates`,
    rejected: (n: number, files: string) =>
      `${formatInt(n)} rows rejected (date or unit unreadable), not counted. Each: complaints inspect ${files}`,
  },
};

/** The one line on stderr after a file was written. */
export const WRITTEN = {
  zh: (out: string, sheets: number, complaints: string, rows: string | null, cut: string | null) =>
    `已写入 ${out}（${sheets > 0 ? `${sheets} 个工作表，` : ''}投诉 ${complaints} 条` +
    `${rows === null ? '' : `，明细 ${rows} 行`}` +
    `${cut === null ? '' : `；${cut} 个单元格超过 Excel 的 32,767 字符上限，已截断`}）`,
  en: (out: string, sheets: number, complaints: string, rows: string | null, cut: string | null) =>
    `wrote ${out} (${sheets > 0 ? `${sheets} sheets, ` : ''}${complaints} complaints` +
    `${rows === null ? '' : `, ${rows} detail rows`}` +
    `${cut === null ? '' : `; ${cut} cells over Excel's 32,767 characters were cut there`})`,
};

/**
 * The columns 明细 adds after the source columns, before the classification: how each
 * complaint was counted. In English, the names DESIGN.md §7 gives them.
 */
export const DETAIL = {
  zh: {
    columns: ['统计单位', '统计月份', '是否考核', '来源文件'],
    notAssessed: (reason: string) => `否（${reason}）`,
    appealApproved: '申诉成功',
    unsubstantiated: '不属实',
    ruled: '人工更正',
    ruledAssessed: '是（人工更正）',
  },
  en: {
    columns: ['countedUnit', 'month', 'assessed', 'sourceFile'],
    notAssessed: (reason: string) => `no (${reason})`,
    appealApproved: 'appeal approved',
    unsubstantiated: 'unsubstantiated',
    ruled: 'corrected by hand',
    ruledAssessed: 'yes (corrected by hand)',
  },
};

/** The line on stderr after `--out x.csv`: what the file holds, not a sheet count. */
/** The line after a bulletin was written. */
type BulletinCounts = { sections: number; tables: number; charts: number | null };
/** "1 table", "2 tables". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The charts are counted for Word only: a Markdown bulletin has none to count. */
export const WRITTEN_BULLETIN = {
  zh: (out: string, b: BulletinCounts, complaints: string) =>
    `已写入 ${out}（通报：${b.sections} 个部分，${b.tables} 张表` +
    `${b.charts === null ? '' : `，${b.charts} 幅图`}；投诉 ${complaints} 条）`,
  en: (out: string, b: BulletinCounts, complaints: string) =>
    `wrote ${out} (the bulletin: ${count(b.sections, 'section')}, ${count(b.tables, 'table')}` +
    `${b.charts === null ? '' : `, ${count(b.charts, 'chart')}`}; ${complaints} complaints)`,
};

export const WRITTEN_TABLE = {
  zh: (out: string, units: string, complaints: string) =>
    `已写入 ${out}（单位表：${units} 个单位及合计行，投诉 ${complaints} 条）`,
  en: (out: string, units: string, complaints: string) =>
    `wrote ${out} (the units table: ${units} units and a totals row, ${complaints} complaints)`,
};

/**
 * Classification: how a class was decided, the columns row-level outputs add, `classify`'s
 * tally and evaluations.
 */
export const CLASSIFY = {
  zh: {
    methods: {
      columns: '列',
      rules: '规则',
      model: '模型',
      correction: '人工更正',
      unclassified: '未分类',
    },
    /** The classifier's evidence when it decided nothing, in the reader's words. */
    undecided: {
      'no rule matched': '无规则命中',
      'rules undecided: no type or category clearly ahead': '规则未能确定：没有明显领先的类别',
    } as Record<string, string>,
    added: ['判定一级分类', '判定二级分类', '判定三级分类', '判定方式', '置信度', '判定依据'],
    corrected: (file: string, row: number, reason: string | null, assessed: boolean | null) =>
      `人工更正（${file} 第 ${row} 行${assessed === null ? '' : assessed ? '，考核' : '，不考核'}）${reason ? `：${reason}` : ''}`,
    sep: '，',
    evaluated: (rows: string, unlabelled: number, level1: string, level2: string, with2: number) =>
      `  ${rows} 条有标注的投诉（另有 ${unlabelled} 条无标注或无受理内容，未计）；一级准确率 ${level1}，二级准确率 ${level2}（${with2} 条有二级标注）`,
    level2Head: ['二级分类', '样本', '判为', '正确', '精确率', '召回率'],
    noLevel2: '  没有二级分类的标注：未按二级分类评估。',
    confusion: '  一级分类混淆矩阵（行：记录，列：判定）',
    unclassified: '未分类',
    mistakes: '  判错最有把握的例子',
    mistakesHead: ['行', '记录', '判定', '置信度', '依据', '内容'],
    audit: (checked: string, found: string, shown: number) =>
      `${checked} 条有记录分类的投诉中，${found} 条与内容判定不一致（按把握从高到低，显示前 ${shown} 条）：`,
    auditNone: (checked: string) => `${checked} 条有记录分类的投诉中，没有与内容判定不一致的。`,
    auditHead: ['文件:行', '记录分类', '内容判定', '置信度', '依据', '内容'],
    sheet: '分类结果',
    auditSheet: '分类核查',
    auditColumns: [
      '供电单位',
      '工单编号',
      '受理时间',
      '记录分类',
      '内容判定',
      '判定方式',
      '置信度',
      '判定依据',
      '受理内容',
      '来源文件',
      '行',
    ],
    auditWritten: (out: string, found: string, checked: string) =>
      `已写入 ${out}（${checked} 条有记录分类的投诉中 ${found} 条与内容判定不一致）`,
    tallyHead: ['一级分类', '二级分类', '投诉'],
    classified: (n: string, period: string, parts: string, where: string) =>
      `已分类投诉 ${n} 条（${period}）：${parts}${where}`,
    leftOut: (read: string, duplicates: number, outside: number) =>
      `读取投诉 ${read} 行，未计 ${formatInt(duplicates + outside)} 行：` +
      [
        duplicates > 0 ? `重复工单的早先副本 ${formatInt(duplicates)} 行（以后一个输入为准）` : '',
        outside > 0 ? `期间外 ${formatInt(outside)} 行（--month、--from/--to 等可改期间）` : '',
      ]
        .filter(Boolean)
        .join('，') +
      '；与 analyze、report 的计数相同',
  },
  en: {
    methods: {
      columns: 'columns',
      rules: 'rules',
      model: 'model',
      correction: 'correction',
      unclassified: 'unclassified',
    },
    undecided: {} as Record<string, string>,
    added: ['level1', 'level2', 'level3', 'method', 'confidence', 'evidence'],
    corrected: (file: string, row: number, reason: string | null, assessed: boolean | null) =>
      `corrected by hand (${file} row ${row}${assessed === null ? '' : assessed ? ', assessed' : ', not assessed'})${reason ? `: ${reason}` : ''}`,
    sep: ', ',
    evaluated: (rows: string, unlabelled: number, level1: string, level2: string, with2: number) =>
      `  ${rows} labelled complaints (${unlabelled} without a label or a text left out); level 1 accuracy ${level1}, level 2 ${level2} (${with2} with a level-2 label)`,
    level2Head: ['level 2', 'support', 'predicted', 'correct', 'precision', 'recall'],
    noLevel2: '  No level-2 labels: not scored by level-2 class.',
    confusion: '  Level-1 confusion (rows: recorded, columns: predicted)',
    unclassified: '未分类',
    mistakes: '  Most confident mistakes',
    mistakesHead: ['row', 'recorded', 'predicted', 'confidence', 'evidence', 'text'],
    audit: (checked: string, found: string, shown: number) =>
      `${found} of ${checked} complaints with a recorded class disagree with their text (most confident first, ${shown} shown):`,
    auditNone: (checked: string) =>
      `None of the ${checked} complaints with a recorded class disagrees with its text.`,
    auditHead: ['file:row', 'recorded', 'text says', 'confidence', 'evidence', 'text'],
    sheet: 'classified',
    auditSheet: 'audit',
    auditColumns: [
      'unit',
      'id',
      'accepted',
      'recorded',
      'textSays',
      'method',
      'confidence',
      'evidence',
      'content',
      'sourceFile',
      'row',
    ],
    auditWritten: (out: string, found: string, checked: string) =>
      `wrote ${out} (${found} of ${checked} complaints with a recorded class disagree with their text)`,
    tallyHead: ['level 1', 'level 2', 'complaints'],
    classified: (n: string, period: string, parts: string, where: string) =>
      `classified ${n} complaints (${period}): ${parts}${where}`,
    leftOut: (read: string, duplicates: number, outside: number) =>
      `read ${read} complaint rows, ${formatInt(duplicates + outside)} left out: ` +
      [
        duplicates > 0
          ? `${formatInt(duplicates)} earlier copies of repeated work orders (the later input's copy counts)`
          : '',
        outside > 0
          ? `${formatInt(outside)} outside the period (--month, --from/--to … choose another)`
          : '',
      ]
        .filter(Boolean)
        .join(', ') +
      '; as analyze and report count',
  },
} as const;

/** `inspect`: how each export was read. */
export const INSPECT = {
  zh: {
    sep: '，',
    columnsColon: '：',
    unmappedColon: '：',
    format: '格式',
    sheet: '工作表',
    headerRow: (n: number) => `表头在第 ${n} 行`,
    delimiter: '分隔符',
    columns: '列映射',
    column: '列',
    header: '表头',
    field: '字段',
    unmapped: '未映射列',
    rows: '数据行',
    complaints: '投诉',
    types: '业务类型',
    units: '供电单位',
    colon: ' 个：',
    rowsColon: ' 行：',
    duplicates: '重复工单',
    differing: (n: number) => `其中内容不同 ${formatInt(n)}`,
    skipped: '跳过',
    skippedParts: (s: InputSummary['skipped']) =>
      `表头前 ${s.beforeHeader} 行，空行 ${s.blank}，合计行 ${s.total}` +
      (s.repeatedHeader ? `，重复表头 ${s.repeatedHeader}` : ''),
    rejected: '拒收行',
    unrecognised: '无法识别的值',
    unknownLabels: '未知分类',
    unknownLabel: (level: 1 | 2, value: string, rows: number) =>
      `${level === 1 ? '一级分类' : '二级分类'} ${value} ×${rows}`,
    dates: '受理时间',
    to: '至',
    rowsAt: (rows: number[], more: boolean) => `第 ${rows.join('、')}${more ? ' 等' : ''} 行`,
    bracket: (text: string) => `（${text}）`,
    totals: '合计（全部输入去重后）',
    totalsRead: (n: number) => `合计（可读取的 ${n} 个输入，去重后）`,
    unreadable: '无法读取',
    unreadableColon: '：',
    workOrders: '工单',
    other: '其他业务类型（不计入投诉）',
    none: '无',
    more: '逐行明细：complaints inspect --json',
    reasons: {
      ragged: '字段数与表头不符',
      quote: '引号不配对',
      'date-missing': '受理时间为空',
      'date-invalid': '受理时间不是有效日期',
      'date-future': '受理时间比今天晚一年以上',
      'date-early': '受理时间早于 2000 年',
      'unit-empty': '供电单位为空',
      garbled: '含乱码（U+FFFD）',
    } satisfies Record<RejectCode, string>,
  },
  en: {
    sep: ', ',
    columnsColon: ':',
    unmappedColon: ': ',
    format: 'format',
    sheet: 'sheet',
    headerRow: (n: number) => `header on row ${n}`,
    delimiter: 'delimiter',
    columns: 'columns',
    column: 'column',
    header: 'header',
    field: 'field',
    unmapped: 'unmapped',
    rows: 'data rows',
    complaints: 'complaints',
    types: 'business types',
    units: 'units',
    colon: ': ',
    rowsColon: ': ',
    duplicates: 'duplicates',
    differing: (n: number) => `${formatInt(n)} with differing fields`,
    skipped: 'skipped',
    skippedParts: (s: InputSummary['skipped']) =>
      `${s.beforeHeader} above the header, ${s.blank} blank, ${s.total} total rows` +
      (s.repeatedHeader ? `, ${s.repeatedHeader} repeated headers` : ''),
    rejected: 'rejected',
    unrecognised: 'unrecognised values',
    unknownLabels: 'unknown classes',
    unknownLabel: (level: 1 | 2, value: string, rows: number) => `level ${level} ${value} ×${rows}`,
    dates: 'accepted',
    to: 'to',
    bracket: (text: string) => ` (${text})`,
    rowsAt: (rows: number[], more: boolean) =>
      `row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}${more ? ', …' : ''}`,
    totals: 'All inputs, after de-duplication',
    totalsRead: (n: number) => `The ${n} input${n === 1 ? '' : 's'} read, after de-duplication`,
    unreadable: 'unreadable',
    unreadableColon: ': ',
    workOrders: 'work orders',
    other: 'other business types (not complaints)',
    none: 'none',
    more: 'every row: complaints inspect --json',
    reasons: {
      ragged: 'wrong number of fields',
      quote: 'unbalanced quotes',
      'date-missing': 'no acceptance time',
      'date-invalid': 'acceptance time is not a date',
      'date-future': 'acceptance time over a year after today',
      'date-early': 'acceptance time before 2000',
      'unit-empty': 'no unit',
      garbled: 'garbled text (U+FFFD)',
    } satisfies Record<RejectCode, string>,
  },
} as const;

/** `inspect --duplicates`: the duplicates whose copies differ, field by field. */
export const DUPLICATES = {
  zh: {
    title: (n: number) =>
      `内容不同的重复工单 ${formatInt(n)} 条：每张工单计入最后读到的一份（后给的输入为准；同一文件内以靠后的一行为准）`,
    none: '没有内容不同的重复工单',
    same: (n: number) => `另有 ${formatInt(n)} 条重复工单各份内容相同：只计一次，不影响计数。`,
    head: [
      '工单编号',
      '统计单位',
      '统计月份',
      '字段',
      '前一份的值',
      '后一份的值',
      '对计数的影响',
      '前一份',
      '计入的一份',
    ],
    empty: '(空)',
    field: (field: ComparedField) => (isField(field) ? FIELD_SPECS[field].zh : field),
    because: { 'later-input': '（后一个输入）', 'later-row': '（同一文件中靠后）' } as Record<
      CountedBecause,
      string
    >,
    effect: (e: Effect, d: DifferingDuplicate): string => {
      switch (e) {
        case 'unit':
          return `改计到本单位（原 ${d.earlier.unit}）`;
        case 'month':
          return `改计到 ${d.later.month}（原 ${d.earlier.month}）`;
        case 'out':
          return `不再计为投诉（原计 ${d.earlier.unit} ${d.earlier.month}）`;
        case 'in':
          return '新计为投诉';
        case 'assessed':
          return d.later.assessed ? '改为考核投诉' : '不再考核（申诉成功）';
        case 'class':
          return '分类改变';
      }
    },
    noEffect: '不影响计数',
    corrected: (c: DuplicateCorrection) =>
      `（${c.decides.map((d) => (d === 'class' ? '分类' : '是否考核')).join('、')}按人工更正：${c.file} 第 ${c.row} 行）`,
    sep: '；',
    late: (n: number) =>
      `后来补录的投诉 ${formatInt(n)} 条：受理日期在前面某个输入的覆盖期内，但那个输入里没有这张工单`,
    lateHead: ['工单编号', '统计单位', '统计月份', '是否考核', '计入的一份', '前面的输入中没有'],
    yes: '是',
    no: '否',
  },
  en: {
    title: (n: number) =>
      `${formatInt(n)} duplicate work orders differ: each counts its last copy read (the later input; within one input, the later row)`,
    none: 'No duplicate work order differs',
    same: (n: number) =>
      `${formatInt(n)} more duplicate(s) have identical copies: counted once, no count changes.`,
    head: [
      'id',
      'unit',
      'month',
      'field',
      'earlier',
      'later',
      'effect on the counts',
      'earlier copy',
      'copy counted',
    ],
    empty: '(empty)',
    field: (field: ComparedField) => field,
    because: { 'later-input': ' (later input)', 'later-row': ' (later row)' } as Record<
      CountedBecause,
      string
    >,
    effect: (e: Effect, d: DifferingDuplicate): string => {
      switch (e) {
        case 'unit':
          return `moved here from ${d.earlier.unit}`;
        case 'month':
          return `moved to ${d.later.month} from ${d.earlier.month}`;
        case 'out':
          return `no longer a complaint (was ${d.earlier.unit} ${d.earlier.month})`;
        case 'in':
          return 'now a complaint';
        case 'assessed':
          return d.later.assessed ? 'now assessed' : 'no longer assessed (appeal approved)';
        case 'class':
          return 'class changed';
      }
    },
    noEffect: 'no change to the counts',
    corrected: (c: DuplicateCorrection) =>
      ` (${c.decides.map((d) => (d === 'class' ? 'class' : '是否考核')).join(' and ')} as corrected: ${c.file} row ${c.row})`,
    sep: '; ',
    late: (n: number) =>
      `${formatInt(n)} complaint(s) arrived late: accepted on a day an earlier input covers, but not in that input`,
    lateHead: ['id', 'unit', 'month', 'assessed', 'copy counted', 'not in the earlier input'],
    yes: 'yes',
    no: 'no',
  },
};

/** CSV delimiters by name, as `inspect` reports them in either language. */
export const DELIMITER_NAMES: Record<Lang, Record<string, string>> = {
  zh: { ',': '逗号', '\t': '制表符', ';': '分号' },
  en: { ',': 'comma', '\t': 'tab', ';': 'semicolon' },
};

/** `taxonomy`: the closing line under the tree. */
export const TAXONOMY = {
  zh: (counts: readonly number[], source: string) =>
    `一级 ${counts[0]} 类，二级 ${counts[1]} 项，三级 ${counts[2]} 项。来源：${source}`,
  en: (counts: readonly number[], source: string) =>
    `${counts[0]} first-level, ${counts[1]} second-level, ${counts[2]} third-level. Source: ${source}`,
};

/** The files a folder or a pattern of the command line gave (stderr, before reading). */
export const EXPANDED = {
  zh: {
    reading: (given: string, files: string[]) =>
      `${given}：读取 ${files.length} 个文件 ${files.join('、')}`,
    notRead: (files: string[], xls: boolean, reports: boolean) =>
      `；未读取 ${files.join('、')}` +
      `${xls ? '（.xls 请另存为 .xlsx）' : ''}${reports ? '（本工具写的报告不作为输入读取）' : ''}`,
    sideFiles: (files: readonly { file: string; option: string }[], after: boolean) =>
      `${after ? '、' : '；未读取 '}${files.map((f) => `${f.file}（${f.option} 给出的文件）`).join('、')}`,
  },
  en: {
    reading: (given: string, files: string[]) =>
      `${given}: reading ${files.length} file${files.length === 1 ? '' : 's'}: ${files.join(', ')}`,
    notRead: (files: string[], xls: boolean, reports: boolean) =>
      `; not read: ${files.join(', ')}` +
      `${xls ? ' (save .xls as .xlsx to read it)' : ''}${reports ? " (this tool's own reports are not read as exports)" : ''}`,
    sideFiles: (files: readonly { file: string; option: string }[], after: boolean) =>
      `${after ? ', ' : '; not read: '}${files.map((f) => `${f.file} (given with ${f.option})`).join(', ')}`,
  },
} as const;

/** The words of a day, a week or a range of days (--day, --week, --from/--to with days). */
export const DAYS = {
  zh: {
    dailySheet: '每日趋势',
    listSheet: '当日明细',
    daily: '每日投诉',
    list: (n: number) => `当日投诉明细（${n} 件）`,
    partialDay: '数据不完整',
    baselineNote:
      '前四周同日均值：前四周同一星期几的投诉平均数，只计输入完整覆盖的日子；较同日均值 = (当日 − 均值) / 均值。',
    listNote:
      '受理内容截取前 80 个字符；7 位以上的数字和分段书写的手机号（电话、户号）以 * 遮盖，文中写明的客户姓名只留姓氏。',
  },
  en: {
    dailySheet: 'Daily',
    listSheet: 'Day detail',
    daily: 'complaints by day',
    list: (n: number) => `the day's complaints (${n})`,
    partialDay: 'incomplete',
    baselineNote:
      'Same weekday, 4-week average: the mean of the complaints on the same weekday in the four weeks before, over the days the inputs cover wholly; vs 4-week average = (day − average) / average.',
    listNote:
      'Texts are cut to 80 characters; runs of 7 or more digits and mobile numbers typed in groups (phone and customer numbers) are masked with *, and a customer full name written in the text keeps only the surname.',
  },
} as const;

/**
 * --by: the breakdowns' words. A dimension is named by its field; a column of the export by its
 * header as written. Sheet names stay within Excel's 31 characters.
 */
export const BREAKDOWN = {
  zh: {
    dimensions: {
      unit: '供电单位',
      level1: '一级分类',
      level2: '二级分类',
      level3: '三级分类',
      discipline: '专业',
      channel: '受理渠道',
      urbanRural: '城乡类别',
      customerType: '用电类别',
      station: '供电所',
      month: '月份',
      department: '处理部门',
      city: '所属地市',
      severity: '投诉等级',
      escalated: '是否越级',
    } as Record<string, string>,
    short: { unit: '单位', channel: '渠道', urbanRural: '城乡', discipline: '专业' } as Record<
      string,
      string
    >,
    sheet: (names: string[]) => `按${names.join('×')}`,
    title: (names: string[]) => `投诉按${names.join('×')}分布`,
    total: '合计',
    complaints: '投诉件数',
    yoy: '投诉同比',
    chartSubtitle: (span: string) => `${span} 投诉件数`,
  },
  en: {
    dimensions: {
      unit: 'unit',
      level1: 'level 1',
      level2: 'level 2',
      level3: 'level 3',
      discipline: 'discipline',
      channel: 'channel',
      urbanRural: 'urban/rural',
      customerType: 'customer type',
      station: 'station',
      month: 'month',
      department: 'department',
      city: 'city',
      severity: 'severity',
      escalated: 'escalated',
    } as Record<string, string>,
    short: {} as Record<string, string>,
    sheet: (names: string[]) => `By ${names.join(' × ')}`,
    title: (names: string[]) => `Complaints by ${names.join(' × ')}`,
    total: 'total',
    complaints: 'complaints',
    yoy: 'complaints yoy',
    chartSubtitle: (span: string) => `${span}, complaints`,
  },
};

/** How many complaints the text model classified (issue 16), where a reader sees the classes. */
export const MODEL_DECIDED = {
  zh: {
    terminal: (n: number) =>
      `模型判定 ${formatInt(n)} 件（读取的投诉中规则未能确定或把握不足、由文本模型判定的；--no-model 只用规则）`,
    sheet: (by: Record<'columns' | 'rules' | 'model' | 'unclassified', number>) =>
      `分类方式（读取的投诉）：列 ${formatInt(by.columns)} 件，规则 ${formatInt(by.rules)} 件，模型判定 ${formatInt(by.model)} 件，未分类 ${formatInt(by.unclassified)} 件；模型只在规则未能确定或把握不足时判定（--no-model 只用规则）`,
  },
  en: {
    terminal: (n: number) =>
      `${formatInt(n)} complaint(s) read were classified by the text model, where the rules were unsure or weak (--no-model: rules alone)`,
    sheet: (by: Record<'columns' | 'rules' | 'model' | 'unclassified', number>) =>
      `Classified (complaints read): by columns ${formatInt(by.columns)}, rules ${formatInt(by.rules)}, model ${formatInt(by.model)}, unclassified ${formatInt(by.unclassified)}; the model decides only where the rules are unsure or weak (--no-model: rules alone)`,
  },
};

/** The hot words (热词) of the complaint texts: sheet, chart, terminal and column headings. */
export const HOT_WORDS = {
  zh: {
    sheet: '热词',
    words: (span: string, texts: number) => `${span}投诉热词（受理内容 ${formatInt(texts)} 条）`,
    phrases: '热门短语（相邻两词）',
    emerging: (basis: string) => `新出现或明显增多的词（较${basis}）`,
    byUnit: '各单位热词',
    basis: { preceding: '上期', yearEarlier: '上年同期' } as Record<string, string>,
    columns: {
      word: '热词',
      phrase: '短语',
      kind: '类型',
      count: '投诉件数',
      share: '占比',
      baseline: '基期件数',
      yearEarlier: '上年同期件数',
      change: '变化',
      g2: 'G²',
      emerging: '新出现或明显增多',
      classes: '主要二级分类',
      unit: '供电单位',
      texts: '有受理内容的投诉',
      unitWords: '热词（件数）',
    },
    kinds: { word: '词', phrase: '短语' },
    yes: '是',
    noTexts: '本期投诉没有受理内容，未统计热词。',
    notes: (basis: string | null, minCount: number, g2: number) => [
      '一张工单中出现多次的词只计一次；已去掉“客户”“反映”“要求”等套话、地址、人名、数字和日期。',
      basis
        ? `基期为${basis}。变化 =（本期件数 + 1）÷（基期件数 × 本期条数 ÷ 基期条数 + 1）− 1。新出现或明显增多：本期至少 ${minCount} 件、占比高于基期，且对数似然比 G² ≥ ${g2}（p < 0.001）。`
        : '数据中没有上期或上年同期，未判断新出现或明显增多的词。',
    ],
    chart: '投诉热词',
    chartSubtitle: (span: string) => `${span} 投诉件数（每张工单计一次）`,
    terminal: (texts: number) => `热词（${formatInt(texts)} 条受理内容）`,
    terminalPhrases: '热门短语',
    terminalEmerging: (basis: string) => `新出现或明显增多（较${basis}）`,
    terminalNoTexts: '热词: 本期投诉没有受理内容，未统计',
    list: (items: string[]) => items.join('、'),
  },
  en: {
    sheet: 'Hot words',
    words: (span: string, texts: number) =>
      `Hot words, ${span} (${formatInt(texts)} complaint texts)`,
    phrases: 'Hot phrases (two adjacent words)',
    emerging: (basis: string) => `New or markedly more frequent (against ${basis})`,
    byUnit: 'Hot words by unit',
    basis: { preceding: 'the period before', yearEarlier: 'a year earlier' } as Record<
      string,
      string
    >,
    columns: {
      word: 'word',
      phrase: 'phrase',
      kind: 'kind',
      count: 'complaints',
      share: 'share',
      baseline: 'baseline',
      yearEarlier: 'year earlier',
      change: 'change',
      g2: 'G²',
      emerging: 'emerging',
      classes: 'main level-2 classes',
      unit: 'unit',
      texts: 'complaints with text',
      unitWords: 'hot words (complaints)',
    },
    kinds: { word: 'word', phrase: 'phrase' },
    yes: 'yes',
    noTexts: 'The complaints of the period have no text (受理内容): no hot words.',
    notes: (basis: string | null, minCount: number, g2: number) => [
      'A word said several times in one work order counts once; the agents’ set phrases (客户, 反映, 要求 …), addresses, names, numbers and dates are left out.',
      basis
        ? `Baseline: ${basis}. Change = (count + 1) / (baseline count × texts / baseline texts + 1) − 1. Emerging: at least ${minCount} complaints, a higher share than in the baseline, and log-likelihood G² ≥ ${g2} (p < 0.001).`
        : 'The data has neither the period before nor the year before: no term is judged emerging.',
    ],
    chart: 'Hot words',
    chartSubtitle: (span: string) => `${span}, complaints (each work order once)`,
    terminal: (texts: number) => `hot words (${formatInt(texts)} texts)`,
    terminalPhrases: 'hot phrases',
    terminalEmerging: (basis: string) => `new or rising (against ${basis})`,
    terminalNoTexts: 'hot words: the complaints of the period have no text',
    list: (items: string[]) => items.join(', '),
  },
};

/** How the early warning's year-end forecast and its interval are made (warn, the 预警 sheet). */
export const FORECAST_NOTE = {
  zh: '全年预测：累计考核投诉按单位的季节分布折算到全年；括号内为80%预测区间（负二项分布：发生率由累计投诉估计，计入其不确定性，投诉越少、月份越早区间越宽）。区间下限达到年度指标为红，预测值达到为黄。',
  en: "Year-end forecast: the assessed complaints so far scaled to the year by the unit's seasonal profile; in brackets the 80% predictive interval (negative binomial: the rate is estimated from the complaints so far and its uncertainty counted, so few complaints or an early month give a wide interval). Red when the interval's low end reaches the annual target, yellow when the forecast does.",
} as const;

/** The bulletin's sentence for a partial period not held against the targets (review2 item 7). */
export const PARTIAL_NOT_HELD = {
  zh: '本期数据不完整（见上），考核投诉偏低，未与指标比较，不作超指标判断。',
  en: "The period's data is incomplete (see above): its assessed complaints fall short, so it is not held against the targets and no unit is judged over target.",
};

/** The line on stderr after --json FILE (review3 #4: a cron run's JSON was written in silence). */
export const WRITTEN_JSON = {
  zh: (out: string, complaints: string) => `已写入 ${out}（JSON，投诉 ${complaints} 条）`,
  en: (out: string, complaints: string) => `wrote ${out} (JSON, ${complaints} complaints)`,
};

/** Over the notes on stderr when the JSON went to stdout (a pipe): where the figures went. */
export const JSON_ON_STDOUT = {
  zh: (complaints: string) => `JSON 已输出到标准输出（投诉 ${complaints} 条）`,
  en: (complaints: string) => `JSON written to stdout (${complaints} complaints)`,
};

/**
 * Under the line naming an output that took the place of a file of that name: a second cron run
 * for the month, or `analyze` where the config file's "out" names the report, leaves the earlier
 * figures nowhere — the mail says when that file was written.
 */
export const REPLACED = {
  zh: (when: string) => `替换了原有的同名文件（写于 ${when}）。`,
  en: (when: string) => `It replaced the file of that name written ${when}.`,
};

/** Sections of the period that the company's template has no place for (report --template). */
export const TEMPLATE_OMITTED = {
  zh: (sections: { heading: string; key: string }[]) => {
    const named = sections.map((s) => `“${s.heading.replace(/^[一二三四五六七八九十]+、/, '')}”`);
    const tags = sections.map((s) => `{#${s.key}}…{/${s.key}}`).join('、');
    return `模板里没有${named.join('')}${sections.length === 1 ? '一节' : `${sections.length} 节`}的位置，通报中没有${sections.length === 1 ? '这一节' : '这几节'}（用 {#sections}…{/sections} 可放置全部各节，或在模板中加上 ${tags}）。`;
  },
  en: (sections: { heading: string; key: string }[]) => {
    const named = sections.map((s) => `“${s.heading.replace(/^\d+\. /, '')}”`).join(', ');
    const tags = sections.map((s) => `{#${s.key}}…{/${s.key}}`).join(', ');
    return `The template has no place for ${named}: the bulletin leaves ${sections.length === 1 ? 'it' : 'them'} out ({#sections}…{/sections} places every section; or add ${tags} to the template).`;
  },
};

/**
 * The charts of the sections a company's template places that it has no tag for, by their
 * titles, with what would place them: a chart's own tag, or for a breakdown's (it has none) the
 * section's charts loop.
 */
const LOOP_CHART = '{#charts}{@chart}{/charts}';
/** Their own tags ({@trendChart}), and the sections whose charts loop would place the others. */
function chartPlaces(charts: OmittedChart[]): { tags: string[]; loops: string[] } {
  const tags = new Set<string>();
  const loops = new Set<string>();
  for (const c of charts) {
    if (c.tag === null) loops.add(`{#${c.section}}`);
    else tags.add(c.tag);
  }
  return { tags: [...tags], loops: [...loops] };
}
export const TEMPLATE_CHARTS_OMITTED = {
  zh: (charts: OmittedChart[]) => {
    const one = charts.length === 1;
    const named = charts.map((c) => `“${c.title}”`).join('');
    const { tags, loops } = chartPlaces(charts);
    const how = [
      ...(tags.length > 0 ? [`在模板中加上 ${tags.join('、')}`] : []),
      ...(loops.length > 0 ? [`在 ${loops.join('、')} 或 {#sections} 里加上 ${LOOP_CHART}`] : []),
    ].join('，并');
    return `模板中没有放置${named}${one ? '' : `这 ${charts.length} 幅`}图的标签，${one ? '这幅图' : '这几幅图'}未写入（要放置${one ? '它' : '它们'}，请${how}）。`;
  },
  en: (charts: OmittedChart[]) => {
    const one = charts.length === 1;
    const named = charts.map((c) => `“${c.title}”`).join(', ');
    const { tags, loops } = chartPlaces(charts);
    const how = [
      ...(tags.length > 0 ? [`add ${tags.join(', ')} to the template`] : []),
      ...(loops.length > 0 ? [`put ${LOOP_CHART} inside ${loops.join(', ')} or {#sections}`] : []),
    ].join(', and ');
    return `The template has no tag for the ${one ? 'chart' : `${charts.length} charts`} ${named}: ${one ? 'it is' : 'they are'} not in the bulletin (to place ${one ? 'it' : 'them'}, ${how}).`;
  },
};

/** An input whose size, time or inode differs after reading from before (io/source.ts). */
export const INPUT_CHANGED = {
  zh: {
    message: (file: string, how: string) =>
      `${file}：文件在读取时被改变（${how}），读到的内容不完整，未输出任何结果。`,
    hint: '请等它写完（复制或导出结束）再运行。',
    size: (from: string, to: string) => `大小 ${from} → ${to} 字节`,
    replaced: '已被另一个文件替换',
    modified: '修改时间变了',
  },
  en: {
    message: (file: string, how: string) =>
      `${file}: the file changed while it was read (${how}); what was read is not the file, and nothing was output.`,
    hint: 'Run again when the copy or export writing it is complete.',
    size: (from: string, to: string) => `size ${from} → ${to} bytes`,
    replaced: 'replaced by another file',
    modified: 'modified',
  },
};
