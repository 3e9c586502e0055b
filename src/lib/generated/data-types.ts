// Generated from schema/*.schema.json by `npm run schema`. Do not edit.

/**
 * One organisation or group that gives peer support in Sussex, and the services it runs.
 */
export interface Provider {
/**
 * The name of the organisation or group, as it writes it.
 */
name: string
/**
 * One sentence on what the organisation does, in its own words where possible.
 */
summary: string
/**
 * More about the organisation. Plain text; paragraphs, lists, links and *emphasis* are allowed. No HTML.
 */
description?: string
/**
 * Who runs it. user-led means run by and for people with lived experience of mental distress.
 */
led_by: ("user-led" | "peer-led-group" | "voluntary-sector" | "statutory")
/**
 * A web address starting with https:// (or http://).
 */
website?: string
/**
 * An email address for the organisation.
 */
email?: string
/**
 * A UK phone number, written as people would dial it, for example 01273 123456.
 */
phone?: string
/**
 * The name of a person to contact. Only list a person who has agreed to it, and record that in personal_contact_consent.
 */
contact_name?: string
/**
 * The role of the contact person, for example "Group organiser".
 */
contact_role?: string
/**
 * A record that the person named, or whose own phone or email is given, agreed to be listed publicly. Needed for a named person, a mobile number or a personal email address.
 */
personal_contact_consent?: {
/**
 * Write true to confirm the person agreed to be listed.
 */
agreed: true
/**
 * A date written as YYYY-MM-DD, for example 2026-03-31.
 */
date: string
/**
 * How the agreement was given, for example "by email to the volunteer".
 */
note?: string
}
/**
 * The areas the organisation serves.
 * 
 * @minItems 1
 * 
 * Items: The areas the organisation serves.
 */
areas: ("west-sussex" | "east-sussex" | "brighton-and-hove")[]
/**
 * true when the sources say only that it works somewhere in Sussex: list every area it might serve, and the site says the areas are not known yet and leaves it out of the coverage figures. Leave out when the areas are known.
 */
areas_unconfirmed?: boolean
/**
 * The districts the organisation serves, if it serves only part of an area.
 * 
 * Items: The districts the organisation serves, if it serves only part of an area.
 */
districts?: ("adur" | "arun" | "chichester" | "crawley" | "horsham" | "mid-sussex" | "worthing" | "eastbourne" | "hastings" | "lewes" | "rother" | "wealden" | "brighton-and-hove")[]
/**
 * What the organisation offers. Every provider has at least one service.
 * 
 * @minItems 1
 * 
 * Items: One thing the organisation offers: a group, a drop-in, ward visits, a phone line, a course.
 */
services: {
/**
 * A short id for this service, in lower case with hyphens, unique within this file. It becomes part of the link.
 */
id: string
/**
 * The name of the service, as the group uses it.
 */
name: string
/**
 * One sentence on what the service is.
 */
summary?: string
/**
 * More about the service. Plain text; paragraphs, lists, links and *emphasis* are allowed. No HTML.
 */
description?: string
/**
 * Whether the service is running. Never delete a closed service: mark it closed.
 */
status: ("active" | "temporarily-closed" | "closed")
/**
 * More about the status, naming the source, for example "CAPITAL said in 2025 that funding for this ends in October 2025."
 */
status_note?: string
/**
 * true when the sources leave it unclear whether the service still runs (they disagree, or the newest says it may stop): the site shows a plain warning. Say why in status_note.
 */
status_unclear?: boolean
/**
 * Sources only for this service (its times, venue or a closure), each with the date it shows. Leave out when the provider's sources say it all.
 * 
 * @minItems 1
 * 
 * Items: One source: a web page, a report or a leaflet, with the date it shows.
 */
sources?: {
/**
 * What the source is, in plain words, for example "West Sussex Mind news, plans for LGBTQIA+ peer support groups".
 */
title: string
/**
 * The web address of the source, exactly as it is, if it has one. A named document may have none.
 */
url?: string
/**
 * The date the source shows: a year (2023), a month (2023-02) or a date (2023-02-14), in quotes; or undated if it shows none.
 */
published: string
}[]
/**
 * The shape the support takes. Leave it out if you do not know.
 * 
 * @minItems 1
 * 
 * Items: The shape the support takes. Leave it out if you do not know.
 */
formats?: ("one-to-one" | "group" | "drop-in" | "online" | "phone-or-text" | "ward-visits" | "community-meetups" | "creative" | "music" | "sport-and-social" | "shared-meals" | "peer-training" | "peer-worker-support")[]
/**
 * Where the support happens.
 * 
 * Items: Where the support happens.
 */
settings?: ("community" | "inpatient-ward" | "prison-or-secure" | "online" | "phone")[]
/**
 * How structured the peer support is.
 */
formality?: ("formal-worker" | "formal-mutual" | "informal" | "both")
/**
 * Who gives the support.
 * 
 * Items: Who gives the support.
 */
supporters?: ("paid-peer-workers" | "volunteers" | "members")[]
/**
 * Who the service is for. Use everyone if it is open to anyone.
 * 
 * @minItems 1
 * 
 * Items: Who the service is for. Use everyone if it is open to anyone.
 */
communities: ("everyone" | "lgbtq" | "racialised-communities" | "women" | "men" | "young-people" | "older-people" | "carers-and-families" | "hearing-voices" | "prison-leavers" | "faith-communities" | "disabled-and-neurodivergent" | "suicide-bereaved-or-at-risk" | "sexual-violence-survivors" | "perinatal" | "eating-disorders")[]
/**
 * The ages the service is for, if it has an age limit.
 */
age_range?: {
/**
 * The youngest age, in years.
 */
min?: number
/**
 * The oldest age, in years.
 */
max?: number
}
/**
 * How a person can start using the service.
 * 
 * Items: How a person can start using the service.
 */
access?: ("self-referral" | "professional-referral" | "drop-in" | "membership")[]
/**
 * What it costs to take part.
 */
cost?: {
/**
 * Free, by donation, or a fee.
 */
type: ("free" | "donation" | "fee")
/**
 * More about the cost, for example "£2 towards tea and biscuits".
 */
note?: string
}
/**
 * When the service runs.
 */
schedule?: {
/**
 * When it runs, in words, for example "Tuesday evenings, not in August".
 */
note?: string
/**
 * Regular sessions, if they are known.
 * 
 * Items: A regular session: the day, the times and how often it repeats.
 */
sessions?: {
/**
 * The day of the week, in lower case, for example tuesday.
 */
day: ("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
/**
 * When it starts, on the 24-hour clock, for example 18:00.
 */
start: string
/**
 * When it ends, on the 24-hour clock, for example 20:00.
 */
end: string
/**
 * How often it repeats.
 */
frequency: ("weekly" | "fortnightly" | "monthly")
/**
 * For monthly sessions: which one in the month, for example first.
 */
week_of_month?: ("first" | "second" | "third" | "fourth" | "last")
/**
 * Anything else about this session, for example "not in August".
 */
note?: string
}[]
}
/**
 * Places where the service happens. Leave out for online or phone-only services.
 * 
 * Items: A place where the service happens.
 */
locations?: ({
[k: string]: unknown | undefined
} & {
/**
 * The name of the venue, for example "Fishersgate Community Centre".
 */
name?: string
/**
 * The street address, without the town or postcode.
 */
address?: string
/**
 * The town or village.
 */
town?: string
/**
 * The full postcode, for example BN41 1AA.
 */
postcode?: string
/**
 * The local government district the place is in.
 */
district?: ("adur" | "arun" | "chichester" | "crawley" | "horsham" | "mid-sussex" | "worthing" | "eastbourne" | "hastings" | "lewes" | "rother" | "wealden" | "brighton-and-hove")
/**
 * Latitude in decimal degrees, for example 50.8225.
 */
latitude?: number
/**
 * Longitude in decimal degrees, for example -0.1372.
 */
longitude?: number
/**
 * exact if this is the venue itself; area-only if the group does not publish its venue and the place only marks the area; town if only the town is known (give town, and no latitude or longitude: the map takes the town's middle).
 */
precision: ("exact" | "area-only" | "town")
/**
 * true when the coordinates were looked up from the postcode by a tool rather than checked by a person.
 */
geocoded?: boolean
/**
 * Accessibility features of the venue.
 * 
 * Items: Accessibility features of the venue.
 */
accessibility?: ("step-free" | "accessible-toilet" | "hearing-loop" | "bsl" | "quiet-space" | "parking" | "public-transport")[]
/**
 * Anything else about getting there, for example "ring the bell at the side door".
 */
note?: string
})[]
/**
 * Ways the service is given other than in person.
 * 
 * Items: Ways the service is given other than in person.
 */
delivery?: ("online" | "phone")[]
/**
 * Languages the support is given in.
 * 
 * Items: Languages the support is given in.
 */
languages?: ("en" | "bfi" | "ar" | "bn" | "zh" | "fa" | "fr" | "ku" | "pl" | "pt" | "ro" | "es" | "ti" | "tr" | "uk" | "ur")[]
/**
 * A web address starting with https:// (or http://).
 */
website?: string
/**
 * An email address for the organisation.
 */
email?: string
/**
 * A UK phone number, written as people would dial it, for example 01273 123456.
 */
phone?: string
/**
 * The name of a person to contact. Only list a person who has agreed to it, and record that in personal_contact_consent.
 */
contact_name?: string
/**
 * The role of the contact person, for example "Group organiser".
 */
contact_role?: string
/**
 * A record that the person named, or whose own phone or email is given, agreed to be listed publicly. Needed for a named person, a mobile number or a personal email address.
 */
personal_contact_consent?: {
/**
 * Write true to confirm the person agreed to be listed.
 */
agreed: true
/**
 * A date written as YYYY-MM-DD, for example 2026-03-31.
 */
date: string
/**
 * How the agreement was given, for example "by email to the volunteer".
 */
note?: string
}
}[]
/**
 * Where the information came from, and whether a person has confirmed it with the group.
 */
verification: {
/**
 * Whether the organisation itself has confirmed these details.
 */
status: ("verified" | "unverified")
/**
 * The date a person confirmed these details with the group, as YYYY-MM-DD. Needed when status is verified; leave it out otherwise.
 */
last_checked?: string
/**
 * Where the information came from: at least one source, each with the date it shows.
 * 
 * @minItems 1
 * 
 * Items: One source: a web page, a report or a leaflet, with the date it shows.
 */
sources: {
/**
 * What the source is, in plain words, for example "West Sussex Mind news, plans for LGBTQIA+ peer support groups".
 */
title: string
/**
 * The web address of the source, exactly as it is, if it has one. A named document may have none.
 */
url?: string
/**
 * The date the source shows: a year (2023), a month (2023-02) or a date (2023-02-14), in quotes; or undated if it shows none.
 */
published: string
}[]
}
}

/**
 * An organisation or group that signed the Sussex Peer Support Charter. Lapsed signatories stay on record.
 */
export interface Signatory {
/**
 * The name of the organisation or group.
 */
name: string
/**
 * What kind of organisation it is.
 */
kind: ("user-led" | "peer-led-group" | "voluntary-sector" | "statutory")
/**
 * When it signed the Charter, if a source says: a year (2019), a month (2019-03) or a date. Leave it out rather than guess.
 */
signed?: string
/**
 * active, or lapsed if it is no longer actively involved.
 */
status: ("active" | "lapsed")
/**
 * When it lapsed: a year, a month or a date. Needed when status is lapsed.
 */
lapsed?: string
/**
 * A web address starting with https:// (or http://).
 */
website?: string
/**
 * A logo image kept in data/signatories/logos/.
 */
logo?: {
/**
 * The logo file name in data/signatories/logos/, for example capital-project-trust.svg.
 */
file: string
/**
 * Text that describes the logo for people who cannot see it, usually the organisation name.
 */
alt: string
}
/**
 * The file name (without .yaml) of the provider entry that describes its services.
 */
provider?: string
/**
 * Anything else about the signatory.
 */
note?: string
/**
 * Where the information came from, and whether a person has confirmed it with the group.
 */
verification: {
/**
 * Whether the organisation itself has confirmed these details.
 */
status: ("verified" | "unverified")
/**
 * The date a person confirmed these details with the group, as YYYY-MM-DD. Needed when status is verified; leave it out otherwise.
 */
last_checked?: string
/**
 * Where the information came from: at least one source, each with the date it shows.
 * 
 * @minItems 1
 * 
 * Items: One source: a web page, a report or a leaflet, with the date it shows.
 */
sources: {
/**
 * What the source is, in plain words, for example "West Sussex Mind news, plans for LGBTQIA+ peer support groups".
 */
title: string
/**
 * The web address of the source, exactly as it is, if it has one. A named document may have none.
 */
url?: string
/**
 * The date the source shows: a year (2023), a month (2023-02) or a date (2023-02-14), in quotes; or undated if it shows none.
 */
published: string
}[]
}
}
