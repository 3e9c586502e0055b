// Writes the open data files to a folder, for `npm run export`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from './validate.ts';
import { exportFileEntries, type ExportFormat, type ExportOptions } from './export/index.ts';

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

/** Writes the files of the given formats under outDir (creating folders as needed), each as soon as it is made; returns the paths written. */
export function writeExport(dataset: Dataset, formats: readonly ExportFormat[], outDir: string, options: ExportOptions): string[] {
  const written: string[] = [];
  const done = new Set<string>();
  for (const format of new Set(formats))
    for (const [rel, content] of exportFileEntries(dataset, format, options)) {
      if (done.has(rel)) continue;
      done.add(rel);
      const target = path.join(outDir, ...rel.split('/'));
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, content);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        throw new ExportWriteError(target, e.code, `cannot write ${target}: ${why(e)}.`);
      }
      written.push(target);
    }
  return written;
}
