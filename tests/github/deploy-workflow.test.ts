// The deploy workflow's permissions: the job that runs npm install and the build must not be able to publish.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[] }>;
}

const workflow = parse(readFileSync(new URL('../../.github/workflows/deploy.yml', import.meta.url), 'utf8')) as Workflow;
const WRITE = ['pages', 'id-token'];

describe('deploy.yml', () => {
  test('the workflow as a whole grants no write permission, only reading the repository', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  test('the build job, which runs npm install and the build, cannot write to Pages or get an id token', () => {
    const build = workflow.jobs.build?.permissions ?? workflow.permissions ?? {};
    for (const p of WRITE) expect(build[p], p).not.toBe('write');
  });

  test('only the deploy job can write to Pages and get an id token', () => {
    expect(workflow.jobs.deploy?.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const others = Object.entries(workflow.jobs).filter(([name]) => name !== 'deploy');
    for (const [name, job] of others) for (const p of WRITE) expect(job.permissions?.[p], `${name}: ${p}`).not.toBe('write');
  });
});

describe('link preview pictures in the deploy build', () => {
  const steps = workflow.jobs.build?.steps ?? [];
  const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
  test('are kept between runs in the folder the build draws them into, by a pinned action', () => {
    expect(cache?.uses).toMatch(/^actions\/cache@[0-9a-f]{40}\b/);
    expect(cache?.with?.path).toBe('node_modules/.cache/spsd-previews');
  });
  test('are restored before the build and keyed by the data and the code that draws them', () => {
    const build = steps.findIndex((s) => s.run === 'npm run build');
    expect(steps.indexOf(cache!)).toBeLessThan(build);
    expect(steps.indexOf(cache!)).toBeGreaterThan(steps.findIndex((s) => s.run?.startsWith('npm install')));
    for (const part of ['data/**', 'src/lib/share/**', 'package-lock.json']) expect(cache?.with?.key).toContain(part);
  });
  test('come only from runs on main (or started by hand), never from a pull request', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });
});
