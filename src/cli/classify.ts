/** complaints classify <inputs...>: options and help text (the command: commands/classify.ts). */
import type { Command } from 'commander';
import type { ClassifyExtras } from '../commands/classify.js';
import { addCommonOptions, addPeriodOptions, collect } from '../settings/options.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';

const HELP = `
How a row is classified, in this order (the 判定方式 column says which):
  列/columns       the export's 一级/二级/三级分类 values, matched by name, alias or code
  规则/rules       the complaint text (受理内容) against the taxonomy's keyword rules,
                   when one type is clearly ahead
  模型/model       where rules are unsure, a text model decides when it is sure enough,
                   and overrules a weak rules decision when very sure: the one shipped
                   for sgcc-95598 (trained on our own labelled texts), or yours (--train,
                   then --model FILE); --no-model: rules alone
  未分类/unclassified  counted and reported, never guessed
Only complaints are classified, and counted as analyze and report count them: the inputs
are one data set (a work order repeated across inputs appears once, the later input's copy),
and only complaints accepted in the period are classified (--month, --quarter, --year,
--from/--to; without them, the latest calendar year in the data, from its first to its last
month with complaints). A line on stderr says how many rows were left out, and why.
--audit and --out of the audit list take the same complaints. --train and --evaluate read
every labelled row of the files they name.

--out FILE.xlsx|.csv keeps every original column, then adds 判定一级分类, 判定二级分类,
判定三级分类, 判定方式, 置信度, 判定依据 (level1 ... evidence with --lang en). CSV is UTF-8 with
BOM; text starting with = + - @ gets a leading ' so no spreadsheet runs it as a formula.

--audit --out FILE.xlsx|.csv writes every disagreement, to send to the units: 供电单位,
工单编号, 受理时间, 记录分类, 内容判定, 判定方式, 置信度, 判定依据, 受理内容, 来源文件, 行.

Exit codes: 0 done; 2 an input, the taxonomy or the model cannot be read, an option this
run would not use (--limit without --audit, --train with --evaluate …), or no work order in
the period; 3 rows were rejected under --strict.

Examples:
  complaints classify export.xlsx --out classified.xlsx
  complaints classify --train history-2015.xlsx --model model.json
  complaints classify export.xlsx --model model.json --out classified.csv
  complaints classify --evaluate labelled.xlsx --json
  complaints classify --evaluate labelled.xlsx --no-model
  complaints classify export.xlsx --audit --limit 50
  complaints classify exports/ --quarter 2016Q4 --audit --out audit-2016Q4.xlsx`;

export function register(program: Command): void {
  const command = program
    .command('classify')
    .summary(
      'put each complaint in its class (columns, text rules, model); --evaluate, --audit, --train',
    )
    .description(
      'Classify each complaint with the taxonomy, write the rows with their classes, train and evaluate text models.',
    )
    .argument(
      '[inputs...]',
      'export files (.xlsx, .csv, .txt), folders of them, or quoted patterns; - reads stdin',
    )
    .option(
      '--out <file>',
      'write the classified rows to FILE.xlsx or FILE.csv; with --audit, the audit list',
    )
    .option(
      '--taxonomy <name|file>',
      'taxonomy to classify with (see complaints taxonomy)',
      DEFAULT_TAXONOMY,
    )
    .option(
      '--model <file>',
      'a model made with --train: it decides where rules are unsure, in place of the shipped one; with --train, where to save it',
    )
    .option('--no-model', 'rules alone: no model, not even the one shipped for sgcc-95598')
    .option(
      '--train <labelled>',
      'train a text model from a labelled export (with 一级/二级分类 columns; repeatable)',
      collect,
    )
    .option(
      '--evaluate <labelled>',
      'classify a labelled file from its text alone and compare with its recorded classes',
    )
    .option(
      '--audit',
      'list rows whose recorded class their text contradicts, most confident first',
    )
    .option('--limit <n>', 'rows shown by --audit and --evaluate in the terminal', '20');
  addCommonOptions(addPeriodOptions(command))
    .addHelpText('after', HELP)
    .action(async (inputs: string[], options: ClassifyExtras, command: Command) => {
      const settings = await (
        await import('../settings/command.js')
      ).settingsFor('classify', inputs, command);
      const { train, evaluate, audit, limit } = options;
      return (await import('../commands/classify.js')).run(settings, {
        train,
        evaluate,
        audit,
        limit,
      });
    });
}
