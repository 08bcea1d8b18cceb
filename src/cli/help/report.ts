/** complaints report --help, in both languages. */
import { BY_HELP, EXAMPLES, PERIOD_HELP } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints report fixtures/metrics/95598-20*.xlsx \\
      fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --quarter 2016Q4
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx \\
      --out reports/2016-11.xlsx
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx \\
      --out 通报-2016-11.docx
  complaints report exports/*.xlsx --month 2016-11 --targets targets.xlsx \\
      --out 通报-2016-11.md
  complaints report exports/*.xlsx --year 2016 --detail --lang en
  complaints report exports/*.xlsx --day 2016-06-30 --out 日通报-2016-06-30.docx
  complaints report exports/*.xlsx --week 2016-W25 --out 周通报-2016-W25.md
  complaints report exports/*.xlsx --quarter 2016Q4 --by unit --by level1`;

export const REPORT = {
  summary: {
    zh: '报告工作簿或书面通报：日、周、月、季度或年度',
    en: 'the report workbook or the written bulletin (通报): a day, a week, a month, a quarter or a year',
  },
  description: {
    zh: '为某月、某季度或某年写出报告工作簿（概览、单位、月度趋势、分类、季节性、热点、时效与满意度、数据质量，给了 --detail 时还有 明细），附图表；或者用 --out X.docx 或 X.md 写出同样数字的书面通报，供 Word 使用或发邮件、发群聊。',
    en: 'Write the report workbook (概览, 单位, 月度趋势, 分类, 季节性, 热点, 时效与满意度, 数据质量, and 明细 with --detail), with charts, for a month, a quarter or a year; or, with --out X.docx or X.md, the written bulletin (通报) of the same figures for Word or for e-mail and chat.',
  },
  out: {
    zh: '写到哪里：.xlsx（工作簿，默认 投诉分析-PERIOD.xlsx）、.docx 或 .md（书面通报）、.csv（单位表）或 .json',
    en: 'where to write: .xlsx (the workbook, default 投诉分析-PERIOD.xlsx), .docx or .md (the written bulletin, 通报), .csv (units table) or .json',
  },
  detail: {
    zh: '增加 明细：统计期内的每条投诉、它如何计数（统计单位、统计月份、是否考核、来源文件）和它的分类',
    en: 'add 明细: every complaint of the period, how it was counted (统计单位, 统计月份, 是否考核, 来源文件) and its classification',
  },
  charts: {
    zh: '不放图表（工作簿和通报都不放）',
    en: 'leave the chart images out (workbook and bulletin)',
  },
  template: {
    zh: '配合 --out X.docx：填写本单位自己的通报模板（带 {占位符} 的 .docx，见 README）',
    en: "with --out X.docx: fill the company's own bulletin template (.docx with {placeholders}, see README)",
  },
  issued: {
    zh: '配合 --out X.docx 或 X.md：通报落款的成文日期，如 2016-12-03（默认：北京时间的今天）',
    en: 'with --out X.docx or X.md: the date of issue at the end of the bulletin, e.g. 2016-12-03 (default: today in Beijing)',
  },
  after: {
    zh: `${PERIOD_HELP.zh}

--quarter 做季度考核：本季度对照年度指标的四分之一，并与上一年同季度比较，旁边是年初至今累计对照年度指标。--month 做月度通报：本月，旁边是年初至今累计。--year 做全年报告。--day 做日通报：当天的投诉逐条列出（当日明细：单位、分类、受理时间、截取前 80 字的内容，电话和客户编号打码），与前四周同一星期几的平均数比较。--week 做周通报：本周逐日列出，与前一周和上一年同一 ISO 周比较。对月或季度，明细 列出年初至今的投诉。
季度的单位表还给出运检/营销投诉、及时回复率和及时办结率（按 --reply-limit、--close-limit）。
每个文件都先写到目标旁的临时文件，写完整后再改名：出错或被强行结束，都不会留下半个工作簿或半份通报。

${BY_HELP.zh}
通报（.docx、.md）增加一节“分项情况”：每个分组一句话、一张表和一幅图（.md 没有图）。单位表 CSV 中没有分组统计：写 CSV 时，除非用 --json 要结果，否则拒绝 --by。

退出码：0 已写出；2 输入、指标或输出文件夹不可用，统计期内没有工单，或没有一行是投诉（见 --complaint-type）；3 给了 --strict 时有行被拒收，或有指标对不上任何单位。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `${PERIOD_HELP.en}

--quarter makes the quarterly evaluation: the quarter against a quarter of the annual
targets and the same quarter a year earlier, beside its year to date against the annual
targets. --month makes the monthly bulletin: the month beside its year to date. --year
makes the year. --day makes the daily bulletin (日通报): the day's complaints one per line
(当日明细: unit, class, 受理时间, the text cut to 80 characters, phone and customer numbers
and customer names masked) against the same weekday's average of the four weeks before. --week makes the
weekly one: the week day by day, against the week before and the same ISO week a year
earlier. 明细 lists the complaints of the year to date beside a month or a quarter.
A quarter's units also give 运检/营销 complaints, 及时回复率 and 及时办结率 (within
--reply-limit, --close-limit).
Every file is written to a temporary file beside the target and renamed when complete: a
failure or a kill never leaves half a workbook or half a bulletin.

${BY_HELP.en}
The bulletin (.docx, .md) gains a section 分项情况: each breakdown in a sentence, its table and
its chart (none in .md). The units CSV has no breakdown: there --by is refused unless --json
asks for the result.

Exit codes: 0 written; 2 an input, the targets or the output folder is unusable, no work
order falls in the period, or no row is a complaint (see --complaint-type); 3 rows were
rejected, or a target matches no unit, under --strict.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
