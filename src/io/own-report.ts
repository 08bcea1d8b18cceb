/**
 * Whether a workbook is a report this tool wrote, by its sheets (概览 then 单位, or Summary then
 * Units), read from the zip's directory and xl/workbook.xml alone. A folder of exports often
 * holds last month's report beside them: it is left out of the inputs, but only when it is one
 * (an export that happens to carry a report's name is read, and never overwritten).
 */
import { InputError, said } from '../errors.js';
import { fileSource, ZipArchive, type ByteSource } from './zip.js';

const MAX_WORKBOOK_XML = 1 << 20;
const FIRST_SHEETS = [
  ['概览', '单位'],
  ['Summary', 'Units'],
];

export async function isOwnReport(path: string): Promise<boolean> {
  let source: ByteSource | null = null;
  try {
    source = await fileSource(path);
    const zip = await ZipArchive.open(path, source);
    const entry = zip.find('xl/workbook.xml');
    if (!entry || entry.size > MAX_WORKBOOK_XML) return false;
    const chunks: Buffer[] = [];
    const tooBig = () =>
      new InputError(
        'XLSX_LIMIT',
        said(`${path}：workbook.xml 太大。`, `${path}: workbook.xml is too large.`),
      );
    for await (const chunk of zip.read(entry, MAX_WORKBOOK_XML, tooBig)) chunks.push(chunk);
    const xml = Buffer.concat(chunks).toString('utf8');
    const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
    return FIRST_SHEETS.some(([a, b]) => names[0] === a && names[1] === b);
  } catch {
    // Not a zip, damaged, unreadable: not ours; reading it as an input says what it is.
    return false;
  } finally {
    await source?.close();
  }
}
