/**
 * An analyst's corrections (--corrections FILE): complaints re-classified by hand, or ruled
 * assessed or not by the assessment office, by 工单编号. A correction outranks the export's class
 * columns, the rules and the model, and the export's 申诉结果 for 是否考核; its evidence says it
 * was a manual correction, with the file, the row and the reason. Pure: the rows come from
 * io/corrections.ts, the classes are checked against the taxonomy here.
 */
import { invalidAt, said } from '../errors.js';
import { cleanText } from '../schema/values.js';
import type { Classification, Classifier } from './classify.js';
import type { TaxonomyNode } from './load.js';

export interface Correction {
  id: string;
  /** The row of the corrections file (1-based, as Excel shows it). */
  row: number;
  /** The corrected class: level 1 alone, or level 2 with its parent; null: the class stays. */
  level1: TaxonomyNode | null;
  level2: TaxonomyNode | null;
  /** 是否考核 as ruled; null: as the appeal has it. */
  assessed: boolean | null;
  /** 说明, as written; null when blank. */
  reason: string | null;
}

export interface Corrections {
  /** The file as named on the command line or in the config file. */
  file: string;
  byId: ReadonlyMap<string, Correction>;
}

/** A row of the file as read: its number and the five cells as text ('' when blank). */
export interface CorrectionRow {
  row: number;
  id: string;
  level1: string;
  level2: string;
  assessed: string;
  reason: string;
}

/** Corrections as plain data, for a worker thread (src/parallel/): the rows, classes by name. */
export interface CorrectionsData {
  file: string;
  rows: CorrectionRow[];
}

const YES = new Set(['是', 'y', 'yes', '1', 'true', '考核']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '不考核', '免考核', '不予考核']);

function refuse(file: string, row: number, zh: string, en: string, hint: [string, string]): never {
  throw invalidAt('CORRECTIONS_INVALID', file, ` row ${row}`, said(zh, en), said(...hint));
}

const CLASS_HINT: [string, string] = [
  '请改用分类体系中的名称（complaints taxonomy 列出全部），或把这一格留空。',
  'Use a name of the taxonomy (complaints taxonomy lists them all), or leave the cell blank.',
];

/** One row checked against the taxonomy: the classes it names and its 是否考核. */
function correctionOf(r: CorrectionRow, file: string, classifier: Classifier): Correction {
  const named = (value: string, level: 1 | 2): TaxonomyNode | null => {
    if (value === '') return null;
    const node = classifier.lookup(value, level);
    if (node) return node;
    const header = level === 1 ? '一级分类' : '二级分类';
    const taxonomy = classifier.taxonomy.name;
    return refuse(
      file,
      r.row,
      `${header}“${value}”不在分类体系 ${taxonomy} 中。`,
      `${header} "${value}" is not a class of the taxonomy ${taxonomy}.`,
      CLASS_HINT,
    );
  };
  const level1 = named(r.level1, 1);
  const level2 = named(r.level2, 2);
  if (level1 && level2 && level2.parent !== level1)
    refuse(
      file,
      r.row,
      `二级分类 ${level2.name} 属于 ${level2.parent?.name}，不属于一级分类 ${level1.name}。`,
      `二级分类 ${level2.name} belongs to ${level2.parent?.name}, not to 一级分类 ${level1.name}.`,
      [
        '请改正其中一格，或只填二级分类（一级分类随之确定）。',
        'Correct one of them, or give 二级分类 alone (its 一级分类 follows).',
      ],
    );
  const flag = r.assessed.toLowerCase();
  const assessed = flag === '' ? null : YES.has(flag) ? true : NO.has(flag) ? false : undefined;
  if (assessed === undefined)
    refuse(
      file,
      r.row,
      `是否考核“${r.assessed}”应为“是”或“否”。`,
      `是否考核 "${r.assessed}" should be 是 or 否.`,
      [
        '请填 是 或 否，或留空（按申诉结果）。',
        'Write 是 or 否, or leave it blank (as the appeal has it).',
      ],
    );
  if (!level1 && !level2 && assessed === null)
    refuse(
      file,
      r.row,
      `工单 ${r.id} 没有更正内容：一级分类、二级分类、是否考核都是空的。`,
      `work order ${r.id} corrects nothing: 一级分类, 二级分类 and 是否考核 are all blank.`,
      [
        '请填写更正后的分类或是否考核，或删去这一行。',
        'Give the corrected class or 是否考核, or delete the row.',
      ],
    );
  return {
    id: r.id,
    row: r.row,
    level1: level2?.parent ?? level1,
    level2,
    assessed,
    reason: r.reason === '' ? null : r.reason,
  };
}

/** Excel's display of a long number (1.61018E+13): the digits past the sixth are gone. */
const SCIENTIFIC = /^\d(\.\d+)?e\+\d+$/i;

/**
 * The 工单编号 of a row as the exports have it: without the apostrophe an analyst types to keep
 * Excel from making the id a number (Excel saves it as text, without it; a CSV written by hand
 * keeps it). An id Excel already made a number and showed as 1.61018E+13 cannot name a work
 * order: refused, rather than listed as not found.
 */
function idOf(r: CorrectionRow, file: string): string {
  const id = cleanText(r.id)
    .replace(/^['‘’]/, '')
    .trim();
  if (SCIENTIFIC.test(id))
    refuse(
      file,
      r.row,
      `工单编号 ${id} 是 Excel 的科学计数法，后几位已丢失。`,
      `the 工单编号 ${id} is in Excel's scientific notation; its last digits are lost.`,
      [
        '请把这一列设为文本格式，再从导出文件中复制工单编号。',
        'Format the column as text and copy the 工单编号 from the export again.',
      ],
    );
  return id;
}

/**
 * The corrections of a file's rows, checked: every class in the taxonomy, 是否考核 是 or 否, one
 * row per work order. Throws InputError('CORRECTIONS_INVALID') naming the file and the row.
 */
export function parseCorrections(data: CorrectionsData, classifier: Classifier): Corrections {
  const byId = new Map<string, Correction>();
  for (const r of data.rows) {
    const id = idOf(r, data.file);
    const before = byId.get(id);
    if (before)
      refuse(
        data.file,
        r.row,
        `工单 ${id} 已在第 ${before.row} 行更正过。`,
        `work order ${id} is already corrected on row ${before.row}.`,
        ['每张工单只留一行更正。', 'Keep one correction row per work order.'],
      );
    byId.set(id, correctionOf({ ...r, id }, data.file, classifier));
  }
  return { file: data.file, byId };
}

/**
 * The classification a correction gives: its class (the third level dropped: the analyst named
 * none), decided by 'correction' with full confidence; a correction of 是否考核 alone keeps the
 * class and its method. Either way it carries the correction, which the counts and the evidence
 * read.
 */
export function corrected(c: Classification, correction: Correction, file: string): Classification {
  const said = {
    file,
    row: correction.row,
    reason: correction.reason,
    assessed: correction.assessed,
  };
  if (!correction.level1) return { ...c, correction: said };
  const reason = correction.reason ? `：${correction.reason}` : '';
  return {
    level1: correction.level1,
    level2: correction.level2,
    level3: null,
    method: 'correction',
    confidence: 1,
    evidence: `人工更正（${file} 第 ${correction.row} 行）${reason}`,
    correction: said,
  };
}
