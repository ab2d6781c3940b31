// The compiled WebAssembly SIMD kernel module and its instances. Each instance owns one memory,
// sized when it is created (growing would detach every array already handed out), and is found
// again from any array that lives in that memory.
import { kernelsWasmBase64 } from './wasm/kernels-binary';

/** The module's exports: byte addresses for arrays, element counts for leading dimensions. */
export interface WasmKernelExports {
  dot(length: number, x: number, y: number): number;
  axpy(length: number, alpha: number, x: number, y: number): void;
  rotate(length: number, x: number, y: number, c: number, s: number): void;
  gemmPlain(
    m: number,
    n: number,
    depth: number,
    alpha: number,
    a: number,
    lda: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
  ): void;
  gemmTransposeA(
    m: number,
    n: number,
    depth: number,
    alpha: number,
    a: number,
    lda: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
  ): void;
  gemvPlain(
    m: number,
    n: number,
    alpha: number,
    a: number,
    lda: number,
    x: number,
    y: number,
  ): void;
  gemvTranspose(
    m: number,
    n: number,
    alpha: number,
    a: number,
    lda: number,
    x: number,
    beta: number,
    y: number,
  ): void;
  applyReflectorLeft(m: number, n: number, v: number, tau: number, a: number, lda: number): void;
  applyReflectorsLeft(
    m: number,
    n: number,
    count: number,
    vectors: number,
    vectorLd: number,
    starts: number,
    taus: number,
    a: number,
    lda: number,
    firstColumn: number,
  ): void;
  updateThenReflectLeft(
    m: number,
    n: number,
    w: number,
    factors: number,
    v: number,
    tau: number,
    a: number,
    lda: number,
  ): void;
  rotationSweep(
    data: number,
    m: number,
    ld: number,
    first: number,
    count: number,
    cosines: number,
    sines: number,
  ): void;
  rotationSweeps(
    data: number,
    m: number,
    ld: number,
    sweepCount: number,
    firsts: number,
    counts: number,
    offsets: number,
    cosines: number,
    sines: number,
  ): void;
}

export interface WasmKernelInstance {
  exports: WasmKernelExports;
  buffer: ArrayBuffer;
}

const pageBytes = 65536;
/** The first page stays free: address 0 doubles as "no array" for optional arguments. */
export const firstFreeByte = pageBytes;
/** wasm32 addresses 4 GiB; stay well inside what every engine grants. */
const largestBytes = 2 ** 31;

/** The part of the WebAssembly JS API used here; absent in engines (or pages) without it. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;
let enabled = true;

function compiledModule(): object | null {
  if (compiled === undefined) {
    try {
      if (!wasm) throw new Error('no WebAssembly');
      const text = atob(kernelsWasmBase64);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      compiled = new wasm.Module(bytes);
    } catch {
      // No WebAssembly, no SIMD, or a page whose content policy forbids compiling it.
      compiled = null;
    }
  }
  return compiled ?? null;
}

/** Turns the WebAssembly tier off or on (tests and benchmarks compare it with TypeScript). */
export function setWasmKernelsEnabled(on: boolean): void {
  enabled = on;
}

export function wasmKernelsAvailable(): boolean {
  return enabled && compiledModule() !== null;
}

const owners = new WeakMap<ArrayBufferLike, WasmKernelInstance>();

/** A fresh instance whose memory holds at least `bytes` after the reserved first page. */
export function instantiateKernels(bytes: number): WasmKernelInstance | undefined {
  const module = wasmKernelsAvailable() ? compiledModule() : null;
  const total = firstFreeByte + bytes;
  if (!module || total > largestBytes) return undefined;
  try {
    const memory = new wasm!.Memory({ initial: Math.ceil(total / pageBytes) });
    const instance = new wasm!.Instance(module, { env: { memory } });
    const result = {
      exports: instance.exports as unknown as WasmKernelExports,
      buffer: memory.buffer,
    };
    owners.set(memory.buffer, result);
    return result;
  } catch {
    // Out of memory for this size: the caller falls back to ordinary arrays.
    return undefined;
  }
}

/** The instance whose memory holds this array, if any (and if the tier is on). */
export function instanceOwning(array: ArrayBufferView): WasmKernelInstance | undefined {
  return enabled ? owners.get(array.buffer) : undefined;
}
