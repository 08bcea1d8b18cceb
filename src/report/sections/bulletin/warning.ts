/**
 * The early warning in the bulletin's 需关注事项: the units at red and yellow, the most serious
 * first, with what put them there ("2016年11月预警情况：红色预警为A（已达年度指标、本期投诉异常增多）、
 * B、C（均为…）；黄色预警为D（…）。"), or that none is; the checks it could not make; where the figures
 * are — the workbook's 预警 sheet when the bulletin is written into the workbook, else the
 * workbook of the period (in Chinese: a manager reads the bulletin and runs no command, so it
 * names none) or, in English, `complaints warn`. A report whose period has no month covered
 * whole judges no warning, and says so (a month covered in part would read as a fall); a day or a
 * week is judged on itself, up to its last day, as `warn --day`/`--week` judges it, and said so
 * (2016年第48周（11月28日至12月4日）预警情况); a range of days is judged on none.
 */
import type { Lang } from '../../../settings/types.js';
import type { EarlyWarning, UnitWarning, WarnGap } from '../../../metrics/warn/warnings.js';
import type { Level } from '../../../metrics/warn/levels.js';
import type { Paragraph } from '../../types.js';
import { inDays } from '../../../metrics/sections/period.js';
import { judgedWords, reasonWords } from '../warnings.js';
import { period, runs } from './figures.js';

/** What the bulletin knows of the run's early warning. */
export interface BulletinWarning {
  /** The warning judged; null when none was (see leftOut). */
  warnings: EarlyWarning | null;
  /**
   * Why the report judged no warning: no month of its period is covered whole ('months'), or the
   * period is a range of days ('range'). A day or a week is judged on itself, as `warn` judges it.
   */
  leftOut?: 'months' | 'range' | null;
  /** The bulletin is written into the workbook, beside its 预警 sheet. */
  workbook?: boolean;
}

/**
 * Notes that are no check left unmade, or that the bulletin says in its own words (a targets file
 * that does not line up with the data: 需关注事项's data notes): the 预警 sheet's and `warn`'s to say.
 */
type NotSaid =
  | 'no-targets'
  | 'events-partial'
  | 'units-without-target'
  | 'targets-without-data'
  | 'units-renamed';
const NOT_SAID: readonly WarnGap['code'][] = [
  'no-targets',
  'events-partial',
  'units-without-target',
  'targets-without-data',
  'units-renamed',
] satisfies NotSaid[];

/** A check not made, in a few words without figures (the gap's file names may hold digits). */
const GAP_WORDS: Record<Exclude<WarnGap['code'], NotSaid>, Record<Lang, string>> = {
  'no-spike': { zh: '投诉异常增多', en: 'spikes' },
  'no-repeat': { zh: '重复投诉', en: 'repeat complaints' },
  'no-escalation': { zh: '越级投诉', en: 'escalation' },
  'no-overdue': { zh: '工单超时', en: 'work orders past the limit' },
  'no-reply': { zh: '回复超时', en: 'late replies' },
  'no-events': { zh: '同一地点集中投诉', en: 'events' },
};

/**
 * The checks not made, in words. Without targets the bulletin holds no unit against any (it says
 * no 指标 at all): that gap is the 预警 sheet's and `warn`'s to say.
 */
function gapWords(gaps: readonly WarnGap[], lang: Lang): string {
  const zh = lang === 'zh';
  const words = gaps
    .filter((g) => !NOT_SAID.includes(g.code))
    .map((g) => {
      const w = GAP_WORDS[g.code as Exclude<WarnGap['code'], NotSaid>][lang];
      return g.files ? (zh ? `部分输入的${w}` : `${w} for some inputs`) : w;
    });
  if (words.length === 0) return '';
  return zh
    ? `未能判断${words.join('、')}（缺少相应的列或数据）。`
    : ` Not judged: ${words.join(', ')} (the columns or data are missing).`;
}

/** How far a unit's assessed complaints are past its annual target (0 without a target). */
function overTarget(u: UnitWarning): number {
  const t = u.reasons.find((r) => r.indicator === 'target');
  return t && t.indicator === 'target' && t.annualTarget > 0 ? t.assessed / t.annualTarget : 0;
}

/**
 * The units of one level, the most serious first, as a manager reads a list: more reasons at
 * that level, then further past the annual target, then by name in Chinese order (拼音), not by
 * character code.
 */
function bySeriousness(units: readonly UnitWarning[], level: Level): UnitWarning[] {
  const atLevel = (u: UnitWarning) => u.reasons.filter((r) => r.level === level).length;
  return [...units].sort(
    (a, b) =>
      atLevel(b) - atLevel(a) ||
      overTarget(b) - overTarget(a) ||
      a.unit.localeCompare(b.unit, 'zh-CN'),
  );
}

/**
 * Why no warning was judged: no month of the period covered whole, or a range of days, which
 * no earlier period like it can be held against (warn judges a month, a day or a week).
 */
function leftOutWords(leftOut: NonNullable<BulletinWarning['leftOut']>, lang: Lang): string {
  const zh = lang === 'zh';
  if (leftOut === 'months')
    return zh
      ? '本期没有一个月份的数据完整，未作预警（不完整月份的投诉数偏低，会被误读为下降）。最近一个完整月份的预警见该月投诉分析报表的“预警”表。'
      : 'No early warning: no month of the period is covered whole (a month covered in part would read as a fall). For the latest month covered whole, run complaints warn.';
  return zh
    ? '预警按整月、单日或整周判断，本期为自选的日期范围，未作预警；各日、各周的预警见其日通报、周通报。'
    : 'No early warning: it is judged on a month, a day or a week, not on a range of days. For a day or a week, run complaints warn --day or --week.';
}

/**
 * The units of one level gathered by what put them there, in the order of the first of each:
 * six units red for one reason read "A、B、…、F（均为已达年度指标）", not the reason six times over.
 */
function sameReasons(units: readonly UnitWarning[], level: Level, lang: Lang) {
  const groups = new Map<string, string[]>();
  for (const u of units) {
    const why = u.reasons
      .filter((r) => r.level === level)
      .map((r) => reasonWords(r, lang))
      .join(lang === 'zh' ? '、' : ', ');
    groups.set(why, [...(groups.get(why) ?? []), u.unit]);
  }
  return [...groups].map(([why, names]) => ({ why, names }));
}

const englishList = (names: readonly string[]) =>
  `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The bulletin's early-warning paragraph; null when the report judged none and need not say why. */
export function warningParagraph(w: BulletinWarning, lang: Lang): Paragraph | null {
  const zh = lang === 'zh';
  const { warnings } = w;
  if (!warnings) return w.leftOut ? { runs: [leftOutWords(w.leftOut, lang)] } : null;
  const said = (['red', 'yellow'] as const).flatMap((level) => {
    const units = bySeriousness(
      warnings.units.filter((u) => u.level === level),
      level,
    );
    if (units.length === 0) return [];
    const items = sameReasons(units, level, lang).map(({ names, why }) => {
      if (names.length === 1) return zh ? `${names[0]}（${why}）` : `${names[0]} (${why})`;
      return zh ? `${names.join('、')}（均为${why}）` : `${englishList(names)} (each: ${why})`;
    });
    const name = zh
      ? level === 'red'
        ? '红色预警'
        : '黄色预警'
      : level === 'red'
        ? 'Red'
        : 'Yellow';
    return [zh ? `${name}为${items.join('、')}` : `${name}: ${items.join('; ')}`];
  });
  // A day or a week is judged on itself: its days are the report's period (JSON `period`).
  const month = period(
    judgedWords(warnings, lang),
    inDays(warnings.input.period) ? 'period' : 'earlyWarning.month',
  );
  const where = w.workbook
    ? zh
      ? '各单位的数字见报表“预警”表。'
      : " The figures are in the report's Warnings sheet."
    : zh
      ? '各单位的数字见同期投诉分析报表的“预警”表。'
      : " Each unit's figures and reasons: run complaints warn.";
  const levels =
    said.length > 0
      ? zh
        ? `${said.join('；')}。`
        : `${said.join('. ')}.`
      : zh
        ? '没有单位达到黄色或红色预警。'
        : 'no unit at yellow or red.';
  const gaps = gapWords(warnings.gaps, lang);
  return {
    runs: runs(
      zh ? [month, '预警情况：'] : ['Early warning for ', month, ': '],
      zh ? `${levels}${gaps}${where}` : `${levels}${gaps}${where}`,
    ),
  };
}
