/**
 * The written bulletin in the company's own template (`--template 模板.docx`): their letterhead
 * (红头), fonts, styles and signature block, with docxtemplater's tags replaced by the report
 * model's texts (template-data.ts lists them). A tag alone in its paragraph opens a loop that
 * repeats whole paragraphs (`paragraphLoop`), so each of the bulletin's paragraphs takes the
 * style of the template's paragraph it replaces; a loop in a table row repeats the row.
 *
 * Every way a template can be wrong is the user's to fix and said in one or two lines (exit 2,
 * BAD_TEMPLATE): not a .docx, damaged, tags that do not pair, tags the tool does not know (all
 * of them named, each with the closest known one), no tag it knows at all (a finished bulletin
 * given by mistake would come out unchanged). The template file is only read.
 */
import { readFile } from 'node:fs/promises';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { InputError } from '../errors.js';
import { ZipArchive, bufferSource } from '../io/zip.js';
import { closest } from '../settings/suggest.js';
import type { ChartImage } from './charts.js';
import { placeCharts } from './template-charts.js';
import { checkTags, TagCollector, type UsedTags } from './template-tags.js';
import { SectionData, templateData } from './template-data.js';
import type { ReportModel } from './types.js';

const DOCUMENT = 'word/document.xml';
const DOCX_HINT = 'Give a Word document saved as .docx (Word: File > Save As > Word Document).';

function templateError(file: string, message: string, hint?: string): InputError {
  return new InputError('BAD_TEMPLATE', `--template ${file}: ${message}`, hint, { file });
}

/** The template's bytes: a missing file or a folder is said as for any other input. */
async function readTemplate(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError(
        'FILE_NOT_FOUND',
        `--template ${file}: no such file.`,
        'Check the path; a path in the config file is relative to its folder.',
        { file },
      );
    if (code === 'EISDIR')
      throw new InputError(
        'FILE_UNREADABLE',
        `--template ${file}: is a folder, not a file.`,
        DOCX_HINT,
        {
          file,
        },
      );
    throw new InputError(
      'FILE_UNREADABLE',
      `--template ${file}: cannot be read (${code ?? String(error)}).`,
      undefined,
      { file },
    );
  }
}

/**
 * A template is read whole into memory (pizzip): its parts, inflated, may not pass
 * MAX_TEMPLATE_BYTES, so a zip bomb given as a template is refused before it is inflated. The
 * sizes are the zip's own (its central directory, read by src/io/zip.ts); a damaged one is left to
 * openZip's message. Real templates are a few hundred KB, with a logo or two.
 */
const MAX_TEMPLATE_BYTES = 256 * 1024 ** 2;

async function checkInflatedSize(file: string, bytes: Buffer): Promise<void> {
  let total = 0;
  try {
    const archive = await ZipArchive.open(file, bufferSource(bytes));
    for (const entry of archive.entries.values()) total += entry.size;
  } catch {
    return; // not a readable zip: openZip says what it is
  }
  if (total > MAX_TEMPLATE_BYTES)
    throw templateError(
      file,
      `its parts inflate to ${Math.round(total / 1024 ** 2)} MiB, more than a template can be (${MAX_TEMPLATE_BYTES / 1024 ** 2} MiB).`,
      'Give the bulletin template itself: a Word document of text, tables and a logo or two.',
    );
}

/** The bytes as a Word document's zip, or why they are not one. */
function openZip(file: string, bytes: Buffer): PizZip {
  // A .doc (Word 97–2003) and an encrypted .docx are both OLE compound files.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw templateError(
      file,
      'a Word 97–2003 .doc file or a password-protected document, not a .docx.',
      'Open it in Word or WPS, remove any password, and save it as .docx (Word Document).',
    );
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw templateError(
      file,
      'not a Word document (.docx is a zip file; this is not one).',
      DOCX_HINT,
    );
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (error) {
    throw templateError(
      file,
      `the file is damaged (${error instanceof Error ? error.message : String(error)}).`,
      'Open it in Word or WPS and save it again, or use the original template.',
    );
  }
  if (zip.file(DOCUMENT) === null)
    throw templateError(
      file,
      `a zip file but not a Word document (no ${DOCUMENT}).`,
      zip.file('xl/workbook.xml') !== null ? 'It is an Excel workbook. ' + DOCX_HINT : DOCX_HINT,
    );
  return zip;
}

/** A Word template (.dotx) filled is a document: its main part says so, or Word refuses it. */
function asDocument(zip: PizZip): void {
  const types = zip.file('[Content_Types].xml')?.asText();
  if (types === undefined) return;
  const fixed = types
    .replace('wordprocessingml.template.main+xml', 'wordprocessingml.document.main+xml')
    .replace(
      'ms-word.template.macroEnabledTemplate.main+xml',
      'ms-word.document.macroEnabled.main+xml',
    );
  if (fixed !== types) zip.file('[Content_Types].xml', fixed);
}

interface TemplateErrorProperties {
  id?: string;
  xtag?: string;
  explanation?: string;
  errors?: { properties?: TemplateErrorProperties }[];
}

/** docxtemplater's errors (one, or many under multi_error) as plain lines naming the tags. */
function compileError(file: string, error: unknown): InputError {
  const properties = (error as { properties?: TemplateErrorProperties }).properties;
  if (properties === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    return templateError(file, `the document cannot be read (${message}).`, DOCX_HINT);
  }
  const all = properties.errors?.map((e) => e.properties ?? {}) ?? [properties];
  const said = [...new Set(all.map(describeTagError))];
  const shown =
    said.slice(0, 3).join('; ') + (said.length > 3 ? `; and ${said.length - 3} more` : '');
  return templateError(
    file,
    `${said.length === 1 ? 'a tag problem' : `${said.length} tag problems`}: ${shown}.`,
    'Every {#name} needs its {/name}, in the same table if it is in one; a tag is written in one piece, {name}.',
  );
}

function describeTagError(p: TemplateErrorProperties): string {
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_loop':
      return `{#${tag}} is never closed with {/${tag}}`;
    case 'unopened_loop':
      return `{/${tag}} closes a loop that was not opened`;
    case 'unclosed_tag':
      return `the tag {${tag} has no closing }`;
    case 'unopened_tag':
      return `the tag ${tag}} has no opening {`;
    case 'duplicate_open_tag':
      return `the tag ${tag} has two opening {`;
    case 'duplicate_close_tag':
      return `the tag ${tag} has two closing }`;
    case 'closing_tag_does_not_match_opening_tag':
    case 'unbalanced_loop_tags':
    case 'loop_position_invalid':
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return (p.explanation ?? 'loop tags do not pair').replace(/\.$/, '');
    default:
      return (p.explanation ?? p.id ?? 'unknown problem').replace(/\.$/, '');
  }
}

/** The tags the tool does not know, each with the closest known one. */
function unknownTagsError(file: string, unknown: UsedTags['unknown']): InputError {
  const listed = unknown.map((u) => {
    if (u.knownInside !== null) return `${u.tag} (only ${u.knownInside})`;
    const near = closest(u.name, u.known);
    return near === null ? u.tag : `${u.tag} (did you mean ${u.tag.replace(u.name, near)}?)`;
  });
  return templateError(
    file,
    `${unknown.length === 1 ? 'a tag' : `${unknown.length} tags`} the tool does not know: ${listed.join(', ')}.`,
    'The tags a template can use are listed in the README: “The bulletin in a company’s own template”.',
  );
}

/**
 * A template without one tag the tool fills (a finished bulletin given by mistake) would come
 * out as it went in, under this period's file name: refused.
 */
function noTagsError(file: string): InputError {
  return templateError(
    file,
    'holds no tag the tool fills, so the bulletin would be this document unchanged.',
    'Mark where the bulletin goes with tags such as {title}, {period}, {#overall}…{/overall} or {#sections}…{/sections}; the README lists them (“The bulletin in a company’s own template”).',
  );
}

/**
 * `{overall}` is a section's text with line breaks; `{#overall}…{/overall}` opens the section
 * itself (its heading, paragraphs and charts). docxtemplater gives the parser the tag's part,
 * whose module says which.
 */
function parser(tag: string, meta?: { tag?: { module?: string } }) {
  const loop = meta?.tag?.module === 'loop';
  return {
    get(scope: unknown): unknown {
      if (tag === '.') return scope;
      const value = (scope as Record<string, unknown> | null)?.[tag];
      return value instanceof SectionData && !loop ? value.text : value;
    },
  };
}

interface Compiled {
  zip: PizZip;
  doc: Docxtemplater;
  used: UsedTags;
}

/** Reads the template and parses its tags: every refusal happens here. */
async function compile(template: string): Promise<Compiled> {
  const bytes = await readTemplate(template);
  await checkInflatedSize(template, bytes);
  const zip = openZip(template, bytes);
  const collector = new TagCollector();
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      delimiters: { start: '{', end: '}' },
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      parser,
      // A known tag without a value this period (a 环比 in a year's bulletin) is left blank.
      nullGetter: () => '',
      modules: [collector],
    });
  } catch (error) {
    throw compileError(template, error);
  }
  const used = checkTags(collector.parts());
  if (used.unknown.length > 0) throw unknownTagsError(template, used.unknown);
  if (used.known === 0) throw noTagsError(template);
  return { zip, doc, used };
}

/**
 * Whether the template can be filled, before the exports are read: a typo in a tag is said in
 * a moment, not after minutes of reading a year of work orders.
 */
export async function checkTemplate(template: string): Promise<void> {
  await compile(template);
}

export async function fillTemplate(
  template: string,
  model: ReportModel,
  charts: readonly ChartImage[],
): Promise<{ bytes: Buffer; charts: number }> {
  const { zip, doc, used } = await compile(template);
  const wanted = charts.filter(
    (c) => used.charts.has(c.name) || (used.sectionCharts && sectionChart(model, c)),
  );
  const placed = placeCharts(zip.file(DOCUMENT)!.asText(), wanted);
  try {
    doc.render(templateData(model, placed.paragraphs));
  } catch (error) {
    throw compileError(template, error);
  }
  // After rendering: docxtemplater writes back the parts it parsed (the content types) then.
  const out = doc.getZip();
  placed.addParts(out);
  asDocument(out);
  // The charts the template's tags place, for the line that says what was written.
  return {
    bytes: out.generate({ type: 'nodebuffer', compression: 'DEFLATE' }),
    charts: wanted.length,
  };
}

/** Whether a chart is one a section of the bulletin shows (`{@chart}` in a section's loop). */
const sectionChart = (model: ReportModel, c: ChartImage) =>
  model.bulletin.sections.some((s) => s.charts.includes(c.name));
