/**
 * User-facing failures. Commands throw these; `cli.ts` is the single place that prints them
 * (one or two plain lines, no stack trace) and turns them into the exit codes of DESIGN.md §4.
 */
import { zhRejectReason } from './ingest/reject-reasons.js';

export const EXIT = { ok: 0, internal: 1, usage: 2, rejected: 3, warned: 4 } as const;

/** The two languages of everything the tool says: Chinese by default, English with --lang en. */
export type Lang = 'zh' | 'en';

/**
 * A message in both languages. Errors are thrown before or while settings are read, so they
 * carry both and cli.ts prints the one of the run (its --lang, else the config file's "lang").
 */
export interface Said {
  readonly zh: string;
  readonly en: string;
}

export function said(zh: string, en: string): Said {
  return { zh, en };
}

/**
 * A place in a small file (targets, units, codes) as messages give it after the file name:
 * " row 7" (a row of a sheet or CSV), "[3]" (an item of a JSON array), ".KEY" or "". In Chinese
 * a row is " 第 7 行"; the others read the same in both languages.
 */
export function placeSaid(where: string): Said {
  const row = /^ row (\d+)$/.exec(where);
  return said(row ? ` 第 ${row[1]} 行` : where, where);
}

/** The same place inside a sentence, without its leading space: "第 7 行" / "row 7". */
export function placeInSentence(where: string): Said {
  const place = placeSaid(where);
  return said(place.zh.trim(), place.en.trim());
}

export type InputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FORMAT_XLS'
  /** A web page or an Excel 2003 XML table, under any name. */
  | 'FORMAT_HTML'
  | 'FORMAT_ENCRYPTED'
  | 'FORMAT_UNKNOWN'
  | 'XLSX_CORRUPT'
  | 'XLSX_LIMIT'
  | 'SHEET_NOT_FOUND'
  | 'NO_HEADER'
  | 'MISSING_COLUMN'
  | 'MAP_HEADER_NOT_FOUND'
  | 'MAP_COLUMN_TAKEN'
  | 'NO_DATA'
  // Work orders, but no business type means complaint (codes such as ZX/TS): complaint-types.ts.
  | 'NO_COMPLAINTS'
  | 'BAD_OPTION'
  | 'TARGETS_INVALID'
  | 'CONFIG_INVALID'
  | 'OUTPUT_UNWRITABLE'
  | 'OUTPUT_IS_INPUT'
  // Text inputs: over a limit of csv-parser.ts, bytes not in the file's encoding, or most rows
  // rejected for one reason.
  | 'CSV_LIMIT'
  | 'CSV_ENCODING'
  | 'FILE_UNUSABLE'
  // A file that is something else than an export: a targets file, a JSON file.
  | 'NOT_AN_EXPORT'
  // --template: not a Word document, damaged, unbalanced tags or tags the tool does not know.
  | 'BAD_TEMPLATE'
  // --units: a cycle, a parent not in the file, a code or a name given twice; --codes likewise.
  | 'UNITS_INVALID'
  | 'CODES_INVALID'
  // --corrections: a class not in the taxonomy, a 是否考核 not 是/否, a work order twice.
  | 'CORRECTIONS_INVALID';

/**
 * Where a problem is, for callers that react to it (the message names it for people): the file
 * as the message names it, and the 1-based row (for CSV, the line) when there is one.
 */
export interface ErrorLocation {
  file?: string;
  row?: number;
}

/**
 * An input that cannot be read or a usage mistake: exit 2. `message` is the English text (for
 * logs and stack traces); `said` and `saidHint` hold both languages for the user.
 */
export class InputError extends Error {
  readonly exitCode: number = EXIT.usage;
  readonly file?: string;
  readonly row?: number;
  readonly hint: string | undefined;
  readonly said: Said;
  readonly saidHint: Said | undefined;
  constructor(
    readonly code: InputErrorCode,
    message: Said,
    hint?: Said,
    where: ErrorLocation = {},
  ) {
    super(message.en);
    this.hint = hint?.en;
    this.said = message;
    this.saidHint = hint;
    this.name = 'InputError';
    if (where.file !== undefined) this.file = where.file;
    if (where.row !== undefined) this.row = where.row;
  }
}

/**
 * The refusal of a small file that cannot be used (targets, units, codes): "FILE[ row N]:
 * message", the row kept for callers when `where` names one.
 */
export function invalidAt(
  code: InputErrorCode,
  file: string,
  where: string,
  message: Said,
  hint: Said,
): InputError {
  const row = /^ row (\d+)$/.exec(where);
  const place = placeSaid(where);
  return new InputError(
    code,
    said(`${file}${place.zh}：${message.zh}`, `${file}${place.en}: ${message.en}`),
    hint,
    { file, row: row ? Number(row[1]) : undefined },
  );
}

/** `--strict` and at least one row was rejected: exit 3. */
export class RejectedRowsError extends Error {
  readonly exitCode: number = EXIT.rejected;
  readonly hint =
    'Every rejected row: complaints inspect FILES --json (rejects[]). Fix them, or run without --strict.';
  readonly said: Said;
  readonly saidHint = said(
    '查看每一个被拒绝的行：complaints inspect 文件 --json（rejects[]）。请修正这些行，或去掉 --strict 运行。',
    this.hint,
  );
  readonly file?: string;
  readonly row?: number;
  constructor(
    readonly rejected: number,
    first: { file: string; row: number; reason: string } | undefined,
  ) {
    const en = `${rejected} row(s) rejected under --strict; first: ${first ? `${first.file} row ${first.row}: ${first.reason}` : 'see complaints inspect'}`;
    super(en);
    this.said = said(
      `--strict：有 ${rejected} 行被拒绝；第一行：${first ? `${first.file} 第 ${first.row} 行：${zhRejectReason(first.reason)}` : '见 complaints inspect'}`,
      en,
    );
    this.name = 'RejectedRowsError';
    if (first) {
      this.file = first.file;
      this.row = first.row;
    }
  }
}

/**
 * The --strict check, the same for every command that reads exports: after reading, before any
 * output is put in place.
 */
export function refuseRejects(
  strict: boolean,
  result: {
    totals: { rejected: number };
    rejects: readonly { file: string; row: number; reason: string }[];
  },
): void {
  if (strict && result.totals.rejected > 0) {
    throw new RejectedRowsError(result.totals.rejected, result.rejects[0]);
  }
}

/**
 * `--strict` and a unit of the targets file matches no unit in the data (a typo such as
 * 国网歙县供电公): exit 3, as for rejected rows — a figure would silently leave that target out.
 */
export class UnmatchedTargetsError extends Error {
  readonly exitCode: number = EXIT.rejected;
  readonly code = 'TARGETS_UNMATCHED';
  readonly hint =
    'Correct the unit names in the targets file to those of the exports, or run without --strict.';
  readonly said: Said;
  readonly saidHint = said(
    '请把考核指标文件里的单位名称改成导出文件里的写法，或去掉 --strict 运行。',
    this.hint,
  );
  readonly file: string;
  constructor(file: string, unmatched: readonly { unit: string; closest: string | null }[]) {
    const list = unmatched
      .map((u) => (u.closest === null ? u.unit : `${u.unit} (did you mean ${u.closest}?)`))
      .join(', ');
    const zhList = unmatched
      .map((u) => (u.closest === null ? u.unit : `${u.unit}（是不是 ${u.closest}？）`))
      .join('、');
    super(
      `${file}: ${unmatched.length} unit(s) match no unit in the data, under --strict: ${list}`,
    );
    this.said = said(
      `${file}：--strict 下有 ${unmatched.length} 个单位在数据里找不到：${zhList}`,
      this.message,
    );
    this.name = 'UnmatchedTargetsError';
    this.file = file;
  }
}

/** The --strict check of the targets: after the analysis, before any output is put in place. */
export function refuseUnmatchedTargets(
  strict: boolean,
  targets: { file: string; unmatched: readonly { unit: string; closest: string | null }[] } | null,
): void {
  if (strict && targets && targets.unmatched.length > 0)
    throw new UnmatchedTargetsError(targets.file, targets.unmatched);
}

/**
 * A file of the installed package is missing or unreadable (a chart font): nothing the user's
 * inputs or options can fix, so exit 1 as an internal error does, but said plainly, with what
 * to do.
 */
export class InstallError extends Error {
  readonly exitCode: number = EXIT.internal;
  readonly code = 'INSTALL_BROKEN';
  readonly hint: string | undefined = undefined;
  readonly said: Said;
  constructor(
    message: Said,
    readonly file: string,
  ) {
    super(message.en);
    this.said = message;
    this.name = 'InstallError';
  }
}

/**
 * `warn --fail-on red|yellow` and a unit at or above that level: exit 4, after the warnings were
 * printed, so that cron mails them (its output) and a script can tell a warning from a failure.
 */
export class WarningLevelError extends Error {
  readonly exitCode: number = EXIT.warned;
  readonly code = 'WARNED';
  readonly hint: string | undefined = undefined;
  readonly said: Said;
  constructor(message: Said) {
    super(message.en);
    this.said = message;
    this.name = 'WarningLevelError';
  }
}

export type UserError =
  InputError | RejectedRowsError | UnmatchedTargetsError | InstallError | WarningLevelError;

export function isUserError(error: unknown): error is UserError {
  return (
    error instanceof InputError ||
    error instanceof RejectedRowsError ||
    error instanceof UnmatchedTargetsError ||
    error instanceof InstallError ||
    error instanceof WarningLevelError
  );
}

/** What cli.ts prints for a user error, in the run's language. */
export function userMessage(
  error: UserError,
  lang: Lang,
): { message: string; hint: string | undefined } {
  const bilingual: { said: Said; saidHint?: Said | undefined } = error;
  return {
    message: bilingual.said[lang],
    hint: bilingual.saidHint === undefined ? error.hint : bilingual.saidHint[lang],
  };
}
