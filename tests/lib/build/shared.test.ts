import { describe, expect, it } from 'vitest';
import { getShared, setShared, shared } from '../../../src/lib/build/shared.ts';

describe('shared build state', () => {
  it('makes a value once and gives the same one to every later caller', () => {
    const first = shared('test-made-once', () => ({ made: 1 }));
    expect(shared('test-made-once', () => ({ made: 2 }))).toBe(first);
  });

  it('gives back what was set, and nothing for a name never set', () => {
    setShared('test-set', 42);
    expect(getShared('test-set')).toBe(42);
    expect(getShared('test-never-set')).toBeUndefined();
  });
});
