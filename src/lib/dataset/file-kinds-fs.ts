// What kind of thing a path is, without following a symbolic link: data is read only from ordinary files, so a
// link out of the repository (providers/passwd.yaml -> /etc/passwd), a dangling link or a FIFO is never opened.
import { lstatSync } from 'node:fs';

export type FileKind = 'file' | 'folder' | 'symlink' | 'fifo' | 'socket' | 'device' | 'missing';

export function fileKind(full: string): FileKind {
  let st;
  try {
    st = lstatSync(full);
  } catch {
    return 'missing';
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'device';
}

/** Why a path that is neither an ordinary file nor a folder is refused, with the fix; undefined for those two. */
export function unusualFileReason(kind: FileKind): string | undefined {
  switch (kind) {
    case 'symlink':
      return 'is a symbolic link, and links are not read or published. Put the file itself here instead of a link to it.';
    case 'fifo':
    case 'socket':
    case 'device':
      return `is a ${kind === 'fifo' ? 'named pipe' : kind === 'socket' ? 'socket' : 'device file'}, not an ordinary file. Remove it.`;
    case 'missing':
      return 'could not be read. Check that it is an ordinary file you can open.';
    default:
      return undefined;
  }
}
