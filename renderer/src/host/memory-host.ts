// An in-process host: runs catalog jobs on the page's own thread. Used for component tests and
// when the page is opened without a host. Requests are validated exactly as a real host does.
import type { z } from 'zod';
import { HostError, serializeError } from '../../../core/protocol/errors';
import type { HostApi, HostInfo } from '../../../core/protocol/host-api';
import type { Job } from '../../../core/jobs/job';
import { CancelledError, type JobContext } from '../../../core/jobs/context';
import { unsupportedHost } from './unsupported';

/** Any job of the catalog: its result type is erased here, the contract types it for callers. */
type AnyJob = Job<z.ZodType, unknown>;
export type JobTable = Record<string, AnyJob>;

let nextJobNumber = 1;

export function createMemoryHost(jobs: JobTable, version = '0.0.0'): HostApi {
  const cancelled = new Set<string>();
  const running = new Set<string>();

  const host = {
    // Files and weights need a real host: the in-page host only computes.
    ...unsupportedHost('in the in-page host (open Rankscope with `npm start` or `npm run serve`)'),
    async info(): Promise<HostInfo> {
      const cores =
        typeof navigator !== 'undefined' && navigator.hardwareConcurrency
          ? navigator.hardwareConcurrency
          : 1;
      return {
        app: 'Rankscope',
        version,
        host: 'memory',
        versions: {},
        cores,
        workers: 0,
        nativeDialogs: false,
        homeFolder: '',
      };
    },

    async compute(
      name: string,
      request: unknown,
      options: {
        jobId?: string;
        onProgress?: (event: { fraction: number; message?: string }) => void;
      } = {},
    ): Promise<unknown> {
      const jobId = options.jobId ?? `memory-${nextJobNumber++}`;
      const job = Object.hasOwn(jobs, name) ? jobs[name] : undefined;
      if (!job)
        throw new HostError({
          name: 'UnknownJobError',
          message: `There is no job named "${name}".`,
        });
      running.add(jobId);
      const context: JobContext = {
        progress(fraction, message) {
          options.onProgress?.({ fraction: Math.min(1, Math.max(0, fraction)), message });
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
        if (!parsed.success) {
          throw new HostError({
            name: 'RequestError',
            message: `The request for "${name}" is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
          });
        }
        const result: unknown = await job.run(parsed.data, context);
        context.checkCancelled();
        return result;
      } catch (error) {
        throw error instanceof HostError ? error : new HostError(serializeError(error));
      } finally {
        running.delete(jobId);
        cancelled.delete(jobId);
      }
    },

    async cancel(jobId: string): Promise<void> {
      if (running.has(jobId)) cancelled.add(jobId);
    },
  };
  return host as HostApi;
}
