import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { dataDir, InvalidDataError, loadDataset, PROJECT_ROOT, readDataSources, validateDataDir, validateFiles } from '../../../src/lib/dataset/dataset-fs.ts';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import { makeDataDir, provider, readFixture, signatory, TODAY, type TempDataDir } from '../../helpers/data-dir.ts';

const dirs: TempDataDir[] = [];
const elsewhere: string[] = [];
afterAll(() => {
  dirs.forEach((d) => d.remove());
  elsewhere.forEach((e) => rmSync(e, { recursive: true, force: true }));
});

/** A folder outside any data folder, with the given files (a name may include a sub-folder). */
function outside(files: Record<string, string>): (name?: string) => string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'spsd-elsewhere-'));
  elsewhere.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return (name = '') => path.join(root, name);
}
function dir(spec: Parameters<typeof makeDataDir>[0] = {}): TempDataDir {
  const d = makeDataDir(spec);
  dirs.push(d);
  return d;
}

describe('dataDir', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is data/ in the project unless SPSD_DATA_DIR says otherwise', () => {
    vi.stubEnv('SPSD_DATA_DIR', '');
    expect(dataDir()).toBe(`${PROJECT_ROOT}/data`);
    vi.stubEnv('SPSD_DATA_DIR', '/tmp/elsewhere');
    expect(dataDir()).toBe('/tmp/elsewhere');
  });
});

describe('readDataSources', () => {
  it('reads vocabularies, providers, signatories and logo names, and ignores README.md and .gitkeep', () => {
    const d = dir({
      providers: { 'one.yaml': provider('One'), 'README.md': '# Providers', '.gitkeep': '' },
      signatories: { 'one.yaml': signatory('One') },
      logos: ['one.svg'],
      files: { 'README.md': '# Data', 'gazetteer.yaml': 'places: []\n', 'signatories/logos/.gitkeep': '' },
    });
    const sources = readDataSources(d.root);
    expect(sources.vocab.length).toBe(20);
    expect(sources.providers.map((f) => f.path)).toEqual([d.at('providers', 'one.yaml')]);
    expect(sources.signatories.map((f) => f.path)).toEqual([d.at('signatories', 'one.yaml')]);
    expect(sources.logos).toEqual(['one.svg']);
    expect(sources.stray).toEqual([]);
  });

  it('ignores data/SOURCES.md, the notes on where entries come from, but still lists a SOURCES.md inside providers/ as stray', () => {
    const d = dir({ providers: { 'one.yaml': provider('One'), 'SOURCES.md': '# Sources' }, files: { 'SOURCES.md': '# Sources' } });
    const sources = readDataSources(d.root);
    expect(sources.providers.map((f) => f.path)).toEqual([d.at('providers', 'one.yaml')]);
    expect(sources.stray.map((s) => s.path)).toEqual([d.at('providers', 'SOURCES.md')]);
  });

  it('reads .yml and upper-case file names as entries, so the validator can say what to rename them to', () => {
    const d = dir({ providers: { 'old.yml': provider('Old'), 'Capital.YAML': provider('Capital') } });
    expect(readDataSources(d.root).providers.map((f) => f.path.split('/').pop())).toEqual(['Capital.YAML', 'old.yml']);
  });

  it('lists stray files and folders with the reason', () => {
    const d = dir({ files: { 'notes.txt': 'x', 'providers/photo.jpg': 'x', 'providers/draft/': '', 'signatories/old/one.yaml': 'x', 'vocab/extra.txt': 'x' } });
    const stray = readDataSources(d.root).stray;
    expect(stray.map((s) => s.path).sort()).toEqual([d.at('notes.txt'), d.at('providers', 'draft'), d.at('providers', 'photo.jpg'), d.at('signatories', 'old'), d.at('vocab', 'extra.txt')].sort());
    expect(stray.find((s) => s.path.endsWith('draft'))?.reason).toBe('is a folder, but providers/ holds only .yaml files. Move its files up into data/providers/.');
    expect(stray.find((s) => s.path.endsWith('photo.jpg'))?.reason).toBe('is not a YAML data file. data/providers/ holds only files ending in .yaml; move or remove it.');
    expect(stray.find((s) => s.path.endsWith('notes.txt'))?.reason).toMatch(/^is not where data files go\./);
  });

  it('refuses a symbolic link out of the repository, a dangling link and a named pipe by name, and never opens them', () => {
    const d = dir({ providers: { 'good.yaml': provider('Good') } });
    symlinkSync('/etc/passwd', d.at('providers', 'passwd.yaml'));
    symlinkSync(d.at('providers', 'gone.yaml'), d.at('providers', 'dangling.yaml'));
    symlinkSync('/etc', d.at('signatories', 'etc'));
    execFileSync('mkfifo', [d.at('providers', 'pipe.yaml')]);
    const sources = readDataSources(d.root);
    expect(sources.providers.map((f) => path.basename(f.path))).toEqual(['good.yaml']);
    const result = validateDataDir(d.root, { today: TODAY });
    expect(result.problems.map((p) => `${path.basename(p.file)}: ${p.message}`)).toEqual([
      'dangling.yaml: is a symbolic link, and links are not read or published. Put the file itself here instead of a link to it.',
      'passwd.yaml: is a symbolic link, and links are not read or published. Put the file itself here instead of a link to it.',
      'pipe.yaml: is a named pipe, not an ordinary file. Remove it.',
      'etc: is a symbolic link, and links are not read or published. Put the file itself here instead of a link to it.',
    ]);
    expect(JSON.stringify(result)).not.toMatch(/root:/);
  });

  it('refuses a logo that could run script or is not an image, and a logo that is a link', () => {
    const d = dir({
      logos: ['good.svg', 'good.png'],
      files: { 'signatories/logos/x.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'signatories/logos/evil.html': '<script>alert(1)</script>' },
    });
    symlinkSync('/etc/hostname', d.at('signatories', 'logos', 'leak.svg'));
    const sources = readDataSources(d.root);
    expect(sources.logos).toEqual(['good.png', 'good.svg']);
    expect(sources.stray.map((s) => `${path.basename(s.path)}: ${s.reason.split('.')[0]}`)).toEqual([
      'evil.html: is not a logo image',
      'leak.svg: is a symbolic link, and links are not read or published',
      'x.svg: has an "onload" attribute, which runs script',
    ]);
  });

  it('refuses a named pipe given by name from outside the data folder, instead of waiting on it forever', () => {
    const d = dir();
    const pipe = outside({})('pipe.yaml');
    execFileSync('mkfifo', [pipe]);
    expect(validateFiles([pipe], d.root, { today: TODAY }).problems.map((p) => p.message)).toEqual(['is a named pipe, not an ordinary file. Remove it.']);
  });

  it('reads nothing, without throwing, from a folder that does not exist', () => {
    expect(readDataSources('/nonexistent/spsd')).toEqual({ vocab: [], providers: [], signatories: [], logos: [], stray: [], vocabDir: '/nonexistent/spsd/vocab' });
  });
});

describe('validateDataDir', () => {
  it('reports every problem in every file at once, sorted by file and position', () => {
    const d = dir({
      providers: {
        'good.yaml': provider('Good'),
        'Bad Name.yml': provider('Bad name'),
        'typo.yaml': provider('Typo').replace('formats: [group]', 'formats: [grup]'),
        'empty.yaml': '',
      },
      files: { 'providers/notes.txt': 'x', 'providers/sub/': '' },
    });
    const { problems } = validateDataDir(d.root, { today: TODAY });
    const rel = (p: string) => p.replaceAll(`${d.root}/`, '');
    expect(problems.map((p) => rel(formatProblem(p)))).toEqual([
      'providers/Bad Name.yml:1:1: error: data files must end in ".yaml" (lower case). Rename it to bad-name.yaml.',
      'providers/empty.yaml:1:1: error: the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.',
      'providers/notes.txt:1:1: error: is not a YAML data file. data/providers/ holds only files ending in .yaml; move or remove it.',
      'providers/sub:1:1: error: is a folder, but providers/ holds only .yaml files. Move its files up into data/providers/.',
      'providers/typo.yaml:9:15: error: services[0].formats[0]: "grup" is not a known format — did you mean "group"? (see vocab/formats.yaml)',
    ]);
  });
});

describe('validateFiles', () => {
  it('shows only the problems in the files asked for, while still checking links between files', () => {
    const d = dir({
      providers: { 'a.yaml': provider('A').replace('formats: [group]', 'formats: [grup]'), 'b.yaml': provider('B').replace('formats: [group]', 'formats: [grupe]') },
      signatories: { 's.yaml': signatory('S', 'provider: a\n'), 't.yaml': signatory('T', 'provider: nope\n') },
    });
    const onlyA = validateFiles([d.at('providers', 'a.yaml')], d.root, { today: TODAY });
    expect(onlyA.problems.map((p) => p.file)).toEqual([d.at('providers', 'a.yaml')]);
    const onlyS = validateFiles([d.at('signatories', 's.yaml'), d.at('signatories', 't.yaml')], d.root, { today: TODAY });
    expect(onlyS.problems.map((p) => `${p.file.split('/').pop()} ${p.path}`)).toEqual(['t.yaml provider']);
  });
});

describe('validateFiles with folders and files from elsewhere', () => {
  const typo = provider('Typo').replace('formats: [group]', 'formats: [grup]');
  /** Each problem's file name and the first part of its message, in the order of the file names. */
  const messages = (result: { problems: { file: string; message: string }[] }) => result.problems.map((p) => `${path.basename(p.file)}: ${p.message.split(/[.—]/)[0]?.trim()}`).sort();

  it('takes a folder to mean every data file in it, so a broken provider in it is reported', () => {
    const d = dir({ providers: { 'typo.yaml': typo, 'good.yaml': provider('Good') }, signatories: { 's.yaml': signatory('S', 'provider: nope\n') } });
    const providers = validateFiles([d.at('providers')], d.root, { today: TODAY });
    expect(messages(providers)).toEqual(['typo.yaml: "grup" is not a known format']);
    expect(providers.files).toBe(2);
    const everything = validateFiles([d.root], d.root, { today: TODAY });
    expect(messages(everything)).toEqual(['s.yaml: "nope" is not a provider: there is no data/providers/nope', 'typo.yaml: "grup" is not a known format']);
  });

  it('checks a file from outside the data folder as a provider or a signatory, by the folder it is in or by its fields', () => {
    const d = dir({ providers: { 'linked.yaml': provider('Linked') }, signatories: { 'first.yaml': signatory('First', 'provider: linked\n') } });
    const at = outside({ 'my-group.yaml': typo, 'copy/signatories/second.yaml': signatory('Second', 'provider: linked\n') });
    const result = validateFiles([at('my-group.yaml'), at('copy/signatories/second.yaml')], d.root, { today: TODAY });
    expect(messages(result)).toEqual(['my-group.yaml: "grup" is not a known format', expect.stringMatching(/^second\.yaml: "linked" is already linked from .*first$/)]);
    expect(result.files).toBe(2);
  });

  it('checks a file from outside in place of the data file with the same name, as it would be once moved in', () => {
    const d = dir({ providers: { 'the-group.yaml': provider('The Group') } });
    const at = outside({ 'the-group.yaml': provider('The Group').replace('formats: [group]', 'formats: [drop-in]') });
    expect(validateFiles([at('the-group.yaml')], d.root, { today: TODAY }).problems).toEqual([]);
  });

  it('refuses, as errors, a file from outside that is neither a provider nor a signatory, a name that does not exist, and a folder with nothing to check', () => {
    const d = dir({ providers: { 'good.yaml': provider('Good') }, files: { 'signatories/logos/': '' } });
    const at = outside({ 'notes.yaml': 'name: Just a name\n', 'notes.txt': 'hello', 'empty/.gitkeep': '' });
    const result = validateFiles([at('notes.yaml'), at('notes.txt'), at('empty'), d.at('providers', 'goood.yaml'), d.at('signatories', 'logos')], d.root, { today: TODAY });
    expect(result.problems.map((p) => `${path.basename(p.file)}: ${p.severity}: ${p.message}`).sort()).toEqual([
      expect.stringMatching(/^empty: error: has no \.yaml files in it to check\.$/),
      expect.stringMatching(/^goood\.yaml: error: there is no such file\./),
      expect.stringMatching(/^logos: error: has no data files in it to check\.$/),
      expect.stringMatching(/^notes\.txt: error: is not a YAML data file\. Data files end in \.yaml and go in .*providers\/ or .*signatories\/\.$/),
      expect.stringMatching(/^notes\.yaml: error: is outside the data folder, and its fields do not say whether it is a provider or a Charter signatory\./),
    ]);
  });

  it('reports a file inside a folder that should not be in the data folder by that folder, and passes a file the checker does not read', () => {
    const d = dir({ files: { 'providers/draft/new.yaml': provider('New'), 'providers/README.md': '# Providers' } });
    expect(messages(validateFiles([d.at('providers', 'draft', 'new.yaml')], d.root, { today: TODAY }))).toEqual(['draft: is a folder, but providers/ holds only']);
    expect(validateFiles([d.at('providers', 'README.md')], d.root, { today: TODAY }).problems).toEqual([]);
  });
});

describe('loadDataset', () => {
  it('returns the validated dataset, and the same one on a second call', () => {
    const d = dir({ providers: { 'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml') } });
    const first = loadDataset(d.root);
    expect(first.providers.map((p) => p.slug)).toEqual(['every-field']);
    expect(loadDataset(d.root)).toBe(first);
  });

  it('refuses to give the build invalid data, listing every error in the validator\'s format', () => {
    const d = dir({ providers: { 'a.yaml': provider('A').replace('formats: [group]', 'formats: [grup]'), 'b.yaml': '- a list\n' } });
    let error: unknown;
    try {
      loadDataset(d.root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDataError);
    const message = (error as Error).message;
    expect(message).toContain('The data has errors, so the site was not built:');
    expect(message).toContain(`${d.at('providers', 'a.yaml')}:9:15: error: services[0].formats[0]: "grup" is not a known format`);
    expect(message).toContain(`${d.at('providers', 'b.yaml')}:1:1: error: the file holds a list`);
    expect(message).toMatch(/22 files checked: 2 errors, 0 warnings\.$/);
    expect((error as InvalidDataError).problems.length).toBe(2);
  });

  it('gives a town-only place its town\'s coordinates from the gazetteer, for the map and the exports', () => {
    const d = dir({ providers: { 'town-precision.yaml': readFixture('providers', 'valid', 'town-precision.yaml') } });
    const [worthing, hall] = loadDataset(d.root).providers[0]!.data.services[0]!.locations!;
    const { places } = parse(readFileSync(d.at('gazetteer.yaml'), 'utf8')) as { places: { name: string; latitude: number; longitude: number }[] };
    const point = (name: string) => {
      const place = places.find((p) => p.name === name);
      return { latitude: place?.latitude, longitude: place?.longitude };
    };
    expect(worthing).toEqual({ town: 'Worthing', precision: 'town', ...point('Worthing') });
    expect(hall).toMatchObject({ town: 'shoreham-by-sea', precision: 'town', ...point('Shoreham-by-Sea') });
  });

  it('builds with warnings, printing them', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const d = dir({ providers: { 'old.yaml': provider('Old').replace('last_checked: 2026-06-01', 'last_checked: 2020-01-01') } });
      expect(loadDataset(d.root).providers.length).toBe(1);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/old\.yaml:13:17: warning: verification\.last_checked: was last checked on 2020-01-01/));
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the dataset snapshot', () => {
  // The build loads src/lib twice (the integration's copy and the pages' bundled copy): a fresh import is the other copy.
  type Copy = { fs: typeof import('../../../src/lib/dataset/dataset-fs.ts'); places: typeof import('../../../src/lib/places/place-coordinates.ts') };
  async function otherCopy(): Promise<Copy> {
    vi.resetModules();
    return { fs: await import('../../../src/lib/dataset/dataset-fs.ts'), places: await import('../../../src/lib/places/place-coordinates.ts') };
  }
  /** What `fn` printed about validating (SPSD_VALIDATE_DEBUG), and what it returned. */
  function validations<T>(fn: () => T): { validated: number; value: T } {
    vi.stubEnv('SPSD_VALIDATE_DEBUG', '1');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const value = fn();
      return { validated: warn.mock.calls.filter(([m]) => String(m).startsWith('validate:')).length, value };
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  }
  const venueByPostcode = `    locations:\n      - name: Harbour Hall\n        postcode: BN43 5DA\n        precision: exact\n`;
  const withVenue = () => provider('Venue', '').replace('    communities: [everyone]\n', `    communities: [everyone]\n${venueByPostcode}`);
  const snapshotFile = () => path.join(outside({})(), 'dataset.v8');

  it('is read by another copy of the module as the same dataset, without validating again', async () => {
    const d = dir({ providers: { 'venue.yaml': withVenue(), 'town.yaml': readFixture('providers', 'valid', 'town-precision.yaml') } });
    const first = await otherCopy();
    const written = validations(() => first.fs.writeDatasetSnapshot(snapshotFile(), d.root));
    expect(written.validated).toBe(1);
    const second = await otherCopy();
    const read = validations(() => second.fs.loadDataset(d.root, written.value));
    expect(read.validated).toBe(0);
    expect(read.value).toStrictEqual(first.fs.loadDataset(d.root));
  });

  it('leaves town positions out, and the copy that reads it finds its own', async () => {
    const d = dir({ providers: { 'venue.yaml': withVenue() } });
    const first = await otherCopy();
    const snapshot = first.fs.writeDatasetSnapshot(snapshotFile(), d.root);
    const mine = first.fs.loadDataset(d.root).providers[0]!.data.services[0]!.locations![0]!;
    expect(first.places.townPosition(mine)).toEqual(expect.objectContaining({ latitude: expect.any(Number) }));
    const stored = v8.deserialize(readFileSync(snapshot.file)) as ReturnType<typeof first.fs.loadDataset>;
    expect(Object.getOwnPropertySymbols(stored.providers[0]!.data.services[0]!.locations![0]!)).toEqual([]);
    const second = await otherCopy();
    const theirs = second.fs.loadDataset(d.root, snapshot).providers[0]!.data.services[0]!.locations![0]!;
    expect(second.places.townPosition(theirs)).toEqual(first.places.townPosition(mine));
  });

  it('is not read when a data file changed after it was written: the data is validated again', async () => {
    const d = dir({ providers: { 'one.yaml': provider('One') } });
    const snapshot = (await otherCopy()).fs.writeDatasetSnapshot(snapshotFile(), d.root);
    writeFileSync(d.at('providers', 'two.yaml'), provider('Two'));
    const { fs } = await otherCopy();
    const read = validations(() => fs.loadDataset(d.root, snapshot));
    expect(read.validated).toBe(1);
    expect(read.value.providers.map((p) => p.data.name)).toEqual(['One', 'Two']);
  });

  it('lets go of the dataset on request, and gives a new one when asked again', async () => {
    const d = dir({ providers: { 'one.yaml': provider('One') } });
    const { fs } = await otherCopy();
    const first = fs.loadDataset(d.root);
    fs.forgetDataset();
    const again = fs.loadDataset(d.root);
    expect(again).not.toBe(first);
    expect(again).toStrictEqual(first);
  });
});
