// Async work over many items, a fixed number at a time: enough to keep a disk or a child process busy, few
// enough to bound memory and open file handles.

export async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
