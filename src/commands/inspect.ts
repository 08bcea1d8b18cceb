/**
 * complaints inspect <inputs...>: what it does (options and help: cli/inspect.ts).
 *
 * What an analyst runs when a file looks wrong: per input the format, encoding, sheet, header
 * row, which header went to which field, rows read, complaints, other business types,
 * duplicates, skipped rows, rejects by reason with their first rows, and the date range.
 */
import { refuseRejects } from '../errors.js';
import { ingest } from '../ingest/ingest.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { emitJson, inspectJson } from '../report/json.js';
import { print } from '../report/print.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

export async function run(settings: Settings): Promise<void> {
  const { inputs, json } = settings;
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await ingest(inputs, settings.ingest);
  if (json) {
    await emitJson(inspectJson(result), json.file ?? true);
  } else if (!settings.quiet) {
    const { renderInspect } = await import('../report/inspect.js');
    print(process.stdout, renderInspect(result, settings.lang, settings.color) + '\n');
    for (const warning of result.warnings) print(process.stderr, `warning: ${warning}\n`);
  }
  // Unlike the other commands, inspect reports first: the rejects are what it is run to see.
  refuseRejects(settings.strict, result);
}
