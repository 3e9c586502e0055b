import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { dataDir, InvalidDataError, loadDataset, PROJECT_ROOT, readDataSources, validateDataDir, validateFiles } from '../../src/lib/dataset-fs.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { makeDataDir, provider, readFixture, signatory, TODAY, type TempDataDir } from '../helpers/data-dir.ts';

const dirs: TempDataDir[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
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
