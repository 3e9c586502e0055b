// The coverage picture for commissioners: which active services reach each area and district, of what
// kind, for whom, run by whom, at what cost and when; and the gaps, stated in plain words.
// Pure: a Dataset in, a model out; the /coverage/ page, its CSV files and the tests all read this model.
import { toCsv } from './export/csv-writer.ts';
import type { Dataset, Entry, Provider, Service } from './model/types.ts';
import { areasKnown, isRemoteOnly, isRunning, isUserLed, providerServedDistricts } from './model/predicates.ts';
import { label, type Vocabularies, type VocabTerm } from './dataset/vocab.ts';

/** How a service reaches a district: a venue there, the whole area without a listed venue, or only online or by phone. */
export type Mode = 'venue' | 'area' | 'remote';
const MODE_RANK: Record<Mode, number> = { venue: 3, area: 2, remote: 1 };

/** A session that starts at this time or later counts as an evening session. */
export const EVENING_FROM = '17:00';
export const WEEKEND_DAYS = ['saturday', 'sunday'];
/** Column id for services that do not say (no formats, no cost). */
export const NOT_KNOWN = 'not-known';

/**
 * The districts a service reaches, each with the best way it reaches it (venue > whole area > remote):
 * - a venue with a district reaches that district in person;
 * - a venue without a district, or a service with no venue that is not remote-only, is counted in every
 *   district the provider serves (its districts, or else all of its areas): "across the whole area";
 * - a remote-only service, and the online or phone side of a service with venues, reaches every district
 *   the provider serves, remotely.
 * Returned in vocabulary order.
 */
export function serviceReach(vocab: Vocabularies, p: Provider, s: Service): Map<string, Mode> {
  const best = new Map<string, Mode>();
  const put = (d: string, m: Mode) => {
    const cur = best.get(d);
    if (!cur || MODE_RANK[m] > MODE_RANK[cur]) best.set(d, m);
  };
  const served = providerServedDistricts(vocab, p);
  const locations = s.locations ?? [];
  for (const loc of locations) {
    if (loc.district) put(loc.district, 'venue');
    else for (const d of served) put(d, 'area');
  }
  if (!locations.length) for (const d of served) put(d, isRemoteOnly(s) ? 'remote' : 'area');
  else if (s.delivery?.length) for (const d of served) put(d, 'remote');
  const order = vocab.districts.terms.map((t) => t.id);
  return new Map([...best].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

export interface ServiceTimes {
  /** The service lists at least one structured session. */
  known: boolean;
  evening: boolean;
  weekend: boolean;
  weekdayDaytime: boolean;
}

export function serviceTimes(s: Service): ServiceTimes {
  const sessions = s.schedule?.sessions ?? [];
  return {
    known: sessions.length > 0,
    evening: sessions.some((x) => x.start >= EVENING_FROM),
    weekend: sessions.some((x) => WEEKEND_DAYS.includes(x.day)),
    weekdayDaytime: sessions.some((x) => !WEEKEND_DAYS.includes(x.day) && x.start < EVENING_FROM),
  };
}

export interface ServiceFacts {
  provider: Entry<Provider>;
  service: Service;
  reach: Map<string, Mode>;
  times: ServiceTimes;
}

export type PlaceKind = 'sussex' | 'area' | 'district';

export interface Place {
  kind: PlaceKind;
  id: string;
  label: string;
  /** The area a district is in; for an area, itself. */
  area?: string;
  /** The districts the place is made of. */
  districts: string[];
  /** For an area that is a single district of the same name (Brighton & Hove): the area row stands for both. */
  alsoDistrict?: boolean;
}

export interface CoverageColumn {
  id: string;
  label: string;
}

export interface CoverageRow {
  place: Place;
  /** One count per column: active services reaching the place that have that value. */
  counts: number[];
  /** Active services reaching the place (each counted once). */
  total: number;
}

export type TableId = 'reach' | 'formats' | 'communities' | 'leaders' | 'costs' | 'times';

export interface CoverageTable {
  id: TableId;
  /** Heading on the page and name of the CSV file's subject. */
  title: string;
  /** One sentence on what the numbers are. */
  description: string;
  /** What the columns are, e.g. "Kind of support". */
  columnsTitle: string;
  columns: CoverageColumn[];
  rows: CoverageRow[];
  /** Each service has exactly one column value per place, so the counts add up to the total. */
  additive: boolean;
}

export type GapKind = 'no-service' | 'no-user-led' | 'only-remote' | 'no-venue' | 'community' | 'format' | 'no-evening' | 'no-weekend';

export interface Gap {
  kind: GapKind;
  /** The district. */
  district: string;
  /** The vocabulary term, for community and format gaps. */
  term?: string;
  /** The gap in plain words, e.g. "No peer support for LGBTQ+ people in Chichester district." */
  text: string;
}

export interface Coverage {
  /** Active services (status active), each counted once. */
  activeServices: number;
  /** Services paused for now: not counted anywhere else. */
  pausedServices: number;
  /** Providers with at least one active service. */
  providers: number;
  /** Providers with an active service whose areas are not known: counted above, but in no place unless a venue names one. */
  areasNotKnown: Entry<Provider>[];
  /** Every row of every table: Sussex, then each area followed by its districts. */
  places: Place[];
  /** Every district, in vocabulary order (gaps are worked out per district). */
  districts: Place[];
  tables: Record<TableId, CoverageTable>;
  gaps: Gap[];
  facts: ServiceFacts[];
}

export const TABLE_IDS: TableId[] = ['reach', 'formats', 'communities', 'leaders', 'costs', 'times'];

export const MODE_COLUMNS: CoverageColumn[] = [
  { id: 'venue', label: 'Meets at a venue here' },
  { id: 'area', label: 'Covers the whole area, no venue listed' },
  { id: 'remote', label: 'Only online or by phone' },
];

export const TIME_COLUMNS: CoverageColumn[] = [
  { id: 'evening', label: 'Evening session (starts 5pm or later)' },
  { id: 'weekend', label: 'Weekend session' },
  { id: 'weekday-daytime', label: 'Weekday daytime session' },
  { id: NOT_KNOWN, label: 'Session times not known' },
];

export const GAP_KINDS: { kind: GapKind; title: string }[] = [
  { kind: 'no-service', title: 'Districts with no active peer support listed' },
  { kind: 'no-user-led', title: 'Districts with no user-led peer support' },
  { kind: 'only-remote', title: 'Districts served only online or by phone' },
  { kind: 'no-venue', title: 'Districts where no service has a venue' },
  { kind: 'community', title: 'Who it is for: no peer support for these people' },
  { kind: 'format', title: 'Kind of support: none of this kind' },
  { kind: 'no-evening', title: 'No known evening sessions' },
  { kind: 'no-weekend', title: 'No known weekend sessions' },
];

/** "Chichester district"; "Brighton & Hove" (a city, not a district of a county). */
export function districtName(vocab: Vocabularies, id: string): string {
  const term = vocab.districts.terms.find((d) => d.id === id);
  const name = term?.label ?? id;
  return term?.area === id ? name : `${name} district`;
}

/** A label inside a sentence: "Women" → "women", but "LGBTQ+ people" and "Black, Asian …" keep their capitals. */
export function inSentence(text: string): string {
  const first = text.split(/[\s,]/)[0] ?? '';
  if (/^(Black|Asian|British|LGBTQ)/.test(first) || first === first.toUpperCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function places(vocab: Vocabularies): { all: Place[]; districts: Place[] } {
  const all: Place[] = [{ kind: 'sussex', id: 'sussex', label: 'All of Sussex', districts: vocab.districts.terms.map((d) => d.id) }];
  for (const area of vocab.areas.terms) {
    const ds = vocab.districts.terms.filter((d) => d.area === area.id);
    const single = ds.length === 1 && ds[0]?.id === area.id;
    all.push({ kind: 'area', id: area.id, label: area.label, area: area.id, districts: ds.map((d) => d.id), ...(single ? { alsoDistrict: true } : {}) });
    if (!single) for (const d of ds) all.push({ kind: 'district', id: d.id, label: d.label, area: area.id, districts: [d.id] });
  }
  const districts = vocab.districts.terms.map((d: VocabTerm) => ({ kind: 'district' as const, id: d.id, label: d.label, ...(d.area ? { area: d.area } : {}), districts: [d.id] }));
  return { all, districts };
}

/** The best mode a service reaches a place by, or undefined when it does not reach it. */
function modeIn(f: ServiceFacts, place: Place): Mode | undefined {
  let best: Mode | undefined;
  for (const d of place.districts) {
    const m = f.reach.get(d);
    if (m && (!best || MODE_RANK[m] > MODE_RANK[best])) best = m;
  }
  return best;
}

type Values = (f: ServiceFacts, place: Place) => string[];

function table(id: TableId, title: string, description: string, columnsTitle: string, columns: CoverageColumn[], additive: boolean, reached: Map<Place, ServiceFacts[]>, values: Values): CoverageTable {
  const column = new Map(columns.map((c, i) => [c.id, i]));
  const rows = [...reached].map(([place, here]) => {
    const counts = columns.map(() => 0);
    // Each service counts once in each column it has a value for.
    for (const f of here)
      for (const v of new Set(values(f, place))) {
        const i = column.get(v);
        if (i !== undefined) counts[i]!++;
      }
    return { place, counts, total: here.length };
  });
  return { id, title, description, columnsTitle, columns, rows, additive };
}

function terms(vocab: Vocabularies, name: 'formats' | 'communities' | 'leaders' | 'costs'): CoverageColumn[] {
  return vocab[name].terms.map((t) => ({ id: t.id, label: t.label }));
}

const made = new WeakMap<Dataset, Coverage>();

/** The coverage of a dataset, worked out once: the /coverage/ page and the coverage CSVs under /data/ both need it. */
export function coverageOf(dataset: Dataset): Coverage {
  let model = made.get(dataset);
  if (!model) made.set(dataset, (model = buildCoverage(dataset)));
  return model;
}

export function buildCoverage(dataset: Dataset): Coverage {
  const { vocab } = dataset;
  const providers = [...dataset.providers].sort((a, b) => a.slug.localeCompare(b.slug));
  const facts: ServiceFacts[] = [];
  let paused = 0;
  for (const provider of providers) {
    for (const service of provider.data.services) {
      if (service.status === 'temporarily-closed') paused++;
      if (!isRunning(service)) continue;
      facts.push({ provider, service, reach: serviceReach(vocab, provider.data, service), times: serviceTimes(service) });
    }
  }
  const { all, districts } = places(vocab);
  // The services that reach each place, worked out once for every table.
  const reached = new Map(all.map((place) => [place, facts.filter((f) => modeIn(f, place))]));
  const tables: Record<TableId, CoverageTable> = {
    reach: table('reach', 'How services reach each place', 'Active services that reach each place, by how they reach it: a venue there, the whole area with no venue listed, or only online or by phone.', 'How it reaches the place', MODE_COLUMNS, true, reached, (f, p) => {
      const m = modeIn(f, p);
      return m ? [m] : [];
    }),
    formats: table('formats', 'Kind of support', 'Active services that reach each place, by the kind of support. A service can offer more than one kind.', 'Kind of support', [...terms(vocab, 'formats'), { id: NOT_KNOWN, label: 'Kind not known' }], false, reached, (f) => (f.service.formats?.length ? [...f.service.formats] : [NOT_KNOWN])),
    communities: table('communities', 'Who it is for', 'Active services that reach each place, by who they are for. A service can be for more than one group of people.', 'Who it is for', terms(vocab, 'communities'), false, reached, (f) => [...f.service.communities]),
    leaders: table('leaders', 'Who runs it', 'Active services that reach each place, by who runs the organisation or group.', 'Who runs it', terms(vocab, 'leaders'), true, reached, (f) => [f.provider.data.led_by]),
    costs: table('costs', 'Cost', 'Active services that reach each place, by what they cost.', 'Cost', [...terms(vocab, 'costs'), { id: NOT_KNOWN, label: 'Cost not known' }], true, reached, (f) => [f.service.cost?.type ?? NOT_KNOWN]),
    times: table('times', 'Evenings and weekends', `Active services that reach each place, by when their regular sessions are. An evening session starts at ${EVENING_FROM} or later. Only services that list their session times can be counted.`, 'When', TIME_COLUMNS, false, reached, (f) => {
      const t = f.times;
      if (!t.known) return [NOT_KNOWN];
      return [...(t.evening ? ['evening'] : []), ...(t.weekend ? ['weekend'] : []), ...(t.weekdayDaytime ? ['weekday-daytime'] : [])];
    }),
  };
  return {
    activeServices: facts.length,
    pausedServices: paused,
    providers: new Set(facts.map((f) => f.provider.slug)).size,
    areasNotKnown: [...new Set(facts.filter((f) => !areasKnown(f.provider.data)).map((f) => f.provider))],
    places: all,
    districts,
    tables,
    gaps: findGaps(vocab, districts, facts),
    facts,
  };
}

function findGaps(vocab: Vocabularies, districts: Place[], facts: ServiceFacts[]): Gap[] {
  const gaps: Gap[] = [];
  const byKind = new Map<GapKind, Gap[]>(GAP_KINDS.map((k) => [k.kind, []]));
  const add = (kind: GapKind, district: string, text: string, term?: string) => byKind.get(kind)?.push({ kind, district, ...(term ? { term } : {}), text });
  for (const place of districts) {
    const d = place.id;
    const where = districtName(vocab, d);
    const here = facts.filter((f) => f.reach.has(d));
    if (!here.length) add('no-service', d, `No active peer support is listed in ${where}.`);
    if (!here.some((f) => isUserLed(f.provider.data))) add('no-user-led', d, `No user-led peer support in ${where}.`);
    if (here.length && here.every((f) => f.reach.get(d) === 'remote')) add('only-remote', d, `${where} is served only online or by phone: no service meets in person there.`);
    if (here.length && !here.some((f) => f.reach.get(d) === 'venue')) add('no-venue', d, `No service has a venue in ${where}. Services that cover the whole area may still reach it.`);
    for (const c of vocab.communities.terms)
      if (!here.some((f) => (f.service.communities as string[]).includes(c.id))) add('community', d, `No peer support for ${inSentence(c.label)} in ${where}.`, c.id);
    for (const fm of vocab.formats.terms)
      if (!here.some((f) => (f.service.formats as string[] | undefined)?.includes(fm.id))) add('format', d, `No peer support of the kind "${fm.label}" in ${where}.`, fm.id);
    if (!here.some((f) => f.times.evening)) add('no-evening', d, `No peer support with a known evening session (starting at 5pm or later) in ${where}.`);
    if (!here.some((f) => f.times.weekend)) add('no-weekend', d, `No peer support with a known weekend session in ${where}.`);
  }
  for (const k of GAP_KINDS) gaps.push(...(byKind.get(k.kind) ?? []));
  return gaps;
}

/** Gaps of one kind about one term (community or format), in district order. */
export function gapsFor(model: Coverage, kind: GapKind, term?: string): Gap[] {
  return model.gaps.filter((g) => g.kind === kind && (term === undefined || g.term === term));
}

// ---- CSV files, one per table plus the gaps ----

export const COVERAGE_CSV_FILES = [...TABLE_IDS, 'gaps'] as const;
export type CoverageCsvName = (typeof COVERAGE_CSV_FILES)[number];

export function coverageCsvPath(name: CoverageCsvName): string {
  return `coverage/${name}.csv`;
}

function placeCells(vocab: Vocabularies, place: Place): string[] {
  const kind = place.kind === 'area' && place.alsoDistrict ? 'area and district' : place.kind === 'sussex' ? 'all' : place.kind;
  return [kind, place.area ? label(vocab, 'areas', place.area) : '', place.id, place.label];
}

export function coverageTableCsv(vocab: Vocabularies, t: CoverageTable): string {
  const header = ['Place type', 'Area', 'Place id', 'Place', ...t.columns.map((c) => c.label), 'All active services'];
  return toCsv(header, t.rows.map((r) => [...placeCells(vocab, r.place), ...r.counts, r.total]));
}

export function gapsCsv(vocab: Vocabularies, model: Coverage): string {
  const header = ['Kind of gap', 'Area', 'District id', 'District', 'Term id', 'Term', 'Gap'];
  const termLabel = (g: Gap) => (g.term ? label(vocab, g.kind === 'community' ? 'communities' : 'formats', g.term) : '');
  return toCsv(
    header,
    model.gaps.map((g) => {
      const area = vocab.districts.terms.find((d) => d.id === g.district)?.area;
      return [g.kind, area ? label(vocab, 'areas', area) : '', g.district, label(vocab, 'districts', g.district), g.term ?? '', termLabel(g), g.text];
    }),
  );
}

/** Every coverage CSV file, by path under /data/. */
export function coverageCsvFiles(dataset: Dataset, model = coverageOf(dataset)): Map<string, string> {
  const files = new Map<string, string>();
  for (const id of TABLE_IDS) files.set(coverageCsvPath(id), coverageTableCsv(dataset.vocab, model.tables[id]));
  files.set(coverageCsvPath('gaps'), gapsCsv(dataset.vocab, model));
  return files;
}
