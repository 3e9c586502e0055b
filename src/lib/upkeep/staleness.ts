// The upkeep report: entries nobody has checked for a year, and websites that no longer answer.
// No file system here; the network is whatever `fetch` the caller passes (tests pass a local stub server).
import type { Dataset } from '../model/types.ts';
import { errorCode } from './error-cause.ts';
import { ageOf, endOfPeriod, monthsSince, providerAge, RECHECK_AFTER_MONTHS, type Age } from '../model/source-age.ts';
import { plural } from '../text/words.ts';

export const REPORT_MARKER = '<!-- spsd-staleness-report -->';
export const DEFAULT_MONTHS = RECHECK_AFTER_MONTHS;

export interface StaleEntry {
  kind: 'provider' | 'signatory';
  slug: string;
  file: string;
  name: string;
  /**
   * The date its facts are from: when a person last checked it with the group (YYYY-MM-DD), or else the date
   * its newest source shows (YYYY, YYYY-MM or YYYY-MM-DD); undefined when nothing gives a date.
   */
  date?: string;
  /** checked: a person confirmed it with the group on `date`; source: its newest source shows `date`. */
  dateKind?: 'checked' | 'source';
  /** Whole months since that date (a year or month counts from its last day). */
  months?: number;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() ? value : fallback;
}

/**
 * Entries whose facts are `months` or more months old on `today`, oldest first: for an entry a person checked
 * with the group, since that check (last_checked); for the others, since the date their newest source shows. Entries with no
 * date at all come first.
 */
export function staleEntries(dataset: Dataset, today: string, months = DEFAULT_MONTHS): StaleEntry[] {
  const out: StaleEntry[] = [];
  // A date a person checked with the group is what wants renewing, even where a source is newer.
  const dated = (verification: { last_checked?: string }, age: Age): Age =>
    verification.last_checked ? { kind: 'checked', date: verification.last_checked, old: age.old } : age;
  const all: { kind: StaleEntry['kind']; slug: string; file: string; name: unknown; age: Age }[] = [
    ...dataset.providers.map((e) => ({ kind: 'provider' as const, slug: e.slug, file: e.file, name: e.data.name, age: dated(e.data.verification, providerAge(e.data, today)) })),
    ...dataset.signatories.map((e) => ({ kind: 'signatory' as const, slug: e.slug, file: e.file, name: e.data.name, age: dated(e.data.verification, ageOf({ verification: e.data.verification }, today)) })),
  ];
  for (const { kind, slug, file, name, age } of all) {
    const base = { kind, slug, file, name: text(name, slug) };
    if (!age.date || age.kind === 'unknown') out.push(base);
    else {
      const since = monthsSince(age.kind === 'checked' ? age.date : endOfPeriod(age.date), today);
      if (since >= months) out.push({ ...base, date: age.date, dateKind: age.kind, months: since });
    }
  }
  const key = (s: StaleEntry) => (s.date ? endOfPeriod(s.date) : '');
  return out.sort((a, b) => key(a).localeCompare(key(b)) || a.name.localeCompare(b.name) || a.file.localeCompare(b.file));
}

export interface WebsiteUse {
  file: string;
  name: string;
  /** "website" of the entry, or "services[2].website (Tuesday group)". */
  where: string;
}

export interface Website {
  url: string;
  uses: WebsiteUse[];
}

/** Every website the directory shows, once each, with where it is used. Closed services are left out. */
export function websitesToCheck(dataset: Dataset): Website[] {
  const byUrl = new Map<string, WebsiteUse[]>();
  const add = (url: unknown, use: WebsiteUse) => {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return;
    const list = byUrl.get(url) ?? [];
    list.push(use);
    byUrl.set(url, list);
  };
  for (const p of dataset.providers) {
    const name = text(p.data.name, p.slug);
    add(p.data.website, { file: p.file, name, where: 'website' });
    (Array.isArray(p.data.services) ? p.data.services : []).forEach((s, i) => {
      if (!s || typeof s !== 'object' || s.status === 'closed') return;
      add(s.website, { file: p.file, name, where: `services[${i}].website (${text(s.name, String(s.id))})` });
    });
  }
  for (const s of dataset.signatories) add(s.data.website, { file: s.file, name: text(s.data.name, s.slug), where: 'website' });
  return [...byUrl].map(([url, uses]) => ({ url, uses })).sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * ok: it answered; failed: it did not; refused: it answered but would not serve an automatic check (check by hand);
 * unchecked: there was no network to ask it over, which says nothing about the site.
 */
export type LinkVerdict = 'ok' | 'failed' | 'refused' | 'unchecked';

export interface LinkResult {
  url: string;
  verdict: LinkVerdict;
  /** The last HTTP status, when there was an answer. */
  status?: number;
  /** Where redirects ended, when that is not the address itself. */
  finalUrl?: string;
  /** In plain words, for the report. */
  reason: string;
  /** The network error's code, when there was no answer. */
  code?: string;
}

export interface CheckOptions {
  fetch?: typeof fetch;
  /** Per request; HEAD and GET each get this long. Default 10 seconds. */
  timeoutMs?: number;
  /** How many sites are checked at once. Default 4. */
  concurrency?: number;
  userAgent?: string;
}

export const DEFAULT_USER_AGENT = 'SussexPeerSupportDirectory-LinkCheck/1.0 (weekly check that listed websites still answer)';

type Attempt = { status: number; finalUrl: string } | { error: string; code?: string };

function errorMessages(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string') parts.push(m);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(': ');
}

/** Codes that mean this machine could not reach the network (EAI_AGAIN: no name server answered), not that a site is gone. */
const NO_NETWORK = new Set(['EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN']);
const NO_NETWORK_REASON = 'could not check: no network';

function describeError(error: unknown, timeoutMs: number): { error: string; code?: string } {
  const name = (error as { name?: string } | undefined)?.name;
  const code = errorCode(error);
  const all = errorMessages(error);
  const seconds = Math.round(timeoutMs / 100) / 10;
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'ETIMEDOUT')
    return { error: `did not answer within ${seconds} second${seconds === 1 ? '' : 's'}`, code: 'TIMEOUT' };
  if (code && NO_NETWORK.has(code)) return { error: NO_NETWORK_REASON, code };
  if (code === 'ENOTFOUND') return { error: 'the domain name was not found (it may have expired)', code };
  if (code === 'ECONNREFUSED') return { error: 'the server refused the connection', code };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { error: 'the connection was cut off', code };
  if (code && /CERT|SSL|TLS|ALTNAME|SELF_SIGNED/.test(code)) return { error: `its security certificate is not valid (${code})`, code };
  if (/redirect count exceeded|redirect loop/i.test(all)) return { error: 'it redirects in a loop', code: 'REDIRECT_LOOP' };
  return { error: `could not connect (${code ?? (all || 'unknown error')})`, code };
}

async function attempt(url: string, method: 'HEAD' | 'GET', options: Required<CheckOptions>): Promise<Attempt> {
  try {
    const response = await options.fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    // Only the status matters: never download the page.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, finalUrl: response.url || url };
  } catch (error) {
    return describeError(error, options.timeoutMs);
  }
}

function statusWords(status: number): string {
  const words: Record<number, string> = {
    400: 'bad request',
    401: 'asks for a login',
    403: 'refused (forbidden)',
    404: 'page not found',
    410: 'page gone',
    429: 'too many requests',
    500: 'server error',
    502: 'bad gateway',
    503: 'service unavailable',
    504: 'gateway timeout',
  };
  return `${words[status] ?? (status >= 500 ? 'server error' : 'error')} (HTTP ${status})`;
}

/** Statuses that say the site is there but will not serve a robot: a person should look. */
const REFUSING = new Set([401, 403, 405, 406, 429, 999]);

/** Asks for the page's headers (HEAD); if that fails, asks for the page (GET), as some servers do not answer HEAD. */
export async function checkWebsite(url: string, options: CheckOptions = {}): Promise<LinkResult> {
  const opts: Required<CheckOptions> = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    concurrency: options.concurrency ?? 4,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
  };
  const moved = (finalUrl: string) => (finalUrl && finalUrl !== url ? { finalUrl } : {});
  const head = await attempt(url, 'HEAD', opts);
  if ('status' in head && head.status < 400) return { url, verdict: 'ok', status: head.status, ...moved(head.finalUrl), reason: 'answered' };
  // A missing domain or a refused connection will not be different for GET.
  if ('code' in head && head.code && NO_NETWORK.has(head.code)) return { url, verdict: 'unchecked', reason: head.error, code: head.code };
  if ('code' in head && (head.code === 'ENOTFOUND' || head.code === 'ECONNREFUSED')) return { url, verdict: 'failed', reason: head.error, code: head.code };
  const get = await attempt(url, 'GET', opts);
  if ('status' in get) {
    if (get.status < 400) return { url, verdict: 'ok', status: get.status, ...moved(get.finalUrl), reason: 'answered' };
    return { url, verdict: REFUSING.has(get.status) ? 'refused' : 'failed', status: get.status, ...moved(get.finalUrl), reason: statusWords(get.status) };
  }
  if (get.code && NO_NETWORK.has(get.code)) return { url, verdict: 'unchecked', reason: get.error, code: get.code };
  return { url, verdict: 'failed', reason: get.error, code: get.code };
}

/** Checks many sites, a few at a time; results come back in the order of `urls`. */
export async function checkWebsites(urls: string[], options: CheckOptions = {}): Promise<LinkResult[]> {
  const results: LinkResult[] = new Array(urls.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, urls.length)) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= urls.length) return;
      results[i] = await checkWebsite(urls[i] as string, options);
    }
  });
  await Promise.all(workers);
  // Every name not found and no site answering at all is this machine's network, not every domain expiring at once.
  const noAnswer = results.every((r) => r.verdict === 'unchecked' || r.code === 'ENOTFOUND');
  if (results.length > 1 && noAnswer) return results.map((r) => ({ ...r, verdict: 'unchecked', reason: NO_NETWORK_REASON }));
  return results;
}

// ---------------------------------------------------------------------------------------------
// The report

export interface ReportInput {
  today: string;
  months?: number;
  stale: StaleEntry[];
  websites: Website[];
  /** Undefined when websites were not checked (--offline). */
  results?: LinkResult[];
  /** https://github.com/owner/repo, to link each file; plain file names without it. */
  repoUrl?: string;
  branch?: string;
  timeoutMs?: number;
  /** GitHub issue bodies are limited to 65,536 characters. */
  maxChars?: number;
}

export interface Report {
  markdown: string;
  /** Entries and websites that need a person to look. */
  findings: number;
}

function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function fileLink(file: string, input: ReportInput): string {
  if (!input.repoUrl) return `\`${file}\``;
  return `[\`${file}\`](${input.repoUrl.replace(/\/$/, '')}/blob/${input.branch ?? 'main'}/${file.split('/').map(encodeURIComponent).join('/')})`;
}

function table<T>(rows: T[], limit: number, header: string, row: (r: T) => string): string[] {
  const lines = [header, header.replace(/[^|]+/g, ' --- ')];
  for (const r of rows.slice(0, limit)) lines.push(row(r));
  if (rows.length > limit) lines.push('', `…and ${rows.length - limit} more. Run \`npm run report:stale\` for the full list.`);
  return lines;
}

function render(input: ReportInput, limit: number): string {
  const months = input.months ?? DEFAULT_MONTHS;
  const results = input.results;
  const byUrl = new Map(input.websites.map((w) => [w.url, w]));
  const failed = (results ?? []).filter((r) => r.verdict === 'failed');
  const refused = (results ?? []).filter((r) => r.verdict === 'refused');
  const seconds = Math.round((input.timeoutMs ?? 10_000) / 1000);
  const usedBy = (r: LinkResult) =>
    (byUrl.get(r.url)?.uses ?? []).map((u) => `${cell(u.name)} — ${fileLink(u.file, input)}${u.where === 'website' ? '' : ` (${cell(u.where)})`}`).join('<br>');
  const out: string[] = [
    REPORT_MARKER,
    '# Upkeep: entries and websites to check',
    '',
    `Made on ${input.today} by \`npm run report:stale\`. The weekly upkeep workflow updates this issue, and closes it when there is nothing left to check.`,
    '',
  ];
  const summary = [`**${plural(input.stale.length, 'entry', 'entries')}** with facts ${months} months old or more`];
  if (results) summary.push(`**${plural(failed.length, 'website')}** that did not answer`, `**${plural(refused.length, 'website')}** that refused an automatic check`);
  out.push(`Found: ${summary.join(', ')}.`);
  if (!results) out.push('', 'Websites were not checked this time.');
  const unchecked = (results ?? []).filter((r) => r.verdict === 'unchecked').length;
  if (unchecked) out.push('', `Could not check ${plural(unchecked, 'website')}: no network. Run \`npm run report:stale\` again when the network is back.`);
  out.push('', `## Entries with facts ${months} months old or more`, '');
  if (!input.stale.length) out.push(`None: every entry was checked with its group, or has a source, from the last ${months} months.`);
  else {
    out.push(
      'Check each one with the group (CONTRIBUTING.md, "Correct a group"), or look for a newer source and add it to `sources`. If the group confirmed the details, set `status: verified` and `last_checked` to the date you checked. If a source says a service has closed, mark it `status: closed` with a `status_note` that names the source: never delete the file.',
      '',
      ...table(input.stale, limit, '| Entry | Facts from | File |', (s) =>
        `| ${cell(s.name)}${s.kind === 'signatory' ? ' (Charter signatory)' : ''} | ${s.date ? `${s.dateKind === 'checked' ? 'checked' : 'newest source'} ${s.date} (${plural(s.months ?? 0, 'month')} ago)` : 'no dated source'} | ${fileLink(s.file, input)} |`,
      ),
    );
  }
  if (results) {
    out.push('', '## Websites that did not answer', '');
    if (!failed.length) out.push('None: every website answered.');
    else
      out.push(
        `Each was asked twice (HEAD, then GET), following redirects, with ${seconds} seconds to answer. A site can be down for a day: open it in a browser before you change anything. If the group has moved, update the address; if it has closed, mark it closed.`,
        '',
        ...table(failed, limit, '| Website | Problem | Used by |', (r) => `| <${r.url}> | ${cell(r.reason)} | ${usedBy(r)} |`),
      );
    if (refused.length)
      out.push(
        '',
        '## Websites that refused an automatic check',
        '',
        'These answered, but would not show the page to a robot. Open each in a browser to see that it still works.',
        '',
        ...table(refused, limit, '| Website | Answer | Used by |', (r) => `| <${r.url}> | ${cell(r.reason)} | ${usedBy(r)} |`),
      );
  }
  return `${out.join('\n')}\n`;
}

/** The report as Markdown, shortened if needed to fit in a GitHub issue. */
export function renderReport(input: ReportInput): Report {
  const results = input.results ?? [];
  const findings = input.stale.length + results.filter((r) => r.verdict === 'failed' || r.verdict === 'refused').length;
  const maxChars = input.maxChars ?? 60_000;
  let limit = Math.max(input.stale.length, results.length, 1);
  let markdown = render(input, limit);
  while (markdown.length > maxChars && limit > 1) {
    limit = Math.max(1, Math.floor(limit * 0.8));
    markdown = render(input, limit);
  }
  return { markdown, findings };
}
