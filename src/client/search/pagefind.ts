// The parts of Pagefind's browser API the search page uses (it is loaded from the built site, untyped).
export interface PagefindResultData {
  url: string;
  filters?: Record<string, string[]>;
  content?: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export type Filters = Record<string, { any: string[] }>;
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters: Filters }) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
