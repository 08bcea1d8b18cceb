/**
 * The early warning in the report: the 预警 sheet (each unit's level and reasons, as `warn`
 * prints them) and, for the bulletin's 需关注事项, the units at red and yellow with what put them
 * there, in words without figures (the figures are the sheet's and `warn --json`'s).
 */
import { periodJson } from '../../metrics/period.js';
import type { EarlyWarning, WarnReason } from '../../metrics/warn/warnings.js';
import { FORECAST_NOTE, spanWords } from '../labels.js';
import type { Lang } from '../../settings/types.js';
import type { Sheet } from '../types.js';
import { hasForecast, LEVEL_WORDS, reasonText, shownReasons } from '../warn.js';

export const WARN_SHEET = { zh: '预警', en: 'Warnings' } as const;

/**
 * The period the warning was judged on, as `warn` heads it: a month (2016年12月), or for a report
 * of days the days themselves (2016年第48周（11月28日至12月4日）), not the month they fall in.
 */
export function judgedWords(warning: EarlyWarning, lang: Lang): string {
  return spanWords(periodJson(warning.input.period), lang);
}

export function warningsSheet(warning: EarlyWarning, lang: Lang): Sheet {
  const { units } = warning;
  const month = judgedWords(warning, lang);
  return {
    name: WARN_SHEET[lang],
    tables: [
      {
        caption: lang === 'zh' ? `${month}预警` : `Early warning, ${month}`,
        columns: [
          { key: 'level', label: 'level', format: 'text' },
          { key: 'unit', label: 'unit', format: 'text' },
          { key: 'reasons', label: 'reasons', format: 'text' },
        ],
        // One row per reason, each with its unit's level: short enough to read, and a filter
        // on 预警级别 keeps whole units.
        rows: units.flatMap((u) =>
          shownReasons(u).map((r) => ({
            level: LEVEL_WORDS[lang][u.level],
            unit: u.unit,
            reasons: reasonText(r, lang),
          })),
        ),
      },
    ],
    filter: true,
    notes: [
      lang === 'zh'
        ? '红：已达或预计必达年度指标、投诉显著异常等；黄：可能达到年度指标或需要跟进；绿：无需关注。每行一个原因。'
        : 'Red: the annual target reached or certain to be, a marked spike …; yellow: may reach it, or needs following up; green: nothing to raise. One reason a row.',
      ...(hasForecast(units) ? [FORECAST_NOTE[lang]] : []),
      ...warning.gaps.map((g) => (lang === 'zh' ? g.zh : g.message)),
    ],
    charts: [],
  };
}

/** What put a unit at its level, in a few words without figures. */
export function reasonWords(r: WarnReason, lang: Lang): string {
  const zh = lang === 'zh';
  switch (r.indicator) {
    case 'target':
      return r.assessed >= r.annualTarget
        ? zh
          ? '已达年度指标'
          : 'annual target reached'
        : r.level === 'red'
          ? zh
            ? '预计全年将达到年度指标'
            : 'will reach the annual target'
          : zh
            ? '预计全年可能达到年度指标'
            : 'may reach the annual target';
    case 'spike':
      return zh ? '本期投诉异常增多' : 'complaints well above the usual';
    case 'repeat':
      return zh ? '客户短期内重复投诉' : 'customers complaining again';
    case 'escalation':
      return zh ? '越级/升级投诉' : 'escalated complaints';
    case 'event':
      return zh ? '同一地点集中投诉' : 'many complaints about one place';
    case 'overdue':
      return zh ? '工单超时' : 'work orders past the limit';
    case 'reply':
      return zh ? '回复超时' : 'late replies';
  }
}
