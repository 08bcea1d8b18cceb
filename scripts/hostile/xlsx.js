// Workbooks written part by part, by hand, so that a hostile file can be exactly as hostile as
// intended: the sheet before workbook.xml, row numbers no tool would write, a stored sheet, a
// part that inflates to gigabytes. The parts are what Excel writes, reduced to what a reader
// needs: content types, relationships, workbook, styles (one date format), shared strings.

import { entry, makeZip } from './zip.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const HEADERS = ['工单编号', '受理时间', '供电单位', '业务类型', '受理内容'];
/** Six work orders of May 2016, four of them complaints (as test/files/bad/ has them). */
export const ROWS = [
  [
    '16050300000101',
    '2016-05-03 10:22:11',
    '国网歙县供电公司',
    '投诉',
    '客户反映家中电压长期偏低，晚上电灯发暗，要求尽快处理。',
  ],
  [
    '16050400000102',
    '2016-05-04 08:15:40',
    '国网黄山供电公司（市直）',
    '故障报修',
    '客户报修：家中突然停电，请尽快派人处理。',
  ],
  [
    '16050600000103',
    '2016-05-06 14:03:09',
    '国网休宁县供电公司',
    '投诉',
    '客户反映营业厅工作人员办理过户时推诿，要求处理。',
  ],
  [
    '16050900000104',
    '2016-05-09 16:47:52',
    '国网祁门县供电公司',
    '业务咨询',
    '客户咨询居民阶梯电价的分档标准，已向客户解释。',
  ],
  [
    '16051200000105',
    '2016-05-12 09:30:00',
    '国网黄山市黄山区供电公司',
    '投诉',
    '客户反映抢修人员三个多小时才到现场，要求考核。',
  ],
  [
    '16051800000106',
    '2016-05-18 19:12:34',
    '国网黟县供电公司',
    '投诉',
    '客户反映门前施工挖开的路面十多天未恢复，要求尽快修复。',
  ],
];
export const COMPLAINTS = ROWS.filter((r) => r[3] === '投诉').length;

/** Excel's serial number of a naive 'YYYY-MM-DD hh:mm:ss' (1900 date system). */
export function serial(text) {
  const [d, t] = text.split(' ');
  const [y, mo, day] = d.split('-').map(Number);
  const [h, mi, s] = t.split(':').map(Number);
  const ms = Date.UTC(y, mo - 1, day, h, mi, s) - Date.UTC(1899, 11, 30);
  return ms / 86400000;
}

export function escapeXml(text) {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c],
  );
}

export function columnName(index) {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A cell: strings inline, numbers as numbers, `{ date }` as a date-styled serial. */
export function cellXml(value, ref) {
  const r = ref ? ` r="${ref}"` : '';
  if (typeof value === 'number') return `<c${r}><v>${value}</v></c>`;
  if (value && typeof value === 'object' && 'date' in value) {
    return `<c${r} s="1"><v>${serial(value.date)}</v></c>`;
  }
  return `<c${r} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
}

/** A row; `number` is written as given (a string lets a test write r="1.5"). */
export function rowXml(number, values) {
  const cells = values.map((v, i) => cellXml(v, `${columnName(i)}${number}`)).join('');
  return `<row r="${number}">${cells}</row>`;
}

/** The header and the six work orders, dates as date cells. */
export function standardRows() {
  return [HEADERS, ...ROWS.map((r) => [r[0], { date: r[1] }, r[2], r[3], r[4]])];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

export function sheetXml(rows, numbers = rows.map((_, i) => i + 1)) {
  return SHEET_HEAD + rows.map((values, i) => rowXml(numbers[i], values)).join('') + SHEET_TAIL;
}

const CONTENT_TYPES = (withStrings) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  (withStrings
    ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
    : '') +
  `</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="工单明细" sheetId="1" r:id="rId1"/></sheets></workbook>`;

const WORKBOOK_RELS = (withStrings) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` +
  (withStrings
    ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
    : '') +
  `</Relationships>`;

// cellXfs 0: general; 1: numFmtId 22 (m/d/yy h:mm), a built-in date format.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export const SHARED_STRINGS_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}">`;

/**
 * The parts of a workbook as zip entries, in Excel's order unless `order` says otherwise.
 * `sheet` and `sharedStrings` may be entries already (a stored sheet, a bomb).
 */
export function workbookEntries({ sheet, sharedStrings = null, order = null }) {
  const withStrings = sharedStrings !== null;
  const asEntry = (name, part) =>
    typeof part === 'string' ? entry(name, part) : { ...part, name };
  const parts = {
    '[Content_Types].xml': entry('[Content_Types].xml', CONTENT_TYPES(withStrings)),
    '_rels/.rels': entry('_rels/.rels', ROOT_RELS),
    'xl/workbook.xml': entry('xl/workbook.xml', WORKBOOK),
    'xl/_rels/workbook.xml.rels': entry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS(withStrings)),
    'xl/styles.xml': entry('xl/styles.xml', STYLES),
    ...(withStrings
      ? { 'xl/sharedStrings.xml': asEntry('xl/sharedStrings.xml', sharedStrings) }
      : {}),
    'xl/worksheets/sheet1.xml': asEntry('xl/worksheets/sheet1.xml', sheet),
  };
  const names = order ?? Object.keys(parts);
  return names.map((name) => parts[name]);
}

export function workbook(options) {
  return makeZip(workbookEntries(options));
}
