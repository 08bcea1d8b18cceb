/**
 * --sheet reads a workbook's sheet and --encoding decodes a text file: given for inputs that
 * are all of the other kind, the option did nothing, and the run says so (issue 12: no option
 * is silently ignored). Each input also carries a note when the option did not apply to it
 * (io/source.ts), which inspect shows. Pure.
 */
import { said, type Said } from '../errors.js';
import type { IngestSettings, InputSummary } from './types.js';

export function formatOptionWarnings(
  settings: Pick<IngestSettings, 'sheet' | 'encoding'>,
  inputs: readonly Pick<InputSummary, 'format'>[],
): Said[] {
  if (inputs.length === 0) return [];
  const warnings: Said[] = [];
  if (settings.sheet !== null && inputs.every((i) => i.format !== 'xlsx')) {
    warnings.push(
      said(
        `--sheet ${settings.sheet} 没有用到：输入中没有 xlsx 工作簿。`,
        `--sheet ${settings.sheet} was not used: no input is an xlsx workbook.`,
      ),
    );
  }
  if (settings.encoding !== null && inputs.every((i) => i.format !== 'csv')) {
    warnings.push(
      said(
        `--encoding ${settings.encoding} 没有用到：输入中没有文本文件（工作簿自带编码）。`,
        `--encoding ${settings.encoding} was not used: no input is a text file (a workbook carries its own encoding).`,
      ),
    );
  }
  return warnings;
}
