/** complaints trend --help, in both languages. */
import { EXAMPLES, PERIOD_HELP } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints trend fixtures/metrics/95598-2016-04-12-series.csv
  complaints trend exports/*.xlsx --year 2016 --by unit
  complaints trend exports/*.xlsx --from 2016-04 --to 2016-12 --by level1 --json
  complaints trend exports/*.xlsx --year 2016 --by channel`;

export const TREND = {
  summary: {
    zh: '逐月序列，含环比、同比和月均降幅；--by 分组',
    en: 'the monthly series with 环比, 同比 and the average monthly reduction; --by groups',
  },
  description: {
    zh: '投诉和考核投诉的逐月序列，含环比（mom）、同比（yoy）和月均降幅（算术平均和复合），可看总体，也可每个单位、分类或专业一条序列。',
    en: 'The monthly series of complaints and assessed complaints with 环比 (mom), 同比 (yoy) and the average monthly reduction (arithmetic and compound), overall or one series per unit, class or discipline.',
  },
  after: {
    zh: `${PERIOD_HELP.zh}

--by DIM 按 DIM 分组，每组一条序列：字段（unit、level1、level2、level3、discipline、channel、urbanRural、customerType、station）或导出文件中的列名原文（--by 供电所、--by URBAN_RURAL_FLAG）；空值自成一条序列。

--json 按 DESIGN.md §6 的结构输出 months、trend 和 seasonality；给了 --by 时还有 "series"：每组一个 {key, name, complaints, months, avgMonthlyReduction}。

导出文件只覆盖一部分的月份（如 12 月 26 日导出的文件）会标出数据截至哪一天（数据截至），不计入环比、同比、季节性、月均降幅和趋势图；--include-partial 把它按整月计。

退出码：0 完成；2 输入读不了，统计期内没有工单，或没有一行是投诉（见 --complaint-type）；3 给了 --strict 时有行被拒收。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `${PERIOD_HELP.en}

--by DIM draws one series per group of DIM: a field (unit, level1, level2, level3,
discipline, channel, urbanRural, customerType, station) or a column header as written in
the export (--by 供电所, --by URBAN_RURAL_FLAG); a blank value is a series of its own.

--json prints months, trend and seasonality in the DESIGN.md §6 shape; with --by also
"series": one {key, name, complaints, months, avgMonthlyReduction} per group.

A month the exports cover only in part (an export taken on 26 December) is marked with the
day its data runs to (数据截至) and left out of 环比, 同比, seasonality, the average
monthly reduction and the trend chart; --include-partial counts it as a whole month.

Exit codes: 0 done; 2 an input cannot be read, no work order falls in the period, or no row
is a complaint (see --complaint-type); 3 rows were rejected under --strict.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
