/**
 * The bulletin of a day (日通报), a week or a range of days: the overall paragraph in days —
 * the day against the day before, the same day a year earlier and the same weekday's average of
 * the four weeks before; the week against the week before and the same ISO week a year earlier —
 * and a section with the day's complaints one per line (or the week's days) as a table. Months
 * stay the unit of the targets: a day or a week is not held against them, and says so.
 */
import type { Analysis, DayRow } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import { spanWords, weekdayName } from '../../labels.js';
import type { Paragraph, Table } from '../../types.js';
import { dayListTable, daysTerminalTable } from '../days.js';
import { average, count, MIN_RATE_BASE, period, rate, runs, type Piece } from './figures.js';
import { assessedClause, comparisonClauses, excludedParagraph } from './overall.js';
import { list } from './units.js';

/** "，前四周同日均值3.25件，当日高于均值" — a rate only on a base of MIN_RATE_BASE or more. */
function baselineClause(d: DayRow, lang: Lang): Piece {
  if (d.baseline === null || d.partial) return null;
  const zh = lang === 'zh';
  const path = `days[${d.day}]`;
  const mean = average(d.baseline, `${path}.baseline`);
  const weeks = count(d.baselineWeeks, `${path}.baselineWeeks`);
  // The exports may start within the four weeks: "over the 1 week before", never "1 weeks".
  const weeksBefore = d.baselineWeeks === 1 ? ' week before' : ' weeks before';
  const sign = Math.sign(d.complaints - d.baseline);
  const byRate = d.baseline >= MIN_RATE_BASE && d.vsBaseline !== null;
  const how: Piece = byRate
    ? zh
      ? [sign > 0 ? '上升' : '下降', rate(d.vsBaseline!, `${path}.vsBaseline`)]
      : [sign > 0 ? 'up ' : 'down ', rate(d.vsBaseline!, `${path}.vsBaseline`)]
    : zh
      ? sign > 0
        ? '高于均值'
        : sign < 0
          ? '低于均值'
          : '与均值持平'
      : sign > 0
        ? 'above it'
        : sign < 0
          ? 'below it'
          : 'level with it';
  if (byRate)
    return zh
      ? ['，较前', weeks, '周同日均值（', mean, '件）', sign === 0 ? '持平' : how]
      : [
          '; ',
          sign === 0 ? 'level with' : how,
          ' on the same weekday’s average over the ',
          weeks,
          weeksBefore,
          ' (',
          mean,
          ')',
        ];
  return zh
    ? ['，前', weeks, '周同日均值', mean, '件，当日', how]
    : [
        '; the same weekday averaged ',
        mean,
        ' over the ',
        weeks,
        weeksBefore,
        ', and the day was ',
        how,
      ];
}

/** The period in days: 2016年6月30日（星期四）, 2016年第25周（6月20日至26日）. */
function when(a: Analysis, lang: Lang): Piece {
  const words = period(spanWords(a.period, lang), 'period');
  const days = a.days ?? [];
  if (days.length !== 1) return words;
  const w = weekdayName(days[0]!.weekday, lang);
  return lang === 'zh' ? [words, `（${w}）`] : [w, ' ', words];
}

/**
 * A day or week some units' exports do not cover, in a sentence of its own: after the day's
 * "（星期四）" or the week's "（6月20日至26日）" a second bracket read as a slip. The units are
 * named, every one: a reader must know whose figures are too low.
 */
function partialWords(a: Analysis, lang: Lang): Piece {
  const days = a.days ?? [];
  if (!days.some((d) => d.partial)) return null;
  const zh = lang === 'zh';
  const units = a.notes.find((n) => n.code === 'days-partial')?.units ?? [];
  const whose: Piece =
    units.length === 0
      ? zh
        ? '部分单位的导出'
        : 'Some units’ exports'
      : zh
        ? [list(units, lang), '的导出']
        : ['The exports of ', list(units, lang)];
  const one = days.length === 1;
  return zh
    ? [whose, `未覆盖${one ? '当日' : '全部日期'}，数据不完整，相关数字偏低，不作比较。`]
    : [
        ' ',
        whose,
        ` do not cover ${one ? 'the day' : 'every day'}, so the figures are incomplete and too low, and not compared.`,
      ];
}

/** The overall paragraph of a day, a week or a range of days. */
export function dayParagraph(a: Analysis, lang: Lang): Paragraph {
  const zh = lang === 'zh';
  const x = a.totals;
  const days = a.days ?? [];
  const comparable = a.settings.includePartial || !days.some((d) => d.partial);
  return {
    runs: runs(
      zh ? '' : days.length === 1 ? 'On ' : 'In ',
      when(a, lang),
      zh ? '，共受理客户投诉' : ', ',
      count(x.complaints, 'totals.complaints'),
      zh ? '件' : ' customer complaints were received',
      comparable && comparisonClauses(x, 'totals', lang, true, a.period.kind),
      days.length === 1 && baselineClause(days[0]!, lang),
      assessedClause(x, 'totals', lang, a),
      zh ? '。' : '.',
      partialWords(a, lang),
    ),
  };
}

export function dayOverallParagraphs(a: Analysis, lang: Lang): Paragraph[] {
  return [dayParagraph(a, lang), excludedParagraph(a, lang)].filter(
    (p): p is Paragraph => p !== null,
  );
}

/**
 * 当日投诉明细: the day's complaints as a table, introduced by their number; a week's or a
 * range's days as a table. Null for months.
 */
export function daySection(
  a: Analysis,
  lang: Lang,
): { paragraphs: Paragraph[]; tables: Table[]; charts: [] } | null {
  const zh = lang === 'zh';
  if (a.dayComplaints) {
    const n = a.dayComplaints.length;
    const total = count(n, 'totals.complaints');
    const paragraph = runs(
      n === 0
        ? zh
          ? '当日无客户投诉。'
          : 'No complaint was received that day.'
        : zh
          ? ['当日', total, '件投诉逐件列于下表（受理内容为摘要，电话、户号和客户姓名已遮盖）。']
          : [
              'The ',
              total,
              ' complaints of the day are listed below (texts cut short, phone and customer numbers and customer names masked).',
            ],
    );
    const table = {
      ...dayListTable(a.dayComplaints, lang),
      caption: zh ? '当日投诉明细' : 'the day’s complaints',
    };
    return { paragraphs: [{ runs: paragraph }], tables: n > 0 ? [table] : [], charts: [] };
  }
  if (!a.days || a.days.length < 2) return null;
  const paragraph = zh
    ? ['各日投诉见下表，', '对比前四周同一星期几的平均数。']
    : [
        'The days are in the table below, each against the same weekday’s average of the four weeks before.',
      ];
  const table = {
    ...daysTerminalTable(a, lang),
    caption: zh ? '每日投诉情况' : 'complaints by day',
  };
  return { paragraphs: [{ runs: runs(...paragraph) }], tables: [table], charts: [] };
}
