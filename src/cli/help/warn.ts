/** complaints warn --help, in both languages. */
import { CORRECTIONS_HELP, EXAMPLES } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints warn exports/*.xlsx --targets targets.xlsx
  complaints warn exports/*.xlsx --targets targets.xlsx --month 2016-11 --json
  complaints warn --fail-on red        # from complaints.config.json, in cron`;

export const WARN = {
  summary: {
    zh: '预警：每个单位红、黄或绿，附原因；--fail-on 供定时任务使用',
    en: 'early warning: each unit red, yellow or green, with the reasons; --fail-on for cron',
  },
  description: {
    zh: '对某个月（默认：导出文件完整覆盖的最近一个月）给出每个单位的预警级别（红、黄、绿）及原因，最严重的在前：考核投诉对照年度指标，以及按该单位季节分布推算的年末预测；相对其自身基线的突增（泊松尾概率）；客户 30 天内再次投诉；越级工单；事件（几小时内关于同一地点的多条投诉）；回复超过回复时限（--reply-limit，24 小时）的投诉；超过办结时限仍未办结或超时才办结的工单。',
    en: 'For a month (default: the latest month the exports cover whole): each unit’s level — 红 red, 黄 yellow, 绿 green — and its reasons, most serious first: assessed complaints against the annual target and the year-end forecast from the unit’s seasonal profile, a spike against its own baseline (Poisson tail), customers complaining again within 30 days, escalated work orders, events (several complaints about one place within hours), complaints replied to past the reply limit (--reply-limit, 24 hours), and work orders open or closed past the closing limit.',
  },
  failOn: {
    zh: '有单位达到或超过 LEVEL 级别时，以退出码 4 结束',
    en: 'exit 4 when any unit is at or above LEVEL',
  },
  thresholds: {
    zh: '覆盖默认阈值的 JSON 文件（README：Early warning）；也可写在配置文件的 "thresholds" 中',
    en: 'a JSON file of thresholds over the defaults (README: Early warning); also "thresholds" in the config file',
  },
  after: {
    zh: `
统计期：--month YYYY-MM（2016-11、201611、2016年11月）、--week 2016-W25、--day 2016-06-30，或 --day latest（导出文件对每个单位都覆盖到的最近一天：供每天的定时任务使用）；都不给时，取导出文件完整覆盖的最近一个月。一天与前四周的同一星期几比较，一周或一个月与它之前的六个周期以及上一年同期比较。

指标是年度指标：年初至今的数与之对照，并预测到 12 月——至今的考核投诉除以已过月份在该单位季节分布中占全年的比例。其区间（低–高）是年末总数的 80% 预测区间：负二项分布（伽马–泊松，Jeffreys 先验），发生率由至今的投诉估计并计入其不确定性，所以 1 月后有 4 条投诉得到 26–86，而不是 40–57。达到指标或区间下限达到指标时为红；预测达到指标时为黄。

回复超时（回复时间晚于 受理时间 + --reply-limit，默认 24 小时，与及时性一节相同；当月 3 条起为黄，6 条起为红）只对有 回复时间 列的输入判断，且只看记录了回复的工单；办结超时只对有 办结时间 列的输入判断（重复投诉：客户编号 或 联系电话；越级：是否越级；事件：用电地址 或 受理内容，只有其中一列时会说明）；没做的检查和没判断的输入，在各级别下方（未能判断）和 JSON 的 notes [{code, message, zh, files?}] 中说明。
--json 输出 {period, thresholds, levels, units: [{unit, level, reasons, forecast: {assessed, annualTarget, yearEnd, low, high, profile, interval}}], notes}。

${CORRECTIONS_HELP.zh}

退出码：0 完成（不给 --fail-on 时，无论级别如何）；2 输入、指标或阈值文件读不了，或没有完整覆盖的月份；3 给了 --strict 时有行被拒收，或有指标对不上任何单位；4 给了 --fail-on LEVEL 且有单位达到或超过该级别。

${EXAMPLES.zh}${EXAMPLE_LINES.replace('# from complaints.config.json, in cron', '# 读 complaints.config.json，用于 cron')}`,
    en: `
Period: --month YYYY-MM (2016-11, 201611, 2016年11月), --week 2016-W25, --day 2016-06-30, or
--day latest (the latest day the exports cover for every unit: a daily cron job); without one,
the latest month the exports cover whole. A day is judged against the same weekday of the
four weeks before, a week and a month against their six before and a year earlier.

Targets are annual: the year so far is held against them, and forecast to December — the
assessed complaints so far divided by the share of a year the months gone hold in the unit's
seasonal profile. Its interval (low–high) is the 80% predictive interval of the year-end total:
negative binomial (gamma–Poisson, Jeffreys prior), the rate estimated from the complaints so
far with its uncertainty counted, so 4 complaints after January give 26–86, not 40–57. Red when
the target is reached or the interval's low end reaches it; yellow when the forecast does.

Late replies (回复时间 past 受理时间 + --reply-limit, default 24 hours as in the timeliness
section; yellow from 3 in the month, red from 6) are judged only for the inputs with a
回复时间 column, and only on the work orders recording a reply; overdue work orders only for
the inputs with a 办结时间 column (repeats: 客户编号 or 联系电话; escalation: 是否越级;
events: 用电地址 or 受理内容, said when only one is there); the checks not made, and the
inputs not judged, are said under the levels (未能判断) and in the JSON's notes
[{code, message, zh, files?}].
--json prints {period, thresholds, levels, units: [{unit, level, reasons, forecast: {assessed,
annualTarget, yearEnd, low, high, profile, interval}}], notes}.

${CORRECTIONS_HELP.en}

Exit codes: 0 done (whatever the levels, without --fail-on); 2 an input, the targets or the
thresholds file cannot be read, or no month is covered whole; 3 rows were rejected, or a target
matches no unit, under --strict; 4 --fail-on LEVEL and a unit at or above it.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
