/**
 * An input's note in Chinese. The notes are English in the JSON (inputs[].notes, unchanged);
 * `inspect` prints them under the file in the run's language, and every command says on stderr
 * those about a file whose name misleads or whose zip is damaged (inputNotesToSay). Each form of
 * io/detect.ts, io/source.ts, io/zip.ts, io/xlsx.ts and ingest/summary.ts; any other stays as it is.
 */
import { extname } from 'node:path';
import { said, type Said } from '../errors.js';

const ZIP_PARTS: Record<string, string> = {
  CRC: 'CRC',
  'compressed size': '压缩后大小',
  size: '大小',
  'compression method': '压缩方式',
  'data descriptor missing': '缺少数据描述符',
  'CRC in the data descriptor': '数据描述符中的 CRC',
  'size in the data descriptor': '数据描述符中的大小',
};

const FORMS: readonly [RegExp, (...parts: string[]) => string][] = [
  [
    /^(.*) is an xlsx workbook despite its name; read as xlsx\.$/s,
    (name) => `${name} 虽然扩展名不是 .xlsx，实际是 xlsx 工作簿，已按工作簿读取。`,
  ],
  [
    /^(.*) is a text file \(CSV\), not an xlsx workbook, despite its name; read as text\.$/s,
    (name) =>
      `${name} 虽然扩展名是 ${extname(name)}，实际是文本文件（CSV），不是工作簿，已按文本读取。`,
  ],
  [
    /^--encoding (.*) is ignored: a workbook carries its own\.$/s,
    (encoding) => `--encoding ${encoding} 未使用：工作簿自带编码。`,
  ],
  [
    /^--sheet (.*) is ignored: a text file has no sheets\.$/s,
    (sheet) => `--sheet ${sheet} 未使用：文本文件没有工作表。`,
  ],
  [
    /^zip entry (.*): its own header disagrees with the zip directory \((.*)\); read as the directory says\. Save the workbook again in Excel\/WPS to repair it\.$/s,
    (entry, parts) =>
      `zip 条目 ${entry} 自身的头信息与 zip 目录不一致（${parts
        .split(', ')
        .map((p) => ZIP_PARTS[p] ?? p.replace(/^name /, '名称 '))
        .join('、')}），已按目录读取。请在 Excel 或 WPS 中重新保存工作簿以修复。`,
  ],
  [
    /^part (.*) \(cell styles\), named by (.*), is not in the zip directory; cells were read without their number formats: dates came as Excel serial numbers \(still read as dates where a date is expected\) and lost their formats\. Save the workbook again in Excel\/WPS to repair it\.$/s,
    (part, rels) =>
      `${rels} 所指的部件 ${part}（单元格样式）在 zip 目录中找不到，单元格已按无数字格式读取：日期读成 Excel 日期序列号（需要日期的列仍按日期识别），日期格式丢失。请在 Excel 或 WPS 中重新保存工作簿以修复。`,
  ],
  [
    /^Control characters \(such as NUL\) removed from (\d+) values? used for grouping and matching, first in (.*) on (line|row) (\d+)\.$/s,
    (count, column, _unit, row) =>
      `${count} 个用于分组和匹配的值里有控制字符（如 NUL），已删除；第一个在第 ${row} 行的 ${column} 列。`,
  ],
  [
    /^sheet (.*): rows are not in row-number order \(row (\d+) comes after row (\d+)\); read in the file's order, each under its own number\.$/s,
    (sheet, row, after) =>
      `工作表 ${sheet} 的行没有按行号排列（第 ${row} 行在第 ${after} 行之后），已按文件中的顺序读取，每行仍用它自己的行号。`,
  ],
];

export function zhInputNote(note: string): string {
  for (const [form, zh] of FORMS) {
    const match = form.exec(note);
    if (match) return zh(...match.slice(1).map((part) => part ?? ''));
  }
  return note;
}

/** The notes io/detect.ts gives a file whose name says another format than its bytes. */
const MISNAMED = [FORMS[0]![0], FORMS[1]![0]];

export const isMisnamedNote = (note: string): boolean => MISNAMED.some((form) => form.test(note));

/** The note io/xlsx.ts gives a sheet whose rows are not in row-number order. */
const OUT_OF_ORDER = FORMS[7]![0];

/** The notes io/zip.ts and io/xlsx.ts give a workbook read despite damage to its zip. */
const DAMAGED = [FORMS[4]![0], FORMS[5]![0]];

const isDamagedNote = (note: string): boolean => DAMAGED.some((form) => form.test(note));

/** What damage an input's notes say it was read despite: its zip's entries, its styles lost. */
export function damageOf(notes: readonly string[]): { zip: boolean; styles: boolean } {
  return {
    zip: notes.some((note) => DAMAGED[0]!.test(note)),
    styles: notes.some((note) => DAMAGED[1]!.test(note)),
  };
}

/**
 * The damage a workbook was read despite, each naming its file, in both languages: said where
 * the inputs' warnings go (the workbook's 概览 and 数据质量, the bulletin's 需关注事项), since
 * the reader of those never sees the terminal.
 */
export function damagedInputNotes(
  inputs: readonly { file: string; notes: readonly string[] }[],
): Said[] {
  return inputs.flatMap(({ file, notes }) =>
    notes
      .filter(isDamagedNote)
      .map((note) => said(`${file}：${zhInputNote(note)}`, `${file}: ${note}`)),
  );
}

/**
 * What the inputs whose names mislead really are, and the damage a workbook was read despite,
 * in the run's language: every command says it on stderr (the terminal, or a cron log), since
 * the file is read all the same.
 */
export function inputNotesToSay(
  inputs: readonly { file: string; notes: readonly string[] }[],
  lang: 'zh' | 'en',
): string[] {
  return [
    ...inputs
      .flatMap((input) => input.notes)
      .filter(isMisnamedNote)
      .map((note) => (lang === 'zh' ? zhInputNote(note) : note)),
    ...damagedInputNotes(inputs).map((note) => note[lang]),
    // Which copy of a work order is the later one follows the file's order: the user must know.
    ...inputs.flatMap(({ file, notes }) =>
      notes
        .filter((note) => OUT_OF_ORDER.test(note))
        .map((note) => (lang === 'zh' ? `${file}：${zhInputNote(note)}` : `${file}: ${note}`)),
    ),
  ];
}
