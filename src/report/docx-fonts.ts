/**
 * The fonts of the Word bulletin. The official layout (党政机关公文格式, GB/T 9704) names the
 * fonts a bulletin is printed in: 方正小标宋简体 for the title, 黑体 for the numbered headings,
 * 楷体_GB2312 for captions and sub-headings, 仿宋_GB2312 for the text, Times New Roman for
 * figures and Latin letters.
 *
 * Every run names four fonts (w:rFonts ascii, hAnsi, cs and eastAsia): Word picks the font by
 * the script of each character, and WPS shows Chinese in its default font when eastAsia is
 * absent, whatever the other three say.
 *
 * A missing font. Windows since Vista ships 仿宋 (FangSong) and 楷体 (KaiTi) but not their
 * _GB2312 cuts, and 方正小标宋简体 only comes with the Founder fonts. Word then reads the font
 * table: it tries w:altName, then the closest installed font by panose, charset and family;
 * WPS maps 仿宋_GB2312 to 仿宋 itself and otherwise falls back to its default (宋体);
 * LibreOffice has its own replacement table and fontconfig. So the official names stay in the
 * runs (an office that has them gets the exact layout) and fontTable.xml gives each an
 * alternative every Chinese Windows has: 仿宋, 楷体, and 黑体 for the title (bold and heavy like
 * 小标宋, where 宋体 would print thin), with the panose and GB2312 charset (86) of that face.
 */
import type { Lang } from '../settings/types.js';

export type FontRole =
  'title' | 'subtitle' | 'heading' | 'body' | 'caption' | 'table' | 'tableHead';

export const LATIN = 'Times New Roman';
/** The face for Chinese words (unit names) in an English bulletin: on every Chinese Windows. */
const SIMSUN = '宋体';

const CHINESE: Record<FontRole, string> = {
  title: '方正小标宋简体',
  subtitle: '楷体_GB2312',
  heading: '黑体',
  body: '仿宋_GB2312',
  caption: '楷体_GB2312',
  table: '仿宋_GB2312',
  tableHead: '黑体',
};

/** What a run names: the Chinese face for CJK, Times New Roman for the rest. */
export function runFonts(role: FontRole, lang: Lang) {
  const eastAsia = lang === 'zh' ? CHINESE[role] : SIMSUN;
  return { ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia };
}

interface FontEntry {
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'variable' | 'fixed';
}

const FONT_TABLE: readonly FontEntry[] = [
  {
    name: LATIN,
    panose: '02020603050405020304',
    charset: '00',
    family: 'roman',
    pitch: 'variable',
  },
  {
    name: '仿宋_GB2312',
    altName: '仿宋',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '楷体_GB2312',
    altName: '楷体',
    panose: '02010609030101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '方正小标宋简体',
    altName: '黑体',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '黑体',
    altName: 'SimHei',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '宋体',
    altName: 'SimSun',
    panose: '02010600030101010101',
    charset: '86',
    family: 'auto',
    pitch: 'variable',
  },
  {
    name: '仿宋',
    altName: 'FangSong',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
  {
    name: '楷体',
    altName: 'KaiTi',
    panose: '02010609060101010101',
    charset: '86',
    family: 'modern',
    pitch: 'fixed',
  },
];

/**
 * word/fontTable.xml, written over the docx package's (which lists only embedded fonts): the
 * fonts the runs name, each with its alternative and its description.
 */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}` +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}
