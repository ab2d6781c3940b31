// The inside of a compute worker: receives job envelopes ({ id, method: job, args: [request] }), runs the named job with a context
// whose cancellation flag is shared memory, and posts progress, the result or the error back.
import { parentPort } from 'node:worker_threads';
import type { JobContext } from '../../core/jobs/context';
import { CancelledError } from '../../core/jobs/context';
import { serializeError } from '../../core/protocol/errors';
import type { WorkerReply, WorkerRequest } from '../../core/protocol/messages';
import type { AssistMessage, TeamMessage } from '../services/thread-lending';
import { collectTransferables } from '../services/transferables';
import { assist, leadTeam } from './team-member';

export type JobRunner = (request: unknown, context: JobContext) => unknown;

/** Progress is rate-limited so a tight loop reporting every row does not flood the host. */
const progressIntervalMs = 50;

export interface ServeOptions {
  /** How this worker runs its piece when lent as a helper thread (tests inject faults here). */
  helperPart?: Parameters<typeof assist>[1];
}

export function serveJobs(runners: Record<string, JobRunner>, options: ServeOptions = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run inside a worker thread');
  const post = (message: WorkerReply, transfer: ArrayBuffer[] = []) =>
    port.postMessage(message, transfer);

  // The helpers the pool lent for the next job (a 'team' message comes just before its job).
  let team: TeamMessage | undefined;
  port.on('message', async (message: WorkerRequest | TeamMessage | AssistMessage) => {
    // Lending messages carry a type; a job envelope ({ id, method, args }) does not.
    if ('type' in message) {
      if (message.type === 'assist') {
        assist(message, options.helperPart);
        port.postMessage({ type: 'assisted' });
      } else if (message.type === 'team') {
        team = message;
      }
      return;
    }
    const lent = team;
    team = undefined;
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
      // The team is given back however the job ends, even before it starts.
      const result = await leadTeam(lent, () => {
        const runner = runners[job];
        if (!runner) throw new Error(`There is no compute job named "${job}".`);
        context.checkCancelled();
        return runner(request, context);
      });
      post({ id, result, milliseconds: performance.now() - started }, collectTransferables(result));
    } catch (error) {
      post({ id, error: serializeError(error), milliseconds: performance.now() - started });
    }
  });
  post({ ready: true });
}
