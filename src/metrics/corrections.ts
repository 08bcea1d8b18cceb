/**
 * What a corrections file (--corrections) did, for the notes, the JSON and the terminal: how
 * many of its work orders were counted as corrected (a complaint in the copy counted), how many
 * of those fall in the period, and the rows it could not apply — a 工单编号 in no input, or a
 * work order that is no complaint — which are said, never dropped silently. Pure.
 */
import type { Corrections } from '../taxonomy/corrections.js';
import type { Note } from './types.js';

export interface CorrectionsSummary {
  file: string;
  /** Rows of the file (one work order each). */
  given: number;
  /** Work orders counted as corrected: complaints in the copy counted. */
  applied: number;
  /** Of those, accepted in the period. */
  inPeriod: number;
  /** Of those applied, correcting the class; ruling 是否考核. */
  classes: number;
  assessed: number;
  /** Rows naming a work order in no input. */
  unmatched: { id: string; row: number }[];
  /** Rows naming a work order whose copy counted is of another business type. */
  notComplaint: { id: string; row: number }[];
}

/**
 * `seen`: the named work orders as the copy counted has them (complaint, day index);
 * `inPeriod`: whether a day is in the period.
 */
export function summariseCorrections(
  corrections: Corrections,
  seen: ReadonlyMap<string, readonly [boolean, number]>,
  inPeriod: (day: number) => boolean,
): CorrectionsSummary {
  const summary: CorrectionsSummary = {
    file: corrections.file,
    given: corrections.byId.size,
    applied: 0,
    inPeriod: 0,
    classes: 0,
    assessed: 0,
    unmatched: [],
    notComplaint: [],
  };
  const rows = [...corrections.byId.values()].sort((a, b) => a.row - b.row);
  for (const c of rows) {
    const state = seen.get(c.id);
    if (!state) summary.unmatched.push({ id: c.id, row: c.row });
    else if (!state[0]) summary.notComplaint.push({ id: c.id, row: c.row });
    else {
      summary.applied++;
      if (inPeriod(state[1])) summary.inPeriod++;
      if (c.level1) summary.classes++;
      if (c.assessed !== null) summary.assessed++;
    }
  }
  return summary;
}

/**
 * Rows listed in a note, per kind: a wrong file (last year's ids) can miss thousands, and the
 * note is one line on the terminal and one cell of 概览 (32,767 characters at most). The JSON
 * lists them all.
 */
const LISTED = 10;

const rowList = (list: { id: string; row: number }[], zh: boolean) => {
  const shown = list
    .slice(0, LISTED)
    .map((r) => (zh ? `第 ${r.row} 行 ${r.id}` : `row ${r.row} ${r.id}`))
    .join(zh ? '、' : ', ');
  if (list.length <= LISTED) return shown;
  return zh ? `${shown} 等 ${list.length} 行` : `${shown}, and ${list.length - LISTED} more`;
};

/** The notes: what was applied, and (a warning) the rows that were not. */
export function correctionNotes(s: CorrectionsSummary): Note[] {
  // A template kept in the config file before any ruling: "0 张按更正计" would read as a failure.
  if (s.given === 0)
    return [
      {
        code: 'corrections',
        message: `Corrections (${s.file}): the file has a header and no rows.`,
        zh: `人工更正（${s.file}）：文件中只有表头，没有更正行。`,
      },
    ];
  const notes: Note[] = [
    {
      code: 'corrections',
      message: `Corrections (${s.file}): ${s.applied} complaint(s) counted as corrected (class ${s.classes}, 是否考核 ${s.assessed}), ${s.inPeriod} of them in the period.`,
      zh: `人工更正（${s.file}）：${s.applied} 张投诉按更正计（分类 ${s.classes}，是否考核 ${s.assessed}），其中统计期内 ${s.inPeriod} 张。`,
    },
  ];
  const missed = s.unmatched.length + s.notComplaint.length;
  if (missed > 0) {
    const en = [
      s.unmatched.length > 0 ? `in no input: ${rowList(s.unmatched, false)}` : '',
      s.notComplaint.length > 0 ? `not a complaint: ${rowList(s.notComplaint, false)}` : '',
    ].filter(Boolean);
    const zh = [
      s.unmatched.length > 0 ? `不在任何输入中：${rowList(s.unmatched, true)}` : '',
      s.notComplaint.length > 0 ? `不是投诉：${rowList(s.notComplaint, true)}` : '',
    ].filter(Boolean);
    const cut = s.unmatched.length > LISTED || s.notComplaint.length > LISTED;
    notes.push({
      code: 'corrections-unmatched',
      message: `Corrections (${s.file}): ${missed} row(s) not applied — ${en.join('; ')}. Check the 工单编号${cut ? ' (--json lists every row under corrections)' : ''}.`,
      zh: `人工更正（${s.file}）：${missed} 行未应用——${zh.join('；')}。请核对工单编号${cut ? '（全部行见 --json 的 corrections）' : ''}。`,
    });
  }
  return notes;
}
