// Node can deadlock as it exits (nodejs/node#54918, open in Node 20–25): a background TurboFan job
// that needs a collection waits for the main thread, while the main thread, draining the
// platform's tasks or joining its threads, waits for the job. It happened to `rankscope analyze -`
// 1 run in 20 to 1 in 300 on a busy machine, after every row had been printed. A full collection
// just before the end leaves the old generation room, so a job still compiling does not ask for
// one: alternating 800 pairs of runs beside a CPU hog, 9 hangs without it and none with it.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A full collection, to be made after the last work and before the process ends. */
export function collectBeforeExit(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
