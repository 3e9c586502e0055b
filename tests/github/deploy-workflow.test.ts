// The deploy workflow's permissions: the job that runs npm install and the build must not be able to publish.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string> }>;
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
