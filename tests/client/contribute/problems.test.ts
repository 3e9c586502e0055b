import { describe, expect, test } from 'vitest';
import { describedBy, isVisible } from '../../../src/client/contribute/problems.ts';

describe('the form messages', () => {
  test('a message shows once its field or one inside it has been left, or when everything is checked', () => {
    expect(isVisible({ name: 'services.0' }, ['services.0.name'], false)).toBe(true);
    expect(isVisible({ name: 'services.0' }, ['services.01'], false)).toBe(false);
    expect(isVisible({ name: 'name' }, [], false)).toBe(false);
    expect(isVisible({ name: 'name' }, [], true)).toBe(true);
  });

  test('a message id is added to aria-describedby once, and taken away leaving the others', () => {
    expect(describedBy('help-1', 'name-error', true)).toBe('help-1 name-error');
    expect(describedBy('help-1 name-error', 'name-error', true)).toBe('help-1 name-error');
    expect(describedBy(' help-1  name-error ', 'name-error', false)).toBe('help-1');
    expect(describedBy(null, 'name-error', false)).toBe('');
  });
});
