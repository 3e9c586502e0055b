import { describe, expect, test } from 'vitest';
import { escapeControls, isolate, textSafetyProblem } from '../../../src/lib/text/text-safety.ts';

describe('textSafetyProblem', () => {
  test('refuses a control character anywhere, naming it', () => {
    for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'.replace('\u0085', '\u0090')]) expect(textSafetyProblem(`A${ch}B`, 'description')).toMatch(/invisible control character \(U\+00[0-9A-F]{2}\)/);
  });

  test('refuses a line break in a one-line field such as a name, and allows it in a description', () => {
    for (const text of ['Hove\nGroup', 'Hove\rGroup', 'Hove\u2028Group']) expect(textSafetyProblem(text, 'name')).toMatch(/must be one line/);
    expect(textSafetyProblem('One.\n\nTwo.', 'description')).toBeUndefined();
    expect(textSafetyProblem('Folded note\n', 'note')).toBeUndefined();
  });

  test('refuses the bidirectional controls U+202A–U+202E and U+2066–U+2069, which can show a name back to front', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(textSafetyProblem(`Group ${String.fromCharCode(code)}puorG`, 'name'), code.toString(16)).toMatch(/direction control/);
  });

  test('accepts ordinary text, right-to-left letters included', () => {
    for (const text of ['Mind in Brighton & Hove', 'Café — “quoted”', 'مجموعة دعم', 'Tab\tinside']) expect(textSafetyProblem(text, 'name'), text).toBeUndefined();
  });
});

describe('escapeControls', () => {
  test('writes line breaks, escape characters and direction controls as visible escapes, and leaves other text alone', () => {
    expect(escapeControls('a\nb\r\tc\u001b[31m\u202Ed')).toBe('a\\nb\\r\\tc\\u001b[31m\\u202ed');
    expect(escapeControls('Café “x” مجموعة')).toBe('Café “x” مجموعة');
  });
});

describe('isolate', () => {
  test('wraps a name holding right-to-left text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, and leaves other names as they are', () => {
    expect(isolate('مجموعة دعم')).toBe('\u2068مجموعة دعم\u2069');
    expect(isolate('Group \u202Epuorg')).toBe('\u2068Group \u202Epuorg\u2069');
    expect(isolate('Mind in Brighton & Hove')).toBe('Mind in Brighton & Hove');
  });
});
