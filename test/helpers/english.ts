/** The same run in English: --lang=en right after the command (an option of every command). */
const COMMANDS = [
  'analyze',
  'trend',
  'assess',
  'report',
  'warn',
  'inspect',
  'classify',
  'taxonomy',
];

export function inEnglish(args: readonly string[]): string[] {
  return COMMANDS.includes(args[0] ?? '')
    ? [args[0]!, '--lang=en', ...args.slice(1)]
    : [...args, '--lang=en'];
}

/** Han characters: the Chinese side of a message says something in Chinese. */
export const HAN = /\p{Script=Han}/u;
