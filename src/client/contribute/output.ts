// The file the form makes, and the ways to send it: GitHub's new-file or edit page, copy or download, email.
import type { ProviderEditData } from '../../lib/contribute/edit-data.ts';
import { entryEmail, MAILTO_LIMIT } from '../../lib/mailto.ts';
import { entryPath, renderProvider } from '../../lib/provider-yaml.ts';
import type { ContributeConfig } from './config.ts';
import { newFileUrl, URL_LIMIT } from './send.ts';

/** The group being corrected: its file's layout is known once the schema has loaded (see edit-layout.ts). */
export type Editing = ProviderEditData & { comments?: boolean; exact?: boolean };

/** The elements of the "send" part. */
export interface Outputs {
  fileName: HTMLElement;
  status: HTMLElement;
  yaml: HTMLElement;
  github: HTMLElement;
  githubLink: HTMLAnchorElement;
  copy: HTMLElement;
  newPage: HTMLAnchorElement;
  edit: HTMLElement;
  editLink: HTMLAnchorElement;
  inexact: HTMLElement;
  heading: HTMLElement;
  email: HTMLElement | null;
  emailLink: HTMLAnchorElement | null;
  emailLong: HTMLElement | null;
}

/** The line above the file: loading, ready, or how many things are left to fix. */
export function fileStatus(validated: boolean, ready: boolean, editing: boolean, errors: number): string {
  if (!validated) return 'Loading the checks…';
  if (ready) return editing ? 'The corrected file is ready.' : 'The file is ready.';
  return `The file is not ready yet: ${errors === 1 ? 'there is 1 thing' : `there are ${errors} things`} to fix in the form. Choose “Check the answers” to see them all.`;
}

/** Which way to send shows: GitHub's page with the file filled in when its address fits, else copy; edit for a correction. */
export function sendWays(ready: boolean, editing: boolean, urlLength: number): { github: boolean; copy: boolean; edit: boolean } {
  return { github: ready && !editing && urlLength <= URL_LIMIT, copy: ready && !editing && urlLength > URL_LIMIT, edit: ready && editing };
}

/** Shows the file and the ways to send it; returns the file's text ('' until the schema has loaded). */
export function showFile(
  out: Outputs,
  config: ContributeConfig,
  s: { provider: Record<string, unknown>; slug: string; editing?: Editing; schema?: Record<string, unknown>; validated: boolean; errors: number },
): string {
  const { provider, slug, editing, schema } = s;
  const file = editing?.file ?? entryPath('provider', slug);
  out.fileName.textContent = file;
  // A correction keeps the file's layout: with the schema's comments if it had them, without if not.
  const yaml = schema ? renderProvider(provider, schema, { comments: editing?.comments ?? true }) : '';
  out.yaml.textContent = yaml || 'Loading…';
  const ready = Boolean(schema && s.validated) && s.errors === 0;
  out.status.textContent = fileStatus(s.validated, ready, !!editing, s.errors);
  const url = newFileUrl(config.repository, config.branch, file, yaml);
  const ways = sendWays(ready, !!editing, url.length);
  out.github.hidden = !ways.github;
  out.copy.hidden = !ways.copy;
  out.edit.hidden = !ways.edit;
  out.inexact.hidden = !editing || editing.exact !== false;
  out.githubLink.href = ready ? url : '#';
  out.newPage.href = newFileUrl(config.repository, config.branch, file);
  out.editLink.href = `${config.editUrlPrefix}${file}`;
  const to = config.correctionsEmail;
  if (to && out.email && out.emailLink && out.emailLong) {
    // Without the schema's comments: the message is for a volunteer, and shorter fits more mail programs.
    const plain = ready ? renderProvider(provider, schema!, { comments: false }) : '';
    const about = { name: typeof provider.name === 'string' ? provider.name : slug, file, editing: !!editing };
    const whole = entryEmail(to, { ...about, yaml: plain });
    const fits = whole.length <= MAILTO_LIMIT;
    out.email.hidden = !ready;
    out.emailLong.hidden = fits;
    out.emailLink.href = !ready ? '#' : fits ? whole : entryEmail(to, { ...about, yaml: '(Paste the text of the file here.)' });
  }
  return yaml;
}
