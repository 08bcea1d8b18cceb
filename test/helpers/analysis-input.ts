/**
 * Analysis inputs written by hand (tests only): work orders as `RecordInput`s with a class name
 * and a [year, month], counted into a cube as the pipeline does, with the period, the covered
 * months, targets, settings and the fields present chosen per test.
 */
import {
  DEFAULT_SETTINGS,
  type AnalysisInput,
  type AnalysisSettings,
} from '../../src/metrics/types.js';
import { firstDayOfMonth } from '../../src/metrics/calendar.js';
import type { PartialMonth } from '../../src/metrics/coverage.js';
import { buildCube, complaintClasses, unclassifiedIndex } from '../../src/metrics/cube.js';
import type { OptionalDimension } from '../../src/metrics/dimensions.js';
import { resolvePeriod, type PeriodRequest } from '../../src/metrics/period.js';
import { Records, type RecordInput } from '../../src/metrics/records.js';
import type { Targets } from '../../src/metrics/targets.js';
import type { Field } from '../../src/schema/fields.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

export const taxonomy = loadTaxonomy('sgcc-95598');
export const m = (year: number, month: number) => year * 12 + month - 1;
const classOf = (name: string) => taxonomy.nodes.findIndex((n) => n.name === name);

export type Row = Omit<RecordInput, 'day' | 'complaint'> & {
  month: [number, number];
  /** Day of the month of the acceptance time; the 15th by default. */
  date?: number;
  type?: string;
  class?: string;
  id?: number;
};

/** The period as the tests ask for it: 2016Q1, 2016-02, 2016, a range, or from the data. */
export interface PeriodChoice {
  quarter?: string;
  month?: string;
  year?: string;
  from?: string;
  to?: string;
}

const monthOf = (text: string) => {
  const [year, month] = text.split('-').map(Number);
  return m(year!, month!);
};

function request(p: PeriodChoice): PeriodRequest {
  if (p.quarter) {
    const from = m(Number(p.quarter.slice(0, 4)), Number(p.quarter.slice(5)) * 3 - 2);
    return { from, to: from + 2, kind: 'quarter', label: p.quarter };
  }
  if (p.month)
    return { from: monthOf(p.month), to: monthOf(p.month), kind: 'month', label: p.month };
  if (p.year)
    return { from: m(Number(p.year), 1), to: m(Number(p.year), 12), kind: 'year', label: p.year };
  const from = p.from ? monthOf(p.from) : null;
  const to = p.to ? monthOf(p.to) : null;
  return { from, to, kind: from === null && to === null ? 'auto' : 'range', label: null };
}

export interface InputOptions {
  period?: PeriodChoice;
  /** First and last covered month; by default those of the rows. */
  covered?: [number, number];
  /** Months covered only in part, as coverage.ts finds them. */
  partial?: PartialMonth[];
  targets?: Record<string, [number, number | null]>;
  settings?: Partial<AnalysisSettings>;
  fields?: Field[];
  /** The optional dimensions the cube counts by (the rows give their values), and --by. */
  dimensions?: OptionalDimension[];
  by?: string[][];
}

export function input(rows: Row[], options: InputOptions = {}): AnalysisInput {
  const records = new Records(options.dimensions ?? []);
  for (const row of rows) {
    const complaint = (row.type ?? '投诉') === '投诉';
    records.add(
      {
        ...row,
        // The middle of the month unless a day is given: the tests count by month.
        day: firstDayOfMonth(m(...row.month)) + (row.date ?? 15) - 1,
        complaint,
        businessType: row.type,
        classIndex: row.class ? classOf(row.class) : unclassifiedIndex(taxonomy),
      },
      row.id ?? -1,
    );
  }
  const cube = buildCube(records, complaintClasses(taxonomy));
  const asked = request(options.period ?? {});
  const months = [...new Set(rows.map((r) => m(...r.month)))].sort((a, b) => a - b);
  const period = resolvePeriod(asked, months)!;
  const covered = new Set<number>();
  const [from, to] = options.covered ?? [months[0]!, months[months.length - 1]!];
  for (let i = from; i <= to; i++) covered.add(i);
  const targets: Targets | null = options.targets
    ? {
        file: 'targets.csv',
        byUnit: new Map(
          Object.entries(options.targets).map(([unit, [target, customers]]) => [
            unit,
            { unit, target, customers },
          ]),
        ),
      }
    : null;
  return {
    cube,
    records,
    taxonomy,
    period,
    request: asked,
    covered,
    partial: new Map((options.partial ?? []).map((p) => [p.month, p])),
    targets,
    fields: new Set<Field>(
      options.fields ?? ['customerId', 'phone', 'repliedAt', 'closedAt', 'satisfaction'],
    ),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    by: options.by ?? [],
  };
}

// A first quarter, hand-counted. Unit A: 6 complaints (2 appeal-approved, 2 unsubstantiated of
// which 1 also approved); unit B: 3 complaints and a repair order. The year before: A 2, B 3.
export const Q1: Row[] = [
  { unit: 'A', month: [2016, 1], class: '服务态度', appealApproved: true, customerId: 'C1' },
  { unit: 'A', month: [2016, 1], class: '服务态度', unsubstantiated: true, customerId: 'C1' },
  { unit: 'A', month: [2016, 1], class: '服务态度', appealApproved: true, unsubstantiated: true },
  { unit: 'A', month: [2016, 1], class: '服务态度', phone: 'P1' },
  { unit: 'A', month: [2016, 2], class: '抢修质量', replySeconds: 3600, satisfaction: '满意' },
  { unit: 'A', month: [2016, 2], class: '抢修质量', replySeconds: 90_000, satisfaction: '不满意' },
  { unit: 'B', month: [2016, 3], class: '抄表催费', replySeconds: -60, satisfaction: '满意' },
  { unit: 'B', month: [2016, 3], class: '抄表催费', satisfaction: '未回访' },
  { unit: 'B', month: [2016, 3], class: '抄表催费', satisfaction: '好评' },
  { unit: 'B', month: [2016, 3], type: '故障报修' },
  { unit: 'A', month: [2015, 1], class: '服务态度', customerId: 'C1' },
  { unit: 'A', month: [2015, 1], class: '服务态度' },
  { unit: 'B', month: [2015, 2], class: '抢修质量' },
  { unit: 'B', month: [2015, 2], class: '抢修质量' },
  { unit: 'B', month: [2015, 2], class: '抢修质量', phone: 'P1' },
];

/** The quarter as analysis.test.ts analyses it: 2016Q1, targets A 12 and B 8, prorated. */
export const q1Input = () =>
  input(Q1, {
    period: { quarter: '2016Q1' },
    targets: { A: [12, 30_000], B: [8, 15_000] },
    settings: { prorate: true },
  });
