// The control block a thread team shares: a few 32-bit words the threads synchronize on with
// Atomics (a generation counter the helpers wait on, a count of helpers still working) and the
// arguments of the current task as doubles. One block per team; the host creates it.

/** Int32 word indices of the control block. */
export const word = {
  /** Bumped by the leader for every command; helpers wait on it. */
  generation: 0,
  command: 1,
  /** Helpers that have not finished the current command; the leader waits on it. */
  pending: 2,
  /** Set (to the part number + 1) by a helper whose task threw. */
  failed: 3,
  /** Set by the host when a helper thread died; the leader gives up the job. */
  helperLost: 4,
  /** Set by the host when it wants its helpers back for another job. */
  recalled: 5,
  /** The memory the current task runs on (an id given when it was attached). */
  memory: 6,
  /** A memory helpers may forget when a new one is attached (0: none). */
  evict: 7,
  /** How many parts the current task is split into. */
  parts: 8,
} as const;

export const command = { attach: 1, run: 2, dismiss: 3 } as const;

const controlWords = 16;
/** Task arguments start after the control words, as doubles. */
export const argumentsOffsetBytes = controlWords * 4;
export const argumentCount = 32;
export const controlBytes = argumentsOffsetBytes + argumentCount * 8;

/** What a leader sends a helper with each new memory (through the host's channel). */
export interface MemoryMessage {
  id: number;
  memory: unknown;
  relaxed: boolean;
}

export function controlWordsOf(control: SharedArrayBuffer): Int32Array {
  return new Int32Array(control, 0, controlWords);
}

export function argumentsOf(control: SharedArrayBuffer): Float64Array {
  return new Float64Array(control, argumentsOffsetBytes, argumentCount);
}
