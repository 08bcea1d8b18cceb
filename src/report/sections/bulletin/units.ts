/**
 * 分单位情况: which units had the most assessed complaints, which are over their target (the
 * period's, when it is held against one; the annual target in the year to date beside a month or
 * a quarter), and which changed most on a year earlier — as counts, since a unit's base is small.
 * Then the units table(s) with the columns a bulletin prints, and the units chart.
 */
import type { Analysis, UnitRow, YearToDate } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import type { Paragraph, Table } from '../../types.js';
import { showsPreceding } from '../heading.js';
import { unitsSheet } from '../units.js';
import { count, rate, runs, type Piece } from './figures.js';
import { comparable } from './overall.js';

/** How many units the first sentence names. */
const NAMED_UNITS = 3;

/** Joins pieces as a list: A、B和C; A, B and C. */
export function list(items: readonly Piece[], lang: Lang): Piece {
  const zh = lang === 'zh';
  return items.map((item, i) =>
    i === 0 ? item : [i === items.length - 1 ? (zh ? '和' : ' and ') : zh ? '、' : ', ', item],
  );
}

const unitPath = (path: string, u: { unit: string }) => `${path}[${u.unit}]`;

/** "考核投诉较多的是A（3件）、B（2件）和C（2件）；D、E无考核投诉" */
function rankingParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const withAssessed = a.units.filter((u) => u.assessed > 0);
  if (withAssessed.length === 0) return null;
  const named = withAssessed.slice(0, NAMED_UNITS).map((u) => {
    const n = count(u.assessed, `${unitPath('units', u)}.assessed`);
    return zh ? [u.unit, '（', n, '件）'] : [u.unit, ' (', n, ')'];
  });
  const none = a.units.filter((u) => u.assessed === 0).map((u) => u.unit);
  const first = zh
    ? [
        withAssessed.length > 1 ? '分单位看，考核投诉较多的是' : '分单位看，考核投诉集中在',
        list(named, lang),
      ]
    : [
        withAssessed.length > 1
          ? 'By unit, the most assessed complaints were at '
          : 'By unit, all assessed complaints were at ',
        list(named, lang),
      ];
  const rest =
    none.length > 0 &&
    (zh ? ['；', list(none, lang), '无考核投诉'] : ['; ', list(none, lang), ' had none']);
  return { runs: runs(first, rest, zh ? '。' : '.') };
}

/** A unit over its target, with its figures: "A（考核投诉3件，指标2件，超50%）" */
function overFigures(u: UnitRow, path: string, annual: boolean, lang: Lang): Piece {
  const zh = lang === 'zh';
  const p = unitPath(path, u);
  const assessed = count(u.assessed, `${p}.assessed`);
  const target = count(u.target!, `${p}.target`);
  const over = u.overTargetRate !== null && u.overTargetRate > 0;
  const by = over ? rate(u.overTargetRate!, `${p}.overTargetRate`) : null;
  return zh
    ? [
        u.unit,
        '（考核投诉',
        assessed,
        '件，',
        annual ? '年度指标' : '指标',
        target,
        '件',
        by ? ['，超', by] : '',
        '）',
      ]
    : [
        u.unit,
        ' (',
        assessed,
        ' assessed against ',
        annual ? 'an annual target' : 'a target',
        ' of ',
        target,
        by ? [', ', by, ' over'] : '',
        ')',
      ];
}

/** The units over the period's own target (a quarter, a year), or "none". */
function overTargetParagraph(a: Analysis, lang: Lang): Paragraph | null {
  if (!a.targets || a.targets.basis === 'none' || a.totals.unitsWithTarget === 0) return null;
  const zh = lang === 'zh';
  const annual = a.targets.basis === 'annual';
  const over = a.units.filter((u) => u.overTarget === true);
  if (over.length === 0)
    return { runs: runs(zh ? '各单位考核投诉均未超过指标。' : 'No unit is over its target.') };
  const n = count(a.totals.unitsOverTarget, 'totals.unitsOverTarget');
  const items = over.map((u) => overFigures(u, 'units', annual, lang));
  return {
    runs: runs(
      zh
        ? ['超指标单位', n, '个：']
        : [n, over.length === 1 ? ' unit is' : ' units are', ' over target: '],
      list(items, lang),
      zh ? '。' : '.',
    ),
  };
}

/** The units whose year to date has reached the whole annual target. */
function reachedParagraph(y: YearToDate | null, lang: Lang): Paragraph | null {
  if (!y || y.totals.annualTarget === null) return null;
  const zh = lang === 'zh';
  const reached = y.units.filter((u) => u.reachedAnnualTarget === true);
  if (reached.length === 0) return null;
  const items = reached.map((u) => {
    const p = unitPath('yearToDate.units', u);
    const assessed = count(u.assessed, `${p}.assessed`);
    const target = count(u.annualTarget!, `${p}.annualTarget`);
    return zh
      ? [u.unit, '（', assessed, '件/', target, '件）']
      : [u.unit, ' (', assessed, ' of ', target, ')'];
  });
  const n = count(y.totals.unitsReachedAnnualTarget, 'yearToDate.totals.unitsReachedAnnualTarget');
  return {
    runs: runs(
      zh
        ? ['累计考核投诉已达到或超过年度指标的单位有', n, '个（累计考核投诉/年度指标）：']
        : [
            n,
            reached.length === 1 ? ' unit has' : ' units have',
            ' reached the annual target in the year to date (assessed of target): ',
          ],
      list(items, lang),
      zh ? '。' : '.',
    ),
  };
}

/** The units whose complaints rose and fell most on a year earlier, ties named together. */
function changedMostParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const compared = a.units.filter((u) => u.previous !== null);
  if (compared.length === 0 || !comparable(a, a.months)) return null;
  const diff = (u: UnitRow) => u.complaints - u.previous!;
  const extreme = (up: boolean): Piece => {
    const moved = compared.filter((u) => (up ? diff(u) > 0 : diff(u) < 0));
    if (moved.length === 0) return null;
    const most = Math.max(...moved.map((u) => Math.abs(diff(u))));
    const units = moved.filter((u) => Math.abs(diff(u)) === most);
    const p = unitPath('units', units[0]!);
    const by = count(most, {
      minus: up ? [`${p}.complaints`, `${p}.previous`] : [`${p}.previous`, `${p}.complaints`],
    });
    const names = list(
      units.map((u) => u.unit),
      lang,
    );
    return zh
      ? [
          up ? '同比增加最多的是' : '同比减少最多的是',
          names,
          '（',
          up ? '增加' : '减少',
          by,
          '件）',
        ]
      : [
          `The largest ${up ? 'rise' : 'fall'} on a year earlier was at `,
          names,
          ' (',
          up ? 'up ' : 'down ',
          by,
          ')',
        ];
  };
  const up = extreme(true);
  const down = extreme(false);
  if (!up && !down)
    return {
      runs: runs(
        zh
          ? '各单位投诉均与上年同期持平。'
          : 'Every unit had as many complaints as a year earlier.',
      ),
    };
  const sep = up && down ? (zh ? '；' : '. ') : '';
  return { runs: runs(up, sep, down, zh ? '。' : '.') };
}

const PERIOD_KEYS = [
  'rank',
  'unit',
  'complaints',
  'assessed',
  'target',
  'overTargetRate',
  'share',
  'yoy',
  'mom',
];
const YEAR_KEYS = [
  'rank',
  'unit',
  'complaints',
  'assessed',
  'annualTarget',
  'overTargetRate',
  'reachedAnnualTarget',
  'yoy',
];

/** The workbook's units tables with the columns a bulletin prints on A4 portrait. */
function bulletinTables(a: Analysis, lang: Lang): Table[] {
  const [period, year] = unitsSheet(a, lang).tables;
  const keep = (t: Table, keys: readonly string[]): Table => ({
    ...t,
    columns: keys.flatMap((k) => t.columns.filter((c) => c.key === k)),
  });
  const periodKeys = showsPreceding(a.period)
    ? PERIOD_KEYS
    : PERIOD_KEYS.filter((k) => k !== 'mom');
  return [keep(period!, periodKeys), ...(year ? [keep(year, YEAR_KEYS)] : [])];
}

export function unitsSection(a: Analysis, lang: Lang) {
  if (a.units.length === 0) return null;
  const paragraphs = [
    rankingParagraph(a, lang),
    overTargetParagraph(a, lang),
    reachedParagraph(a.yearToDate, lang),
    changedMostParagraph(a, lang),
  ].filter((p): p is Paragraph => p !== null);
  return { paragraphs, tables: bulletinTables(a, lang), charts: ['units' as const] };
}
