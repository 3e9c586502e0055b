// Writes the open data files to a folder, for `npm run export` and the site build.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../model/types.ts';
import { exportFileChunks, type ExportFormat, type ExportOptions } from './index.ts';

export class ExportWriteError extends Error {
  constructor(
    readonly target: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ExportWriteError';
  }
}

function why(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied. Choose a folder you can write to';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder. Choose another --out';
    case 'EISDIR':
      return 'a folder is in the way of a file of the same name';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error.message;
  }
}

/** Text gathered before each write: few system calls, little memory. */
const WRITE_AT = 1 << 20;

/** Writes one file from its pieces, holding at most about a megabyte of it at a time; returns its size in bytes. */
function writeChunks(target: string, chunks: Iterable<string>): number {
  const fd = openSync(target, 'w');
  let bytes = 0;
  try {
    let pending: string[] = [];
    let length = 0;
    const flush = () => {
      // Written as text: Node encodes it straight into the write, without a Buffer of each megabyte first.
      bytes += writeSync(fd, pending.join(''), null, 'utf8');
      pending = [];
      length = 0;
    };
    for (const chunk of chunks) {
      pending.push(chunk);
      length += chunk.length;
      if (length >= WRITE_AT) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/**
 * Writes the files of the given formats under outDir (creating folders as needed), each as soon as it is made;
 * returns each file written (its path relative to outDir, with "/") and its size in bytes.
 */
export function writeExport(dataset: Dataset, formats: readonly ExportFormat[], outDir: string, options: ExportOptions): Map<string, number> {
  const written = new Map<string, number>();
  for (const format of new Set(formats))
    for (const [rel, chunks] of exportFileChunks(dataset, format, options)) {
      if (written.has(rel)) continue;
      const target = path.join(outDir, ...rel.split('/'));
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        written.set(rel, writeChunks(target, chunks));
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        throw new ExportWriteError(target, e.code, `cannot write ${target}: ${why(e)}.`);
      }
    }
  return written;
}
