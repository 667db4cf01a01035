// The one CSV writer for every export (calls, compliance evidence, leads, the import template, the
// dashboard's rejected-rows files). Pure, so the browser uses it too.

// A cell a spreadsheet would run as a formula (= + - @, or a tab/CR that hides one) starts with a '.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, and prefixed with ' when it would start a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated (RFC 4180). */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** Rows to CSV text. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map(csvRow).join('');
}
