// npm run new's answers: each read from what was typed (or given as a flag), or refused with a Wrong that
// says how to write it. Pure: the vocabularies and today's date are passed in.
import { normalisePhone } from '../validate/contact-checks.ts';
import { realPartialDate, webAddressProblem } from '../validate/entry-checks.ts';
import { inFuture, isDated } from '../model/source-age.ts';
import { closestSpelling, matchTerm } from '../validate/term-match.ts';
import type { Vocabularies, VocabularyName } from '../dataset/vocab.ts';

/** A wrong answer: interactive mode asks again, non-interactive mode stops. */
export class Wrong extends Error {}


export function required(what: string) {
  return (answer: string) => {
    if (!answer.trim()) throw new Wrong(`${what} is needed.`);
    return answer.trim();
  };
}

export function maxLength(what: string, limit: number) {
  return (answer: string) => {
    const text = required(what)(answer);
    if (text.length > limit) throw new Wrong(`That is ${text.length} characters; keep it to ${limit} or fewer.`);
    return text;
  };
}

export function website(answer: string): string | undefined {
  const given = answer.trim();
  if (!given) return undefined;
  // "example.org/cafe" lacks only the https:// the validator needs; anything with a scheme is checked as it is.
  const url = /^[a-z][a-z0-9+.-]*:/i.test(given) ? given : `https://${given}`;
  const problem = webAddressProblem(url);
  if (problem) throw new Wrong(`"${url}" ${problem}`);
  return url;
}

export function email(answer: string): string | undefined {
  const value = answer.trim();
  if (!value) return undefined;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new Wrong(`"${value}" is not an email address. Write it like name@example.org.`);
  return value;
}

export function phone(answer: string): string | undefined {
  const value = answer.trim();
  if (!value) return undefined;
  if (!normalisePhone(value)) throw new Wrong(`"${value}" is not a UK phone number. Write it as it is dialled from the UK, like 01273 123456.`);
  return value;
}

export function slugOf(answer: string): string {
  const value = answer.trim();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) throw new Wrong(`"${value}" must be lower-case letters, numbers and hyphens, like my-group.`);
  return value;
}

export function yesNo(answer: string): boolean {
  const a = answer.trim().toLowerCase();
  if (a === '' || a === 'n' || a === 'no') return false;
  if (a === 'y' || a === 'yes') return true;
  throw new Wrong('Answer y (yes) or n (no).');
}

/** The answers that need the vocabularies (terms) or today's date (dates not in the future). */
export function answerReaders(vocab: Vocabularies, today: string) {
  function terms(name: VocabularyName, answer: string, multiple: boolean): string[] {
    const list = vocab[name].terms;
    const parts = multiple ? answer.split(',').map((s) => s.trim()).filter(Boolean) : [answer.trim()];
    const out: string[] = [];
    for (const part of parts) {
      const term = /^\d+$/.test(part) ? list[Number(part) - 1] : matchTerm(list, part);
      if (!term) {
        const ids = list.map((t) => t.id);
        const best = closestSpelling(part, ids);
        throw new Wrong(`"${part}" is not one of the choices.${best ? ` Did you mean "${best}"?` : ''} Choose from: ${ids.join(', ')}.`);
      }
      if (!out.includes(term.id)) out.push(term.id);
    }
    if (!multiple && out.length !== 1) throw new Wrong('Choose one.');
    return out;
  }

  function date(answer: string): string | undefined {
    const value = answer.trim();
    if (!value) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Wrong(`"${value}" is not a date like 2026-03-31.`);
    if (value > today) throw new Wrong(`"${value}" is in the future. Use the date the person agreed.`);
    return value;
  }

  /** The date a source shows: a real year, month or date, not in the future; or undated. */
  function published(answer: string): string {
    const value = answer.trim().toLowerCase() === 'undated' ? 'undated' : answer.trim();
    if (value === 'undated') return value;
    if (!isDated(value) || !realPartialDate(value)) throw new Wrong(`"${value}" is not a date a source shows. Write a year (2023), a month (2023-02), a date (2023-02-14), or undated.`);
    if (inFuture(value, today)) throw new Wrong(`"${value}" is in the future. Write the date the source itself shows.`);
    return value;
  }
  return { terms, date, published };
}
