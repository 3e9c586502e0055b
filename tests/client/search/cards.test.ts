import { describe, expect, test } from 'vitest';
import { withFirst, type Card } from '../../../src/client/search/cards.ts';

const card = (url: string, title = url): Card => ({ url, title, summary: '', areas: '', badges: [] });

describe('the first results and the rest', () => {
  test('the first results shown stay first, in their order, and the rest follow without repeating them', () => {
    const first = [card('/providers/b/'), card('/providers/a/')];
    const all = [card('/providers/a/'), card('/providers/c/'), card('/providers/b/'), card('/providers/d/')];
    expect(withFirst(first, all).map((c) => c.url)).toEqual(['/providers/b/', '/providers/a/', '/providers/c/', '/providers/d/']);
  });

  test('with no first results, the results are as given', () => {
    const all = [card('/providers/c/'), card('/providers/a/')];
    expect(withFirst([], all)).toEqual(all);
  });
});
