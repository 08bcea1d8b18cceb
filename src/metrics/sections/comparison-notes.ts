/**
 * Why a comparison is missing, beside 同比's own note (notes.ts): 环比 of the period when the
 * span just before is not wholly in the inputs, and 月均下降率 when its months do not allow it —
 * fewer than two whole months side by side for the arithmetic rate, a first or last month of 0
 * for the compound one (from 0 no rate exists; to 0 every path is "100%", which says nothing of
 * the path: 3 → 4 → 0 and 300 → 1 → 0 alike). Pure.
 */
import { monthOfDay } from '../calendar.js';
import { periodJson, preceding } from '../period.js';
import type { Analysis, AnalysisInput, MonthRow, Note } from '../types.js';
import { monthsOf } from './months.js';
import { inDays, wholeIn } from './period.js';

// notes.ts's own, here to keep the import graph free of cycles (notes.ts imports this file).
const note = (code: Note['code'], message: string, zh: string, book?: Note['book']): Note => ({
  code,
  message,
  zh,
  ...(book ? { book } : {}),
});

/** 环比 of the period: absent because the span before is not wholly in the inputs. */
export function momNote(input: AnalysisInput): Note | null {
  const { period, request } = input;
  const whole = wholeIn(input);
  // A year to date has no 环比 by design; a partial period says why in the partial-months note.
  if (request.kind === 'yearToDate' || !whole(period)) return null;
  const before = preceding(period);
  if (whole(before)) return null;
  const p = periodJson(before);
  const span = p.from === p.to ? p.from : `${p.from} – ${p.to}`;
  return note(
    'no-mom',
    `mom: ${span} is not (fully) in the inputs; add the export for it to compare.`,
    `环比：输入未完整覆盖 ${span}，加入该期间的导出文件即可比较。`,
    {
      message: `mom: ${span} is not (fully) in the data: no comparison with the period before.`,
      zh: `环比：数据未完整覆盖 ${span}，未作环比。`,
    },
  );
}

/** 月均下降率: why either rate is absent (null when both are given). */
export function reductionNote(
  input: AnalysisInput,
  months: readonly MonthRow[],
  trend: Analysis['trend'],
): Note | null {
  const { arithmetic, compound } = trend.avgMonthlyReduction;
  if (arithmetic !== null && compound !== null) return null;
  const use = monthsOf(input);
  const from = monthOfDay(input.period.from);
  const usable = months.flatMap((m, i) => (use.usable(from + i) ? [m] : []));
  const first = usable[0];
  const last = usable[usable.length - 1];
  if (usable.length < 2 || !first || !last) {
    // A month, a week or a day asked for has no monthly reduction to miss.
    if (input.request.kind === 'month' || inDays(input.period)) return null;
    const n = usable.length;
    return note(
      'no-reduction',
      `Average monthly reduction: needs two whole months or more (the period has ${n}).`,
      `月均下降率：需要两个或以上完整月份（本期 ${n} 个）。`,
    );
  }
  const parts: [string, string][] = [];
  if (arithmetic === null)
    parts.push(['arithmetic: no two whole months side by side', '算术：没有相邻的两个完整月份']);
  if (compound !== null) {
    // Only the arithmetic rate is missing.
  } else if (first.complaints <= 0)
    parts.push([
      `compound: ${first.month} has no complaint, no rate runs from 0`,
      `复合：${first.month} 投诉为 0，无从计算`,
    ]);
  else
    parts.push([
      `compound: ${last.month} has no complaint; any series ending at 0 gives 100%, which says nothing of the months between`,
      `复合：${last.month} 投诉为 0，降到 0 的序列复合率恒为 100%，不反映中间各月，不作计算`,
    ]);
  return note(
    'no-reduction',
    `Average monthly reduction — ${parts.map((p) => p[0]).join('; ')}.`,
    `月均下降率：${parts.map((p) => p[1]).join('；')}。`,
  );
}
