/**
 * An empty value on the command line is refused, whichever option or argument it is: in a
 * cron script `--targets "$TARGETS"` with the variable unset gives `--targets ''`, which the
 * settings would take as no targets at all (an evaluation without a word about it), an input ''
 * as the working folder read whole, and `--json ''` as a file named after the folder.
 */
import type { Command } from 'commander';
import { InputError, said } from '../errors.js';

/** Throws for the first option or argument of `command` whose value is the empty string. */
export function refuseEmptyValues(command: Command): void {
  const values = command.opts<Record<string, unknown>>();
  for (const option of command.options) {
    const value = values[option.attributeName()];
    const given = Array.isArray(value) ? value : [value];
    if (!given.includes('')) continue;
    const flag = option.long ?? option.short ?? option.name();
    throw new InputError(
      'BAD_OPTION',
      said(`${flag} 的值是空的（""）。`, `${flag} is given an empty value ("").`),
      said(
        '请给出它的值，或去掉这个选项；在脚本里，请检查给它的变量是否已赋值。',
        'Give it a value, or leave the option out; in a script, check that the variable given to it is set.',
      ),
    );
  }
  if ((command.args as unknown[]).includes('')) {
    throw new InputError(
      'BAD_OPTION',
      said(
        `${command.name()}：有一个输入是空的名称（""）。`,
        `${command.name()}: an input is an empty name ("").`,
      ),
      said(
        '请给出文件或文件夹的名称（当前文件夹写作 .）；在脚本里，请检查给它的变量是否已赋值。',
        'Name the file or the folder (this folder is .); in a script, check that the variable given to it is set.',
      ),
    );
  }
}
