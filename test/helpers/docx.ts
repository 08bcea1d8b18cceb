/**
 * A Word document read back from its bytes: its parts as text, and the words of each paragraph
 * of a part, so that a test checks what Word would show rather than how the XML is spelled.
 */
import PizZip from 'pizzip';

export class DocxParts {
  private readonly zip: PizZip;
  constructor(bytes: Buffer) {
    this.zip = new PizZip(bytes);
  }
  names(): string[] {
    return Object.keys(this.zip.files).sort();
  }
  text(name: string): string {
    const file = this.zip.file(name);
    if (!file) throw new Error(`no part ${name}`);
    return file.asText();
  }
}

const unescape = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/**
 * The text of each w:p of a part (tables' cells included, in document order); a non-breaking
 * hyphen (<w:noBreakHyphen/>) reads as the "-" it prints.
 */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    unescape(
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
        .map((t) => t[1] ?? '-')
        .join(''),
    ),
  );
}

/** Every match of an element with its attributes, e.g. elements(xml, 'w:rFonts'). */
export function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?=[ />])[^>]*>`, 'g'))].map((m) => m[0]);
}

export function attribute(element: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(element)?.[1];
}
