/**
 * complaints inspect <inputs...>: what it does (options and help: cli/inspect.ts).
 *
 * What an analyst runs when a file looks wrong: per input the format, encoding, sheet, header
 * row, which header went to which field, rows read, complaints, other business types,
 * duplicates, skipped rows, rejects by reason with their first rows, and the date range.
 */
import { InputError, refuseRejects, said, userMessage } from '../errors.js';
import { noComplaintsError } from '../ingest/complaint-types.js';
import { DuplicateListing, lateArrivals } from '../ingest/duplicates.js';
import { ingest, type UnreadableInput } from '../ingest/ingest.js';
import { inputNotesToSay } from '../ingest/input-notes.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { emitJson, inspectJson } from '../report/json.js';
import { print } from '../report/print.js';
import { noteUnknownLabels } from './inspect-labels.js';
import { sameFileText } from '../settings/inputs.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';
import { readCorrections } from '../io/corrections.js';
import { takeSmallFileNotes } from '../io/first-table.js';
import { Classifier } from '../taxonomy/classify.js';
import { parseCorrections, type Corrections } from '../taxonomy/corrections.js';
import { DEFAULT_TAXONOMY, loadTaxonomy } from '../taxonomy/load.js';

/** --duplicates: list the duplicates whose copies differ, field by field. */
export interface InspectExtras {
  duplicates: boolean;
}

export async function run(
  settings: Settings,
  { duplicates }: InspectExtras = { duplicates: false },
): Promise<void> {
  const { inputs, json } = settings;
  if (inputs.length === 0) {
    const example = 'complaints inspect exports/*.xlsx';
    throw new InputError(
      'BAD_OPTION',
      said('inspect：没有输入文件。', 'inspect: no input files.'),
      said(
        `请给出要读取的导出文件，例如 ${example}（给文件夹则读取其中的导出文件），或在 complaints.config.json（或 --config FILE）中写明 "inputs"。`,
        `Give the exports to read, e.g. ${example} (a folder reads the exports in it), or "inputs" in complaints.config.json (or --config FILE).`,
      ),
    );
  }
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const shownFiles = inputs.map((f) => (f === '-' ? 'stdin' : f));
  const listing = duplicates
    ? new DuplicateListing(shownFiles, await correctionsOf(settings))
    : null;
  // Every input is reported on, the good and the bad: a file that cannot be read is shown in
  // its place with what to do, the others are read, and the run ends with exit 2.
  const unreadable: UnreadableInput[] = [];
  const result = await ingest(inputs, settings.ingest, listing?.observe, (u) => unreadable.push(u));
  // The corrections file's name misleading (a workbook named .csv): said as an export's would be.
  if (!settings.quiet)
    for (const note of takeSmallFileNotes()) print(process.stderr, `${note[settings.lang]}\n`);
  // One input, unreadable: its error alone, as every command gives it.
  if (unreadable.length === 1 && inputs.length === 1) throw unreadable[0]!.error;
  // inspect shows what the analysis would refuse: exports whose business types are codes.
  const none = noComplaintsError(result, settings.ingest.complaintTypes);
  if (none) {
    const zh = userMessage(none, 'zh');
    const en = userMessage(none, 'en');
    result.warnings.push(
      said(`${zh.message}${zh.hint ?? ''}`, `${en.message} ${en.hint ?? ''}`.trim()),
    );
  }
  result.warnings.push(...noteUnknownLabels(result, settings.taxonomy));
  result.warnings.push(
    ...(settings.sameInputs ?? []).map((s) => said(sameFileText(s, 'zh'), sameFileText(s, 'en'))),
  );
  const late = listing ? lateArrivals(listing, result.coverage, shownFiles) : [];
  const views = unreadable.map(({ input, file, error }) => ({
    input,
    file,
    code: error.code,
    message: error.message,
    hint: error.hint ?? null,
  }));
  if (json) {
    // The text report shows them under each file; the JSON keeps them in English.
    if (!settings.quiet)
      for (const note of inputNotesToSay(result.inputs, settings.lang))
        print(process.stderr, `${note}\n`);
    const listed = listing
      ? {
          differingDuplicates: listing.differing,
          sameDuplicates: listing.same,
          lateComplaints: late,
        }
      : {};
    await emitJson(
      {
        ...inspectJson(
          result,
          views.map(({ file, code, message, hint }) => ({ file, code, message, hint })),
        ),
        ...listed,
      },
      json.file ?? true,
    );
    // What the text report says on stderr, said with the JSON too (to stdout or a file): a cron
    // job that pipes the JSON into a program shows only stderr in its mail.
    if (!settings.quiet)
      for (const warning of result.warnings)
        print(process.stderr, `warning: ${warning[settings.lang]}\n`);
  } else if (!settings.quiet) {
    const { renderInspect } = await import('../report/inspect.js');
    // Why an input could not be read, in the run's language (the JSON keeps the English).
    const shown = views.map((view, i) => {
      const { message, hint } = userMessage(unreadable[i]!.error, settings.lang);
      return { ...view, message, hint: hint ?? null };
    });
    print(process.stdout, renderInspect(result, settings.lang, settings.color, shown) + '\n');
    if (listing) {
      const { renderDuplicates } = await import('../report/duplicates.js');
      const text = renderDuplicates(
        listing.differing,
        listing.same,
        late,
        settings.lang,
        settings.color,
      );
      print(process.stdout, `\n${text}\n`);
    }
    for (const warning of result.warnings)
      print(process.stderr, `warning: ${warning[settings.lang]}\n`);
  }
  if (unreadable.length > 0) throw unreadableError(unreadable, inputs.length);
  // Unlike the other commands, inspect reports first: the rejects are what it is run to see.
  refuseRejects(settings.strict, result);
}

/**
 * The corrections file (--corrections, or the config file's), checked against the taxonomy as
 * analyze checks it, before the exports are read; null without one.
 */
async function correctionsOf(settings: Settings): Promise<Corrections | null> {
  if (!settings.corrections) return null;
  const rows = await readCorrections(settings.corrections);
  const taxonomy = loadTaxonomy(settings.taxonomy ?? DEFAULT_TAXONOMY);
  return parseCorrections(rows, new Classifier(taxonomy));
}

/** Exit 2 after the report: how many inputs could not be read, and which. */
function unreadableError(unreadable: UnreadableInput[], inputs: number): InputError {
  const files = unreadable.map((u) => u.file);
  return new InputError(
    unreadable[0]!.error.code,
    said(
      `${inputs} 个输入文件中有 ${unreadable.length} 个无法读取：${files.join('、')}。`,
      `${unreadable.length} of ${inputs} inputs could not be read: ${files.join(', ')}.`,
    ),
    said(
      `${unreadable.length === 1 ? '它已' : '每一个都已'}在上面列出，并附处理办法；其他输入文件已读取。`,
      `${unreadable.length === 1 ? 'It is' : 'Each one is'} shown above with what to do; the other inputs were read.`,
    ),
    { file: files[0]! },
  );
}
