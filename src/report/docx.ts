/**
 * The written bulletin as a Word document, in the official layout of a 公文 (GB/T 9704): A4,
 * margins 37/35/28/26 mm (a 156 mm text width), the title in 方正小标宋 二号 centred, the text
 * in 仿宋 三号 on a fixed 29 pt line (22 lines a page) with a two-character indent, headings in
 * 黑体, captions in 楷体, the page number "— N —" centred below the text. Fonts and their
 * fallbacks: docx-fonts.ts; tables: docx-table.ts. It lays out the report model's bulletin and
 * computes no figure.
 *
 * The same model gives the same XML: the document's properties come from the model (its title,
 * the units it covers, the time it was made and its date of issue), never from the clock.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type IRunOptions,
} from 'docx';
import type { Lang } from '../settings/types.js';
import type { ChartImage } from './charts.js';
import { fontTableXml, runFonts, type FontRole } from './docx-fonts.js';
import { chinaDay, stampMoment } from './format.js';
import { wordTable } from './docx-table.js';
import {
  LINE,
  MARGIN,
  PAGE,
  PICTURE_SPACE,
  PICTURE_WIDTH,
  SIZE,
  TEXT_WIDTH,
  ems,
  titleLines,
} from './word-metrics.js';
import { paragraphText, type BulletinSection, type ReportModel } from './types.js';

/** The words of the layout itself, beside the renderer (labels.ts holds the model's). */
const WORDS = {
  zh: {
    figure: (n: number, title: string) => `图${n} ${title}`,
    page: (current: string) => ['— ', current, ' —'],
  },
  en: {
    figure: (n: number, title: string) => `Figure ${n}. ${title}`,
    page: (current: string, total: string) => ['Page ', current, ' of ', total],
  },
};

function run(
  text: string,
  role: FontRole,
  lang: Lang,
  size: number,
  more: IRunOptions = {},
): TextRun {
  return new TextRun({ text, font: runFonts(role, lang), size: size * 2, ...more });
}

function titleBlock(model: ReportModel): Paragraph[] {
  const { lang, bulletin } = model;
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 240 },
    indent: { firstLine: 0 },
    keepNext: true,
    children: titleLines(bulletin.title).map((line, i) =>
      // 小标宋 is a display face; Times New Roman needs bold to read as a title.
      run(line, 'title', lang, SIZE.title, { bold: lang === 'en', ...(i > 0 ? { break: 1 } : {}) }),
    ),
  });
  const lines = bulletin.subtitle.split('\n').filter((l) => l.trim() !== '');
  const subtitle = lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: {
          line: 400,
          lineRule: LineRuleType.EXACT,
          after: i === lines.length - 1 ? LINE : 0,
        },
        indent: { firstLine: 0 },
        keepNext: true,
        children: [run(line, 'subtitle', lang, SIZE.subtitle)],
      }),
  );
  return [title, ...subtitle];
}

function caption(text: string, lang: Lang, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { firstLine: 0 },
    keepNext,
    keepLines: true,
    spacing: { before: keepNext ? 120 : 0, after: keepNext ? 60 : PICTURE_SPACE },
    children: [run(text, 'caption', lang, 14)],
  });
}

function sectionBlock(
  s: BulletinSection,
  lang: Lang,
  charts: ReadonlyMap<string, ChartImage>,
  figureNumber: { n: number },
  last: boolean,
): FileChild[] {
  // The document's last paragraph goes with the closing (sources and date), which a 公文 never
  // leaves alone on a page.
  const ending = last && s.tables.length === 0 && !s.charts.some((name) => charts.has(name));
  const out: FileChild[] = [
    new Paragraph({
      keepNext: true,
      indent: { firstLine: 640 },
      // 黑体 is heavy already; Times New Roman needs bold to stand out as a heading.
      children: [run(s.heading, 'heading', lang, SIZE.text, { bold: lang === 'en' })],
    }),
    ...s.paragraphs.map(
      (p, i) =>
        new Paragraph({
          keepNext: ending && i === s.paragraphs.length - 1,
          children: [run(paragraphText(p), 'body', lang, SIZE.text)],
        }),
    ),
  ];
  for (const t of s.tables) {
    if (t.caption) out.push(caption(t.caption, lang, true));
    out.push(wordTable(t, lang, TEXT_WIDTH));
    // A line of space after the table, in a small size so it costs little.
    out.push(new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.EXACT }, children: [] }));
  }
  for (const name of s.charts) {
    const image = charts.get(name);
    if (!image) continue;
    figureNumber.n += 1;
    const height = Math.round((image.height * PICTURE_WIDTH) / image.width);
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        keepNext: true,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: PICTURE_SPACE },
        children: [
          new ImageRun({
            type: 'png',
            data: image.png,
            transformation: { width: PICTURE_WIDTH, height },
            // The picture's own id: the package's default is a counter shared by every document
            // the process makes, so a second document would differ.
            altText: {
              id: String(figureNumber.n),
              name,
              title: image.title,
              description: image.title,
            },
          }),
        ],
      }),
      caption(WORDS[lang].figure(figureNumber.n, image.title), lang, false),
    );
  }
  return out;
}

/**
 * The sources line as lines that end only between its items (after 、，；, and ;), each
 * within the text width at its size — a file name (95598-2016-06-12-gb18030.csv) or the time
 * never broken — and its hyphens Word's non-breaking ones (<w:noBreakHyphen/>), which print and
 * copy as "-" (U+2011 would change the name a reader copies). Hyphens alone are not enough:
 * LibreOffice then found no break after the full-width comma and cut the name inside
 * (gb180 | 30.csv). An item wider than a line keeps a line of its own.
 */
function sourcesRuns(text: string, lang: Lang): TextRun[] {
  const room = TEXT_WIDTH * 0.95;
  const lines: string[] = [];
  for (const item of text.match(/[^、，；,;]*(?:[、，；]|[,;]\s*|$)/g)!.filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && ems(last + item.trimEnd()) * SIZE.subtitle * 20 <= room)
      lines[lines.length - 1] = last + item;
    else lines.push(item);
  }
  const hyphensKept = (line: string) =>
    line
      .split('-')
      .flatMap((part, i) => (i === 0 ? [part] : [new NoBreakHyphen(), part]))
      .filter((piece) => piece !== '');
  return lines.map(
    (line, i) =>
      new TextRun({
        children: hyphensKept(line),
        font: runFonts('body', lang),
        size: SIZE.subtitle * 2,
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

/**
 * After the sections, right-aligned: the sources in a smaller size, then the date, which a
 * 公文 sets four characters in from the right margin (成文日期右空四字).
 */
function closingBlock(model: ReportModel): Paragraph[] {
  const { lang, bulletin } = model;
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0 },
      keepNext: true,
      keepLines: true,
      spacing: { before: LINE / 2, line: 400, lineRule: LineRuleType.EXACT },
      children: sourcesRuns(bulletin.closing.sources, lang),
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, right: lang === 'zh' ? 4 * SIZE.text * 20 : 0 },
      spacing: { before: LINE / 2 },
      children: [run(bulletin.closing.date, 'body', lang, SIZE.text)],
    }),
  ];
}

function pageFooter(lang: Lang): Footer {
  const parts =
    lang === 'zh'
      ? WORDS.zh.page(PageNumber.CURRENT)
      : WORDS.en.page(PageNumber.CURRENT, PageNumber.TOTAL_PAGES);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        indent: { firstLine: 0 },
        children: [
          new TextRun({ children: parts, font: runFonts('body', lang), size: SIZE.pageNumber * 2 }),
        ],
      }),
    ],
  });
}

/**
 * The document's date (docProps created and modified, W3CDTF), agreeing with its date of issue:
 * the moment it was made when that is on the day of issue in China, else the day of issue's
 * midnight in China (--issued: a bulletin prepared on the 2nd for the 3rd is dated the 3rd).
 */
function documentTime(model: ReportModel): string {
  const made = stampMoment(model.generatedAt);
  if (made && chinaDay(made) === model.issued) {
    // 2016-12-05 08:00 UTC+08:00 → 2016-12-05T08:00:00+08:00, in the zone the stamp was made in.
    const [day, time, zone] = model.generatedAt.split(' ') as [string, string, string];
    const offset = zone.slice(3);
    return `${day}T${time}:00${offset === '+00:00' ? 'Z' : offset}`;
  }
  return `${model.issued}T00:00:00+08:00`;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml from the model: the docx package stamps the current time. */
function coreXml(model: ReportModel): string {
  const at = documentTime(model);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(model.bulletin.title)}</dc:title>` +
    `<dc:creator>${escapeXml(model.scope)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(model.scope)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function bulletinDocx(
  model: ReportModel,
  charts: readonly ChartImage[],
): Promise<Buffer> {
  const { lang } = model;
  const images = new Map(charts.map((c) => [c.name, c]));
  const figureNumber = { n: 0 };
  const sections = model.bulletin.sections;
  const body = sections.flatMap((s, i) =>
    sectionBlock(s, lang, images, figureNumber, i === sections.length - 1),
  );
  const doc = new Document({
    title: model.bulletin.title,
    creator: model.scope,
    styles: {
      default: {
        document: {
          // The languages decide which font Word gives a character both scripts share (the
          // quotes “”, the dash of the page number): Chinese text takes the Chinese face.
          run: {
            font: runFonts('body', lang),
            size: SIZE.text * 2,
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: {
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            indent: { firstLine: 640 },
            alignment: AlignmentType.BOTH,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
        },
        footers: { default: pageFooter(lang) },
        children: [...titleBlock(model), ...body, ...closingBlock(model)],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(model) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
