/**
 * What every sheet of a report opens with: a title naming the units covered and the period in
 * words, the period line, and the input files by name. Also the rule for 上期/环比 of a whole
 * period, which the workbook, the CSV and the terminal share.
 */
import { basename } from 'node:path';
import type { Analysis, PeriodSection, YearToDate } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import { BOOK, spanWords, type YearTargets } from '../labels.js';

/**
 * The units covered, as a title says them. Exports of a city company list its counties and its
 * own directly run part, 国网黄山供电公司(市直) (or …本部): the company without that suffix names
 * them all. One unit names itself. Otherwise the units are counted ("8 个供电单位"): a common
 * prefix of the names is most often only 国网, which names nothing.
 */
export function scopeOf(units: readonly string[], lang: Lang): string {
  if (units.length === 1) return units[0]!;
  for (const unit of units) {
    const company = /^(.+供电公司)\s*(?:\((?:市直|本部|本级)\)|本部)$/.exec(unit)?.[1];
    if (company) return company;
  }
  return BOOK[lang].units(units.length);
}

/**
 * The inputs by file name: a report for management shows no folders (temporary ones least of
 * all). Two inputs of the same name keep their paths as given, to tell them apart.
 */
export function fileNames(files: readonly string[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(basename(f), (count.get(basename(f)) ?? 0) + 1);
  return new Map(files.map((f) => [f, count.get(basename(f))! > 1 ? f : basename(f)]));
}

/**
 * Whether a whole period has a meaningful 上期 (the span of equal length just before) for
 * 环比. A month has the month before, a quarter the quarter before, a range of months the
 * range before. A year to date (January to a later month, unless asked as a quarter) has none:
 * the eleven months before 2016-01..11 are no period anyone reports on. Twelve months or more
 * have none either: the span before is the year earlier, and 环比 would repeat 同比. The JSON
 * result keeps `preceding` and `mom` as computed; the reports leave them out.
 */
export function showsPreceding(p: PeriodSection): boolean {
  if (p.months >= 12) return false;
  const yearToDate = p.from.endsWith('-01') && p.months > 1 && p.kind !== 'quarter';
  return !yearToDate;
}

/** How the year to date is held against the targets, as its captions say. */
export function yearTargets(y: YearToDate): YearTargets {
  return y.targets === null ? null : y.targets.prorated ? 'prorated' : 'annual';
}

/**
 * What a report is about, for its title: its period in words — 2016年第四季度, 2016年11月,
 * 2016年 — the period asked, whose year to date stands beside it.
 */
export function aboutWords(a: Analysis, lang: Lang): string {
  return spanWords(a.period, lang);
}
