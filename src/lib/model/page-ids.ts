// The ids a provider page gives its own parts. Each service's section takes its id as an anchor (#<id>, and
// <id>-title for its heading), so a service id must not make one of these: the validator and the form refuse it.
// The components that own these ids: BaseLayout (main), CrisisHelp, and the share kit (share/links.ts, ShareKit).

export const PROVIDER_PAGE_IDS = ['main', 'crisis-title', 'share-title', 'share-qr-title', 'share-qr-code', 'share-embed-code', 'share-embed-preview-title'] as const;

/** The id of the page's own that a service with this id would repeat, if any. */
export function pageIdClash(serviceId: string): string | undefined {
  return PROVIDER_PAGE_IDS.find((id) => id === serviceId || id === `${serviceId}-title`);
}
