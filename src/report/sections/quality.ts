/**
 * 时效与满意度 (when those columns exist) and 数据质量: the inputs as read, duplicates,
 * rejects, the business types left out.
 */
import type { IngestResult } from '../../ingest/ingest.js';
import { damagedInputNotes } from '../../ingest/input-notes.js';
import { zhRejectReason } from '../../ingest/reject-reasons.js';
import { BLANK_TYPE } from '../../ingest/types.js';
import { BLANK_VALUE } from '../../metrics/breakdown.js';
import type { Analysis, DurationStats, Note } from '../../metrics/types.js';
import type { Lang } from '../../settings/types.js';
import {
  BOOK,
  COVERAGE,
  SHEET_NAMES,
  businessTypeName,
  heading,
  type ColumnLabel,
} from '../labels.js';
import type { Column, Row, Sheet, Table } from '../types.js';
import { BLANK_WORDS } from './breakdowns.js';
import { say } from './notes.js';

const DURATION_COLUMNS: readonly Column[] = [
  { key: 'count', label: 'count', format: 'int' },
  { key: 'beforeAcceptance', label: 'beforeAcceptance', format: 'int' },
  { key: 'meanHours', label: 'meanHours', format: 'dec' },
  { key: 'medianHours', label: 'medianHours', format: 'dec' },
  { key: 'limitHours', label: 'limitHours', format: 'dec' },
  { key: 'overLimit', label: 'overLimit', format: 'int' },
  { key: 'overLimitShare', label: 'overLimitShare', format: 'overShare' },
];

/** With a limit in working days, the limit said in words ("4个工作日") instead of in hours. */
/**
 * The widest a rejection reason makes its column (数据质量's 拒收明细), in characters: a date's
 * reason, 登记时间 '2016-09-31 16:05:00' 不是有效日期, takes two lines.
 */
const REASON_WIDTH = 24;
/**
 * The widest an English basis (how an input's coverage was judged, 各输入覆盖的日期) makes its
 * column, in characters, wrapping at its spaces: whole, "the end of the last work order's month"
 * made it 40 wide. A Chinese basis keeps its width: its only spaces are a date's and a time's
 * (导出时间 2016-12-26 11:42:05), which it would break apart.
 */
const BASIS_WIDTH = 24;

const WORDED_LIMIT: Column = { key: 'limit', label: 'limit', format: 'text' };

/** A stage's figures; all null for a unit without a usable time. */
const durationCells = (s: DurationStats | null, lang: Lang): Row => ({
  count: s?.count ?? null,
  beforeAcceptance: s?.beforeAcceptance ?? null,
  meanHours: s?.meanHours ?? null,
  medianHours: s?.medianHours ?? null,
  limitHours: s?.limitHours ?? null,
  overLimit: s?.overLimit ?? null,
  overLimitShare: s?.overLimitShare ?? null,
  limit: s ? BOOK[lang].limit(s.limit) : null,
});

const TIMELINESS_NOTES = new Set([
  'no-reply',
  'no-close',
  'no-satisfaction',
  'satisfaction-unrecognised',
  'workdays-outside-calendar',
]);

function timelinessTables(a: Analysis, lang: Lang): Table[] {
  const t = BOOK[lang];
  const tl = a.timeliness;
  if (!tl) return [];
  const stages = (['reply', 'close'] as const).filter((kind) => tl[kind]);
  const worded = stages.some((kind) => tl[kind]!.limit.unit === 'workingDays');
  const columns = worded
    ? DURATION_COLUMNS.map((c) => (c.key === 'limitHours' ? WORDED_LIMIT : c))
    : DURATION_COLUMNS;
  return [
    {
      columns: [{ key: 'stage', label: 'stage', format: 'text' }, ...columns],
      rows: stages.map((kind) => ({ stage: t[kind], ...durationCells(tl[kind], lang) })),
    },
    ...stages.map((kind): Table => ({
      caption: t[kind],
      columns: [{ key: 'unit', label: 'unit', format: 'text' }, ...columns],
      rows: tl.byUnit.map((u) => ({ unit: u.unit, ...durationCells(u[kind], lang) })),
    })),
  ];
}

/**
 * The callback results as written, then the satisfied share per unit with the share of all
 * surveyed in its totals row: a share in a share column, never in a count column.
 */
function satisfactionTables(a: Analysis, lang: Lang): Table[] {
  const t = BOOK[lang];
  const s = a.satisfaction;
  if (!s) return [];
  return [
    {
      caption: t.callbackResults,
      columns: [
        { key: 'value', label: 'callbackResult', format: 'text' },
        { key: 'complaints', label: 'complaints', format: 'int' },
      ],
      // A blank result is "(空)" in the JSON; the workbook says it in words, as a breakdown's.
      rows: Object.entries(s.byValue)
        .sort((p, q) => q[1] - p[1])
        .map(([value, complaints]) => ({
          value: value === BLANK_VALUE ? BLANK_WORDS[lang] : value,
          complaints,
        })),
      totals: {
        value: t.total,
        complaints: Object.values(s.byValue).reduce((sum, n) => sum + n, 0),
      },
    },
    {
      caption: t.satisfaction,
      columns: [
        { key: 'unit', label: 'unit', format: 'text' },
        { key: 'surveyed', label: 'surveyed', format: 'int' },
        { key: 'satisfied', label: 'satisfied', format: 'int' },
        { key: 'satisfiedShare', label: 'satisfiedShare', format: 'pct' },
      ],
      rows: s.byUnit.map((u) => ({
        unit: u.unit,
        surveyed: u.surveyed,
        satisfied: u.satisfied,
        satisfiedShare: u.satisfiedShare,
      })),
      totals: {
        unit: t.total,
        surveyed: s.satisfied + s.neutral + s.dissatisfied,
        satisfied: s.satisfied,
        satisfiedShare: s.satisfiedShare,
      },
    },
  ];
}

/** Only when the exports have reply, closing or callback columns. */
export function timelinessSheet(a: Analysis, lang: Lang): Sheet | null {
  if (!a.timeliness && !a.satisfaction) return null;
  return {
    name: SHEET_NAMES[lang][6],
    tables: [...timelinessTables(a, lang), ...satisfactionTables(a, lang)],
    filter: true,
    notes: a.notes.filter((n) => TIMELINESS_NOTES.has(n.code)).map(say(lang)),
    charts: [],
  };
}

/** Rejected rows listed in the sheet; the rest are in inspect --json. */
const LISTED_REJECTS = 1000;

/** `names`: the inputs by file name (fileNames), as the sheet headings show them. */
export function qualitySheet(
  a: Analysis,
  ingest: IngestResult,
  names: ReadonlyMap<string, string>,
  lang: Lang,
): Sheet {
  const name = (file: string) => names.get(file) ?? file;
  const t = BOOK[lang];
  const int = (key: ColumnLabel): Column => ({ key, label: key, format: 'int' });
  const text = (key: ColumnLabel): Column => ({ key, label: key, format: 'text' });
  const inputs: Table = {
    caption: t.inputs,
    columns: [
      text('file'),
      text('format'),
      text('encoding'),
      text('sheet'),
      int('headerRow'),
      int('rows'),
      int('complaints'),
      int('duplicates'),
      int('rejected'),
    ],
    rows: ingest.inputs.map((i) => ({
      file: name(i.file),
      format: i.format,
      encoding: i.encoding,
      sheet: i.sheet,
      headerRow: i.headerRow,
      rows: i.rows,
      complaints: i.complaints,
      duplicates: i.duplicates,
      rejected: i.rejected,
    })),
  };
  const x = ingest.totals;
  const counts: Table = {
    columns: [text('item'), int('value')],
    rows: [
      { field: 'totals.duplicates', item: heading('duplicates', lang), value: x.duplicates },
      { field: 'totals.duplicatesDiffering', item: t.differing, value: x.duplicatesDiffering },
      { field: 'totals.rejected', item: heading('rejected', lang), value: x.rejected },
      { field: 'totals.withoutId', item: t.withoutId, value: x.withoutId },
    ],
  };
  const excludedByType = a.totals.excludedByType;
  const excluded: Table = {
    caption: t.excluded,
    columns: [text('businessType'), int('workOrders')],
    rows: Object.entries(excludedByType)
      .sort((p, q) => q[1] - p[1])
      // A blank 业务类型 is "(空)" in the JSON and the terminal; the sheet says it in words.
      .map(([type, workOrders]) => ({
        businessType: type === BLANK_TYPE ? BLANK_WORDS[lang] : businessTypeName(type, lang),
        workOrders,
      })),
    totals: {
      businessType: t.total,
      workOrders: Object.values(excludedByType).reduce((s, n) => s + n, 0),
    },
  };
  const listed = ingest.rejects.slice(0, LISTED_REJECTS);
  const rejects: Table = {
    caption: t.rejects,
    // A reason wraps at its spaces within REASON_WIDTH, its row grown: whole, it made its
    // column, 编码 above it, 46 characters wide.
    columns: [text('file'), int('row'), { ...text('reason'), wraps: REASON_WIDTH }],
    // The reasons are English in the JSON; the sheet says them in the run's language.
    rows: listed.map((r) => ({
      file: name(r.file),
      row: r.row,
      reason: lang === 'zh' ? zhRejectReason(r.reason) : r.reason,
    })),
  };
  const hidden = x.rejected - listed.length;
  return {
    name: SHEET_NAMES[lang][7],
    tables: [
      inputs,
      coverageTable(ingest, name, lang),
      ...monthsTable(a, lang),
      ...unmatchedTable(a, lang),
      counts,
      excluded,
      ...(listed.length > 0 ? [rejects] : []),
    ],
    filter: true,
    notes: [
      ...a.notes.filter((n) => QUALITY_NOTES.has(n.code)).map(say(lang)),
      ...(hidden > 0 ? [t.more(hidden)] : []),
      ...[...ingest.warnings, ...damagedInputNotes(ingest.inputs)].map((w) => w[lang]),
    ],
    charts: [],
  };
}

/** The notes 数据质量 repeats: what the data lacks and how the targets matched. */
const QUALITY_NOTES: ReadonlySet<Note['code']> = new Set([
  'months-partial',
  'months-missing',
  'targets-without-data',
  'units-without-target',
  'units-not-in-file',
  'units-rollup-short',
  'units-renamed',
]);

/** The days each input covers, and how that was judged (ingest/coverage.ts). */
function coverageTable(ingest: IngestResult, name: (file: string) => string, lang: Lang): Table {
  const t = COVERAGE[lang];
  const text = (key: ColumnLabel): Column => ({ key, label: key, format: 'text' });
  return {
    caption: t.inputsCaption,
    columns: [
      text('file'),
      text('coveredFrom'),
      text('coveredTo'),
      { ...text('coverageBasis'), ...(lang === 'en' ? { wraps: BASIS_WIDTH } : {}) },
    ],
    rows: ingest.inputs.map((i) => ({
      file: name(i.file),
      coveredFrom: i.coverage?.from ?? null,
      coveredTo: i.coverage?.to ?? null,
      coverageBasis: i.coverage ? t.basis(i.coverage) + t.gaps(i.coverage) : null,
    })),
  };
}

/** The months of the period the data covers in part, or not at all. */
function monthsTable(a: Analysis, lang: Lang): Table[] {
  const months = a.months.filter((m) => m.partial);
  if (months.length === 0) return [];
  return [
    {
      caption: COVERAGE[lang].monthsCaption,
      columns: [
        { key: 'month', label: 'month', format: 'text' },
        { key: 'through', label: 'through', format: 'text' },
        { key: 'complaints', label: 'complaints', format: 'int' },
      ],
      rows: months.map((m) => ({
        month: m.month,
        through: m.through ?? COVERAGE[lang].noData,
        complaints: m.complaints,
      })),
    },
  ];
}

/** Targets whose unit is in no input, with the closest unit of the data. */
function unmatchedTable(a: Analysis, lang: Lang): Table[] {
  const unmatched = a.targets?.unmatched ?? [];
  if (unmatched.length === 0) return [];
  return [
    {
      caption: COVERAGE[lang].unmatchedCaption(a.targets!.file.replace(/^.*[\\/]/, '')),
      columns: [
        { key: 'unit', label: 'targetUnit', format: 'text' },
        { key: 'closest', label: 'closestUnit', format: 'text' },
      ],
      rows: unmatched.map((u) => ({ unit: u.unit, closest: u.closest })),
    },
  ];
}
