import { describe, expect, test } from 'vitest';
import { DIRECTORY_NAMESPACE, isUuid, objectId, URL_NAMESPACE, uuidv5 } from '../../../src/lib/export/uuid.ts';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidv5', () => {
  test('matches known version 5 UUIDs (the same as Python uuid.uuid5)', () => {
    expect(uuidv5('python.org', DNS_NAMESPACE)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidv5('https://github.com/sussex-peer-support/directory/hsds', URL_NAMESPACE)).toBe(DIRECTORY_NAMESPACE);
  });

  test('sets the version (5) and the RFC variant bits', () => {
    for (const name of ['a', 'organization/x', 'service/x/y', 'ü — non-ASCII']) {
      const id = uuidv5(name, DIRECTORY_NAMESPACE);
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('5');
      expect('89ab').toContain(id[19]);
    }
  });

  test('is the same for the same name and different for different names', () => {
    expect(objectId('service', 'a', 'b')).toBe(objectId('service', 'a', 'b'));
    expect(objectId('service', 'a', 'b')).not.toBe(objectId('service', 'a', 'c'));
    expect(objectId('service', 'a', 'b')).not.toBe(objectId('location', 'a', 'b'));
  });

  test('refuses a namespace that is not a UUID', () => {
    expect(() => uuidv5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });
});
