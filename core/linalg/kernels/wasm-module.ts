// The compiled WebAssembly SIMD kernel module and its instances. Each instance owns one memory,
// sized when it is created (growing would detach every array already handed out), and is found
// again from any array that lives in that memory. A memory is shared (SharedArrayBuffer) when a
// thread team will work on it, so helper threads can instantiate the module on the same memory.
// The module comes in plain and relaxed SIMD (fused multiply-add) builds; relaxed is used where
// the engine validates it, unless turned off.
import { kernelsWasmBase64 } from './wasm/kernels-binary';

/** The module's exports: byte addresses for arrays, element counts for leading dimensions. */
export interface WasmKernelExports {
  dot(length: number, x: number, y: number): number;
  axpy(length: number, alpha: number, x: number, y: number): void;
  rotate(length: number, x: number, y: number, c: number, s: number): void;
  /** Packed C += alpha·op(A)·op(B); scratch is one slot of packing space (see `scratchSlot`). */
  gemm(
    transposeA: number,
    transposeB: number,
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
    scratch: number,
    scratchDoubles: number,
  ): void;
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
  pivotedPanelStep(
    m: number,
    n: number,
    k: number,
    a: number,
    lda: number,
    v: number,
    row: number,
    tau: number,
    aux: number,
    f: number,
    ldf: number,
    partial: number,
    exact: number,
    downdate: number,
  ): void;
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
  chaseBand(
    band: number,
    n: number,
    b: number,
    ld: number,
    firstSweep: number,
    lastSweep: number,
    work: number,
  ): void;
  chaseBandTeam(
    band: number,
    n: number,
    b: number,
    ld: number,
    firstSweep: number,
    lastSweep: number,
    work: number,
    progress: number,
    thread: number,
    threads: number,
  ): void;
  luBlock(
    m: number,
    left: number,
    width: number,
    right: number,
    a: number,
    lda: number,
    pivots: number,
    scratch: number,
    scratchDoubles: number,
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

/** The part of the WebAssembly JS API used here; absent in engines (or pages) without it. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

export interface WasmKernelInstance {
  exports: WasmKernelExports;
  buffer: ArrayBufferLike;
  memory: WasmMemory;
  /** True when the memory is a SharedArrayBuffer a thread team can work on. */
  shared: boolean;
  relaxed: boolean;
  /** Byte address of the first packing slot; arrays end before it. Slot t follows at t·slotBytes. */
  scratch: number;
  /** Doubles in one packing slot: one per thread that may run a product on this memory. */
  slotDoubles: number;
  slots: number;
}

const pageBytes = 65536;
/** The first page stays free: address 0 doubles as "no array" for optional arguments. */
export const firstFreeByte = pageBytes;
/** wasm32 addresses 4 GiB; stay well inside what every engine grants. */
const largestBytes = 2 ** 31;
/** Packing space per thread: 16 doubles of edge tile and a 256 KB block of op(A) at most. */
const largestSlotDoubles = 16 + 32768;
/** The least the packed gemm works with: the tile and one 8-row panel 256 deep. */
export const smallestSlotDoubles = 16 + 8 * 256;

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  validate(bytes: Uint8Array): boolean;
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

type Build = keyof typeof kernelsWasmBase64;
const compiled = new Map<Build, object | null>();
let enabled = true;
let relaxedWanted = true;

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function compiledModule(build: Build): object | null {
  if (!compiled.has(build)) {
    let module: object | null = null;
    try {
      if (!wasm) throw new Error('no WebAssembly');
      const bytes = decode(kernelsWasmBase64[build]);
      // validate first: an engine without the feature (relaxed SIMD, threads) says no quietly.
      if (wasm.validate(bytes)) module = new wasm.Module(bytes);
    } catch {
      // No WebAssembly, no SIMD, or a page whose content policy forbids compiling it.
      module = null;
    }
    compiled.set(build, module);
  }
  return compiled.get(build) ?? null;
}

function buildFor(shared: boolean, relaxed: boolean): Build {
  if (shared) return relaxed ? 'sharedRelaxed' : 'sharedPlain';
  return relaxed ? 'relaxed' : 'plain';
}

/** Turns the WebAssembly tier off or on (tests and benchmarks compare it with TypeScript). */
export function setWasmKernelsEnabled(on: boolean): void {
  enabled = on;
}

export function wasmKernelsEnabled(): boolean {
  return enabled;
}

/** Prefers the relaxed SIMD build (fused multiply-add) where it validates; false forces plain. */
export function setRelaxedSimdWanted(on: boolean): void {
  relaxedWanted = on;
}

/** Whether new instances use the relaxed SIMD build (the engine offers it and it is wanted). */
export function relaxedSimdInUse(): boolean {
  return relaxedWanted && compiledModule('relaxed') !== null;
}

export function wasmKernelsAvailable(): boolean {
  return enabled && compiledModule('plain') !== null;
}

/** Whether this engine can make shared kernel memories (SharedArrayBuffer and wasm threads). */
export function sharedMemoryAvailable(): boolean {
  return (
    wasmKernelsAvailable() &&
    typeof SharedArrayBuffer !== 'undefined' &&
    compiledModule('sharedPlain') !== null
  );
}

const owners = new WeakMap<ArrayBufferLike, WasmKernelInstance>();

/** Doubles per packing slot for a memory of `bytes`: more for large problems, capped at 256 KB. */
function slotDoublesFor(bytes: number): number {
  return Math.min(largestSlotDoubles, Math.max(smallestSlotDoubles, Math.floor(bytes / 128)));
}

export interface InstantiateOptions {
  /** Threads that may run products on this memory at once (default 1); shared when above 1. */
  slots?: number;
}

/** The packing slots an instance gets for `options`, and whether its memory is then shared. */
export function kernelMemoryKind(options: InstantiateOptions): { slots: number; shared: boolean } {
  const slots = Math.max(1, Math.floor(options.slots ?? 1));
  return { slots, shared: slots > 1 && sharedMemoryAvailable() };
}

/** A fresh instance whose memory holds at least `bytes` after the reserved first page. */
export function instantiateKernels(
  bytes: number,
  options: InstantiateOptions = {},
): WasmKernelInstance | undefined {
  if (!wasmKernelsAvailable()) return undefined;
  const { slots, shared } = kernelMemoryKind(options);
  const relaxed = relaxedSimdInUse();
  const module = compiledModule(buildFor(shared, relaxed));
  const slotDoubles = slotDoublesFor(bytes);
  const arraysEnd = firstFreeByte + Math.ceil(bytes / 16) * 16;
  const total = arraysEnd + slots * slotDoubles * 8;
  if (!module || total > largestBytes) return undefined;
  try {
    const pages = Math.ceil(total / pageBytes);
    const memory = new wasm!.Memory(
      shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages },
    );
    const instance = new wasm!.Instance(module, { env: { memory } });
    const result: WasmKernelInstance = {
      exports: instance.exports as unknown as WasmKernelExports,
      buffer: memory.buffer,
      memory,
      shared,
      relaxed,
      scratch: arraysEnd,
      slotDoubles,
      slots,
    };
    owners.set(memory.buffer, result);
    return result;
  } catch {
    // Out of memory for this size: the caller falls back to ordinary arrays.
    return undefined;
  }
}

/**
 * The kernels instantiated on a shared memory another thread created (a helper of a thread team);
 * the layout (scratch, slots) travels with the task arguments, so only the exports matter here.
 */
export function instantiateOnSharedMemory(
  memory: WasmMemory,
  relaxed: boolean,
): WasmKernelExports | undefined {
  const module = compiledModule(buildFor(true, relaxed));
  if (!module || !wasm) return undefined;
  return new wasm.Instance(module, { env: { memory } }).exports as unknown as WasmKernelExports;
}

/** The instance whose memory holds this array, if any (and if the tier is on). */
export function instanceOwning(array: ArrayBufferView): WasmKernelInstance | undefined {
  return enabled ? owners.get(array.buffer) : undefined;
}

/** Byte address of packing slot `slot` of an instance. */
export function scratchSlot(instance: WasmKernelInstance, slot: number): number {
  return instance.scratch + slot * instance.slotDoubles * 8;
}
