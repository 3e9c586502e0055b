import { describe, expect, it } from 'vitest';
import { agesText, displayHost, formatDate, formatSession, formatTime, joinLabels, telHref } from '../../../src/lib/text/format.ts';

describe('formatDate', () => {
  it('writes a full date the British way', () => expect(formatDate('2026-06-01')).toBe('1 June 2026'));
  it('writes a month and year when there is no day', () => expect(formatDate('2019-03')).toBe('March 2019'));
  it('writes a year on its own', () => expect(formatDate('2019')).toBe('2019'));
});

describe('formatTime', () => {
  it('drops the minutes on the hour', () => expect(formatTime('18:00')).toBe('6pm'));
  it('keeps minutes past the hour', () => expect(formatTime('10:30')).toBe('10:30am'));
  it('calls midday noon', () => expect(formatTime('12:00')).toBe('12 noon'));
  it('reads half past midnight in the morning', () => expect(formatTime('00:30')).toBe('12:30am'));
});

describe('formatSession', () => {
  it('describes a weekly session', () =>
    expect(formatSession({ day: 'tuesday', start: '18:00', end: '20:00', frequency: 'weekly' })).toBe('Every Tuesday, 6pm to 8pm'));
  it('describes a fortnightly session', () =>
    expect(formatSession({ day: 'friday', start: '10:00', end: '11:30', frequency: 'fortnightly' })).toBe('Every other Friday, 10am to 11:30am'));
  it('describes the first Tuesday of the month', () =>
    expect(formatSession({ day: 'tuesday', start: '13:00', end: '15:00', frequency: 'monthly', week_of_month: 'first' })).toBe(
      'The first Tuesday of the month, 1pm to 3pm',
    ));
  it('describes the last Sunday of the month', () =>
    expect(formatSession({ day: 'sunday', start: '14:00', end: '16:00', frequency: 'monthly', week_of_month: 'last' })).toContain('last Sunday'));
});

describe('telHref', () => {
  it('turns a UK number into international form', () => expect(telHref('01243 869662')).toBe('tel:+441243869662'));
  it('keeps short codes as they are', () => expect(telHref('116 123')).toBe('tel:116123'));
  it('keeps an international number', () => expect(telHref('+44 1273 000000')).toBe('tel:+441273000000'));
});

describe('displayHost', () => {
  it('shows the host without www', () => expect(displayHost('https://www.capitalproject.org/about')).toBe('capitalproject.org'));
  it('returns text that is not a URL unchanged', () => expect(displayHost('not a url')).toBe('not a url'));
});

describe('joinLabels', () => {
  it('joins labels with commas', () => expect(joinLabels(['Women', 'Young people'])).toBe('Women, Young people'));
  it('joins with semicolons when a label holds a comma, so it stays in one piece', () =>
    expect(joinLabels(['Black, Asian and racialised communities', 'Faith communities'])).toBe('Black, Asian and racialised communities; Faith communities'));
  it('gives one label as it is and no labels as nothing', () => {
    expect(joinLabels(['Women'])).toBe('Women');
    expect(joinLabels([])).toBe('');
  });
});

describe('agesText', () => {
  it('gives both ends of an age range', () => expect(agesText({ age_range: { min: 18, max: 25 } })).toBe('Ages 18 to 25'));
  it('gives a lower limit alone', () => expect(agesText({ age_range: { min: 50 } })).toBe('Ages 50 and over'));
  it('gives an upper limit alone', () => expect(agesText({ age_range: { max: 25 } })).toBe('Up to age 25'));
  it('says nothing when the service sets no ages', () => {
    expect(agesText({})).toBeUndefined();
    expect(agesText({ age_range: {} })).toBeUndefined();
  });
});
