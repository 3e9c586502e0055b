// Name-based UUIDs (RFC 9562 version 5: SHA-1), so every exported object keeps its id from build to build.
import { hash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The version 5 UUID of `name` in `namespace` (itself a UUID). */
export function uuidv5(name: string, namespace: string): string {
  if (!isUuid(namespace)) throw new Error(`uuidv5: "${namespace}" is not a UUID`);
  return uuidFromBytes(Buffer.from(namespace.replace(/-/g, ''), 'hex'), name);
}

function uuidFromBytes(namespace: Buffer, name: string): string {
  // One-shot hashing: a Hash object per id was a third of the export's hashing time (hundreds of thousands of ids).
  const bytes = hash('sha1', Buffer.concat([namespace, Buffer.from(name, 'utf8')]), 'buffer');
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The RFC's namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * The directory's own namespace: uuidv5('https://github.com/sussex-peer-support/directory/hsds', URL_NAMESPACE).
 * Fixed for ever: changing it would change every id that users of the data may have stored.
 */
export const DIRECTORY_NAMESPACE = 'f1725dd4-7144-51d0-91fb-835ffb0debd5';

const DIRECTORY_NAMESPACE_BYTES = Buffer.from(DIRECTORY_NAMESPACE.replace(/-/g, ''), 'hex');

/** The id of one object, from its path: e.g. "service/capital-project-trust/member-groups". */
export function objectId(...path: string[]): string {
  return uuidFromBytes(DIRECTORY_NAMESPACE_BYTES, path.join('/'));
}
