/** Help texts several commands share, in both languages. */
import type { Said } from './format.js';

/** The inputs argument of every command that reads exports. */
export const INPUTS: Said = {
  zh: '导出文件（.xlsx、.csv、.txt）、放导出文件的文件夹，或加引号的通配符；- 读标准输入；默认：配置文件的 "inputs"',
  en: 'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin; default: "inputs" of the config file',
};

/** --by, as analyze, assess and report take it (trend: one series per group, its own words). */
export const BY_HELP: Said = {
  zh: `--by DIM 按某个字段把投诉分组：unit、level1、level2、level3、discipline、channel、urbanRural、customerType、station、month，或按导出文件中的列名原文（--by URBAN_RURAL_FLAG、--by 受理渠道）；给两次得到交叉表（--by unit --by level1），两个方向都有合计。每组给出投诉、考核投诉、占比、同比、环比和排名；空值自成一组，记为 (空)。--json 增加 "breakdowns"；工作簿中每个分组一张工作表，附图。配置文件的 "by" 可给多个分组："by": [["channel"], ["unit", "level1"]]。`,
  en: `--by DIM breaks the complaints down by a field (unit, level1, level2, level3, discipline,
channel, urbanRural, customerType, station, month) or by a column header as written in the
export (--by URBAN_RURAL_FLAG, --by 受理渠道); twice for a two-way table (--by unit --by level1)
with totals both ways. Each group: complaints, assessed, share, 同比, 环比 and rank; a blank
value is a group of its own, (空). --json adds "breakdowns"; a workbook gets a sheet per
breakdown with a chart. The config file's "by" may give several breakdowns:
"by": [["channel"], ["unit", "level1"]].`,
};

/** --corrections, as every command that classifies and counts takes it. */
export const CORRECTIONS_HELP: Said = {
  zh: `人工更正：--corrections FILE（CSV 或 XLSX，配置文件中为 "corrections"）每行一张工单：工单编号，更正后的 一级分类/二级分类（只填二级分类时一级分类随之确定）和/或 是否考核（是/否），可加 说明。更正优先于导出文件的分类列、规则和模型，是否考核优先于申诉结果；判定方式记为 人工更正，判定依据写明文件、行号和说明。分类不在分类体系中、是否考核不是 是/否、同一工单出现两次，都会指出文件和行号，退出码 2；工单编号不在任何输入中、或不是投诉的行，不应用，在终端、工作簿的说明和 JSON（"corrections"）中逐行列出。应用了几条也同样说明。`,
  en: `Corrections: --corrections FILE (CSV or XLSX; "corrections" in the config file), one work
order a row: 工单编号, the corrected 一级分类/二级分类 (二级分类 alone implies its 一级分类)
and/or 是否考核 (是/否), optionally 说明. A correction outranks the export's class columns, the
rules and the model, and its 是否考核 the appeal; the method reads correction, the evidence
names the file, the row and the reason. A class not in the taxonomy, a 是否考核 other than
是/否, or a work order given twice is refused with the file and the row (exit 2); a row whose
工单编号 is in no input, or is no complaint, is not applied and is listed on the terminal, in
the workbook's notes and in the JSON ("corrections"), with how many were applied.`,
};

/** The period, the metrics, the config file and the inputs: analyze, trend, assess, report. */
export const PERIOD_HELP: Said = {
  zh: `
统计期：--month 2016-11、--quarter 2016Q4、--year 2016、--week 2016-W25（ISO 周，周一至周日）、--day 2016-06-30，或 --from/--to YYYY-MM 或 YYYY-MM-DD。都不给时，取数据中最近的一个自然年，从它第一个有投诉的月份到最后一个有投诉的月份。同比（yoy）与上一年的同样月份比较，环比（mom）与紧挨着的前几个月比较，都要输入覆盖这些月份，否则为 null（"-"）。
月份按导出文件中受理时间的原文划分，与 TZ 无关。
每个导出文件覆盖哪些日期，由它的标题行（导出时间、统计时间 … 至 …）、最后一张工单和每日工单量判断：只覆盖了一部分的月份（如 12 月 26 日导出的文件）会标出来，不计入环比、同比、季节性、月均降幅和趋势图，除非给了 --include-partial。

每个命令中，月或季度都附带年初至今的累计（1 月至该期最后一个月）：排名，与年度指标比较（--prorate：按 月数 / 12 折算），并点名考核投诉已达到年度指标的单位。单月不与指标比较；季度与年度指标的四分之一比较。
日或周不与指标比较，也没有累计（考核以月为单位）：逐日列出，与前一天（或前一周）、上一年的同一天（或同一 ISO 周）、前四周同一星期几的平均数比较。

口径（DESIGN.md §2）：考核投诉 = 投诉 − 申诉成功，给了 --exclude-unsubstantiated 时再减去不属实的（一条投诉只减一次）；超指标率 = (考核投诉 − 指标) / 指标；占比 = 单位投诉 / 全部投诉；月均降幅：算术平均（−环比 的平均数）和复合 1 − (末月/首月)^(1/(n−1))。

${CORRECTIONS_HELP.zh}
及时性：回复晚于 --reply-limit（默认 24h）或办结晚于 --close-limit（默认 144h，即六天）即为超时。时限按小时（24、24h）或按工作日（4wd：受理当天之后第 4 个工作日结束时到期），工作日按中国节假日和调休安排（chinese-days；超出它收录的年份时以周六、周日为休息日，并有提示说明）。

无人值守运行：当前目录下的 complaints.config.json（或 --config FILE）保存同样的设置（"inputs" 通配符、"targets"、"period": "previous-month"、"previous-day"、"previous-week" 等规则、"out": "reports/投诉分析-{period}.xlsx"（report 写出的文件）、"lang" …）；命令行和配置文件都给了的，以命令行为准。
标准错误输出或标准输出不是终端时，不用颜色，也不显示进度行。

输入：文件夹读取其中的导出文件（.xlsx、.csv、.txt；不读隐藏文件夹），加引号的通配符（'exports/*.xlsx'）会被展开；标准错误输出上有一行说明每项输入对应哪些文件。
命令用不到的选项（trend --targets、没有指标时的 --prorate、没有 --out FILE.xlsx 的 analyze --detail）会被拒绝，退出码 2，并说明原因。`,
  en: `
Period: --month 2016-11, --quarter 2016Q4, --year 2016, --week 2016-W25 (ISO, Monday to
Sunday), --day 2016-06-30, or --from/--to YYYY-MM or YYYY-MM-DD. Without them, the latest
calendar year in the data, from its first to its last month with complaints. 同比 (yoy)
compares with the same months a year earlier and 环比 (mom) with the months just before,
when the inputs cover them; otherwise they are null ("-").
Months are those of the acceptance time as written in the export, whatever TZ says.
The days each export covers are judged from its title rows (导出时间, 统计时间 … 至 …), its
last work order and its daily volume: a month covered only in part (an export taken on
26 December) is marked and left out of 环比, 同比, seasonality, the average monthly
reduction and the trend chart unless --include-partial is given.

A month or a quarter comes with its year to date (累计, January to its last month), in
every command: ranked, against the annual targets (--prorate: months / 12 of them), with
the units whose assessed complaints have already reached their annual target named. The
month is held against no target; a quarter against a quarter of the annual target.
A day or a week is held against no target and has no year to date (months are the unit of
the evaluation): it is shown day by day, against the day (or week) before, the same day
(or ISO week) a year earlier, and the same weekday's average of the four weeks before.

Metrics (DESIGN.md §2): assessed = complaints − appeal-approved (申诉成功), and − the
unsubstantiated (不属实) too with --exclude-unsubstantiated (a complaint is subtracted
once); over-target rate = (assessed − target) / target; share = unit / all complaints;
average monthly reduction: arithmetic (mean of −环比) and compound 1 − (last/first)^(1/(n−1)).

${CORRECTIONS_HELP.en}
Timeliness counts a reply later than --reply-limit (default 24h) or a closing later than
--close-limit (default 144h, i.e. six days) as over the limit. A limit is in hours (24,
24h) or in working days (4wd): due at the end of the 4th working day after the day of
acceptance, on the Chinese holiday and 调休 calendar (chinese-days; outside its years,
Saturday and Sunday are the rest days, and a note says so).

Unattended runs: complaints.config.json in the working directory (or --config FILE) holds
the same settings ("inputs" globs, "targets", "period": "previous-month", "previous-day",
"previous-week" and other rules, "out": "reports/投诉分析-{period}.xlsx" (what report
writes), "lang" …); the command line wins where both are given.
No colour or progress line unless stderr/stdout is a terminal.

Inputs: a folder reads the exports inside it (.xlsx, .csv, .txt; not hidden folders), a
quoted pattern ('exports/*.xlsx') is expanded; a line on stderr names the files each gave.
An option the command would not use (trend --targets, --prorate without targets, analyze
--detail without --out FILE.xlsx) is refused with exit 2, saying why.`,
};

/** The heading of the examples. */
export const EXAMPLES: Said = { zh: '示例：', en: 'Examples:' };
