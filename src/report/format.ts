/**
 * How numbers read in text: the terminal, chart labels and sentences. No dependencies, so the
 * label dictionary and the report model can use them without loading a table or colour library.
 */

export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * `value` to `decimals` places, a half away from zero as Excel's number formats show a cell:
 * −3.125% is −3.13% like 3.125% is 3.13% (Math.round alone gives −3.12%, and the bulletin's
 * sentence, which says the size of a fall, would read 3.13% beside −3.12% in its table).
 */
export function roundHalfAway(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A rate as a percentage with at most two decimals, as bulletins print them: 16.8%, 107.55%. */
export function formatPercent(rate: number | null, signed = false): string {
  if (rate === null) return '-';
  const text = (roundHalfAway(rate, 4) * 100).toFixed(2).replace(/\.?0+$/, '');
  const sign = signed && rate > 0 && text !== '0' ? '+' : '';
  return `${sign}${text.replace('-', '−')}%`;
}

/** A count that may be absent, or fractional (a prorated target): at most two decimals. */
export function formatCount(n: number | null): string {
  return n === null ? '-' : formatInt(Math.round(n * 100) / 100);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * When a report was made, in the machine's local time with its offset from UTC, so that a
 * reader knows which clock it is: "2017-01-05 08:00 UTC+08:00" (Asia/Shanghai).
 */
export function localStamp(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${day} ${pad(at.getHours())}:${pad(at.getMinutes())} ${zone}`;
}
