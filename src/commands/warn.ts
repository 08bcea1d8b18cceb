/**
 * complaints warn [inputs…]: what it does (options and help: cli/warn.ts).
 *
 * The early warning: every unit's level (红/黄/绿) and reasons for a month — by default the
 * latest month the exports cover whole — from its pace against the annual target and year-end
 * forecast, spikes against its own baseline, repeat complainants, escalation, events and overdue
 * work orders (metrics/warn/). `--fail-on red|yellow` ends with exit 4 when a unit is at or above
 * that level, after printing, so cron mails the lines.
 */
import { InputError, WarningLevelError, said } from '../errors.js';
import { checkWritable, guardOutputs } from '../io/write.js';
import { periodSection } from '../metrics/sections/period.js';
import { atLeast } from '../metrics/warn/levels.js';
import { runPipeline } from '../pipeline.js';
import { emitJson } from '../report/json.js';
import { print } from '../report/print.js';
import { correctionLines } from '../report/sections/notes.js';
import { LEVEL_WORDS, warnJson, warnText } from '../report/warn.js';
import { filesRead } from '../settings/resolve.js';
import type { Settings } from '../settings/types.js';

export async function run(settings: Settings): Promise<void> {
  const { lang, json } = settings;
  await guardOutputs([json?.file], filesRead(settings));
  if (json?.file) await checkWritable(json.file);
  const result = await runPipeline(settings);
  const early = result.earlyWarning;
  if (!early)
    throw new InputError(
      'NO_DATA',
      settings.earlyWarning === 'latestDay'
        ? said(
            'warn：最近 31 天里，导出文件没有哪一天覆盖了所有单位。',
            'warn: the exports cover no day of the last 31 for every unit.',
          )
        : said(
            'warn：导出文件没有完整覆盖任何一个月；只覆盖一部分的月份会被误读为下降。',
            'warn: the exports cover no month whole, and a month covered in part would read as a fall.',
          ),
      said(
        '请指定期间（--month YYYY-MM、--day YYYY-MM-DD），或补上缺的导出文件。',
        'Give the period (--month YYYY-MM, --day YYYY-MM-DD), or add the exports that complete it.',
      ),
    );
  const { units } = early;
  const period = periodSection(early.input);
  const { gaps } = early;
  if (json) {
    const corrections = result.corrections ? { corrections: result.corrections } : {};
    await emitJson(
      { ...warnJson(units, period, early.thresholds, gaps), ...corrections },
      json.file ?? true,
    );
    // A cron run's mail: the file named, and the notes that change a figure.
    if (!settings.quiet)
      print(
        process.stderr,
        (await import('../report/sections/notes.js')).jsonWrittenLines(
          json.file ?? null,
          result,
          lang,
          settings.partialFromConfig,
        ),
      );
  } else if (!settings.quiet) {
    print(process.stdout, `${warnText(units, period, lang, gaps)}\n`);
    // The levels were judged on corrected counts: said where the analyst reads the run.
    for (const line of correctionLines(result.analysis, lang)) print(process.stderr, `${line}\n`);
  }
  const failOn = settings.failOn;
  if (!failOn) return;
  const flagged = units.filter((u) => atLeast(u.level, failOn));
  if (flagged.length > 0) {
    const names = flagged.map((u) => u.unit);
    // Named as it was set: a cron mail's reader looks for it in the crontab or the config file.
    const file = settings.failOnFromConfig;
    const set = said(
      file === null ? `--fail-on ${failOn}` : `${file} 中的 "failOn": "${failOn}"`,
      file === null ? `--fail-on ${failOn}` : `"failOn": "${failOn}" in ${file}`,
    );
    throw new WarningLevelError(
      said(
        `warn：${flagged.length} 个单位达到${LEVEL_WORDS.zh[failOn]}色及以上预警（${set.zh}）：${names.join('，')}`,
        `warn: ${flagged.length} unit(s) at ${LEVEL_WORDS.en[failOn]} or above (${set.en}): ${names.join(', ')}`,
      ),
    );
  }
}
