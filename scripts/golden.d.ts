// Types of golden.js for test/golden/golden.test.ts (the scripts are plain Node ESM).
export interface GoldenCase {
  name: string;
  args: string[];
  cwd?: 'tmp';
  copy?: string[];
  files?: Record<string, string>;
  prepare?: string[][];
  stdin?: string;
}
export const ROOT: string;
export const BIN: string;
export const GOLDEN: string;
export const ENV: Record<string, string>;
export const CASES: GoldenCase[];
export function runCase(c: GoldenCase): Promise<Map<string, string>>;
export function workbookParts(bytes: Buffer, normalise?: (text: string) => string): string;
export function workbookSheets(
  bytes: Buffer,
  normalise?: (text: string) => string,
): Promise<string>;
export function goldenDir(name: string): string;
export function readGolden(name: string): Map<string, string> | null;
export function differences(actual: Map<string, string>, golden: Map<string, string>): string[];
