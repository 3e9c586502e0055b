// The data folder listed, then read: the file reading both the single-thread and the threaded validation use.
import { readFileSync } from 'node:fs';
import type { DataSources } from '../validate/index.ts';
import type { SourceFile } from './yaml-source.ts';

/** A data file: the path shown in messages, and where it is on disk. */
export interface FileRef {
  path: string;
  full: string;
}

/** The data folder listed but not yet read: what readDataSources reads. */
export interface DataListing {
  vocab: FileRef[];
  providers: FileRef[];
  signatories: FileRef[];
  logos: string[];
  stray: DataSources['stray'];
  vocabDir?: string;
  gazetteer?: FileRef;
}

export function readRef(ref: FileRef): SourceFile {
  return { path: ref.path, bytes: readFileSync(ref.full) };
}

export function readListing(listing: DataListing): DataSources {
  return {
    vocab: listing.vocab.map(readRef),
    providers: listing.providers.map(readRef),
    signatories: listing.signatories.map(readRef),
    logos: listing.logos,
    stray: listing.stray,
    vocabDir: listing.vocabDir,
    ...(listing.gazetteer ? { gazetteer: readRef(listing.gazetteer) } : {}),
  };
}

/** A data file's text, for a quick look before it is read in full. */
export function readText(ref: FileRef): string {
  return readFileSync(ref.full, 'utf8');
}
