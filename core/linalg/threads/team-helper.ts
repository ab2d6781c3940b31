// The helping side of a thread team: a lent thread waits on the control block, instantiates the
// kernels on each shared memory the leader attaches, runs its piece of every task, and returns
// when dismissed (by the leader after its job, or by the host when the leader died).
import { instantiateOnSharedMemory, type WasmKernelExports } from '../kernels/wasm-module';
import { argumentsOf, command, controlWordsOf, word, type MemoryMessage } from './team-protocol';
import { runTaskPart } from './team-tasks';

export interface HelperOptions {
  control: SharedArrayBuffer;
  /** This helper's piece of every task (1 … team size − 1; the leader runs piece 0). */
  part: number;
  /** The next memory the leader posted on the host's channel, read synchronously. */
  receiveMemory(): MemoryMessage | undefined;
  /** Runs a piece; tests pass one that fails on purpose. Default: the kernels' own. */
  runPart?: typeof runTaskPart;
}

/**
 * Milliseconds a helper spins after a task before it sleeps. The next task of a job usually
 * follows within microseconds, and waking a sleeping thread costs tens of microseconds on this VM,
 * which the leader waits out at every fork–join: with 256 looks (a few µs) of spinning, the full
 * SVD of 1024² spent a third of its leader's time waiting (1782 fork–joins, ~140 µs each).
 */
const spinMs = 0.5;
/** How long to wait for a memory the leader has posted but the channel has not delivered. */
const deliveryTimeoutMs = 5000;

/** Serves the team until dismissed. Returns how many memories it worked on. */
export function serveTeam(options: HelperOptions): number {
  const words = controlWordsOf(options.control);
  const args = argumentsOf(options.control);
  const runPart = options.runPart ?? runTaskPart;
  const memories = new Map<number, WasmKernelExports>();
  let seen = 0;
  let attachedCount = 0;
  for (;;) {
    const sleepAfter = performance.now() + spinMs;
    while (Atomics.load(words, word.generation) === seen) {
      if (performance.now() > sleepAfter) Atomics.wait(words, word.generation, seen, 1000);
    }
    seen = Atomics.load(words, word.generation);
    const code = words[word.command];
    if (code === command.dismiss) break;
    try {
      if (code === command.attach) {
        const message = receiveWithin(options.receiveMemory, words);
        const kernels = instantiateOnSharedMemory(
          message.memory as Parameters<typeof instantiateOnSharedMemory>[0],
          message.relaxed,
        );
        if (!kernels) throw new Error('the kernels cannot run on this memory here');
        memories.set(message.id, kernels);
        memories.delete(words[word.evict]);
        attachedCount++;
      } else if (code === command.run) {
        const kernels = memories.get(words[word.memory]);
        if (!kernels) throw new Error(`memory ${words[word.memory]} was never attached`);
        runPart(kernels, args, options.part, words[word.parts]);
      }
    } catch {
      Atomics.store(words, word.failed, options.part + 1);
    }
    if (Atomics.sub(words, word.pending, 1) === 1) Atomics.notify(words, word.pending);
  }
  memories.clear();
  return attachedCount;
}

function receiveWithin(receive: () => MemoryMessage | undefined, words: Int32Array): MemoryMessage {
  const deadline = performance.now() + deliveryTimeoutMs;
  for (;;) {
    const message = receive();
    if (message && message.id === words[word.memory]) return message;
    if (performance.now() > deadline) throw new Error('the attached memory never arrived');
    // A message for an older id (one the leader gave up on) is skipped; otherwise sleep a little.
    if (!message) Atomics.wait(words, word.command, words[word.command], 1);
  }
}
