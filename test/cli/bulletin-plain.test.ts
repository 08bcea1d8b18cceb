/**
 * The bulletin's Word text holds no Markdown: no backticks, asterisks or pipes in any
 * paragraph of the .docx (its own or filled into a --template), in Chinese and in English, and
 * none in the .md's words either (its tables and bold captions are Markdown, its sentences not).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complaints } from '../helpers/cli.js';
import { DocxParts, paragraphs } from '../helpers/docx.js';

const dir = mkdtempSync(join(tmpdir(), 'complaints-bulletin-plain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const M = 'fixtures/metrics';
const INPUTS = [
  `${M}/95598-2015.xlsx`,
  `${M}/95598-2016-01-06.xlsx`,
  `${M}/95598-2016-06-12-gb18030.csv`,
];
// December 2016 runs to the 26th only: the bulletin says why it judged no early warning.
const COVERAGE = ['fixtures/coverage/95598-2015.xlsx', 'fixtures/coverage/95598-2016-1226.xlsx'];
const MARKDOWN = /[`*|]/;

function docx(name: string, args: string[]): string[] {
  const out = join(dir, name);
  const run = complaints(['report', ...args, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return paragraphs(new DocxParts(readFileSync(out)).text('word/document.xml'));
}

describe('bulletin text in Word', () => {
  it.each([
    [
      'zh, month',
      'zh',
      INPUTS,
      ['--month', '2016-11'],
      '各单位的数字见同期投诉分析报表的“预警”表。',
    ],
    [
      'en, month',
      'en',
      INPUTS,
      ['--month', '2016-11'],
      "Each unit's figures and reasons: run complaints warn.",
    ],
    [
      'zh, month covered in part',
      'zh',
      COVERAGE,
      ['--month', '2016-12'],
      '最近一个完整月份的预警见该月投诉分析报表的“预警”表。',
    ],
    [
      'en, month covered in part',
      'en',
      COVERAGE,
      ['--month', '2016-12'],
      'For the latest month covered whole, run complaints warn.',
    ],
  ])(
    '%s: no Markdown, and where the warning’s figures are said plainly',
    (_, lang, inputs, period, said) => {
      const args = [...inputs, ...period, '--lang', lang];
      const name = `${lang}-${period[1]}-${inputs.length}`;
      const words = docx(`${name}.docx`, args);
      expect(words.filter((p) => MARKDOWN.test(p))).toEqual([]);
      expect(words.some((p) => p.includes(said))).toBe(true);
      // The Chinese bulletin holds no English word but its sources' file names.
      if (lang === 'zh')
        expect(words.filter((p) => !p.startsWith('来源：') && /[A-Za-z]{2,}/.test(p))).toEqual([]);
      const md = join(dir, `${name}.md`);
      expect(complaints(['report', ...args, '--out', md]).code).toBe(0);
      const sentences = readFileSync(md, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('|') && !l.startsWith('**') && !l.startsWith('#'));
      expect(sentences.filter((l) => /`|\\`/.test(l))).toEqual([]);
    },
  );

  it('filled into a --template: no Markdown either', () => {
    for (const lang of ['zh', 'en']) {
      const words = docx(`template-${lang}.docx`, [
        ...INPUTS,
        '--month',
        '2016-11',
        '--lang',
        lang,
        '--template',
        'fixtures/bulletin/template.docx',
      ]);
      expect(words.filter((p) => MARKDOWN.test(p))).toEqual([]);
    }
  });
});
