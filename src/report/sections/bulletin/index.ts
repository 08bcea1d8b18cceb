/**
 * The written bulletin (通报) of the report model: numbered sections of sentences with the
 * figures inside them, each section only when its data exists (a bulletin never prints an empty
 * heading), with the tables and charts it refers to. Every figure carries the path of its value
 * in the JSON result, so a test can trace each number of the text back to the analysis.
 */
import type { CorrectionsSummary } from '../../../metrics/corrections.js';
import type { IngestResult } from '../../../ingest/ingest.js';
import type { Analysis } from '../../../metrics/types.js';
import type { Lang } from '../../../settings/types.js';
import type { EarlyWarning } from '../../../metrics/warn/warnings.js';
import type { Bulletin, BulletinSection, BulletinSectionKey } from '../../types.js';
import { attentionSection } from './attention.js';
import { withoutBlankColumns } from './blank-columns.js';
import { monthsTable } from './reduction.js';
import { dayOverallParagraphs, daySection } from './days.js';
import { breakdownsSection } from './breakdowns.js';
import { categoriesSection } from './categories.js';
import { hotWordsParagraphs } from './hot-words.js';
import type { HotWords } from '../../../ingest/hot-words-run.js';
import { repeatSection, timelinessSection } from './extras.js';
import { overallParagraphs, yearToDateOf } from './overall.js';
import { unitsSection } from './units.js';

const HEADINGS: Record<Lang, Record<BulletinSectionKey, string>> = {
  zh: {
    overall: '总体情况',
    units: '分单位情况',
    categories: '分类及热点',
    breakdowns: '分项情况',
    repeat: '重复投诉',
    timeliness: '时效与满意度',
    attention: '需关注事项',
    day: '当日投诉明细',
    days: '每日情况',
  },
  en: {
    overall: 'Overview',
    units: 'By unit',
    categories: 'Classes and hot spots',
    breakdowns: 'Breakdowns',
    repeat: 'Repeat complaints',
    timeliness: 'Timeliness and satisfaction',
    attention: 'Points for attention',
    day: 'The complaints of the day',
    days: 'By day',
  },
};

const NUMERALS_ZH = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface BulletinContext {
  /** The units covered, as the title says them (scopeOf). */
  scope: string;
  /** The period in words (aboutWords). */
  about: string;
  /** The period line and the sources line of the workbook's sheets. */
  periodLine: string;
  sourcesLine: string;
  /** The date of issue (成文日期), YYYY-MM-DD. */
  issued: string;
  /** The early warning, when the report computed one. */
  warnings: EarlyWarning | null;
  /**
   * The report judged no early warning: no month of the period is covered whole ('months'), or
   * the period is a range of days ('range'), which has no earlier periods like it.
   */
  warningLeftOut?: 'months' | 'range' | null;
  /** The bulletin is written into the workbook (its 预警 sheet beside it). */
  workbook?: boolean;
  /** The hot words of the complaint texts, when the report computed them. */
  hotWords?: HotWords | null;
  /** What the corrections file applied (--corrections); absent without one. */
  corrections?: CorrectionsSummary;
}

/** 2016-12-05 → 2016年12月5日, 5 December 2016: the date a document is signed. */
export function dateWords(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${d} ${month} ${y}`;
}

type SectionBody = Omit<BulletinSection, 'key' | 'heading'>;

/** Chinese text writes 1695件, without the thousands separators of tables (GB/T 15835). */
function withoutSeparators([key, body]: [BulletinSectionKey, SectionBody]): [
  BulletinSectionKey,
  SectionBody,
] {
  const paragraphs = body.paragraphs.map((p) => ({
    ...p,
    runs: p.runs.map((r) =>
      typeof r !== 'string' && r.as === 'count' ? { ...r, text: r.text.replace(/,/g, '') } : r,
    ),
  }));
  return [key, { ...body, paragraphs }];
}

/** 分类及热点 closes with 热点问题 from the texts (hot-words.ts). */
function withHotWords(
  body: SectionBody | null,
  hotWords: HotWords | null,
  lang: Lang,
): SectionBody | null {
  if (!body) return null;
  const charted = hotWords?.rows.some((r) => r.kind === 'word' && r.top) ?? false;
  return {
    ...body,
    paragraphs: [...body.paragraphs, ...hotWordsParagraphs(hotWords, lang)],
    charts: charted ? [...body.charts, 'hotWords'] : body.charts,
  };
}

export function buildBulletin(
  analysis: Analysis,
  ingest: IngestResult,
  lang: Lang,
  context: BulletinContext,
): Bulletin {
  // A year to date with no month of data before the period's own only repeats the period.
  const a = { ...analysis, yearToDate: yearToDateOf(analysis) };
  const bodies: [BulletinSectionKey, SectionBody | null][] = [
    [
      'overall',
      {
        // A day, a week or a range of days is said in days (days.ts).
        paragraphs: a.days
          ? dayOverallParagraphs(analysis, lang)
          : overallParagraphs(analysis, lang),
        tables: a.days ? [] : [monthsTable(analysis, lang)].filter((t) => t !== null),
        charts: ['trend'],
      },
    ],
    [a.dayComplaints ? 'day' : 'days', daySection(a, lang)],
    ['units', unitsSection(a, lang)],
    ['categories', withHotWords(categoriesSection(a, lang), context.hotWords ?? null, lang)],
    ['breakdowns', breakdownsSection(a, lang)],
    ['repeat', repeatSection(a, ingest, lang)],
    ['timeliness', timelinessSection(a, lang)],
    [
      'attention',
      attentionSection(
        a,
        ingest,
        lang,
        {
          warnings: context.warnings,
          leftOut: context.warningLeftOut ?? null,
          workbook: context.workbook ?? false,
        },
        context.corrections,
      ),
    ],
  ];
  const shown = bodies.filter(
    (b): b is [BulletinSectionKey, SectionBody] => b[1] !== null && b[1].paragraphs.length > 0,
  );
  // Columns with no value in any row are left out, said once (blank-columns.ts).
  const trimmed = withoutBlankColumns(
    shown.map(([, body]) => body),
    lang,
  );
  const present = shown.map(([key], i): [BulletinSectionKey, SectionBody] => [key, trimmed[i]!]);
  // Tables are numbered through the bulletin, as documents number them: 表1, 表2 …
  let tables = 0;
  const caption = (what: string) => {
    tables++;
    return lang === 'zh'
      ? `表${tables}　${what}`
      : `Table ${tables}. ${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  };
  const sections = (lang === 'zh' ? present.map(withoutSeparators) : present).map(
    ([key, body], i): BulletinSection => ({
      key,
      heading:
        lang === 'zh' ? `${NUMERALS_ZH[i]}、${HEADINGS.zh[key]}` : `${i + 1}. ${HEADINGS.en[key]}`,
      ...body,
      tables: body.tables.map((t) => ({
        ...t,
        caption: caption(t.caption ?? (lang === 'zh' ? '各单位投诉情况' : 'Complaints by unit')),
      })),
    }),
  );
  return {
    // Chinese documents write 1695件, without the separators of tables (GB/T 15835).
    title:
      lang === 'zh'
        ? `${context.scope}${context.about}95598客户投诉分析通报`
        : `${context.scope}: 95598 customer complaints, ${context.about}`,
    subtitle: context.periodLine,
    closing: { sources: context.sourcesLine, date: dateWords(context.issued, lang) },
    sections,
  };
}
