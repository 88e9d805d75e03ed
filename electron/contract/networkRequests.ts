// Offline, visible: blocked network attempts are reported to the core, which writes each one to the audit log, and
// the app shows how many there were (zero is the goal).
import { z } from 'zod';

export const NetworkSource = z.enum(['core', 'page', 'window']);
export type NetworkSource = z.infer<typeof NetworkSource>;

export const NetworkStatus = z.object({
  /** Blocked attempts written to the audit log, since the workspace was made. */
  blocked: z.number().int().nonnegative(),
  /** Whether the core's own process refuses connections to other computers. */
  guarded: z.boolean(),
});
export type NetworkStatus = z.infer<typeof NetworkStatus>;

export const networkRequests = {
  /** A request the page (its Content-Security-Policy) or the desktop window's policy refused. */
  'network:report': {
    input: z.object({ url: z.string().max(2000), source: NetworkSource.exclude(['core']) }).strict(),
    output: NetworkStatus,
  },
  'network:status': { input: z.object({}).strict(), output: NetworkStatus },
} as const;
