// Large products of ordinary arrays run in WebAssembly after a copy into a kernel memory of their
// own: the copy is O(size) against O(size·depth) of work. op(A) and op(B) keep their stored layout
// (the packed gemm reads every transpose), and C comes back out after the product; the memory then
// waits, resident, for the next staged product (instance-pool.ts).
import { acquireKernels, releaseKernels } from './instance-pool';
import { firstFreeByte, type WasmKernelInstance } from './wasm-module';

/** Products with at least this many flops are worth copying into a kernel memory. */
export const stagingFlops = 1 << 22;

export interface StagedProduct {
  instance: WasmKernelInstance;
  a: number;
  lda: number;
  b: number;
  ldb: number;
  c: number;
  ldc: number;
}

/** C ← beta·C over an m×n block (beta = 0 clears, without reading what was there). */
export function scaleColumns(
  c: Float64Array,
  offset: number,
  ldc: number,
  m: number,
  n: number,
  beta: number,
): void {
  if (beta === 1) return;
  for (let j = 0; j < n; j++) {
    const start = offset + j * ldc;
    if (beta === 0) c.fill(0, start, start + m);
    else for (let i = start; i < start + m; i++) c[i] *= beta;
  }
}

/** Copies a rows×cols block (leading dimension ld) densely to byte address `target`. */
function copyBlock(
  view: Float64Array,
  target: number,
  x: Float64Array,
  offset: number,
  ld: number,
  rows: number,
  cols: number,
): void {
  const base = target / 8;
  for (let j = 0; j < cols; j++) {
    view.set(x.subarray(offset + j * ld, offset + j * ld + rows), base + j * rows);
  }
}

/**
 * A, B and beta·C copied into a fresh kernel memory with `slots` packing slots (shared when more
 * than one), or undefined when no memory can be had.
 */
export function stageProduct(
  transposeA: boolean,
  transposeB: boolean,
  m: number,
  n: number,
  depth: number,
  a: Float64Array,
  aOffset: number,
  lda: number,
  b: Float64Array,
  bOffset: number,
  ldb: number,
  beta: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
  slots: number,
): StagedProduct | undefined {
  const instance = acquireKernels(8 * (m * depth + depth * n + m * n) + 64, { slots });
  if (!instance) return undefined;
  const view = new Float64Array(instance.buffer);
  const aRows = transposeA ? depth : m;
  const bRows = transposeB ? n : depth;
  const aAt = firstFreeByte;
  copyBlock(view, aAt, a, aOffset, lda, aRows, transposeA ? m : depth);
  const bAt = aAt + 8 * m * depth;
  copyBlock(view, bAt, b, bOffset, ldb, bRows, transposeB ? depth : n);
  const cAt = bAt + 8 * depth * n;
  if (beta !== 0) {
    copyBlock(view, cAt, c, cOffset, ldc, m, n);
    scaleColumns(view, cAt / 8, m, m, n, beta);
  }
  return { instance, a: aAt, lda: aRows, b: bAt, ldb: bRows, c: cAt, ldc: m };
}

/** Copies the staged C back into the caller's array and hands the memory on. */
export function unstageProduct(
  staged: StagedProduct,
  m: number,
  n: number,
  c: Float64Array,
  cOffset: number,
  ldc: number,
): void {
  const view = new Float64Array(staged.instance.buffer);
  const base = staged.c / 8;
  for (let j = 0; j < n; j++)
    c.set(view.subarray(base + j * m, base + (j + 1) * m), cOffset + j * ldc);
  releaseKernels(staged.instance, staged.c + 8 * m * n);
}
