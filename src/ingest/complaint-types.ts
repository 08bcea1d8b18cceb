/**
 * A data set in which no row is a complaint. Raw system exports write business types as codes
 * (01/02/03, ZX/TS …): read with the default, 投诉, they hold "0 complaints", and a report of
 * zeros goes out with exit 0. That is refused, with the values the 业务类型 column does hold and,
 * where the rows tell, the code that means complaint: the one whose texts open with 【投诉】 or
 * carry a complaint class.
 */
import { InputError, said } from '../errors.js';
import type { IngestResult } from './types.js';

/** How many of the column's most common values the refusal lists. */
export const LISTED_TYPES = 5;

/** The business type whose rows most look like complaints, if any does. */
export function likelyComplaintType(like: Readonly<Record<string, number>>): string | null {
  let best: string | null = null;
  for (const [type, n] of Object.entries(like)) if (best === null || n > like[best]!) best = type;
  return best;
}

/** The refusal when there are work orders but none is a complaint; null otherwise. */
export function noComplaintsError(
  result: IngestResult,
  complaintTypes: readonly string[],
): InputError | null {
  const t = result.totals;
  if (t.complaints > 0 || t.workOrders === 0 || !t.hasBusinessType) return null;
  const listed = Object.entries(t.excludedByType)
    .sort((a, b) => b[1] - a[1])
    .slice(0, LISTED_TYPES)
    .map(([type, n]) => `${type} ${n}`);
  const common = listed.join(', ');
  const files = result.inputs.map((i) => i.file).join(', ');
  const likely = likelyComplaintType(t.complaintLike);
  return new InputError(
    'NO_COMPLAINTS',
    said(
      `${files}：没有一行的业务类型表示投诉（表示投诉的值：${complaintTypes.join('、')}）。最常见的值：${listed.join('、')}。`,
      `${files}: no row has a business type (业务类型) meaning complaint (${complaintTypes.join(', ')}). Most common values: ${common}.`,
    ),
    likely !== null
      ? said(
          `${likely} 看起来是投诉（其中 ${t.complaintLike[likely]} 行读起来像投诉）：请加 --complaint-type ${likely} 重新运行。`,
          `${likely} looks like complaints (${t.complaintLike[likely]} of its rows read as one): run again with --complaint-type ${likely}.`,
        )
      : said(
          '请指定表示投诉的值：--complaint-type 值（可重复）。',
          'Name the value that means complaint: --complaint-type VALUE (repeatable).',
        ),
    { file: result.inputs[0]?.file },
  );
}
