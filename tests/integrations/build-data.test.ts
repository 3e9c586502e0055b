// The virtual module through which the integration hands the pages what it worked out before them.
import { describe, expect, it } from 'vitest';
import { BUILD_DATA_MODULE, buildDataPlugin, buildDataSource, type BuildData } from '../../src/integrations/build-data.ts';

type Hooks = { resolveId: (id: string) => string | undefined; load: (id: string) => string | undefined };

/** The module's default export, as a page importing it would get it. */
async function imported(source: string): Promise<unknown> {
  return ((await import(`data:text/javascript,${encodeURIComponent(source)}`)) as { default: unknown }).default;
}

describe('the build data module', () => {
  const data: BuildData = {
    dataset: { file: '/tmp/spsd-dataset-x/dataset.v8', root: '/data', fingerprint: 'abc' },
    openDataSizes: [['services.csv', 1234], ['directory.json', 56]],
    hsdsRowCounts: { organizations: 1 } as BuildData['hsdsRowCounts'],
  };

  it('exports what the build learnt, unchanged and in order', async () => {
    expect(await imported(buildDataSource(data))).toEqual(data);
  });

  it('exports an empty object when there was no build (astro dev), so pages work things out themselves', async () => {
    expect(await imported(buildDataSource({}))).toEqual({});
  });

  it('is served under its name only, with the data as it is when Vite loads it, not when the plugin was made', async () => {
    let current: BuildData = {};
    const plugin = buildDataPlugin(() => current) as unknown as Hooks;
    const resolved = plugin.resolveId(BUILD_DATA_MODULE);
    expect(resolved).toBeDefined();
    expect(plugin.resolveId('virtual:something-else')).toBeUndefined();
    expect(plugin.load('/src/pages/index.astro')).toBeUndefined();
    expect(await imported(plugin.load(resolved!)!)).toEqual({});
    current = data;
    expect(await imported(plugin.load(resolved!)!)).toEqual(data);
  });
});
