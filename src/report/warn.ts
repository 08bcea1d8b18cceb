/**
 * `complaints warn` in words: one line per unit — its level (红/黄/绿) and its reasons, most
 * serious first — and the JSON result. Lays out the warnings (metrics/warn/warnings.ts) and
 * computes nothing but the words.
 */
import type { Level } from '../metrics/warn/levels.js';
import type { WarnThresholds } from '../metrics/warn/thresholds.js';
import type { UnitWarning, WarnGap, WarnReason } from '../metrics/warn/warnings.js';
import { levelsOf, minuteText, unitsJson } from './warn-json.js';
import type { PeriodSection } from '../metrics/types.js';
import type { TimeLimit } from '../metrics/workdays.js';
import type { Lang } from '../settings/types.js';
import { formatCount } from './format.js';
import { GENERATED_BY, SCHEMA_VERSION } from './json.js';
import { FORECAST_NOTE, spanWords } from './labels.js';
import { table } from './terminal.js';

const one = (n: number) => n.toFixed(1);
const pText = (p: number) => (p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`);

export const LEVEL_WORDS: Record<Lang, Record<Level, string>> = {
  zh: { red: '红', yellow: '黄', green: '绿' },
  en: { red: 'red', yellow: 'yellow', green: 'green' },
};

/** 144小时, 5个工作日; 144 hours, 5 working days. */
function limitWords(limit: TimeLimit, lang: Lang): string {
  if (lang === 'zh')
    return limit.unit === 'hours' ? `${limit.value}小时` : `${limit.value}个工作日`;
  return limit.unit === 'hours' ? `${limit.value} hours` : `${limit.value} working days`;
}

/** A reason in words. */
export function reasonText(r: WarnReason, lang: Lang): string {
  const zh = lang === 'zh';
  switch (r.indicator) {
    case 'target': {
      const target = formatCount(r.annualTarget);
      if (r.assessed >= r.annualTarget)
        return zh
          ? `累计考核投诉${r.assessed}件，已达年度指标${target}件`
          : `${r.assessed} assessed so far: the annual target of ${target} is reached`;
      if (r.forecast === null)
        return zh
          ? `累计考核投诉${r.assessed}件，年度指标${target}件（数据不全，不作预测）`
          : `${r.assessed} assessed so far of an annual target of ${target} (incomplete data: no forecast)`;
      const range = zh
        ? `预计全年${one(r.forecast)}件（${r.low}–${r.high}件）`
        : `${one(r.forecast)} expected for the year (${r.low}–${r.high})`;
      const verdict =
        r.level === 'red'
          ? zh
            ? '，将达到或超过'
            : ', will reach'
          : r.level === 'yellow'
            ? zh
              ? '，可能达到或超过'
              : ', may reach'
            : zh
              ? '，'
              : ', within';
      return zh
        ? `累计考核投诉${r.assessed}件，${range}${verdict}年度指标${target}件`
        : `${r.assessed} assessed so far, ${range}${verdict} the annual target of ${target}`;
    }
    case 'spike':
      return zh
        ? `本期投诉${r.observed}件，按以往预期${one(r.expected)}件（${pText(r.p)}）`
        : `${r.observed} complaint${r.observed === 1 ? '' : 's'} against ${one(r.expected)} expected (${pText(r.p)})`;
    case 'repeat':
      return zh
        ? `${r.customers}位客户${r.withinDays}天内再次投诉（${r.complaints}件）`
        : `${r.customers} customers complained again within ${r.withinDays} days (${r.complaints})`;
    case 'escalation':
      return zh ? `越级/升级投诉${r.complaints}件` : `${r.complaints} escalated`;
    case 'event': {
      const e = r.event;
      const when = `${minuteText(e.from)}–${minuteText(e.to).slice(11)}`;
      return zh
        ? `${e.place}${e.className}集中投诉${e.ids.length}件（${when}：${e.ids.join('、')}）`
        : `${e.ids.length} complaints of ${e.className} at ${e.place} (${when}: ${e.ids.join(', ')})`;
    }
    case 'overdue': {
      const parts = zh
        ? [r.open > 0 && `未办结${r.open}件`, r.late > 0 && `办结超时${r.late}件`]
        : [r.open > 0 && `${r.open} still open`, r.late > 0 && `${r.late} closed late`];
      const limit = limitWords(r.limit, lang);
      return zh
        ? `超${limit}${parts.filter(Boolean).join('、')}`
        : `over ${limit}: ${parts.filter(Boolean).join(', ')}`;
    }
    case 'reply': {
      const limit = limitWords(r.limit, lang);
      return zh ? `超${limit}回复${r.late}件` : `${r.late} replied to after ${limit}`;
    }
  }
}

/** The reasons worth saying: the target's always (how the year stands), the others when not green. */
export function shownReasons(u: UnitWarning): WarnReason[] {
  return u.reasons.filter((r) => r.indicator === 'target' || r.level !== 'green');
}

export function warnText(
  units: readonly UnitWarning[],
  period: { from: string; to: string },
  lang: Lang,
  gaps: readonly WarnGap[] = [],
): string {
  const zh = lang === 'zh';
  const count = (l: Level) => units.filter((u) => u.level === l).length;
  const words = LEVEL_WORDS[lang];
  const head = zh
    ? `预警 ${spanWords(period, 'zh')}（${units.length} 个单位：红 ${count('red')}，黄 ${count('yellow')}，绿 ${count('green')}）`
    : `Early warning, ${spanWords(period, 'en')} (${units.length} units: ${count('red')} red, ${count('yellow')} yellow, ${count('green')} green)`;
  const renamed = gaps.flatMap((g) => g.renamed ?? []);
  const rows = units.map((u) => [
    words[u.level],
    u.unit,
    shownReasons(u)
      .map((r) => reasonText(r, lang))
      .join(zh ? '；' : '; ') || nothingRaised(u.unit, renamed, lang),
  ]);
  const heading = zh ? ['级别', '供电单位', '原因'] : ['level', 'unit', 'reasons'];
  const text = `${head}\n${table(heading, rows, ['left', 'left', 'left'])}`;
  const forecast = hasForecast(units) ? `\n\n${FORECAST_NOTE[lang]}` : '';
  return gaps.length === 0 ? text + forecast : `${text}${forecast}\n\n${gapsText(gaps, lang)}`;
}

/**
 * A green row's words: "nothing to raise", unless the unit is one of a possible rename's two names,
 * whose halves of one history were judged apart (the note below the table says why).
 */
function nothingRaised(
  unit: string,
  renamed: readonly { from: string; to: string }[],
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const older = renamed.find((r) => r.to === unit);
  if (older)
    return zh
      ? `可能由 ${older.from} 改名而来，分开判断，未判断异常增多（见下）`
      : `possibly ${older.from} renamed: judged apart, spikes not judged (see below)`;
  const newer = renamed.find((r) => r.from === unit);
  if (newer)
    return zh
      ? `可能已改名为 ${newer.to}，分开判断（见下）`
      : `possibly renamed ${newer.to}: judged apart (see below)`;
  return zh ? '无异常' : 'nothing to raise';
}

/** Whether any unit has a year-end forecast (its interval is then explained). */
export function hasForecast(units: readonly UnitWarning[]): boolean {
  return units.some((u) => u.reasons.some((r) => r.indicator === 'target' && r.forecast !== null));
}

/** The checks not made, one a line: a green unit was not judged on them. */
export function gapsText(gaps: readonly WarnGap[], lang: Lang): string {
  // A narrower search (events from one column) is not a check left unmade.
  const all = gaps.every((g) => g.code !== 'events-partial');
  const head =
    lang === 'zh'
      ? all
        ? '未能判断：'
        : '未能判断或只部分判断：'
      : all
        ? 'Not judged:'
        : 'Not judged, or in part:';
  return [head, ...gaps.map((g) => `  ${lang === 'zh' ? g.zh : g.message}`)].join('\n');
}

/** The JSON of `warn --json`: the period, the thresholds used, and every unit. */
export function warnJson(
  units: readonly UnitWarning[],
  period: PeriodSection,
  thresholds: WarnThresholds,
  gaps: readonly WarnGap[] = [],
): object {
  return {
    schemaVersion: SCHEMA_VERSION,
    generatedBy: GENERATED_BY,
    period,
    thresholds,
    levels: levelsOf(units),
    units: unitsJson(units),
    notes: gaps,
  };
}
