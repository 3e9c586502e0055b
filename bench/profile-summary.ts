// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package/file, top entries.
// tsx bench/profile-summary.ts FILE…              the summary
// tsx bench/profile-summary.ts --focus NAME FILE  only samples with module NAME on the stack (e.g. a route's chunk)
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Time spent in each function itself. */
  byFunction: { name: string; ms: number; pct: number }[];
  /** Time spent in each module's own code. */
  byModule: { module: string; ms: number; pct: number }[];
  /** Time with the module anywhere on the stack: what calling into it costs, callees included. */
  inclusiveByModule: { module: string; ms: number; pct: number }[];
}

function moduleOf(url: string): string {
  if (!url) return '(native/VM)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  // Astro's prerender chunks are named after the module they mostly hold (site-files_DVX4eyX0.mjs); the hash
  // tells apart two routes of the same name (providers/[slug] and p/[slug]).
  const chunk = /\.prerender\/(?:chunks\/)?([^/]+?)\.mjs$/.exec(url);
  if (chunk) return `chunk ${chunk[1]}`;
  // The last /src/ is the project's own: a checkout may sit under a folder named src.
  const src = url.lastIndexOf('/src/');
  if (src >= 0) return url.slice(src + 1).replace(/\?.*$/, '');
  return url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
}

/**
 * Self time by function and by module, counting only samples with `focus` (a module name, as moduleOf gives
 * it, or part of one) somewhere on the stack: where the time of one route or one library goes.
 */
export function focusProfile(file: string, focus: string, top = 15): { focus: string; totalMs: number; byFunction: ProfileSummary['byFunction']; byModule: ProfileSummary['byModule'] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inFocus = new Map<number, boolean>();
  const focused = (id: number): boolean => {
    const known = inFocus.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)!.callFrame.url;
    const up = parent.get(id);
    const result = (!!url && moduleOf(url).includes(focus)) || (up !== undefined && focused(up));
    inFocus.set(id, result);
    return result;
  };
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    if (!focused(id)) continue;
    const us = p.timeDeltas[i] ?? 0;
    total += us;
    const n = byId.get(id)!;
    const m = moduleOf(n.callFrame.url);
    const name = `${n.callFrame.functionName || '(anonymous)'} ${m}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    mod.set(m, (mod.get(m) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const row = (us: number) => ({ ms: Math.round(us / 1000), pct: total ? Math.round((1000 * us) / total) / 10 : 0 });
  return {
    focus,
    totalMs: Math.round(total / 1000),
    byFunction: rank(fn).map(([name, us]) => ({ name, ...row(us) })),
    byModule: rank(mod).map(([module, us]) => ({ module, ...row(us) })),
  };
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const m = moduleOf(n.callFrame.url);
    const name = `${n.callFrame.functionName || '(anonymous)'} ${m}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    mod.set(m, (mod.get(m) ?? 0) + us);
  }
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url;
      if (url) seen.add(moduleOf(url));
    }
    for (const m of seen) inclusive.set(m, (inclusive.get(m) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    totalMs: Math.round(totalUs / 1000),
    byFunction: rank(fn).map(([name, us]) => ({ name, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / totalUs) / 10 })),
    byModule: rank(mod).map(([module, us]) => ({ module, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / totalUs) / 10 })),
    inclusiveByModule: rank(inclusive).map(([module, us]) => ({ module, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / totalUs) / 10 })),
  };
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--focus');
  if (at >= 0) {
    const focus = args[at + 1] ?? '';
    for (const f of args.filter((_, i) => i !== at && i !== at + 1)) {
      const s = focusProfile(f, focus, 30);
      console.log(`${f}: ${s.totalMs} ms with "${focus}" on the stack`);
      for (const m of s.byModule) console.log(`    ${String(m.pct).padStart(5)}%  ${String(m.ms).padStart(6)} ms  ${m.module}`);
      for (const m of s.byFunction) console.log(`    ${String(m.pct).padStart(5)}%  ${String(m.ms).padStart(6)} ms  ${m.name}`);
    }
    process.exit(0);
  }
  for (const f of args) {
    const s = summariseProfile(f, 25);
    console.log(`${f}: ${s.totalMs} ms sampled`);
    console.log('  by module:');
    for (const m of s.byModule) console.log(`    ${String(m.pct).padStart(5)}%  ${String(m.ms).padStart(6)} ms  ${m.module}`);
    console.log('  by module, callees included:');
    for (const m of s.inclusiveByModule) console.log(`    ${String(m.pct).padStart(5)}%  ${String(m.ms).padStart(6)} ms  ${m.module}`);
    console.log('  by function (self):');
    for (const m of s.byFunction) console.log(`    ${String(m.pct).padStart(5)}%  ${String(m.ms).padStart(6)} ms  ${m.name}`);
  }
}
