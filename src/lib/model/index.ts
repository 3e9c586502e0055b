// The provider model: its types and the one set of predicates about it.
export * from './types.ts';
export * from './predicates.ts';
