import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { servicesCsv } from '../../../src/lib/export/services-csv.ts';
import { errorsIn, provider, validate } from '../../helpers/data-dir.ts';
import { OPTIONS } from './fixture-data.ts';

describe('servicesCsv', () => {
  test('isolates a right-to-left name of a provider or a service, and leaves other names as they are', () => {
    const rtl = provider('مجموعة دعم').replace('name: Weekly group', 'name: "لقاء أسبوعي"');
    const result = validate({ providers: { 'rtl.yaml': rtl, 'plain.yaml': provider('Plain Group') } });
    expect(errorsIn(result)).toEqual([]);
    const rows = parseCsv(servicesCsv(result.dataset, OPTIONS), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.provider_name, r.service_name])).toEqual([
      ['Plain Group', 'Weekly group'],
      ['\u2068مجموعة دعم\u2069', '\u2068لقاء أسبوعي\u2069'],
    ]);
  });
});
