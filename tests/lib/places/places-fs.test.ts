// The lookup the build serves as /places.json: read from data/, small, and never built from broken data.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { loadPlaceLookup } from '../../../src/lib/places/places-fs.ts';
import { lookupPlaces, resolvePlace } from '../../../src/lib/places/places.ts';
import { makeDataDir } from '../../helpers/data-dir.ts';

describe('loadPlaceLookup', () => {
  test('builds the lookup from data/, and it stays small: under 10 kB gzipped', () => {
    const lookup = loadPlaceLookup(path.join(PROJECT_ROOT, 'data'));
    expect(lookupPlaces(lookup).length).toBeGreaterThanOrEqual(250);
    expect(resolvePlace('RH10 1AA', lookup)).toMatchObject({ kind: 'postcode', place: { id: 'crawley' } });
    const json = JSON.stringify(lookup);
    expect(gzipSync(json).length).toBeLessThan(10_000);
  });

  test('leaves out where each place\'s coordinates were checked: the browser does not need the sources', () => {
    const d = makeDataDir({
      files: {
        'gazetteer.yaml': 'places:\n  - {name: Iford, district: lewes, kind: village, latitude: 50.85, longitude: -0.01, source: {url: "https://en.wikipedia.org/wiki/Iford,_East_Sussex", checked: 2026-12-07}}\n',
        'postcodes.yaml': 'districts:\n  - {code: BN7, place: iford}\n',
      },
    });
    try {
      const json = JSON.stringify(loadPlaceLookup(d.root));
      expect(json).toContain('"Iford"');
      expect(json).not.toContain('wikipedia');
      expect(json).not.toContain('2026-12-07');
      expect(json).not.toContain('source');
    } finally {
      d.remove();
    }
    // The real file's places have sources too, and none of their addresses reaches /places.json.
    expect(JSON.stringify(loadPlaceLookup(path.join(PROJECT_ROOT, 'data')))).not.toMatch(/https?:|checked/);
  });

  test('stops the build, saying where, when the postcode list has an error', () => {
    const d = makeDataDir({ files: { 'postcodes.yaml': 'districts:\n  - {code: BN11, place: nowhere}\n' } });
    try {
      expect(() => loadPlaceLookup(d.root)).toThrow(/postcodes\.yaml:2:25: error: districts\[0\]\.place: "BN11" has the place "nowhere"/);
    } finally {
      d.remove();
    }
  });
});
