/**
 * Commander's own refusals (an unknown option or command, a missing value, a value not among
 * the choices, too many arguments) in the form of every other error: "complaints: …" and a
 * hint naming the --help to read, exit 2. Commander writes nothing itself (cli.ts silences its
 * output); its message is reworded here. Pure: tested with the messages commander gives.
 */
import { said, type Said } from '../errors.js';
import { closest } from '../settings/suggest.js';

export interface UsageMessage {
  message: Said;
  hint: Said;
}

/**
 * The message of commander's error `code`/`text` for a run of `command` (null: the top level or
 * an unknown command); `commands` are the program's, named in the hint for an unknown one.
 * In both languages, as every error; what commander says of a case not known here stays
 * English after the prefix.
 */
export function usageMessage(
  code: string,
  text: string,
  command: string | null,
  commands: readonly string[] = [],
): UsageMessage {
  // Commander writes "error: unknown option '--jsn'\n(Did you mean --json?)".
  const [first = '', ...rest] = text.replace(/^error:\s*/, '').split('\n');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1] ?? null;
  const prefix = said(command ? `${command}：` : '', command ? `${command}: ` : '');
  const help = command ? `complaints ${command} --help` : 'complaints --help';
  const mean = (near: string | null) =>
    near ? said(`；是不是 ${near}？`, `; did you mean ${near}?`) : said('。', '.');
  const both = (zh: (p: string, m: string) => string, en: (p: string, m: string) => string) =>
    said(zh(prefix.zh, mean(suggestion).zh), en(prefix.en, mean(suggestion).en));
  switch (code) {
    case 'commander.unknownOption': {
      const option = /'([^']+)'/.exec(first)?.[1] ?? first;
      return {
        message: both(
          (p, m) => `${p}未知选项 ${option}${m}`,
          (p, m) => `${p}unknown option ${option}${m}`,
        ),
        hint: said(`可用的选项见 ${help}。`, `The options are listed by ${help}.`),
      };
    }
    case 'commander.unknownCommand': {
      const name = /'([^']+)'/.exec(first)?.[1] ?? first;
      return {
        message: both(
          (_, m) => `未知命令 ${name}${m}`,
          (_, m) => `unknown command ${name}${m}`,
        ),
        hint: said(
          `命令有 ${listed(commands, '、', ' 和 ')}（complaints --help）。`,
          `The commands are ${listed(commands, ', ', ' and ')} (complaints --help).`,
        ),
      };
    }
    case 'commander.optionMissingArgument': {
      // "option '--month <YYYY-MM>' argument missing"
      const m = /'(?:-\w, )?(--?[\w-]+)(?:\s+[<[]([^>\]]+)[>\]])?'/.exec(first);
      const option = m?.[1] ?? first;
      const value = m?.[2];
      return {
        message: said(
          `${prefix.zh}${option} 需要一个值${value ? `（${value}）` : ''}。`,
          `${prefix.en}${option} needs a value${value ? ` (${value})` : ''}.`,
        ),
        hint: said(
          `请写作 ${option} ${value ?? 'VALUE'}；可用的选项见 ${help}。`,
          `Write it as ${option} ${value ?? 'VALUE'}; the options are listed by ${help}.`,
        ),
      };
    }
    case 'commander.invalidArgument': {
      // "option '--by <group>' argument 'foo' is invalid. Allowed choices are unit, level1, …."
      const m =
        /option '(\S+)[^']*' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/.exec(
          first,
        );
      if (m) {
        const choices = m[3]!.split(/,\s*/);
        const near = closest(m[2]!, choices);
        return {
          message: said(
            `${prefix.zh}${m[1]} ${m[2]}：应为 ${listed(choices, '、', ' 或 ')}${mean(near).zh}`,
            `${prefix.en}${m[1]} ${m[2]}: expected one of ${choices.join(', ')}${mean(near).en}`,
          ),
          hint: said(
            `示例：${m[1]} ${near ?? choices[0]}`,
            `Example: ${m[1]} ${near ?? choices[0]}`,
          ),
        };
      }
      break;
    }
    case 'commander.excessArguments': {
      // "too many arguments for 'taxonomy'. Expected 1 argument but got 2."
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(first);
      return {
        message: said(
          `${prefix.zh}参数太多${m ? `：它只接受 ${m[1]} 个，这里给了 ${m[2]} 个` : ''}。`,
          `${prefix.en}too many arguments${m ? `: it takes ${m[1]}, got ${m[2]}` : ''}.`,
        ),
        hint: said(`它接受的参数见 ${help}。`, `What it takes is listed by ${help}.`),
      };
    }
  }
  const theirs = first.replace(/\.$/, '');
  return {
    message: both(
      (p, m) => `${p}${theirs}${m}`,
      (p, m) => `${p}${theirs}${m}`,
    ),
    hint: said(`参见 ${help}。`, `See ${help}.`),
  };
}

/** The subcommand named in `args` (the arguments after the program), if any. */
export function commandIn(args: readonly string[], names: readonly string[]): string | null {
  for (const arg of args) {
    if (names.includes(arg)) return arg;
    // Options before the command name belong to the program (--version, --help).
    if (!arg.startsWith('-')) return null;
  }
  return null;
}

/** a, b and c (a、b 和 c) */
function listed(names: readonly string[], comma: string, and: string): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(comma)}${and}${names[names.length - 1]}`;
}
