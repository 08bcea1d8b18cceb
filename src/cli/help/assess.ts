/** complaints assess --help, in both languages. */
import { BY_HELP, EXAMPLES, PERIOD_HELP } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints assess fixtures/metrics/95598-2016-*.xlsx \\
      fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --year 2016
  complaints assess exports/*.xlsx --targets targets.xlsx --quarter 2016Q4 \\
      --prorate
  complaints assess exports/*.xlsx --targets targets.xlsx --quarter 2016Q4 \\
      --by unit --by channel`;

export const ASSESS = {
  summary: {
    zh: '各单位对照指标：考核投诉、超指标率、排名',
    en: 'units against their targets: assessed complaints, over-target rate, rank',
  },
  description: {
    zh: '逐个单位列出：投诉、申诉成功、考核投诉、指标、超指标率、占比、上年同期投诉、同比和排名；超指标的单位有标记；末行为合计。',
    en: 'Per unit: complaints, appeal-approved, assessed, target, over-target rate (超指标率), share, the same months a year earlier, 同比 and rank; units over target marked; a totals row.',
  },
  after: {
    zh: `${PERIOD_HELP.zh}

必须给 --targets。指标是年度指标：对季度或月份，--prorate 按 月数 / 12 折算（季度的指标是全年的四分之一）。数据中有而没有指标的单位，以及有指标而数据中没有的单位，都会列出来，不做猜测。
--json 按 DESIGN.md §6 的结构输出 units 和 targets。

${BY_HELP.zh}
assess 只在 --by level1、level2、level3 或 discipline 时才做分类（--taxonomy、--model）。

退出码：0 完成；2 输入、指标、单位或代码文件读不了，统计期内没有工单，或没有一行是投诉（见 --complaint-type）；3 给了 --strict 时有行被拒收，或有指标对不上任何单位。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `${PERIOD_HELP.en}

--targets is required. Targets are annual: for a quarter or a month, --prorate scales them
by months / 12 (a quarter's target is a quarter of the year's). Units in the data without
a target, and targets of units not in the data, are listed, never guessed.
--json prints units and targets in the DESIGN.md §6 shape.

${BY_HELP.en}
assess classifies (--taxonomy, --model) only for --by level1, level2, level3 or discipline.

Exit codes: 0 done; 2 an input, the targets, units or codes file cannot be read, no work
order falls in the period, or no row is a complaint (see --complaint-type); 3 rows were
rejected, or a target matches no unit, under --strict.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
