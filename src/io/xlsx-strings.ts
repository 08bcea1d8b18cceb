/**
 * The shared-string table of a workbook (xl/sharedStrings.xml), scanned as it inflates. It is
 * held in memory for the whole sheet, so it has limits of its own beside the inflated size.
 */
import { said, type InputError } from '../errors.js';
import { damagedWorkbook, limitError } from './xlsx-errors.js';
import { MAX_CELL_CHARS } from './xlsx-sheet.js';
import { MAX_PENDING, decodeText, itemText, localName, nameEnd } from './xml-text.js';

/**
 * Held in memory for the whole sheet: 16M strings is 128 MB of references alone. A
 * 1,048,575-row export whose id, text, customer, phone and two time columns are all unique
 * has about 6.3M.
 */
export const MAX_SHARED_STRINGS = 16_777_216;

/** The shared-string table, from the XML of xl/sharedStrings.xml given in chunks. */
export class SharedStringsScanner {
  readonly strings: string[] = [];
  private last = '';

  constructor(private readonly file: string) {}

  scan(s: string): number {
    let at = 0;
    for (;;) {
      const lt = s.indexOf('<', at);
      if (lt < 0) return s.length;
      const gt = s.indexOf('>', lt);
      if (gt < 0) return lt;
      const end = nameEnd(s, lt + 1);
      if (s.charCodeAt(lt + 1) !== 47 && localName(s, lt + 1, end) === 'si') {
        if (s.charCodeAt(gt - 1) === 47) {
          this.add('');
          at = gt + 1;
          continue;
        }
        const closeTag = `</${s.slice(lt + 1, end)}>`;
        const close = s.indexOf(closeTag, gt);
        if (close < 0) return lt;
        this.add(decodeText(itemText(s, gt + 1, close)));
        at = close + closeTag.length;
        continue;
      }
      at = gt + 1;
    }
  }

  finish(rest: string): void {
    if (rest.trim().length > 0) {
      throw damagedWorkbook(
        this.file,
        said(
          `共享字符串在第 ${this.strings.length + 1} 个字符串中间就结束了`,
          `its shared strings end in the middle of string ${this.strings.length + 1}`,
        ),
      );
    }
  }

  tooLongElement(): InputError {
    return limitError(
      this.file,
      said(
        `第 ${this.strings.length + 1} 个共享字符串超过 ${MAX_PENDING.toLocaleString('en')} 个字符（Excel 单元格的上限是 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符）。`,
        `shared string ${this.strings.length + 1} is longer than ${MAX_PENDING.toLocaleString('en')} characters (Excel's limit is ${MAX_CELL_CHARS.toLocaleString('en')} characters in a cell).`,
      ),
    );
  }

  private add(text: string): void {
    if (text.length > MAX_CELL_CHARS) {
      throw limitError(
        this.file,
        said(
          `第 ${this.strings.length + 1} 个共享字符串有 ${text.length.toLocaleString('en')} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS.toLocaleString('en')}。`,
          `shared string ${this.strings.length + 1} holds ${text.length.toLocaleString('en')} characters, over Excel's limit of ${MAX_CELL_CHARS.toLocaleString('en')} in a cell.`,
        ),
      );
    }
    if (this.strings.length >= MAX_SHARED_STRINGS) {
      throw limitError(
        this.file,
        said(
          `工作簿的共享字符串超过 ${MAX_SHARED_STRINGS.toLocaleString('en')} 个，真正的导出文件不会有这么多。`,
          `the workbook has more than ${MAX_SHARED_STRINGS.toLocaleString('en')} shared strings; no real export has that many.`,
        ),
      );
    }
    // A zip bomb repeats itself: the same string again costs a reference, not a copy.
    this.last = text === this.last ? this.last : text;
    this.strings.push(this.last);
  }
}
