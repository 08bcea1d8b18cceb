/**
 * Why a command does nothing with an option, and where it is used instead, in both languages:
 * the table of unused.ts (which refuses them) and options.ts (which hides them from --help).
 */
import { said, type Said } from '../errors.js';
import type { CommandName } from './types.js';

/** An option as commander names it (camelCase; `charts` is --no-charts). */
export type OptionKey = string;

export interface Reason {
  /** Why the command does nothing with it: follows "COMMAND: --option is not used: ". */
  why: Said;
  /** Where it is used instead. */
  hint: Said;
}

const TARGETS: Reason = {
  why: said('trend 不显示考核指标', 'trend shows no targets'),
  hint: said(
    '单位与考核指标的对比：请用 complaints assess，或 analyze 加 --targets FILE。',
    'Units against their targets: complaints assess or analyze with --targets FILE.',
  ),
};
const LISTS = (command: string): Reason => ({
  why: said(
    `${command} 没有热点和重复投诉清单`,
    `${command} has no hot-spot or repeat-complainant lists`,
  ),
  hint: said(
    '这两个清单在 complaints analyze 和 complaints report 中。',
    'Those lists are in complaints analyze and complaints report.',
  ),
});
const TIMELINESS = (command: string): Reason => ({
  why: said(`${command} 不统计时效`, `${command} shows no timeliness`),
  hint: said(
    '回复和办结时效在 complaints analyze 和 complaints report 中。',
    'Reply and closing times are in complaints analyze and complaints report.',
  ),
});
export const CLASSES: Reason = {
  why: said(
    'assess 按单位统计投诉，不按分类，除非 --by 指定了分类级别或专业',
    'assess counts complaints per unit, not per class, unless --by names a level or the discipline',
  ),
  hint: said(
    '看分类：complaints assess --by level1、complaints analyze，或 complaints trend --by level1。',
    'Classes: complaints assess --by level1, complaints analyze, or complaints trend --by level1.',
  ),
};
const HOT_WORDS = (command: string): Reason => ({
  why: said(`${command} 不显示热词`, `${command} shows no hot words`),
  hint: said(
    '受理内容的热词在 complaints analyze 和 complaints report 中。',
    'Hot words of the complaint texts are in complaints analyze and complaints report.',
  ),
});

/**
 * The metric options each command does not use at all: declared hidden for it
 * (addMetricOptions) and refused when typed.
 */
const ONE_PERIOD: Reason = {
  why: said(
    'warn 把一个月（或一天、一周）与该单位此前各期相比',
    'warn judges one month (or day, or week) against the unit’s own periods before it',
  ),
  hint: said(
    '请给出 --month YYYY-MM；不给期间时，用最近一个完整的月。',
    'Give --month YYYY-MM, or leave the period out for the latest complete month.',
  ),
};

export const NOT_USED: Partial<Record<CommandName, Record<OptionKey, Reason>>> = {
  warn: {
    quarter: ONE_PERIOD,
    year: ONE_PERIOD,
    from: ONE_PERIOD,
    to: ONE_PERIOD,
    prorate: {
      why: said(
        'warn 用全年指标衡量年初至今的投诉，并按已过的月份衡量进度',
        'warn holds the year so far against the whole annual target, and its pace against the months gone',
      ),
      hint: said(
        '按月折算的指标：请用 complaints assess 或 report 加 --prorate。',
        'Prorated targets: complaints assess or report with --prorate.',
      ),
    },
    top: LISTS('warn'),
    // It was declared for warn and did nothing: the same units, levels and JSON with or without.
    by: {
      why: said(
        'warn 按单位给出预警级别，不做分组统计',
        'warn gives each unit a level; it breaks nothing down',
      ),
      hint: said(
        '分组统计在 complaints analyze、assess、report 和 trend 中：如 complaints report --by channel。',
        'Breakdowns are in complaints analyze, assess, report and trend: complaints report --by channel.',
      ),
    },
    hotWords: HOT_WORDS('warn'),
    hotWordsBy: HOT_WORDS('warn'),
  },
  trend: {
    targets: TARGETS,
    prorate: TARGETS,
    top: LISTS('trend'),
    replyLimit: TIMELINESS('trend'),
    closeLimit: TIMELINESS('trend'),
    hotWords: HOT_WORDS('trend'),
    hotWordsBy: HOT_WORDS('trend'),
  },
  assess: {
    top: LISTS('assess'),
    replyLimit: TIMELINESS('assess'),
    closeLimit: TIMELINESS('assess'),
    hotWords: HOT_WORDS('assess'),
    hotWordsBy: HOT_WORDS('assess'),
  },
};

/** What each option that shapes a written file needs the file to be. */
export const SHAPES: Record<
  string,
  { kinds: string[]; what: Said; wanted: Said; example: string }
> = {
  detail: {
    kinds: ['.xlsx'],
    what: said('它在工作簿中加入明细表', 'it adds 明细 to the workbook'),
    wanted: said('工作簿', 'a workbook'),
    example: 'report.xlsx',
  },
  charts: {
    kinds: ['.xlsx', '.docx'],
    what: said(
      '它去掉工作簿和通报中的图表',
      'it leaves the charts out of the workbook and the bulletin',
    ),
    wanted: said('工作簿或通报', 'a workbook or a bulletin'),
    example: 'report.xlsx',
  },
  template: {
    kinds: ['.docx'],
    what: said('它是 Word 通报的模板', 'it is the template of the Word bulletin'),
    wanted: said('Word 通报', 'a Word bulletin'),
    example: '通报.docx',
  },
  issued: {
    kinds: ['.docx', '.md'],
    what: said('它是通报落款的成文日期', 'it is the date of issue at the end of the bulletin'),
    wanted: said('通报', 'a bulletin'),
    example: '通报.docx',
  },
};
