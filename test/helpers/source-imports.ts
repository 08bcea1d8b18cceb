/**
 * The import graph of the TypeScript sources, read from the text (no compiler): which modules a
 * file imports, whether only for types, and whether at load or on demand (`await import(…)`).
 * imports.ts reads dist/, what Node loads; this one sees the type imports dist/ has lost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './cli.js';

export interface Import {
  /** A path relative to the repository (src/…/x.ts) or a package name. */
  target: string;
  typeOnly: boolean;
  dynamic: boolean;
}

// A clause runs to its quoted specifier without a semicolon: `export const x = …;` is none.
const STATIC = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveTarget(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  const path = join(dirname(join(ROOT, from)), specifier).replace(/\.js$/, '.ts');
  return relative(ROOT, existsSync(path) ? path : path.replace(/\.ts$/, '/index.ts'));
}

export function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(STATIC)) {
    // `import { type A, type B } from` is type-only too.
    const clause = m[0];
    const typeOnly =
      m[2] !== undefined || /^\s*import\s*\{\s*(type\s+\w+\s*,?\s*)+\}/.test(clause.trim());
    found.push({ target: resolveTarget(file, m[3]!), typeOnly, dynamic: false });
  }
  for (const m of text.matchAll(DYNAMIC))
    found.push({ target: resolveTarget(file, m[1]!), typeOnly: false, dynamic: true });
  return found;
}

/**
 * Every module `file` reaches through imports that `follow` accepts, with the path that leads
 * there (for the message of a failing test).
 */
export function reach(
  file: string,
  follow: (edge: Import, from: string) => boolean,
): Map<string, string[]> {
  const paths = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length > 0) {
    const from = queue.shift()!;
    if (!from.startsWith('src/')) continue;
    for (const edge of importsOf(from)) {
      if (!follow(edge, from) || paths.has(edge.target)) continue;
      paths.set(edge.target, [...paths.get(from)!, edge.target]);
      queue.push(edge.target);
    }
  }
  return paths;
}
