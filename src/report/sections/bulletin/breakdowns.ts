/**
 * 分项情况 (--by): each breakdown in words and a table. One dimension: the largest groups with
 * their counts, shares and, when the period compares, their change on a year earlier ("按受理渠道分，
 * 95598电话（12件，占60%，同比增加3件）；网站（5件……）"), then the groups' table. Two dimensions: the
 * fullest cells of the matrix ("国网歙县供电公司的营业投诉（5件）……"), then the matrix of complaints.
 * Every number a Figure whose path is the group's place in `breakdowns[]` of the JSON.
 */
import { BLANK_VALUE, type Breakdown, type BreakdownGroup } from '../../../metrics/breakdown.js';
import type { Analysis } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import { BREAKDOWN } from '../../labels.js';
import type { ChartName, Paragraph, Table } from '../../types.js';
import { BLANK_WORDS, breakdownTables, dimensionWord } from '../breakdowns.js';
import { changeWords, comparable } from './overall.js';
import { changeOf, count, name, rate, runs, topGroups, type Piece } from './figures.js';
import { groupWords, list } from './units.js';

/** The levels as the bulletin's English says them elsewhere (categories.ts), without digits. */
const LEVELS_EN: Record<string, string> = {
  level1: 'first-level class',
  level2: 'second-level class',
  level3: 'third-level class',
};

const said = (dimension: string, lang: Lang) =>
  (lang === 'en' ? LEVELS_EN[dimension] : undefined) ?? dimensionWord(dimension, lang);

/** How many groups (or cells of a matrix) the text names; whole ties may add a few. */
const NAMED_GROUPS = 5;

const keyIn = (g: BreakdownGroup, lang: Lang, d: number) => (lang === 'zh' ? g.key : g.keyEn)[d]!;

/**
 * A group as the text names it: its value, a figure of the JSON (a value may hold digits: 12398),
 * or for blank cells the table's word with its dimension: "未填受理渠道", "channel not given".
 */
function nameOf(g: BreakdownGroup, b: Breakdown, path: string, lang: Lang, d = 0): Piece {
  if (g.key[d] === BLANK_VALUE) {
    const dimension = said(b.by[d]!, lang);
    return lang === 'zh' ? `${BLANK_WORDS.zh}${dimension}` : `${dimension} ${BLANK_WORDS.en}`;
  }
  return name(keyIn(g, lang, d), `${path}.${lang === 'zh' ? 'key' : 'keyEn'}.${d}`);
}

/** "95598电话（12件，占60%，同比增加3件）"; "phone: 12 (60%, up 3 on a year earlier)". */
function groupPiece(
  g: BreakdownGroup,
  b: Breakdown,
  path: string,
  compared: boolean,
  lang: Lang,
): Piece {
  const zh = lang === 'zh';
  const n = count(g.complaints, `${path}.complaints`);
  const share = g.share === null ? null : rate(g.share, `${path}.share`);
  const c = compared
    ? changeOf(g.complaints, g.previous, g.yoy, {
        now: `${path}.complaints`,
        base: `${path}.previous`,
        rate: `${path}.yoy`,
      })
    : null;
  const change = c && changeWords(c, lang);
  // The figures in brackets: a value may end in digits (12398) that a count would run into.
  if (zh)
    return [
      nameOf(g, b, path, lang),
      '（',
      n,
      '件',
      share && ['，占', share],
      change && ['，同比', change],
      '）',
    ];
  const inside = [share, share && change ? ', ' : '', change && [change, ' on a year earlier']];
  return [nameOf(g, b, path, lang), ': ', n, share || change ? [' (', inside, ')'] : ''];
}

function groupsParagraph(b: Breakdown, path: string, compared: boolean, lang: Lang): Paragraph {
  const zh = lang === 'zh';
  const withSome = b.groups.filter((g) => g.complaints > 0);
  const named = topGroups(withSome, (g) => g.complaints, NAMED_GROUPS).flat();
  const items = named.map((g) =>
    groupPiece(g, b, `${path}.groups.${b.groups.indexOf(g)}`, compared, lang),
  );
  const more = named.length < withSome.length;
  const dimension = said(b.by[0]!, lang);
  return {
    runs: runs(
      zh ? ['按', dimension, '分，'] : ['By ', dimension, ' — '],
      items.flatMap((x, i) => (i === 0 ? [x] : [zh ? '；' : '; ', x])),
      more && (zh ? '等' : '; and others'),
      zh ? '。' : '.',
    ),
  };
}

/** "投诉最集中的是国网歙县供电公司的营业投诉（5件）、……" — the fullest cells, whole ties. */
function matrixParagraph(b: Breakdown, path: string, lang: Lang): Paragraph {
  const zh = lang === 'zh';
  const withSome = b.groups.filter((g) => g.complaints > 0);
  const groups = topGroups(withSome, (g) => g.complaints, NAMED_GROUPS);
  const cell = (g: BreakdownGroup): Piece => {
    const at = `${path}.groups.${b.groups.indexOf(g)}`;
    return [nameOf(g, b, at, lang, 0), zh ? '的' : ', ', nameOf(g, b, at, lang, 1)];
  };
  const items = groups.map((gs) =>
    groupWords(
      gs.map(cell),
      count(gs[0]!.complaints, `${path}.groups.${b.groups.indexOf(gs[0]!)}.complaints`),
      lang,
    ),
  );
  const first = said(b.by[0]!, lang);
  const second = said(b.by[1]!, lang);
  return {
    runs: runs(
      zh
        ? ['按', first, '和', second, '交叉看，投诉最集中的是']
        : ['By ', first, ' and ', second, ', complaints were most concentrated in '],
      zh ? list(items, lang) : items.flatMap((x, i) => (i === 0 ? [x] : ['; ', x])),
      zh ? '。' : '.',
    ),
  };
}

/** A breakdown's table as the bulletin prints it: fewer columns than the workbook's. */
function bulletinTable(b: Breakdown, compared: boolean, lang: Lang): Table {
  const [table] = breakdownTables(b, lang) as [Table];
  const caption = BREAKDOWN[lang].title(b.by.map((d) => said(d, lang)));
  if (b.by.length === 2) return { ...table, caption };
  const keys = compared
    ? ['key', 'complaints', 'share', 'previous', 'yoy']
    : ['key', 'complaints', 'share'];
  return {
    ...table,
    caption,
    columns: keys.flatMap((k) => table.columns.filter((c) => c.key === k)),
  };
}

export function breakdownsSection(a: Analysis, lang: Lang) {
  const shown = a.breakdowns
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.groups.some((g) => g.complaints > 0));
  if (shown.length === 0) return null;
  // An incomplete period is not compared, in the text nor in the tables (overall.ts).
  const compared = comparable(a, a.months);
  return {
    paragraphs: shown.map(({ b, i }) =>
      b.by.length === 1
        ? groupsParagraph(b, `breakdowns.${i}`, compared, lang)
        : matrixParagraph(b, `breakdowns.${i}`, lang),
    ),
    tables: shown.map(({ b }) => bulletinTable(b, compared, lang)),
    charts: shown.map(({ i }): ChartName => `breakdown-${i}`),
  };
}
