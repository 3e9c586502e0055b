import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileKind, unusualFileReason } from '../../../src/lib/dataset/file-kinds-fs.ts';
import { tempDirs } from '../../helpers/temp-dirs.ts';

const temp = tempDirs('file-kinds');

describe('fileKind', () => {
  test('tells an ordinary file, a folder, a symbolic link (even a dangling one), a FIFO and a missing path apart without following links', () => {
    const root = temp.make();
    const at = (name: string) => path.join(root, name);
    writeFileSync(at('a.yaml'), 'name: x\n');
    mkdirSync(at('folder'));
    symlinkSync('/etc/passwd', at('passwd.yaml'));
    symlinkSync(at('nowhere.yaml'), at('dangling.yaml'));
    execFileSync('mkfifo', [at('pipe.yaml')]);
    expect(['a.yaml', 'folder', 'passwd.yaml', 'dangling.yaml', 'pipe.yaml', 'missing.yaml'].map((n) => fileKind(at(n)))).toEqual(['file', 'folder', 'symlink', 'symlink', 'fifo', 'missing']);
  });
});

describe('unusualFileReason', () => {
  test('names a link and a pipe with the fix, and has nothing to say about a file or a folder', () => {
    expect(unusualFileReason('symlink')).toMatch(/^is a symbolic link.*Put the file itself here/);
    expect(unusualFileReason('fifo')).toBe('is a named pipe, not an ordinary file. Remove it.');
    expect(unusualFileReason('file')).toBeUndefined();
    expect(unusualFileReason('folder')).toBeUndefined();
  });
});
