// Minimal CSV/TSV writer used by the fixture generators (RFC 4180 quoting).

export function quoteField(value, delimiter = ',') {
  const s = value == null ? '' : String(value);
  if (s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r')) {
    return '"' + s.replace(/"/g, '""') + '"';
  }
  return s;
}

export function toDelimited(rows, { delimiter = ',', eol = '\r\n', finalEol = true } = {}) {
  const text = rows.map((r) => r.map((v) => quoteField(v, delimiter)).join(delimiter)).join(eol);
  return finalEol ? text + eol : text;
}
