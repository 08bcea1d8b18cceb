/**
 * The shape STYLE.md asks for, checked rather than hoped for: no function in src/ over about 150
 * lines (issue 11). Import cycles and file reading under src/metrics are test/imports.test.ts's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const MAX_FUNCTION_LINES = 150;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Every function-like node of a file with its length in lines. */
export function functionLengths(file: string, text: string): { where: string; lines: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { where: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ where: `${file}:${start + 1}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the shape of src/', () => {
  it('measures a function by its lines', () => {
    const text = 'function f() {\n  return 1;\n}\nconst g = () => {\n  a();\n  b();\n};\n';
    expect(functionLengths('x.ts', text)).toEqual([
      { where: 'x.ts:1', lines: 3 },
      { where: 'x.ts:4', lines: 4 },
    ]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = sources(join(ROOT, 'src'))
      .flatMap((file) => functionLengths(relative(ROOT, file), readFileSync(file, 'utf8')))
      .filter((f) => f.lines > MAX_FUNCTION_LINES);
    expect(long).toEqual([]);
  });
});
