/**
 * What tells a changed copy of a work order from a repeated one: its values after
 * normalisation as compare.ts defines it (two exports writing one date in two forms, or 10:22:11
 * and 10:22, are not a change), but for the long complaint text only the first and last bytes of
 * its UTF-8 (digestSample), to keep the hot path cheap. The digest only decides the
 * "differing" count, never which copy wins.
 */
import { callbackOf, flagOf, minuteOf } from './compare.js';
import { DIGEST_SEED, digestNumber, digestText } from './dedup.js';
import type { RowFields } from './row-fields.js';
import type { WorkOrder } from './types.js';

/** Bytes of the long text's UTF-8 sampled: half from its start, half from its end. */
const CONTENT_SAMPLE = 32;

/**
 * The digest of order `o`, read from row `r` whose column `contentAt` holds its text. `people`:
 * peopleDigest of its customer number and phone (-1: read them from `o`).
 */
export function rowDigest(o: WorkOrder, r: RowFields, contentAt: number, people: number): number {
  let h = DIGEST_SEED;
  h = digestNumber(h, minuteOf(o.acceptedAt));
  h = digestNumber(h, minuteOf(o.closedAt));
  h = digestNumber(h, minuteOf(o.repliedAt));
  // The text's sample is read from the row: orders the sink skips carry no text.
  h = r.sample(h, contentAt, CONTENT_SAMPLE);
  h = digestText(h, o.unit);
  h = digestText(h, o.businessType ?? '');
  h = digestText(h, o.level1 ?? '');
  h = digestText(h, o.level2 ?? '');
  h = digestText(h, o.level3 ?? '');
  h = digestNumber(h, people >= 0 ? people : peopleDigest(o.customerId ?? '', o.phone ?? ''));
  h = digestText(h, o.substantiated ?? '');
  h = digestText(h, o.appeal);
  h = digestText(h, callbackOf(o.satisfaction));
  h = digestText(h, o.department ?? '');
  h = digestText(h, o.city ?? '');
  h = digestText(h, o.severity ?? '');
  h = digestNumber(h, flagOf(o.escalated));
  return h >>> 0;
}

/**
 * The customer number and phone in one figure, folded into the row digest as a number: a run
 * that keeps no orders (inspect) digests them from the row as read, without making their
 * strings (RowNormaliser.people).
 */
export function peopleDigest(customerId: string, phone: string): number {
  return digestText(digestText(DIGEST_SEED, customerId), phone) >>> 0;
}
