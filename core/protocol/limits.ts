// What one window or connection may ask of a host at once, and how much memory and time one job
// or file read may take. The host refuses past these with the sentences below, so a person (or a
// test) reads the same words the host enforces.
import { formatBytes, formatSeconds } from '../quantities';

export interface HostLimits {
  /** The largest message the host reads (a socket frame); larger ones close that connection. */
  messageBytes: number;
  /** Requests one connection may have waiting or running at once. */
  queuedRequests: number;
  /** Uploads one connection may have open at once. */
  pendingUploads: number;
  /** The largest chunk of an upload. */
  chunkBytes: number;
  /** Memory one job or file read may plan to use. */
  memoryBudgetBytes: number;
  /** Time one job may plan to take, in seconds. */
  timeBudgetSeconds: number;
}

/** The limits as a person reads them (README, the web host's start-up lines, refusals). */
export function describeLimits(limits: HostLimits): string[] {
  return [
    `A message to the host may be at most ${formatBytes(limits.messageBytes)}; a larger one closes its connection (the page reconnects).`,
    `One window or connection may have at most ${limits.queuedRequests} requests waiting or running at once.`,
    `One window or connection may upload at most ${limits.pendingUploads} files at once, in chunks of at most ${formatBytes(limits.chunkBytes)}; an upload's only size limit is the free disk space.`,
    `One job or file read may plan to use at most ${formatBytes(limits.memoryBudgetBytes)} of memory and ${formatSeconds(limits.timeBudgetSeconds)} of time.`,
  ];
}
