import { describe, expect, it } from 'vitest';
import { visible } from '../../src/report/print.js';

describe('visible: control characters from the data are shown, not obeyed', () => {
  it.each([
    ['国网歙县供电公司', false, '国网歙县供电公司'],
    ['clear\x1b[2Jscreen', false, 'clear\\x1B[2Jscreen'],
    ['title\x1b]0;pwned\x07', false, 'title\\x1B]0;pwned\\x07'],
    ['bell\x07 nul\x00 del\x7f csi\x9b', false, 'bell\\x07 nul\\x00 del\\x7F csi\\x9B'],
    ['line\r\nbreak\tand tab', false, 'line\\x0D\nbreak\tand tab'],
    ['\x1b[31mred\x1b[39m', false, '\\x1B[31mred\\x1B[39m'],
    ['\x1b[31mred\x1b[39m', true, '\x1b[31mred\x1b[39m'],
    ['\x1b[31mred\x1b[2J', true, '\x1b[31mred\\x1B[2J'],
    ['\x1b[8mhidden\x1b[0m', true, '\\x1B[8mhidden\\x1B[0m'],
    ['\x1b[1mbold\x1b[22m \x1b[2mdim\x1b[22m', true, '\x1b[1mbold\x1b[22m \x1b[2mdim\x1b[22m'],
    // Bidirectional controls reorder the rest of the line: 国网\u202E司公电供县歙 reads as 国网歙县供电公司.
    ['国网\u202e司公电供县歙', false, '国网\\u202E司公电供县歙'],
    ['a\u2066b\u2069c\u200ed\u200fe\u061cf', true, 'a\\u2066b\\u2069c\\u200Ed\\u200Fe\\u061Cf'],
  ])('%j (colour %s)', (text, colour, shown) => {
    expect(visible(text, colour)).toBe(shown);
    expect(visible(visible(text, colour), colour)).toBe(shown);
  });
});
