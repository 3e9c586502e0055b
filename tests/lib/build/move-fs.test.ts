// Moving the build's temporary folders into the site: nothing already there is lost, nothing is left behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeDir, moveDir } from '../../../src/lib/build/move-fs.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'spsd-move-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

describe('mergeDir', () => {
  it('adds new folders and files beside what is there, replaces a file that is in both, and removes the source', async () => {
    const site = tree({ 'contribute/index.html': 'form', 'contribute/slugs.json': 'old', 'providers/a/index.html': 'page' });
    const made = tree({ 'calendar/a/x.ics': 'ics', 'contribute/providers/a.json': 'json', 'contribute/slugs.json': 'new' });
    await mergeDir(made, site);
    expect(read(site, 'contribute/index.html')).toBe('form');
    expect(read(site, 'providers/a/index.html')).toBe('page');
    expect(read(site, 'calendar/a/x.ics')).toBe('ics');
    expect(read(site, 'contribute/providers/a.json')).toBe('json');
    expect(read(site, 'contribute/slugs.json')).toBe('new');
    expect(existsSync(made)).toBe(false);
  });
});

describe('moveDir', () => {
  it('puts a folder where another was, replacing it, and creates the parent folders', async () => {
    const site = tree({ 'data/old.json': 'old' });
    const made = tree({ 'new.json': 'new' });
    await moveDir(made, path.join(site, 'data'));
    expect(existsSync(path.join(site, 'data', 'old.json'))).toBe(false);
    expect(read(site, 'data/new.json')).toBe('new');
    await moveDir(path.join(site, 'data'), path.join(site, 'deep', 'er', 'data'));
    expect(read(site, 'deep/er/data/new.json')).toBe('new');
  });
});
