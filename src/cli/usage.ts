/**
 * Commander's own refusals (an unknown option or command, a missing value, a value not among
 * the choices, too many arguments) in the form of every other error: "complaints: …" and a
 * hint naming the --help to read, exit 2. Commander writes nothing itself (cli.ts silences its
 * output); its message is reworded here. Pure: tested with the messages commander gives.
 */
import { closest } from '../settings/suggest.js';

export interface UsageMessage {
  message: string;
  hint: string;
}

/**
 * The message of commander's error `code`/`text` for a run of `command` (null: the top level or
 * an unknown command); `commands` are the program's, named in the hint for an unknown one.
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
  const prefix = command ? `${command}: ` : '';
  const help = command ? `complaints ${command} --help` : 'complaints --help';
  const mean = suggestion ? `; did you mean ${suggestion}?` : '.';
  switch (code) {
    case 'commander.unknownOption': {
      const option = /'([^']+)'/.exec(first)?.[1] ?? first;
      return {
        message: `${prefix}unknown option ${option}${mean}`,
        hint: `The options are listed by ${help}.`,
      };
    }
    case 'commander.unknownCommand': {
      const name = /'([^']+)'/.exec(first)?.[1] ?? first;
      return {
        message: `unknown command ${name}${mean}`,
        hint: `The commands are ${listed(commands)} (complaints --help).`,
      };
    }
    case 'commander.optionMissingArgument': {
      // "option '--month <YYYY-MM>' argument missing"
      const m = /'(?:-\w, )?(--?[\w-]+)(?:\s+[<[]([^>\]]+)[>\]])?'/.exec(first);
      const option = m?.[1] ?? first;
      return {
        message: `${prefix}${option} needs a value${m?.[2] ? ` (${m[2]})` : ''}.`,
        hint: `Write it as ${option} ${m?.[2] ?? 'VALUE'}; the options are listed by ${help}.`,
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
          message: `${prefix}${m[1]} ${m[2]}: expected one of ${choices.join(', ')}${near ? `; did you mean ${near}?` : '.'}`,
          hint: `Example: ${m[1]} ${near ?? choices[0]}`,
        };
      }
      break;
    }
    case 'commander.missingArgument':
      // Only inspect requires its inputs on the command line.
      return {
        message: `${prefix}no input files.`,
        hint: `Give the exports to read, e.g. complaints ${command ?? 'inspect'} exports/*.xlsx (a folder reads the exports in it).`,
      };
    case 'commander.excessArguments': {
      // "too many arguments for 'taxonomy'. Expected 1 argument but got 2."
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(first);
      return {
        message: `${prefix}too many arguments${m ? `: it takes ${m[1]}, got ${m[2]}` : ''}.`,
        hint: `What it takes is listed by ${help}.`,
      };
    }
  }
  return { message: `${prefix}${first.replace(/\.$/, '')}${mean}`, hint: `See ${help}.` };
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

/** a, b and c */
function listed(names: readonly string[]): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
