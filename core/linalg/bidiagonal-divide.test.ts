import { describe, expect, it } from 'vitest';
import { CancelledError, type JobContext } from '../job-context';
import { bidiagonalDivide, divideCrossover, divideLeafSize } from './bidiagonal-divide';
import { bidiagonalSingularValues } from './dqds';
import { setWasmKernelsEnabled } from './kernels/wasm-module';
import { zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiplyScaledTransposeB, subtract } from './products';
import { gaussianMatrix } from './random';
import { graded, hilbert, kahan, knownRank, vandermonde } from './special-matrices';
import { svd } from './svd';
import { epsilon, orthogonalityError } from './test-support';

interface Bidiagonal {
  d: Float64Array;
  e: Float64Array;
}

function dense({ d, e }: Bidiagonal): Matrix {
  const n = d.length;
  const b = zeros(n, n);
  for (let i = 0; i < n; i++) {
    b.data[i + i * n] = d[i];
    if (i + 1 < n) b.data[i + (i + 1) * n] = e[i];
  }
  return b;
}

function seeded(n: number, seed: number): Bidiagonal {
  const g = gaussianMatrix(2 * n, 1, seed).data;
  return { d: g.slice(0, n), e: g.slice(n, 2 * n - 1) };
}

/** Divides and conquers B, then checks B = U·Σ·Vᵀ, orthogonality and the values against dqds. */
function checkBidiagonal(b: Bidiagonal): void {
  const n = b.d.length;
  const d = b.d.slice();
  const e = b.e.slice();
  const u = zeros(n, n);
  const v = zeros(n, n);
  bidiagonalDivide(d, e, u, v);
  const reference = b.d.slice();
  bidiagonalSingularValues(reference, b.e.slice());
  const largest = Math.max(reference[0] ?? 0, Number.MIN_VALUE);
  const bound = 20 * Math.max(n, 1) * epsilon;
  for (let i = 0; i < n; i++) {
    expect(Math.abs(d[i] - reference[i])).toBeLessThanOrEqual(bound * largest);
    if (i > 0) expect(d[i]).toBeLessThanOrEqual(d[i - 1]);
  }
  const residual = frobeniusNorm(subtract(dense(b), multiplyScaledTransposeB(u, d, v)));
  expect(residual).toBeLessThanOrEqual(bound * largest);
  expect(orthogonalityError(u)).toBeLessThanOrEqual(bound);
  expect(orthogonalityError(v)).toBeLessThanOrEqual(bound);
}

function checkDecomposition(a: Matrix): void {
  const { values, U, V } = svd(a, { vectors: true });
  const reference = svd(a).values;
  const largest = Math.max(reference[0] ?? 0, Number.MIN_VALUE);
  const bound = 20 * Math.max(a.rows, a.cols, 1) * epsilon;
  for (let i = 0; i < values.length; i++) {
    expect(Math.abs(values[i] - reference[i])).toBeLessThanOrEqual(bound * largest);
  }
  const residual = frobeniusNorm(subtract(a, multiplyScaledTransposeB(U!, values, V!)));
  expect(residual).toBeLessThanOrEqual(bound * largest);
  expect(orthogonalityError(U!)).toBeLessThanOrEqual(bound);
  expect(orthogonalityError(V!)).toBeLessThanOrEqual(bound);
}

describe('bidiagonal divide and conquer', () => {
  it('decomposes random bidiagonals of sizes around the leaf size and the crossover', () => {
    const leaf = divideLeafSize;
    for (const n of [1, 2, 3, leaf, leaf + 1, 2 * leaf + 1, 2 * leaf + 2, 97, 160, 257]) {
      checkBidiagonal(seeded(n, n));
    }
  });

  it('keeps graded, clustered and repeated values (deflation by tiny z and equal poles)', () => {
    const n = 150;
    const graded = seeded(n, 3);
    for (let i = 0; i < n; i++) graded.d[i] *= 10 ** (-i / 10);
    for (let i = 0; i < n - 1; i++) graded.e[i] *= 10 ** (-i / 10);
    checkBidiagonal(graded);
    // Nearly equal diagonal with tiny coupling: almost every merge deflates.
    const clustered = seeded(n, 4);
    for (let i = 0; i < n; i++) clustered.d[i] = 1 + 1e-14 * clustered.d[i];
    for (let i = 0; i < n - 1; i++) clustered.e[i] *= 1e-9;
    checkBidiagonal(clustered);
    // The identity: every value repeated, every z zero.
    checkBidiagonal({ d: new Float64Array(n).fill(1), e: new Float64Array(n - 1) });
    // Two repeated values, coupled.
    const repeated = seeded(n, 5);
    for (let i = 0; i < n; i++) repeated.d[i] = i % 2 === 0 ? 2 : 0.5;
    checkBidiagonal(repeated);
  });

  it('decomposes rank-deficient bidiagonals (exact zeros on the diagonal and above it)', () => {
    const n = 140;
    const b = seeded(n, 6);
    for (const i of [0, 17, 18, 70, 71, 72, n - 1]) b.d[i] = 0;
    for (const i of [5, 40, 100]) b.e[i] = 0;
    checkBidiagonal(b);
    checkBidiagonal({ d: new Float64Array(n), e: seeded(n, 7).e });
  });

  it('handles an all-zero bidiagonal, zero blocks, and entries near overflow and underflow', () => {
    const n = 100;
    checkBidiagonal({ d: new Float64Array(n), e: new Float64Array(n - 1) });
    const blocks = { d: new Float64Array(n), e: new Float64Array(n - 1) };
    blocks.d[0] = 1;
    blocks.d[n - 1] = -2;
    checkBidiagonal(blocks);
    for (const scale of [1e-300, 1e300]) {
      const b = seeded(n, 12);
      checkBidiagonal({ d: b.d.map((x) => x * scale), e: b.e.map((x) => x * scale) });
    }
  });

  it('gives full SVDs that agree with the values-only path on tiny and awkward shapes', () => {
    for (const [m, n] of [
      [1, 1],
      [2, 7],
      [7, 2],
      [9, 1],
      [1, 9],
      [divideCrossover - 1, divideCrossover - 1],
      [divideCrossover, divideCrossover],
      [divideCrossover + 1, divideCrossover],
      [divideCrossover, 2 * divideCrossover + 5],
      [3 * divideCrossover, divideCrossover + 3],
    ]) {
      checkDecomposition(gaussianMatrix(m, n, m + 3 * n));
    }
    checkDecomposition(knownRank(180, 150, 40, 8));
  });

  it('decomposes graded and ill-conditioned matrices whose small values near underflow', () => {
    // graded(200): entries down to 1e-199, singular values to 1e-197, squares below underflow.
    for (const a of [graded(200, 3), kahan(300), hilbert(160), vandermonde(300, 150)]) {
      checkDecomposition(a);
    }
  });

  it('decomposes on the TypeScript tier too', () => {
    setWasmKernelsEnabled(false);
    try {
      checkDecomposition(gaussianMatrix(130, 120, 9));
      checkBidiagonal(seeded(120, 10));
    } finally {
      setWasmKernelsEnabled(true);
    }
  });

  it('stops between merges when the context is cancelled', () => {
    let checks = 0;
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (++checks > 2) throw new CancelledError();
      },
    };
    const b = seeded(300, 11);
    expect(() => bidiagonalDivide(b.d, b.e, zeros(300, 300), zeros(300, 300), context)).toThrow(
      CancelledError,
    );
    expect(checks).toBe(3);
  });

  it('cancels a full SVD in each stage (reduction, divide and conquer, reflectors) and recovers', () => {
    const a = gaussianMatrix(300, 260, 13);
    const stages: string[] = [];
    let checks = 0;
    let stage = '';
    svd(a, {
      vectors: true,
      context: {
        progress(_, message) {
          if (message) stage = message;
        },
        checkCancelled() {
          checks++;
          stages.push(stage);
        },
      },
    });
    for (const name of ['bidiagonalizing', 'diagonalizing', 'forming singular vectors']) {
      expect(stages).toContain(name);
    }
    for (const name of ['bidiagonalizing', 'diagonalizing', 'forming singular vectors']) {
      const at = stages.lastIndexOf(name) + 1;
      let seen = 0;
      const context: JobContext = {
        progress() {},
        checkCancelled() {
          if (++seen === at) throw new CancelledError();
        },
      };
      expect(() => svd(a, { vectors: true, context })).toThrow(CancelledError);
    }
    expect(checks).toBeGreaterThan(3);
    checkDecomposition(a);
  });
});
