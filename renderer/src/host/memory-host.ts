// An in-process host: runs catalog jobs on the page's own thread. Used for component tests and
// when the page is opened without a host. It speaks the same envelopes as the others (the same
// client and server, with structured clone standing in for the transport), so requests are
// validated, budgeted and answered exactly as a real host does.
import type { z } from 'zod';
import { checkBudget, defaultBudget } from '../../../core/jobs/budget';
import { CancelledError, type JobContext } from '../../../core/jobs/context';
import type { Job } from '../../../core/jobs/job';
import { hostError } from '../../../core/protocol/errors';
import { createHostClient } from '../../../core/protocol/host-client';
import type { HostApi, HostInfo } from '../../../core/protocol/host-api';
import type { HostHandlers } from '../../../core/protocol/host-methods';
import { serveRequest } from '../../../core/protocol/serve-request';
import { unsupportedHandlers } from './unsupported';

/** Any job of the catalog: its result type is erased here, the contract types it for callers. */
type AnyJob = Job<z.ZodType, unknown>;
export type JobTable = Record<string, AnyJob>;

export function createMemoryHost(jobs: JobTable, version = '0.0.0'): HostApi {
  const cancelled = new Set<string>();
  const running = new Set<string>();
  const cores =
    typeof navigator !== 'undefined' && navigator.hardwareConcurrency
      ? navigator.hardwareConcurrency
      : 1;
  // A page has far less room than a host: an eighth of a typical 8 GiB machine.
  const budget = defaultBudget(4 * 1024 ** 3);
  const limits = {
    messageBytes: 160 * 1024 ** 2,
    queuedRequests: 64,
    pendingUploads: 0,
    chunkBytes: 0,
    memoryBudgetBytes: budget.memoryBytes,
    timeBudgetSeconds: budget.seconds,
  };

  const handlers: HostHandlers = {
    // Files and weights need a real host: the in-page host only computes.
    ...unsupportedHandlers(
      'in the in-page host (open Rankscope with `npm start` or `npm run serve`)',
    ),
    info: (): HostInfo => ({
      app: 'Rankscope',
      version,
      host: 'memory',
      versions: {},
      cores,
      workers: 0,
      nativeDialogs: false,
      limits,
    }),
    async compute([name, request, options], call) {
      const jobId = options?.jobId ?? `memory-${Math.random()}`;
      const job = Object.hasOwn(jobs, name) ? jobs[name] : undefined;
      if (!job) throw hostError('UnknownJobError', `There is no job named "${name}".`);
      if (job.hostOnly)
        throw hostError(
          'Unsupported',
          `The job "${name}" reads files, so only a real host runs it.`,
        );
      running.add(jobId);
      const context: JobContext = {
        progress(fraction, message) {
          call.progress({ fraction: Math.min(1, Math.max(0, fraction)), message });
        },
        checkCancelled() {
          if (cancelled.has(jobId)) throw new CancelledError();
        },
      };
      try {
        // Yield once so that a cancel() issued right after compute() is seen before the job starts.
        await Promise.resolve();
        context.checkCancelled();
        const parsed = job.request.safeParse(request);
        if (!parsed.success)
          throw hostError(
            'RequestError',
            `The request for "${name}" is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
          );
        checkBudget(`The job “${name}”`, job.cost(parsed.data), budget);
        const result: unknown = await job.run(parsed.data, context);
        context.checkCancelled();
        return result as never;
      } finally {
        running.delete(jobId);
        cancelled.delete(jobId);
      }
    },
    cancel([jobId]) {
      if (running.has(jobId)) cancelled.add(jobId);
    },
  };

  const client = createHostClient((request) => {
    void serveRequest(handlers, structuredClone(request), (reply) =>
      client.receive(structuredClone(reply)),
    );
  });
  return client.host;
}
