/**
 * A broken installation (a chart font gone from node_modules) is said as such: a coded error
 * naming the missing file and what to do, exit 1, never "internal error" with a stack.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InstallError, isUserError } from '../../src/errors.js';
import { chartFontFiles, fontFilesIn } from '../../src/report/fonts.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-fonts-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fontFilesIn', () => {
  it('finds both font files of the installed package', () => {
    expect(chartFontFiles().map((f) => f.split('/').pop())).toEqual([
      'NotoSansHans-Regular.otf',
      'NotoSansHans-Bold.otf',
    ]);
  });

  it('names the first missing font file: INSTALL_BROKEN, exit 1, a user error', () => {
    const fonts = join(dir, 'fonts');
    mkdirSync(fonts);
    let error: unknown;
    try {
      fontFilesIn(fonts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InstallError);
    const missing = join(fonts, 'NotoSansHans-Regular.otf');
    expect(error).toMatchObject({
      code: 'INSTALL_BROKEN',
      exitCode: 1,
      file: missing,
      message: `chart font missing: ${missing}; reinstall with npm install.`,
    });
    expect(isUserError(error)).toBe(true);
  });
});

/**
 * An installation of the built program whose font package has lost its fonts: dist/ and the
 * package's data copied, every other dependency linked to this checkout's.
 */
function brokenInstall(): string {
  const root = join(dir, 'install');
  for (const part of ['bin', 'dist', 'package.json', 'src/taxonomy/data', 'src/text/data']) {
    cpSync(join(ROOT, part), join(root, part), { recursive: true });
  }
  const modules = join(root, 'node_modules');
  mkdirSync(join(modules, '@embedpdf'), { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name !== '@embedpdf') symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
  const fonts = join(ROOT, 'node_modules/@embedpdf/fonts-sc');
  for (const part of ['package.json', 'dist']) {
    cpSync(join(fonts, part), join(modules, '@embedpdf/fonts-sc', part), { recursive: true });
  }
  return root;
}

describe('a report drawn by a broken installation', () => {
  it('exits 1 with the missing font and "reinstall with npm install", and writes nothing', () => {
    const root = brokenInstall();
    const out = join(dir, 'report.xlsx');
    const report = (...more: string[]) =>
      spawnSync(
        process.execPath,
        [
          join(root, 'bin/complaints.js'),
          'report',
          'fixtures/metrics/95598-2016-04-12-series.csv',
          '--out',
          out,
          ...more,
        ],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      );
    const missing = join(root, 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf');
    const run = report();
    expect(run.stderr).toBe(`complaints: 缺少图表字体：${missing}；请用 npm install 重新安装。\n`);
    expect(run.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    const en = report('--lang', 'en');
    expect(en.stderr).toBe(
      `complaints: chart font missing: ${missing}; reinstall with npm install.\n`,
    );
    expect(en.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
