// The one CSV writer for every export (calls, compliance evidence, leads, the import template, the
// dashboard's rejected-rows files). Pure, so the browser uses it too.

// OWASP's CSV injection guidance: a cell a spreadsheet would run as a formula (= + - @, or a tab/CR
// that hides one) starts with a ', so it reads as text.
const formulaStart = /^[=+\-@\t\r]/;
// Quoted: what RFC 4180 needs (quote, comma, line breaks), and the separators a spreadsheet may split
// on in another locale (semicolon in European Excel, tab), which would start a new cell mid-value,
// where a formula could hide after the separator.
const needsQuotes = /[",;\t\n\r]/;

/** One CSV cell: quoted when needed, and prefixed with ' when it would start a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // A number the app holds is data, never a formula: -2 stays a number in the spreadsheet.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated (RFC 4180). */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** Rows to CSV text. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvRow).join('');
}
