/**
 * 总体情况: the period's complaints with 同比 and 环比, how many were assessed, the period against
 * its target when it is held against one, then the year to date against the annual targets —
 * and, first, a period the data covers only in part, said where the reader cannot miss it.
 */
import type { Analysis, MonthRow, Totals, YearToDate } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import { spanWords } from '../../labels.js';
import type { Paragraph } from '../../types.js';
import { showsPreceding } from '../heading.js';
import {
  changeOf,
  count,
  fixed,
  period,
  rate,
  runs,
  words,
  type Change,
  type Piece,
} from './figures.js';
import { reductionParagraph } from './reduction.js';

/** A day of a partial month in words: 12月26日, 26 December. */
export function dayWords(day: string, lang: Lang): string {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  const en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
  const en2 = ['September', 'October', 'November', 'December'];
  return lang === 'zh' ? `${m}月${d}日` : `${d} ${[...en, ...en2][m - 1]}`;
}

/** 上升14.29% / 增加2件 / 持平, after the word for the comparison (同比, 环比). */
export function changeWords(c: Change, lang: Lang): Piece {
  const zh = lang === 'zh';
  if (c.kind === 'same') return zh ? '持平' : 'unchanged';
  if (c.kind === 'rate')
    return zh ? [c.up ? '上升' : '下降', c.figure] : [c.up ? 'up ' : 'down ', c.figure];
  return zh ? [c.up ? '增加' : '减少', c.figure, '件'] : [c.up ? 'up ' : 'down ', c.figure];
}

/**
 * Whether the period's figures can be set against another period's: not when a month of it is
 * covered only in part (unless --include-partial counts it as whole) — 26 days of December
 * against a whole December a year earlier read as a fall that did not happen.
 */
export function comparable(a: Pick<Analysis, 'settings'>, months: readonly MonthRow[]): boolean {
  return a.settings.includePartial || !months.some((m) => m.partial);
}

/**
 * The months the data covers in part or not at all, each as words: "2016年12月数据截至12月26日",
 * and months without any data in runs, "2016年1–10月无数据". `named` false leaves the month out
 * (a period of that month alone: "（数据截至12月26日……）").
 */
export function partialMonths(
  months: readonly MonthRow[],
  path: string,
  lang: Lang,
  named = true,
): Piece[] {
  const zh = lang === 'zh';
  const partial = months.filter((m) => m.partial);
  const said: Piece[] = [];
  for (let i = 0; i < partial.length; i++) {
    const m = partial[i]!;
    if (m.through === null) {
      // A run of months without data, said once.
      let j = i;
      while (
        j + 1 < partial.length &&
        partial[j + 1]!.through === null &&
        next(partial[j]!.month) === partial[j + 1]!.month
      )
        j++;
      const span = { from: m.month, to: partial[j]!.month };
      const words = named && period(spanWords(span, lang), i === j ? `${path}[${m.month}]` : path);
      said.push(zh ? [words, '无数据'] : [words || 'it', ' has no data']);
      i = j;
      continue;
    }
    const month =
      named && period(spanWords({ from: m.month, to: m.month }, lang), `${path}[${m.month}]`);
    said.push(coveredWords(m, month, `${path}[${m.month}]`, lang));
  }
  return said;
}

/**
 * The days a partial month has, as its coverage is: "数据截至12月26日" (it stops early), "数据自5月23日
 * 起" (it starts late: "截至5月31日" would read as whole), "数据只有9月3日至9月8日" (both), or "数据
 * 中间有缺日" (an export missing between two others).
 */
function coveredWords(m: MonthRow, month: Piece, at: string, lang: Lang): Piece {
  const zh = lang === 'zh';
  const [y, mm] = m.month.split('-').map(Number) as [number, number];
  const last = `${m.month}-${String(new Date(Date.UTC(y, mm, 0)).getUTCDate()).padStart(2, '0')}`;
  const stops = m.through !== null && m.through < last;
  const through = m.through && period(dayWords(m.through, lang), `${at}.through`);
  const since = m.since && period(dayWords(m.since, lang), `${at}.since`);
  if (since && stops)
    return zh
      ? [month, '数据只有', since, '至', through]
      : [month || 'the data', ' covers only ', since, ' to ', through];
  if (since)
    return zh ? [month, '数据自', since, '起'] : [month || 'the data', ' starts only on ', since];
  if (stops)
    return zh ? [month, '数据截至', through] : [month || 'the data', ' runs only to ', through];
  return zh ? [month, '数据中间有缺日'] : [month || 'the data', ' has days missing'];
}

/** The month after YYYY-MM. */
function next(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The months of a period the data covers in part or not at all, as a clause. A period of one
 * month is not named again: "2016年12月（数据截至12月26日……）".
 */
export function partialClause(
  months: readonly MonthRow[],
  path: string,
  lang: Lang,
  notCompared: Piece = null,
): Piece {
  const zh = lang === 'zh';
  const said = partialMonths(months, path, lang, months.length > 1);
  if (said.length === 0) return null;
  const list = said.flatMap((s, i) => (i === 0 ? [s] : [zh ? '，' : '; ', s]));
  return zh
    ? ['（', list, '，数据不完整，相关数字偏低', notCompared, '）']
    : [' (', list, ': incomplete, so the figures are low', notCompared, ')'];
}

/** Inside the partial clause, in place of 同比: no rate (the year earlier's figure if known). */
function notComparedClause(x: Comparable, path: string, lang: Lang): Piece {
  if (x.previous === null)
    return lang === 'zh' ? '，不作同比' : '; not compared with a year earlier';
  const previous = count(x.previous, `${path}.previous`);
  return lang === 'zh'
    ? ['，不作同比；上年同期', previous, '件']
    : ['; not compared with the ', previous, ' of a year earlier'];
}

interface Comparable {
  complaints: number;
  previous: number | null;
  yoy: number | null;
  preceding: number | null;
  mom: number | null;
}

/** What 环比 compares a period with, by how it was asked. */
const BEFORE: Record<Lang, Partial<Record<Analysis['period']['kind'], string>>> = {
  zh: { month: '上月', quarter: '上季度', range: '上期', day: '前一日', week: '上周' },
  en: {
    month: 'the month before',
    quarter: 'the quarter before',
    range: 'the period before',
    day: 'the day before',
    week: 'the week before',
  },
};

/** "，同比上升14.29%（上年同期14件），环比下降11.11%（上期18件）" */
export function comparisonClauses(
  x: Comparable,
  path: string,
  lang: Lang,
  withPreceding: boolean,
  kind: Analysis['period']['kind'] = 'range',
): Piece {
  const before = BEFORE[lang][kind] ?? BEFORE[lang].range!;
  const zh = lang === 'zh';
  const yoy = changeOf(x.complaints, x.previous, x.yoy, {
    now: `${path}.complaints`,
    base: `${path}.previous`,
    rate: `${path}.yoy`,
  });
  // 环比 only where the analysis gives one: a partial period or a partial month before has none.
  const mom =
    withPreceding && x.mom !== null
      ? changeOf(x.complaints, x.preceding, x.mom, {
          now: `${path}.complaints`,
          base: `${path}.preceding`,
          rate: `${path}.mom`,
        })
      : null;
  return [
    yoy &&
      (zh
        ? [
            '，同比',
            changeWords(yoy, lang),
            '（上年同期',
            count(x.previous!, `${path}.previous`),
            '件）',
          ]
        : [
            ', ',
            changeWords(yoy, lang),
            ' on a year earlier (',
            count(x.previous!, `${path}.previous`),
            ')',
          ]),
    mom &&
      (zh
        ? [
            '，环比',
            changeWords(mom, lang),
            `（${before}`,
            count(x.preceding!, `${path}.preceding`),
            '件）',
          ]
        : [
            ', ',
            changeWords(mom, lang),
            ` on ${before} (`,
            count(x.preceding!, `${path}.preceding`),
            ')',
          ]),
  ];
}

/** "其中申诉成功6件、不属实1件，考核投诉10件" */
/**
 * "其中申诉成功6件，考核投诉10件": what was taken off the complaints to give the assessed ones —
 * the unsubstantiated only when --exclude-unsubstantiated takes them off (else the reader would
 * subtract them too, and find a different number).
 */
export function assessedClause(x: Totals, path: string, lang: Lang, a: Analysis): Piece {
  // No complaints: "均为考核投诉（0件）" would tell the reader nothing, and reads as a slip.
  if (x.complaints === 0) return null;
  const excludeUnsubstantiated = a.settings.excludeUnsubstantiated;
  const zh = lang === 'zh';
  const parts: Piece[] = [];
  if (x.appealApproved > 0)
    parts.push(
      zh
        ? ['申诉成功', count(x.appealApproved, `${path}.appealApproved`), '件']
        : [count(x.appealApproved, `${path}.appealApproved`), ' appealed successfully'],
    );
  if (excludeUnsubstantiated && x.unsubstantiated > 0)
    parts.push(
      zh
        ? ['核实不属实', count(x.unsubstantiated, `${path}.unsubstantiated`), '件']
        : [count(x.unsubstantiated, `${path}.unsubstantiated`), ' found unsubstantiated'],
    );
  const assessed = count(x.assessed, `${path}.assessed`);
  // Without a 申诉结果 column nothing is known to be exempt: said so, not "all are assessed".
  if (parts.length === 0 && a.notes.some((n) => n.code === 'no-appeal'))
    return zh
      ? ['；导出数据无申诉结果，考核投诉按全部投诉计（', assessed, '件）']
      : ['; the exports have no appeal results, so all ', assessed, ' count as assessed'];
  if (parts.length === 0)
    return zh ? ['，均为考核投诉（', assessed, '件）'] : ['; all ', assessed, ' are assessed'];
  const list = parts.flatMap((p, i) => (i === 0 ? [p] : [zh ? '、' : ' and ', p]));
  // A ruling on 是否考核 by hand (--corrections) breaks 投诉 − 申诉成功 = 考核投诉: "共45件；其中申诉
  // 成功13件，考核投诉31件" read as a slip. Said where the figures stand, not only in 需关注事项.
  const ruled = !excludeUnsubstantiated && x.complaints - x.appealApproved !== x.assessed;
  return zh
    ? [
        '；其中',
        list,
        '，考核投诉',
        assessed,
        ruled ? '件（部分工单是否考核按人工复核结果认定）' : '件',
      ]
    : ruled
      ? ['; ', list, ', and with some rulings by hand on review, ', assessed, ' are assessed']
      : ['; ', list, ', leaving ', assessed, ' assessed'];
}

/** What the period is held against: the annual target, or its prorated share. */
type Basis = 'annual' | 'prorated';

/**
 * Whether the target clause names the units with a target ("有指标的7个单位考核投诉129件"): when
 * units without one had assessed complaints, so that the total is not what the target is held
 * against. The clause after it then speaks of "them" (其中), not of the same units again.
 */
function namesUnitsWithTarget(x: Totals): boolean {
  return x.withTarget !== null && x.withTarget.assessed !== x.assessed;
}

/** "年度指标125件，超年度指标8.8%" — the units with a target against their summed target. */
function targetClause(x: Totals, path: string, basis: Basis, lang: Lang, soFar = false): Piece {
  if (x.target === null || x.overTargetRate === null) return null;
  const zh = lang === 'zh';
  const target = count(x.target, `${path}.target`);
  const over = rate(x.overTargetRate, `${path}.overTargetRate`);
  const name = zh
    ? basis === 'annual'
      ? '年度指标'
      : '折算指标'
    : basis === 'annual'
      ? 'annual target'
      : 'prorated target';
  const sign = Math.sign(x.overTargetRate);
  const w = x.withTarget;
  const partOf = namesUnitsWithTarget(x);
  // A year to date under the annual target is said as the share used so far: "低于年度指标43.2%"
  // in June reads as good news it is not.
  const used =
    soFar && sign < 0 && !partOf
      ? rate(x.assessed / x.target, { divide: [`${path}.assessed`, `${path}.target`] })
      : null;
  if (zh) {
    const versus = used
      ? ['，已用', used]
      : sign > 0
        ? ['，超', name, over]
        : sign < 0
          ? ['，低于', name, over]
          : ['，与', name, '持平'];
    const who = partOf
      ? [
          '有指标的',
          count(w!.units, `${path}.withTarget.units`),
          '个单位考核投诉',
          count(w!.assessed, `${path}.withTarget.assessed`),
          '件，',
        ]
      : '';
    return ['。', who, name, target, '件', versus];
  }
  if (used) return ['. Assessed complaints have used ', used, ' of the ', name, ' of ', target];
  const versus = sign > 0 ? [over, ' over'] : sign < 0 ? [over, ' under'] : 'exactly on';
  const who = partOf
    ? [
        'The ',
        count(w!.units, `${path}.withTarget.units`),
        ' units with a target had ',
        count(w!.assessed, `${path}.withTarget.assessed`),
        ' assessed, ',
      ]
    : 'Assessed complaints were ';
  return ['. ', who, versus, ' the ', name, ' of ', target];
}

/** "；有指标的8个单位中超指标6个", or "；其中6个单位超指标" after the target clause named them. */
function unitsOverClause(x: Totals, path: string, lang: Lang): Piece {
  if (x.unitsWithTarget === 0) return null;
  const zh = lang === 'zh';
  const over = count(x.unitsOverTarget, `${path}.unitsOverTarget`);
  const of = count(x.unitsWithTarget, `${path}.unitsWithTarget`);
  const named = namesUnitsWithTarget(x);
  if (zh) {
    if (named) return ['；其中', x.unitsOverTarget === 0 ? '无超指标单位' : [over, '个单位超指标']];
    return [
      '；有指标的',
      of,
      '个单位中',
      x.unitsOverTarget === 0 ? '无超指标单位' : ['超指标', over, '个'],
    ];
  }
  const verb = x.unitsOverTarget === 1 ? ' is' : ' are';
  const who = named ? ' of them' : [' of the ', of, ' units with a target'];
  return ['; ', x.unitsOverTarget === 0 ? 'none' : over, who, verb, ' over it'];
}

function periodParagraph(a: Analysis, lang: Lang): Paragraph {
  const zh = lang === 'zh';
  const x = a.totals;
  const when = period(spanWords(a.period, lang), 'period');
  const basis = a.targets?.basis === 'annual' ? 'annual' : 'prorated';
  return {
    runs: runs(
      zh ? '' : 'In ',
      when,
      partialClause(
        a.months,
        'months',
        lang,
        !comparable(a, a.months) && notComparedClause(x, 'totals', lang),
      ),
      zh ? '，共受理客户投诉' : ', ',
      count(x.complaints, 'totals.complaints'),
      zh ? '件' : ' customer complaints were received',
      comparable(a, a.months) &&
        comparisonClauses(x, 'totals', lang, showsPreceding(a.period), a.period.kind),
      x.ratePer10k !== null &&
        (zh
          ? ['，万户投诉率', fixed(x.ratePer10k, 'totals.ratePer10k')]
          : [', ', fixed(x.ratePer10k, 'totals.ratePer10k'), ' per ten thousand customers']),
      assessedClause(x, 'totals', lang, a),
      targetClause(x, 'totals', basis, lang),
      x.target !== null && unitsOverClause(x, 'totals', lang),
      zh ? '。' : '.',
    ),
  };
}

/** The year to date beside a month or a quarter, against the whole annual targets. */
function yearToDateParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const y = a.yearToDate;
  if (!y) return null;
  const zh = lang === 'zh';
  const x = y.totals;
  const path = 'yearToDate.totals';
  const when = period(spanWords(y.period, lang), 'yearToDate.period');
  const basis = y.targets?.basis === 'annual' ? 'annual' : 'prorated';
  // After "有指标的7个单位考核投诉129件…" the units are "them" (其中), not named a second time.
  const named = namesUnitsWithTarget(x);
  const reached =
    x.annualTarget !== null && x.unitsWithTarget > 0
      ? zh
        ? [
            named
              ? '；其中'
              : ['；', count(x.unitsWithTarget, `${path}.unitsWithTarget`), '个有指标的单位中，'],
            x.unitsReachedAnnualTarget === 0
              ? '尚无单位达到年度指标'
              : [
                  '已有',
                  count(x.unitsReachedAnnualTarget, `${path}.unitsReachedAnnualTarget`),
                  named ? '个单位达到或超过年度指标' : '个达到或超过年度指标',
                ],
          ]
        : named
          ? [
              '; ',
              x.unitsReachedAnnualTarget === 0
                ? 'none of them has reached its annual target'
                : [
                    count(x.unitsReachedAnnualTarget, `${path}.unitsReachedAnnualTarget`),
                    ' of them ',
                    x.unitsReachedAnnualTarget === 1 ? 'has reached its' : 'have reached their',
                    ' annual target',
                  ],
            ]
          : [
              '; of the ',
              count(x.unitsWithTarget, `${path}.unitsWithTarget`),
              ' units with a target, ',
              x.unitsReachedAnnualTarget === 0
                ? 'none has reached its annual target'
                : [
                    count(x.unitsReachedAnnualTarget, `${path}.unitsReachedAnnualTarget`),
                    x.unitsReachedAnnualTarget === 1 ? ' has reached its' : ' have reached their',
                    ' annual target',
                  ],
            ]
      : null;
  return {
    runs: runs(
      zh ? [when, '累计受理客户投诉'] : ['In ', when, ' as a whole, '],
      count(x.complaints, `${path}.complaints`),
      zh ? '件' : ' complaints were received',
      partialClause(
        y.months,
        'yearToDate.months',
        lang,
        !comparable(a, y.months) && notComparedClause(x, path, lang),
      ),
      comparable(a, y.months) && comparisonClauses(x, path, lang, false),
      assessedClause(x, path, lang, a),
      targetClause(x, path, basis, lang, true),
      reached,
      zh ? '。' : '.',
    ),
  };
}

/** Work orders of other business types, left out of every figure: said once, with the count. */
export function excludedParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const other = a.totals.workOrders - a.totals.complaints;
  if (other <= 0) return null;
  const zh = lang === 'zh';
  const orders = count(a.totals.workOrders, 'totals.workOrders');
  const rest = count(other, { minus: ['totals.workOrders', 'totals.complaints'] });
  return {
    runs: zh
      ? words`本期工单共${orders}件，其中故障报修、咨询等非投诉工单${rest}件未计入以上数字。`
      : words`Of the period's ${orders} work orders, ${rest} of other business types (faults, enquiries and so on) are not counted above.`,
  };
}

/**
 * The year to date, when the data has any month of it before the period's own: otherwise it
 * repeats the period's figures under another name.
 */
export function yearToDateOf(a: Analysis): YearToDate | null {
  const y = a.yearToDate;
  if (!y) return null;
  const own = new Set(a.months.map((m) => m.month));
  const before = y.months.filter((m) => !own.has(m.month));
  return before.some((m) => !(m.partial && m.through === null)) ? y : null;
}

/** "2016年1–10月无数据，不作累计分析。" where the data holds the period alone. */
function noYearToDateParagraph(a: Analysis, lang: Lang): Paragraph | null {
  if (!a.yearToDate || yearToDateOf(a)) return null;
  const own = new Set(a.months.map((m) => m.month));
  const before = a.yearToDate.months.filter((m) => !own.has(m.month));
  // January (or a first quarter): the year holds no month before the period, nothing is missing.
  if (before.length === 0) return null;
  const said = partialMonths(before, 'yearToDate.months', lang);
  return {
    runs: runs(
      said.flatMap((s, i) => (i === 0 ? [s] : [lang === 'zh' ? '，' : '; ', s])),
      lang === 'zh' ? '，不作累计分析。' : ': no year to date is given.',
    ),
  };
}

export function overallParagraphs(a: Analysis, lang: Lang): Paragraph[] {
  return [
    periodParagraph(a, lang),
    reductionParagraph(a, lang),
    yearToDateOf(a) ? yearToDateParagraph(a, lang) : noYearToDateParagraph(a, lang),
    excludedParagraph(a, lang),
  ].filter((p): p is Paragraph => p !== null);
}
