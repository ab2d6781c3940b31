// Where an algorithm allocates its working arrays. When the WebAssembly tier is present, a
// workspace is one WebAssembly memory sized up front, so the kernels run in SIMD on the arrays in
// place; otherwise (or for small problems) it hands out ordinary arrays and the TypeScript kernels
// run. Results leave a workspace through `detached`, so a small result never pins a large memory;
// a job that holds none of its arrays any more disposes of the workspace, and the next job reuses
// the memory already resident (kernels/instance-pool.ts).
// While a thread team works for the job, a workspace memory is shared, with one packing slot per
// thread, so the team can split the kernels' work on it.
import { acquireKernels, releaseKernels } from './kernels/instance-pool';
import { firstFreeByte, instanceOwning, type WasmKernelInstance } from './kernels/wasm-module';
import type { Matrix } from './matrix';
import { teamSize } from './threads/thread-team';

export interface Workspace {
  /** A zero-filled rows×cols matrix. */
  matrix(rows: number, cols: number): Matrix;
  /** A zero-filled vector of doubles. */
  vector(length: number): Float64Array;
  integers(length: number): Int32Array;
  /** A copy of `a` inside the workspace. */
  copyOf(a: Matrix): Matrix;
  /** Where the next allocation starts; `release(mark)` frees everything allocated since. */
  mark(): number;
  /** Frees the arrays allocated after `mark` (they must no longer be used). */
  release(mark: number): void;
  /**
   * Hands the memory to the next job: no array allocated from this workspace may be used after
   * (copy results out first, e.g. with `detached`), nor the workspace itself.
   */
  dispose(): void;
}

/** Below this many doubles a problem is too small for a memory of its own to pay. */
const smallestWasmDoubles = 16384;
/** Each array starts on a 16-byte boundary (pairs of doubles load aligned). */
const alignment = 16;

const plain: Workspace = {
  matrix: (rows, cols) => ({ rows, cols, data: new Float64Array(rows * cols) }),
  vector: (length) => new Float64Array(length),
  integers: (length) => new Int32Array(length),
  copyOf: (a) => ({ rows: a.rows, cols: a.cols, data: a.data.slice() }),
  // Ordinary arrays are freed by the garbage collector.
  mark: () => 0,
  release: () => undefined,
  dispose: () => undefined,
};

/** Allocations that did not fit the size a workspace was created with (the sizing is wrong). */
let overflows = 0;

export function workspaceOverflows(): number {
  return overflows;
}

class WasmWorkspace implements Workspace {
  private next = firstFreeByte;
  /** The end of everything handed out so far (what the next job must zero). */
  private highWater = firstFreeByte;
  private disposed = false;

  constructor(private readonly instance: WasmKernelInstance) {}

  private take(bytes: number): number | undefined {
    if (this.disposed) throw new Error('workspace used after dispose');
    const start = this.next;
    // Arrays end where the kernels' packing slots begin.
    if (start + bytes > this.instance.scratch) {
      overflows++;
      return undefined;
    }
    this.next = start + Math.ceil(bytes / alignment) * alignment;
    this.highWater = Math.max(this.highWater, this.next);
    return start;
  }

  vector(length: number): Float64Array {
    const start = this.take(length * 8);
    // Past the size given at creation: an ordinary array is slower here but still correct.
    return start === undefined
      ? new Float64Array(length)
      : new Float64Array(this.instance.buffer, start, length);
  }

  integers(length: number): Int32Array {
    const start = this.take(length * 4);
    return start === undefined
      ? new Int32Array(length)
      : new Int32Array(this.instance.buffer, start, length);
  }

  matrix(rows: number, cols: number): Matrix {
    return { rows, cols, data: this.vector(rows * cols) };
  }

  copyOf(a: Matrix): Matrix {
    const result = this.matrix(a.rows, a.cols);
    result.data.set(a.data);
    return result;
  }

  mark(): number {
    return this.next;
  }

  release(mark: number): void {
    // Released memory is handed out again: zero it, as every allocation promises zeros.
    new Uint8Array(this.instance.buffer, mark, this.next - mark).fill(0);
    this.next = mark;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    workspaces.delete(this.instance.buffer);
    releaseKernels(this.instance, this.highWater);
  }
}

const workspaces = new WeakMap<ArrayBufferLike, Workspace>();

/** A workspace for about `doubles` numbers (add a little for alignment). */
export function createWorkspace(doubles: number): Workspace {
  if (doubles < smallestWasmDoubles) return plain;
  const instance = acquireKernels(doubles * 8 + 64 * alignment, { slots: teamSize() });
  if (!instance) return plain;
  const workspace = new WasmWorkspace(instance);
  workspaces.set(instance.buffer, workspace);
  return workspace;
}

/** The workspace an array was allocated from, so an algorithm can keep allocating beside it. */
export function workspaceOf(array: Float64Array | undefined): Workspace | undefined {
  if (!array || !instanceOwning(array)) return undefined;
  return workspaces.get(array.buffer);
}

/** The same matrix in ordinary memory (a copy when it lives in a workspace). */
export function detached(a: Matrix): Matrix {
  return instanceOwning(a.data) ? { rows: a.rows, cols: a.cols, data: a.data.slice() } : a;
}

export const plainWorkspace = plain;
