/**
 * The terminal views of the analysis: the ten-second summary of `analyze`, the monthly series
 * of `trend` and the unit table of `assess`. They format the Analysis; they compute nothing.
 */
import type { ChalkInstance } from 'chalk';
import type { InputSummary } from '../ingest/types.js';
import {
  SKIPPED_NOTES,
  TARGET_NOTES,
  type Analysis,
  type CategoryRow,
  type MonthRow,
  type Note,
  type UnitRow,
} from '../metrics/analysis.js';
import type { PipelineResult } from '../pipeline.js';
import type { Lang } from '../settings/types.js';
import { formatCount, formatInt, formatPercent, table, type Align } from './terminal.js';

const L = {
  zh: {
    title: '投诉分析',
    months: (n: number) => `${n} 个月`,
    yoyBasis: '同比',
    noYoy: '无同比数据',
    inputs: (n: number) => `输入 ${n} 个文件`,
    workOrders: '工单',
    complaints: '投诉',
    appealApproved: '申诉成功',
    unsubstantiated: '不属实',
    assessed: '考核投诉',
    target: '指标',
    overTargetRate: '超指标率',
    share: '占比',
    previous: '上年同期',
    yoy: '同比',
    mom: '环比',
    rank: '排名',
    unit: '供电单位',
    month: '月份',
    over: '超',
    total: '合计',
    ratePer10k: '万户投诉率',
    avgReduction: (a: string, c: string) => `月均下降率：算术 ${a}，复合 ${c}`,
    categories: '一级分类',
    discipline: '专业',
    hotspots: '热点（二级分类）',
    rising: (basis: string) => `上升最快（${basis === 'yoy' ? '同比' : '环比'}）`,
    repeat: (n: number, c: number, kind: string) =>
      `重复投诉（${kind}）：${formatInt(n)} 位投诉 2 次及以上，共 ${formatInt(c)} 条`,
    byCustomer: '客户编号',
    byPhone: '联系电话',
    reply: '回复',
    close: '办结',
    timeliness: (what: string, mean: string, median: string, limit: number, over: string) =>
      `${what}：平均 ${mean} 小时，中位 ${median} 小时，超 ${limit} 小时 ${over}`,
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
    sep: '，',
    skipped: '未计算',
    compound: '复合月均下降率',
    prorated: (f: string) => `指标已按期间折算（× ${f}）`,
  },
  en: {
    title: 'Complaint analysis',
    months: (n: number) => `${n} month${n === 1 ? '' : 's'}`,
    yoyBasis: 'compared with',
    noYoy: 'no year-earlier data',
    inputs: (n: number) => `${n} input${n === 1 ? '' : 's'}`,
    workOrders: 'work orders',
    complaints: 'complaints',
    appealApproved: 'appeal approved',
    unsubstantiated: 'unsubstantiated',
    assessed: 'assessed',
    target: 'target',
    overTargetRate: 'over target',
    share: 'share',
    previous: 'year earlier',
    yoy: 'yoy',
    mom: 'mom',
    rank: 'rank',
    unit: 'unit',
    month: 'month',
    over: 'over',
    total: 'total',
    ratePer10k: 'per 10k customers',
    avgReduction: (a: string, c: string) =>
      `average monthly reduction: arithmetic ${a}, compound ${c}`,
    categories: 'level 1',
    discipline: 'discipline',
    hotspots: 'hot spots (level 2)',
    rising: (basis: string) => `rising fastest (${basis})`,
    repeat: (n: number, c: number, kind: string) =>
      `repeat complainants (${kind}): ${formatInt(n)} complained twice or more, ${formatInt(c)} complaints`,
    byCustomer: 'customer id',
    byPhone: 'phone',
    reply: 'reply',
    close: 'closing',
    timeliness: (what: string, mean: string, median: string, limit: number, over: string) =>
      `${what}: mean ${mean} h, median ${median} h, over ${limit} h ${over}`,
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
    sep: ', ',
    skipped: 'not computed',
    compound: 'compound reduction',
    prorated: (f: string) => `targets prorated to the period (× ${f})`,
  },
};
export type Labels = (typeof L)['zh'];
export const labels = (lang: Lang): Labels => L[lang] as Labels;

export const DISCIPLINE_EN: Record<string, string> = { 运检: 'operations', 营销: 'marketing' };

/** Colours a signed change: rising red, falling green (complaints going up is bad news). */
function paintChange(rate: number | null, c: ChalkInstance): string {
  const text = formatPercent(rate, true);
  if (rate === null || rate === 0) return text;
  return rate > 0 ? c.red(text) : c.green(text);
}

function header(a: Analysis, inputs: InputSummary[], lang: Lang): string {
  const t = labels(lang);
  const p = a.period;
  const span = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  const basis = p.yearEarlier
    ? `${t.yoyBasis} ${p.yearEarlier.from} – ${p.yearEarlier.to}`
    : t.noYoy;
  const files = inputs.map((i) => i.file).join(', ');
  const about =
    lang === 'zh' ? `（${t.months(p.months)}；${basis}）` : ` (${t.months(p.months)}; ${basis})`;
  return `${t.title} ${span}${about}\n${t.inputs(inputs.length)}: ${files}`;
}

function overall(a: Analysis, lang: Lang, c: ChalkInstance): string {
  const t = labels(lang);
  const x = a.totals;
  const parts = [
    `${t.workOrders} ${formatInt(x.workOrders)}`,
    `${t.complaints} ${formatInt(x.complaints)}`,
    `${t.appealApproved} ${formatInt(x.appealApproved)}`,
    ...(a.settings.excludeUnsubstantiated
      ? [`${t.unsubstantiated} ${formatInt(x.unsubstantiated)}`]
      : []),
    `${t.assessed} ${formatInt(x.assessed)}`,
  ];
  if (x.target !== null) {
    const rate = formatPercent(x.overTargetRate, true);
    parts.push(
      `${t.target} ${formatCount(x.target)}`,
      `${t.overTargetRate} ${x.overTarget ? c.red(rate) : rate}`,
    );
    parts.push(t.unitsOver(x.unitsOverTarget, x.unitsWithTarget));
  }
  if (x.previous !== null)
    parts.push(`${t.yoy} ${paintChange(x.yoy, c)} (${t.previous} ${formatInt(x.previous)})`);
  // Over twelve months the span before is the year earlier: 环比 would repeat 同比.
  if (x.preceding !== null && a.period.months < 12) parts.push(`${t.mom} ${paintChange(x.mom, c)}`);
  return `${t.overall}: ${parts.join(t.sep)}`;
}

export function unitTable(a: Analysis, lang: Lang, c: ChalkInstance, limit = Infinity): string {
  const t = labels(lang);
  const hasTarget = a.targets !== null;
  const hasPrevious = a.period.yearEarlier !== null;
  const hasCustomers = a.units.some((u) => u.customers !== null);
  const head = [
    t.rank,
    t.unit,
    t.complaints,
    t.appealApproved,
    ...(a.settings.excludeUnsubstantiated ? [t.unsubstantiated] : []),
    t.assessed,
    ...(hasTarget ? [t.target, t.overTargetRate, ''] : []),
    t.share,
    ...(hasPrevious ? [t.previous, t.yoy] : []),
    ...(hasCustomers ? [t.ratePer10k] : []),
  ];
  const row = (u: UnitRow | null): string[] => {
    const x = u ?? {
      ...a.totals,
      unit: t.total,
      rank: null,
      share: a.totals.complaints > 0 ? 1 : null,
    };
    return [
      x.rank === null ? '' : String(x.rank),
      x.unit,
      formatInt(x.complaints),
      formatInt(x.appealApproved),
      ...(a.settings.excludeUnsubstantiated ? [formatInt(x.unsubstantiated)] : []),
      formatInt(x.assessed),
      ...(hasTarget
        ? [
            formatCount(x.target),
            x.overTarget
              ? c.red(formatPercent(x.overTargetRate, true))
              : formatPercent(x.overTargetRate, true),
            x.overTarget ? c.red(t.over) : '',
          ]
        : []),
      formatPercent(x.share),
      ...(hasPrevious ? [formatCount(x.previous), paintChange(x.yoy, c)] : []),
      ...(hasCustomers ? [x.ratePer10k === null ? '-' : x.ratePer10k.toFixed(2)] : []),
    ];
  };
  const shown = a.units.slice(0, limit);
  const rows = [...shown.map(row), row(null)];
  const align = head.map(
    (_, i) => (i === 1 || (hasTarget && head[i] === '') ? 'left' : 'right') as Align,
  );
  let text = table(head, rows, align);
  if (a.units.length > shown.length) text += `\n… ${a.units.length - shown.length}`;
  return text;
}

export function monthTable(
  months: readonly MonthRow[],
  a: Analysis,
  lang: Lang,
  c: ChalkInstance,
): string {
  const t = labels(lang);
  const hasPrevious = months.some((m) => m.previous !== null);
  const head = [
    t.month,
    t.complaints,
    t.assessed,
    t.mom,
    ...(hasPrevious ? [t.previous, t.yoy] : []),
  ];
  const rows = months.map((m) => [
    m.month,
    formatInt(m.complaints),
    formatInt(m.assessed),
    paintChange(m.mom, c),
    ...(hasPrevious ? [formatCount(m.previous), paintChange(m.yoy, c)] : []),
  ]);
  const r = a.trend.avgMonthlyReduction;
  return (
    table(
      head,
      rows,
      head.map((_, i) => (i === 0 ? 'left' : 'right')),
    ) +
    (months.length > 1
      ? `\n${t.avgReduction(formatPercent(r.arithmetic), formatPercent(r.compound))}`
      : '')
  );
}

function categoryLines(a: Analysis, lang: Lang, c: ChalkInstance): string {
  const t = labels(lang);
  const name = (r: CategoryRow | { name: string }) =>
    'nameEn' in r && lang === 'en' ? r.nameEn : r.name;
  const withYoy = (r: {
    complaints: number;
    share: number | null;
    yoy: number | null;
    previous: number | null;
  }) =>
    `${formatInt(r.complaints)} (${formatPercent(r.share)}${r.previous !== null ? `, ${t.yoy} ${paintChange(r.yoy, c)}` : ''})`;
  const lines = [
    `${t.discipline}: ` +
      a.categories.discipline
        .map((d) => `${lang === 'zh' ? d.name : DISCIPLINE_EN[d.name]} ${withYoy(d)}`)
        .join(t.sep),
    `${t.categories}: ` +
      a.categories.level1
        .filter((r) => r.complaints > 0)
        .sort((x, y) => y.complaints - x.complaints)
        .map((r) => `${name(r)} ${withYoy(r)}`)
        .join(t.sep),
    `${t.hotspots}: ` +
      (a.hotspots.level2
        .slice(0, 5)
        .map((r) => `${name(r)} ${formatInt(r.complaints)}`)
        .join(t.sep) || t.none),
  ];
  const rising = a.hotspots.rising;
  if (rising && rising.categories.length > 0) {
    lines.push(
      `${t.rising(rising.basis)}: ` +
        rising.categories
          .slice(0, 3)
          .map((r) => `${name(r)} ${formatInt(r.base)}→${formatInt(r.complaints)}`)
          .join(t.sep),
    );
  }
  return lines.join('\n');
}

function extraLines(a: Analysis, lang: Lang): string[] {
  const t = labels(lang);
  const lines: string[] = [];
  const r = a.repeatComplainants;
  if (r?.byCustomer)
    lines.push(t.repeat(r.byCustomer.complainants, r.byCustomer.complaints, t.byCustomer));
  if (r?.byPhone) lines.push(t.repeat(r.byPhone.complainants, r.byPhone.complaints, t.byPhone));
  const hours = (h: number | null) => (h === null ? '-' : h.toFixed(1));
  for (const [what, s] of [
    [t.reply, a.timeliness?.reply],
    [t.close, a.timeliness?.close],
  ] as const) {
    if (s && s.count > 0)
      lines.push(
        t.timeliness(
          what,
          hours(s.meanHours),
          hours(s.medianHours),
          s.limitHours,
          `${formatInt(s.overLimit)} (${formatPercent(s.overLimitShare)})`,
        ),
      );
  }
  const s = a.satisfaction;
  if (s)
    lines.push(
      t.satisfaction(formatPercent(s.satisfiedShare), s.satisfied + s.neutral + s.dissatisfied),
    );
  return lines;
}

/** Data problems, one line each, with a pointer to `inspect`. */
export function problemLines(result: PipelineResult, lang: Lang): string[] {
  const t = labels(lang);
  const { ingest, analysis: a } = result;
  const lines: string[] = [];
  if (ingest.totals.rejected > 0) lines.push(t.rejected(ingest.totals.rejected));
  if (ingest.totals.duplicates > 0)
    lines.push(t.duplicates(ingest.totals.duplicates, ingest.totals.duplicatesDiffering));
  const excluded = Object.entries(a.totals.excludedByType).sort((x, y) => y[1] - x[1]);
  if (excluded.length > 0) {
    const n = excluded.reduce((sum, [, v]) => sum + v, 0);
    lines.push(t.excluded(n, excluded.map(([k, v]) => `${k} ${formatInt(v)}`).join(t.sep)));
  }
  if (a.categories.unclassified > 0) lines.push(t.unclassified(a.categories.unclassified));
  lines.push(...ingest.warnings);
  const say = (n: Note) => (lang === 'zh' ? n.zh : n.message);
  lines.push(...a.notes.filter((n) => !SKIPPED_NOTES.has(n.code)).map(say));
  const skipped = a.notes.filter((n) => SKIPPED_NOTES.has(n.code));
  if (skipped.length > 0) lines.push(`${t.skipped}: ${skipped.map(say).join(' ')}`);
  if (ingest.totals.rejected > 0 || ingest.totals.duplicatesDiffering > 0)
    lines.push(t.seeInspect(ingest.inputs.map((i) => i.file).join(' ')));
  return lines;
}

export function renderSummary(result: PipelineResult, lang: Lang, c: ChalkInstance): string {
  const a = result.analysis;
  const t = labels(lang);
  const problems = problemLines(result, lang);
  return [
    c.bold(header(a, result.ingest.inputs, lang)),
    overall(a, lang, c),
    '',
    unitTable(a, lang, c, 20),
    '',
    monthTable(a.months, a, lang, c),
    '',
    categoryLines(a, lang, c),
    ...extraLines(a, lang),
    '',
    `${t.problems}:` + (problems.length === 0 ? ` ${t.none}` : ''),
    ...problems.map((p) => `  ${p}`),
  ].join('\n');
}

export function renderHeader(result: PipelineResult, lang: Lang, c: ChalkInstance): string {
  return c.bold(header(result.analysis, result.ingest.inputs, lang));
}

/** Under the unit table: prorating, units without targets, targets without data. */
export function targetLines(a: Analysis, lang: Lang): string[] {
  if (!a.targets) return [];
  const t = labels(lang);
  const lines: string[] = [];
  if (a.targets.prorated)
    lines.push(t.prorated(String(Math.round(a.targets.factor * 1000) / 1000)));
  for (const n of a.notes)
    if (TARGET_NOTES.has(n.code)) lines.push(lang === 'zh' ? n.zh : n.message);
  return lines;
}
