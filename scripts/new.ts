// npm run new: start a new provider file by answering a few questions (or giving the answers as flags).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { isMobile, looksPersonalEmail, normalisePhone } from '../src/lib/validate/contact-checks.ts';
import { dataDir, readDataSources } from '../src/lib/dataset/dataset-fs.ts';
import { displayPath, writeNewFileAtomic } from '../src/lib/upkeep/fmt-fs.ts';
import { formatProblem, hasErrors } from '../src/lib/validate/problems.ts';
import { newProvider, renderProvider, slugify, type NewProviderAnswers } from '../src/lib/provider-yaml.ts';
import { providerSchema } from '../src/lib/dataset/schema.ts';
import { loadVocabularies, validateSources } from '../src/lib/validate/index.ts';
import type { VocabularyName } from '../src/lib/dataset/vocab.ts';
import { answerReaders, email, maxLength, phone, required, slugOf, website, Wrong, yesNo } from '../src/lib/upkeep/new-answers.ts';
import { readArgs } from './cli.ts';

const HELP = `Usage: npm run new [-- [options]]

Starts a new provider file, data/providers/<id>.yaml, by asking a few
questions in the terminal. Answers you give as options are not asked again;
with --non-interactive nothing is asked and every required answer must be
given as an option. The file is checked with the validator before it is
written, and an existing file is never replaced.

Required answers:
  --name TEXT            the name of the organisation or group
  --summary TEXT         one sentence on what it does
  --led-by TERM          who leads it (see data/vocab/leaders.yaml)
  --area TERM            an area it serves; repeat, or separate with commas
  --community TERM       who the service is for; repeat or use commas
                         ("everyone" when it is open to anyone)
  --source TEXT          where the information came from: a web page, a
                         report, a leaflet or "phone call with the group"
  --source-date DATE     the date the source shows: a year (2023), a month
                         (2023-02), a date (2023-02-14) or undated

Optional answers:
  --service-name TEXT    the name of its first service, for example
                         "Tuesday evening group" (default: the name)
  --format TERM          the shape of the support; repeat or use commas
  --website URL          its website, starting with https://
  --email ADDRESS        its email address
  --phone NUMBER         its phone number, like 01273 123456
  --consent-date DATE    the date (YYYY-MM-DD) the person agreed, when the
                         phone or email is someone's own (a mobile number or
                         a personal address needs their agreement)
  --source-url URL       a web address for the source
  --verified             the group itself confirmed these details (today:
                         last_checked is set to --today)
  --service-id ID        the service's id (default: from its name)
  --slug ID              the file name without .yaml (default: from the name)

Terms can be given by id (user-led), by label ("User-led organisation") or,
when asked, by number.

Other options:
  --non-interactive      ask nothing; fail if a required answer is missing
  --dry-run              print the file instead of writing it
  --data DIR             the data folder (default: data/, or $SPSD_DATA_DIR)
  --today YYYY-MM-DD     today's date, for --verified and for dates in the
                         future (default: today)
  --help                 show this help

Exit status: 0 when the file was written (or printed), 1 when it was not
(an answer was missing or wrong, or the file exists), 2 when the command
was used wrongly.`;

const OPTIONS = {
  name: { type: 'string' },
  summary: { type: 'string' },
  'led-by': { type: 'string' },
  area: { type: 'string', multiple: true },
  'service-name': { type: 'string' },
  'service-id': { type: 'string' },
  format: { type: 'string', multiple: true },
  community: { type: 'string', multiple: true },
  website: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  'consent-date': { type: 'string' },
  source: { type: 'string' },
  'source-url': { type: 'string' },
  'source-date': { type: 'string' },
  verified: { type: 'boolean' },
  slug: { type: 'string' },
  'non-interactive': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  data: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

const { values } = readArgs('new', HELP, { options: OPTIONS, allowPositionals: false }) as { values: Values };
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error('new: --today must be a date like 2026-03-31');
  process.exit(2);
}

/** Stop without writing anything. */
class Stop extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

const root = values.data ? path.resolve(values.data) : dataDir();
const today = values.today ?? new Date().toISOString().slice(0, 10);
const interactive = !values['non-interactive'];
const sources = readDataSources(root);
const { vocab, problems: vocabProblems } = loadVocabularies(sources.vocab);
if (hasErrors(vocabProblems)) {
  for (const p of vocabProblems) console.error(formatProblem(p));
  console.error('new: the vocabularies have errors (above); fix them first.');
  process.exit(1);
}

const { terms, date, published } = answerReaders(vocab, today);

// ---------------------------------------------------------------------------------------------
// Asking

let rl: Interface | undefined;
const pending: string[] = [];
let waiting: ((line: string | undefined) => void) | undefined;
let ended = false;

function openTerminal(): void {
  rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  // Lines are queued, so answers piped in all at once are never lost between questions.
  rl.on('line', (line) => {
    if (waiting) {
      const w = waiting;
      waiting = undefined;
      w(line);
    } else pending.push(line);
  });
  rl.on('close', () => {
    ended = true;
    waiting?.(undefined);
    waiting = undefined;
  });
  rl.on('SIGINT', () => {
    console.log('\nStopped. Nothing was written.');
    process.exit(130);
  });
}

function nextLine(prompt: string): Promise<string | undefined> {
  rl?.setPrompt(prompt);
  rl?.prompt();
  if (pending.length) {
    const line = pending.shift() as string;
    if (!process.stdin.isTTY) process.stdout.write(`${line}\n`);
    return Promise.resolve(line);
  }
  if (ended) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    waiting = (line) => {
      if (line !== undefined && !process.stdin.isTTY) process.stdout.write(`${line}\n`);
      resolve(line);
    };
  });
}

interface Question<T> {
  /** The option that answers it. */
  flag: keyof Values;
  prompt: string;
  /** Printed before the prompt, e.g. the numbered choices. */
  intro?: string;
  /** Used when the answer is left blank; undefined means blank is passed on. */
  fallback?: string;
  check: (answer: string) => T;
  /** Required questions must be answered in --non-interactive mode. */
  needed?: boolean;
}

function flagValue(flag: keyof Values): string | undefined {
  const v = values[flag];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.join(',');
  return typeof v === 'boolean' ? (v ? 'y' : 'n') : v;
}

async function ask<T>(q: Question<T>): Promise<T> {
  const given = flagValue(q.flag);
  if (given !== undefined) {
    try {
      return q.check(given);
    } catch (error) {
      if (error instanceof Wrong) throw new Stop(`--${String(q.flag)}: ${error.message}`);
      throw error;
    }
  }
  if (!interactive) {
    if (q.needed) throw new Stop(`--${String(q.flag)} is needed (${q.prompt.replace(/[?:]\s*$/, '').trim().toLowerCase()}).`);
    return q.check(q.fallback ?? '');
  }
  if (!rl) openTerminal();
  if (q.intro) process.stdout.write(`\n${q.intro}\n`);
  for (;;) {
    const line = await nextLine(`${q.prompt} `);
    if (line === undefined) throw new Stop('The answers ended before every question was answered. Nothing was written.');
    try {
      return q.check(line.trim() === '' && q.fallback !== undefined ? q.fallback : line);
    } catch (error) {
      if (!(error instanceof Wrong)) throw error;
      process.stdout.write(`  ${error.message}\n`);
    }
  }
}

function choices(name: VocabularyName): string {
  return vocab[name].terms.map((t, i) => `  ${String(i + 1).padStart(2)}. ${t.label} (${t.id})`).join('\n');
}

// ---------------------------------------------------------------------------------------------

const providersDir = path.join(root, 'providers');

const REQUIRED: (keyof Values)[] = ['name', 'summary', 'led-by', 'area', 'community', 'source', 'source-date'];

async function main(): Promise<void> {
  if (!interactive) {
    const missing = REQUIRED.filter((f) => values[f] === undefined);
    if (missing.length) throw new Stop(`with --non-interactive these answers are needed: ${missing.map((f) => `--${f}`).join(', ')}. Nothing was written. See npm run new -- --help.`);
  }
  if (interactive && !values.name) {
    console.log('Add a peer support group to the directory. Press Enter to skip a question marked (optional).');
    console.log('Nothing is written until the last question is answered.');
  }
  const name = await ask({ flag: 'name', prompt: 'What is the organisation or group called?', check: maxLength('A name', 120), needed: true });
  // The file name comes from the name; it is asked only when the name gives no usable one.
  const slug =
    values.slug !== undefined || !slugify(name)
      ? await ask({ flag: 'slug', prompt: 'File name, in lower case with hyphens (for example my-group):', check: slugOf, needed: true })
      : slugify(name);
  const file = path.join(providersDir, `${slug}.yaml`);
  if (existsSync(file))
    throw new Stop(`${displayPath(file)} already exists, so nothing was written. To correct that group, edit the file. If this is a different group, choose another file name with --slug.`);
  const summary = await ask({ flag: 'summary', prompt: 'In one sentence, what does it do?', check: maxLength('A summary', 240), needed: true });
  const ledBy = await ask({ flag: 'led-by', intro: `Who leads it?\n${choices('leaders')}`, prompt: 'Number or id:', check: (a) => terms('leaders', a, false)[0] as string, needed: true });
  const areas = await ask({ flag: 'area', intro: `Which areas does it serve?\n${choices('areas')}`, prompt: 'Numbers or ids, separated by commas:', check: (a) => terms('areas', required('At least one area')(a), true), needed: true });
  const serviceName = await ask({
    flag: 'service-name',
    prompt: `What is its first service called, for example "Tuesday evening group"? (press Enter for "${name}")`,
    fallback: name,
    check: maxLength('A service name', 120),
  });
  const serviceId = values['service-id'] !== undefined ? await ask({ flag: 'service-id', prompt: '', check: slugOf }) : undefined;
  const formats = await ask({ flag: 'format', intro: `What shape does the support take? (optional)\n${choices('formats')}`, prompt: 'Numbers or ids, separated by commas:', check: (a) => (a.trim() ? terms('formats', a, true) : undefined) });
  const communities = await ask({
    flag: 'community',
    intro: `Who is the service for?\n${choices('communities')}`,
    prompt: 'Numbers or ids, separated by commas (press Enter for everyone):',
    fallback: interactive ? 'everyone' : undefined,
    check: (a) => terms('communities', required('At least one community')(a), true),
    needed: true,
  });
  const site = await ask({ flag: 'website', prompt: 'Website (optional):', check: website });
  const mail = await ask({ flag: 'email', prompt: 'Email address (optional):', check: email });
  const tel = await ask({ flag: 'phone', prompt: 'Phone number (optional):', check: phone });
  const personal: string[] = [];
  const digits = tel ? normalisePhone(tel) : undefined;
  if (digits && isMobile(digits)) personal.push(`${tel} is a mobile number`);
  if (mail && looksPersonalEmail(mail)) personal.push(`${mail} looks like a personal email address`);
  let consentDate: string | undefined;
  if (personal.length) {
    const why = `${personal.join(' and ')}. Listing someone's own phone or email can reveal their health history, so it needs their agreement.`;
    if (values['consent-date'] !== undefined || !interactive) {
      consentDate = await ask({ flag: 'consent-date', prompt: 'the date the person agreed to be listed', check: date, needed: true }).catch((error: unknown) => {
        if (error instanceof Stop && values['consent-date'] === undefined)
          throw new Stop(`${why} Give --consent-date with the date they agreed, or use the organisation's own phone and email instead.`);
        throw error;
      });
    } else {
      console.log(`  ${why}`);
      const agreed = await ask({ flag: 'consent-date', prompt: 'Did the person agree to be listed? (y/N)', check: yesNo });
      if (!agreed) throw new Stop("Then leave their phone or email out, or use the organisation's own. Nothing was written; run npm run new again.");
      consentDate = await ask({ flag: 'consent-date', prompt: `When did they agree? (YYYY-MM-DD, press Enter for ${today})`, fallback: today, check: (a) => date(a) ?? today });
    }
  }
  const source = await ask({
    flag: 'source',
    prompt: 'Where did this information come from? (for example "phone call with the group", or the name of a leaflet)',
    check: required('Where the information came from'),
    needed: true,
  });
  const sourceUrl = await ask({ flag: 'source-url', prompt: 'A web address for that source (optional):', check: website });
  const sourcePublished = await ask({
    flag: 'source-date',
    prompt: `What date does that source show? A year (2023), a month (2023-02), a date, or undated. (press Enter for ${today}, if you heard it today)`,
    fallback: today,
    check: published,
    needed: true,
  });
  const verified = await ask({ flag: 'verified', prompt: 'Did the group itself confirm these details? (y/N)', check: yesNo });

  const answers: NewProviderAnswers = {
    name, summary, ledBy, areas, serviceName, formats, communities, website: site, email: mail, phone: tel,
    source, sourceUrl, sourcePublished, verified, today, consentDate, ...(serviceId ? { serviceId } : {}),
  };
  const text = renderProvider(newProvider(answers), providerSchema(vocab));

  // Check it as the validator will, with the rest of the data folder (so a duplicate name is noticed).
  const shown = displayPath(file);
  const result = validateSources({ ...sources, providers: [...sources.providers, { path: shown, bytes: text }] }, { today });
  const mine = result.problems.filter((p) => p.file === shown);
  for (const p of mine) console.error(formatProblem(p));
  if (hasErrors(mine)) throw new Stop('The answers above do not make a valid entry, so nothing was written. Run npm run new again with the answers corrected.');

  if (values['dry-run']) {
    process.stdout.write(text);
    return;
  }
  mkdirSync(providersDir, { recursive: true });
  try {
    writeNewFileAtomic(file, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Stop(`${shown} already exists, so nothing was written.`);
    throw error;
  }
  console.log(`\nCreated ${shown}.`);
  console.log('Next: open it and add what you know (a description, where and when it meets); your editor shows help for each field.');
  console.log(`Then check it with: npm run validate -- ${shown}`);
}

try {
  await main();
  rl?.close();
  process.exit(0);
} catch (error) {
  rl?.close();
  if (error instanceof Stop) {
    console.error(`new: ${error.message}`);
    process.exit(error.status);
  }
  throw error;
}
