/** complaints inspect <inputs...>: options and help text (the command: commands/inspect.ts). */
import type { Command } from 'commander';
import { FIELDS, FIELD_SPECS } from '../schema/fields.js';
import { addCommonOptions } from '../settings/options.js';

const FIELD_LIST = FIELDS.map((f) => `${f} (${FIELD_SPECS[f].zh})`)
  .reduce<string[]>((lines, item) => {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + item.length < 70) lines[last] += `, ${item}`;
    else lines.push(item);
    return lines;
  }, [])
  .join(',\n  ');

const HELP = `
Fields for --map:
  ${FIELD_LIST}.
Required: acceptedAt and unit; without id, rows are not de-duplicated; without
businessType, every row is taken as a complaint.

Reads the exports as the other commands do and reports what it found, without analysing.
Several inputs are read as one data set: a work order that appears again (same 工单编号)
counts as a duplicate, and the later input's copy is the one kept. Copies are compared on
their values as read: times to the minute (10:22:11 and 10:22 are one time), an empty
申诉结果 is 未申诉, an empty 是否越级 is 否; --duplicates lists each one that still differs,
with the fields that differ (--json: "differingDuplicates").

The days each export covers are shown as judged from its title rows (导出时间, 统计时间 …
至 …), its last work order and its daily volume: the other commands mark a month covered
only in part.

Class values (一级分类, 二级分类) of complaint rows that the taxonomy does not know are named
with their rows, per input (a warning; --json: "inputs[].unknownLabels"): the other commands
classify those rows from their text.

Every input is reported on: one that cannot be read is shown in its place with what to do,
the others are read, and the run ends with exit 2 (--json: "unreadable").

Exit codes: 0 read; 2 an input cannot be read (missing file, .xls, no header, missing
column, a targets file); 3 with --strict, when any row was rejected.

Examples:
  complaints inspect fixtures/95598-2016-09-11.xlsx
  complaints inspect exports/*.csv --json inspect.json
  complaints inspect exports/
  complaints inspect odd.csv --map unit=管理单位名称 --encoding gbk
  cat export.csv | complaints inspect -`;

export function register(program: Command): void {
  const command = program
    .command('inspect')
    .summary('show how the exports are read: format, header, columns, counts, problems')
    .description(
      'Show how each export is read: format, encoding, sheet, header row, column mapping, counts and problems.',
    )
    .argument(
      '<inputs...>',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin',
    )
    .option(
      '--duplicates',
      'list the duplicate work orders whose copies differ: where each copy is and the fields that differ',
    )
    .option(
      '--taxonomy <name|file>',
      'taxonomy the 一级分类/二级分类 values are checked against (default sgcc-95598; see complaints taxonomy)',
    );
  addCommonOptions(command)
    .addHelpText('after', HELP)
    .action(async (inputs: string[], options: { duplicates?: boolean }, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('inspect', inputs, command);
      return (await import('../commands/inspect.js')).run(settings, {
        duplicates: options.duplicates === true,
      });
    });
}
