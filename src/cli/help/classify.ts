/** complaints classify --help, in both languages. */
import { CORRECTIONS_HELP, EXAMPLES } from './common.js';
import type { Said } from './format.js';

const EXAMPLE_LINES = `
  complaints classify export.xlsx --out classified.xlsx
  complaints classify --train history-2015.xlsx --model model.json
  complaints classify export.xlsx --model model.json --out classified.csv
  complaints classify --evaluate labelled.xlsx --json
  complaints classify --evaluate labelled.xlsx --no-model
  complaints classify export.xlsx --audit --limit 50
  complaints classify exports/ --quarter 2016Q4 --audit --out audit-2016Q4.xlsx`;

export const CLASSIFY = {
  summary: {
    zh: '给每条投诉分类（按列、文本规则、模型）；--evaluate、--audit、--train',
    en: 'put each complaint in its class (columns, text rules, model); --evaluate, --audit, --train',
  },
  description: {
    zh: '按分类体系给每条投诉分类，写出带分类的行，训练和评估文本模型。',
    en: 'Classify each complaint with the taxonomy, write the rows with their classes, train and evaluate text models.',
  },
  out: {
    zh: '把分好类的行写到 FILE.xlsx 或 FILE.csv；配合 --audit 时写出审核清单',
    en: 'write the classified rows to FILE.xlsx or FILE.csv; with --audit, the audit list',
  },
  model: {
    zh: '用 --train 训练的模型：规则拿不准时由它判定，代替自带的模型；配合 --train 时是模型的保存位置',
    en: 'a model made with --train: it decides where rules are unsure, in place of the shipped one; with --train, where to save it',
  },
  train: {
    zh: '用有分类标注的导出文件（有 一级/二级分类 列）训练文本模型（可重复）',
    en: 'train a text model from a labelled export (with 一级/二级分类 columns; repeatable)',
  },
  ngrams: {
    zh: '--train 读取的字符 n-gram 长度，如 1,2；默认 2（双字，与自带的模型相同）',
    en: 'the character n-gram lengths --train reads, such as 1,2; default 2 (pairs, as the shipped model)',
  },
  evaluate: {
    zh: '只按内容文本给有分类标注的文件分类，并与其记录的分类比较',
    en: 'classify a labelled file from its text alone and compare with its recorded classes',
  },
  audit: {
    zh: '列出记录的分类与内容文本相矛盾的行，把握最大的在前',
    en: 'list rows whose recorded class their text contradicts, most confident first',
  },
  limit: {
    zh: '--audit 和 --evaluate 在终端上显示的行数',
    en: 'rows shown by --audit and --evaluate in the terminal',
  },
  after: {
    zh: `
每一行按以下顺序分类（判定方式 列说明用的是哪一种）：
  列/columns       导出文件中 一级/二级/三级分类 的值，按名称、别名或代码匹配
  规则/rules       投诉内容（受理内容）对照分类体系的关键词规则，某一类明显
                   领先时采用
  模型/model       规则拿不准时，文本模型有足够把握就由它判定，把握很大时也
                   可推翻较弱的规则判定：用 sgcc-95598 自带的模型（用我们自
                   己标注的文本训练），或你自己的模型（--train，再 --model
                   FILE）；--no-model：只用规则
  未分类/unclassified  计数并报告，从不猜测
  人工更正/correction  --corrections FILE 中的更正，优先于以上各种（见下）
只给投诉分类，计数方式与 analyze、report 相同：所有输入作为一个数据集（多个输入中重复的工单只出现一次，取较后输入中的那一份），只给统计期内受理的投诉分类（--month、--quarter、--year、--from/--to；都不给时，取数据中最近的一个自然年，从它第一个有投诉的月份到最后一个有投诉的月份）。标准错误输出上有一行说明有多少行没有计入，以及原因。
--audit 和审核清单的 --out 用的是同样的投诉。--train 和 --evaluate 读取所给文件中每一个有分类标注的行。

不给输入文件时，与 analyze、report 一样读取当前目录下 complaints.config.json（或 --config FILE）的 "inputs"；配置文件中的 "map"、"encoding"、"sheet"、"complaintType"、"taxonomy"、"model"、"period"、"lang" 也同样适用，命令行给了的以命令行为准。--train 和 --evaluate 不读配置文件的 "inputs"；--train 只写到命令行给的 --model。

--out FILE.xlsx|.csv 保留原有的所有列，再增加 判定一级分类、判定二级分类、判定三级分类、判定方式、置信度、判定依据（--lang en 时为 level1 … evidence）。CSV 为带 BOM 的 UTF-8；以 = + - @ 开头的文本前加一个 '，以免电子表格把它当作公式执行。

${CORRECTIONS_HELP.zh}不能与 --train、--evaluate、--audit 同时使用。

--audit --out FILE.xlsx|.csv 写出每一处不一致，可发给各单位核对：供电单位、工单编号、受理时间、记录分类、内容判定、判定方式、置信度、判定依据、受理内容、来源文件、行。

退出码：0 完成；2 输入、分类体系或模型读不了，给了这次运行用不到的选项（没有 --audit 时的 --limit、--train 与 --evaluate 同时给 …），或统计期内没有工单；3 给了 --strict 时有行被拒收。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `
How a row is classified, in this order (the 判定方式 column says which):
  列/columns       the export's 一级/二级/三级分类 values, matched by name,
                   alias or code
  规则/rules       the complaint text (受理内容) against the taxonomy's keyword
                   rules, when one type is clearly ahead
  模型/model       where rules are unsure, a text model decides when it is sure
                   enough, and overrules a weak rules decision when very sure:
                   the one shipped for sgcc-95598 (trained on our own labelled
                   texts), or yours (--train, then --model FILE); --no-model:
                   rules alone
  未分类/unclassified  counted and reported, never guessed
  人工更正/correction  --corrections FILE, over all the above (below)
Only complaints are classified, and counted as analyze and report count them: the inputs
are one data set (a work order repeated across inputs appears once, the later input's copy),
and only complaints accepted in the period are classified (--month, --quarter, --year,
--from/--to; without them, the latest calendar year in the data, from its first to its last
month with complaints). A line on stderr says how many rows were left out, and why.
--audit and --out of the audit list take the same complaints. --train and --evaluate read
every labelled row of the files they name.

Without inputs, the "inputs" of complaints.config.json in the working directory (or
--config FILE) are read, as analyze and report read them; the file's "map", "encoding",
"sheet", "complaintType", "taxonomy", "model", "period" and "lang" apply too, and the command
line wins where both are given. --train and --evaluate do not read the file's "inputs";
--train writes only to the --model given on the command line.

--out FILE.xlsx|.csv keeps every original column, then adds 判定一级分类, 判定二级分类,
判定三级分类, 判定方式, 置信度, 判定依据 (level1 ... evidence with --lang en). CSV is UTF-8 with
BOM; text starting with = + - @ gets a leading ' so no spreadsheet runs it as a formula.

${CORRECTIONS_HELP.en} Not with --train, --evaluate or --audit.

--audit --out FILE.xlsx|.csv writes every disagreement, to send to the units: 供电单位,
工单编号, 受理时间, 记录分类, 内容判定, 判定方式, 置信度, 判定依据, 受理内容, 来源文件, 行.

Exit codes: 0 done; 2 an input, the taxonomy or the model cannot be read, an option this
run would not use (--limit without --audit, --train with --evaluate …), or no work order in
the period; 3 rows were rejected under --strict.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
