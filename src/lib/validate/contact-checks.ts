// Plain checks on contact details and text that JSON Schema cannot express.

const SUSSEX_POSTCODE_AREAS = ['BN', 'RH', 'TN', 'PO', 'GU'];
/** Postcode districts of those areas that lie (at least partly) in Sussex. */
const SUSSEX_DISTRICTS: Record<string, (n: number) => boolean> = {
  BN: () => true,
  RH: (n) => n >= 10 && n <= 20,
  PO: (n) => n >= 18 && n <= 22,
  GU: (n) => n >= 27 && n <= 31,
  TN: (n) => n === 3 || (n >= 5 && n <= 7) || (n >= 19 && n <= 40),
};

const UK_POSTCODE = /^([A-Z]{1,2})([0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

export type PostcodeVerdict = { ok: true; warning?: string } | { ok: false; message: string };

export function checkPostcode(raw: string): PostcodeVerdict {
  const pc = raw.trim().toUpperCase();
  const m = UK_POSTCODE.exec(pc);
  if (!m) return { ok: false, message: `"${raw}" is not a full UK postcode. Write it like BN41 1AA.` };
  const [, area = '', district = ''] = m;
  if (!SUSSEX_POSTCODE_AREAS.includes(area))
    return { ok: false, message: `"${raw}" is not a Sussex postcode (Sussex postcodes start with ${SUSSEX_POSTCODE_AREAS.join(', ')}). Check it, or leave the postcode out if the place is outside Sussex.` };
  const n = Number.parseInt(district, 10);
  if (!SUSSEX_DISTRICTS[area]?.(n))
    return { ok: true, warning: `"${raw}" is usually outside Sussex (${area}${district}). Check the postcode is right.` };
  return { ok: true };
}

/** Digits of a UK number in national form (leading 0), or undefined when it is not one. */
export function normalisePhone(raw: string): string | undefined {
  let digits = raw.replace(/[\s()-]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3).replace(/^0/, '')}`;
  if (/^0[1235789][0-9]{8,9}$/.test(digits)) return digits;
  if (/^1[0-9]{2}(?:[0-9]{3})?$/.test(digits)) return digits; // 111, 116 123 and other short codes
  return undefined;
}

export function isMobile(digits: string): boolean {
  return /^07[1-9]/.test(digits);
}

const FREE_MAIL = /@(gmail\.com|googlemail\.com|hotmail\.[a-z.]+|outlook\.[a-z.]+|live\.[a-z.]+|msn\.com|yahoo\.[a-z.]+|ymail\.com|icloud\.com|me\.com|mac\.com|aol\.[a-z.]+|btinternet\.com|btopenworld\.com|sky\.com|virginmedia\.com|talktalk\.net|protonmail\.[a-z]+|proton\.me|gmx\.[a-z.]+|mail\.com|tiscali\.co\.uk|ntlworld\.com)$/i;
const ROLE_WORDS = new Set(['info', 'hello', 'contact', 'admin', 'enquiries', 'enquiry', 'office', 'team', 'support', 'peer', 'peers', 'group', 'groups', 'mail', 'help', 'hub', 'referrals', 'referral', 'general', 'volunteer', 'volunteers', 'recovery', 'project', 'network', 'services', 'service']);

/** A personal address: a free webmail account, or one shaped like firstname.lastname@. */
export function looksPersonalEmail(email: string): boolean {
  if (FREE_MAIL.test(email)) return true;
  const local = (email.split('@')[0] ?? '').toLowerCase();
  const parts = local.split(/[._]/);
  return parts.length === 2 && parts.every((p) => /^[a-z]{2,}$/.test(p) && !ROLE_WORDS.has(p));
}

// A tag alone (<b>, </div>, <br/>), a tag with an attribute value (<img src=x …>), a comment or a declaration.
// Markdown's own <https://…>, <mailto:…> and <name@example.org> links are not HTML, nor is "a<b and c>d".
const HTML_TAG = /<(?:\s*\/?\s*[a-zA-Z][\w:-]*\s*\/?\s*>|\s*[a-zA-Z][^\s<>]*\s[^<>]*=[^<>]*>|!--|![a-zA-Z]|\?[a-zA-Z])/;
// "data:" only as an address (data:text/html,…), so plain words like "your data: we never share it" pass.
const SCRIPT_SCHEME = /\b(?:javascript|vbscript)\s*:|\bdata\s*:\s*(?:[a-z]+\/[a-z0-9.+-]+)?[;,]/i;

export function textProblem(value: string): string | undefined {
  if (HTML_TAG.test(value))
    return 'contains HTML, which is not allowed. Remove the <…> tags; for emphasis write *words*, for a link write [words](https://example.org).';
  if (SCRIPT_SCHEME.test(value)) return 'contains a "javascript:", "vbscript:" or "data:" address, which is not allowed. Use an https:// link instead.';
  return undefined;
}

/** Markdown link targets, e.g. [words](target) and <https://…>. */
export function markdownLinks(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)) out.push(m[1] ?? '');
  for (const m of markdown.matchAll(/<((?:[a-z]+):[^>\s]+)>/gi)) out.push(m[1] ?? '');
  return out;
}

export function isSafeLink(target: string): boolean {
  return /^(?:https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+0-9 ]+)$/i.test(target);
}
