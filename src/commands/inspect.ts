/**
 * complaints inspect <inputs...>
 *
 * What an analyst runs when a file looks wrong: per input the format, encoding, sheet, header
 * row, which header went to which field, rows read, complaints, other business types,
 * duplicates, skipped rows, rejects by reason with their first rows, and the date range.
 */
import type { Command } from 'commander';
import { RejectedRowsError } from '../errors.js';
import { FIELDS, FIELD_SPECS } from '../schema/fields.js';
import { ingest } from '../ingest/ingest.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { emitJson, inspectJson } from '../report/json.js';
import {
  addCommonOptions,
  ingestSettings,
  parseLang,
  type CommonOptions,
  filesRead,
  jsonFile,
} from '../settings.js';
import { print } from '../report/print.js';

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

Exit codes: 0 read; 2 an input cannot be read (missing file, .xls, no header, missing
column); 3 with --strict, when any row was rejected.

Examples:
  complaints inspect fixtures/95598-2016-09-11.xlsx
  complaints inspect exports/*.csv --json inspect.json
  complaints inspect odd.csv --map unit=管理单位名称 --encoding gbk
  cat export.csv | complaints inspect -`;

type InspectOptions = CommonOptions;

export function register(program: Command): void {
  const command = program
    .command('inspect')
    .summary('show how the exports are read: format, header, columns, counts, problems')
    .description(
      'Show how each export is read: format, encoding, sheet, header row, column mapping, counts and problems.',
    )
    .argument('<inputs...>', 'export files (.xlsx, .csv, .txt); - reads stdin');
  addCommonOptions(command)
    .addHelpText('after', HELP)
    .action(async (inputs: string[], options: InspectOptions) => run(inputs, options));
}

export async function run(inputs: string[], options: InspectOptions): Promise<void> {
  const lang = parseLang(options.lang);
  const settings = ingestSettings(options);
  await guardOutputs([jsonFile(options.json)], filesRead(inputs, {}));
  if (jsonFile(options.json)) await checkWritable(jsonFile(options.json)!);
  const result = await ingest(inputs, settings);
  if (options.json !== undefined) {
    await emitJson(inspectJson(result), options.json);
  } else if (!options.quiet) {
    const { renderInspect } = await import('../report/inspect.js');
    print(process.stdout, renderInspect(result, lang, options.color) + '\n');
  }
  if (!options.quiet && options.json === undefined) {
    for (const warning of result.warnings) print(process.stderr, `warning: ${warning}\n`);
  }
  if (options.strict && result.totals.rejected > 0) {
    const first = result.rejects[0];
    throw new RejectedRowsError(
      result.totals.rejected,
      first ? `${first.file} row ${first.row}: ${first.reason}` : 'see complaints inspect',
    );
  }
}
