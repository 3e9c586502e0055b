// What the /contribute/ form offers once the file is ready: GitHub's "new file" page with the file filled in,
// or, when that address would be too long for browsers and GitHub, the text to copy or download.

/** Longer addresses than this are cut off by some browsers and refused by GitHub. */
export const URL_LIMIT = 8000;

/** GitHub's page for a new file in the repository, with the file's name and text filled in. */
export function newFileUrl(repository: string, branch: string, file: string, content?: string): string {
  const base = `https://github.com/${repository}/new/${encodeURI(branch)}?filename=${encodeURI(file)}`;
  return content === undefined ? base : `${base}&value=${encodeURIComponent(content)}`;
}

/** Copies text; resolves false when the browser does not allow it (the caller then selects it instead). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects the text of an element, so "Ctrl+C" copies it. */
export function selectText(el: Element): void {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Saves text as a file on the visitor's computer; nothing is sent anywhere. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
