/**
 * The font the chart images are drawn with. It comes from an npm package so that a fresh
 * `npm install` draws Chinese labels with no system font at all: @embedpdf/fonts-sc ships
 * Noto Sans Hans (Google's Noto Sans CJK SC cut to the GB2312 characters; SIL OFL 1.1) as
 * OpenType files, which resvg reads (it cannot read the WOFF2 that web-font packages ship).
 *
 * resvg-js re-reads a font file from disk for every glyph it draws: with the 8 MB files that
 * costs a quarter of a second per chart. So each drawing gets copies cut down to the
 * characters it uses (a few dozen kilobytes), written to a temporary folder.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { InstallError, said } from '../errors.js';
import { releaseTemporary, temporaryFolder, temporaryFolderError } from '../io/temp.js';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * The family name inside NotoSansHans-*.otf (name ID 16). An SVG font-family must name it
 * exactly, or resvg falls back to whatever it finds, which on a bare machine is nothing.
 */
export const CJK_FAMILY = 'Noto Sans S Chinese';

/**
 * The font-family for SVG text. Single quotes: ECharts writes style="font-family:…" inside
 * double quotes, and a double-quoted family name there makes the SVG unparseable.
 */
export const FONT_STACK = `'${CJK_FAMILY}', sans-serif`;

const PACKAGE = '@embedpdf/fonts-sc';
const FILES = ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'];
/** Always kept, so that a figure or a Latin label never depends on what else is drawn. */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

const require = createRequire(import.meta.url);

type SubsetFont = (
  font: Buffer,
  text: string,
  options: { targetFormat: 'sfnt'; preserveNameIds: number[] },
) => Promise<Buffer>;

let found: string[] | undefined;

/** The full font files, found beside the package's entry point (its exports list no font). */
export function chartFontFiles(): string[] {
  if (found) return found;
  let dir: string;
  try {
    // dist/index.cjs; the fonts are in ../fonts.
    dir = join(dirname(require.resolve(PACKAGE)), '..', 'fonts');
  } catch {
    throw new InstallError(
      said(
        `没有安装图表字体包 ${PACKAGE}；请用 npm install 重新安装。`,
        `the chart font package ${PACKAGE} is not installed; reinstall with npm install.`,
      ),
      PACKAGE,
    );
  }
  found = fontFilesIn(dir);
  return found;
}

/**
 * The font files in `dir`. One missing is a broken installation (a cut-short npm install, a
 * pruned node_modules): said as such, naming the file, never as an internal error.
 */
export function fontFilesIn(dir: string): string[] {
  const files = FILES.map((f) => join(dir, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing) {
    throw new InstallError(
      said(
        `缺少图表字体：${missing}；请用 npm install 重新安装。`,
        `chart font missing: ${missing}; reinstall with npm install.`,
      ),
      missing,
    );
  }
  return files;
}

/**
 * The font files cut down to `chars`, in order. Read for each drawing rather than kept: 16 MB
 * less while the pictures are drawn and the workbook written. The cutter's WebAssembly memory
 * (some 70 MiB touched) is never given back while its thread lives: the report cuts them on a
 * worker thread that ends before the pictures are drawn (charts.ts drawCharts).
 */
async function cutFonts(files: readonly string[], chars: string): Promise<Buffer[]> {
  const subsetFont = require('subset-font') as SubsetFont;
  const cut: Buffer[] = [];
  for (const file of files) {
    cut.push(
      await subsetFont(await readFile(file), chars, {
        targetFormat: 'sfnt',
        preserveNameIds: [1, 2, 16, 17],
      }),
    );
  }
  return cut;
}

/**
 * Writes into `dir` the font files cut down to the characters of `text` (and ASCII); returns
 * their paths. The cut keeps the family names (IDs 1, 2, 16, 17), so FONT_STACK finds the copies.
 */
export async function writeChartFonts(text: string, dir: string): Promise<string[]> {
  const files = chartFontFiles();
  const cut = await cutFonts(files, [...new Set(ASCII + text)].join(''));
  const paths = files.map((f) => join(dir, basename(f)));
  // A full TMPDIR (the 明细 spools take room there) is said as such, not as an internal error.
  await Promise.all(paths.map((p, i) => writeFile(p, cut[i]!, { mode: 0o600 }))).catch(
    (error: unknown) => {
      throw temporaryFolderError(tmpdir(), error);
    },
  );
  return paths;
}

/** Runs `use` with font files holding the characters of `text` (and ASCII), then deletes them. */
export async function withChartFonts<T>(
  text: string,
  use: (files: string[]) => Promise<T>,
): Promise<T> {
  const dir = temporaryFolder('fonts');
  try {
    return await use(await writeChartFonts(text, dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
    releaseTemporary(dir);
  }
}
