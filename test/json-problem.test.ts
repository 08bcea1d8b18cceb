/**
 * JSON.parse's refusals of hand-written JSON (config, targets, units, codes, thresholds,
 * taxonomies, models) said in Chinese with their line and column: each case is the parser's real
 * error on a real text, so a Node whose V8 words a message differently fails here, not in front
 * of a user.
 */
import { describe, expect, it } from 'vitest';
import { jsonSyntax, zhNotJson } from '../src/json-problem.js';

function refusal(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`${text} parses`);
}

describe('a JSON text that does not parse, in Chinese', () => {
  it.each([
    [
      'a comma after the last item',
      '{\n  "period": "2016Q4",\n}\n',
      '第 3 行第 1 列不是有效的 JSON：这里应是用英文双引号括起的键名；是不是最后一项后面多了逗号？',
    ],
    [
      'a missing comma',
      '{\n  "period": "2016Q4"\n  "out": "x.xlsx"\n}',
      '第 3 行第 3 列不是有效的 JSON：值的后面应是逗号或 }；是不是少了逗号？',
    ],
    [
      'a missing comma in an array',
      '["a.xlsx" "b.xlsx"]',
      '第 1 行第 11 列不是有效的 JSON：数组元素的后面应是逗号或 ]；是不是少了逗号？',
    ],
    [
      'a key without quotes',
      '{ inputs: [] }',
      '第 1 行第 3 列不是有效的 JSON：这里应是用英文双引号括起的键名，或 }。',
    ],
    ['a missing colon', '{"a" 1}', '第 1 行第 6 列不是有效的 JSON：键名的后面应是冒号 :。'],
    [
      'a Windows path',
      '{"out": "D:\\报表\\x.xlsx"}',
      '第 1 行第 12 列不是有效的 JSON：字符串里的反斜杠 \\ 后面不是有效的转义；Windows 路径请写作 / 或 \\\\。',
    ],
    [
      'Chinese quotes, where V8 gives no position',
      '{\n  "period": “2016Q4”\n}',
      '第 2 行第 13 列不是有效的 JSON：这里有中文引号 “；JSON 要用英文双引号 "。',
    ],
    [
      'a stray token, found outside the strings before it',
      '{"a": "}", "b": }',
      '第 1 行第 17 列不是有效的 JSON：这里不应出现 }。',
    ],
    [
      'a cut file',
      '{ "inputs": [',
      '第 1 行第 14 列不是有效的 JSON：文件在 JSON 结束之前就完了，是不是少了结尾的 }、] 或 "？',
    ],
    [
      'text after the end',
      '{}\n{}',
      '第 2 行第 1 列不是有效的 JSON：JSON 已经结束，后面还有多余的内容。',
    ],
    ['a number cut short', '{"a": 1.}', '第 1 行第 9 列不是有效的 JSON：数字的写法不对。'],
    ['a string cut short', '{"a": "b', '第 1 行第 9 列不是有效的 JSON：字符串没有结尾的双引号。'],
    [
      'a line break inside a string',
      '{"a": "b\nc"}',
      '第 1 行第 9 列不是有效的 JSON：字符串里有换行或制表符等控制字符；换行请写作 \\n。',
    ],
  ])('%s', (_name, text, zh) => {
    expect(zhNotJson(refusal(text), text)).toBe(zh);
  });

  it("keeps V8's reason and only the place V8 gives for the English side", () => {
    const text = '{\n  "period": “2016Q4”\n}';
    const syntax = jsonSyntax(refusal(text), text);
    expect(syntax.reason).toBe("Unexpected token '“'");
    expect(syntax.place).toBeNull();
    expect(syntax.located).toEqual([2, 13]);
    const cut = '{"a":1,}';
    expect(jsonSyntax(refusal(cut), cut)).toMatchObject({
      reason: 'Expected double-quoted property name',
      place: [1, 8],
    });
  });

  it('a message the table does not know is quoted as it is', () => {
    expect(zhNotJson(new SyntaxError('Something new at position 3'), 'abcdef')).toBe(
      '第 1 行第 4 列不是有效的 JSON：JSON.parse 报告：Something new。',
    );
  });
});
