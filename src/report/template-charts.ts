/**
 * The charts of a filled template, without docxtemplater's paid image module: each chart's PNG
 * is added to the document as a part of its own (word/media, a relationship, the png content
 * type), and its tag `{@trendChart}` is replaced by a paragraph holding the picture, through
 * docxtemplater's own raw-XML tag. The picture is as wide as the template's text column (its
 * last section's page width less its margins), so a letterhead's margins are kept.
 */
import type PizZip from 'pizzip';
import type { ChartImage } from './charts.js';
import type { ChartName } from './types.js';

const RELS = 'word/_rels/document.xml.rels';
const TYPES = '[Content_Types].xml';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const NS = {
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
/** English Microsoft Office units: 914,400 a inch, 635 a twentieth of a point. */
const EMU_PER_TWIP = 635;
/** A4 less 2.8 cm and 2.6 cm margins, as official documents (GB/T 9704) lay them out. */
const DEFAULT_TEXT_WIDTH_TWIPS = 8844;

/** The text column's width in twips: the last section's page width less its side margins. */
export function textWidthTwips(documentXml: string): number {
  const sections = [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
  const last = sections.at(-1)?.[0] ?? '';
  const attr = (element: string, name: string) => {
    const tag = new RegExp(`<w:${element}\\b[^>]*>`).exec(last)?.[0] ?? '';
    const value = new RegExp(`w:${name}="(\\d+)"`).exec(tag)?.[1];
    return value === undefined ? null : Number(value);
  };
  const page = attr('pgSz', 'w');
  const left = attr('pgMar', 'left') ?? 0;
  const right = attr('pgMar', 'right') ?? 0;
  const width = page === null ? null : page - left - right;
  return width !== null && width > 0 ? width : DEFAULT_TEXT_WIDTH_TWIPS;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The paragraph that holds one picture, centred, with namespaces declared where they are used.
 * Its own single line spacing and no indent: official templates set the body's lines to an exact
 * 28 pt, which would cut a picture down to one line's height.
 */
function pictureParagraph(rel: string, id: number, chart: ChartImage, widthTwips: number): string {
  const cx = widthTwips * EMU_PER_TWIP;
  const cy = Math.round((cx * chart.height) / chart.width);
  const name = escapeXml(chart.title);
  return (
    `<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/>` +
    `<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline xmlns:wp="${NS.wp}" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="${name}" descr="${name}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS.a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}">` +
    `<pic:pic xmlns:pic="${NS.pic}"><pic:nvPicPr><pic:cNvPr id="${id}" name="${chart.name}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="${NS.r}" r:embed="${rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

/**
 * Each chart's picture paragraph by chart name, and the parts that go with them (the PNGs, their
 * relationships, the png content type), to add once the document is rendered: docxtemplater
 * writes back the parts it parsed when it renders, which would undo an earlier change. Names and
 * ids carry a prefix of their own so they cannot meet the template's (rId1, image1.png).
 */
export function placeCharts(
  documentXml: string,
  charts: readonly ChartImage[],
): { paragraphs: Map<ChartName, string>; addParts(zip: PizZip): void } {
  const width = textWidthTwips(documentXml);
  const paragraphs = new Map<ChartName, string>();
  const rels: string[] = [];
  charts.forEach((chart, i) => {
    const rel = `rIdComplaintsChart${i + 1}`;
    rels.push(
      `<Relationship Id="${rel}" Type="${IMAGE_REL}" Target="media/complaints-${chart.name}.png"/>`,
    );
    paragraphs.set(chart.name, pictureParagraph(rel, 7001 + i, chart, width));
  });
  const addParts = (zip: PizZip) => {
    if (charts.length === 0) return;
    for (const chart of charts) zip.file(`word/media/complaints-${chart.name}.png`, chart.png);
    const relsXml =
      zip.file(RELS)?.asText() ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    zip.file(RELS, relsXml.replace('</Relationships>', `${rels.join('')}</Relationships>`));
    const types = zip.file(TYPES)?.asText() ?? '';
    if (!/<Default\s[^>]*Extension="png"/i.test(types))
      zip.file(
        TYPES,
        types.replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>'),
      );
  };
  return { paragraphs, addParts };
}
