// The form's words and layout, as data: what the schema does not say (labels, help, messages for missing
// answers, starting values) and the order of each group on screen. The compiler (form-model.ts) reads them.
// Pure and browser-safe.

// ---- words the schema does not have ----------------------------------------------------------------------

/** Labels, by place ("services.locations.name") or, failing that, by key. Anything not here gets its key in words. */
export const LABELS: Record<string, string> = {
  name: 'Name of the organisation or group',
  summary: 'Summary',
  description: 'More about it',
  led_by: 'Who runs it',
  website: 'Website',
  email: 'Email address',
  phone: 'Phone number',
  contact_name: 'Name of a contact person',
  contact_role: 'Their role',
  personal_contact_consent: 'Agreement to be listed',
  'personal_contact_consent.agreed': 'The person agreed to be listed publicly',
  agreed: 'The person agreed to be listed publicly',
  date: 'Date they agreed',
  'personal_contact_consent.note': 'How they agreed',
  areas: 'Areas it serves',
  districts: 'Districts it serves',
  areas_unconfirmed: 'We only know it works somewhere in Sussex, not which areas',
  services: 'Services',
  'services.id': 'Short name for the web address',
  'services.name': 'Name of the service',
  'services.summary': 'Summary of the service',
  'services.description': 'More about the service',
  status: 'Is it running?',
  status_note: 'More about whether it is running',
  formats: 'Kind of support',
  settings: 'Where the support happens',
  formality: 'How structured it is',
  supporters: 'Who gives the support',
  communities: 'Who it is for',
  age_range: 'Age limits',
  min: 'Youngest age',
  max: 'Oldest age',
  access: 'How to join',
  cost: 'Cost',
  'cost.type': 'What it costs',
  'cost.note': 'More about the cost',
  schedule: 'When it runs',
  'schedule.note': 'When it runs, in words',
  sessions: 'Regular sessions',
  day: 'Day',
  start: 'Starts at',
  end: 'Ends at',
  frequency: 'How often',
  week_of_month: 'Which week of the month',
  'sessions.note': 'Anything else about this session',
  locations: 'Places',
  'locations.name': 'Name of the venue',
  address: 'Street address',
  town: 'Town or village',
  postcode: 'Postcode',
  'locations.district': 'District',
  latitude: 'Latitude',
  longitude: 'Longitude',
  precision: 'How exact is this place?',
  geocoded: 'The latitude and longitude were looked up by a tool, not checked by a person',
  accessibility: 'Accessibility',
  'locations.note': 'Getting there',
  delivery: 'Online or by phone',
  languages: 'Languages',
  status_unclear: 'Sources disagree about whether it is still running',
  verification: 'Where the details come from',
  'verification.status': 'Has the organisation confirmed these details?',
  last_checked: 'Date a person confirmed the details with the group',
  sources: 'Sources',
  'services.sources': 'Sources for this service only',
  'sources.title': 'What the source is',
  'sources.url': 'Web address of the source',
  published: 'Date the source shows',
};

/** Help that says it better for a form than the schema's description (which is written for the YAML file). */
export const HELP: Record<string, string> = {
  'personal_contact_consent.agreed': 'Tick only if the person named, or whose own phone or email is given, agreed to be listed publicly.',
  contact_name:
    'Only name a person who has agreed to it, and fill in “Agreement to be listed” below. Otherwise leave this blank and give the organisation’s own details.',
  'services.id': 'Leave this blank and one is made from the name of the service, like wednesday-group. Lower-case letters, numbers and hyphens.',
  areas_unconfirmed: 'Tick this if you only know it works in Sussex. Then choose all three areas above: its page will say the areas are not known yet.',
  'schedule.sessions.day': '',
  week_of_month: 'For monthly sessions only: which one in the month.',
  geocoded: '',
  last_checked: 'Only if someone confirmed the details with the group: the date they did, like 2026-11-23. Leave it blank otherwise.',
  'services.sources': 'Only for facts just this service’s own sources give, such as its times or that it has closed. Leave it empty otherwise.',
  // Short: on a phone the source's three answers are with the essentials, and every line of help is a line to scroll.
  'sources.title': 'Like “West Sussex Mind’s news page”.',
  'sources.url': 'Leave it blank if it is not on the web.',
  published: 'Like 2023 or 2023-02-14, or undated.',
  sources: '',
  // The options say it, each with its own description.
  led_by: '',
  'verification.status': '',
  // The label says it: on a phone, every line of help is a line further to scroll.
  name: '',
  website: 'Starting with https://',
  email: '',
  phone: 'Like 01273 123456.',
  areas: '',
  services: '',
  communities: 'If it is open to everyone, choose the first.',
  verification: '',
  source: 'For example “phone call with the group” or a leaflet or report, with its year.',
  source_url: '',
  summary: 'One sentence on what it does.',
  'schedule.note': 'Like “Wednesdays, 7pm to 9pm”.',
  schedule: '',
  locations: '',
  delivery: '',
};

/** What to say when a required answer is missing; anything not here gets "Enter …" or "Choose …" with its label. */
export const MISSING: Record<string, string> = {
  name: 'Enter the name of the organisation or group',
  summary: 'Enter a summary: one sentence on what the organisation does',
  led_by: 'Choose who runs it',
  areas: 'Choose at least one area it serves',
  'services.name': 'Enter the name of the service',
  'services.status': 'Choose whether the service is running',
  communities: 'Choose who the service is for: tick at least one',
  'cost.type': 'Choose what it costs',
  day: 'Choose the day',
  start: 'Enter the time it starts, like 18:00',
  end: 'Enter the time it ends, like 20:00',
  frequency: 'Choose how often it happens',
  week_of_month: 'Choose which week of the month',
  precision: 'Choose how exact this place is',
  agreed: 'Tick to confirm the person agreed to be listed',
  'personal_contact_consent.date': 'Enter the date they agreed',
  'verification.status': 'Choose whether the organisation has confirmed these details',
  last_checked: 'Enter the date a person confirmed the details with the group',
  'sources.title': 'Say what the source is, for example “West Sussex Mind’s news page”',
  published: 'Enter the date the source shows, like 2024 or 2024-03, or write undated',
};

/** Fields that are made from another when left blank: a service's id from its name. */
export const DERIVED: Record<string, string> = { 'services.id': 'name' };

/** What one item of a list is called. */
export const ITEM_LABELS: Record<string, string> = { services: 'Service', locations: 'Place', sessions: 'Session', sources: 'Source' };

/** Values to start with, where one answer is usual. */
export const DEFAULTS: Record<string, string> = {
  'services.status': 'active',
  'services.locations.precision': 'exact',
  'verification.status': 'unverified',
};

/** One part of a group on screen: titled (a heading, or a closed <details>), or untitled (its fields as they are). */
export interface Part {
  title?: string;
  keys: string[];
  help?: string;
  /** Shown closed at first (a <details>), for things most people skip. */
  collapsed?: boolean;
  /** Takes every field no other part names, except answers that are needed and have no starting value. */
  rest?: boolean;
}

/**
 * The order of each group on screen, by the group's place: the essentials first (name, what it offers, where,
 * when, how to contact, where the information comes from), then everything else under a closed "More details".
 * An answer that is needed and has no starting value never goes there: it stays with the essentials.
 */
export const LAYOUT: Record<string, Part[]> = {
  '': [
    { title: 'About the group', keys: ['name', 'summary', 'led_by'] },
    { title: 'How to get in touch', keys: ['website', 'email', 'phone'], help: 'These will be public.' },
    { keys: ['areas', 'services', 'verification'] },
    {
      title: 'More about the group',
      keys: [],
      rest: true,
      collapsed: true,
      help: 'Only if you know them: a longer description, a contact person, the districts it covers.',
    },
  ],
  services: [
    { keys: ['name'] },
    { keys: ['communities', 'schedule', 'locations', 'delivery'] },
    {
      title: 'More about this service',
      keys: [],
      rest: true,
      collapsed: true,
      help: 'Only if you know them: the kind of support, cost, ages, how to join, languages, its own contact details.',
    },
  ],
  'services.schedule': [
    { keys: ['note'] },
    { title: 'Regular days and times', keys: [], rest: true, collapsed: true, help: 'Only if the group gives the day, the start and the end.' },
  ],
  'services.locations': [
    { keys: ['town', 'postcode', 'name', 'address'] },
    { title: 'More about this place', keys: [], rest: true, collapsed: true },
  ],
  verification: [
    { keys: ['sources'] },
    { title: 'More about the checks', keys: [], rest: true, collapsed: true },
  ],
};

export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function lookup<T>(table: Record<string, T>, at: string): T | undefined {
  // The most specific match first: "services.locations.name", then "locations.name", then "name".
  const parts = at.split('.');
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(i).join('.');
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}
