/**
 * --help in the run's language. Commander's own words (Usage:, Options:, the help and version
 * options, "(default: …)") in Chinese or English, and widths counted in terminal columns: a
 * Chinese character takes two, and a line of Chinese breaks between characters, not only at
 * spaces (commander counts characters and wraps at spaces). Commander alone is loaded: --help
 * stays light (test/cli/lazy-help.test.ts).
 */
import { Help, type Command, type Option, type Argument } from 'commander';
import type { Lang, Said } from '../../errors.js';

export type { Said };

/** Each text of `texts` in `lang`. */
export function inLanguage<K extends string>(
  texts: Record<K, Said>,
  lang: Lang,
): Record<K, string> {
  const picked = {} as Record<K, string>;
  for (const key of Object.keys(texts) as K[]) picked[key] = texts[key][lang];
  return picked;
}

/** East Asian wide and fullwidth characters: two columns at a terminal. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[\d;]*m/g;

/** The columns `text` takes at a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** No line starts with these … */
const CLOSING = new Set('，。、；：！？）」』》〉】…·”’%),;:'.split(''));
/** … nor ends with these. */
const OPENING = new Set('（「『《〈【“‘('.split(''));

interface Piece {
  text: string;
  /** Spaces before it on the line as written: dropped where the line breaks. */
  space: string;
}

/** A mixed run no longer than this is kept on one line (2016年第25周, (末月/首月)^(1/(n−1))). */
const MIXED = 24;

/** The segments of a run without spaces: each ends after closing punctuation or before opening. */
function segments(run: string): string[] {
  const result: string[] = [];
  let current = '';
  for (const char of run) {
    if (OPENING.has(char) && current && !OPENING.has(current[current.length - 1]!)) {
      result.push(current);
      current = '';
    }
    current += char;
    if (CLOSING.has(char)) {
      result.push(current);
      current = '';
    }
  }
  if (current) result.push(current);
  // Closing punctuation after closing punctuation stays with it: "）。"
  return result.reduce<string[]>((merged, segment) => {
    if (merged.length > 0 && [...segment].every((c) => CLOSING.has(c))) {
      merged[merged.length - 1] += segment;
    } else merged.push(segment);
    return merged;
  }, []);
}

/** A segment's pieces: Chinese breaks between characters, punctuation stays with its word. */
function split(segment: string): string[] {
  const wide = [...segment].some((c) => isWide(c.codePointAt(0)!));
  if (!wide || (/[A-Za-z0-9]/.test(segment) && displayWidth(segment) <= MIXED)) return [segment];
  const result: string[] = [];
  let glue = false;
  for (const char of segment) {
    const last = result.length - 1;
    const ascii = !isWide(char.codePointAt(0)!) && !CLOSING.has(char) && !OPENING.has(char);
    const lastAscii = last >= 0 && !isWide(result[last]!.codePointAt(result[last]!.length - 1)!);
    if (last >= 0 && (glue || CLOSING.has(char) || (ascii && lastAscii))) result[last] += char;
    else result.push(char);
    glue = OPENING.has(char);
  }
  return result;
}

/** The unbreakable pieces of a line: a word of Latin text, or one Chinese character. */
function pieces(line: string): Piece[] {
  const result: Piece[] = [];
  for (const [, space, run] of line.matchAll(/( *)([^ ]+)/g)) {
    segments(run!)
      .flatMap(split)
      .forEach((text, i) => result.push({ text, space: i === 0 ? space! : '' }));
  }
  // A number stays with the Chinese words around it: "1 月", "退出码 3 结束".
  const number = (piece: Piece): boolean => /^[\d.%]+$/.test(piece.text);
  const wide = (text: string, at: number): boolean => isWide(text.codePointAt(at)!);
  return result.reduce<Piece[]>((kept, piece) => {
    const last = kept[kept.length - 1];
    const joins =
      last &&
      ((number(piece) && wide(last.text, last.text.length - 1)) ||
        (/^[\d.%]+$/.test(last.text.split(' ').pop()!) && wide(piece.text, 0)));
    if (joins) last.text += piece.space + piece.text;
    else kept.push(piece);
    return kept;
  }, []);
}

/**
 * One line broken into lines of at most `width` columns (a longer word stands alone). Chinese
 * text breaks between characters; in English (`lang` en) a Chinese term breaks only at spaces.
 */
export function wrapLine(line: string, width: number, lang: Lang = 'zh'): string[] {
  const indent = /^ */.exec(line)![0];
  const all =
    lang === 'zh'
      ? pieces(line.slice(indent.length))
      : [...line.slice(indent.length).matchAll(/( *)([^ ]+)/g)].map(([, space, text]) => ({
          space: space!,
          text: text!,
        }));
  if (all.length === 0) return [line];
  const lines: string[] = [];
  let current = indent + all[0]!.text;
  let used = displayWidth(current);
  for (const piece of all.slice(1)) {
    const add = displayWidth(piece.space) + displayWidth(piece.text);
    if (used + add <= width) {
      current += piece.space + piece.text;
      used += add;
    } else {
      lines.push(current);
      current = piece.text;
      used = displayWidth(current);
    }
  }
  lines.push(current);
  return lines;
}

/** The width commander lays the help out in: the terminal's, else 80 columns. */
export function helpWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return (stream.isTTY && stream.columns) || 80;
}

/**
 * A help text laid out in `width` columns: a line that starts with a space (an example, a
 * list laid out by hand) is kept as written; the others are paragraphs, wrapped, and a line
 * that does not end a sentence (. : 。 ：) runs on into the next.
 */
export function layOut(text: string, width = 80, lang: Lang = 'zh'): string {
  const paragraphs: string[] = [];
  let runsOn = false;
  for (const line of text.split('\n')) {
    const prose = line !== '' && !line.startsWith(' ');
    if (runsOn && prose) paragraphs[paragraphs.length - 1] += ` ${line}`;
    else paragraphs.push(line);
    runsOn = prose && !/[.:。：]$/.test(line);
  }
  return paragraphs
    .flatMap((line) => (line.startsWith(' ') ? [line] : wrapLine(line, width, lang)))
    .join('\n');
}

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

/** Commander's "(default: …, choices: …)" after a description, in Chinese. */
function extras(description: string, choices?: readonly string[], fallback?: string): string {
  const notes: string[] = [];
  if (choices) notes.push(`可选值：${choices.map((c) => JSON.stringify(c)).join('、')}`);
  if (fallback !== undefined) notes.push(`默认：${fallback}`);
  return notes.length === 0 ? description : `${description}（${notes.join('；')}）`;
}

function optionDefault(option: Option): string | undefined {
  const shown =
    option.required ||
    option.optional ||
    (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue === undefined || !shown) return undefined;
  return option.defaultValueDescription ?? JSON.stringify(option.defaultValue);
}

/**
 * Sets `program`'s help in `lang`: call it before the commands are added, which inherit it.
 */
export function helpIn(program: Command, lang: Lang): Command {
  const wrapping: Partial<Help> = {
    displayWidth,
    boxWrap(text: string, width: number): string {
      return text
        .split(/\r\n|\n/)
        .flatMap((line) => wrapLine(line, width, lang))
        .join('\n');
    },
  };
  if (lang === 'en') return program.configureHelp(wrapping);
  return program
    .configureHelp({
      ...wrapping,
      styleTitle: (title: string) => TITLES[title] ?? title,
      formatHelp(cmd: Command, helper: Help): string {
        return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^用法： /, '用法：');
      },
      optionDescription: (option: Option) =>
        extras(option.description, option.argChoices, optionDefault(option)),
      argumentDescription: (argument: Argument) =>
        extras(
          argument.description,
          argument.argChoices,
          argument.defaultValue === undefined
            ? undefined
            : (argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)),
        ),
    })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助');
}

/** Commander's description of --version, in `lang`. */
export const VERSION: Said = { zh: '显示版本号', en: 'output the version number' };
