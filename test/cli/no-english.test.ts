/**
 * A Chinese run says nothing in English (issue: no English left in a Chinese run). The commands
 * run on broken inputs of every kind a user hands the tool — exports, config, targets, units,
 * codes, thresholds, taxonomies, text tables, models, Word templates — in the default language,
 * and no line of their stdout or stderr may hold a run of three English words. File names,
 * options, codes such as CSV_LIMIT and field keys such as acceptedAt are not words here.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-no-english-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD = 'test/files/bad';
const XLSX = 'fixtures/metrics/95598-2015.xlsx';
const TEMPLATE = 'fixtures/bulletin/template.docx';

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The fixture template with its document.xml changed. */
function template(name: string, change: (xml: string) => string): string {
  const zip = new PizZip(readFileSync(TEMPLATE));
  zip.file('word/document.xml', change(zip.file('word/document.xml')!.asText()));
  const file = join(dir, name);
  writeFileSync(file, zip.generate({ type: 'nodebuffer' }));
  return file;
}

/** The lines of `text` with a run of three English words, once names and codes are set aside. */
export function englishLines(text: string): string[] {
  return text.split('\n').filter((line) => {
    const words = line
      .replace(/\S*[/\\]\S*/g, ' ') // paths
      .replace(/[\w.-]+\.(csv|xlsx|xls|json|docx|txt|bin|md)\b/gi, ' ') // file names
      .replace(/--[a-z-]+/g, ' ') // options
      .replace(/\$[.\w[\]"\u4e00-\u9fff]*/g, ' ') // JSON paths
      .replace(/\b[A-Z][A-Z0-9_]+\b/g, ' ') // codes and units: CSV_LIMIT, MiB, UTF
      .replace(/\b[a-z]+[A-Z]\w*\b/g, ' '); // field keys: acceptedAt, appealResult
    return /\b[A-Za-z]{2,}[\s,;:'"()]+[A-Za-z]{2,}[\s,;:'"()]+[A-Za-z]{2,}\b/.test(words);
  });
}

describe('the filter', () => {
  it('finds English and lets names and codes pass', () => {
    expect(
      englishLines(
        [
          'mine.json: $.slang: unknown key: expected typos',
          '  Control characters (such as NUL) removed',
          'complaints: bad.csv：第 4 行含有不属于 GB18030 文本的字节',
          '  请用 --map acceptedAt=表头 指定，或运行：soffice --headless --convert-to xlsx 文件名',
          '  拒收行 2，逐行明细：complaints inspect --json',
        ].join('\n'),
      ),
    ).toEqual([
      'mine.json: $.slang: unknown key: expected typos',
      '  Control characters (such as NUL) removed',
    ]);
  });
});

describe('a Chinese run on broken inputs says nothing in English', () => {
  const inputs = readdirSync(BAD)
    .filter((f) => !/\.(md|json)$/.test(f))
    .map((f) => join(BAD, f));
  const taxonomy = JSON.stringify({
    name: 'mine',
    title: '我的分类',
    source: 'ours',
    nodes: [
      {
        code: 'A',
        name: '甲',
        discipline: '营销',
        children: [{ code: 'A', name: '乙', fallback: 1 }],
      },
      { code: 'B', name: '丙', discipline: '其他', rules: { keywords: { 停电: 'x' }, words: {} } },
      { code: 'C1', name: '丁', level: 2 },
      { code: 'D1', name: '戊', parent: 'ZZ', aliases: [''] },
    ],
    text: { typos: { 電費: '电费' } },
  });
  it.each<[string, () => string[]]>([
    // Every bad export at once: inspect lists each refusal in its place.
    ['inspect, every bad export', () => ['inspect', ...inputs]],
    [
      'analyze, the readable bad exports',
      () => ['analyze', `${BAD}/ragged.csv`, `${BAD}/control-chars.csv`],
    ],
    [
      'taxonomy --validate, a bad taxonomy',
      () => ['taxonomy', '--validate', write('tax.json', taxonomy)],
    ],
    [
      'taxonomy --validate, a cut taxonomy',
      () => ['taxonomy', '--validate', write('cut.json', '{"nodes": [')],
    ],
    [
      'taxonomy --validate, a bad text table',
      () => [
        'taxonomy',
        '--validate',
        write(
          'text.json',
          JSON.stringify({ typos: { 電錶: '电表', 停电: '停电', 冇: 1 }, slang: {} }),
        ),
      ],
    ],
    ['taxonomy, the county tree', () => ['taxonomy', 'county-4x17']],
    [
      'a config with a comma too many',
      () => ['analyze', XLSX, '--config', write('c1.json', '{"lang": "zh",}')],
    ],
    [
      'a config with Chinese quotes',
      () => ['analyze', XLSX, '--config', write('c2.json', '{"period": “2016Q4”}')],
    ],
    [
      'targets that are not JSON',
      () => ['analyze', XLSX, '--targets', write('t.json', '[{"unit": "A" "target": 1}]')],
    ],
    ['units that are not JSON', () => ['analyze', XLSX, '--units', write('u.json', '{')]],
    ['codes that are not JSON', () => ['analyze', XLSX, '--codes', write('k.json', '{"a": 1}}')]],
    [
      'thresholds that are not JSON',
      () => ['warn', XLSX, '--thresholds', write('w.json', '{"spike": {"x": 1,}}')],
    ],
    ['a model that is not JSON', () => ['classify', XLSX, '--model', write('m.json', 'not json')]],
    ['a model that is not one', () => ['classify', XLSX, '--model', write('m2.json', '{}')]],
    ['a model that is not there', () => ['classify', XLSX, '--model', join(dir, 'none.json')]],
    [
      'a template with crossed loops',
      () => [
        'report',
        XLSX,
        '--out',
        join(dir, 'a.docx'),
        '--template',
        template('crossed.docx', (x) =>
          x.replace('{rank}', '{#a}{rank}').replace('{unit}', '{/a}{#b}{unit}{/b}'),
        ),
      ],
    ],
    [
      'a template with a chart beside text',
      () => [
        'report',
        XLSX,
        '--out',
        join(dir, 'b.docx'),
        '--template',
        template('inline.docx', (x) => x.replace('{title}', '前{@hotWordsChart}后')),
      ],
    ],
    [
      'a template with a loop closed by another name',
      () => [
        'report',
        XLSX,
        '--out',
        join(dir, 'c.docx'),
        '--template',
        template('renamed.docx', (x) =>
          x.replace('{#paragraphs}', '{#paragraph2}').replace('{/paragraphs}', '{/paragraph}'),
        ),
      ],
    ],
  ])('%s', (_name, args) => {
    const run = complaints(args());
    expect(run.stdout + run.stderr).toMatch(/\p{Script=Han}/u);
    expect(englishLines(run.stdout)).toEqual([]);
    expect(englishLines(run.stderr)).toEqual([]);
  });
});
