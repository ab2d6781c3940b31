// Runs a job through any host with an AbortSignal: aborting cancels the job on the host and
// rejects at once with an AbortError, and a result that arrives after the abort is dropped.
import type { HostApi, ProgressEvent } from '../../../core/protocol/host-api';
import type { JobName, JobRequest, JobResult } from '../../../core/protocol/jobs';

export interface RunJobOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

let counter = 0;

export function newJobId(job: string): string {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 10);
  return `${job}-${counter}-${random}`;
}

export function abortError(): Error {
  const error = new Error('The job was cancelled.');
  error.name = 'AbortError';
  return error;
}

export function runJob<K extends JobName>(
  host: HostApi,
  job: K,
  request: JobRequest<K>,
  options: RunJobOptions = {},
): Promise<JobResult<K>> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(abortError());
  const jobId = newJobId(job);
  return new Promise<JobResult<K>>((resolve, reject) => {
    const onAbort = () => {
      reject(abortError());
      // The host may already have finished; a failed cancel is nothing to report.
      host.cancel(jobId).catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    host
      .compute(job, request, {
        jobId,
        onProgress: (event) => {
          if (!signal?.aborted) onProgress?.(event);
        },
      })
      .then(
        (result) => {
          if (signal?.aborted) reject(abortError());
          else resolve(result);
        },
        (error: unknown) => reject(signal?.aborted ? abortError() : error),
      )
      .finally(() => signal?.removeEventListener('abort', onAbort));
  });
}
