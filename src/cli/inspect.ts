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
counts as a duplicate, and the later input's copy is the one kept.

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
    );
  addCommonOptions(command)
    .addHelpText('after', HELP)
    .action(async (inputs: string[], _options: unknown, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('inspect', inputs, command);
      return (await import('../commands/inspect.js')).run(settings);
    });
}
