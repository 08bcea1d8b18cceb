/**
 * `inspect --duplicates` in the terminal: each differing duplicate, one line per field that
 * differs — the work order, where each copy is (file:row), the field, its earlier and later value.
 */
import type { DifferingDuplicate } from '../ingest/duplicates.js';
import type { Lang } from '../settings/types.js';
import { DUPLICATES } from './labels.js';
import { colours, table } from './terminal.js';

/** Long values (complaint texts) are cut here in the terminal; --json has them whole. */
const SHOWN = 24;
const cut = (text: string) => (text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);

export function renderDuplicates(
  list: readonly DifferingDuplicate[],
  lang: Lang,
  color: boolean,
): string {
  const L = DUPLICATES[lang];
  const c = colours(process.stdout, color);
  if (list.length === 0) return c.bold(L.none);
  const rows = list.flatMap((d) =>
    d.changes.map((change, i) => [
      i === 0 ? d.id : '',
      i === 0 ? `${d.earlier.file}:${d.earlier.row}` : '',
      i === 0 ? `${d.later.file}:${d.later.row}` : '',
      L.field(change.field),
      cut(change.from) || L.empty,
      cut(change.to) || L.empty,
    ]),
  );
  return [c.bold(L.title(list.length)), table(L.head, rows, [], '  ')].join('\n');
}
