// scripts/schema.ts --check, as `npm test` runs it. (It is never run without --check here: that would write files.)
import { describe, expect, it } from 'vitest';
import { runSchemaScript } from '../helpers/run.ts';

describe('npm run schema', () => {
  it('finds the committed schema and types up to date with --check, and exits 0', () => {
    const r = runSchemaScript(['--check']);
    expect(r.stderr).not.toContain('out of date');
    expect(r.status).toBe(0);
  });

  it('prints its help with --help, and exits 0', () => {
    const r = runSchemaScript(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run schema/);
  });
});
