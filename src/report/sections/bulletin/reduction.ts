/**
 * 月均下降率 in 总体情况, for a period of more than one month: both rates, with the months they
 * run over (trend.avgMonthlyReduction.from/to: partial or uncovered months at either end narrow
 * it), or why there is none. A positive rate is a fall; a negative one is said as a rise. A
 * period of half a year or more also gets its months as a table (月份, 投诉, 考核投诉, 环比, 同比).
 */
import type { Analysis } from '../../../metrics/types.js';
import { BOOK } from '../../labels.js';
import type { Lang } from '../../../settings/types.js';
import { spanWords } from '../../labels.js';
import type { Column, Paragraph, Table } from '../../types.js';
import { period, rate, runs, type Piece } from './figures.js';

const PATH = 'trend.avgMonthlyReduction';

/** "下降2.35%" / "上升1.2%" / "持平" after 月均. */
function way(value: number, path: string, lang: Lang): Piece {
  const zh = lang === 'zh';
  if (value === 0) return zh ? '持平' : 'unchanged';
  const figure = rate(value, path);
  return zh
    ? [value > 0 ? '下降' : '上升', figure]
    : [value > 0 ? 'fell by ' : 'rose by ', figure, ' a month'];
}

/**
 * The months of the rates in words: "2016年", "2016年4–12月"; a calendar quarter by its months
 * ("2016年10–12月", "October–December 2016"): its number is no month of the span.
 */
function monthsWords(from: string, to: string, lang: Lang): string {
  const said = spanWords({ from, to }, lang);
  if (!/Q\d|季度/.test(said)) return said;
  const first = spanWords({ from, to: from }, lang);
  const last = spanWords({ from: to, to }, lang);
  return lang === 'zh'
    ? `${first.slice(0, -1)}–${Number(to.slice(5))}月`
    : `${first.replace(/ \d+$/, '')}–${last}`;
}

export function reductionParagraph(a: Analysis, lang: Lang): Paragraph | null {
  if (a.period.months <= 1 || a.days) return null;
  const zh = lang === 'zh';
  const r = a.trend.avgMonthlyReduction;
  const { from, to } = r;
  const source = PATH;
  if (from === null || to === null || from === to || r.arithmetic === null) {
    const why =
      from === null
        ? zh
          ? '没有数据完整的月份'
          : 'no month has complete data'
        : from !== to
          ? zh
            ? '没有相邻两月数据均完整'
            : 'no two neighbouring months have complete data'
          : zh
            ? ['数据完整的月份只有', period(spanWords({ from, to: from }, lang), source)]
            : ['only ', period(spanWords({ from, to: from }, lang), source), ' has complete data'];
    return {
      runs: runs(
        zh ? ['月均下降率无法计算：', why, '。'] : ['No average monthly reduction: ', why, '.'],
      ),
    };
  }
  const span = period(monthsWords(from, to, lang), source);
  const compound =
    r.compound === null
      ? zh
        ? '；首月投诉为0件，不计复合下降率'
        : '; none compounded, the first month having no complaints'
      : zh
        ? ['；按首末两月复合计算，月均', way(r.compound, `${PATH}.compound`, lang)]
        : [
            '; compounded from the first month to the last, they ',
            way(r.compound, `${PATH}.compound`, lang),
          ];
  return {
    runs: runs(
      zh
        ? [
            '月均下降率：按各月环比的算术平均，',
            span,
            '投诉月均',
            way(r.arithmetic, `${PATH}.arithmetic`, lang),
          ]
        : [
            'Average monthly reduction: as the mean of the monthly changes, over ',
            span,
            ', complaints ',
            way(r.arithmetic, `${PATH}.arithmetic`, lang),
          ],
      compound,
      zh ? '。' : '.',
    ),
  };
}

/** From this many months up the bulletin shows the period's months as a table. */
const MONTH_TABLE_FROM = 6;

const MONTH_COLUMNS: readonly Column[] = [
  { key: 'month', label: 'month', format: 'text' },
  { key: 'complaints', label: 'complaints', format: 'int' },
  { key: 'assessed', label: 'assessed', format: 'int' },
  { key: 'mom', label: 'mom', format: 'change' },
  { key: 'yoy', label: 'yoy', format: 'change' },
];

/** The months of a period of half a year or more (the 月度趋势 sheet says more of each). */
export function monthsTable(a: Analysis, lang: Lang): Table | null {
  if (a.period.months < MONTH_TABLE_FROM || a.days) return null;
  return {
    caption: lang === 'zh' ? '各月投诉情况' : 'Complaints by month',
    columns: MONTH_COLUMNS,
    // A month no input covers shows "-", not 0 complaints; one covered in part is marked *.
    rows: a.months.map((m) => ({
      // In words, as the text says months: 2016年1月, January 2016 (never 2016-01).
      month: `${spanWords({ from: m.month, to: m.month }, lang)}${m.partial ? '*' : ''}`,
      complaints: m.partial && m.through === null ? null : m.complaints,
      assessed: m.partial && m.through === null ? null : m.assessed,
      mom: m.mom,
      yoy: m.yoy,
    })),
    totals: {
      month: BOOK[lang].total,
      complaints: a.totals.complaints,
      assessed: a.totals.assessed,
      mom: null,
      yoy: a.totals.yoy,
    },
  };
}
