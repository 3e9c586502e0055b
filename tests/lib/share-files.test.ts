// The share kit's files made after the build: short-link pages from one template, calendar files and each
// provider's data for the correction form.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { hasCalendar } from '../../src/lib/ics.ts';
import { calendarFiles, EDIT_DATA_PER_FILE, editDataFiles, editDataPath, escapeAttribute, escapeHtml, SHORT_LINK_TEMPLATE, shortLinkPages, type ProviderEditData } from '../../src/lib/share-files.ts';
import type { Dataset } from '../../src/lib/validate.ts';
import { fixtureFiles } from '../helpers/fixtures.ts';
import { TODAY, validate } from '../helpers/data-dir.ts';

const providers = Object.fromEntries(fixtureFiles('providers', 'valid').map((f) => [f.path.split('/').pop()!, f.bytes]));
const dataset: Dataset = validate({ providers }).dataset;
const { slug: SLUG, name: NAME } = SHORT_LINK_TEMPLATE;
const TEMPLATE = `<title>${NAME} | Directory</title><meta http-equiv="refresh" content="0; url=/providers/${SLUG}/"><h1>${NAME}</h1><a href="/providers/${SLUG}/">Go to ${NAME}</a>`;

describe('shortLinkPages', () => {
  it('makes /p/<slug>/index.html for every provider, with its slug and name in place of the template’s', () => {
    const pages = shortLinkPages(dataset.providers, TEMPLATE);
    expect(pages.map((p) => p.path)).toEqual(dataset.providers.map((e) => `p/${e.slug}/index.html`));
    for (const [i, page] of pages.entries()) {
      const { slug, data } = dataset.providers[i]!;
      expect(page.text).toBe(`<title>${escapeHtml(data.name)} | Directory</title><meta http-equiv="refresh" content="0; url=/providers/${slug}/"><h1>${escapeHtml(data.name)}</h1><a href="/providers/${slug}/">Go to ${escapeHtml(data.name)}</a>`);
    }
  });

  it('escapes names as Astro does, and takes "$" in a name literally', () => {
    const entry = { ...dataset.providers[0]!, data: { ...dataset.providers[0]!.data, name: `Tom's <"Tea"> & $& talk` } };
    const [page] = shortLinkPages([entry], TEMPLATE);
    expect(page!.text).toContain('<h1>Tom&#39;s &lt;&quot;Tea&quot;&gt; &amp; $&amp; talk</h1>');
  });

  it('isolates a right-to-left name in the page title and text, so it cannot reorder the words around it', () => {
    const entry = { ...dataset.providers[0]!, data: { ...dataset.providers[0]!.data, name: 'مجموعة دعم' } };
    expect(shortLinkPages([entry], TEMPLATE)[0]!.text).toMatch(/^<title>\u2068مجموعة دعم\u2069 \| Directory<\/title>/);
  });

  it('refuses a template without the slug and name to fill in', () => {
    expect(() => shortLinkPages(dataset.providers, '<h1>Hello</h1>')).toThrow(/template/);
  });
});

describe('calendarFiles', () => {
  const files = calendarFiles(dataset, { site: 'https://example.org/', base: '/dir/', buildDate: TODAY });

  it('makes one file for each running service with sessions, at /calendar/<slug>--<service>.ics', () => {
    const expected = dataset.providers.flatMap((e) => e.data.services.filter(hasCalendar).map((s) => `calendar/${e.slug}--${s.id}.ics`));
    expect(expected.length).toBeGreaterThan(1);
    expect(files.map((f) => f.path)).toEqual(expected);
  });

  it('each parses with ical.js, one Europe/London event per session, linking to the service under the base path', () => {
    for (const entry of dataset.providers) {
      for (const service of entry.data.services.filter(hasCalendar)) {
        const file = files.find((f) => f.path === `calendar/${entry.slug}--${service.id}.ics`)!;
        const events = new ICAL.Component(ICAL.parse(file.text)).getAllSubcomponents('vevent');
        expect(events).toHaveLength(service.schedule!.sessions!.length);
        for (const e of events) {
          expect(e.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
          expect(e.getFirstPropertyValue('url')).toBe(`https://example.org/dir/providers/${entry.slug}/#${service.id}`);
          expect(e.getFirstPropertyValue('uid')).toMatch(new RegExp(`^${entry.slug}\\.${service.id}\\.\\d+@example\\.org$`));
        }
      }
    }
  });
});

describe('editDataFiles', () => {
  it('holds each provider’s slug, file path, text (with Unix line endings) and data, by slug', () => {
    const entry = dataset.providers[0]!;
    const [file] = editDataFiles([entry], ['# schema\r\nname: X\r\n'], 0);
    expect(file!.path).toBe('contribute/providers/0.json');
    expect(JSON.parse(file!.text)).toEqual({ [entry.slug]: { slug: entry.slug, file: `data/providers/${entry.slug}.yaml`, text: '# schema\nname: X\n', data: entry.data } satisfies ProviderEditData });
  });

  it('gives a town-only place as its file does, without the coordinates the build took from the gazetteer', () => {
    const entry = structuredClone(dataset.providers.find((p) => p.slug === 'town-precision')!);
    const town = entry.data.services[0]!.locations![0]!;
    Object.assign(town, { latitude: 50.818, longitude: -0.372 });
    const [file] = editDataFiles([entry], ['name: X\n'], 0);
    const data = (JSON.parse(file!.text) as Record<string, ProviderEditData>)[entry.slug]!.data;
    expect(data.services[0]!.locations![0]).toEqual({ town: 'Worthing', precision: 'town' });
    expect(town.latitude).toBe(50.818);
  });

  it('puts providers ten to a file, each file named by the place of its first provider in the list', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ ...dataset.providers[0]!, slug: `group-${i}` }));
    const files = editDataFiles(entries, entries.map(() => 'name: X\n'), 30);
    expect(EDIT_DATA_PER_FILE).toBe(10);
    expect(files.map((f) => f.path)).toEqual(['contribute/providers/3.json', 'contribute/providers/4.json', 'contribute/providers/5.json']);
    expect(files.map((f) => Object.keys(JSON.parse(f.text)).length)).toEqual([10, 10, 5]);
    // Where the form looks for a provider is where it is.
    entries.forEach((e, i) => expect(Object.keys(JSON.parse(files.find((f) => `/${f.path}` === editDataPath('/', 30 + i))!.text))).toContain(e.slug));
  });

  it('refuses to start part way through a file', () => {
    expect(() => editDataFiles([dataset.providers[0]!], ['x'], 5)).toThrow(/does not start a file/);
  });
});

describe('shortLinkPages with the link preview', () => {
  it("puts each provider's preview words, with its areas, where the template has the placeholder", () => {
    const template = `${TEMPLATE}<meta property="og:image:alt" content="${SHORT_LINK_TEMPLATE.alt}"><meta property="og:image" content="/previews/${SLUG}.png">`;
    const pages = shortLinkPages(dataset.providers, template, dataset.vocab);
    for (const [i, page] of pages.entries()) {
      const { slug, data } = dataset.providers[i]!;
      expect(page.text).toContain(`<meta property="og:image" content="/previews/${slug}.png">`);
      expect(page.text).toMatch(new RegExp(`<meta property="og:image:alt" content="${escapeHtml(data.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Peer support in [^"]+\\. Sussex Peer Support Directory\\.">`));
      expect(page.text).not.toContain(SHORT_LINK_TEMPLATE.alt);
    }
  });

  it('writes a name with an apostrophe, an ampersand and a quote in the preview words once escaped, as Astro writes the provider page', () => {
    const entry = { ...dataset.providers[0]!, data: { ...dataset.providers[0]!.data, name: `Men's "Shed" & Tea` } };
    const template = `<meta property="og:title" content="${NAME}"><meta property="og:image:alt" content="${SHORT_LINK_TEMPLATE.alt}"><h1>${NAME}</h1><a href="/providers/${SLUG}/">`;
    const [page] = shortLinkPages([entry], template, dataset.vocab);
    expect(page!.text).toMatch(/^<meta property="og:title" content="Men's &quot;Shed&quot; &amp; Tea"><meta property="og:image:alt" content="Men's &quot;Shed&quot; &amp; Tea\. Peer support in [^"]+\. Sussex Peer Support Directory\."><h1>Men&#39;s &quot;Shed&quot; &amp; Tea<\/h1><a href="\/providers\/[a-z0-9-]+\/">$/);
    expect(escapeAttribute(`Men's "Shed" & Tea`)).toBe('Men\'s &quot;Shed&quot; &amp; Tea');
  });

  it('fills in a name that holds another placeholder\'s text as it is, not as that placeholder', () => {
    const entry = { ...dataset.providers[0]!, data: { ...dataset.providers[0]!.data, name: `Group ${SHORT_LINK_TEMPLATE.alt}` } };
    const template = `<meta property="og:image:alt" content="${SHORT_LINK_TEMPLATE.alt}"><h1>${NAME}</h1><a href="/providers/${SLUG}/">`;
    expect(shortLinkPages([entry], template, dataset.vocab)[0]!.text).toContain(`<h1>Group ${SHORT_LINK_TEMPLATE.alt}</h1>`);
  });
});
