#!/usr/bin/env node
// Writes fixtures/bulletin/template.docx: a company's bulletin template as an analyst would
// make it in Word, for `report --template`. A 红头 (the red letterhead: the issuer's name in
// large red characters, the document number, a red rule), then the title and the period, each
// section with its heading, paragraphs, table and chart, and a signature block — in the
// company's own styles (方正小标宋简体 title, 黑体 headings, 仿宋_GB2312 body, first lines
// indented two characters, 28 pt lines), on A4 with the margins of GB/T 9704, page numbers
// "— 1 —" in the footer.
//
//   node scripts/make-template-fixture.js
//
// Deterministic: fixed document dates and zip entry times, so reruns give the same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import PizZip from 'pizzip';

import { fixZipDates } from './lib/zip-dates.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'fixtures', 'bulletin', 'template.docx');
const FIXED = new Date(Date.UTC(2016, 11, 1, 9, 0, 0));

const RED = 'E00000';
const latin = 'Times New Roman';
const font = (eastAsia) => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia });
/** 三号 16 pt, 二号 22 pt, 小四 12 pt; sizes in half points. */
const PT = (pt) => pt * 2;
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

const styles = {
  default: {
    document: {
      run: { font: font('仿宋_GB2312'), size: PT(16) },
      paragraph: { spacing: LINE },
    },
  },
  paragraphStyles: [
    {
      id: 'Body',
      name: '通报正文',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: font('仿宋_GB2312'), size: PT(16) },
      paragraph: { indent: { firstLine: 640 }, spacing: LINE, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'BulletinTitle',
      name: '通报标题',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: font('方正小标宋简体'), size: PT(22) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 240, after: 120, line: 700, lineRule: LineRuleType.EXACT },
      },
    },
    {
      id: 'BulletinHeading',
      name: '通报一级标题',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: font('黑体'), size: PT(16) },
      paragraph: { indent: { firstLine: 640 }, spacing: LINE, keepNext: true },
    },
    {
      id: 'Caption',
      name: '表题',
      basedOn: 'Normal',
      run: { font: font('黑体'), size: PT(12) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, line: 360, lineRule: LineRuleType.AUTO },
        keepNext: true,
      },
    },
    {
      id: 'TableText',
      name: '表格文字',
      basedOn: 'Normal',
      run: { font: font('仿宋_GB2312'), size: PT(10.5) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 280, lineRule: LineRuleType.AUTO },
      },
    },
    {
      id: 'Note',
      name: '说明',
      basedOn: 'Normal',
      run: { font: font('楷体_GB2312'), size: PT(12) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 360, lineRule: LineRuleType.AUTO },
      },
    },
  ],
};

const p = (style, text, extra = {}) =>
  new Paragraph({ style, children: [new TextRun(text)], ...extra });

/** The letterhead: issuer in large red characters, the number, the red rule. */
const letterhead = [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 600, after: 240, line: 1300, lineRule: LineRuleType.EXACT },
    children: [
      new TextRun({
        text: '国网黄山供电公司',
        font: font('方正小标宋简体'),
        size: PT(48),
        color: RED,
        characterSpacing: 40,
      }),
    ],
  }),
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120, ...LINE },
    border: { bottom: { style: BorderStyle.THICK, size: 24, color: RED, space: 8 } },
    children: [new TextRun('黄电营销〔2016〕95号')],
  }),
];

const cell = (text, width, header = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: header ? { fill: 'D9D9D9' } : undefined,
    children: [
      new Paragraph({
        style: 'TableText',
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, bold: header })],
      }),
    ],
  });

/** A table with a header row and one row that the loop repeats, for each row of the model's. */
function loopTable(loop, columns) {
  const widths = columns.map(([, , w]) => w);
  const body = columns.map(([, key], i) => {
    const open = i === 0 ? `{#${loop}}` : '';
    const close = i === columns.length - 1 ? `{/${loop}}` : '';
    return cell(`${open}{${key}}${close}`, widths[i]);
  });
  return new Table({
    columnWidths: widths,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map(([h, , w]) => cell(h, w, true)) }),
      new TableRow({ children: body }),
    ],
  });
}

/** A section as the template lays it out: its heading and paragraphs in the template's styles. */
const section = (key, after = []) => [
  p('Body', `{#${key}}`),
  p('BulletinHeading', '{heading}'),
  p('Body', '{#paragraphs}'),
  p('Body', '{text}'),
  p('Body', '{/paragraphs}'),
  ...after,
  p('Body', `{/${key}}`),
];

/** A table of a section with its caption, shown only when the period has it. */
const captioned = (loop, columns) => [
  p('Body', `{#${loop}Caption}`),
  p('Caption', `{${loop}Caption}`),
  loopTable(loop, columns),
  p('Body', `{/${loop}Caption}`),
];

/**
 * The units' two tables, each with its own columns: the period's (unitsTable: share and change
 * on a year earlier) and the year to date's (unitsTable2: against the target). One set of columns
 * for both left 超指标率 blank all down the first and 占比 all down the second.
 */
const UNITS = [
  ['排名', 'rank', 700],
  ['供电单位', 'unit', 2900],
  ['投诉', 'complaints', 800],
  ['考核投诉', 'assessed', 1100],
  ['占比', 'share', 1000],
  ['上年同期', 'previous', 1200],
  ['同比', 'yoy', 1000],
];
/** Without --prorate `{target}` is the annual target; with it, the prorated one 超指标率 uses. */
const UNITS_YEAR_TO_DATE = [
  ['排名', 'rank', 700],
  ['供电单位', 'unit', 2900],
  ['投诉', 'complaints', 800],
  ['考核投诉', 'assessed', 1100],
  ['指标', 'target', 1000],
  ['超指标率', 'overTargetRate', 1200],
  ['同比', 'yoy', 1000],
];
const CLASSES = [
  ['一级分类', 'name', 3000],
  ['投诉', 'complaints', 1200],
  ['占比', 'share', 1300],
  ['上年同期', 'previous', 1400],
  ['同比', 'yoy', 1300],
];

/** A day's complaints (report --day) and a week's days (report --week): sections/days.ts. */
const DAY = [
  ['受理时间', 'acceptedAt', 1300],
  ['供电单位', 'unit', 1800],
  ['投诉分类', 'class', 1000],
  ['受理内容（摘要）', 'text', 3000],
  ['工单编号', 'id', 1700],
];
const DAYS = [
  ['日期', 'day', 1400],
  ['星期', 'weekday', 1000],
  ['投诉', 'complaints', 900],
  ['考核投诉', 'assessed', 1100],
  ['环比', 'mom', 1100],
  ['前四周同日均值', 'baseline', 1600],
  ['较同日均值', 'vsBaseline', 1400],
];
/** A breakdown's groups (report --by): the group, its complaints, share and change. */
const GROUPS = [
  ['分项', 'key', 3000],
  ['投诉', 'complaints', 1200],
  ['占比', 'share', 1300],
  ['上年同期', 'previous', 1400],
  ['同比', 'yoy', 1300],
];

const chart = (name) => p('Body', `{@${name}Chart}`, { alignment: AlignmentType.CENTER });

const body = [
  ...letterhead,
  p('BulletinTitle', '{titleLines}'),
  p('Note', '{subtitle}'),
  p('Body', '各县供电公司，市公司营销部、运检部：', { indent: { firstLine: 0 } }),
  p(
    'Body',
    // Each figure beside what it measures: {yoy} is all complaints' change, not 考核投诉's.
    '现将{about}95598客户投诉情况通报如下。本期共受理投诉{complaints}件，同比{yoy}；其中考核投诉{assessed}件。',
  ),
  ...section('overall', [chart('trend')]),
  ...section('day', captioned('dayTable', DAY)),
  ...section('days', captioned('daysTable', DAYS)),
  ...section('units', [
    ...captioned('unitsTable', UNITS),
    ...captioned('unitsTable2', UNITS_YEAR_TO_DATE),
    chart('units'),
  ]),
  // 分类及热点: the classes, then the hot words (热点问题), as the built-in bulletin orders them.
  ...section('categories', [
    ...captioned('categoriesTable', CLASSES),
    chart('categories'),
    chart('hotWords'),
  ]),
  ...section('breakdowns', captioned('breakdownsTable', GROUPS)),
  ...section('repeat'),
  ...section('timeliness'),
  ...section('attention'),
  p('Body', '请各单位对照通报，认真分析投诉原因，落实整改措施。'),
  p('Body', ''),
  p('Body', '国网黄山供电公司营销部', { alignment: AlignmentType.RIGHT, indent: { right: 640 } }),
  p('Body', '{date}', { alignment: AlignmentType.RIGHT, indent: { right: 640 } }),
  p('Note', '（{sources}）'),
];

const footer = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          children: ['— ', PageNumber.CURRENT, ' —'],
          font: font('宋体'),
          size: PT(14),
        }),
      ],
    }),
  ],
});

const doc = new Document({
  creator: '国网黄山供电公司营销部',
  title: '95598客户投诉分析通报（模板）',
  styles,
  sections: [
    {
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          // GB/T 9704: top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm.
          margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 992 },
        },
      },
      footers: { default: footer },
      children: body,
    },
  ],
});

const packed = await Packer.toBuffer(doc);
// docx stamps the time of writing into docProps/core.xml: fix it, then the zip entries' times.
const zip = new PizZip(packed);
const core = zip.file('docProps/core.xml').asText();
zip.file(
  'docProps/core.xml',
  core.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '2016-12-01T09:00:00Z'),
);
const bytes = fixZipDates(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), FIXED);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
console.log(`${OUT}: ${bytes.length} bytes`);
