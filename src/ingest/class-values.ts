/**
 * The class values an input's complaint rows record (一级分类, 二级分类), tallied as the rows are
 * read: so that `inspect` can name those the taxonomy does not know (unknown-labels.ts) without
 * a handler for every row, which would keep a large CSV off the worker threads. Few distinct
 * values per export: the tally is small, plain data (Maps), merged with the partial's counts.
 */

/** 二级分类 ('' when empty) → 一级分类 ('' when empty) → complaint rows. */
export type ClassValues = Map<string, Map<string, number>>;

/** Counts the class values of a complaint row into `counts.classValues`. */
export function tallyClassValues(
  counts: { classValues?: ClassValues },
  order: { isComplaint: boolean; level1: string | null; level2: string | null },
): void {
  if (!order.isComplaint || (order.level1 === null && order.level2 === null)) return;
  const tally = (counts.classValues ??= new Map());
  const l2 = order.level2 ?? '';
  let firsts = tally.get(l2);
  if (firsts === undefined) tally.set(l2, (firsts = new Map()));
  const l1 = order.level1 ?? '';
  firsts.set(l1, (firsts.get(l1) ?? 0) + 1);
}

/** Adds the tally `from` into `into` (the counts of one input, or of the data set). */
export function addClassValues(
  into: { classValues?: ClassValues },
  from: { classValues?: ClassValues },
): void {
  if (from.classValues === undefined) return;
  const tally = (into.classValues ??= new Map());
  for (const [l2, firsts] of from.classValues) {
    let mine = tally.get(l2);
    if (mine === undefined) tally.set(l2, (mine = new Map()));
    for (const [l1, rows] of firsts) mine.set(l1, (mine.get(l1) ?? 0) + rows);
  }
}
