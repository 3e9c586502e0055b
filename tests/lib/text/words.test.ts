import { describe, expect, it } from 'vitest';
import { countOf, plural } from '../../../src/lib/text/words.ts';

describe('plural', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect([plural(1, 'file'), plural(0, 'file'), plural(2, 'entry', 'entries'), plural(1234, 'row')]).toEqual(['1 file', '0 files', '2 entries', '1234 rows']);
  });
});

describe('countOf', () => {
  it('writes the number with a thousands separator', () => {
    expect([countOf(1, 'service', 'services'), countOf(1234, 'service', 'services')]).toEqual(['1 service', '1,234 services']);
  });
});
