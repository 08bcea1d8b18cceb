/**
 * A tiny zip writer for tests: real zip bytes, written by hand so that a test can make what
 * no library would (a wrong CRC, a directory that disagrees with a local header, zip64
 * records, data descriptors) and small xlsx files whose parts it spells out itself.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflate (default). */
  method?: 0 | 8;
  /** Sizes and CRC after the data (flag bit 3), zeros in the local header. */
  descriptor?: boolean;
  /** Write zip64 extra fields (sizes 0xFFFFFFFF in the 32-bit slots). */
  zip64?: boolean;
  /** Change what the central directory says about this entry. */
  central?: { crc?: number; size?: number; name?: string };
  /** Change what the local header says (the directory stays right). */
  local?: { crc?: number; name?: string };
  /** Already compressed data to store as is (e.g. a zip bomb made in a stream). */
  compressed?: { bytes: Buffer; size: number; crc: number };
}

export function zip(parts: ZipPart[], options: { zip64End?: boolean } = {}): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const method = part.method ?? 8;
    const data = part.compressed?.bytes ?? (method === 8 ? deflateRawSync(raw) : raw);
    const size = part.compressed?.size ?? raw.length;
    const crc = part.compressed?.crc ?? crc32(raw);
    const flags = 0x0800 | (part.descriptor ? 8 : 0);
    const localName = Buffer.from(part.local?.name ?? part.name, 'utf8');
    const zip64Extra = (values: number[]) => {
      const extra = Buffer.alloc(4 + 8 * values.length);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(8 * values.length, 2);
      values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
      return extra;
    };
    const localExtra =
      part.zip64 && !part.descriptor ? zip64Extra([size, data.length]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(part.descriptor ? 0 : (part.local?.crc ?? crc) >>> 0, 14);
    local.writeUInt32LE(part.descriptor ? 0 : part.zip64 ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(part.descriptor ? 0 : part.zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const localOffset = offset;
    out.push(local, localName, localExtra, data);
    offset += local.length + localName.length + localExtra.length + data.length;
    if (part.descriptor) {
      const descriptor = Buffer.alloc(part.zip64 ? 24 : 16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc >>> 0, 4);
      if (part.zip64) {
        descriptor.writeBigUInt64LE(BigInt(data.length), 8);
        descriptor.writeBigUInt64LE(BigInt(size), 16);
      } else {
        descriptor.writeUInt32LE(data.length, 8);
        descriptor.writeUInt32LE(size, 12);
      }
      out.push(descriptor);
      offset += descriptor.length;
    }
    const name = Buffer.from(part.central?.name ?? part.name, 'utf8');
    const extra = part.zip64 ? zip64Extra([size, data.length, localOffset]) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    header.writeUInt16LE(part.zip64 ? 45 : 20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE((part.central?.crc ?? crc) >>> 0, 16);
    header.writeUInt32LE(part.zip64 ? 0xffffffff : data.length, 20);
    header.writeUInt32LE(part.zip64 ? 0xffffffff : (part.central?.size ?? size), 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(part.zip64 ? 0xffffffff : localOffset, 42);
    central.push(header, name, extra);
  }
  const directory = Buffer.concat(central);
  const end: Buffer[] = [];
  if (options.zip64End) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    end.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64End ? 0xffff : parts.length, 8);
  eocd.writeUInt16LE(options.zip64End ? 0xffff : parts.length, 10);
  eocd.writeUInt32LE(options.zip64End ? 0xffffffff : directory.length, 12);
  eocd.writeUInt32LE(options.zip64End ? 0xffffffff : offset, 16);
  return Buffer.concat([...out, directory, ...end, eocd]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The content of <sheetData>. */
  rows: string;
  state?: 'hidden';
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** <si> items, as XML (e.g. '<si><t>工单编号</t></si>'). */
  sharedStrings?: string[];
  /** Number formats of cellXfs 0, 1, 2 …: built-in ids or custom format codes. */
  styles?: (number | string)[];
  date1904?: boolean;
  /** The order of the parts in the zip (default: workbook, rels, styles, strings, sheets). */
  order?: 'sheets-first';
  /** Change a part before zipping: its name → options for zip(). */
  tweak?: Record<string, Partial<ZipPart>>;
}

export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** The parts of a minimal xlsx, as Excel lays them out. */
export function workbookParts(spec: WorkbookSpec): ZipPart[] {
  const sheets = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const rels = spec.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const customs: string[] = [];
  const xfs = (spec.styles ?? [0]).map((format, i) => {
    let id = format;
    if (typeof format === 'string') {
      id = 164 + i;
      customs.push(`<numFmt numFmtId="${id}" formatCode="${format.replace(/"/g, '&quot;')}"/>`);
    }
    return `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`;
  });
  const front: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="${customs.length}">${customs.join('')}</numFmts><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`,
    },
  ];
  const strings: ZipPart[] = spec.sharedStrings
    ? [
        {
          name: 'xl/sharedStrings.xml',
          data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${spec.sharedStrings.length}">${spec.sharedStrings.join('')}</sst>`,
        },
      ]
    : [];
  const sheetParts: ZipPart[] = spec.sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: sheetXml(s.rows),
  }));
  const parts =
    spec.order === 'sheets-first'
      ? [...sheetParts, ...front, ...strings]
      : [...front, ...strings, ...sheetParts];
  return parts.map((p) => ({ ...p, ...spec.tweak?.[p.name] }));
}

export function workbook(spec: WorkbookSpec, options: { zip64End?: boolean } = {}): Buffer {
  return zip(workbookParts(spec), options);
}

/** A row of inline-string and number cells with references, e.g. row(2, ['GD1', 42]). */
export function row(r: number, values: (string | number)[]): string {
  const cells = values.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    return typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}
