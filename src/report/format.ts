/**
 * How numbers read in text: the terminal, chart labels and sentences. No dependencies, so the
 * label dictionary and the report model can use them without loading a table or colour library.
 */

export function formatInt(n: number): string {
  return n.toLocaleString('en-US');
}

/** A rate as a percentage with at most two decimals, as bulletins print them: 16.8%, 107.55%. */
export function formatPercent(rate: number | null, signed = false): string {
  if (rate === null) return '-';
  const text = (Math.round(rate * 10_000) / 100).toFixed(2).replace(/\.?0+$/, '');
  const sign = signed && rate > 0 && text !== '0' ? '+' : '';
  return `${sign}${text.replace('-', '−')}%`;
}

/** A count that may be absent, or fractional (a prorated target): at most two decimals. */
export function formatCount(n: number | null): string {
  return n === null ? '-' : formatInt(Math.round(n * 100) / 100);
}
