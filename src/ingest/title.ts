/**
 * What the rows above an export's header say about its dates. 95598 systems write a title and
 * an export note there — "导出时间：2016-12-26 11:42:05", "查询条件：受理时间 2016-01-01 至
 * 2016-06-21", "（统计时间 2016-12-01 至 2016-12-26）" — and that is the best evidence of the days
 * an export covers: a month whose last days are not in it is a partial month, not a fall in
 * complaints. Pure: text in, day indexes out.
 */
import type { Cell } from '../io/table.js';
import { cellText, localTime } from '../schema/values.js';

export interface TitleDates {
  /** The day the export was taken ("导出时间"), a day index; null when not written. */
  exportedAt: number | null;
  /** The export time as written, for messages ("2016-12-26 11:42:05"). */
  exportedText: string | null;
  /** The range of acceptance days the export states ("… 至 …", "截至 …"), day indexes. */
  from: number | null;
  to: number | null;
}

// A date as title rows write it: 2016-12-26, 2016/12/26, 2016.12.26, 2016年12月26日, with a time
// of day after it or not.
const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const TIME = String.raw`(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?)?`;
/** "2016-01-01 至 2016-06-21" (至, 到, ~, ～, —, –, -): the acceptance days asked for. */
const RANGE = new RegExp(`${DATE}${TIME}\\s*(?:至|到|~|～|—|–|-{1,2})\\s*${DATE}`, 'u');
/** "截至 2016-12-26", "截止日期：2016-12-26": the last day. */
const UNTIL = new RegExp(`(?:截至|截止)(?:日期|时间)?\\s*[:：]?\\s*${DATE}`, 'u');
/** "导出时间：2016-12-26 11:42:05" and the other words systems use for the moment of export. */
const EXPORTED = new RegExp(
  `(?:导出|生成|制表|打印|下载|报表生成)(?:时间|日期)\\s*[:：]?\\s*(${DATE}${TIME})`,
  'u',
);

/** The day index of the date in `m` from group `at` (year, month, day), or null. */
function dayAt(m: RegExpExecArray, at: number): number | null {
  const t = localTime(Number(m[at]), Number(m[at + 1]), Number(m[at + 2]));
  return t === null ? null : t.dayIndex;
}

/** The text of the rows above the header, one line per row. */
export function titleText(rows: readonly (readonly Cell[])[]): string {
  return rows
    .map((cells) =>
      cells
        .map((c) => (c === null ? '' : cellText(c).trim()))
        .filter((t) => t !== '')
        .join(' '),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/** The dates the rows above an export's header state; null when they state none. */
export function titleDates(rows: readonly (readonly Cell[])[]): TitleDates | null {
  const text = titleText(rows).normalize('NFKC');
  if (text === '') return null;
  let from: number | null = null;
  let to: number | null = null;
  const range = RANGE.exec(text);
  if (range) {
    from = dayAt(range, 1);
    to = dayAt(range, 7);
    // A range written backwards is no evidence of anything.
    if (from !== null && to !== null && to < from) from = to = null;
  } else {
    const until = UNTIL.exec(text);
    if (until) to = dayAt(until, 1);
  }
  const exported = EXPORTED.exec(text);
  const exportedAt = exported ? dayAt(exported, 2) : null;
  if (from === null && to === null && exportedAt === null) return null;
  return {
    exportedAt,
    exportedText: exportedAt === null ? null : exported![1]!.trim(),
    from,
    to,
  };
}
