/**
 * Hand-written JSON files saved by Windows Notepad (before 2019, and still on "UTF-8 with BOM")
 * start with a byte-order mark. The config, targets, units and codes files always read past it;
 * the taxonomy, thresholds and model files, and the config's "lang" read before the settings,
 * refused it ("U+FEFF is not valid JSON here") or missed it.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bom-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXPORT = join(ROOT, 'fixtures/95598-2016-09-11.xlsx');
const BOM = '\uFEFF';
function withBom(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, BOM + text);
  return file;
}

describe('a JSON file with a UTF-8 byte-order mark is read as without one', () => {
  it('a taxonomy: --validate passes, and analyze classifies with it', () => {
    const shipped = readFileSync(join(ROOT, 'src/taxonomy/data/county-4x17.json'), 'utf8');
    const file = withBom('county.json', shipped);
    const validate = complaints(['taxonomy', '--validate', file]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const json = JSON.parse(complaints(['analyze', EXPORT, '--taxonomy', file, '--json']).stdout);
    expect(json.totals.complaints).toBe(99);
  });

  it('thresholds: warn reads them', () => {
    const file = withBom('thresholds.json', '{}');
    const run = complaints(['warn', EXPORT, '--thresholds', file, '--json']);
    expect(run.stderr).not.toContain('FEFF');
    expect(run.code).toBe(0);
  });

  it('a model: analyze reads it', () => {
    const model = join(dir, 'model.json');
    const train = complaints(['classify', '--train', EXPORT, '--model', model, '--quiet']);
    expect(train.code).toBe(0);
    const file = withBom('model-bom.json', readFileSync(model, 'utf8'));
    const run = complaints(['analyze', EXPORT, '--model', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('the config\'s "lang": a usage error found before the settings are read is in English', () => {
    const folder = mkdtempSync(join(dir, 'cwd-'));
    withBom(join(folder.slice(dir.length + 1), 'complaints.config.json'), '{ "lang": "en" }');
    copyFileSync(EXPORT, join(folder, 'export.xlsx'));
    const run = complaints(['analyze', 'export.xlsx', '--bogus'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'complaints: analyze: unknown option --bogus.\n  The options are listed by complaints analyze --help.\n',
    );
  });
});
