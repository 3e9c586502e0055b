import { describe, expect, it } from 'vitest';
import { explainedElsewhere, pointerPath } from '../../../src/lib/validate/schema-errors.ts';

describe('pointerPath', () => {
  it('reads a JSON pointer as a path, with numbers for list items and ~1 and ~0 decoded', () => {
    expect(pointerPath('/services/0/a~1b~0c')).toEqual(['services', 0, 'a/b~c']);
    expect(pointerPath('')).toEqual([]);
  });
});

describe('explainedElsewhere', () => {
  it('leaves "if" errors to the failing "then" and explains every other keyword', () => {
    expect(explainedElsewhere({ keyword: 'if' })).toBe(true);
    expect(explainedElsewhere({ keyword: 'required' })).toBe(false);
  });
});
