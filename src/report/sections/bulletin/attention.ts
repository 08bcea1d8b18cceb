/**
 * 需关注事项: what the reader must act on or allow for — units at risk of passing their annual
 * target (ahead of the year's pace, not there yet), units already past it, months the data
 * covers only in part, and the data's own problems (rows rejected, differing duplicates,
 * complaints left unclassified, targets matching no unit). Each only when it applies; the
 * section is left out when none does.
 */
import { basename } from 'node:path';
import type { CorrectionsSummary } from '../../../metrics/corrections.js';
import { damageOf } from '../../../ingest/input-notes.js';
import type { IngestResult } from '../../../ingest/ingest.js';
import type { Analysis, Note, YearToDate } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import type { Paragraph } from '../../types.js';
import { say } from '../notes.js';
import { count, name, runs, type Piece } from './figures.js';
import { partialMonths } from './overall.js';
import { list } from './units.js';
import { warningParagraph, type BulletinWarning } from './warning.js';

/**
 * Units of the year to date ahead of the year's pace: assessed complaints above the annual
 * target's share of the months gone (months / 12), but not yet at the whole target.
 */
export function unitsAtRisk(y: YearToDate) {
  return y.units.filter(
    (u) =>
      u.annualTarget !== null &&
      u.reachedAnnualTarget === false &&
      u.assessed > (u.annualTarget * y.period.months) / 12,
  );
}

function atRiskParagraph(y: YearToDate | null, lang: Lang): Paragraph | null {
  if (!y || y.totals.annualTarget === null) return null;
  const zh = lang === 'zh';
  const units = unitsAtRisk(y);
  if (units.length === 0) return null;
  const items = units.map((u) => {
    const p = `yearToDate.units[${u.unit}]`;
    const left = count(u.annualTarget! - u.assessed, {
      minus: [`${p}.annualTarget`, `${p}.assessed`],
    });
    const assessed = count(u.assessed, `${p}.assessed`);
    const target = count(u.annualTarget!, `${p}.annualTarget`);
    return zh
      ? [u.unit, '（累计', assessed, '件，年度指标', target, '件，剩余指标', left, '件）']
      : [u.unit, ' (', assessed, ' against ', target, ', ', left, ' left)'];
  });
  const months = count(y.period.months, 'yearToDate.period.months');
  return {
    runs: runs(
      zh
        ? [
            '累计考核投诉已超过时间进度（',
            months,
            '个月）、尚未达到年度指标的单位：',
            list(items, lang),
            '，须防止全年超指标。',
          ]
        : [
            'Ahead of the pace of the year (',
            months,
            ' months) but not yet at the annual target: ',
            list(items, lang),
            '; these units risk passing it.',
          ],
    ),
  };
}

function reachedParagraph(y: YearToDate | null, lang: Lang): Paragraph | null {
  if (!y || y.totals.unitsReachedAnnualTarget === 0) return null;
  // The units are named in 分单位情况; here, what it means for the rest of the year.
  const n = count(y.totals.unitsReachedAnnualTarget, 'yearToDate.totals.unitsReachedAnnualTarget');
  return {
    runs: runs(
      lang === 'zh'
        ? [
            '已有',
            n,
            '个单位累计考核投诉达到或超过年度指标（见分单位情况），上述单位新增考核投诉将进一步扩大超指标幅度，须重点管控。',
          ]
        : [
            'Units at or over the annual target (',
            n,
            ', see By unit): every further assessed complaint takes them further over it.',
          ],
    ),
  };
}

/** A year over its annual targets: the units over are named in 分单位情况. */
function overYearParagraph(a: Analysis, lang: Lang): Paragraph | null {
  if (a.yearToDate || a.targets?.basis !== 'annual' || a.totals.unitsOverTarget === 0) return null;
  const n = count(a.totals.unitsOverTarget, 'totals.unitsOverTarget');
  return {
    runs: runs(
      lang === 'zh'
        ? ['全年有', n, '个单位考核投诉超过年度指标（见分单位情况），须分析原因、落实整改。']
        : [
            'Units over the annual target for the year (',
            n,
            ', see By unit): the causes should be found and put right.',
          ],
    ),
  };
}

/**
 * Repeat complainants: each is a customer whose problem was not solved the first time. Counted
 * by customer number where it finds any, else by telephone number (an export without 客户编号,
 * or whose repeats only the telephone count finds), and then said of numbers, not customers.
 */
function repeatParagraph(a: Analysis, lang: Lang): Paragraph | null {
  const { byCustomer, byPhone } = a.repeatComplainants ?? {};
  const by = byCustomer?.complainants ? 'byCustomer' : byPhone?.complainants ? 'byPhone' : null;
  if (by === null) return null;
  const n = count(
    (by === 'byCustomer' ? byCustomer : byPhone)!.complainants,
    `repeatComplainants.${by}.complainants`,
  );
  const phone = by === 'byPhone';
  return {
    runs: runs(
      lang === 'zh'
        ? [
            '本期有',
            n,
            phone
              ? '个联系电话重复投诉（见重复投诉），须逐一回访、'
              : '位客户重复投诉（见重复投诉），须逐户回访、',
            '彻底解决诉求。',
          ]
        : [
            phone
              ? 'Telephone numbers that complained more than once ('
              : 'Customers who complained more than once (',
            n,
            ', see Repeat complaints) should each be called back and their problem solved.',
          ],
    ),
  };
}

/**
 * Months of the period or of its year to date that the data covers in part or not at all. A day's
 * or a week's bulletin shows no month: its opening paragraph says how its days are covered.
 */
function partialParagraph(a: Analysis, lang: Lang): Paragraph | null {
  if (a.days !== null) return null;
  const zh = lang === 'zh';
  const y = a.yearToDate;
  const said = y
    ? partialMonths(y.months, 'yearToDate.months', lang)
    : partialMonths(a.months, 'months', lang);
  if (said.length === 0) return null;
  return {
    runs: runs(
      zh ? '数据不完整：' : 'Incomplete data: ',
      said.flatMap((x, i) => (i === 0 ? [x] : [zh ? '；' : '; ', x])),
      zh
        ? '。相关月份的数字偏低，环比、同比不计这些月份，待数据补齐后更新。'
        : '. Those months’ figures are low and are left out of the comparisons; this bulletin should be updated once the data is complete.',
    ),
  };
}

/** Rows rejected, differing duplicates, unclassified complaints, targets matching no unit. */
function dataParagraphs(
  a: Analysis,
  ingest: IngestResult,
  lang: Lang,
  corrections: CorrectionsSummary | undefined,
): Paragraph[] {
  const zh = lang === 'zh';
  const x = ingest.totals;
  const out: Piece[][] = [];
  // Figures a reader takes for the system's own must say where a person changed them.
  if (corrections && corrections.inPeriod > 0)
    out.push(
      zh
        ? [
            count(corrections.inPeriod, 'corrections.inPeriod'),
            '件投诉按人工复核结果统计（分类或是否考核有调整）。',
          ]
        : [
            'Complaints counted as ruled on review by hand (class or assessment changed): ',
            count(corrections.inPeriod, 'corrections.inPeriod'),
            '.',
          ],
    );
  if (x.rejected > 0)
    out.push(
      zh
        ? [
            count(x.rejected, 'totals.rejected'),
            '行数据因日期或单位无法识别未计入，请核对原始导出数据。',
          ]
        : [
            'Rows not counted, their date or unit being unreadable: ',
            count(x.rejected, 'totals.rejected'),
            '; please check the source exports.',
          ],
    );
  // The copy read last counts: "the later export" only when the inputs came in export order.
  const misordered = (ingest.readOrder ?? []).length > 0;
  if (x.duplicatesDiffering > 0)
    out.push(
      zh
        ? [
            count(x.duplicatesDiffering, 'totals.duplicatesDiffering'),
            misordered
              ? '件工单在多个导出中内容不一致，以后读取的导出为准；但读取顺序与导出先后可能不符，相关数字待核对。'
              : '件工单在多个导出中内容不一致，以较晚导出的数据为准。',
          ]
        : [
            'Work orders that differ between exports: ',
            count(x.duplicatesDiffering, 'totals.duplicatesDiffering'),
            misordered
              ? '; the export read last was used for them, which may not be the latest export, so the figures need checking.'
              : '; the later export was used for them.',
          ],
    );
  out.push(...damagedParagraphs(ingest, lang));
  if (a.categories.unclassified > 0)
    out.push(
      zh
        ? [
            count(a.categories.unclassified, 'categories.unclassified'),
            '件投诉未能自动分类，需人工核定。',
          ]
        : [
            'Complaints not classified automatically: ',
            count(a.categories.unclassified, 'categories.unclassified'),
            '; they need classifying by hand.',
          ],
    );
  const t = a.targets;
  if (t && t.targetsWithoutData.length > 0)
    out.push(
      zh
        ? [
            '指标文件中的',
            list(t.targetsWithoutData, lang),
            '在数据中没有对应单位，请核对单位名称。',
          ]
        : [
            'The targets of ',
            list(t.targetsWithoutData, lang),
            ' match no unit of the data; check the names.',
          ],
    );
  if (t && t.unitsWithoutTarget.length > 0)
    out.push(
      zh
        ? [list(t.unitsWithoutTarget, lang), '没有指标，未参与超指标考核。']
        : [list(t.unitsWithoutTarget, lang), ' have no target and are not held against one.'],
    );
  return out.map((pieces) => ({ runs: runs(pieces) }));
}

/**
 * A workbook read despite damage to its zip: the reader of the bulletin is told which file, what
 * was lost and that saving it again repairs it (the workbook's notes give the parts by name).
 */
function damagedParagraphs(ingest: IngestResult, lang: Lang): Piece[][] {
  const out: Piece[][] = [];
  ingest.inputs.forEach((input, i) => {
    const damage = damageOf(input.notes);
    if (!damage.zip && !damage.styles) return;
    const file = name(basename(input.file), `inputs.${i}.file`);
    const lost =
      lang === 'zh'
        ? [
            damage.styles && '单元格样式缺失，日期按 Excel 日期序列号识别，日期格式丢失',
            damage.zip && '部分条目的头信息与 zip 目录不一致，已按目录读取',
          ]
        : [
            damage.styles &&
              'its cell styles are missing, so dates were read from their Excel serial numbers and lost their formats',
            damage.zip &&
              'some of its entries disagree with the zip directory and were read as it says',
          ];
    const what = lost.filter((w): w is string => !!w);
    out.push(
      lang === 'zh'
        ? [
            file,
            `已损坏，照常读取，但${what.join('；')}。请在 Excel 或 WPS 中重新保存该文件以修复。`,
          ]
        : [
            file,
            ` is damaged; it was read, but ${what.join('; ')}. Save it again in Excel or WPS to repair it.`,
          ],
    );
  });
  return out;
}

/** Notes said above in other words, or with figures this section gives itself. */
const SAID: ReadonlySet<Note['code']> = new Set([
  'months-missing',
  'months-partial',
  'year-to-date-months-missing',
  'units-without-target',
  'targets-without-data',
]);

/** The other notes of the analysis, as the workbook words them, when they hold no figure. */
function noteParagraphs(a: Analysis, lang: Lang): Paragraph[] {
  return a.notes
    .filter((n) => !SAID.has(n.code))
    .map(say(lang))
    .filter((text) => !/\d/.test(text))
    .map((text) => ({ runs: [text] }));
}

export function attentionSection(
  a: Analysis,
  ingest: IngestResult,
  lang: Lang,
  warning: BulletinWarning = { warnings: null },
  corrections?: CorrectionsSummary,
) {
  const warnings = warning.warnings;
  // The early warning's forecast, when there is one, says better than the pace which units are
  // at risk; it names the units past their target too.
  const paragraphs = [
    warningParagraph(warning, lang),
    !warnings && atRiskParagraph(a.yearToDate, lang),
    !warnings && reachedParagraph(a.yearToDate, lang),
    overYearParagraph(a, lang),
    repeatParagraph(a, lang),
    partialParagraph(a, lang),
    ...dataParagraphs(a, ingest, lang, corrections),
    ...noteParagraphs(a, lang),
  ].filter((p): p is Paragraph => !!p);
  return paragraphs.length > 0 ? { paragraphs, tables: [], charts: [] } : null;
}
