// A thread team of dedicated helper threads for the benchmarks (team-helper.ts), so `npm run
// bench` measures the kernels on every core the way a compute-pool job with lent workers runs.
import os from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { controlBytes, controlWordsOf, word } from '../linalg/threads/team-protocol';
import { AtomicsThreadTeam, setActiveTeam } from '../linalg/threads/thread-team';

export interface BenchTeam {
  size: number;
  /** Dismisses the helpers and waits for their threads to end. */
  stop(): Promise<void>;
}

/** Starts `size − 1` helpers and makes the team active; size 1 is the one-thread path. */
export async function startTeam(size = os.availableParallelism()): Promise<BenchTeam> {
  if (size <= 1) {
    setActiveTeam(undefined);
    return { size: 1, stop: async () => undefined };
  }
  const control = new SharedArrayBuffer(controlBytes);
  const workers: Worker[] = [];
  const links = [];
  for (let part = 1; part < size; part++) {
    const channel = new MessageChannel();
    workers.push(
      new Worker(new URL('./team-helper.mjs', import.meta.url), {
        workerData: { control, port: channel.port2, part },
        transferList: [channel.port2],
      }),
    );
    const port = channel.port1;
    links.push({ postMemory: (message: unknown) => port.postMessage(message) });
  }
  const team = new AtomicsThreadTeam(control, links);
  setActiveTeam(team);
  let stopping = false;
  const words = controlWordsOf(control);
  const exits = workers.map(
    (worker) =>
      new Promise((resolve) => {
        worker.once('error', (error) => console.error(`bench helper thread: ${error.message}`));
        worker.once('exit', (code) => {
          // A helper that ends before the team is dismissed must not leave the leader waiting.
          if (!stopping) {
            Atomics.store(words, word.helperLost, 1);
            Atomics.notify(words, word.pending);
          }
          resolve(code);
        });
      }),
  );
  return {
    size,
    async stop() {
      stopping = true;
      setActiveTeam(undefined);
      team.dismiss();
      await Promise.all(exits);
    },
  };
}
