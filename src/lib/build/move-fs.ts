// Moving what the build made in temporary folders into the built site.
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Moves a file or folder to `to`, replacing what is there; copies when the two are on different file systems. */
export async function moveDir(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}

async function isDir(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * Moves everything in `from` into the folder `to`, keeping what `to` already holds: a folder that is in both is
 * merged, a file that is in both is replaced. `from` is removed. Whole folders are moved at once where they can be.
 */
export async function mergeDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory() && (await isDir(target))) await mergeDir(source, target);
    else await moveDir(source, target);
  }
  await rm(from, { recursive: true, force: true });
}
