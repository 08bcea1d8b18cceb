/**
 * What JSON.parse refuses, for the small JSON files users write by hand (config, targets,
 * units, codes, thresholds, taxonomies, text tables, models): where (line and column) and, in
 * Chinese, what is wrong there. V8's own words stay the English side of each message; a Chinese
 * run gets a reason an analyst can act on ("少了逗号？") instead of "Expected ',' or '}' after
 * property value".
 */

/**
 * The text without the byte-order mark Windows Notepad puts before "UTF-8 with BOM": JSON.parse
 * refuses it, and every hand-written JSON file is read past it, as the config always was.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Where JSON.parse stopped (1-based line and column), or null when it does not say. */
export type JsonPlace = readonly [line: number, column: number] | null;

export interface JsonSyntax {
  /** V8's message without its position and without the text it quotes. */
  reason: string;
  /** The place V8's message gives (the English messages say this one, as they always have). */
  place: JsonPlace;
  /**
   * The place the Chinese says: V8's, or else where the token it names stands, or the end of
   * the text for an unexpected end.
   */
  located: JsonPlace;
  /** The reason in Chinese, a sentence with its full stop (or question mark). */
  zh: string;
}

/** The line and column of a character offset of `text`. */
function placeOf(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  return [before.split('\n').length, before.length - before.lastIndexOf('\n')];
}

/**
 * Where JSON.parse met `token`, for the messages that name the token but not its position
 * ("Unexpected token '“', … is not valid JSON"): its first place outside a string, or after a
 * backslash inside one (V8 says "Unexpected token '报'" of "D:\报表", not "Bad escaped character").
 */
function tokenOffset(text: string, token: string): { at: number; escaped: boolean } | null {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\' && text.startsWith(token, i + 1)) return { at: i, escaped: true };
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (text.startsWith(token, i)) return { at: i, escaped: false };
    else if (c === '"') inString = true;
  }
  return null;
}

/** A token as the message shows it: invisible characters by their code point. */
function shown(token: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(token)
    ? token
    : `U+${token.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const BAD_ESCAPE = '字符串里的反斜杠 \\ 后面不是有效的转义；Windows 路径请写作 / 或 \\\\。';

const REASONS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^Unexpected end of JSON input$/,
    () => '文件在 JSON 结束之前就完了，是不是少了结尾的 }、] 或 "？',
  ],
  [/^Expected property name or '}'$/, () => '这里应是用英文双引号括起的键名，或 }。'],
  [
    /^Expected double-quoted property name$/,
    () => '这里应是用英文双引号括起的键名；是不是最后一项后面多了逗号？',
  ],
  [/^Expected ',' or '}' after property value$/, () => '值的后面应是逗号或 }；是不是少了逗号？'],
  [
    /^Expected ',' or ']' after array element$/,
    () => '数组元素的后面应是逗号或 ]；是不是少了逗号？',
  ],
  [/^Expected ':' after property name$/, () => '键名的后面应是冒号 :。'],
  [/^Unterminated string$/, () => '字符串没有结尾的双引号。'],
  [
    /^Bad control character in string literal$/,
    () => '字符串里有换行或制表符等控制字符；换行请写作 \\n。',
  ],
  [/^Bad escaped character$/, () => BAD_ESCAPE],
  [/^Bad Unicode escape$/, () => '\\u 后面应是 4 位十六进制数。'],
  [
    /^(Unterminated fractional number|No number after minus sign|Exponent part is missing a number|Unexpected number)$/,
    () => '数字的写法不对。',
  ],
  [/^Unexpected non-whitespace character after JSON$/, () => 'JSON 已经结束，后面还有多余的内容。'],
  [/^Unexpected token '?([“”‘’])'?$/, (m) => `这里有中文引号 ${m[1]}；JSON 要用英文双引号 "。`],
  [/^Unexpected token '?([^]+?)'?$/, (m) => `这里不应出现 ${shown(m[1]!)}。`],
];

/**
 * JSON.parse's error on `text`: its reason without position or quoted text, the place (from its
 * "(line N column M)", its "at position N", or the token it names), and the reason in Chinese
 * (V8's English, quoted, for a message this table does not know).
 */
export function jsonSyntax(error: unknown, text: string): JsonSyntax {
  let reason = error instanceof Error ? error.message : String(error);
  let place: JsonPlace = null;
  const lineColumn = /\s*\(line (\d+) column (\d+)\)/.exec(reason);
  if (lineColumn) {
    place = [Number(lineColumn[1]), Number(lineColumn[2])];
    reason = reason.replace(lineColumn[0], '');
  }
  const position = /\s+(?:in JSON )?at position (\d+)/.exec(reason);
  if (position) {
    place ??= placeOf(text, Number(position[1]));
    reason = reason.replace(position[0], '');
  }
  // V8 quotes the text, or a part of a long one between "...": `Unexpected token '}', "{…}" is
  // not valid JSON`.
  reason = reason
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/\s+in JSON$/, '');
  let located = place;
  const token = /^Unexpected token '([^]+?)'$/.exec(reason);
  const found = token ? tokenOffset(text, token[1]!) : null;
  if (!located && found) located = placeOf(text, found.at);
  if (found?.escaped) return { reason, place, located, zh: BAD_ESCAPE };
  if (!located && reason === 'Unexpected end of JSON input') located = placeOf(text, text.length);
  const known = REASONS.find(([pattern]) => pattern.test(reason));
  const zh = known ? known[1](known[0].exec(reason)!) : `JSON.parse 报告：${reason}。`;
  return { reason, place, located, zh };
}

/** Where, before the words "不是有效的 JSON": "第 3 行第 7 列", or nothing without a place. */
export function zhPlace(place: JsonPlace): string {
  return place ? `第 ${place[0]} 行第 ${place[1]} 列` : '';
}

/**
 * The Chinese of a JSON file that does not parse, to follow the file's name: "第 1 行第 24 列
 * 不是有效的 JSON：这里应是…；是不是最后一项后面多了逗号？" (a whole sentence).
 */
export function zhNotJson(error: unknown, text: string): string {
  const syntax = jsonSyntax(error, text);
  return `${zhPlace(syntax.located)}不是有效的 JSON：${syntax.zh}`;
}

/**
 * The first key written twice in one object of `text`, which JSON.parse has read (so it is
 * valid JSON), with the lines of both: JSON.parse keeps the last without a word, and a setting
 * added at the end of a hand-written file ("inputs" twice) would silently drop the first.
 */
export function repeatedKey(text: string): { key: string; lines: [number, number] } | null {
  // One entry per open object (its keys and their lines) or array (null).
  const open: (Map<string, number> | null)[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '{') open.push(new Map());
    else if (c === '[') open.push(null);
    else if (c === '}' || c === ']') open.pop();
    else if (c === '"') {
      // Valid JSON: the string ends at the next quote not escaped, and holds no line break.
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = open[open.length - 1];
      let next = end + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (keys && text[next] === ':') {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const first = keys.get(key);
        if (first !== undefined) return { key, lines: [first, line] };
        keys.set(key, line);
      }
      i = end;
    }
  }
  return null;
}
