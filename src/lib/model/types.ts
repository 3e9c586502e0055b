// The data's types: taken from the types generated from the schema (npm run schema), never written twice.
import type { Provider, Signatory } from '../generated/data-types.ts';
import type { Vocabularies } from '../dataset/vocab.ts';

export type { Provider, Signatory } from '../generated/data-types.ts';
export type Service = Provider['services'][number];
export type Location = NonNullable<Service['locations']>[number];
export type Session = NonNullable<NonNullable<Service['schedule']>['sessions']>[number];

export interface Entry<T> {
  /** The file name without .yaml: the entry's id and its URL. */
  slug: string;
  file: string;
  data: T;
}

export interface Dataset {
  vocab: Vocabularies;
  providers: Entry<Provider>[];
  signatories: Entry<Signatory>[];
}
