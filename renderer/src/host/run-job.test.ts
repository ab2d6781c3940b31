import type { JobName } from '../../../core/protocol/jobs';
import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../../core/jobs/job';
import { isCancelled } from '../../../core/protocol/errors';
import type { HostApi } from '../../../core/protocol/host-api';
import { createMemoryHost } from './memory-host';
import { runJob } from './run-job';

// A job that sums 1..n in steps, reporting progress and yielding between steps.
const sumJob = defineJob({
  request: z.object({ n: z.number().int().min(0).max(10_000) }),
  cost: (request) => ({ bytes: 8, flops: request.n }),
  async run(request, context) {
    let total = 0;
    for (let k = 1; k <= request.n; k++) {
      total += k;
      if (k % 10 === 0) {
        context.progress(k / request.n, 'summing');
        await new Promise((resolve) => setTimeout(resolve, 0));
        context.checkCancelled();
      }
    }
    return { total };
  },
});
const failJob = defineJob({
  request: z.object({}),
  cost: () => ({ bytes: 8, flops: 1 }),
  run() {
    throw new RangeError('the matrix is too large');
  },
});

function host(): HostApi {
  // The typed API knows only the real catalog; these tests run their own jobs through it.
  return createMemoryHost({ sum: sumJob, fail: failJob });
}
/** A job name outside the typed catalog: these tests run their own jobs through the host. */
const loose = (job: string) => job as JobName;

describe('runJob over the in-memory host', () => {
  it('returns the result and reports monotone progress', async () => {
    const fractions: number[] = [];
    const result = (await runJob(host(), loose('sum'), { n: 100 } as never, {
      onProgress: (event) => fractions.push(event.fraction),
    })) as unknown as { total: number };
    expect(result.total).toBe(5050);
    expect(fractions.length).toBe(10);
    expect(fractions.at(-1)).toBe(1);
    for (let k = 1; k < fractions.length; k++)
      expect(fractions[k]).toBeGreaterThan(fractions[k - 1]);
  });

  it('rejects an invalid request with a readable message', async () => {
    await expect(runJob(host(), loose('sum'), { n: -1 } as never)).rejects.toThrow(/not valid/);
  });

  it('passes a job error through with its name', async () => {
    await expect(runJob(host(), loose('fail'), {} as never)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'the matrix is too large',
    });
  });

  it('aborting rejects at once and cancels the job on the host', async () => {
    const memory = host();
    const cancelled: string[] = [];
    const spying: HostApi = {
      ...memory,
      compute: (job, request, options) => memory.compute(job, request, options),
      cancel: (jobId) => {
        cancelled.push(jobId);
        return memory.cancel(jobId);
      },
    };
    const controller = new AbortController();
    let progressAfterAbort = false;
    const running = runJob(spying, loose('sum'), { n: 10_000 } as never, {
      signal: controller.signal,
      onProgress: () => {
        if (controller.signal.aborted) progressAfterAbort = true;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await running.catch((caught: unknown) => caught);
    expect(isCancelled(error)).toBe(true);
    expect(cancelled).toHaveLength(1);
    expect(progressAfterAbort).toBe(false);
  });

  it('an already-aborted signal never starts the job', async () => {
    let started = false;
    const watching: HostApi = {
      ...host(),
      info: () => Promise.reject(new Error('unused')),
      compute: () => {
        started = true;
        return Promise.reject(new Error('unused'));
      },
      cancel: () => Promise.resolve(),
    };
    const controller = new AbortController();
    controller.abort();
    await expect(
      runJob(watching, loose('sum'), { n: 1 } as never, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBe(false);
  });

  it('a cancelled memory job rejects with CancelledError from the host itself', async () => {
    const memory = host();
    const running = memory.compute(loose('sum'), { n: 10_000 } as never, { jobId: 'job-1' });
    await memory.cancel('job-1');
    const error = await running.catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('CancelledError');
  });

  it('file methods are refused with a readable Unsupported error', async () => {
    await expect(host().recentProjects()).rejects.toMatchObject({
      name: 'Unsupported',
      message: expect.stringMatching(/^recentProjects is not available in the in-page host/),
    });
    const info = await host().info();
    expect(info).toMatchObject({ host: 'memory', nativeDialogs: false, workers: 0 });
  });

  it('an unknown job is refused', async () => {
    await expect(host().compute(loose('nope'), {} as never)).rejects.toMatchObject({
      name: 'UnknownJobError',
    });
  });
});
