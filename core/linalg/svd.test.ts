import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CancelledError, type JobContext } from '../job-context';
import svdFixtures from './fixtures/svd.json';
import { fromRows, transpose, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiplyScaledTransposeB, subtract } from './products';
import { gaussianMatrix } from './random';
import { graded, hilbert, kahan, knownRank, vandermonde } from './special-matrices';
import { setWasmKernelsEnabled } from './kernels/wasm-module';
import { singularValues, svd, svdWorkspaceDoubles } from './svd';
import { createWorkspace, workspaceOf, workspaceOverflows } from './workspace';
import { epsilon, orthogonalityError } from './test-support';

function checkDecomposition(a: Matrix): void {
  const { values, U, V } = svd(a, { vectors: true });
  const k = Math.min(a.rows, a.cols);
  expect(values.length).toBe(k);
  expect(U!.rows).toBe(a.rows);
  expect(U!.cols).toBe(k);
  expect(V!.rows).toBe(a.cols);
  expect(V!.cols).toBe(k);
  for (let i = 0; i < k; i++) {
    expect(values[i]).toBeGreaterThanOrEqual(0);
    if (i > 0) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  }
  const norm = k === 0 ? 0 : values[0];
  const bound = 20 * Math.max(a.rows, a.cols, 1) * epsilon;
  const residual = frobeniusNorm(subtract(a, multiplyScaledTransposeB(U!, values, V!)));
  expect(residual).toBeLessThanOrEqual(bound * Math.max(norm, Number.MIN_VALUE));
  expect(orthogonalityError(U!)).toBeLessThanOrEqual(bound);
  expect(orthogonalityError(V!)).toBeLessThanOrEqual(bound);
}

describe('svd', () => {
  it('reconstructs A = UΣVᵀ with orthonormal factors across shapes and block edges', () => {
    const shapes: [number, number][] = [
      [1, 1],
      [1, 7],
      [7, 1],
      [2, 2],
      [2, 3],
      [3, 2],
      [127, 127],
      [128, 128],
      [129, 129],
      [129, 128],
      [128, 129],
      [300, 40],
      [40, 300],
      [160, 100],
      [100, 161],
      // Blocked bidiagonalization: several 32-column panels, then the unblocked tail.
      [300, 200],
      [230, 230],
      [170, 261],
    ];
    for (const [m, n] of shapes) checkDecomposition(gaussianMatrix(m, n, m * 1000 + n));
  });

  it('reconstructs A = UΣVᵀ on the TypeScript tier too (no WebAssembly, as in a page that forbids it)', () => {
    setWasmKernelsEnabled(false);
    try {
      for (const [m, n] of [
        [129, 128],
        [300, 40],
        [40, 300],
        [200, 170],
      ]) {
        checkDecomposition(gaussianMatrix(m, n, m + n));
      }
    } finally {
      setWasmKernelsEnabled(true);
    }
  });

  it('reduces an input allocated in its workspace in place when it may overwrite it', () => {
    const [m, n] = [150, 120];
    const a = gaussianMatrix(m, n, 5);
    const expected = singularValues(a);
    const given = createWorkspace(svdWorkspaceDoubles(m, n, false)).copyOf(a);
    expect(workspaceOf(given.data)).toBeDefined();
    const values = singularValues(given, { overwrite: true });
    for (let k = 0; k < n; k++) expect(values[k]).toBeCloseTo(expected[k], 12);
    // The reflectors now fill the input: no second copy of the matrix was made.
    expect(given.data.every((value, index) => value === a.data[index])).toBe(false);
    expect(workspaceOf(values)).toBeUndefined();
  });

  it('sizes its workspace so every working array fits (no slow fallback arrays)', () => {
    const before = workspaceOverflows();
    for (const [m, n] of [
      [300, 200],
      [200, 300],
      [400, 120],
      [230, 230],
      // QR first, then divide and conquer.
      [600, 200],
    ]) {
      for (const vectors of [false, true]) svd(gaussianMatrix(m, n, m * n), { vectors });
    }
    expect(workspaceOverflows()).toBe(before);
  });

  it('handles empty, all-zero and 1×1 input', () => {
    for (const [m, n] of [
      [0, 0],
      [0, 5],
      [5, 0],
    ]) {
      const result = svd(zeros(m, n), { vectors: true });
      expect(result.values.length).toBe(0);
      expect(result.U!.rows).toBe(m);
      expect(result.V!.rows).toBe(n);
    }
    const zero = svd(zeros(4, 3), { vectors: true });
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(orthogonalityError(zero.U!)).toBe(0);
    const one = svd(fromRows([[-3]]), { vectors: true });
    expect(one.values[0]).toBe(3);
    expect(one.U!.data[0] * one.V!.data[0]).toBe(-1);
  });

  it('rejects NaN and infinite entries with a RangeError', () => {
    expect(() => svd(fromRows([[1, NaN]]))).toThrow(RangeError);
    expect(() => singularValues(fromRows([[1], [Infinity]]))).toThrow(/non-finite/);
  });

  it('agrees with LAPACK (numpy fixtures) to 1e-12 relative for well-separated values', () => {
    for (const fixture of svdFixtures) {
      const a = fromRows(fixture.matrix);
      const ours = singularValues(a);
      const reference = fixture.singularValues;
      const largest = reference[0];
      for (let i = 0; i < reference.length; i++) {
        // Tiny singular values of ill-conditioned matrices are only determined to ε·σ₁ by any
        // backward-stable method, LAPACK's included.
        const scale = Math.max(reference[i], 1e-3 * largest);
        expect(Math.abs(ours[i] - reference[i]), `${fixture.name} σ${i + 1}`).toBeLessThanOrEqual(
          1e-12 * scale,
        );
      }
    }
  });

  it('finds exactly r singular values above 1e-10·σ₁ for products of thin factors', () => {
    for (const [m, n, r] of [
      [60, 40, 7],
      [40, 60, 12],
      [129, 129, 1],
      [90, 30, 29],
    ]) {
      const values = singularValues(knownRank(m, n, r, m + n + r));
      const above = values.filter((value) => value > 1e-10 * values[0]).length;
      expect(above).toBe(r);
    }
  });

  it('decomposes Hilbert, Kahan, Vandermonde and graded matrices backward stably', () => {
    for (const a of [
      hilbert(12),
      kahan(40),
      vandermonde(30, 12),
      graded(25, 3),
      transpose(vandermonde(30, 12)),
    ]) {
      checkDecomposition(a);
    }
  });

  it('is invariant under transposition and scaling (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(1, 1e-200, 1e200, -3),
        (m, n, seed, factor) => {
          const a = gaussianMatrix(m, n, seed);
          const scaled = { rows: m, cols: n, data: a.data.map((x) => x * factor) };
          const values = singularValues(a);
          const transposed = singularValues(transpose(a));
          const scaledValues = singularValues(scaled);
          for (let i = 0; i < values.length; i++) {
            expect(Math.abs(values[i] - transposed[i])).toBeLessThanOrEqual(1e-13 * values[0]);
            const expected = values[i] * Math.abs(factor);
            expect(Math.abs(scaledValues[i] - expected)).toBeLessThanOrEqual(
              1e-13 * values[0] * Math.abs(factor),
            );
          }
          checkDecomposition(a);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops when the context is cancelled', () => {
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        throw new CancelledError();
      },
    };
    expect(() => svd(gaussianMatrix(50, 50, 1), { context })).toThrow(CancelledError);
  });

  it('reports progress that rises from 0 to 1', () => {
    const fractions: number[] = [];
    const context: JobContext = {
      progress(fraction) {
        fractions.push(fraction);
      },
      checkCancelled() {},
    };
    svd(gaussianMatrix(70, 70, 2), { vectors: true, context });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(
      true,
    );
    expect(fractions[fractions.length - 1]).toBe(1);
  });
  it('gives the same values when allowed to overwrite its input, and reuses it only when tall or square', () => {
    for (const [m, n] of [
      [40, 40],
      [60, 25],
      [25, 60],
    ]) {
      const a = knownRank(m, n, 7, m * n);
      const expected = singularValues(a);
      const copy = { rows: m, cols: n, data: a.data.slice() };
      const values = singularValues(copy, { overwrite: true });
      for (let k = 0; k < expected.length; k++) expect(values[k]).toBeCloseTo(expected[k], 12);
      // A wide input is transposed into new memory, so it survives; a tall one is consumed.
      const untouched = copy.data.every((value, index) => value === a.data[index]);
      expect(untouched).toBe(m < n);
    }
  });
});
