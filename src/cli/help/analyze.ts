/** complaints analyze --help, in both languages. */
import { BY_HELP, EXAMPLES, PERIOD_HELP } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints analyze fixtures/metrics/95598-2015.xlsx \\
      fixtures/metrics/95598-2016-01-06.xlsx \\
      fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv
  complaints analyze exports/*.xlsx --quarter 2016Q4 --targets targets.xlsx \\
      --prorate
  complaints analyze export.csv --month 2016-11 --json result.json
  complaints analyze exports/*.csv --units units.csv --rollup \\
      --targets county-targets.csv
  complaints analyze exports/*.xlsx --quarter 2016Q4 --by unit --by level1`;

export const ANALYZE = {
  summary: {
    zh: '分析摘要：对照指标的总数、各单位、逐月、分类、热点',
    en: 'the summary: totals against target, units, months, categories, hot spots',
  },
  description: {
    zh: '把所有导出文件作为一个数据集分析：投诉、考核投诉对照指标、单位排名、带环比/同比的逐月序列、分类、热点、重复投诉客户、及时性和满意度。',
    en: 'Analyse the exports as one data set: complaints, assessed complaints against targets, units ranked, the monthly series with 环比/同比, categories, hot spots, repeat complainants, timeliness and satisfaction.',
  },
  out: {
    zh: '同时写出报告：.xlsx（工作簿）、.docx 或 .md（书面通报）、.csv（单位表）或 .json（配置文件的 "out" 是 report 的输出，analyze 不用它）',
    en: 'also write the report: .xlsx (workbook), .docx or .md (the written bulletin), .csv (units table) or .json (the config file\'s "out" is report\'s output: analyze leaves it)',
  },
  detail: {
    zh: '配合 --out .xlsx：增加 明细 工作表，列出统计期内的每条投诉',
    en: 'with --out .xlsx: add 明细, every complaint of the period',
  },
  charts: {
    zh: '配合 --out .xlsx 或 .docx：不放图表',
    en: 'with --out .xlsx or .docx: leave the chart images out',
  },
  template: {
    zh: '配合 --out .docx：按这个通报模板填写（见 README）',
    en: 'with --out .docx: fill this bulletin template (see README)',
  },
  after: {
    zh: `${PERIOD_HELP.zh}

--json 输出完整结果（schemaVersion 1，DESIGN.md §6），代替摘要；--json FILE 把结果写入 FILE，写完整后才替换（原子写入）。

${BY_HELP.zh}

退出码：0 完成；2 输入、指标、单位或代码文件读不了，统计期内没有工单，或没有一行是投诉（见 --complaint-type）；3 给了 --strict 时有行被拒收，或有指标对不上任何单位。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `${PERIOD_HELP.en}

--json prints the full result (schemaVersion 1, DESIGN.md §6) instead of the summary;
--json FILE writes it to FILE atomically.

${BY_HELP.en}

Exit codes: 0 done; 2 an input, the targets, units or codes file cannot be read, no work
order falls in the period, or no row is a complaint (see --complaint-type); 3 rows were
rejected, or a target matches no unit, under --strict.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
