/**
 * A rejected row's reason in Chinese. The reasons are English in the JSON (rejects[].reason,
 * unchanged); the messages that quote one (--strict, a file whose rows are mostly rejected) say
 * it in the run's language. Each form of row-normaliser.ts and io/csv.ts; any other stays as
 * it is.
 */
const FORMS: readonly [RegExp, (...parts: string[]) => string][] = [
  [/^(.*) is empty$/s, (header) => `${header}为空`],
  [/^(.*) ('.*') is not a date$/s, (header, value) => `${header} ${value} 不是有效日期`],
  [
    /^(.*) ('.*') is before 2000 \(an empty date\?\)$/s,
    (header, value) => `${header} ${value} 早于 2000 年（是空的日期？）`,
  ],
  [
    /^(.*) ('.*') is over a year after today \((.*)\)$/s,
    (header, value, today) => `${header} ${value} 比今天（${today}）晚一年以上`,
  ],
  [
    /^(.*) ('.*') is garbled \(U\+FFFD: the text was damaged before this file was written\)$/s,
    (header, value) => `${header} ${value} 含乱码（U+FFFD：写出这个文件之前文字就已损坏）`,
  ],
  [
    /^the row has (\d+) fields where the header has (\d+)$/,
    (row, header) => `这一行有 ${row} 个字段，而表头有 ${header} 个`,
  ],
  [
    /^unbalanced quote: a field opened with " on line (\d+) never closes(?: \(the (\d+) lines from there on were read as one row\))?$/,
    (line, lines) =>
      `引号不配对：第 ${line} 行用 " 开始的字段一直没有结束` +
      (lines ? `（从那里起的 ${lines} 行被读成了一行）` : ''),
  ],
  [
    /^malformed quotes: a quoted field has text after its closing "$/,
    () => '引号格式错误：带引号的字段在结束的 " 之后还有文字',
  ],
];

export function zhRejectReason(reason: string): string {
  for (const [form, zh] of FORMS) {
    const match = form.exec(reason);
    if (match) return zh(...match.slice(1).map((part) => part ?? ''));
  }
  return reason;
}
