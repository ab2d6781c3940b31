// The leading side of a thread team: the thread running a job hands pieces of large kernel calls
// to helper threads that have the same shared WebAssembly memory, runs piece 0 itself and waits
// for the rest (fork–join on Atomics). The host lends the helpers (electron/services) and gives
// them back when it needs them; the team then shrinks to one thread and the job goes on alone.
// A helper that throws fails the call; a helper that dies fails the job — never a silent result.
import type { WasmKernelInstance } from '../kernels/wasm-module';
import { argumentsOf, command, controlWordsOf, word, type MemoryMessage } from './team-protocol';
import { runTaskPart } from './team-tasks';

export interface ThreadTeam {
  /** Threads that work on a call, the caller included; 1 once the helpers went back. */
  readonly size: number;
  /**
   * Runs the task in `args` (see team-tasks.ts) on the instance's memory, split over the team.
   * Returns false, doing nothing, when the team cannot take it (a memory that is not shared, or
   * too few packing slots, or no helpers left): the caller then runs the one-thread kernel.
   */
  run(instance: WasmKernelInstance, args: readonly number[]): boolean;
  /** Sends the helpers back to their host; the team is one thread from then on. */
  dismiss(): void;
  /** Calls split so far, by task code (team-tasks.ts): what ran on the team, for tests and logs. */
  readonly splitCounts: number[];
}

/** How a leader reaches one helper: the host's channel for memories (a MessagePort). */
export interface HelperLink {
  postMemory(message: MemoryMessage): void;
}

export class HelperFailedError extends Error {
  override name = 'HelperFailedError';
}

export class HelperLostError extends Error {
  override name = 'WorkerCrashed';
}

/** Memories a helper keeps instantiated at once (the oldest is forgotten first). */
const attachedLimit = 4;
/** How long the leader sleeps between looks at a helper that does not answer. */
const waitSliceMs = 200;
/** Milliseconds the leader spins for its helpers before it sleeps: most pieces end within it. */
const leaderSpinMs = 0.3;

export class AtomicsThreadTeam implements ThreadTeam {
  private helpers: HelperLink[];
  private readonly words: Int32Array;
  private readonly args: Float64Array;
  private readonly ids = new WeakMap<WasmKernelInstance, number>();
  private attached: number[] = [];
  private nextId = 1;
  readonly splitCounts: number[] = [];

  constructor(control: SharedArrayBuffer, helpers: HelperLink[]) {
    this.helpers = helpers;
    this.words = controlWordsOf(control);
    this.args = argumentsOf(control);
  }

  get size(): number {
    return this.helpers.length + 1;
  }

  run(instance: WasmKernelInstance, args: readonly number[]): boolean {
    if (this.helpers.length === 0) return false;
    if (Atomics.load(this.words, word.recalled) !== 0) {
      this.dismiss();
      return false;
    }
    if (!instance.shared || instance.slots < this.size) return false;
    const memory = this.attach(instance);
    this.args.set(args);
    this.words[word.memory] = memory;
    this.words[word.parts] = this.size;
    this.command(command.run);
    let ownFailure: unknown;
    try {
      runTaskPart(instance.exports, this.args, 0, this.size);
    } catch (error) {
      ownFailure = error;
    }
    // Wait even when our own piece threw: the helpers are still writing to the same memory.
    this.awaitHelpers();
    if (ownFailure) throw ownFailure;
    this.splitCounts[args[0]] = (this.splitCounts[args[0]] ?? 0) + 1;
    return true;
  }

  dismiss(): void {
    if (this.helpers.length === 0) return;
    this.words[word.command] = command.dismiss;
    Atomics.add(this.words, word.generation, 1);
    Atomics.notify(this.words, word.generation);
    this.helpers = [];
  }

  /** The id helpers know the instance's memory by, sending it to them the first time. */
  private attach(instance: WasmKernelInstance): number {
    const known = this.ids.get(instance);
    if (known !== undefined && this.attached.includes(known)) return known;
    const id = this.nextId++;
    for (const helper of this.helpers) {
      helper.postMemory({ id, memory: instance.memory, relaxed: instance.relaxed });
    }
    this.attached.push(id);
    const evicted = this.attached.length > attachedLimit ? this.attached.shift()! : 0;
    this.words[word.memory] = id;
    this.words[word.evict] = evicted;
    this.command(command.attach);
    this.awaitHelpers();
    this.ids.set(instance, id);
    return id;
  }

  private command(code: number): void {
    Atomics.store(this.words, word.failed, 0);
    Atomics.store(this.words, word.pending, this.helpers.length);
    this.words[word.command] = code;
    Atomics.add(this.words, word.generation, 1);
    Atomics.notify(this.words, word.generation);
  }

  private awaitHelpers(): void {
    const sleepAfter = performance.now() + leaderSpinMs;
    while (Atomics.load(this.words, word.pending) !== 0 && performance.now() < sleepAfter);
    for (;;) {
      const pending = Atomics.load(this.words, word.pending);
      if (pending === 0) break;
      if (Atomics.load(this.words, word.helperLost) !== 0) {
        // The others are sent back; the job cannot trust what the lost one half wrote.
        this.dismiss();
        throw new HelperLostError(
          'A helper thread of this computation stopped unexpectedly; the job was not finished.',
        );
      }
      Atomics.wait(this.words, word.pending, pending, waitSliceMs);
    }
    const failed = Atomics.load(this.words, word.failed);
    if (failed !== 0) {
      throw new HelperFailedError(
        `Helper thread ${failed - 1} failed while computing its part; the result was discarded.`,
      );
    }
  }
}

let active: ThreadTeam | undefined;

/** The team the running job may use (undefined: one thread). Set by the host around a job. */
export function activeTeam(): ThreadTeam | undefined {
  return active;
}

export function setActiveTeam(team: ThreadTeam | undefined): void {
  active = team;
}

/** Threads the current team has, 1 without one: how many packing slots a new memory needs. */
export function teamSize(): number {
  return active?.size ?? 1;
}
