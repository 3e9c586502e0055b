// "Send by email": mailto: links with the correction or the entry in their body, so no one needs a GitHub
// account and no third-party form service sees anything. Pure; the address comes from site-config.ts.

/**
 * Past this, the file is copied into the message by hand: browsers and most mail programs take longer mailto:
 * links, but some cut them. The message ends with a line that says so, so a volunteer can tell a cut one.
 */
export const MAILTO_LIMIT = 8000;

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

/**
 * The maintainers' address from its setting, or undefined when it is unset or empty (then the site offers no
 * email at all). A value that is not an email address stops the build, naming the setting and the fix.
 */
export function emailSetting(value: string | undefined, name = 'CORRECTIONS_EMAIL'): string | undefined {
  const email = value?.trim();
  if (!email) return undefined;
  if (!EMAIL.test(email)) throw new Error(`${name}="${value}" is not an email address. Set it to the address that should receive corrections (for example ${name}=corrections@example.org), or leave it unset to offer no email.`);
  return email;
}

/** A mailto: link; subject and body are encoded as RFC 6068 asks (spaces as %20, line breaks as %0D%0A). */
export function mailtoUrl(to: string, { subject, body }: { subject?: string; body?: string } = {}): string {
  const fields: string[] = [];
  if (subject) fields.push(`subject=${encodeURIComponent(subject)}`);
  if (body) fields.push(`body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`);
  return `mailto:${encodeURI(to)}${fields.length ? `?${fields.join('&')}` : ''}`;
}

/** The email a visitor starts from a group's page: the page's address, then places to write what is wrong. */
export function correctionEmail(to: string, name: string, pageUrl: string): string {
  return mailtoUrl(to, {
    subject: `Correction: ${name}`,
    body: [`Page: ${pageUrl}`, '', 'What is wrong:', '', '', 'What it should say:', '', '', 'How you know (for example a leaflet or web page):', '', ''].join('\n'),
  });
}

/** The email a visitor sends from the form: the file's name and text, ready for a volunteer to add. */
export function entryEmail(to: string, { name, file, yaml, editing }: { name: string; file: string; yaml: string; editing: boolean }): string {
  const intro = editing ? `A correction to ${name}, made with the directory's form.` : `A new group for the directory, made with the directory's form: ${name}.`;
  return mailtoUrl(to, { subject: `${editing ? 'Correction' : 'New group'}: ${name}`, body: `${intro}\n\nFile: ${file}\n\n${yaml.trimEnd()}\n\n(End of the file.)\n` });
}

/** The email for a request to remove personal details, from the privacy page. */
export function removalEmail(to: string): string {
  return mailtoUrl(to, {
    subject: 'Please remove personal details',
    body: ['Page address (if you know it):', '', '', 'What should be removed:', '', ''].join('\n'),
  });
}
