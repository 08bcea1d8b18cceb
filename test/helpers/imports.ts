/**
 * The import graph of the built code (tests only): which modules each dist/ file loads, by
 * static import, `export … from`, bare `import '…'` and `import('…')` with a string literal.
 * Type-only imports are gone from dist/, so this is the graph Node really loads.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const PATTERNS = [
  // import x from '…', import { a } from '…', export { a } from '…', export * from '…'
  /^[ \t]*(?:import|export)\b[^;'"]*?\bfrom\s*(['"])([^'"]+)\1/gm,
  // import '…' (for its effects)
  /^[ \t]*import\s*(['"])([^'"]+)\1/gm,
  // import('…'), awaited or not
  /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
];

/** The module specifiers a JavaScript module's source loads, in no particular order. */
export function specifiers(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of PATTERNS)
    for (const match of source.matchAll(pattern)) found.add(match[2]!);
  return [...found];
}

export interface ImportGraph {
  /** Module (path relative to the root) → the relative modules it loads. */
  edges: Map<string, string[]>;
  /** Module → every specifier it loads, relative or not (node:fs, exceljs…). */
  specifiers: Map<string, string[]>;
}

/**
 * The graph of the .js files under `root` for which `keep` holds (by default all): with a
 * `keep` that asks for the source file, outputs of deleted sources left in dist/ are ignored.
 */
export function importGraph(
  root: string,
  keep: (file: string) => boolean = () => true,
): ImportGraph {
  root = resolve(root);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js') && keep(relative(root, path))) files.push(path);
    }
  };
  walk(root);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const all = new Map<string, string[]>();
  for (const file of files.sort()) {
    const specs = specifiers(readFileSync(file, 'utf8'));
    const name = relative(root, file);
    all.set(name, specs);
    edges.set(
      name,
      specs
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(file), s))
        .filter((path) => known.has(path))
        .map((path) => relative(root, path)),
    );
  }
  return { edges, specifiers: all };
}

/** Keeps a dist/ file only when src/ still has its TypeScript source. */
export const hasSource = (src: string) => (file: string) =>
  existsSync(join(src, file.replace(/\.js$/, '.ts')));

/**
 * One cycle through each strongly connected group of modules that import each other, as
 * [a, b, …, a]; empty when the graph has none. Tarjan's algorithm, then a shortest way back.
 */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (edges.get(v) ?? []).includes(v)) groups.push(group.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) => shortestCycle(edges, group)).sort();
}

function shortestCycle(edges: ReadonlyMap<string, readonly string[]>, group: string[]): string[] {
  const start = group[0]!;
  const inGroup = new Set(group);
  const from = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of edges.get(v) ?? []) {
      if (!inGroup.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = from.get(u))
          path.splice(1, 0, u);
        return [...path, start];
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Every module reachable from `roots` by the graph's edges, the roots included. */
export function reachable(
  edges: ReadonlyMap<string, readonly string[]>,
  roots: string[],
): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0)
    for (const w of edges.get(queue.pop()!) ?? [])
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
  return seen;
}
