// Types of make.js for test/cli/hostile.test.ts (the scripts are plain Node ESM).
export interface HostileFacts {
  rows?: number;
  complaints?: number;
  units?: string[];
  line?: number;
  firstGbLine?: number;
  ref?: string;
  chars?: number;
  inflated?: number;
}
export const HOSTILE: Record<string, [string, () => HostileFacts & { bytes: Buffer }]>;
export const DIRECTORY_DAMAGE: Record<string, string>;
export const ESCAPES: string[];
export function build(name: string): HostileFacts & { bytes: Buffer };
export function writeHostile(
  dir: string,
  name: string,
): HostileFacts & { file: string; size: number };
export function workOrders(n: number): string[][];
export function damageDirectory(zip: Buffer, kind: string, target?: string): Buffer;
