// How the synthetic providers are written as YAML: plain scalars where safe, quoted otherwise, flow lists
// and maps, block text.

export const PLAIN = /^(?:\p{L}|\d+ \p{L})[\p{L}\p{N} ,.'’&()/+-]*[\p{L}\p{N}.)’+]$/u;
export const KEYWORDS = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

export function scalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return PLAIN.test(value) && !KEYWORDS.test(value) && !/: | #/.test(value) ? value : JSON.stringify(value);
}

export function flowList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

export function flowMap(map: Record<string, string | number | boolean | undefined>): string {
  return `{${Object.entries(map)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${scalar(v as string)}`)
    .join(', ')}}`;
}

/** A multi-line value as a literal block, indented under its key. */
export function block(text: string, indent: string): string {
  return `|\n${text
    .split('\n')
    .map((line) => (line ? `${indent}${line}` : ''))
    .join('\n')}\n`;
}

export type Line = [key: string, value: string | undefined];

export function emit(lines: Line[], indent: string, first = indent): string {
  let out = '';
  let lead = first;
  for (const [key, value] of lines) {
    if (value === undefined) continue;
    out += value.startsWith('|\n') ? `${lead}${key}: ${value}` : value.startsWith('\n') ? `${lead}${key}:${value}` : `${lead}${key}: ${value}\n`;
    lead = indent;
  }
  return out;
}
