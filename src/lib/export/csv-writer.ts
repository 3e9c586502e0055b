// RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted only when they must be, UTF-8 with a
// byte-order mark so spreadsheet programs (Excel above all) read "£" and accents correctly.

export type Cell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

/** A cell that is wholly a number, as a spreadsheet reads it: -0.137, +3, 1e5. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A phone number as written in the data (+44 1273 000000): kept as it is, in the phone column only. */
const PHONE = /^\+?[\d ()]+(?:-[\d ()]+)*$/;

export interface CellOptions {
  /** The cell is in a phone-number column, where "+44 1273 000000" is not a formula. */
  phone?: boolean;
}

/**
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, as OWASP advises: "-2+3+cmd|' /C calc'!A0" starts with a digit after its minus. Only a
 * cell that is wholly a number, or a phone number in a phone column, is left alone.
 */
function defuse(text: string, options: CellOptions): string {
  if (!/^[=+\-@\t\r]/.test(text) || NUMBER.test(text) || (options.phone && PHONE.test(text))) return text;
  return `'${text}`;
}

export function csvCell(value: Cell, options: CellOptions = {}): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defuse(value, options) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The columns whose values are phone numbers, by name. */
const PHONE_COLUMNS = new Set(['phone']);

/** A whole CSV file: a header row, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const phone = header.map((name) => PHONE_COLUMNS.has(name));
  const lines = [header.map((h) => csvCell(h)).join(','), ...rows.map((row) => row.map((cell, i) => csvCell(cell, { phone: phone[i] })).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Several values in one cell, separated by "; " (ids never contain ";"). */
export function multi(values: readonly string[] | undefined): string {
  return (values ?? []).join('; ');
}
