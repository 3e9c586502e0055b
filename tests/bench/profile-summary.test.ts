// Summarising a V8 .cpuprofile: self time by function and by module, time with a module on the stack, and one module's share.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { focusProfile, summariseProfile } from '../../bench/profile-summary.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const temp = tempDirs('bench-profile');

/** A list of the summary as [name or module, ms, percentage] rows. */
const rows = (list: { name?: string; module?: string; ms: number; pct: number }[]) => list.map((row) => [row.name ?? row.module, row.ms, row.pct]);

interface Frame {
  id: number;
  functionName: string;
  url: string;
  /** 0-based, as V8 writes it. */
  lineNumber?: number;
  children?: number[];
}

/** Writes a .cpuprofile of these nodes, with one sample a [node id, microseconds] pair. */
function profileFile(frames: Frame[], samples: [number, number][]): string {
  const file = path.join(temp.make(), 'CPU.test.cpuprofile');
  const nodes = frames.map((f) => ({ id: f.id, callFrame: { functionName: f.functionName, scriptId: '0', url: f.url, lineNumber: f.lineNumber ?? 0, columnNumber: 0 }, hitCount: 0, ...(f.children ? { children: f.children } : {}) }));
  const total = samples.reduce((a, [, us]) => a + us, 0);
  writeFileSync(file, JSON.stringify({ nodes, startTime: 1_000_000, endTime: 1_000_000 + total, samples: samples.map(([id]) => id), timeDeltas: samples.map(([, us]) => us) }));
  return file;
}

// A build's profile, 100 ms in all:
//   (root)
//   ├─ main            src/lib/build.ts:10          self 10 ms
//   │  ├─ parse        yaml (node_modules):1        self 20 ms (two samples)
//   │  │  └─ (garbage collector)                   self 5 ms
//   │  ├─ render       @astrojs/internal-helpers:42 self 3 ms
//   │  │  └─ writeFile node:fs:100                 self 12 ms
//   │  └─ renderPage   a prerender chunk:5          self 0
//   │     └─ (anonymous) yaml:3                    self 19.4 ms
//   └─ (idle)                                      self 30.6 ms
const APP = 'file:///home/dev/directory';
const BUILD_PROFILE: [Frame[], [number, number][]] = [
  [
    { id: 1, functionName: '(root)', url: '', children: [2, 6] },
    { id: 2, functionName: 'main', url: `${APP}/src/lib/build.ts`, lineNumber: 9, children: [3, 4, 8] },
    { id: 3, functionName: 'parse', url: `${APP}/node_modules/yaml/dist/parse.js`, children: [5] },
    { id: 4, functionName: 'render', url: `${APP}/node_modules/@astrojs/internal-helpers/dist/render.js`, lineNumber: 41, children: [7] },
    { id: 5, functionName: '(garbage collector)', url: '' },
    { id: 6, functionName: '(idle)', url: '' },
    { id: 7, functionName: 'writeFile', url: 'node:fs', lineNumber: 99 },
    { id: 8, functionName: 'renderPage', url: `${APP}/dist/.prerender/chunks/providers_AbC123.mjs`, lineNumber: 4, children: [9] },
    { id: 9, functionName: '', url: `${APP}/node_modules/yaml/dist/stringify.js`, lineNumber: 2 },
  ],
  [
    [3, 10_000],
    [5, 5000],
    [7, 12_000],
    [2, 10_000],
    [6, 30_600],
    [3, 10_000],
    [9, 19_400],
    [4, 3000],
  ],
];

describe('summariseProfile', () => {
  const summary = () => summariseProfile(profileFile(...BUILD_PROFILE));

  it('adds up the sampled time', () => {
    expect(summary().totalMs).toBe(100);
  });

  it('gives the time spent in each function itself, named with its module and line (counted from 1), the most first', () => {
    expect(rows(summary().byFunction)).toEqual([
      ['(idle) (native/VM)', 31, 30.6],
      ['parse yaml:1', 20, 20],
      ['(anonymous) yaml:3', 19, 19.4],
      ['writeFile node:fs:100', 12, 12],
      ['main src/lib/build.ts:10', 10, 10],
      ['(garbage collector) (native/VM)', 5, 5],
      ['render @astrojs/internal-helpers:42', 3, 3],
    ]);
  });

  it("gives each module's own time: a package by its name, a scoped package with its scope, the project's files from src/", () => {
    expect(rows(summary().byModule)).toEqual([
      ['yaml', 39, 39.4],
      ['(native/VM)', 36, 35.6],
      ['node:fs', 12, 12],
      ['src/lib/build.ts', 10, 10],
      ['@astrojs/internal-helpers', 3, 3],
    ]);
  });

  it('gives the time with each module anywhere on the stack, callees included, counting a sample once per module', () => {
    // main is under every sample but the idle ones; yaml is under its own two functions and the collector they set off.
    expect(rows(summary().inclusiveByModule)).toEqual([
      ['src/lib/build.ts', 69, 69.4],
      ['yaml', 44, 44.4],
      ['chunk providers_AbC123', 19, 19.4],
      ['@astrojs/internal-helpers', 15, 15],
      ['node:fs', 12, 12],
    ]);
  });

  it('keeps only the top entries of each list when asked', () => {
    const top = summariseProfile(profileFile(...BUILD_PROFILE), 2);
    expect(top.byFunction.map((f) => f.name)).toEqual(['(idle) (native/VM)', 'parse yaml:1']);
    expect(top.byModule.map((m) => m.module)).toEqual(['yaml', '(native/VM)']);
    expect(top.inclusiveByModule.map((m) => m.module)).toEqual(['src/lib/build.ts', 'yaml']);
    expect(top.totalMs).toBe(100);
  });

  it.each([
    [`${APP}/node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js`, 'yaml'],
    [`${APP}/node_modules/.pnpm/@astrojs+compiler@1/node_modules/@astrojs/compiler/dist/index.js`, '@astrojs/compiler'],
    [`${APP}/src/pages/providers/[slug]/index.astro?astro&type=script`, 'src/pages/providers/[slug]/index.astro'],
    ['file:///home/dev/src/directory/src/lib/build.ts', 'src/lib/build.ts'],
    [`${APP}/dist/.prerender/site-files_DVX4eyX0.mjs`, 'chunk site-files_DVX4eyX0'],
    ['node:internal/fs/utils', 'node:internal/fs/utils'],
    ['file:///opt/tools/helper.js?v=2', '/opt/tools/helper.js'],
  ])('names the module of %s as %s', (url, module) => {
    const file = profileFile([{ id: 1, functionName: '(root)', url: '', children: [2] }, { id: 2, functionName: 'f', url }], [[2, 1000]]);
    expect(summariseProfile(file).byModule).toEqual([{ module, ms: 1, pct: 100 }]);
  });
});

describe('focusProfile', () => {
  it('counts only the samples with the named module on the stack, and gives shares of that time', () => {
    const focus = focusProfile(profileFile(...BUILD_PROFILE), 'yaml');
    // parse (20 ms), the collector under it (5 ms) and the anonymous function (19.4 ms): 44.4 ms.
    expect(focus.totalMs).toBe(44);
    expect(rows(focus.byModule)).toEqual([
      ['yaml', 39, 88.7],
      ['(native/VM)', 5, 11.3],
    ]);
    expect(rows(focus.byFunction)).toEqual([
      ['parse yaml:1', 20, 45],
      ['(anonymous) yaml:3', 19, 43.7],
      ['(garbage collector) (native/VM)', 5, 11.3],
    ]);
  });

  it("takes part of a module's name, such as a route's chunk without its hash, and counts what that module calls", () => {
    const focus = focusProfile(profileFile(...BUILD_PROFILE), 'chunk providers');
    expect(focus.focus).toBe('chunk providers');
    expect(focus.totalMs).toBe(19);
    expect(rows(focus.byModule)).toEqual([['yaml', 19, 100]]);
  });

  it('leaves out samples where the module is only further down the tree, not on their stack', () => {
    // node:fs is called from render only: render's own 3 ms and everything outside it are not in its time.
    const focus = focusProfile(profileFile(...BUILD_PROFILE), 'node:fs');
    expect(focus.totalMs).toBe(12);
    expect(rows(focus.byFunction)).toEqual([['writeFile node:fs:100', 12, 100]]);
  });

  it('gives no time and empty lists for a module that is not in the profile', () => {
    expect(focusProfile(profileFile(...BUILD_PROFILE), 'pagefind')).toEqual({ focus: 'pagefind', totalMs: 0, byFunction: [], byModule: [] });
  });
});
