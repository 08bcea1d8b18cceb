// The shape of the code as Node loads it (DESIGN.md §3): no import cycle anywhere, and pure
// metrics, which read no file. Checked on dist/, which `npm test` builds before vitest runs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cycles, hasSource, importGraph, reachable, specifiers } from './helpers/imports.js';

const graph = importGraph('dist', hasSource('src'));

describe('the import graph of dist/', () => {
  it('has the modules of src/', () => {
    expect(graph.edges.get('cli.js')).toBeDefined();
    expect(graph.edges.get('metrics/analysis.js')).toContain('metrics/sections/units.js');
  });

  it('has no import cycle', () => {
    expect(cycles(graph.edges).map((c) => c.join(' → '))).toEqual([]);
  });
});

describe('src/metrics reads no file', () => {
  const metrics = [...graph.edges.keys()].filter((m) => m.startsWith('metrics/'));

  it.each(metrics)('%s imports neither node:fs nor src/io', (module) => {
    const loads = graph.specifiers.get(module)!;
    expect(loads.filter((s) => /^(node:)?fs(\/|$)/.test(s))).toEqual([]);
    expect(graph.edges.get(module)!.filter((m) => m.startsWith('io/'))).toEqual([]);
  });

  it('reaches no module of src/io, even through others', () => {
    expect([...reachable(graph.edges, metrics)].filter((m) => m.startsWith('io/'))).toEqual([]);
  });
});

describe('reading the graph', () => {
  it.each([
    ["import { a, b } from './a.js';", ['./a.js']],
    ['import x, { y } from \'../b.js\';\nexport { z } from "./c.js";', ['../b.js', './c.js']],
    ["export * from './d.js';", ['./d.js']],
    ["import {\n  a,\n  b,\n} from './multi.js';", ['./multi.js']],
    ["import './effects.js';", ['./effects.js']],
    ["const { x } = await import('./lazy.js');", ['./lazy.js']],
    ["import { readFile } from 'node:fs/promises';", ['node:fs/promises']],
    ["const s = 'import from nothing'; import(name);", []],
  ])('%j loads %j', (source, expected) => {
    expect(specifiers(source).sort()).toEqual(expected);
  });

  const root = mkdtempSync(join(tmpdir(), 'complaints-imports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(root, 'g-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };

  it.each([
    ['none', { 'a.js': "import './b.js';", 'b.js': '' }, []],
    [
      'through a lazy import',
      {
        'a.js': "import './x/b.js';",
        'x/b.js': "await import('../c.js');",
        'c.js': "import './a.js';",
      },
      [['a.js', 'x/b.js', 'c.js', 'a.js']],
    ],
    [
      'two, one a module importing itself',
      { 'a.js': "import './b.js';", 'b.js': "export * from './a.js';", 'c.js': "import './c.js';" },
      [
        ['a.js', 'b.js', 'a.js'],
        ['c.js', 'c.js'],
      ],
    ],
  ])('finds cycles: %s', (_, files, expected) => {
    expect(cycles(importGraph(write(files)).edges)).toEqual(expected);
  });

  it('ignores built files whose source is gone', () => {
    const dir = write({
      'dist/a.js': "import './old.js';",
      'dist/old.js': "import './a.js';",
      'src/a.ts': '',
    });
    expect([...importGraph(join(dir, 'dist'), hasSource(join(dir, 'src'))).edges]).toEqual([
      ['a.js', []],
    ]);
  });
});
