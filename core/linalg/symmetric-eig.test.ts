import { describe, expect, it } from 'vitest';
import { CancelledError, type JobContext } from '../job-context';
import eigenFixtures from './fixtures/symmetric-eig.json';
import { fromRows, identity, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiply, multiplyScaledTransposeB, multiplyTransposeA, subtract } from './products';
import { gaussianMatrix } from './random';
import { graded, knownRank } from './special-matrices';
import { qrCrossover, symmetricEigen } from './symmetric-eig';
import { epsilon, orthogonalityError } from './test-support';
import { divideLeafSize } from './tridiagonal-divide';
import { workspaceOverflows } from './workspace';

function symmetricGaussian(n: number, seed: number): Matrix {
  const g = gaussianMatrix(n, n, seed);
  const result = zeros(n, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) result.data[i + j * n] = g.data[i + j * n] + g.data[j + i * n];
  return result;
}

/** Q·diag(values)·Qᵀ for a random orthogonal Q (the eigenvectors of a Gaussian symmetric matrix). */
function withSpectrum(values: number[], seed: number): Matrix {
  const n = values.length;
  const q = symmetricEigen(symmetricGaussian(n, seed), { vectors: true }).vectors!;
  const a = multiplyScaledTransposeB(q, Float64Array.from(values), q);
  // Exactly symmetric, as the solver reads the lower triangle only.
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) a.data[j + i * n] = a.data[i + j * n];
  return a;
}

/**
 * Vectors orthonormal and A·V = V·Λ within a few n·ε·‖A‖, values descending and equal to the
 * values-only path's.
 */
function expectDecomposition(name: string, a: Matrix): void {
  const n = a.rows;
  const { values, vectors } = symmetricEigen(a, { vectors: true });
  const norm = frobeniusNorm(a);
  const bound = 10 * Math.max(n, 4) * epsilon;
  for (let i = 1; i < n; i++)
    expect(values[i], `${name}: order`).toBeLessThanOrEqual(values[i - 1]);
  const scaled = zeros(n, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) scaled.data[i + j * n] = vectors!.data[i + j * n] * values[j];
  const residual = frobeniusNorm(subtract(multiply(a, vectors!), scaled));
  expect(residual, `${name}: ‖AV − VΛ‖`).toBeLessThanOrEqual(bound * norm);
  expect(orthogonalityError(vectors!), `${name}: ‖VᵀV − I‖`).toBeLessThanOrEqual(bound);
  const alone = symmetricEigen(a).values;
  for (let i = 0; i < n; i++) {
    expect(Math.abs(values[i] - alone[i]), `${name}: λ${i}`).toBeLessThanOrEqual(bound * norm);
  }
}

describe('symmetricEigen', () => {
  it('agrees with LAPACK (numpy eigvalsh) on the fixtures', () => {
    for (const fixture of eigenFixtures) {
      const { values } = symmetricEigen(fromRows(fixture.matrix));
      const scale = Math.max(...fixture.eigenvalues.map(Math.abs));
      fixture.eigenvalues.forEach((expected, i) => {
        expect(Math.abs(values[i] - expected), `${fixture.name} λ${i + 1}`).toBeLessThanOrEqual(
          1e-13 * scale,
        );
      });
    }
  });

  it('gives A = V·Λ·Vᵀ with orthonormal V across sizes', () => {
    for (const n of [1, 2, 3, 127, 128, 129]) {
      const a = symmetricGaussian(n, n);
      const { values, vectors } = symmetricEigen(a, { vectors: true });
      for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
      const bound = 20 * n * epsilon;
      const residual = frobeniusNorm(
        subtract(a, multiplyScaledTransposeB(vectors!, values, vectors!)),
      );
      expect(residual).toBeLessThanOrEqual(bound * frobeniusNorm(a));
      expect(orthogonalityError(vectors!)).toBeLessThanOrEqual(bound);
    }
  });

  it('agrees with LAPACK on the fixtures with vectors too', () => {
    for (const fixture of eigenFixtures) {
      const a = fromRows(fixture.matrix);
      expectDecomposition(fixture.name, a);
      const { values } = symmetricEigen(a, { vectors: true });
      const scale = Math.max(...fixture.eigenvalues.map(Math.abs));
      fixture.eigenvalues.forEach((expected, i) => {
        expect(Math.abs(values[i] - expected), `${fixture.name} λ${i + 1}`).toBeLessThanOrEqual(
          1e-13 * scale,
        );
      });
    }
  });

  it('decomposes at sizes around the QR crossover and the divide leaf, within its workspace', () => {
    const overflows = workspaceOverflows();
    const sizes = [
      2,
      qrCrossover,
      qrCrossover + 1,
      2 * divideLeafSize + 1,
      4 * divideLeafSize,
      300,
    ];
    for (const n of sizes) expectDecomposition(`Gaussian ${n}`, symmetricGaussian(n, 40 + n));
    // Every array fit the memory sized up front (an overflow falls back to slower arrays).
    expect(workspaceOverflows()).toBe(overflows);
  });

  it('decomposes repeated, clustered, graded and rank-deficient matrices', () => {
    const n = 150;
    expectDecomposition('identity', identity(n));
    const multiple = identity(n);
    multiple.data.forEach((value, k) => (multiple.data[k] = -3 * value));
    expectDecomposition('−3·I', multiple);
    // Two eigenvalues, each repeated n/2 times.
    expectDecomposition(
      'two repeated',
      withSpectrum(
        Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -2)),
        5,
      ),
    );
    // A tight cluster beside well separated values.
    expectDecomposition(
      'clustered',
      withSpectrum(
        Array.from({ length: n }, (_, i) => (i < 100 ? 1 + 1e-13 * i : i)),
        6,
      ),
    );
    const gradedSquare = graded(n, 7);
    const gradedSymmetric = multiplyTransposeA(gradedSquare, gradedSquare);
    expectDecomposition('graded Gram', gradedSymmetric);
    const thin = knownRank(n, n, 10, 8);
    expectDecomposition('rank 10 of 150', multiplyTransposeA(thin, thin));
  });

  it('gives 1×1 and 2×2 matrices their exact decomposition', () => {
    const one = symmetricEigen(fromRows([[-2.5]]), { vectors: true });
    expect(one.values[0]).toBe(-2.5);
    expect(Math.abs(one.vectors!.data[0])).toBe(1);
    // [2 1; 1 2]: eigenvalues 3 and 1, eigenvectors (1, ±1)/√2.
    const two = symmetricEigen(
      fromRows([
        [2, 1],
        [1, 2],
      ]),
      { vectors: true },
    );
    expect(Math.abs(two.values[0] - 3)).toBeLessThanOrEqual(3 * 4 * epsilon);
    expect(Math.abs(two.values[1] - 1)).toBeLessThanOrEqual(4 * epsilon);
    expect(Math.abs(Math.abs(two.vectors!.data[0]) - Math.SQRT1_2)).toBeLessThanOrEqual(
      4 * epsilon,
    );
  });

  it('stops in the divide and conquer when cancelled there, and runs again after', () => {
    const a = symmetricGaussian(200, 9);
    // Lets the reduction's checks pass (one per 32 columns), then cancels at the first merge.
    let checks = 0;
    const reductionChecks = Math.ceil((200 - 2) / 32);
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (++checks > reductionChecks) throw new CancelledError();
      },
    };
    expect(() => symmetricEigen(a, { vectors: true, context })).toThrow(CancelledError);
    expect(checks).toBe(reductionChecks + 1);
    expectDecomposition('after a cancellation', a);
  });

  it('finds nonnegative eigenvalues of a Gram matrix of known rank, equal to σ²', () => {
    const b = multiply(gaussianMatrix(40, 5, 3), gaussianMatrix(5, 30, 4));
    const { values } = symmetricEigen(multiplyTransposeA(b, b));
    const positive = values.filter((value) => value > 1e-10 * values[0]).length;
    expect(positive).toBe(5);
    expect(values[29]).toBeGreaterThan(-1e-12 * values[0]);
  });

  it('handles empty, zero, non-square and non-finite input', () => {
    expect(symmetricEigen(zeros(0, 0), { vectors: true }).values.length).toBe(0);
    expect(Array.from(symmetricEigen(zeros(3, 3)).values)).toEqual([0, 0, 0]);
    expect(symmetricEigen(fromRows([[-2]])).values[0]).toBe(-2);
    expect(() => symmetricEigen(zeros(2, 3))).toThrow(RangeError);
    expect(() => symmetricEigen(fromRows([[NaN]]))).toThrow(RangeError);
  });
});
