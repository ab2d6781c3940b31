// Kernel memories handed from one job to the next. A fresh WebAssembly memory is mapped anew, and
// its first touch costs a page fault per 4 KB: on the team's VM about 7 ms per MB, 60 ms for the
// copy of a 1024² matrix, more than the LU of it takes. An instance whose job has finished (every
// array of it given up) waits here, already resident, for the next job that fits; it is zeroed
// on the way out, as workspaces promise zeros. Idle memories are capped and dropped when unused.
import {
  firstFreeByte,
  instantiateKernels,
  kernelMemoryKind,
  relaxedSimdInUse,
  wasmKernelsAvailable,
  type InstantiateOptions,
  type WasmKernelInstance,
} from './wasm-module';

interface Idle {
  instance: WasmKernelInstance;
  /** Bytes from firstFreeByte on that the last job may have written (beyond them all is zero). */
  dirtyEnd: number;
}

/** Idle memories kept at most (bytes), past the newest one: a 4096² matrix's workspace fits. */
const idleLimitBytes = 256 * 2 ** 20;
/** Idle memories are given back to the engine after this long without a job. */
const idleMs = 10_000;
/** A job takes a memory at most this many times larger than it asked for (and 1 MB). */
const oversize = 4;

let idle: Idle[] = [];
let dropTimer: ReturnType<typeof setTimeout> | undefined;

function capacity(instance: WasmKernelInstance): number {
  return instance.scratch - firstFreeByte;
}

function fits(
  instance: WasmKernelInstance,
  bytes: number,
  slots: number,
  shared: boolean,
): boolean {
  const room = capacity(instance);
  return (
    instance.shared === shared &&
    instance.relaxed === relaxedSimdInUse() &&
    instance.slots >= slots &&
    room >= bytes &&
    room <= oversize * bytes + 2 ** 20
  );
}

/**
 * An instance with room for `bytes` of arrays (all zero) and `slots` packing slots: an idle one
 * when one fits, else a fresh one (undefined when WebAssembly cannot give one).
 */
export function acquireKernels(
  bytes: number,
  options: InstantiateOptions = {},
): WasmKernelInstance | undefined {
  if (!wasmKernelsAvailable()) return undefined;
  const { slots, shared } = kernelMemoryKind(options);
  let best = -1;
  for (let i = 0; i < idle.length; i++) {
    const candidate = idle[i].instance;
    if (!fits(candidate, bytes, slots, shared)) continue;
    if (best < 0 || capacity(candidate) < capacity(idle[best].instance)) best = i;
  }
  if (best < 0) return instantiateKernels(bytes, options);
  const [{ instance, dirtyEnd }] = idle.splice(best, 1);
  new Uint8Array(instance.buffer, firstFreeByte, dirtyEnd - firstFreeByte).fill(0);
  return instance;
}

/**
 * Hands an instance back for a later job. Its caller must hold no array in it any more;
 * `dirtyEnd` is the end of the bytes it wrote (packing slots need not be zero and are not counted).
 */
export function releaseKernels(instance: WasmKernelInstance, dirtyEnd: number): void {
  if (idle.some((entry) => entry.instance === instance)) return;
  idle.push({ instance, dirtyEnd: Math.min(Math.max(dirtyEnd, firstFreeByte), instance.scratch) });
  // Over the cap: the oldest go first (the engine frees them with their last reference). The
  // newest stays whatever its size: a checkpoint's next tensor, often of the same shape (an
  // 11008×4096 one needs 360 MB), takes it, and an idle one is dropped within idleMs anyway.
  let total = idle.reduce((sum, entry) => sum + entry.instance.buffer.byteLength, 0);
  while (total > idleLimitBytes && idle.length > 1) {
    total -= idle[0].instance.buffer.byteLength;
    idle.shift();
  }
  if (dropTimer !== undefined) clearTimeout(dropTimer);
  dropTimer = setTimeout(dropIdleKernels, idleMs);
  // A process (or test worker) may end while memories wait here.
  (dropTimer as { unref?: () => void }).unref?.();
}

/** Forgets every idle memory (when the process is about to need its memory elsewhere, or tests). */
export function dropIdleKernels(): void {
  idle = [];
  if (dropTimer !== undefined) clearTimeout(dropTimer);
  dropTimer = undefined;
}

/** Bytes of the idle memories (tests and the memory bench). */
export function idleKernelBytes(): number {
  return idle.reduce((sum, entry) => sum + entry.instance.buffer.byteLength, 0);
}
