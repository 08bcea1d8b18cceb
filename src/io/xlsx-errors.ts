/**
 * What the xlsx reader says when it refuses a workbook (io/zip.ts, xlsx.ts, xlsx-sheet.ts,
 * xlsx-strings.ts), in both languages: damaged, cut short, or over one of Excel's limits.
 */
import { InputError, said, type Said } from '../errors.js';

export const DAMAGED_HINT = said(
  '请重新下载或导出，或用 Excel/WPS 打开后换个文件名另存。',
  'Download or export it again, or open it in Excel/WPS and save it under a new name.',
);

/** A workbook that cannot be read as a whole: `what` is what is wrong, in both languages. */
export function damagedWorkbook(file: string, what: Said): InputError {
  return new InputError(
    'XLSX_CORRUPT',
    said(`${file}：工作簿已损坏：${what.zh}。`, `${file}: the workbook is damaged: ${what.en}.`),
    DAMAGED_HINT,
    { file },
  );
}

/** A zip without its end: a download or copy cut short. */
export function incomplete(file: string): InputError {
  return new InputError(
    'XLSX_CORRUPT',
    said(
      `${file}：工作簿不完整（文件在 zip 数据结束前就断了）。`,
      `${file}: the workbook is incomplete (the file ends before the end of its zip data).`,
    ),
    said(
      '请重新下载或导出，这份文件可能没有复制完整。',
      'Download or export it again; the copy may have been cut short.',
    ),
    { file },
  );
}

/** A part of the workbook that is not UTF-8: `kind` names it (条目/entry, 部件/part). */
export function notUtf8Part(zhKind: string, enKind: string, name: string): Said {
  return said(`${zhKind} ${name} 不是 UTF-8 文本`, `${enKind} ${name} is not UTF-8 text`);
}

/** Over one of Excel's limits (rows, columns, cell length) or the inflated-size caps. */
export function limitError(
  file: string,
  message: Said,
  hint = said(
    '真正的导出文件远达不到这个程度：请重新导出数据，或分成几个文件。',
    'No real export comes near this: export the data again, or split it into several files.',
  ),
): InputError {
  return new InputError(
    'XLSX_LIMIT',
    said(`${file}：${message.zh}`, `${file}: ${message.en}`),
    hint,
    { file },
  );
}
