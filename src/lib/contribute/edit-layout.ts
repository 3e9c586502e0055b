// How a correction made in the /contribute/ form writes a group's file back: with the schema's comments (as
// `npm run new` writes) or without, and whether the untouched form gives the file back exactly as it is.
// The browser decides this from the file's text once the schema has loaded, so the build does not render
// every provider's YAML twice. Browser-safe: no node: imports.
import { renderProvider } from '../provider-yaml.ts';

export interface EditLayout {
  /** Write the corrected file with the comments from the schema, or without. */
  comments: boolean;
  /** True when the form, untouched, gives back the file exactly as it is. */
  exact: boolean;
}

export function editLayout(text: string, data: unknown, schema: Record<string, unknown>): EditLayout {
  const file = text.replace(/\r\n?/g, '\n');
  const withComments = renderProvider(data, schema);
  if (file === withComments) return { comments: true, exact: true };
  const plain = renderProvider(data, schema, { comments: false });
  if (file === plain) return { comments: false, exact: true };
  // A file in neither layout keeps comments if it has any beyond the schema line.
  return { comments: file.split('\n').slice(1).some((l) => /^\s*#/.test(l)), exact: false };
}
