import { describe, expect, it } from 'vitest';
import eigenFixtures from './fixtures/symmetric-eig.json';
import { fromRows, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiply, multiplyScaledTransposeB, multiplyTransposeA, subtract } from './products';
import { gaussianMatrix } from './random';
import { symmetricEigen } from './symmetric-eig';
import { epsilon, orthogonalityError } from './test-support';

function symmetricGaussian(n: number, seed: number): Matrix {
  const g = gaussianMatrix(n, n, seed);
  const result = zeros(n, n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) result.data[i + j * n] = g.data[i + j * n] + g.data[j + i * n];
  return result;
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
