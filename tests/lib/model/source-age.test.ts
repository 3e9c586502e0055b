import { describe, expect, it } from 'vitest';
import {
  ageOf,
  asOfText,
  currentFirst,
  endOfPeriod,
  inFuture,
  needsRecheck,
  newestSource,
  NOTICE_AFTER_YEARS,
  oldNotice,
  olderThan,
  providerAge,
  serviceAge,
  shortAgeText,
  sourceText,
  WARN_AFTER_YEARS,
  type Source,
} from '../../../src/lib/model/source-age.ts';

const TODAY = '2026-11-23';
const src = (published: string, title = 'A source'): Source => ({ title, published });

describe('the thresholds', () => {
  it('give a notice after 3 years and a validator warning after 10', () => {
    expect(NOTICE_AFTER_YEARS).toBe(3);
    expect(WARN_AFTER_YEARS).toBe(10);
  });
});

describe('endOfPeriod', () => {
  it('reads a year as its last day, a month as its last day, and a date as itself', () => {
    expect(endOfPeriod('2023')).toBe('2023-12-31');
    expect(endOfPeriod('2024-02')).toBe('2024-02-29');
    expect(endOfPeriod('2023-02-14')).toBe('2023-02-14');
  });
});

describe('olderThan', () => {
  it('gives a year the benefit of the doubt: 2023 is not yet 3 years old in November 2026', () => expect(olderThan('2023', 3, TODAY)).toBe(false));
  it('counts a month from its last day', () => {
    expect(olderThan('2023-10', 3, TODAY)).toBe(true);
    expect(olderThan('2023-11', 3, TODAY)).toBe(false);
  });
  it('counts a date exactly', () => {
    expect(olderThan('2023-11-22', 3, TODAY)).toBe(true);
    expect(olderThan('2023-11-23', 3, TODAY)).toBe(false);
  });
});

describe('inFuture', () => {
  it('compares a year, a month or a date with today at its own precision', () => {
    expect(inFuture('2026', TODAY)).toBe(false);
    expect(inFuture('2026-11', TODAY)).toBe(false);
    expect(inFuture('2026-12', TODAY)).toBe(true);
    expect(inFuture('2026-11-24', TODAY)).toBe(true);
  });
});

describe('newestSource', () => {
  it('picks the newest dated source, whatever the order', () => expect(newestSource([src('2021'), src('2024-03'), src('undated'), src('2023-12-01')])?.published).toBe('2024-03'));
  it('picks an undated source only when none has a date', () => expect(newestSource([src('undated', 'Leaflet')])?.title).toBe('Leaflet'));
  it('has nothing to pick from no sources', () => expect(newestSource([])).toBeUndefined());
});

describe('ageOf', () => {
  it('takes the newest source of an unverified entry', () => {
    const age = ageOf({ verification: { status: 'unverified', sources: [src('2017-05'), src('2012')] } }, TODAY);
    expect(age).toMatchObject({ kind: 'source', date: '2017-05', old: true });
    expect(oldNotice(age)).toBe('We last heard of this group in 2017. It may have changed or stopped.');
    expect(shortAgeText(age)).toBe('Information from 2017');
  });

  it('gives a recent source no notice', () => {
    const age = ageOf({ verification: { status: 'unverified', sources: [src('2025-03')] } }, TODAY);
    expect(age.old).toBe(false);
    expect(oldNotice(age)).toBeUndefined();
    expect(shortAgeText(age)).toBe('Information from 2025');
  });

  it('takes the date a person confirmed the entry when it is newer than every source', () => {
    const age = ageOf({ verification: { status: 'verified', last_checked: '2026-10-01', sources: [src('2019')] } }, TODAY);
    expect(age).toMatchObject({ kind: 'checked', date: '2026-10-01', old: false });
    expect(shortAgeText(age)).toBe('Checked with the group in 2026');
  });

  it('lets a service speak with its own sources before its provider\'s', () => {
    const verification = { status: 'unverified', sources: [src('2016')] };
    expect(ageOf({ verification, sources: [src('2025-06')] }, TODAY)).toMatchObject({ date: '2025-06', old: false });
    expect(ageOf({ verification }, TODAY)).toMatchObject({ date: '2016', old: true });
  });

  it('knows no age, and gives no notice, when no source has a date', () => {
    const age = ageOf({ verification: { status: 'unverified', sources: [src('undated')] } }, TODAY);
    expect(age).toMatchObject({ kind: 'unknown', old: false });
    expect(shortAgeText(age)).toBeUndefined();
    expect(asOfText(age)).toBeUndefined();
  });

  it('depends on the today it is given, not the clock', () => {
    const input = { verification: { status: 'unverified', sources: [src('2024-01')] } };
    expect(ageOf(input, '2026-11-23').old).toBe(false);
    expect(ageOf(input, '2027-02-01').old).toBe(true);
  });
});

describe('providerAge and serviceAge', () => {
  const provider = { verification: { status: 'unverified', sources: [src('2015')] }, services: [{ sources: [src('2024-05')] }, {}] };
  it('dates a provider by the newest source of any of its services', () => expect(providerAge(provider, TODAY).date).toBe('2024-05'));
  it('dates a service without sources of its own by its provider\'s', () => {
    expect(serviceAge(provider.services[0]!, provider, TODAY).date).toBe('2024-05');
    expect(serviceAge(provider.services[1]!, provider, TODAY).date).toBe('2015');
  });
});

describe('the words', () => {
  it('names the source and its month', () => expect(sourceText(src('2023-02-14', "West Sussex Mind's website"))).toBe("Source: West Sussex Mind's website, February 2023"));
  it('names the source and its year when only the year is known', () => expect(sourceText(src('2021', 'A report'))).toBe('Source: A report, 2021'));
  it('says when a source shows no date', () => expect(sourceText(src('undated', 'A leaflet'))).toBe('Source: A leaflet (no date shown)'));
  it('puts the year beside times', () => expect(asOfText({ kind: 'source', date: '2024-03', old: false })).toBe('as of 2024'));
});

describe('needsRecheck', () => {
  it('is not due eleven months on', () => expect(needsRecheck('2025-12-24', TODAY)).toBe(false));
  it('is due twelve months on', () => expect(needsRecheck('2025-11-23', TODAY)).toBe(true));
  it('is not due a day short of twelve months', () => expect(needsRecheck('2025-11-24', TODAY)).toBe(false));
});

describe('currentFirst', () => {
  it('puts old entries after current ones and keeps the order within each', () => {
    const items = [
      { n: 'a', old: true },
      { n: 'b', old: false },
      { n: 'c', old: true },
      { n: 'd', old: false },
    ];
    expect(currentFirst(items, (i) => ({ kind: 'source', old: i.old })).map((i) => i.n)).toEqual(['b', 'd', 'a', 'c']);
  });
});
