// Reads the data folder for the upkeep report; the report itself is made in staleness.ts.
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, validateDataDir } from '../dataset/dataset-fs.ts';
import { checkWebsites, DEFAULT_MONTHS, renderReport, staleEntries, websitesToCheck, type CheckOptions, type Report } from './staleness.ts';

export interface StalenessOptions extends CheckOptions {
  root?: string;
  today?: string;
  months?: number;
  /** Skip the website checks (no network at all). */
  offline?: boolean;
  repoUrl?: string;
  branch?: string;
  maxChars?: number;
}

export interface StalenessRun extends Report {
  entries: number;
  websites: number;
}

export async function stalenessReport(options: StalenessOptions = {}): Promise<StalenessRun> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { dataset } = validateDataDir(options.root ?? dataDir(), { today });
  const stale = staleEntries(dataset, today, options.months ?? DEFAULT_MONTHS);
  const websites = websitesToCheck(dataset);
  const results = options.offline ? undefined : await checkWebsites(websites.map((w) => w.url), options);
  const report = renderReport({
    today,
    months: options.months ?? DEFAULT_MONTHS,
    stale,
    websites,
    results,
    repoUrl: options.repoUrl,
    branch: options.branch,
    timeoutMs: options.timeoutMs,
    maxChars: options.maxChars,
  });
  return { ...report, entries: dataset.providers.length + dataset.signatories.length, websites: websites.length };
}

/** Writes the report in one step (temporary file, then rename). */
export function writeReport(file: string, markdown: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, markdown);
  renameSync(temp, file);
}

/** For GitHub Actions: `findings=<n>` in the step's outputs. */
export function writeGithubOutput(file: string, findings: number): void {
  appendFileSync(file, `findings=${findings}\n`);
}
