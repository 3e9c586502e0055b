// Synthetic providers for the benchmark (npm run bench) and bench/generate.ts: a deterministic, realistic
// mix that passes the validator. Pure: it takes the vocabularies and returns file contents; it never touches
// the file system, so nothing can end up in data/ by accident.
import type { Vocabularies, VocabTerm } from '../../src/lib/dataset/vocab.ts';
import { LIST_ITEMS, MIDDLES, NOUNS, ONLINE_SERVICE_NAMES, OPENINGS, PHONE_CODES, SERVICE_NAMES, SOURCES, SUMMARIES, TOPICS, TOWNS, WHO, type Town } from './synthetic-words.ts';
import { block, emit, flowList, flowMap, scalar } from './synthetic-yaml.ts';
import { Random } from './random.ts';

/** The seed used unless another is given: the same seed, count and date always give the same bytes. */
export const DEFAULT_SEED = 0x5eed_2026;

export interface SyntheticOptions {
  /** How many providers to write. */
  count: number;
  /** PRNG seed; default DEFAULT_SEED. */
  seed?: number;
  /**
   * The date the entries were "last checked" relative to, as YYYY-MM-DD. Dates fall in the 10 months before
   * it, so the validator (which checks against its own today) finds nothing stale or in the future as long as
   * validation runs within two months after this date. Default: today (UTC).
   */
  today?: string;
  vocab: Vocabularies;
}

export interface SyntheticFile {
  /** Path inside the data folder, e.g. providers/hastings-hearing-voices-group.yaml. */
  path: string;
  content: string;
}

export interface SyntheticDataset {
  providers: SyntheticFile[];
  signatories: SyntheticFile[];
}

// ---- the generator -------------------------------------------------------------------------------------------

function kebab(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[’']/g, '')
    .replace(/\+/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function ids(vocab: Vocabularies, name: keyof Vocabularies): string[] {
  return vocab[name].terms.map((t) => t.id);
}

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function generateSynthetic(options: SyntheticOptions): SyntheticDataset {
  const { count, vocab } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number of providers, not ${count}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be a date like 2026-03-31, not ${today}`);
  const rnd = new Random(seed);

  const areas = vocab.areas.terms.filter((a): a is VocabTerm & { bounds: [number, number, number, number] } => !!a.bounds);
  const districtArea = new Map(vocab.districts.terms.map((d) => [d.id, d.area ?? '']));
  const townsIn = new Map(areas.map((a) => [a.id, TOWNS.filter((t) => districtArea.get(t.district) === a.id)]));
  const usableAreas = areas.filter((a) => (townsIn.get(a.id) ?? []).length > 0);
  if (!usableAreas.length) throw new Error('the vocabularies have no areas with bounds and known towns');
  const known = (name: keyof Vocabularies, values: string[]) => values.filter((v) => ids(vocab, name).includes(v));
  const leaders = ids(vocab, 'leaders');
  const communities = ids(vocab, 'communities');
  const access = ids(vocab, 'access');
  const supporters = ids(vocab, 'supporters');
  const formality = ids(vocab, 'formality');
  const accessibility = ids(vocab, 'accessibility');
  const languages = ids(vocab, 'languages');
  const weekdays = ids(vocab, 'weekdays');
  const weeks = ids(vocab, 'weeks-of-month');
  const frequencies = ids(vocab, 'frequencies');

  const names = new Set<string>();
  const slugs = new Set<string>();
  const providers: SyntheticFile[] = [];
  const signatories: SyntheticFile[] = [];

  function placeNear(town: Town, bounds: readonly [number, number, number, number]): [number, number] {
    const [south, west, north, east] = bounds;
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi - 0.0005, Math.max(lo + 0.0005, v));
    const lat = clamp(town.lat + (rnd.float() - 0.5) * 0.024, south, north);
    const lng = clamp(town.lng + (rnd.float() - 0.5) * 0.036, west, east);
    return [Number(lat.toFixed(5)), Number(lng.toFixed(5))];
  }

  function postcode(town: Town): string {
    const letters = 'ABDEFGHJLNPQRSTUWXYZ';
    return `${rnd.pick(town.postcodes)} ${rnd.int(1, 9)}${rnd.pick([...letters])}${rnd.pick([...letters])}`;
  }

  function landline(district: string): string {
    const code = PHONE_CODES[district] ?? '01273';
    return `${code} ${String(rnd.int(200000, 999999))}`;
  }

  function paragraph(): string {
    const parts = [rnd.pick(OPENINGS), ...rnd.some(MIDDLES, 2, 4)];
    return parts.join(' ');
  }

  /** none, short (a sentence or two) or long (paragraphs, a list, a link); long ones run to a few KB. */
  function description(kind: 'none' | 'short' | 'long', website: string): string | undefined {
    if (kind === 'none') return undefined;
    if (kind === 'short') return rnd.chance(0.5) ? rnd.pick(MIDDLES) : `${rnd.pick(OPENINGS)} ${rnd.pick(MIDDLES)}`;
    const paras = [paragraph(), paragraph()];
    paras.push(`What we offer:\n\n${rnd.some(LIST_ITEMS, 3, 6).map((i) => `- ${i}`).join('\n')}`);
    for (let i = rnd.int(1, 4); i > 0; i--) paras.push(paragraph());
    paras.push(`Read more on [our website](${website}) or *just come along*.`);
    return `${paras.join('\n\n')}\n`;
  }

  function sessions(): string | undefined {
    const n = rnd.weighted([[1, 6], [2, 3], [3, 1]] as const);
    const out: string[] = [];
    const days = rnd.some(weekdays, n, n);
    for (const day of days) {
      const frequency = rnd.weighted(known('frequencies', ['weekly', 'fortnightly', 'monthly']).map((f) => [f, f === 'weekly' ? 6 : 2] as const));
      const startHour = rnd.int(9, 19);
      const start = `${String(startHour).padStart(2, '0')}:${rnd.pick(['00', '30'])}`;
      const end = `${String(startHour + rnd.int(1, 3)).padStart(2, '0')}:${start.slice(3)}`;
      out.push(
        flowMap({
          day,
          start,
          end,
          frequency,
          week_of_month: frequency === 'monthly' && weeks.length ? rnd.pick(weeks) : undefined,
          note: rnd.chance(0.1) ? 'Not in August.' : undefined,
        }),
      );
    }
    if (!frequencies.length || !out.length) return undefined;
    return `\n${out.map((s) => `        - ${s}\n`).join('')}`;
  }

  for (let i = 0; i < count; i++) {
    // Where: one area (most), two, or all three (county-wide organisations).
    const spread = rnd.weighted([[1, 55], [2, 25], [3, 20]] as const);
    const myAreas = rnd.some(usableAreas, Math.min(spread, usableAreas.length), Math.min(spread, usableAreas.length));
    const homeArea = rnd.pick(myAreas);
    const homeTowns = townsIn.get(homeArea.id)!;
    const home = rnd.pick(homeTowns);
    const [topic, topicCommunities] = rnd.pick(TOPICS);
    const topicKnown = known('communities', topicCommunities);

    let name = `${spread === 3 ? 'Sussex' : home.name} ${topic} ${rnd.pick(NOUNS)}`;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${spread === 3 ? 'Sussex' : home.name} ${topic} ${rnd.pick(NOUNS)} ${n}`;
    names.add(name.toLowerCase());
    let slug = kebab(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${kebab(name)}-${n}`;
    slugs.add(slug);

    const website = `https://${slug}.example.org`;
    const who = WHO[topicKnown[0] ?? 'everyone'] ?? 'people with experience of mental distress';
    const place = spread === 3 ? 'Sussex' : spread === 2 ? myAreas.map((a) => a.label).join(' and ') : home.name;
    const summary = sentence(rnd.pick(SUMMARIES).replace('{who}', who).replace('{Who}', sentence(who)).replace('{place}', place));
    const districtsNamed = spread === 1 && rnd.chance(0.3) ? [...new Set([home.district, ...rnd.some([...new Set(homeTowns.map((t) => t.district))], 0, 1)])] : undefined;
    const providerDescription = description(rnd.weighted([['none', 30], ['short', 45], ['long', 25]] as const), website);

    // Services: in person (exact venues), area-only venues, online or phone only, or both.
    const serviceCount = rnd.weighted([[1, 35], [2, 30], [3, 18], [4, 10], [5, 5], [6, 2]] as const);
    const serviceIds = new Set<string>();
    let services = '';
    for (let s = 0; s < serviceCount; s++) {
      const kind = rnd.weighted([['in-person', 50], ['town-only', 5], ['area-only', 10], ['online', 20], ['phone', 5], ['hybrid', 10]] as const);
      const remote = kind === 'online' || kind === 'phone';
      const [baseName, format, settings, delivery] = remote
        ? rnd.pick(ONLINE_SERVICE_NAMES.filter(([, , , d]) => d.includes(kind === 'phone' ? 'phone' : 'online')))
        : [...rnd.pick(SERVICE_NAMES), kind === 'hybrid' ? (['online'] as ('online' | 'phone')[]) : undefined];
      let serviceName = baseName;
      let id = kebab(serviceName);
      for (let n = 2; serviceIds.has(id); n++) [serviceName, id] = [`${baseName} ${n}`, `${kebab(baseName)}-${n}`];
      serviceIds.add(id);
      const status = rnd.weighted([['active', 88], ['temporarily-closed', 8], ['closed', 4]] as const);
      const serviceCommunities = rnd.chance(0.7) && topicKnown.length ? topicKnown : rnd.some(communities, 1, 3);
      const formats = known('formats', [format, ...(rnd.chance(0.3) ? [rnd.pick(['group', 'drop-in', 'one-to-one', 'community-meetups'])] : [])].filter((f, k, all) => all.indexOf(f) === k));

      const locations: string[] = [];
      if (!remote) {
        const venues = rnd.weighted([[1, 8], [2, 2]] as const);
        for (let v = 0; v < venues; v++) {
          const area = v === 0 ? homeArea : rnd.pick(myAreas);
          const towns = (townsIn.get(area.id) ?? []).filter((t) => !districtsNamed || districtsNamed.includes(t.district));
          const town = v === 0 && (!districtsNamed || districtsNamed.includes(home.district)) ? home : rnd.pick(towns.length ? towns : homeTowns);
          const [lat, lng] = placeNear(town, area.bounds);
          if (kind === 'town-only') {
            // Only the town is known: no coordinates, the build takes the town's from the gazetteer.
            locations.push(emit([['name', rnd.chance(0.5) ? scalar(`${town.name} ${rnd.pick(['Community Centre', 'Library', 'Hub'])}`) : undefined], ['town', scalar(town.name)], ['precision', 'town']], '        ', '      - '));
          } else if (kind === 'area-only') {
            const withPoint = rnd.chance(0.6);
            locations.push(
              emit(
                [
                  ['town', rnd.chance(0.8) ? scalar(town.name) : undefined],
                  ['district', town.district],
                  ['latitude', withPoint ? String(Number(town.lat.toFixed(3))) : undefined],
                  ['longitude', withPoint ? String(Number(town.lng.toFixed(3))) : undefined],
                  ['precision', 'area-only'],
                ],
                '        ',
                '      - ',
              ),
            );
          } else {
            const street = `${rnd.int(1, 180)} ${rnd.pick(town.streets)}`;
            locations.push(
              emit(
                [
                  ['name', scalar(`${rnd.pick(['St Mary’s', 'Holy Trinity', 'The', 'Old Town', 'Station'])} ${rnd.pick(['Community Centre', 'Church Hall', 'Library', 'Resource Centre', 'Quaker Meeting House', 'Hub'])}`)],
                  ['address', scalar(street)],
                  ['town', scalar(town.name)],
                  ['postcode', postcode(town)],
                  ['district', town.district],
                  ['latitude', String(lat)],
                  ['longitude', String(lng)],
                  ['precision', 'exact'],
                  ['geocoded', rnd.chance(0.3) ? 'true' : undefined],
                  ['accessibility', rnd.chance(0.5) ? flowList(rnd.some(accessibility, 1, 3)) : undefined],
                  ['note', rnd.chance(0.2) ? scalar('Ring the bell at the side door.') : undefined],
                ],
                '        ',
                '      - ',
              ),
            );
          }
        }
      }
      const withSessions = (kind !== 'phone' && rnd.chance(0.6)) || false;
      const sessionLines = withSessions ? sessions() : undefined;
      const scheduleNote = rnd.chance(0.3) ? scalar(rnd.pick(['Evenings, not on bank holidays.', 'Term time only.', 'Please check before your first visit.', 'Every week, all year.'])) : undefined;
      const contactPerson = rnd.chance(0.05);
      const serviceDescription = description(rnd.weighted([['none', 50], ['short', 35], ['long', 15]] as const), website);
      services += emit(
        [
          ['id', id],
          ['name', scalar(serviceName)],
          ['summary', rnd.chance(0.7) ? scalar(`${sentence(baseName.toLowerCase())} for ${who}.`) : undefined],
          ['description', serviceDescription ? (serviceDescription.includes('\n') ? block(serviceDescription, '      ') : scalar(serviceDescription)) : undefined],
          ['status', status],
          ['status_note', status === 'temporarily-closed' ? scalar('Paused while we look for a new venue.') : undefined],
          ['formats', flowList(formats)],
          ['settings', flowList(known('settings', settings))],
          ['formality', rnd.chance(0.5) ? rnd.pick(formality) : undefined],
          ['supporters', rnd.chance(0.5) ? flowList(rnd.some(supporters, 1, 2)) : undefined],
          ['communities', flowList(serviceCommunities)],
          ['age_range', topicKnown.includes('young-people') ? flowMap({ min: 16, max: 25 }) : topicKnown.includes('older-people') ? flowMap({ min: 60 }) : undefined],
          ['access', rnd.chance(0.7) ? flowList(rnd.some(access, 1, 2)) : undefined],
          ['cost', rnd.chance(0.6) ? flowMap({ type: rnd.weighted([['free', 7], ['donation', 2], ['fee', 1]] as const), note: rnd.chance(0.2) ? '£2 towards tea and biscuits' : undefined }) : undefined],
          ['schedule', sessionLines || scheduleNote ? `\n${emit([['note', scheduleNote], ['sessions', sessionLines]], '      ')}` : undefined],
          ['locations', locations.length ? `\n${locations.join('')}` : undefined],
          ['delivery', delivery ? flowList(known('delivery', delivery)) : undefined],
          ['languages', rnd.chance(0.15) ? flowList(['en', ...rnd.some(languages.filter((l) => l !== 'en'), 1, 2)].filter((l) => languages.includes(l))) : undefined],
          ['phone', kind === 'phone' ? landline(home.district) : undefined],
          ['contact_name', contactPerson ? scalar(rnd.pick(['Sam', 'Alex', 'Jo', 'Chris', 'Priya', 'Tom'])) : undefined],
          ['contact_role', contactPerson ? 'Group organiser' : undefined],
          ['personal_contact_consent', contactPerson ? flowMap({ agreed: true, date: addDays(today, -rnd.int(30, 300)), note: 'By email.' }) : undefined],
        ],
        '    ',
        '  - ',
      );
    }

    // Sources up to about 8 years old, so some groups carry the "we last heard of this group" notice; a
    // confirmed entry has the date it was checked.
    const verified = rnd.chance(0.4);
    const lastChecked = addDays(today, -rnd.int(0, 300));
    const sourceList = (n: number, indent: string): string =>
      Array.from({ length: n }, () => {
        const published = addDays(today, -rnd.int(0, 3000));
        const form = rnd.weighted([['month', 6], ['year', 2], ['date', 1], ['undated', 1]] as const);
        return emit(
          [
            ['title', scalar(rnd.pick(SOURCES))],
            ['url', rnd.chance(0.3) ? `${website}/about` : undefined],
            ['published', form === 'undated' ? 'undated' : JSON.stringify(form === 'date' ? published : published.slice(0, form === 'year' ? 4 : 7))],
          ],
          `${indent}  `,
          `${indent}- `,
        );
      }).join('');
    const verification = emit(
      [
        ['status', verified ? 'verified' : 'unverified'],
        ['last_checked', verified ? lastChecked : undefined],
        ['sources', `\n${sourceList(rnd.weighted([[1, 7], [2, 3]] as const), '    ')}`],
      ],
      '  ',
    );
    const content =
      `# yaml-language-server: $schema=../../schema/provider.schema.json\n# Synthetic provider ${i + 1} (seed ${seed}), made up for the benchmark. Not a real organisation.\n` +
      emit(
        [
          ['name', scalar(name)],
          ['summary', scalar(summary)],
          ['description', providerDescription ? block(providerDescription, '  ') : undefined],
          ['led_by', rnd.pick(leaders)],
          ['website', rnd.chance(0.7) ? website : undefined],
          ['email', rnd.chance(0.6) ? `${rnd.pick(['info', 'hello', 'contact', 'admin'])}@${slug}.example.org` : undefined],
          ['phone', rnd.chance(0.6) ? landline(home.district) : undefined],
          ['areas', flowList(myAreas.map((a) => a.id))],
          ['districts', districtsNamed ? flowList(districtsNamed) : undefined],
          ['services', `\n${services}`],
          ['verification', `\n${verification}`],
        ],
        '',
      );
    providers.push({ path: `providers/${slug}.yaml`, content });

    // A few providers signed the Charter.
    if (rnd.chance(0.03)) {
      const status = rnd.chance(0.8) ? 'active' : 'lapsed';
      const signed = String(rnd.int(2019, 2024));
      signatories.push({
        path: `signatories/${slug}.yaml`,
        content:
          `# yaml-language-server: $schema=../../schema/signatory.schema.json\n` +
          emit(
            [
              ['name', scalar(name)],
              ['kind', rnd.pick(leaders)],
              ['signed', rnd.chance(0.9) ? JSON.stringify(signed) : undefined],
              ['status', status],
              ['lapsed', status === 'lapsed' ? JSON.stringify(String(Number(signed) + 1)) : undefined],
              ['provider', slug],
              ['verification', `\n${emit([['status', 'unverified'], ['sources', '\n    - title: Peer Support Charter report\n      published: "2021"\n']], '  ')}`],
            ],
            '',
          ),
      });
    }
  }
  return { providers, signatories };
}
