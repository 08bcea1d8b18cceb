/**
 * 分单位情况: which units had the most assessed complaints, which are over their target (the
 * period's, when it is held against one; the annual target in the year to date beside a month or
 * a quarter), and which changed most on a year earlier — as counts, since a unit's base is small.
 * Then the units table(s) with the columns a bulletin prints, and the units chart.
 */
import type { Analysis, UnitRow, YearToDate } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import { PARTIAL_NOT_HELD } from '../../labels.js';
import type { Paragraph, Table } from '../../types.js';
import { showsPreceding } from '../heading.js';
import { unitsSheet } from '../units.js';
import { count, rate, runs, topGroups, type Piece } from './figures.js';
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

/**
 * Names sharing one figure: "A（3件）", "A、B和C（各2件）"; "A (3)", "A, B and C (2 each)".
 */
export function groupWords(names: readonly Piece[], n: Piece, lang: Lang): Piece {
  const zh = lang === 'zh';
  // Inside a group the names are only listed: 和 joins the groups (A（3件）和B、C（各2件）).
  const all = zh ? names.flatMap((n, i) => (i === 0 ? [n] : ['、', n])) : list(names, lang);
  if (names.length === 1) return zh ? [all, '（', n, '件）'] : [all, ' (', n, ')'];
  return zh ? [all, '（各', n, '件）'] : [all, ' (', n, ' each)'];
}

/** "考核投诉较多的是A（3件）、B和C（各2件）；D、E无考核投诉" — whole ties only. */
function rankingParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const withAssessed = a.units.filter((u) => u.assessed > 0);
  if (withAssessed.length === 0) return null;
  const groups = topGroups(withAssessed, (u) => u.assessed, NAMED_UNITS);
  const named = groups.map((g) =>
    groupWords(
      g.map((u) => u.unit),
      count(g[0]!.assessed, `${unitPath('units', g[0]!)}.assessed`),
      lang,
    ),
  );
  const all = groups.length === 1 && groups[0]!.length === withAssessed.length;
  // The units left out of the list, when they all had as many: "其余单位各1件".
  const rest = withAssessed.filter((u) => !groups.some((g) => g.includes(u)));
  const others =
    rest.length > 0 &&
    rest.every((u) => u.assessed === rest[0]!.assessed) &&
    (zh
      ? ['，其余单位各', count(rest[0]!.assessed, `${unitPath('units', rest[0]!)}.assessed`), '件']
      : [
          '; the other units had ',
          count(rest[0]!.assessed, `${unitPath('units', rest[0]!)}.assessed`),
          ' each',
        ]);
  const none = a.units.filter((u) => u.assessed === 0).map((u) => u.unit);
  const first = zh
    ? [all ? '分单位看，考核投诉均在' : '分单位看，考核投诉较多的是', list(named, lang)]
    : [
        all
          ? 'By unit, the assessed complaints were all at '
          : 'By unit, the most assessed complaints were at ',
        list(named, lang),
      ];
  const nothing =
    none.length > 0 &&
    (zh ? ['；', list(none, lang), '无考核投诉'] : ['; ', list(none, lang), ' had none']);
  return { runs: runs(first, others, nothing, zh ? '。' : '.') };
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
        annual ? '年度指标' : '折算指标',
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
        annual ? 'an annual target' : 'a prorated target',
        ' of ',
        target,
        by ? [', ', by, ' over'] : '',
        ')',
      ];
}

/** The units over the period's own target (a quarter, a year), or "none". */
function overTargetParagraph(a: Analysis, lang: Lang): Paragraph | null {
  // A partial period is not held against the targets (targets-not-held): say so, not "none over".
  const notHeld = a.notes.some(
    (n) => n.code === 'targets-not-held' || n.code === 'targets-partial',
  );
  if (a.targets && notHeld && !a.days) return { runs: runs(PARTIAL_NOT_HELD[lang]) };
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
      zh ? ['超指标单位', n, '个：'] : ['Units over target (', n, '): '],
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
    // Said in words: "33件/28件" read as a fraction.
    return zh
      ? [u.unit, '（累计', assessed, '件，年度指标', target, '件）']
      : [u.unit, ' (', assessed, ' assessed, annual target ', target, ')'];
  });
  const n = count(y.totals.unitsReachedAnnualTarget, 'yearToDate.totals.unitsReachedAnnualTarget');
  return {
    runs: runs(
      zh
        ? ['累计考核投诉已达到或超过年度指标的单位有', n, '个：']
        : ['Units at or over the annual target in the year to date (', n, '): '],
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
    const each = units.length > 1;
    if (!zh)
      return moved.length === 1
        ? [
            'Only ',
            names,
            ` had ${up ? 'more' : 'fewer'} complaints than a year earlier (`,
            up ? 'up ' : 'down ',
            by,
            ')',
          ]
        : [
            `The largest ${up ? 'rise' : 'fall'} in complaints on a year earlier was at `,
            names,
            ' (',
            up ? 'up ' : 'down ',
            by,
            each ? ' each' : '',
            ')',
          ];
    // One unit alone moving that way is "the only one", not "the most".
    const lead =
      moved.length === 1
        ? up
          ? '投诉同比增加的仅有'
          : '投诉同比减少的仅有'
        : up
          ? '投诉同比增加最多的是'
          : '投诉同比减少最多的是';
    return [lead, names, each ? '（均' : '（', up ? '增加' : '减少', by, '件）'];
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
  'target',
  'overTargetRate',
  'reachedAnnualTarget',
  'yoy',
];
/** Columns that compare with another period: left out where the period cannot be compared. */
const COMPARING = new Set(['previous', 'yoy', 'preceding', 'mom']);

/**
 * Below this many complaints in the period compared with, a unit's change in percent says more
 * about the base than the change (1 → 3 reads +200%): the table then prints the base (上年同期投诉
 * before 同比, 上期投诉 before 环比) beside it.
 */
export const SMALL_BASE = 10;

type Compared = Pick<UnitRow, 'previous' | 'yoy' | 'preceding' | 'mom'>;
const BASES = [
  { change: 'yoy', base: 'previous' },
  { change: 'mom', base: 'preceding' },
] as const;

/** The most columns a bulletin's table holds on A4 portrait with English headings unbroken. */
const MOST_COLUMNS = 9;

/**
 * The keys with each change's base before it where some unit's change stands on a small base,
 * 同比's first, while the table has room (a quarter held against targets has none: its text
 * gives the units' changes as counts).
 */
function withSmallBases(
  keys: readonly string[],
  units: readonly Compared[],
  present: (key: string) => boolean,
): string[] {
  let room = MOST_COLUMNS - keys.length;
  const shown = BASES.filter(
    (b) =>
      keys.includes(b.change) &&
      present(b.base) &&
      units.some((u) => u[b.change] !== null && u[b.base] !== null && u[b.base]! < SMALL_BASE) &&
      room-- > 0,
  );
  return keys.flatMap((k) => {
    const b = shown.find((x) => x.change === k);
    return b ? [b.base, k] : [k];
  });
}

/**
 * The workbook's units tables with the columns a bulletin prints on A4 portrait: no 环比 where
 * the report shows none, no comparison at all for an incomplete period (the text makes none),
 * the year to date's prorated target beside the annual one when --prorate rates against it
 * (without --prorate its target column is the annual target, headed so), and a change's base
 * beside it where it is small.
 */
function bulletinTables(a: Analysis, y: YearToDate | null, lang: Lang): Table[] {
  const [period, year] = unitsSheet(a, lang).tables;
  // No unit at its annual target: the column would be blank all down, read as data missing
  // (the overview says "尚无单位达到年度指标").
  const reached = y?.units.some((u) => u.reachedAnnualTarget === true) === true;
  const keep = (t: Table, keys: readonly string[], compared: boolean, units: Compared[]) => {
    const present = (k: string) => t.columns.some((c) => c.key === k);
    const kept = keys
      .filter((k) => compared || !COMPARING.has(k))
      .filter((k) => reached || k !== 'reachedAnnualTarget')
      .filter(present);
    const columns = withSmallBases(kept, units, present);
    return { ...t, columns: columns.flatMap((k) => t.columns.filter((c) => c.key === k)) };
  };
  const periodKeys = showsPreceding(a.period)
    ? PERIOD_KEYS
    : PERIOD_KEYS.filter((k) => k !== 'mom');
  return [
    keep(period!, periodKeys, comparable(a, a.months), a.units),
    ...(year && y ? [keep(year, YEAR_KEYS, comparable(a, y.months), y.units)] : []),
  ];
}

export function unitsSection(a: Analysis, lang: Lang) {
  if (a.units.length === 0) return null;
  const paragraphs = [
    rankingParagraph(a, lang),
    overTargetParagraph(a, lang),
    reachedParagraph(a.yearToDate, lang),
    changedMostParagraph(a, lang),
  ].filter((p): p is Paragraph => p !== null);
  return { paragraphs, tables: bulletinTables(a, a.yearToDate, lang), charts: ['units' as const] };
}
