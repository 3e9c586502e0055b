// The share files, as the build writes them (calendars and correction data, then short links): nothing is lost. Every provider gets its short-link page and its
// data for the correction form, every running service with sessions its calendar file, and the template goes.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataDir } from '../../../src/lib/dataset/dataset-fs.ts';
import { hasCalendar } from '../../../src/lib/share/ics.ts';
import { EDIT_DATA_PER_FILE, editDataPath, SHORT_LINK_TEMPLATE, shortLinkTemplateDir } from '../../../src/lib/share/share-files.ts';
import { writeProviderFiles, writeShortLinks } from '../../../src/lib/share/share-files-fs.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { makeDataDir, TODAY } from '../../helpers/data-dir.ts';

const data = makeDataDir({ providers: Object.fromEntries(fixtureFiles('providers', 'valid').map((f) => [f.path.split('/').pop()!, f.bytes])) });
const out = mkdtempSync(path.join(os.tmpdir(), 'spsd-share-'));
afterAll(() => {
  data.remove();
  rmSync(out, { recursive: true, force: true });
});

describe('writeProviderFiles and writeShortLinks', () => {
  const dataset = validateDataDir(data.root, { today: TODAY }).dataset;
  let written = 0;
  beforeAll(async () => {
    mkdirSync(path.join(out, shortLinkTemplateDir), { recursive: true });
    writeFileSync(path.join(out, shortLinkTemplateDir, 'index.html'), `<h1>${SHORT_LINK_TEMPLATE.name}</h1><a href="/providers/${SHORT_LINK_TEMPLATE.slug}/">Go</a>`);
    written = (await writeProviderFiles({ out, dataset, site: 'https://example.org/', base: '/', data: data.root })) + (await writeShortLinks({ out, dataset }));
  });
  const services = dataset.providers.flatMap((e) => e.data.services.filter(hasCalendar).map((s) => ({ slug: e.slug, service: s })));

  it('writes a short-link page for every provider, and removes the template', () => {
    expect(readdirSync(path.join(out, 'p')).sort()).toEqual(dataset.providers.map((e) => e.slug).sort());
    for (const e of dataset.providers) expect(readFileSync(path.join(out, 'p', e.slug, 'index.html'), 'utf8')).toContain(`<a href="/providers/${e.slug}/">`);
    expect(existsSync(path.join(out, shortLinkTemplateDir))).toBe(false);
  });

  it('writes a calendar file that ical.js reads for every running service with sessions', () => {
    expect(services.length).toBeGreaterThan(1);
    for (const { slug, service } of services) {
      const text = readFileSync(path.join(out, 'calendar', `${slug}--${service.id}.ics`), 'utf8');
      expect(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')).toHaveLength(service.schedule!.sessions!.length);
    }
  });

  it('writes each provider’s data and file text for the correction form', () => {
    for (const [i, e] of dataset.providers.entries()) {
      const json = JSON.parse(readFileSync(path.join(out, editDataPath('', i)), 'utf8'))[e.slug];
      expect(json).toMatchObject({ slug: e.slug, file: `data/providers/${e.slug}.yaml`, data: JSON.parse(JSON.stringify(e.data)) });
      expect(json.text).toBe(readFileSync(data.at('providers', `${e.slug}.yaml`), 'utf8').replace(/\r\n?/g, '\n'));
    }
  });

  it('says how many files it wrote', () => {
    // A short link each, a calendar a service, and the correction data ten providers to a file.
    expect(written).toBe(dataset.providers.length + services.length + Math.ceil(dataset.providers.length / EDIT_DATA_PER_FILE));
  });
});
