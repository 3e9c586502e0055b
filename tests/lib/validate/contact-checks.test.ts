import { describe, expect, it } from 'vitest';
import { checkPostcode, isMobile, isSafeLink, looksPersonalEmail, markdownLinks, normalisePhone, textProblem } from '../../../src/lib/validate/contact-checks.ts';

describe('checkPostcode', () => {
  it('accepts Sussex postcodes, in any case and with or without the space', () => {
    for (const pc of ['BN41 1AA', 'BN1 1AA', 'bn2 0jp', 'BN11AA', 'RH10 1AA', 'PO19 1AA', 'GU29 9AA', 'TN34 1AA', 'TN6 1AA', ' BN3 3AA ']) {
      expect(checkPostcode(pc), pc).toEqual({ ok: true });
    }
  });

  it('warns about a postcode in a Sussex postcode area but a district mostly outside Sussex', () => {
    for (const [pc, district] of [['RH1 1AA', 'RH1'], ['PO1 1AA', 'PO1'], ['GU1 1AA', 'GU1'], ['TN1 1AA', 'TN1'], ['TN4 1AA', 'TN4']]) {
      const verdict = checkPostcode(pc!);
      expect(verdict, pc).toEqual({ ok: true, warning: `"${pc}" is usually outside Sussex (${district}). Check the postcode is right.` });
    }
  });

  it('refuses a postcode outside the Sussex postcode areas', () => {
    expect(checkPostcode('SW1A 1AA')).toEqual({
      ok: false,
      message: '"SW1A 1AA" is not a Sussex postcode (Sussex postcodes start with BN, RH, TN, PO, GU). Check it, or leave the postcode out if the place is outside Sussex.',
    });
  });

  it('refuses something that is not a full UK postcode', () => {
    for (const pc of ['BN1', 'BN1 1A', '1BN 1AA', 'Brighton', '']) {
      expect(checkPostcode(pc), pc).toEqual({ ok: false, message: `"${pc}" is not a full UK postcode. Write it like BN41 1AA.` });
    }
  });
});

describe('normalisePhone', () => {
  it('reads UK numbers as dialled, with spaces, brackets and hyphens', () => {
    expect(normalisePhone('01273 123456')).toBe('01273123456');
    expect(normalisePhone('(01273) 123-456')).toBe('01273123456');
    expect(normalisePhone('020 7946 0000')).toBe('02079460000');
    expect(normalisePhone('0800 123 4567')).toBe('08001234567');
    expect(normalisePhone('0300 123 4567')).toBe('03001234567');
  });

  it('reads +44 numbers, with or without the (0)', () => {
    expect(normalisePhone('+44 1273 123456')).toBe('01273123456');
    expect(normalisePhone('+44 (0)1273 123456')).toBe('01273123456');
    expect(normalisePhone('+44 7700 900123')).toBe('07700900123');
  });

  it('reads short codes such as 111 and 116 123', () => {
    expect(normalisePhone('111')).toBe('111');
    expect(normalisePhone('116 123')).toBe('116123');
  });

  it('refuses numbers that are too short, too long, foreign or not numbers', () => {
    for (const raw of ['01273 1234', '01273 1234567890', '+1 202 555 0100', '04123 456789', 'call us', '999', '']) {
      expect(normalisePhone(raw), raw).toBeUndefined();
    }
  });
});

describe('isMobile', () => {
  it('recognises UK mobile numbers', () => {
    expect(isMobile('07700900123')).toBe(true);
    expect(isMobile('07123456789')).toBe(true);
  });

  it('does not count landlines, freephone or 070 personal numbers as mobiles', () => {
    expect(isMobile('01273123456')).toBe(false);
    expect(isMobile('08001234567')).toBe(false);
    expect(isMobile('07012345678')).toBe(false);
  });
});

describe('looksPersonalEmail', () => {
  it('treats free webmail addresses as personal', () => {
    for (const email of ['group@gmail.com', 'x@hotmail.co.uk', 'x@outlook.com', 'x@yahoo.co.uk', 'x@icloud.com', 'x@btinternet.com', 'x@proton.me', 'X@GMAIL.COM']) {
      expect(looksPersonalEmail(email), email).toBe(true);
    }
  });

  it('treats firstname.lastname@ at an organisation as personal', () => {
    expect(looksPersonalEmail('alex.example@example.org')).toBe(true);
    expect(looksPersonalEmail('alex_example@example.org')).toBe(true);
  });

  it('does not treat role addresses at an organisation as personal', () => {
    for (const email of ['info@example.org', 'hello@example.org', 'peer.support@example.org', 'recovery.team@example.org', 'a.b@example.org', 'contact@example.org']) {
      expect(looksPersonalEmail(email), email).toBe(false);
    }
  });
});

describe('textProblem', () => {
  it('refuses HTML tags, with or without attributes, spaces or closing slashes', () => {
    for (const text of ['<b>bold</b>', 'a <script>alert(1)</script>', '<img src=x onerror=alert(1)>', '< script >', '</div>', '<!-- comment -->', '<br/>', '<a href="https://example.org">x</a>', '<a@b.org onclick=alert(1)>', '<b>@example.org>']) {
      expect(textProblem(text), text).toBe(
        'contains HTML, which is not allowed. Remove the <…> tags; for emphasis write *words*, for a link write [words](https://example.org).',
      );
    }
  });

  it('refuses javascript:, vbscript: and data: addresses anywhere in text', () => {
    for (const text of ['javascript:alert(1)', 'see JavaScript : alert(1)', 'vbscript:msgbox', 'data:text/html;base64,PHNjcmlwdD4=', 'data:image/svg+xml,<svg/>'.replace('<svg/>', 'x'), 'data:,hello']) {
      expect(textProblem(text), text).toBe('contains a "javascript:", "vbscript:" or "data:" address, which is not allowed. Use an https:// link instead.');
    }
  });

  it('allows ordinary text that merely looks a little like markup', () => {
    for (const text of [
      'Ages 18 to 65; 3 < 5 and 6 > 2',
      'We <3 peer support',
      'Your data: we never share it.',
      'Read <https://example.org/join> or email <mailto:hello@example.org>',
      'Email <hello.group@example.org.uk>, as Markdown writes an address to click',
      '*Emphasis* and [a link](https://example.org)',
      'Metadata: none',
      'a<b and c>d',
      'Under 18s <and their carers> welcome',
    ]) {
      expect(textProblem(text), text).toBeUndefined();
    }
  });
});

describe('markdownLinks', () => {
  it('finds the targets of inline links and autolinks', () => {
    expect(markdownLinks('See [our site](https://example.org/a) and [mail]( mailto:x@example.org ) or <https://example.org/b>.')).toEqual([
      'https://example.org/a',
      'mailto:x@example.org',
      'https://example.org/b',
    ]);
  });

  it('finds a javascript: target, including in angle brackets', () => {
    expect(markdownLinks('[x](javascript:alert(1)) [y](<javascript:void(0)>)')).toEqual(['javascript:alert(1', 'javascript:void(0', 'javascript:void(0)']);
  });

  it('finds nothing in text without links', () => {
    expect(markdownLinks('Just [brackets] and (parentheses).')).toEqual([]);
  });
});

describe('isSafeLink', () => {
  it('allows https, http, mailto and tel addresses', () => {
    for (const url of ['https://example.org', 'http://example.org/a?b=c', 'mailto:hello@example.org', 'tel:+44 1273 000000', 'HTTPS://EXAMPLE.ORG']) {
      expect(isSafeLink(url), url).toBe(true);
    }
  });

  it('refuses script addresses, relative links, other schemes and empty ones', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', 'ftp://example.org', 'https://', 'tel:call-me', '', 'https://exa mple.org']) {
      expect(isSafeLink(url), url).toBe(false);
    }
  });
});
