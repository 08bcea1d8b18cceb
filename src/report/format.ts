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

/** The moment a localStamp names, or null for a stamp without its offset (tests give "2017-01-05 08:00"). */
export function stampMoment(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC([+-]\d{2}:\d{2})$/.exec(stamp);
  return m ? new Date(`${m[1]}T${m[2]}:00${m[3]}`) : null;
}

const CHINA_DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The day a moment falls on in China, YYYY-MM-DD: the bulletin's date of issue (成文日期) is
 * Beijing's, whatever the machine's zone — a server on UTC is still on the day before until
 * 08:00 in Beijing.
 */
export function chinaDay(at: Date): string {
  const parts = Object.fromEntries(CHINA_DAY.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * The date of issue of a report made at `stamp` (localStamp) when none was given: that moment's
 * day in China; a stamp without an offset is taken as China's wall clock.
 */
export function issuedDay(stamp: string): string {
  const at = stampMoment(stamp);
  return at ? chinaDay(at) : stamp.slice(0, 10);
}
