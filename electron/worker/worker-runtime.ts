// The inside of a compute worker: receives job envelopes ({ id, method: job, args: [request] }), runs the named job with a context
// whose cancellation flag is shared memory, and posts progress, the result or the error back.
import { parentPort } from 'node:worker_threads';
import type { JobContext } from '../../core/jobs/context';
import { CancelledError } from '../../core/jobs/context';
import { serializeError } from '../../core/protocol/errors';
import type { WorkerReply, WorkerRequest } from '../../core/protocol/messages';
import { collectTransferables } from '../services/transferables';

export type JobRunner = (request: unknown, context: JobContext) => unknown;

/** Progress is rate-limited so a tight loop reporting every row does not flood the host. */
const progressIntervalMs = 50;

export function serveJobs(runners: Record<string, JobRunner>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run inside a worker thread');
  const post = (message: WorkerReply, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);

  port.on('message', async (message: WorkerRequest) => {
    const { id, method: job, args, cancelFlag } = message;
    const [request] = args;
    const started = performance.now();
    let lastProgress = 0;
    const context: JobContext = {
      progress(fraction, text) {
        const now = performance.now();
        if (now - lastProgress < progressIntervalMs && fraction < 1) return;
        lastProgress = now;
        post({ id, progress: { fraction: Math.min(1, Math.max(0, fraction)), message: text } });
      },
      checkCancelled() {
        if (Atomics.load(cancelFlag, 0) === 1) throw new CancelledError();
      },
    };
    try {
      const runner = runners[job];
      if (!runner) throw new Error(`There is no compute job named "${job}".`);
      context.checkCancelled();
      const result = await runner(request, context);
      post({ id, result, milliseconds: performance.now() - started }, collectTransferables(result));
    } catch (error) {
      post({ id, error: serializeError(error), milliseconds: performance.now() - started });
    }
  });
  post({ ready: true });
}
