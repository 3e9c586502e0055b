// The made-up material the synthetic providers are built from: real Sussex towns with their districts and
// approximate centres, and words for names, services and descriptions.

// ---- places ---------------------------------------------------------------------------------------------------

export interface Town {
  name: string;
  district: string;
  lat: number;
  lng: number;
  /** Postcode districts (outward codes) for the town. */
  postcodes: string[];
  streets: string[];
}

/** Real towns with their district and approximate centre; venues are placed near them. */
export const TOWNS: Town[] = [
  { name: 'Brighton', district: 'brighton-and-hove', lat: 50.8225, lng: -0.1372, postcodes: ['BN1', 'BN2'], streets: ['North Road', 'Queens Road', 'Lewes Road', 'Elm Grove', 'Preston Road'] },
  { name: 'Hove', district: 'brighton-and-hove', lat: 50.8279, lng: -0.1688, postcodes: ['BN3'], streets: ['Church Road', 'Blatchington Road', 'Portland Road'] },
  { name: 'Portslade', district: 'brighton-and-hove', lat: 50.842, lng: -0.216, postcodes: ['BN41'], streets: ['Boundary Road', 'Station Road'] },
  { name: 'Rottingdean', district: 'brighton-and-hove', lat: 50.8106, lng: -0.057, postcodes: ['BN2'], streets: ['High Street'] },
  { name: 'Worthing', district: 'worthing', lat: 50.8179, lng: -0.3729, postcodes: ['BN11', 'BN12', 'BN13', 'BN14'], streets: ['Chapel Road', 'Montague Street', 'Tarring Road'] },
  { name: 'Shoreham-by-Sea', district: 'adur', lat: 50.8342, lng: -0.2716, postcodes: ['BN43'], streets: ['High Street', 'Ham Road'] },
  { name: 'Lancing', district: 'adur', lat: 50.8296, lng: -0.3236, postcodes: ['BN15'], streets: ['North Road', 'South Street'] },
  { name: 'Bognor Regis', district: 'arun', lat: 50.7824, lng: -0.6764, postcodes: ['PO21', 'PO22'], streets: ['London Road', 'Station Road'] },
  { name: 'Littlehampton', district: 'arun', lat: 50.811, lng: -0.5386, postcodes: ['BN17'], streets: ['High Street', 'Church Street'] },
  { name: 'Arundel', district: 'arun', lat: 50.8541, lng: -0.5547, postcodes: ['BN18'], streets: ['Tarrant Street'] },
  { name: 'Chichester', district: 'chichester', lat: 50.8365, lng: -0.7792, postcodes: ['PO19'], streets: ['East Street', 'Chapel Street', 'Orchard Street'] },
  { name: 'Selsey', district: 'chichester', lat: 50.7352, lng: -0.7898, postcodes: ['PO20'], streets: ['High Street'] },
  { name: 'Midhurst', district: 'chichester', lat: 50.9856, lng: -0.7378, postcodes: ['GU29'], streets: ['North Street'] },
  { name: 'Crawley', district: 'crawley', lat: 51.1092, lng: -0.1872, postcodes: ['RH10', 'RH11'], streets: ['High Street', 'Ifield Road', 'Three Bridges Road'] },
  { name: 'Horsham', district: 'horsham', lat: 51.0629, lng: -0.3259, postcodes: ['RH12', 'RH13'], streets: ['Denne Road', 'East Street'] },
  { name: 'Billingshurst', district: 'horsham', lat: 51.0152, lng: -0.4527, postcodes: ['RH14'], streets: ['High Street'] },
  { name: 'Haywards Heath', district: 'mid-sussex', lat: 51.005, lng: -0.105, postcodes: ['RH16'], streets: ['Perrymount Road', 'South Road'] },
  { name: 'Burgess Hill', district: 'mid-sussex', lat: 50.958, lng: -0.1339, postcodes: ['RH15'], streets: ['Church Walk', 'Station Road'] },
  { name: 'East Grinstead', district: 'mid-sussex', lat: 51.124, lng: -0.0075, postcodes: ['RH19'], streets: ['London Road'] },
  { name: 'Eastbourne', district: 'eastbourne', lat: 50.7684, lng: 0.2903, postcodes: ['BN20', 'BN21', 'BN22', 'BN23'], streets: ['Terminus Road', 'Seaside', 'Cavendish Place'] },
  { name: 'Hastings', district: 'hastings', lat: 50.8543, lng: 0.5735, postcodes: ['TN34', 'TN35'], streets: ['Queens Road', 'Robertson Street'] },
  { name: 'St Leonards-on-Sea', district: 'hastings', lat: 50.855, lng: 0.545, postcodes: ['TN37', 'TN38'], streets: ['London Road', 'Norman Road'] },
  { name: 'Lewes', district: 'lewes', lat: 50.8739, lng: 0.0088, postcodes: ['BN7'], streets: ['High Street', 'Friars Walk'] },
  { name: 'Newhaven', district: 'lewes', lat: 50.7951, lng: 0.0553, postcodes: ['BN9'], streets: ['High Street'] },
  { name: 'Seaford', district: 'lewes', lat: 50.7715, lng: 0.102, postcodes: ['BN25'], streets: ['Broad Street'] },
  { name: 'Peacehaven', district: 'lewes', lat: 50.7925, lng: -0.0044, postcodes: ['BN10'], streets: ['South Coast Road'] },
  { name: 'Bexhill-on-Sea', district: 'rother', lat: 50.8424, lng: 0.4676, postcodes: ['TN39', 'TN40'], streets: ['Western Road', 'Devonshire Road'] },
  { name: 'Rye', district: 'rother', lat: 50.9503, lng: 0.7339, postcodes: ['TN31'], streets: ['Cinque Ports Street'] },
  { name: 'Battle', district: 'rother', lat: 50.9172, lng: 0.4846, postcodes: ['TN33'], streets: ['High Street'] },
  { name: 'Crowborough', district: 'wealden', lat: 51.0607, lng: 0.165, postcodes: ['TN6'], streets: ['Croft Road'] },
  { name: 'Uckfield', district: 'wealden', lat: 50.969, lng: 0.096, postcodes: ['TN22'], streets: ['High Street'] },
  { name: 'Hailsham', district: 'wealden', lat: 50.862, lng: 0.258, postcodes: ['BN27'], streets: ['Market Street'] },
  { name: 'Heathfield', district: 'wealden', lat: 50.967, lng: 0.253, postcodes: ['TN21'], streets: ['High Street'] },
];

export const PHONE_CODES: Record<string, string> = {
  'brighton-and-hove': '01273',
  worthing: '01903',
  adur: '01273',
  arun: '01243',
  chichester: '01243',
  crawley: '01293',
  horsham: '01403',
  'mid-sussex': '01444',
  eastbourne: '01323',
  hastings: '01424',
  rother: '01424',
  lewes: '01273',
  wealden: '01825',
};

// ---- words ------------------------------------------------------------------------------------------------------

export const TOPICS: [string, string[]][] = [
  ['Hearing Voices', ['hearing-voices']],
  ['Recovery', ['everyone']],
  ['Wellbeing', ['everyone']],
  ['Carers', ['carers-and-families']],
  ['Young People’s', ['young-people']],
  ['Older People’s', ['older-people']],
  ['LGBTQ+', ['lgbtq']],
  ['Women’s', ['women']],
  ['Men’s', ['men']],
  ['Bereaved by Suicide', ['suicide-bereaved-or-at-risk']],
  ['Neurodivergent', ['disabled-and-neurodivergent']],
  ['Black and Minority Ethnic', ['racialised-communities']],
  ['Faith and Wellbeing', ['faith-communities']],
  ['Moving On', ['prison-leavers']],
  ['Peer Support', ['everyone']],
  ['Mental Health', ['everyone']],
  ['Creative Minds', ['everyone']],
  ['Walk and Talk', ['everyone']],
];
export const NOUNS = ['Group', 'Network', 'Project', 'Collective', 'Circle', 'Hub', 'Café', 'Forum', 'Alliance', 'Trust', 'Community', 'Friends'];
export const SERVICE_NAMES: [string, string, string[]][] = [
  ['Weekly peer group', 'group', ['community']],
  ['Drop-in', 'drop-in', ['community']],
  ['One-to-one peer support', 'one-to-one', ['community']],
  ['Art group', 'creative', ['community']],
  ['Music session', 'music', ['community']],
  ['Walking group', 'sport-and-social', ['community']],
  ['Community lunch', 'shared-meals', ['community']],
  ['Peer support training', 'peer-training', ['community']],
  ['Ward visits', 'ward-visits', ['inpatient-ward']],
  ['Coffee morning', 'community-meetups', ['community']],
  ['Peer worker supervision', 'peer-worker-support', ['community']],
];
export const ONLINE_SERVICE_NAMES: [string, string, string[], ('online' | 'phone')[]][] = [
  ['Online group', 'online', ['online'], ['online']],
  ['Video meet-up', 'online', ['online'], ['online']],
  ['Peer support line', 'phone-or-text', ['phone'], ['phone']],
  ['Text and phone support', 'phone-or-text', ['phone'], ['phone', 'online']],
];
export const OPENINGS = [
  'We are a small group of people with lived experience of mental distress.',
  'The group started when a few friends met to talk about what had helped them.',
  'We meet to share what has helped us, and to listen without judging.',
  'Everyone here has been through something similar, so you do not have to explain yourself.',
  'Our members run the group together and decide what we do.',
  'We offer a friendly space where you can be yourself.',
  'Peer support workers with their own experience of mental health problems run our sessions.',
];
export const MIDDLES = [
  'You can come as often as you like, and you do not have to talk if you would rather listen.',
  'Some weeks we talk, some weeks we do something creative together, and there is always tea.',
  'New people are welcome at any time. It helps to phone first so someone can meet you at the door.',
  'We keep what is said in the group private, unless someone is at risk of serious harm.',
  'Sessions are relaxed. There is no sign-up form and no waiting list.',
  'We can help you find other support too, such as housing advice or a GP.',
  'We are not a crisis service. If you need help now, the crisis numbers are at the top of every page.',
  'Many of our members first came along with a friend or a support worker.',
  'The venue is step-free and has a quiet room if things feel too much.',
];
export const LIST_ITEMS = ['Weekly groups', 'One-to-one chats', 'Creative sessions', 'Walks in the park', 'Shared meals', 'Training for new volunteers', 'Signposting to other services', 'Social trips'];
export const SOURCES = ['Phone call with the group', 'The group’s own website', 'Email from the coordinator', 'Peer Support Charter report', 'Visit to the group', 'Local directory listing'];
export const SUMMARIES = [
  'A peer support group for {who} in {place}.',
  'Peer support run by and for {who} in {place}.',
  'A friendly space in {place} where {who} support each other.',
  '{Who} meeting regularly in {place} to share experience and support.',
  'Mutual support for {who} across {place}.',
];
export const WHO: Record<string, string> = {
  everyone: 'anyone with experience of mental distress',
  lgbtq: 'LGBTQ+ people',
  'racialised-communities': 'people from racialised communities',
  women: 'women',
  men: 'men',
  'young-people': 'young people',
  'older-people': 'older people',
  'carers-and-families': 'carers and families',
  'hearing-voices': 'people who hear voices',
  'prison-leavers': 'people who have left prison',
  'faith-communities': 'people of faith',
  'disabled-and-neurodivergent': 'disabled and neurodivergent people',
  'suicide-bereaved-or-at-risk': 'people bereaved by or at risk of suicide',
};
