// Small word helpers shared by the map's modules: HTML escaping for Leaflet's html strings, and counts.
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
/** 14144 → "14,144". One formatter: toLocaleString makes a new one each call, which is slow for thousands of markers. */
export const count = new Intl.NumberFormat('en-GB').format;
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
