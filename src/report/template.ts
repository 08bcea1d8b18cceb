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
import { InputError, said, type Said } from '../errors.js';
import { ZipArchive, bufferSource } from '../io/zip.js';
import { closest, spaced } from '../settings/suggest.js';
import type { ChartImage } from './charts.js';
import { placeCharts } from './template-charts.js';
import {
  checkTags,
  IN_A_SECTION,
  knownName,
  TagCollector,
  type UsedTags,
} from './template-tags.js';
import { CHART_NAMES, chartTag, SectionData, tableTag, templateData } from './template-data.js';
import type { BulletinSection, ReportModel } from './types.js';

const DOCUMENT = 'word/document.xml';
const DOCX_HINT = said(
  '请给出另存为 .docx 的 Word 文档（Word：文件 > 另存为 > Word 文档）。',
  'Give a Word document saved as .docx (Word: File > Save As > Word Document).',
);

function templateError(file: string, message: Said, hint?: Said): InputError {
  return new InputError(
    'BAD_TEMPLATE',
    said(`模板 ${file}（--template）：${message.zh}`, `--template ${file}: ${message.en}`),
    hint,
    { file },
  );
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
        said(`模板 ${file}（--template）：文件不存在。`, `--template ${file}: no such file.`),
        said(
          '请检查路径；配置文件里的路径是相对于配置文件所在文件夹的。',
          'Check the path; a path in the config file is relative to its folder.',
        ),
        { file },
      );
    if (code === 'EISDIR')
      throw new InputError(
        'FILE_UNREADABLE',
        said(
          `模板 ${file}（--template）：这是文件夹，不是文件。`,
          `--template ${file}: is a folder, not a file.`,
        ),
        DOCX_HINT,
        { file },
      );
    throw new InputError(
      'FILE_UNREADABLE',
      said(
        `模板 ${file}（--template）：无法读取（${code ?? String(error)}）。`,
        `--template ${file}: cannot be read (${code ?? String(error)}).`,
      ),
      undefined,
      { file },
    );
  }
}

/**
 * A template is read whole into memory (pizzip): its parts, inflated, may not pass
 * MAX_TEMPLATE_BYTES, so a zip bomb given as a template is refused before pizzip inflates it.
 * The directory's sizes are not taken on trust: each part is inflated once here, streamed (at most
 * the cap in all, a bomb stopped by its ratio), and its size and CRC checked, since pizzip copies
 * a part it never reads into the bulletin as it found it, a lying directory and all. A zip that
 * cannot be opened is left to openZip's message. Real templates are a few hundred KB.
 */
const MAX_TEMPLATE_BYTES = 256 * 1024 ** 2;

async function checkInflatedSize(file: string, bytes: Buffer): Promise<void> {
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(file, bufferSource(bytes));
  } catch {
    return; // not a readable zip: openZip says what it is
  }
  let total = 0;
  for (const entry of archive.entries.values()) total += entry.size;
  if (total > MAX_TEMPLATE_BYTES) throw tooLarge(file, total);
  let inflated = 0;
  for (const entry of archive.entries.values()) {
    try {
      const over = () => tooLarge(file, null);
      for await (const chunk of archive.read(entry, MAX_TEMPLATE_BYTES - inflated, over)) {
        inflated += chunk.length;
      }
    } catch (error) {
      if (error instanceof InputError && error.code === 'BAD_TEMPLATE') throw error;
      throw templateError(
        file,
        said(
          `文件已损坏：${entry.name} 解压后与 zip 目录所记的大小或校验值不符（或是 zip 炸弹）。`,
          `the file is damaged: ${entry.name} does not inflate to the size or CRC its zip directory gives (or is a zip bomb).`,
        ),
        said(
          '请用 Word 或 WPS 打开后重新保存，或使用原始模板。',
          'Open it in Word or WPS and save it again, or use the original template.',
        ),
      );
    }
  }
}

/** `total`: what the directory says, or null when the parts inflated past what it says. */
function tooLarge(file: string, total: number | null): InputError {
  const cap = MAX_TEMPLATE_BYTES / 1024 ** 2;
  const mib = total === null ? `>${cap}` : String(Math.round(total / 1024 ** 2));
  return templateError(
    file,
    said(
      `解压后共 ${mib} MiB，超过模板的上限（${cap} MiB）。`,
      `its parts inflate to ${mib} MiB, more than a template can be (${cap} MiB).`,
    ),
    said(
      '请给出通报模板本身：只含文字、表格和一两个标志图片的 Word 文档。',
      'Give the bulletin template itself: a Word document of text, tables and a logo or two.',
    ),
  );
}

/** The bytes as a Word document's zip, or why they are not one. */
function openZip(file: string, bytes: Buffer): PizZip {
  // A .doc (Word 97–2003) and an encrypted .docx are both OLE compound files.
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw templateError(
      file,
      said(
        '这是 Word 97–2003 的 .doc 文件或设有密码的文档，不是 .docx。',
        'a Word 97–2003 .doc file or a password-protected document, not a .docx.',
      ),
      said(
        '请用 Word 或 WPS 打开，取消密码，另存为 .docx（Word 文档）。',
        'Open it in Word or WPS, remove any password, and save it as .docx (Word Document).',
      ),
    );
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50)
    throw templateError(
      file,
      said(
        '不是 Word 文档（.docx 是 zip 文件，这个不是）。',
        'not a Word document (.docx is a zip file; this is not one).',
      ),
      DOCX_HINT,
    );
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // The zip library's words are English: the Chinese says what they mean for the analyst. A
    // file cut short (a copy or download not finished) lacks the zip's closing directory.
    const cut = /end of central directory/i.test(why);
    throw templateError(
      file,
      cut
        ? said(
            '文件不完整（可能没有复制或下载完），无法打开。',
            `the file is incomplete (a copy or download not finished?): ${why}.`,
          )
        : said('文件已损坏，无法打开。', `the file is damaged (${why}).`),
      cut
        ? said(
            '请重新复制或下载这个模板，或使用原始模板。',
            'Copy or download the template again, or use the original template.',
          )
        : said(
            '请用 Word 或 WPS 打开后重新保存，或使用原始模板。',
            'Open it in Word or WPS and save it again, or use the original template.',
          ),
    );
  }
  if (zip.file(DOCUMENT) === null)
    throw templateError(
      file,
      said(
        `是 zip 文件，但不是 Word 文档（没有 ${DOCUMENT}）。`,
        `a zip file but not a Word document (no ${DOCUMENT}).`,
      ),
      zip.file('xl/workbook.xml') !== null
        ? said(`这是 Excel 工作簿。${DOCX_HINT.zh}`, 'It is an Excel workbook. ' + DOCX_HINT.en)
        : DOCX_HINT,
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
  /** closing_tag_does_not_match_opening_tag: the two names. */
  openingtag?: string;
  closingtag?: string;
  /** unbalanced_loop_tags: the two loops that cross. */
  lastPair?: { left?: string; right?: string };
  pair?: { left?: string; right?: string };
  errors?: { properties?: TemplateErrorProperties }[];
}

/** docxtemplater's errors (one, or many under multi_error) as plain lines naming the tags. */
function compileError(file: string, error: unknown): InputError {
  const properties = (error as { properties?: TemplateErrorProperties }).properties;
  if (properties === undefined) {
    const message = error instanceof Error ? error.message : String(error);
    return templateError(
      file,
      said(`文档无法读取（${message}）。`, `the document cannot be read (${message}).`),
      DOCX_HINT,
    );
  }
  const all = properties.errors?.map((e) => e.properties ?? {}) ?? [properties];
  const described = all.map(describeTagError);
  const en = [...new Set(described.map((d) => d.en))];
  const zh = [...new Set(described.map((d) => d.zh))];
  const shown = en.slice(0, 3).join('; ') + (en.length > 3 ? `; and ${en.length - 3} more` : '');
  const zhShown = zh.slice(0, 3).join('；') + (zh.length > 3 ? `；等` : '');
  return templateError(
    file,
    said(
      `有 ${zh.length} 个标签问题：${zhShown}。`,
      `${en.length === 1 ? 'a tag problem' : `${en.length} tag problems`}: ${shown}.`,
    ),
    said(
      '每个 {#名称} 都要有对应的 {/名称}，在表格里时要在同一个表格里；标签要一次写完整，如 {名称}。',
      'Every {#name} needs its {/name}, in the same table if it is in one; a tag is written in one piece, {name}.',
    ),
  );
}

function describeTagError(p: TemplateErrorProperties): Said {
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_loop':
      return said(`{#${tag}} 没有用 {/${tag}} 结束`, `{#${tag}} is never closed with {/${tag}}`);
    case 'unopened_loop':
      return said(`{/${tag}} 结束的循环没有开始过`, `{/${tag}} closes a loop that was not opened`);
    case 'unclosed_tag': {
      const cut = openedTag(tag);
      return said(`标签 {${cut} 缺少结尾的 }`, `the tag {${cut} has no closing }`);
    }
    case 'unopened_tag':
      return said(`标签 ${tag}} 缺少开头的 {`, `the tag ${tag}} has no opening {`);
    case 'duplicate_open_tag':
      return said(`标签 ${tag} 有两个开头的 {`, `the tag ${tag} has two opening {`);
    case 'duplicate_close_tag':
      return said(`标签 ${tag} 有两个结尾的 }`, `the tag ${tag} has two closing }`);
    case 'closing_tag_does_not_match_opening_tag':
      return said(
        `{#${p.openingtag ?? ''}} 被 {/${p.closingtag ?? ''}} 结束了，两处名称不一致`,
        english(p),
      );
    case 'unbalanced_loop_tags': {
      const loop = (pair: { left?: string; right?: string } | undefined) =>
        `{#${pair?.left ?? ''}}…{/${pair?.right ?? ''}}`;
      return said(
        `循环 ${loop(p.lastPair)} 和 ${loop(p.pair)} 交错了：一个循环要整个放在另一个的里面或外面`,
        english(p),
      );
    }
    case 'loop_position_invalid':
      return said(
        `{#${tag}} 和 {/${tag}} 的位置不对：一个在表格里，另一个在表格外（或在另一个表格里）`,
        english(p),
      );
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return said(`图片标签 {@${tag}} 要单独占一个段落，前后不能有文字或空格`, english(p));
    case 'raw_tag_outerxml_invalid':
      return said(`图片标签 {@${tag}} 要放在一个段落里`, english(p));
    default:
      // A problem this table does not know: docxtemplater's English, quoted.
      return said(`标签有误（${english(p)}）`, english(p));
  }
}

/**
 * An unclosed tag as docxtemplater reports it runs on to the next `{`, over the paragraphs after
 * it ("subtitle各县供电公司，市公司营销部、运检部：现将"): its name alone when it starts as one of the
 * tool's names do, else its first characters.
 */
function openedTag(tag: string): string {
  const name = /^[#/^@]?\s*[A-Za-z][A-Za-z0-9_]*/.exec(tag)?.[0];
  if (name !== undefined) return name;
  const chars = [...tag];
  return chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : tag;
}

/** docxtemplater's own explanation, the English side of its rarer problems. */
function english(p: TemplateErrorProperties): string {
  return (p.explanation ?? p.id ?? 'unknown problem').replace(/\.$/, '');
}

/**
 * The tags the tool does not know, each with the closest known one; then the tags it knows that
 * stand where they cannot be filled, grouped by where they can. A section's tags outside any
 * section ({heading}, {#paragraphs}) are what a deleted {#overall}…{/overall} leaves: the hint
 * says to put the section back, not to look the names up.
 */
function unknownTagsError(file: string, unknown: UsedTags['unknown']): InputError {
  const parts: Said[] = [];
  const strange = unknown.filter((u) => u.knownInside === null);
  if (strange.length > 0) {
    const listed = strange.map((u): Said => {
      const near = closest(u.name, u.known);
      if (near === null) return said(u.tag, u.tag);
      const meant = u.tag.replace(u.name, near);
      return said(`${u.tag}（是不是 ${meant}？）`, `${u.tag} (did you mean ${meant}?)`);
    });
    parts.push(
      said(
        `有 ${strange.length} 个本工具不认识的标签：${listed.map((l) => l.zh).join('、')}`,
        `${strange.length === 1 ? 'a tag' : `${strange.length} tags`} the tool does not know: ${listed.map((l) => l.en).join(', ')}`,
      ),
    );
  }
  const misplaced = unknown.filter((u) => u.knownInside !== null);
  if (misplaced.length > 0) {
    const places = [...new Set(misplaced.map((u) => u.knownInside!))];
    const groups = places.map((where): Said => {
      const tags = misplaced.filter((u) => u.knownInside === where).map((u) => u.tag);
      return said(
        `${tags.join('、')}（只能用在${spaced(where.zh)}）`,
        `${tags.join(', ')} (only ${where.en})`,
      );
    });
    parts.push(
      said(
        `有 ${misplaced.length} 个标签本工具认识，但放错了位置：${groups.map((g) => g.zh).join('；')}`,
        `${misplaced.length === 1 ? 'a tag' : `${misplaced.length} tags`} the tool knows in the wrong place: ${groups.map((g) => g.en).join('; ')}`,
      ),
    );
  }
  const lostSection = misplaced.some((u) => u.knownInside === IN_A_SECTION);
  return templateError(
    file,
    said(`${parts.map((p) => p.zh).join('；')}。`, `${parts.map((p) => p.en).join('; ')}.`),
    lostSection
      ? said(
          '一节里的标签要放在这一节的开始和结束标签之间，如 {#overall}…{/overall}；模板里是不是删掉了这两个标签？请补上，或用 {#sections}…{/sections} 放置全部各节。',
          'A section’s tags go between its opening and closing tags, such as {#overall}…{/overall}: were these deleted from the template? Put them back, or place every section with {#sections}…{/sections}.',
        )
      : said(
          '模板可用的标签见 README 的“The bulletin in a company’s own template”一节。',
          'The tags a template can use are listed in the README: “The bulletin in a company’s own template”.',
        ),
  );
}

/**
 * A template without one tag the tool fills (a finished bulletin given by mistake) would come
 * out as it went in, under this period's file name: refused.
 */
function noTagsError(file: string): InputError {
  return templateError(
    file,
    said(
      '里面没有本工具填写的标签，生成的通报会和这个文档一模一样。',
      'holds no tag the tool fills, so the bulletin would be this document unchanged.',
    ),
    said(
      '请用 {title}、{period}、{#overall}…{/overall} 或 {#sections}…{/sections} 这样的标签标出通报内容的位置；README 的“The bulletin in a company’s own template”一节列出了全部标签。',
      'Mark where the bulletin goes with tags such as {title}, {period}, {#overall}…{/overall} or {#sections}…{/sections}; the README lists them (“The bulletin in a company’s own template”).',
    ),
  );
}

/**
 * Tags typed with a Chinese input method's braces, `｛subtitle｝` (or one of the two): Word shows
 * them as tags, docxtemplater sees text, and the bulletin would print them as they are. Only the
 * names the tool knows are taken for tags, so a company's own ｛…｝ in a text is left alone.
 */
function fullWidthTags(zip: PizZip): string[] {
  const found = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) continue;
    // A tag split across runs is read whole: the runs' texts joined, paragraphs kept apart.
    const text = zip
      .file(name)!
      .asText()
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '');
    for (const m of text.matchAll(/[｛{]\s*([#/^@]?)\s*([\p{L}\p{N}_]{1,40})\s*[｝}]/gu))
      if (/[｛｝]/.test(m[0]) && knownName(m[2]!)) found.add(m[0]);
  }
  return [...found];
}

function fullWidthError(file: string, tags: string[]): InputError {
  const fixed = tags.map((t) => t.replace('｛', '{').replace('｝', '}'));
  return templateError(
    file,
    said(
      `有 ${tags.length} 个标签用了全角括号：${tags.join('、')}；本工具只认半角的 { }，这些标签会原样印在通报里。`,
      `${tags.length === 1 ? 'a tag is' : `${tags.length} tags are`} typed with full-width braces: ${tags.join(', ')}; the tool reads only { }, and would print these as they are.`,
    ),
    said(
      `请把全角的 ｛ ｝ 改成半角的 { }（切换到英文输入法输入），如 ${fixed[0]}。`,
      `Type the braces as { } (with an English input method), e.g. ${fixed[0]}.`,
    ),
  );
}

/**
 * `{overall}` is a section's text with line breaks; `{#overall}…{/overall}` opens the section
 * itself (its heading, paragraphs and charts). docxtemplater gives the parser the tag's part,
 * whose module says which.
 */
function parser(tag: string, meta?: { tag?: { module?: string } }) {
  const loop = meta?.tag?.module === 'loop';
  // `{ subtitle }` as typed in Word is the name checkTags knew: filled, not left blank.
  const name = tag.trim();
  return {
    get(scope: unknown): unknown {
      if (name === '.') return scope;
      if (scope instanceof SectionData && scope.ownCharts?.has(name))
        return scope.ownCharts.get(name);
      const value = (scope as Record<string, unknown> | null)?.[name];
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
  // Before docxtemplater reads the tags: a tag with one brace full-width (｛about}) reads to it
  // as text up to the next tag's }, refused as "}…现将｛about} 缺少开头的 {".
  const fullWidth = fullWidthTags(zip);
  if (fullWidth.length > 0) throw fullWidthError(template, fullWidth);
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

/** What a filled template holds of the bulletin, for the line that says what was written. */
export interface Filled {
  bytes: Buffer;
  sections: number;
  tables: number;
  charts: number;
  /** The sections this period has that the template does not place: heading and tag name. */
  omitted: { heading: string; key: string }[];
  /**
   * The charts of the sections it places that it has no tag for: title, the chart's own tag
   * (null for a breakdown's, placed only by `{@chart}`) and its section.
   */
  omittedCharts: OmittedChart[];
}

export interface OmittedChart {
  title: string;
  tag: string | null;
  section: string;
}

export async function fillTemplate(
  template: string,
  model: ReportModel,
  charts: readonly ChartImage[],
): Promise<Filled> {
  const { zip, doc, used } = await compile(template);
  const loopCharts = used.sectionCharts;
  const inLoop = (s: BulletinSection) => loopCharts.has('sections') || loopCharts.has(s.key);
  // A chart's own tag in {#sections} places it in its own section: none when no section has it.
  const wanted = charts.filter((c) => {
    const owner = model.bulletin.sections.filter((s) => s.charts.includes(c.name));
    return (
      used.charts.has(c.name) ||
      (used.sectionsCharts.has(c.name) && owner.length > 0) ||
      owner.some((s) => inLoop(s))
    );
  });
  const placed = placeCharts(zip.file(DOCUMENT)!.asText(), wanted);
  try {
    doc.render(
      templateData(model, placed.paragraphs, new Set([...used.charts, ...used.sectionsCharts])),
    );
  } catch (error) {
    throw compileError(template, error);
  }
  // After rendering: docxtemplater writes back the parts it parsed (the content types) then.
  const out = doc.getZip();
  placed.addParts(out);
  asDocument(out);
  // The sections, tables and charts the template's tags place, for the line that says what was
  // written: a template made for the month bulletin has no place for a day's complaint list.
  const sections = model.bulletin.sections;
  const shown = sections.filter((s) => used.sections === null || used.sections.has(s.key));
  return {
    bytes: out.generate({ type: 'nodebuffer', compression: 'DEFLATE' }),
    sections: shown.length,
    tables: shown.reduce(
      (n, s) => n + s.tables.filter((_, i) => used.tables.has(tableTag(s.key, i))).length,
      0,
    ),
    charts: wanted.length,
    omitted: sections
      .filter((s) => !shown.includes(s))
      .map((s) => ({ heading: s.heading, key: s.key })),
    omittedCharts: omittedCharts(shown, charts, wanted),
  };
}

/**
 * The charts the sections shown have and the template does not place: a company may leave one
 * out on purpose, but the terminal says so. A section left out takes its charts with it, and is
 * said as a section.
 */
function omittedCharts(
  shown: readonly BulletinSection[],
  charts: readonly ChartImage[],
  wanted: readonly ChartImage[],
): OmittedChart[] {
  return charts.flatMap((c) => {
    const section = shown.find((s) => s.charts.includes(c.name));
    if (section === undefined || wanted.includes(c)) return [];
    const tag = CHART_NAMES.includes(c.name) ? `{@${chartTag(c.name)}}` : null;
    return [{ title: c.title, tag, section: section.key }];
  });
}
