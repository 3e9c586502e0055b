// Temporary folders for tests: made under the system's temporary folder, removed after each test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export interface TempDirs {
  /** An empty folder, removed after the test. */
  make(): string;
  /** A folder holding these files (path inside it → content), removed after the test. */
  tree(files: Record<string, string | Uint8Array>): string;
}

/** Call at the top of a test file: its folders are removed after each test. */
export function tempDirs(prefix: string): TempDirs {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const make = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `spsd-${prefix}-`));
    dirs.push(dir);
    return dir;
  };
  return {
    make,
    tree(files) {
      const root = make();
      for (const [rel, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), content);
      }
      return root;
    },
  };
}
