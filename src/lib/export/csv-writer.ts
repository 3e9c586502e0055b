// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted only when they must be, UTF-8 with a
// byte-order mark so spreadsheet programs (Excel above all) read "£" and accents correctly.

export type Cell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (starting with =, @, a tab or a carriage return, or with
 * + or - not followed by a digit or a point) gets a leading apostrophe, as OWASP advises. Numbers and phone
 * numbers such as +44 1273 … or -0.137 are left alone.
 */
function defuse(text: string): string {
  return /^[=@\t\r]/.test(text) || /^[+-](?![\d.])/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuse(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: a header row, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Several values in one cell, separated by "; " (ids never contain ";"). */
export function multi(values: readonly string[] | undefined): string {
  return (values ?? []).join('; ');
}
