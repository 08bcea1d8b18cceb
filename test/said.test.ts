/**
 * Every user error of the reading side says its message and hint in both languages (issue:
 * Chinese errors by default). Two checks: in the source, no error of src/io, src/ingest,
 * src/schema, src/parallel, src/taxonomy, src/metrics, src/report, src/pipeline.ts or
 * src/aggregating.ts is built from a bare string (a message in one language); and on real bad
 * inputs, each error thrown has a Chinese side with Chinese characters and an English side.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  InputError,
  InstallError,
  RejectedRowsError,
  UnmatchedTargetsError,
  WarningLevelError,
  said,
  userMessage,
  type UserError,
} from '../src/errors.js';
import { ingest } from '../src/ingest/ingest.js';
import { zhRejectReason } from '../src/ingest/reject-reasons.js';

const PART = [
  'src/io',
  'src/ingest',
  'src/schema',
  'src/parallel',
  'src/taxonomy',
  'src/metrics',
  'src/report',
  'src/pipeline.ts',
  'src/aggregating.ts',
  'src/errors.ts',
];

function sources(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => sources(join(path, name)));
}

/**
 * The top-level arguments of the call whose '(' is at `open`: strings, template literals (with
 * their ${…}), comments and nested brackets skipped.
 */
export function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let start = open + 1;
  const end = skipCode(text, open + 1, ')', (comma) => {
    args.push(text.slice(start, comma).trim());
    start = comma + 1;
  });
  args.push(text.slice(start, end).trim());
  return args.filter((a) => a !== '');
}

/**
 * From `i`, the index of the `close` that ends the code (brackets balanced); `comma` is called
 * for each comma at its top level.
 */
function skipCode(text: string, i: number, close: string, comma?: (at: number) => void): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === close) return i;
    if (c === ',' && comma) comma(i);
    else if (c === "'" || c === '"') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '`') i = skipTemplate(text, i + 1);
    else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
    else if (pairs[c]) i = skipCode(text, i + 1, pairs[c]);
  }
  throw new Error(`no ${close} after ${i}`);
}

/** From inside a template literal, the index of its closing backtick. */
function skipTemplate(text: string, i: number): number {
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '`') return i;
    else if (c === '$' && text[i + 1] === '{') i = skipCode(text, i + 2, '}');
  }
  throw new Error('unclosed template literal');
}

/** A message or hint given as a bare string or template literal: one language only. */
const bare = (arg: string | undefined) => arg !== undefined && /^[`'"]/.test(arg);

describe('no user error of the reading side is said in one language only', () => {
  const files = PART.flatMap(sources);
  const calls: { at: string; args: string[] }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new (InputError|InstallError|WarningLevelError)\(/g)) {
      const line = text.slice(0, m.index).split('\n').length;
      const args = callArguments(text, m.index + m[0].length - 1);
      calls.push({
        at: `${file}:${line} ${m[1]}`,
        args: m[1] === 'InputError' ? args : ['', ...args],
      });
    }
  }

  it('finds the calls', () => {
    expect(calls.length).toBeGreaterThan(60);
  });

  it('gives every message and hint with said(zh, en)', () => {
    const oneLanguage = calls.filter(({ args }) => bare(args[1]) || bare(args[2])).map((c) => c.at);
    expect(oneLanguage).toEqual([]);
  });

  it('reads the arguments of a call as written', () => {
    const text = "f(a, `x ${g(1, 2)} y, ${'}'}`, { b: [1, 2] }, 'c,d' /* , */)";
    expect(callArguments(text, 1)).toEqual([
      'a',
      "`x ${g(1, 2)} y, ${'}'}`",
      '{ b: [1, 2] }',
      "'c,d' /* , */",
    ]);
  });
});

const CJK = /[\u4e00-\u9fff]/;

function bothLanguages(error: UserError): void {
  const zh = userMessage(error, 'zh');
  const en = userMessage(error, 'en');
  expect(zh.message).toMatch(CJK);
  expect(en.message).not.toMatch(/^\s*$/);
  expect(en.message).toBe(error.message);
  expect(zh.message).not.toBe(en.message);
  if (en.hint !== undefined) {
    expect(zh.hint).toMatch(CJK);
    expect(zh.hint).not.toBe(en.hint);
  }
}

describe('every refusal of the bad-input corpus, in both languages', () => {
  const BAD = 'test/files/bad';
  const SETTINGS = { map: {}, complaintTypes: ['投诉'], encoding: null, sheet: null };
  it.each([...readdirSync(BAD).filter((f) => !/\.(md|json)$/.test(f)), 'missing.csv'].sort())(
    '%s',
    async (name) => {
      try {
        await ingest([join(BAD, name)], SETTINGS);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        bothLanguages(error as InputError);
      }
    },
  );
});

describe('the other error classes', () => {
  it.each<[string, UserError]>([
    [
      'RejectedRowsError',
      new RejectedRowsError(3, { file: 'a.csv', row: 7, reason: "受理时间 'x' is not a date" }),
    ],
    ['RejectedRowsError without a first row', new RejectedRowsError(1, undefined)],
    [
      'UnmatchedTargetsError',
      new UnmatchedTargetsError('t.csv', [
        { unit: '国网歙县供电公', closest: '国网歙县供电公司' },
        { unit: 'X', closest: null },
      ]),
    ],
    ['InstallError', new InstallError(said('缺少图表字体：f。', 'chart font missing: f.'), 'f')],
    [
      'WarningLevelError',
      new WarningLevelError(
        said('warn: 1 个单位达到红色及以上预警', 'warn: 1 unit(s) at red or above'),
      ),
    ],
  ])('%s', (_name, error) => bothLanguages(error));

  it('RejectedRowsError names the first row and its reason in Chinese', () => {
    const error = new RejectedRowsError(3, {
      file: 'a.csv',
      row: 7,
      reason: "受理时间 'x' is not a date",
    });
    expect(userMessage(error, 'zh')).toEqual({
      message: "--strict：有 3 行被拒绝；第一行：a.csv 第 7 行：受理时间 'x' 不是有效日期",
      hint: '查看每一个被拒绝的行：complaints inspect 文件 --json（rejects[]）。请修正这些行，或去掉 --strict 运行。',
    });
    expect(userMessage(error, 'en').message).toBe(
      "3 row(s) rejected under --strict; first: a.csv row 7: 受理时间 'x' is not a date",
    );
  });

  it('UnmatchedTargetsError lists the units with their likely spelling', () => {
    const error = new UnmatchedTargetsError('t.csv', [
      { unit: '国网歙县供电公', closest: '国网歙县供电公司' },
    ]);
    expect(userMessage(error, 'zh').message).toBe(
      't.csv：--strict 下有 1 个单位在数据里找不到：国网歙县供电公（是不是 国网歙县供电公司？）',
    );
  });
});

describe("a rejected row's reason in Chinese", () => {
  it.each([
    ['供电单位 is empty', '供电单位为空'],
    ["受理时间 '2016-02-30 10:00:00' is not a date", "受理时间 '2016-02-30 10:00:00' 不是有效日期"],
    [
      "供电单位 '国网休宁县\ufffd供电公司' is garbled (U+FFFD: the text was damaged before this file was written)",
      "供电单位 '国网休宁县\ufffd供电公司' 含乱码（U+FFFD：写出这个文件之前文字就已损坏）",
    ],
    ['the row has 6 fields where the header has 5', '这一行有 6 个字段，而表头有 5 个'],
    [
      'unbalanced quote: a field opened with " on line 4 never closes (the 4 lines from there on were read as one row)',
      '引号不配对：第 4 行用 " 开始的字段一直没有结束（从那里起的 4 行被读成了一行）',
    ],
    [
      'unbalanced quote: a field opened with " on line 9 never closes',
      '引号不配对：第 9 行用 " 开始的字段一直没有结束',
    ],
    [
      'malformed quotes: a quoted field has text after its closing "',
      '引号格式错误：带引号的字段在结束的 " 之后还有文字',
    ],
    ['something new', 'something new'],
  ])('%s', (en, zh) => {
    expect(zhRejectReason(en)).toBe(zh);
  });
});
