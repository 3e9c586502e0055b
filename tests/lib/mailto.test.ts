import { describe, expect, it } from 'vitest';
import { correctionEmail, emailSetting, entryEmail, mailtoUrl, removalEmail } from '../../src/lib/mailto.ts';

/** The subject and body a mail program reads from a mailto: link. */
function read(url: string): { to: string; subject: string | null; body: string | null } {
  const u = new URL(url);
  return { to: decodeURIComponent(u.pathname), subject: u.searchParams.get('subject'), body: u.searchParams.get('body') };
}

describe('emailSetting', () => {
  it('is undefined when the setting is unset or blank, so the site offers no email', () => {
    expect(emailSetting(undefined)).toBeUndefined();
    expect(emailSetting('  ')).toBeUndefined();
  });
  it('keeps an email address, without spaces around it', () => expect(emailSetting(' corrections@example.org ')).toBe('corrections@example.org'));
  it('stops the build on a value that is not an email address, naming the setting and the fix', () => {
    expect(() => emailSetting('corrections at example.org')).toThrow(/CORRECTIONS_EMAIL="corrections at example.org" is not an email address\. Set it to .*or leave it unset/);
  });
});

describe('mailtoUrl', () => {
  it('encodes spaces as %20 and line breaks as CRLF, as RFC 6068 asks', () => {
    const url = mailtoUrl('a@example.org', { subject: 'Hello there & more', body: 'one\ntwo' });
    expect(url).toBe('mailto:a@example.org?subject=Hello%20there%20%26%20more&body=one%0D%0Atwo');
    expect(url).not.toContain('+');
  });
  it('is the bare address without a subject or body', () => expect(mailtoUrl('a@example.org')).toBe('mailto:a@example.org'));
});

describe('the emails', () => {
  it('a correction from a group page names the group and carries the page address', () => {
    const m = read(correctionEmail('fix@example.org', 'Mind & Co', 'https://example.org/providers/mind-co/'));
    expect(m.to).toBe('fix@example.org');
    expect(m.subject).toBe('Correction: Mind & Co');
    expect(m.body).toMatch(/^Page: https:\/\/example\.org\/providers\/mind-co\/\r\n/);
    expect(m.body).toContain('What is wrong:');
  });
  it('an entry from the form carries its file name and the whole file', () => {
    const yaml = 'name: Harbour Café\nservices:\n  - id: cafe\n';
    const m = read(entryEmail('fix@example.org', { name: 'Harbour Café', file: 'data/providers/harbour-cafe.yaml', yaml, editing: false }));
    expect(m.subject).toBe('New group: Harbour Café');
    expect(m.body).toContain('File: data/providers/harbour-cafe.yaml');
    expect(m.body!.replace(/\r\n/g, '\n')).toContain(`${yaml}\n(End of the file.)`);
    expect(read(entryEmail('fix@example.org', { name: 'X', file: 'f', yaml, editing: true })).subject).toBe('Correction: X');
  });
  it('a removal request has a subject that says so', () => expect(read(removalEmail('fix@example.org')).subject).toBe('Please remove personal details'));
});
