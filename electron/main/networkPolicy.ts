import { pathToFileURL } from 'node:url';

/**
 * Fieldtune is offline by design: the renderer may load its own files and nothing else. Every other
 * request is refused and logged, so an accidental remote reference shows up instead of leaking data.
 */
export function createNetworkPolicy(rendererDir: string) {
  const base = pathToFileURL(rendererDir.endsWith('/') ? rendererDir : `${rendererDir}/`).href;
  return {
    /** The app's own pages: the only place navigation may go. */
    isAppPage(url: string): boolean {
      return url.startsWith(base);
    },
    /** Any request the renderer makes (scripts, styles, fetch, images). */
    isAllowedRequest(url: string): boolean {
      if (url.startsWith(base)) return true;
      return url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
    },
  };
}
export type NetworkPolicy = ReturnType<typeof createNetworkPolicy>;
