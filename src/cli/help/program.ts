/** complaints --help: the program's description, exit codes and examples, in both languages. */
import { EXAMPLES } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints analyze fixtures/metrics/95598-2015.xlsx \\
      fixtures/metrics/95598-2016-01-06.xlsx \\
      fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv
  complaints report fixtures/metrics/95598-20*.xlsx \\
      fixtures/metrics/95598-2016-06-12-gb18030.csv \\
      --targets fixtures/metrics/targets-2016.csv --quarter 2016Q4 --detail
  complaints trend fixtures/metrics/95598-2016-04-12-series.csv --by unit
  complaints inspect fixtures/95598-2016-09-11.xlsx
  complaints classify fixtures/95598-2016-09-11.xlsx --out classified.xlsx
  complaints taxonomy`;

export const PROGRAM = {
  description: {
    zh: '分析国家电网 95598 投诉工单的导出文件（Excel 或 CSV，中文内容）。',
    en: 'Analyse State Grid 95598 complaint work-order exports (Excel or CSV, Chinese text).',
  },
  after: {
    zh: `
退出码：0 完成；1 内部错误，或安装已损坏（用 npm install 重新安装）；2 用法错误、输入读不了（文件损坏或超出限制）或输出写不了（磁盘已满、输出文件就是某个输入），或没有一行是投诉；3 给了 --strict 时有行被拒收，或有指标对不上任何单位；4 给了 warn --fail-on LEVEL 且有单位达到或超过该级别；129/130/131/143 收到 SIGHUP/SIGINT/SIGQUIT/SIGTERM 后结束，临时文件已删除。设置 DEBUG=complaints 可显示调用栈。
用 --lang en 看英文帮助和输出（或在配置文件中写 "lang": "en"）。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `
Exit codes: 0 done; 1 internal error, or a broken installation (reinstall with npm
install); 2 usage error, an input that cannot be read (damaged or over a limit) or an output
that cannot be written (disk full, an output that is an input), or no row is a complaint;
3 rows were rejected, or a target matches no unit, under --strict; 4 warn --fail-on LEVEL and a
unit at or above it; 129/130/131/143 after SIGHUP/SIGINT/SIGQUIT/SIGTERM, temporary files
removed. Set DEBUG=complaints for a stack trace.
Chinese by default: --lang zh (or "lang": "zh" in the config file) for Chinese help and output.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
