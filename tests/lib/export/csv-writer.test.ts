import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/export/csv-writer.ts';

describe('csvCell', () => {
  test('a cell starting with + or - and then a digit, as in OWASP’s own example, cannot run as a formula', () => {
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell('-1+WEBSERVICE("https://evil.example")')).toBe(`"'-1+WEBSERVICE(""https://evil.example"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
  });

  test('every text cell starting with =, +, -, @, a tab or a carriage return is neutralised', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1)`).replace(/^"/, '')).toMatch(/^'/);
  });

  test('a cell that is wholly a number is left as it is', () => {
    for (const n of ['-0.137', '+3', '50.8225', '-1e5', '12']) expect(csvCell(n)).toBe(n);
  });

  test('a phone number keeps its + only in a phone column', () => {
    expect(csvCell('+44 1273 000000', { phone: true })).toBe('+44 1273 000000');
    expect(csvCell('+44 1273 000000')).toBe("'+44 1273 000000");
    expect(csvCell('+44 1273 cmd|x', { phone: true })).toBe("'+44 1273 cmd|x");
  });
});

describe('toCsv', () => {
  test('an email address built as a formula is neutralised, and the phone column keeps its numbers', () => {
    const csv = toCsv(['email', 'phone'], [["-2+3+cmd|'/Ccalc'!A0@example.org", '+44 1273 000000']]);
    expect(parseCsv(csv, { columns: true, bom: true })).toEqual([{ email: "'-2+3+cmd|'/Ccalc'!A0@example.org", phone: '+44 1273 000000' }]);
  });
});
