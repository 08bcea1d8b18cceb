/**
 * A targets file given where an export is expected (`complaints analyze exports/*.csv
 * targets.csv`): recognised by its header — a unit column beside a target column (指标, 年度指标,
 * 2016年指标 …) and no acceptance time (or a corrections file, by its columns) — so that the message says what the file is and which
 * option takes it, instead of "no 受理时间 column". This tool's own report is recognised the same
 * way, by its units table (排名, 投诉占比 …). Pure.
 */
import { InputError, said } from '../errors.js';
import { isCorrectionsHeader } from '../io/corrections.js';
import type { Cell } from '../io/table.js';
import { cellText, cleanText } from '../schema/values.js';

const UNIT = /单位|供电公司|^unit$/i;
const TARGET = /指标|^target$/i;
const ACCEPTED = /受理|登记|时间|日期|accept/i;

/**
 * The headers of a row that reads as a targets file's header, or a corrections file's
 * (--corrections), or null.
 */
export function targetsHeader(cells: readonly Cell[]): string[] | null {
  const headers = cells.map((c) => cleanText(cellText(c))).filter((h) => h !== '');
  if (headers.length === 0 || headers.some((h) => ACCEPTED.test(h))) return null;
  if (isCorrectionsHeader(headers)) return headers;
  // Two different cells: one heading such as 超指标单位数 (a row of our own report's 概览) names
  // both a unit and a target without being a targets file's header.
  const unit = headers.findIndex((h) => UNIT.test(h));
  const target = headers.findIndex((h, i) => i !== unit && TARGET.test(h));
  return unit >= 0 && (target >= 0 || ownReport(headers)) ? headers : null;
}

/** Headings of this tool's own reports (the units table of 概览 and 单位), never of a targets file. */
const REPORT_HEADINGS = /^(排名|超指标率|投诉占比|rank|over target|share of complaints)$/i;

function ownReport(headers: readonly string[]): boolean {
  return headers.filter((h) => REPORT_HEADINGS.test(h)).length >= 2;
}

/** The error for a targets or corrections file (or one of this tool's reports) read as an export. */
export function targetsAsExport(file: string, row: number, headers: string[]): InputError {
  if (isCorrectionsHeader(headers))
    return new InputError(
      'NOT_AN_EXPORT',
      said(
        `${file}：这像是人工更正文件（第 ${row} 行是 ${headers.join('、')}），不是工单导出文件。`,
        `${file}: this looks like a corrections file (${headers.join(', ')} on row ${row}), not a work-order export.`,
      ),
      said(
        `请用 --corrections ${file} 指定它，输入文件给工单导出文件。`,
        `Give it with --corrections ${file}, and the exports as the inputs.`,
      ),
      { file, row },
    );
  if (ownReport(headers))
    return new InputError(
      'NOT_AN_EXPORT',
      said(
        `${file}：这是 complaints 生成的报表（第 ${row} 行是 ${headers.slice(0, 4).join('、')} …），不是工单导出文件。`,
        `${file}: this is a report written by complaints (${headers.slice(0, 4).join(', ')} … on row ${row}), not a work-order export.`,
      ),
      said(
        '请把生成它的导出文件作为输入文件。',
        'Give the exports it was made from as the inputs.',
      ),
      { file, row },
    );
  return new InputError(
    'NOT_AN_EXPORT',
    said(
      `${file}：这像是考核指标文件（第 ${row} 行是 ${headers.join('、')}），不是工单导出文件。`,
      `${file}: this looks like a targets file (${headers.join(', ')} on row ${row}), not a work-order export.`,
    ),
    said(
      `请用 --targets ${file} 指定它，输入文件给工单导出文件。`,
      `Give it with --targets ${file}, and the exports as the inputs.`,
    ),
    { file, row },
  );
}
