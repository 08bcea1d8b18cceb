/** The descriptions of the options settings/options.ts declares, in both languages. */
import type { Said } from './format.js';

export const OPTION_HELP = {
  map: {
    zh: '把某个列名对应到字段，优先于内置的列名（可重复）；target=、customers= 和 targetUnit= 指定 --targets 文件的列',
    en: 'map a header to a field, overriding the built-in names (repeatable); target=, customers= and targetUnit= name the columns of the --targets file',
  },
  complaintType: {
    zh: '另一个表示投诉的业务类型值，如系统代码（可重复）',
    en: 'another 业务类型 value meaning complaint, e.g. a system code (repeatable)',
  },
  encoding: {
    zh: 'CSV 文件的编码，不再自动识别：utf-8、gb18030（也可写 GBK）、utf-16le、utf-16be',
    en: 'CSV encoding instead of sniffing: utf-8, gb18030 (also GBK), utf-16le, utf-16be',
  },
  sheet: {
    zh: '读取 xlsx 的哪个工作表，不再自动查找有表头的那个（1 为第一个）',
    en: 'xlsx sheet to read instead of finding the one with the header (1 = first)',
  },
  maxInflated: {
    zh: 'xlsx 中有部件解压后超过 SIZE（如 8GiB）即拒绝读取（默认 4GiB，防压缩炸弹）',
    en: 'refuse an xlsx with a part that inflates beyond SIZE, e.g. 8GiB (default 4GiB: a zip-bomb guard)',
  },
  json: {
    zh: '以 JSON（schemaVersion 1）输出结果到标准输出，或写入文件 FILE',
    en: 'print the result as JSON (schemaVersion 1) to stdout, or write it to FILE',
  },
  strict: {
    zh: '有行被拒收，或 --targets 中有单位在数据里找不到时，以退出码 3 结束',
    en: 'exit 3 when any row was rejected, or a unit of --targets matches none of the data',
  },
  // A command without --targets (inspect, classify, trend): its help names no --targets file.
  mapWithoutTargets: {
    zh: '把某个列名对应到字段，优先于内置的列名（可重复）',
    en: 'map a header to a field, overriding the built-in names (repeatable)',
  },
  strictWithoutTargets: {
    zh: '有行被拒收时，以退出码 3 结束',
    en: 'exit 3 when any row was rejected',
  },
  quiet: {
    zh: '只输出错误（退出码照常说明结果）',
    en: 'print nothing but errors (the exit code still tells)',
  },
  lang: {
    zh: '输出、提示和本帮助的语言：zh 中文，en 英文',
    en: 'language of the labels, the messages and this help: zh Chinese, en English',
  },
  color: { zh: '即使在终端上也不用颜色', en: 'no colour even on a terminal' },
  threads: {
    zh: '读取大的 CSV 或 xlsx 用几个线程（默认也是上限：本机的核数；1：单线程）',
    en: "threads to read a large CSV or xlsx with (default and most: the machine's cores; 1: one thread)",
  },
  from: {
    zh: '统计期的第一个月（或第一天：2016-06-01）',
    en: 'first month (or day: 2016-06-01) of the period',
  },
  to: {
    zh: '统计期的最后一个月（或最后一天：2016-06-15）',
    en: 'last month (or day: 2016-06-15) of the period',
  },
  month: {
    zh: '某一个月：2016-11、201611 或 2016年11月',
    en: 'one month: 2016-11, 201611 or 2016年11月',
  },
  quarter: {
    zh: '某一季度：2016Q4、2016年第四季度 或 2016年4季度',
    en: 'one quarter: 2016Q4, 2016年第四季度 or 2016年4季度',
  },
  year: { zh: '某一自然年：2016 或 2016年', en: 'one calendar year: 2016 or 2016年' },
  week: {
    zh: '某一 ISO 周，周一至周日：2016-W25、2016W25 或 2016年第25周',
    en: 'one ISO week, Monday to Sunday: 2016-W25, 2016W25 or 2016年第25周',
  },
  day: {
    zh: '某一天：2016-06-30、20160630 或 2016年6月30日',
    en: 'one day: 2016-06-30, 20160630 or 2016年6月30日',
  },
  targets: {
    zh: '各单位的年度指标：CSV、XLSX 或 JSON 文件（供电单位、年度指标、户数）',
    en: 'annual targets per unit: CSV, XLSX or JSON (供电单位, 年度指标, 户数)',
  },
  prorate: {
    zh: '年度指标按 月数 / 12 折算（月或季度：按其年初至今的月数）',
    en: 'scale annual targets by months / 12 (a month or a quarter: its year to date)',
  },
  excludeUnsubstantiated: {
    zh: '核实为不属实的投诉也不计入单位考核',
    en: 'do not hold complaints found untrue (不属实) against the unit either',
  },
  includePartial: {
    zh: '导出文件只覆盖一部分的月份（如导出到 26 日）也按整月计入环比、同比、季节性和月均降幅',
    en: 'count months the exports cover only in part (an export that ends on the 26th) as whole months in 环比, 同比, seasonality and the average monthly reduction',
  },
  taxonomy: {
    zh: '分类所用的分类体系（见 complaints taxonomy）',
    en: 'taxonomy to classify with (see complaints taxonomy)',
  },
  model: {
    zh: '用 classify --train 训练的模型，判定规则定不下来的文本（代替自带的模型）',
    en: 'a model made with classify --train, for texts the rules cannot place (replaces the shipped model)',
  },
  noModel: {
    zh: '只用规则：不用模型，连 sgcc-95598 自带的模型也不用',
    en: 'rules alone: no model, not even the one shipped for sgcc-95598',
  },
  replyLimit: {
    zh: '及时性的回复时限：小时数（24、24h）或按中国节假日安排计的工作日（1wd）',
    en: 'reply time limit for timeliness: hours (24, 24h) or working days on the Chinese holiday calendar (1wd)',
  },
  closeLimit: {
    zh: '及时性的办结时限：小时数（144、144h）或工作日（4wd）',
    en: 'closing time limit for timeliness: hours (144, 144h) or working days (4wd)',
  },
  top: {
    zh: '热点和重复投诉客户清单的条数（终端摘要在未另给条数时显示 5 个热点）',
    en: 'length of the hot-spot and repeat-complainant lists (the terminal summary shows 5 hot spots unless another length is given)',
  },
  progress: {
    zh: '即使在终端上，也不在标准错误输出上显示进度行',
    en: 'no progress line on stderr, even at a terminal',
  },
  config: {
    zh: '无人值守运行的配置文件（默认：当前目录下的 complaints.config.json，如有）',
    en: 'settings for unattended runs (default: complaints.config.json here, if there is one)',
  },
  units: {
    zh: '单位编码及各种写法对应的单位名称和上下级关系：CSV、XLSX 或 JSON 文件（单位编码、单位名称、上级单位、别名）',
    en: 'unit codes and spellings to names, with the hierarchy: CSV, XLSX or JSON (单位编码, 单位名称, 上级单位, 别名)',
  },
  rollup: {
    zh: '按 --units 把各单位计入其上级（供电所计入所属县公司），或向上 LEVELS 级（默认 1 级）',
    en: 'count each unit under its parent in --units (供电所 under their county), or LEVELS up (default 1)',
  },
  codes: {
    zh: '代码列的名称对照：CSV、XLSX 或 JSON 文件（列、代码、名称：URBAN_RURAL_FLAG、01、城市）',
    en: 'names for coded columns: CSV, XLSX or JSON (列, 代码, 名称: URBAN_RURAL_FLAG, 01, 城市)',
  },
  corrections: {
    zh: '人工更正：CSV 或 XLSX 文件（工单编号，更正后的 一级分类/二级分类 和/或 是否考核，可加 说明），优先于分类列、规则和模型',
    en: 'corrections made by hand: CSV or XLSX (工单编号, the corrected 一级分类/二级分类 and/or 是否考核, optionally 说明); they outrank the class columns, the rules and the model',
  },
  by: {
    zh: '按 DIM 分组统计投诉：unit、level1、level2、level3、discipline、channel、urbanRural、customerType、station、month，或导出文件中的列名原文（URBAN_RURAL_FLAG）；给两次得到交叉表',
    en: 'break the complaints down by DIM: unit, level1, level2, level3, discipline, channel, urbanRural, customerType, station, month, or a column header as written (URBAN_RURAL_FLAG); twice for a two-way table',
  },
  hotWords: {
    zh: '列出投诉内容（受理内容）中多少个热词，另列一半数量的双词短语，以及新出现的词',
    en: 'how many hot words of the complaint texts (受理内容) to list, with half as many two-word phrases and the emerging terms',
  },
  noHotWords: {
    zh: '不统计热词（也就不对文本分词）',
    en: 'no hot words (the texts are then not segmented)',
  },
  // The only value is `unit`: the placeholder <unit> alone read as "a unit's name".
  hotWordsBy: {
    zh: '写 unit：另列出每个单位的前 5 个热词（只能按单位）',
    en: 'unit: also list each unit’s five top hot words (by unit only)',
  },
} satisfies Record<string, Said>;
