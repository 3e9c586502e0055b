import { describe, expect, it } from 'vitest';
import { countOf, listSummary, pageNote, pageUrl, pageWindow, rangeText } from '../../src/lib/pagination.ts';

describe('pageUrl', () => {
  it('keeps page 1 at the list’s own address and puts later pages under it', () => {
    expect(pageUrl('/a-z/s/', 1)).toBe('/a-z/s/');
    expect(pageUrl('/a-z/s/', 3)).toBe('/a-z/s/3/');
    expect(pageUrl('/dir/a-z/s', 2)).toBe('/dir/a-z/s/2/');
  });
});

describe('pageWindow', () => {
  it('shows every page of a short list', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it('shows the first, last and neighbours of the current page, with gaps between', () => {
    expect(pageWindow(10, 28)).toEqual([1, null, 9, 10, 11, null, 28]);
    expect(pageWindow(1, 28)).toEqual([1, 2, null, 28]);
    expect(pageWindow(28, 28)).toEqual([1, null, 27, 28]);
  });
  it('shows a single missing page instead of a gap', () => {
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('stays the same length however long the list is', () => {
    expect(pageWindow(500, 1000)).toHaveLength(pageWindow(50, 100).length);
  });
});

describe('words for a list page', () => {
  it('says which items a page holds', () => {
    expect(rangeText(2, 250)).toBe('101 to 200 of 250');
    expect(rangeText(3, 250)).toBe('201 to 250 of 250');
    expect(rangeText(2, 101)).toBe('101 of 101');
    expect(rangeText(1, 12345)).toBe('1 to 100 of 12,345');
  });
  it('notes the page in a title only when there are several', () => {
    expect(pageNote(1, 1)).toBe('');
    expect(pageNote(2, 5)).toBe(' (page 2 of 5)');
  });
  it('counts in the singular and the plural', () => {
    expect(countOf(1, 'service', 'services')).toBe('1 service');
    expect(countOf(1500, 'service', 'services')).toBe('1,500 services');
  });
  it('summarises a one-page list by its count and a long list by its range', () => {
    expect(listSummary({ currentPage: 1, lastPage: 1, total: 3 }, 'group', 'groups')).toBe('3 groups.');
    expect(listSummary({ currentPage: 2, lastPage: 3, total: 250 }, 'group', 'groups')).toBe('Groups 101 to 200 of 250.');
  });
});
