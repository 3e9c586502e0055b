// Valid files broken at random, the same way on every run (seeded), for tests that the tools cope with anything.

/** A small linear congruential generator: the same seed gives the same numbers. */
export function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

// What a volunteer's slip or a hostile file might put in a line: YAML syntax, odd scalars, comments, markup, control characters.
const PIECES = ['', ' ', ':', '- ', '"', "'", '{', '}', '[', ']', '&a', '*a', '<<: *a', '!!binary', '!!str', '\t', '#', ' # a comment', '\n# a comment on its own line\n', '|', '>', '~', 'null', '0', '-1', '1e999', '.inf', '0x10', '1_000', 'true', '2026-13-45', '24:00', '99:99', '\u0000', '\ufeff', '\r', '%', '@', '?', '💥', '<script>alert(1)</script>', 'javascript:alert(1)'];

/** One to three edits: a line dropped, repeated, swapped, cut short, re-indented, given a new value, or a piece put in it. */
export function mutate(text: string, next: () => number): string {
  const pick = <T,>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const lines = text.split('\n');
  for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
    const i = Math.floor(next() * lines.length);
    const j = Math.floor(next() * lines.length);
    const line = lines[i] ?? '';
    const at = Math.floor(next() * (line.length + 1));
    const colon = line.indexOf(': ');
    switch (Math.floor(next() * 7)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(j, 0, line);
        break;
      case 2:
        lines[i] = line.slice(0, at) + pick(PIECES) + line.slice(at);
        break;
      case 3:
        lines[i] = ' '.repeat(Math.floor(next() * 4)) + line.trimStart();
        break;
      case 4:
        if (colon > 0) lines[i] = line.slice(0, colon + 2) + pick(PIECES);
        break;
      case 5:
        [lines[i], lines[j]] = [lines[j]!, line];
        break;
      default:
        lines[i] = line.slice(0, at);
    }
  }
  return lines.join('\n');
}
