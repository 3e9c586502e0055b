import { existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishLogos } from '../../../src/lib/dataset/logos-fs.ts';
import type { Dataset } from '../../../src/lib/model/types.ts';
import { tempDirs } from '../../helpers/temp-dirs.ts';

const temp = tempDirs('logos');
const PLAIN = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';

function dataset(...files: string[]): Dataset {
  const signatories = files.map((file, i) => ({ slug: `s${i}`, file: `s${i}.yaml`, data: { name: `S${i}`, logo: { file, alt: `S${i}` } } }));
  return { vocab: {}, providers: [], signatories } as unknown as Dataset;
}

describe('publishLogos', () => {
  test('publishes only the logos a signatory names: other files in the folder, an HTML page among them, stay out of the site', () => {
    const from = temp.tree({ 'named.svg': PLAIN, 'unnamed.svg': PLAIN, 'evil.html': '<script>alert(1)</script>', 'x.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' });
    const to = path.join(temp.make(), 'logos');
    expect(publishLogos(dataset('named.svg'), from, to)).toEqual(['named.svg']);
    expect(readdirSync(to)).toEqual(['named.svg']);
  });

  test('refuses to publish a named logo that is a symbolic link or fails the checks', () => {
    const from = temp.tree({ 'x.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' });
    symlinkSync('/etc/hostname', path.join(from, 'leak.svg'));
    const to = path.join(temp.make(), 'logos');
    expect(() => publishLogos(dataset('leak.svg'), from, to)).toThrow(/not an ordinary file/);
    expect(() => publishLogos(dataset('x.svg'), from, to)).toThrow(/onload/);
    expect(existsSync(path.join(to, 'leak.svg')) || existsSync(path.join(to, 'x.svg'))).toBe(false);
  });

  test('makes an empty logos folder when no signatory has a logo', () => {
    const to = path.join(temp.make(), 'logos');
    writeFileSync(path.join(temp.make(), 'unused'), '');
    expect(publishLogos(dataset(), temp.make(), to)).toEqual([]);
    expect(readdirSync(to)).toEqual([]);
  });
});
