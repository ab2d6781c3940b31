import { describe, expect, it } from 'vitest';
import { gaussianMatrix } from '../random';
import { createWorkspace, workspaceOf } from '../workspace';
import { kernels } from './kernels';
import { typescriptKernels } from './typescript-kernels';
import { instanceOwning, setWasmKernelsEnabled, wasmKernelsAvailable } from './wasm-module';

/** The same numbers twice: an ordinary array for the TypeScript loops, one in a kernel memory. */
function pair(length: number, seed: number): { plain: Float64Array; wasm: Float64Array } {
  const plain = gaussianMatrix(length, 1, seed).data;
  const wasm = space.vector(length);
  wasm.set(plain);
  return { plain, wasm };
}

function integers(values: number[]): { plain: Int32Array; wasm: Int32Array } {
  const wasm = space.integers(values.length);
  wasm.set(values);
  return { plain: Int32Array.from(values), wasm };
}

function expectClose(actual: Float64Array, expected: Float64Array): void {
  const scale = expected.reduce((s, x) => Math.max(s, Math.abs(x)), 1);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `entry ${i}`).toBeLessThanOrEqual(1e-13 * scale);
  }
}

// This file compares the WebAssembly tier with the TypeScript one, whatever tier the run is on.
setWasmKernelsEnabled(true);
const space = createWorkspace(1 << 20);

describe('WebAssembly SIMD kernels', () => {
  it('are compiled and run on arrays that live in a workspace memory', () => {
    expect(wasmKernelsAvailable()).toBe(true);
    const x = space.vector(8);
    expect(instanceOwning(x)).toBeDefined();
    expect(workspaceOf(x)).toBe(space);
    expect(instanceOwning(new Float64Array(8))).toBeUndefined();
  });

  it('luBlock matches the TypeScript tier at odd sizes, offsets and neighbouring columns', () => {
    for (const [m, left, width, right] of [
      [1, 0, 1, 0],
      [5, 2, 9, 3],
      [40, 0, 17, 11],
      [131, 7, 64, 33],
      [20, 3, 33, 1],
    ]) {
      const lda = m + 3;
      const cols = left + width + right;
      const a = pair(lda * cols + 4, m + width);
      const pivots = integers(Array.from({ length: Math.min(m, width) + 2 }, () => -1));
      typescriptKernels.luBlock(m, left, width, right, a.plain, 4, lda, pivots.plain, 1);
      kernels.luBlock(m, left, width, right, a.wasm, 4, lda, pivots.wasm, 1);
      expect(Array.from(pivots.wasm)).toEqual(Array.from(pivots.plain));
      expectClose(a.wasm, a.plain);
    }
  });

  it('gemm matches the TypeScript tier for every transpose, odd sizes, offsets, alpha and beta', () => {
    for (const [m, n, depth] of [
      [1, 1, 1],
      [7, 5, 3],
      [33, 17, 129],
      [260, 9, 300],
    ]) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          const lda = (transposeA ? depth : m) + 3;
          const ldb = (transposeB ? n : depth) + 1;
          const a = pair(lda * (transposeA ? m : depth) + 5, m + n);
          const b = pair(ldb * (transposeB ? depth : n) + 2, depth);
          const c = pair((m + 2) * n + 1, m * n);
          const args = [transposeA, transposeB, m, n, depth, 1.5] as const;
          typescriptKernels.gemm(...args, a.plain, 5, lda, b.plain, 2, ldb, 0.5, c.plain, 1, m + 2);
          kernels.gemm(...args, a.wasm, 5, lda, b.wasm, 2, ldb, 0.5, c.wasm, 1, m + 2);
          expectClose(c.wasm, c.plain);
        }
      }
    }
  });

  it('stages large products of ordinary arrays into a kernel memory, every transpose', () => {
    const [m, n, depth] = [131, 70, 260];
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const a = gaussianMatrix(transposeA ? depth : m, transposeA ? m : depth, 1).data;
        const b = gaussianMatrix(transposeB ? n : depth, transposeB ? depth : n, 2).data;
        const expected = gaussianMatrix(m, n, 3).data;
        const c = expected.slice();
        const lda = transposeA ? depth : m;
        const ldb = transposeB ? n : depth;
        typescriptKernels.gemm(
          transposeA,
          transposeB,
          m,
          n,
          depth,
          -2,
          a,
          0,
          lda,
          b,
          0,
          ldb,
          0.25,
          expected,
          0,
          m,
        );
        kernels.gemm(transposeA, transposeB, m, n, depth, -2, a, 0, lda, b, 0, ldb, 0.25, c, 0, m);
        expect(instanceOwning(c)).toBeUndefined();
        expectClose(c, expected);
      }
    }
  });

  it('gemv, dot, axpy and rotate match the TypeScript tier', () => {
    const [m, n] = [67, 13];
    for (const transposeA of [false, true]) {
      const a = pair(m * n + 1, 4);
      const x = pair(m + 1, 5);
      const y = pair(m + 1, 6);
      typescriptKernels.gemv(transposeA, m, n, 0.7, a.plain, 1, m, x.plain, 1, -1, y.plain, 0);
      kernels.gemv(transposeA, m, n, 0.7, a.wasm, 1, m, x.wasm, 1, -1, y.wasm, 0);
      expectClose(y.wasm, y.plain);
    }
    const x = pair(101, 7);
    const y = pair(101, 8);
    expect(kernels.dot(99, x.wasm, 1, y.wasm, 2)).toBeCloseTo(
      typescriptKernels.dot(99, x.plain, 1, y.plain, 2),
      12,
    );
    typescriptKernels.axpy(99, -0.3, x.plain, 2, y.plain, 1);
    kernels.axpy(99, -0.3, x.wasm, 2, y.wasm, 1);
    expectClose(y.wasm, y.plain);
    typescriptKernels.rotate(x.plain, 0, 50, 51, 0.6, 0.8);
    kernels.rotate(x.wasm, 0, 50, 51, 0.6, 0.8);
    expectClose(x.wasm, x.plain);
  });

  it('Householder kernels match the TypeScript tier (one, many, right, fused with a rank-one update)', () => {
    const [m, n] = [45, 19];
    const a = pair(m * n + 3, 9);
    const v = pair(m + 1, 10);
    typescriptKernels.applyReflectorLeft(m - 2, n, v.plain, 1, 1.3, a.plain, 2, m);
    kernels.applyReflectorLeft(m - 2, n, v.wasm, 1, 1.3, a.wasm, 2, m);
    expectClose(a.wasm, a.plain);

    const count = 5;
    const vectors = pair(count * m, 11);
    const starts = integers([3, 4, 6, 6, 9]);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < starts.plain[r]; i++) {
        vectors.plain[r * m + i] = 0;
        vectors.wasm[r * m + i] = 0;
      }
    }
    const taus = pair(count, 12);
    typescriptKernels.applyReflectorsLeft(
      m,
      n - 4,
      count,
      vectors.plain,
      m,
      starts.plain,
      taus.plain,
      a.plain,
      4 * m,
      m,
      4,
    );
    kernels.applyReflectorsLeft(
      m,
      n - 4,
      count,
      vectors.wasm,
      m,
      starts.wasm,
      taus.wasm,
      a.wasm,
      4 * m,
      m,
      4,
    );
    expectClose(a.wasm, a.plain);

    const u = pair(n, 13);
    const work = pair(m, 14);
    typescriptKernels.applyReflectorRight(m, n, u.plain, 0, 0.4, a.plain, 0, m, work.plain);
    kernels.applyReflectorRight(m, n, u.wasm, 0, 0.4, a.wasm, 0, m, work.wasm);
    expectClose(a.wasm, a.plain);

    const w = pair(m, 15);
    const factors = pair(n, 16);
    for (const withFactors of [true, false]) {
      typescriptKernels.updateThenReflectLeft(
        m - 1,
        n - 1,
        w.plain,
        1,
        withFactors ? factors.plain : null,
        1,
        v.plain,
        0,
        0.9,
        a.plain,
        m + 1,
        m,
      );
      kernels.updateThenReflectLeft(
        m - 1,
        n - 1,
        w.wasm,
        1,
        withFactors ? factors.wasm : null,
        1,
        v.wasm,
        0,
        0.9,
        a.wasm,
        m + 1,
        m,
      );
      expectClose(a.wasm, a.plain);
    }
  });

  it('Givens sweeps match the TypeScript tier, one sweep and batches of sweeps', () => {
    const [m, n] = [77, 12];
    const a = pair(m * n, 17);
    const angles = gaussianMatrix(40, 1, 18).data;
    const cosines = pair(40, 0);
    const sines = pair(40, 0);
    for (let i = 0; i < 40; i++) {
      for (const target of [cosines.plain, cosines.wasm]) target[i] = Math.cos(angles[i]);
      for (const target of [sines.plain, sines.wasm]) target[i] = Math.sin(angles[i]);
    }
    typescriptKernels.rotationSweep(a.plain, m, m, 2, 7, cosines.plain, sines.plain);
    kernels.rotationSweep(a.wasm, m, m, 2, 7, cosines.wasm, sines.wasm);
    expectClose(a.wasm, a.plain);
    const firsts = integers([0, 3, 1]);
    const counts = integers([11, 5, 8]);
    const offsets = integers([0, 11, 16]);
    typescriptKernels.rotationSweeps(
      a.plain,
      m,
      m,
      3,
      firsts.plain,
      counts.plain,
      offsets.plain,
      cosines.plain,
      sines.plain,
    );
    kernels.rotationSweeps(
      a.wasm,
      m,
      m,
      3,
      firsts.wasm,
      counts.wasm,
      offsets.wasm,
      cosines.wasm,
      sines.wasm,
    );
    expectClose(a.wasm, a.plain);
  });
});
