// Small pieces of wording shared by pages, reports and commands.

/** "1 file", "2 files", "3 entries" (with `many`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 service", "1,234 services": a count as a visitor reads it, with a thousands separator. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
