// Types of zip.js for test/cli/hostile.test.ts (the scripts are plain Node ESM).
export interface ZipEntry {
  name: string;
  method: number;
  raw: Buffer;
  crc: number;
  size: number;
}
export interface DirectoryEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  at: number;
}
export function entry(name: string, data: Buffer | string, method?: number): ZipEntry;
export function makeZip(entries: ZipEntry[]): Buffer;
export function findEnd(buf: Buffer): number;
export function readDirectory(buf: Buffer): { end: number; entries: DirectoryEntry[] };
export function dataOffset(buf: Buffer, e: DirectoryEntry): number;
export function readEntry(buf: Buffer, e: DirectoryEntry): Buffer;
export function unzip(buf: Buffer): { name: string; data: Buffer }[];
export function crc32Combine(crc1: number, crc2: number, length2: number): number;
export function repeatedEntry(
  name: string,
  parts: { data: Buffer | string; times: number }[],
  level?: number,
): ZipEntry;
