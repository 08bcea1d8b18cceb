/**
 * Display width of text (a Chinese character is two columns), as string-width measures it, but
 * without its grapheme segmenter and emoji expressions for the characters of nearly every
 * complaint: printable ASCII, CJK ideographs, CJK punctuation and full-width forms. 明细 measures
 * every complaint's text to size its row; string-width alone took most of `report --detail`.
 */
import stringWidth from 'string-width';

export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (isWideCjk(c)) width += 2;
    else return stringWidth(text);
  }
  return width;
}

/**
 * A character string-width counts as two columns among those measured here without it (CJK
 * ideographs, CJK punctuation, full-width forms); also read from UTF-8 bytes (detail-xml.ts).
 */
export function isWideCjk(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0x3030 && c <= 0x303e) ||
    (c >= 0xff01 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}
