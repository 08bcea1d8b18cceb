/**
 * How text measures on the bulletin's page, without the Word library: the page and its
 * official margins, the type sizes, the width of a text in ems, and where a title too long for
 * one line is cut. The built-in bulletin (docx.ts, docx-table.ts) lays out with these, and a
 * company template's {titleLines} is cut the same way (template-data.ts) without loading docx.
 */

/** Twips (1/1440 inch): A4 and the official margins. */
export const PAGE = { width: 11906, height: 16838 };
const MM = 1440 / 25.4;
export const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
  // The page number sits 7 mm below the text: 28 mm above the page's edge, less its line.
  footer: Math.round(21 * MM),
  header: Math.round(15 * MM),
};
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

/** 28.95 pt, the text's fixed line: 22 lines in the 225 mm text height. */
export const LINE = 579;
/** A picture's width in pixels at 96 dpi: the text width. */
export const PICTURE_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);
/** The space before a picture and after its caption, twips. */
export const PICTURE_SPACE = 120;

/**
 * The pixels a chart of the bulletin gives up from its height against the workbook's (960×540,
 * its plot shorter, its words the same size): a picture with its caption then takes at most a
 * third of the text height, so a picture too tall for the room left at the foot of a page
 * leaves less than a third of that page blank. At the workbook's height a picture and its
 * caption took 44% of a page, and a page ended up to 46% blank (LibreOffice's rendering of
 * 2016Q4).
 */
export function bulletinChartShorter(chartWidth: number, chartHeight: number): number {
  const room = TEXT_HEIGHT / 3 - (PICTURE_SPACE + LINE + PICTURE_SPACE);
  const tallest = Math.floor((room / 15) * (chartWidth / PICTURE_WIDTH));
  return Math.max(0, chartHeight - tallest);
}

/** Points. */
export const SIZE = { title: 22, subtitle: 14, text: 16, pageNumber: 14 };

export const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Widths in ems of Times New Roman's characters that differ from a half em. */
const LATIN_EMS: Record<string, number> = {
  '.': 0.25,
  ',': 0.25,
  ':': 0.28,
  ' ': 0.25,
  '-': 0.33,
  '(': 0.33,
  ')': 0.33,
  '/': 0.28,
  '%': 0.83,
  '+': 0.56,
  '\u2212': 0.56,
  '=': 0.56,
  '\u2013': 0.5,
  '\u00d7': 0.56,
};

/**
 * How wide a text prints, in ems: CJK and full-width forms one, Latin letters and figures
 * as Times New Roman draws them, plus a twentieth for bold and for other fonts' metrics.
 */
export function ems(text: string, bold = false): number {
  let n = 0;
  for (const ch of text) {
    if (CJK.test(ch)) n += 1;
    else if (ch in LATIN_EMS) n += LATIN_EMS[ch]!;
    else if (/[A-Z]/.test(ch)) n += 0.72;
    else if (/[mw]/.test(ch)) n += 0.75;
    else n += 0.5;
  }
  return n * (bold ? 1.1 : 1.05);
}

/**
 * A title too long for a line, cut in two where a reader would: after the period (…2016年11月 |
 * 95598客户投诉分析通报), else after the company or, in English, a colon or a comma; of those
 * cuts the one with the most even lines. Otherwise the first line would run to its end
 * ("…95598客户投|诉分析通报"). A title no two lines hold gets three: the company, the period, the
 * rest.
 */
export function titleLines(title: string, depth = 0): string[] {
  const fits = (text: string) => ems(text) * SIZE.title * 20 <= TEXT_WIDTH;
  if (fits(title)) return [title];
  const cuts = (pattern: RegExp) =>
    [...title.matchAll(pattern)]
      .map((m) => [title.slice(0, m.index + m[0].length), title.slice(m.index + m[0].length)])
      .filter(([a, b]) => b !== '' && fits(a!) && fits(b!))
      .sort((x, y) => Math.max(ems(x[0]!), ems(x[1]!)) - Math.max(ems(y[0]!), ems(y[1]!)));
  // 年 ends the period unless a month, a span of months, a quarter or a week follows it; 月
  // unless a day does; a week ends at the bracket of its days.
  const best =
    cuts(/日(?![至–）-])|月(?!\d{1,2}日)|季度|周(?!（)|）|年(?!\d{1,2}[月–-]|第)/g)[0] ??
    cuts(/公司|: |, /g)[0];
  if (best) return best;
  // A week's title (its days in brackets) fits in no two lines: the company on a line of its own,
  // an English title's colon kept with it (not opening the next line).
  const company = /公司(?:: )?/.exec(title);
  if (company && depth === 0) {
    const end = company.index + company[0].length;
    const rest = titleLines(title.slice(end), 1);
    if (rest.every(fits)) return [title.slice(0, end), ...rest];
  }
  return [title];
}
