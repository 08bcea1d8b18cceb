/** complaints inspect --help, in both languages. */
import { FIELDS, FIELD_SPECS } from '../../schema/fields.js';
import { EXAMPLES } from './common.js';
import { displayWidth, type Said } from './format.js';

/** The fields, with their Chinese names, as lines of at most 78 columns. */
const FIELD_LIST = FIELDS.map((f) => `${f} (${FIELD_SPECS[f].zh})`)
  .reduce<string[]>((lines, item) => {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(lines[last]!) + displayWidth(item) < 72)
      lines[last] += `, ${item}`;
    else lines.push(item);
    return lines;
  }, [])
  .join(',\n  ');

const EXAMPLE_LINES = `
  complaints inspect fixtures/95598-2016-09-11.xlsx
  complaints inspect exports/*.csv --json inspect.json
  complaints inspect exports/
  complaints inspect odd.csv --map unit=管理单位名称 --encoding gbk
  cat export.csv | complaints inspect -`;

export const INSPECT = {
  summary: {
    zh: '查看导出文件如何读取：格式、表头、列、计数、问题',
    en: 'show how the exports are read: format, header, columns, counts, problems',
  },
  description: {
    zh: '显示每个导出文件如何读取：格式、编码、工作表、表头行、列的对应、计数和问题。',
    en: 'Show how each export is read: format, encoding, sheet, header row, column mapping, counts and problems.',
  },
  duplicates: {
    zh: '列出各份内容不一致的重复工单（统计单位和月份、不同的字段、对计数的影响、计入哪一份）和后来补录的投诉',
    en: 'list the duplicate work orders whose copies differ (unit and month counted, fields that differ, effect on the counts, copy counted) and the complaints that arrived late',
  },
  corrections: {
    zh: '人工更正文件（同 analyze --corrections）：与 --duplicates 一起用，由更正决定的分类或是否考核不再算作对计数的影响',
    en: 'corrections file (as analyze --corrections): with --duplicates, a class or 是否考核 a correction decides no longer counts as an effect on the counts',
  },
  taxonomy: {
    zh: '检查 一级分类/二级分类 的值所用的分类体系（默认 sgcc-95598；见 complaints taxonomy）',
    en: 'taxonomy the 一级分类/二级分类 values are checked against (default sgcc-95598; see complaints taxonomy)',
  },
  after: {
    zh: `
--map 可用的字段：
  ${FIELD_LIST}。
必需：acceptedAt 和 unit；没有 id 时不去重；没有 businessType 时每一行都当作投诉。

像其他命令一样读取导出文件，报告读到了什么，但不做分析。多个输入作为一个数据集读取：再次出现的工单（工单编号相同）算重复，保留较后输入中的那一份。各份按读到的值比较：时间精确到分钟（10:22:11 和 10:22 是同一时间），空的 申诉结果 即 未申诉，空的 是否越级 即 否；--duplicates 列出比较后仍不一致的每张重复工单：计入的统计单位和统计月份、不同的字段及前后两个值、对计数的影响（改计到别的单位或月份、不再计为投诉、不再考核、分类改变，或不影响计数）、两份各在哪个文件第几行、计入哪一份及原因（后一个输入，或同一文件中靠后的一行）；影响计数的排在前面。给了人工更正文件（--corrections FILE，或配置文件的 "corrections"）时，两份之间由更正决定的不同（更正了分类的工单的分类、裁定了是否考核的工单的申诉）不影响计数，并注明按哪一行更正。还列出后来补录的投诉：受理日期在前面某个输入的覆盖期内、那个输入里却没有的工单（--json："differingDuplicates"、"sameDuplicates"、"lateComplaints"）。

每个导出文件覆盖哪些日期，按其标题行（导出时间、统计时间 … 至 …）、最后一张工单和每日工单量判断后显示出来：其他命令会标出只覆盖了一部分的月份。

投诉行中分类体系不认识的分类值（一级分类、二级分类），按输入逐个连同所在行列出（是警告；--json："inputs[].unknownLabels"）：其他命令会按内容文本给这些行分类。

不给输入文件时，与 analyze、report 一样读取当前目录下 complaints.config.json（或 --config FILE）的 "inputs"；配置文件中的 "map"、"encoding"、"sheet"、"complaintType"、"taxonomy"、"lang"（以及 --duplicates 时的 "corrections"）也同样适用（报告的正是其他命令会读到的），命令行给了的以命令行为准。

每项输入都有报告：读不了的输入在其位置上说明该怎么做，其余照常读取，最后以退出码 2 结束（--json："unreadable"）。

退出码：0 已读取；2 有输入读不了（文件不存在、.xls、没有表头、缺少列、给的是指标文件）；3 给了 --strict 时有行被拒收。

${EXAMPLES.zh}${EXAMPLE_LINES}`,
    en: `
Fields for --map:
  ${FIELD_LIST}.
Required: acceptedAt and unit; without id, rows are not de-duplicated; without
businessType, every row is taken as a complaint.

Reads the exports as the other commands do and reports what it found, without analysing.
Several inputs are read as one data set: a work order that appears again (same 工单编号)
counts as a duplicate, and the later input's copy is the one kept. Copies are compared on
their values as read: times to the minute (10:22:11 and 10:22 are one time), an empty
申诉结果 is 未申诉, an empty 是否越级 is 否; --duplicates lists each one that still differs:
the unit and month it is counted under, the fields that differ with both values, the effect
on the counts (moved to another unit or month, no longer a complaint, no longer assessed,
class changed, or none), where each copy is (file:row), and the copy counted with why (the
later input, or the later row of one input); those that change a count first. With a
corrections file (--corrections FILE, or the config file's "corrections"), a difference a
correction decides (the class of a work order it re-classifies, the appeal of one whose
是否考核 it rules) changes no count, and the row of the correction is named. It also lists
the complaints that arrived late: accepted on a day an earlier input covers, yet not in it
(--json: "differingDuplicates", "sameDuplicates", "lateComplaints").

The days each export covers are shown as judged from its title rows (导出时间, 统计时间 …
至 …), its last work order and its daily volume: the other commands mark a month covered
only in part.

Class values (一级分类, 二级分类) of complaint rows that the taxonomy does not know are named
with their rows, per input (a warning; --json: "inputs[].unknownLabels"): the other commands
classify those rows from their text.

Without inputs, the "inputs" of complaints.config.json in the working directory (or
--config FILE) are read, as analyze and report read them; the file's "map", "encoding",
"sheet", "complaintType", "taxonomy" and "lang" apply too, and "corrections" with
--duplicates (what is shown is what the other commands read), and the command line wins where both are given.

Every input is reported on: one that cannot be read is shown in its place with what to do,
the others are read, and the run ends with exit 2 (--json: "unreadable").

Exit codes: 0 read; 2 an input cannot be read (missing file, .xls, no header, missing
column, a targets file); 3 with --strict, when any row was rejected.

${EXAMPLES.en}${EXAMPLE_LINES}`,
  },
} satisfies Record<string, Said>;
