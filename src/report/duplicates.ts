/**
 * `inspect --duplicates` in the terminal: each differing duplicate, one line per field that
 * differs — the work order, the unit and month its counted copy falls in, the field with its
 * earlier and later value, what the later copy does to the counts, and where each copy is
 * (file:row), the one counted with why (DESIGN.md §3: the later input, or the later row).
 */
import type { DifferingDuplicate, LateWorkOrder } from '../ingest/duplicates.js';
import type { Lang } from '../settings/types.js';
import { DUPLICATES } from './labels.js';
import { colours, table } from './terminal.js';
import { displayWidth } from './width.js';

/** Long values (complaint texts) are cut at this display width in the terminal; --json has them whole. */
const SHOWN = 24;

/** `text` cut to SHOWN columns (a Chinese character is two), with … when cut. */
export function cut(text: string): string {
  if (displayWidth(text) <= SHOWN) return text;
  let shown = '';
  for (const ch of text) {
    if (displayWidth(shown + ch) > SHOWN - 1) break;
    shown += ch;
  }
  return `${shown}…`;
}

export function renderDuplicates(
  list: readonly DifferingDuplicate[],
  same: number,
  late: readonly LateWorkOrder[],
  lang: Lang,
  color: boolean,
): string {
  const L = DUPLICATES[lang];
  const c = colours(process.stdout, color);
  const sameLine = same > 0 ? [L.same(same)] : [];
  const lateLines = late.length > 0 ? ['', c.bold(L.late(late.length)), lateTable(late, lang)] : [];
  if (list.length === 0) return [c.bold(L.none), ...sameLine, ...lateLines].join('\n');
  // The copies that change a count first: they are what moved a published figure.
  const shown = [
    ...list.filter((d) => d.effects.length > 0),
    ...list.filter((d) => d.effects.length === 0),
  ];
  const rows = shown.flatMap((d) =>
    d.changes.map((change, i) => {
      const first = i === 0;
      const effect =
        (d.effects.map((e) => L.effect(e, d)).join(L.sep) || L.noEffect) +
        (d.correction && d.correction.decides.length > 0 ? L.corrected(d.correction) : '');
      return [
        first ? d.id : '',
        first ? d.counted.unit : '',
        first ? d.counted.month : '',
        L.field(change.field),
        cut(change.from) || L.empty,
        cut(change.to) || L.empty,
        first ? effect : '',
        first ? `${d.earlier.file}:${d.earlier.row}` : '',
        first ? `${d.counted.file}:${d.counted.row}${L.because[d.countedBecause]}` : '',
      ];
    }),
  );
  return [
    c.bold(L.title(list.length)),
    table(L.head, rows, [], '  '),
    ...sameLine,
    ...lateLines,
  ].join('\n');
}

function lateTable(late: readonly LateWorkOrder[], lang: Lang): string {
  const L = DUPLICATES[lang];
  const rows = late.map((w) => [
    w.id,
    w.unit,
    w.month,
    w.assessed ? L.yes : L.no,
    `${w.file}:${w.row}`,
    w.missingFrom,
  ]);
  return table(L.lateHead, rows, [], '  ');
}
