/**
 * User-facing failures. Commands throw these; `cli.ts` is the single place that prints them
 * (one or two plain lines, no stack trace) and turns them into the exit codes of DESIGN.md §4.
 */
export const EXIT = { ok: 0, internal: 1, usage: 2, rejected: 3 } as const;

export type InputErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FORMAT_XLS'
  | 'FORMAT_ENCRYPTED'
  | 'FORMAT_UNKNOWN'
  | 'XLSX_CORRUPT'
  | 'XLSX_LIMIT'
  | 'SHEET_NOT_FOUND'
  | 'NO_HEADER'
  | 'MISSING_COLUMN'
  | 'MAP_HEADER_NOT_FOUND'
  | 'NO_DATA'
  | 'BAD_OPTION'
  | 'TARGETS_INVALID'
  | 'CONFIG_INVALID'
  | 'OUTPUT_UNWRITABLE'
  | 'OUTPUT_IS_INPUT'
  // Text inputs: over a limit of csv-parser.ts, bytes not in the file's encoding, or most rows
  // rejected for one reason.
  | 'CSV_LIMIT'
  | 'CSV_ENCODING'
  | 'FILE_UNUSABLE';

/** An input that cannot be read or a usage mistake: exit 2. */
export class InputError extends Error {
  readonly exitCode: number = EXIT.usage;
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** `--strict` and at least one row was rejected: exit 3. */
export class RejectedRowsError extends Error {
  readonly exitCode: number = EXIT.rejected;
  readonly hint =
    'Every rejected row: complaints inspect FILES --json (rejects[]). Fix them, or run without --strict.';
  constructor(
    readonly rejected: number,
    readonly firstReject: string,
  ) {
    super(`${rejected} row(s) rejected under --strict; first: ${firstReject}`);
    this.name = 'RejectedRowsError';
  }
}

export function isUserError(error: unknown): error is InputError | RejectedRowsError {
  return error instanceof InputError || error instanceof RejectedRowsError;
}
