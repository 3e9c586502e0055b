// The GitHub issue forms: generated from the vocabularies, fresh, and acceptable to GitHub.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import { ADD_A_GROUP_FILE, addGroupForm, issueFormFiles, issueFormProblems, REPORT_A_PROBLEM_FILE, reportProblemForm, type FormElement, type IssueForm } from '../../src/lib/issue-forms.ts';
import { reportProblemUrl } from '../../src/lib/site-config.ts';
import { loadVocabularies } from '../../src/lib/validate/index.ts';
import { makeDataDir, vocabSources, type TempDataDir } from '../helpers/data-dir.ts';
import { runScript } from '../fixtures/contrib/harness.ts';

const vocab = loadVocabularies(vocabSources()).vocab;
const read = (rel: string, root = PROJECT_ROOT) => readFileSync(path.join(root, rel), 'utf8');
const element = (form: IssueForm, id: string) => form.body.find((e) => e.id === id) as FormElement;
const options = (form: IssueForm, id: string) => element(form, id).attributes.options as string[];

describe('issue forms', () => {
  it('in the repository are up to date with the vocabularies (npm run issue-forms -- --check)', async () => {
    const r = await runScript('issue-forms.ts', ['--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const [rel, content] of issueFormFiles(vocab)) expect(read(rel)).toBe(content);
  });

  it('have dropdowns whose options are the vocabulary labels, in order', () => {
    const add = parse(read(ADD_A_GROUP_FILE)) as IssueForm;
    const pairs: [string, keyof typeof vocab][] = [
      ['led_by', 'leaders'], ['areas', 'areas'], ['districts', 'districts'], ['formats', 'formats'], ['communities', 'communities'],
      ['settings', 'settings'], ['access', 'access'], ['cost', 'costs'], ['accessibility', 'accessibility'],
    ];
    for (const [id, name] of pairs) expect(options(add, id), id).toEqual(vocab[name].terms.map((t) => t.label));
    const report = parse(read(REPORT_A_PROBLEM_FILE)) as IssueForm;
    expect(options(report, 'status')).toEqual(vocab['service-statuses'].terms.map((t) => t.label));
    expect(options(report, 'communities')).toEqual(vocab.communities.terms.map((t) => t.label));
  });

  it('break none of the rules GitHub applies to issue forms', () => {
    expect(issueFormProblems(addGroupForm(vocab))).toEqual([]);
    expect(issueFormProblems(reportProblemForm(vocab))).toEqual([]);
    for (const rel of [ADD_A_GROUP_FILE, REPORT_A_PROBLEM_FILE]) {
      const form = parse(read(rel)) as IssueForm;
      expect(Object.keys(form).every((k) => ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body'].includes(k))).toBe(true);
      for (const e of form.body) {
        expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(e.type);
        expect(Object.keys(e).every((k) => ['type', 'id', 'attributes', 'validations'].includes(k))).toBe(true);
      }
      // Every text is quoted, so GitHub's YAML reader never turns an option like "Yes" or "No" into true or false.
      for (const line of read(rel).split('\n')) if (/^\s+- /.test(line)) expect(line).toMatch(/^\s+- (?:"|\w+: ")/);
      expect(read(rel)).toMatch(/^# Generated from data\/vocab\/\*\.yaml by "npm run issue-forms"/);
    }
  });

  it('notice what GitHub would reject', () => {
    const form = addGroupForm(vocab);
    const broken: IssueForm = {
      ...form,
      body: [
        ...form.body,
        { type: 'input', id: 'name', attributes: { label: 'Name of the group or organisation' } },
        { type: 'dropdown', id: 'bad id', attributes: { label: 'Pick', options: ['A', 'A', 'None', ''] } },
        { type: 'dropdown', id: 'empty', attributes: { label: 'Empty', options: [] } },
        { type: 'input', id: 'pw', attributes: { label: 'Your password' } },
      ],
    };
    const problems = issueFormProblems(broken).join('\n');
    expect(problems).toContain('id "name" is used twice');
    expect(problems).toContain('label "Name of the group or organisation" is used twice');
    expect(problems).toContain('id "bad id" may only have letters');
    expect(problems).toContain('has the option "A" twice');
    expect(problems).toContain('cannot have an option called "None"');
    expect(problems).toContain('has an empty option');
    expect(problems).toContain('"Empty" has no options');
    expect(problems).toContain('has a word GitHub forbids');
  });

  it('"Report a problem" has the field the site\'s "Suggest a correction" link fills in', () => {
    const url = new URL(reportProblemUrl('MindOut', 'https://example.org/providers/mindout/'));
    expect(url.searchParams.get('template')).toBe(path.basename(REPORT_A_PROBLEM_FILE));
    const report = parse(read(REPORT_A_PROBLEM_FILE)) as IssueForm;
    for (const param of url.searchParams.keys()) if (!['template', 'title', 'labels'].includes(param)) expect(element(report, param), param).toBeDefined();
  });

  it('config.yml sends people in crisis to NHS 111 option 2 and Samaritans 116 123 first', () => {
    const config = parse(read('.github/ISSUE_TEMPLATE/config.yml')) as { blank_issues_enabled: boolean; contact_links: { name: string; url: string; about: string }[] };
    expect(typeof config.blank_issues_enabled).toBe('boolean');
    const [first, second] = config.contact_links;
    expect(first?.name).toMatch(/NHS 111.*option 2/);
    expect(second?.name).toMatch(/Samaritans.*116 123/);
    for (const link of config.contact_links) expect(link.url).toMatch(/^https:\/\//);
    for (const rel of [ADD_A_GROUP_FILE, REPORT_A_PROBLEM_FILE]) {
      const intro = (parse(read(rel)) as IssueForm).body[0]?.attributes.value as string;
      expect(intro).toMatch(/NHS 111 and choose option 2.*Samaritans on 116 123/s);
    }
  });
});

describe('npm run issue-forms with a changed vocabulary', () => {
  let dir: TempDataDir;
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'spsd-forms-'));
  });
  afterEach(() => {
    dir?.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('puts a new format and a new community into the dropdowns, and --check notices the old forms are stale', async () => {
    dir = makeDataDir({
      vocab: {
        formats: (t) => `${t.trimEnd()}\n  - {id: gardening, label: Gardening together, description: "Growing things together."}\n`,
        communities: (t) => `${t.trimEnd()}\n  - {id: fixture-students, label: Fixture students, description: "A made-up community."}\n`,
      },
    });
    const stale = await runScript('issue-forms.ts', ['--check', '--data', dir.root]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`${ADD_A_GROUP_FILE}: error: out of date with data/vocab/. Run "npm run issue-forms"`);
    expect(stale.stderr).toContain(`${REPORT_A_PROBLEM_FILE}: error: out of date`);

    const r = await runScript('issue-forms.ts', ['--data', dir.root, '--out', out]);
    expect(r.status).toBe(0);
    const add = parse(read(ADD_A_GROUP_FILE, out)) as IssueForm;
    expect(options(add, 'formats').at(-1)).toBe('Gardening together');
    expect(options(add, 'communities').at(-1)).toBe('Fixture students');
    const report = parse(read(REPORT_A_PROBLEM_FILE, out)) as IssueForm;
    expect(options(report, 'formats')).toContain('Gardening together');
    // The forms in the repository itself were not touched.
    expect(read(ADD_A_GROUP_FILE)).not.toContain('Gardening together');
    expect((await runScript('issue-forms.ts', ['--check', '--data', dir.root, '--out', out])).status).toBe(0);
  });

  it('refuses, writing nothing, when two terms share a label (GitHub would reject the form)', async () => {
    dir = makeDataDir({ vocab: { formats: (t) => `${t.trimEnd()}\n  - {id: group-two, label: Group, description: "Same label as group."}\n` } });
    const r = await runScript('issue-forms.ts', ['--data', dir.root, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has the option "Group" twice');
    expect(r.stderr).toContain('nothing was written');
    expect(() => read(ADD_A_GROUP_FILE, out)).toThrow();
  });

  it('stops when a vocabulary is broken, and explains --help', async () => {
    dir = makeDataDir({ vocab: { areas: () => 'name: Areas\n' } });
    const r = await runScript('issue-forms.ts', ['--data', dir.root, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/fix the vocabularies first/);
    const help = await runScript('issue-forms.ts', ['--help']);
    expect(help.stdout).toMatch(/^Usage: npm run issue-forms/);
    expect((await runScript('issue-forms.ts', ['--nope'])).status).toBe(2);
  });
});
