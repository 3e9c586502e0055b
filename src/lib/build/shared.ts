// What the integration and the pages share during one build. Astro loads src/lib twice in one process (with
// the config, for the integration, and bundled, for the pages), so a module variable is not seen by the other
// copy: a process-wide slot is. This module is the only code that touches those slots.

const PREFIX = 'sussex-peer-support-directory.';
type Slots = Record<symbol, unknown>;

function slot(name: string): symbol {
  return Symbol.for(PREFIX + name);
}

/** The value shared under `name`, made by `make` the first time any copy asks for it. */
export function shared<T>(name: string, make: () => T): T {
  const slots = globalThis as unknown as Slots;
  const key = slot(name);
  if (!(key in slots) || slots[key] === undefined) slots[key] = make();
  return slots[key] as T;
}

/** Sets the value shared under `name` (the integration, before any page is rendered). */
export function setShared<T>(name: string, value: T): void {
  (globalThis as unknown as Slots)[slot(name)] = value;
}

/** The value shared under `name`, or undefined when nothing set it. */
export function getShared<T>(name: string): T | undefined {
  return (globalThis as unknown as Slots)[slot(name)] as T | undefined;
}
