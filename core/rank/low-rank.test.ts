import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { frobeniusNorm } from '../linalg/norms';
import { transpose } from '../linalg/matrix';
import { multiply, subtract } from '../linalg/products';
import { gaussianMatrix } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { singularValues } from '../linalg/svd';
import { orthogonalityError } from '../linalg/test-support';
import { lowRankReport, rankFactorization, truncatedSvd } from './low-rank';

const epsilon = Number.EPSILON;

describe('truncated SVD (Eckart–Young)', () => {
  it('‖A − A_r‖₂ = σ_{r+1} and ‖A − A_r‖_F = √(Σ_{i>r} σ_i²), measured on the difference', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 100_000 }),
        (m, n, rank, seed) => {
          const a = gaussianMatrix(m, n, seed);
          const values = singularValues(a);
          const result = truncatedSvd(a, rank);
          const r = Math.min(rank, values.length);
          const difference = subtract(a, result.approximation);
          const scale = values[0];
          const tolerance = 30 * Math.max(m, n) * epsilon * scale;
          const expectedSpectral = r < values.length ? values[r] : 0;
          // Values-only (dqds) and with vectors (implicit QR) agree to rounding, not bit for bit.
          expect(Math.abs(result.spectralError - expectedSpectral)).toBeLessThan(tolerance);
          expect(Math.abs(singularValues(difference)[0] - expectedSpectral)).toBeLessThan(
            tolerance,
          );
          expect(Math.abs(frobeniusNorm(difference) - result.frobeniusError)).toBeLessThan(
            tolerance,
          );
          // A_r has rank r: its (r+1)-th singular value is roundoff.
          const approximationValues = singularValues(result.approximation);
          if (r < approximationValues.length)
            expect(approximationValues[r]).toBeLessThan(tolerance);
          expect(result.energyKept).toBeGreaterThanOrEqual(0);
          expect(result.energyKept).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('no other rank-r matrix does better: random rank-r competitors have larger errors', () => {
    const a = gaussianMatrix(12, 9, 77);
    const best = truncatedSvd(a, 3);
    for (let seed = 0; seed < 20; seed++) {
      // Another rank-3 matrix: the best rank-3 fit of a perturbed A.
      const perturbed = gaussianMatrix(12, 9, seed);
      for (let k = 0; k < perturbed.data.length; k++)
        perturbed.data[k] = a.data[k] + 0.05 * perturbed.data[k];
      const competitor = truncatedSvd(perturbed, 3).approximation;
      expect(frobeniusNorm(subtract(a, competitor))).toBeGreaterThanOrEqual(
        best.frobeniusError * (1 - 1e-12),
      );
      expect(singularValues(subtract(a, competitor))[0]).toBeGreaterThanOrEqual(
        best.spectralError * (1 - 1e-12),
      );
    }
  });

  it('reports energy, parameter counts and exact recovery at the true rank', () => {
    const a = knownRank(40, 30, 4, 9);
    const result = truncatedSvd(a, 4);
    expect(result.parameters).toBe(4 * 70);
    expect(result.denseParameters).toBe(1200);
    expect(result.relativeFrobeniusError).toBeLessThan(1e-13);
    expect(result.energyKept).toBeCloseTo(1, 13);
    const values = Float64Array.from([3, 2, 1, 1]); // energies 9, 4, 1, 1 of 15
    const report = lowRankReport(values, { rows: 4, cols: 4 }, 2);
    expect(report.energyKept).toBeCloseTo(13 / 15, 15);
    expect(report.spectralError).toBe(1);
    expect(report.frobeniusError).toBeCloseTo(Math.SQRT2, 15);
    expect(lowRankReport(values, { rows: 4, cols: 4 }, 9).rank).toBe(4);
  });
});

describe('rank factorization A = BC', () => {
  it('reproduces rank-deficient A with r columns and rows', () => {
    for (const [m, n, r] of [
      [10, 7, 3],
      [7, 10, 5],
      [6, 6, 0],
      [1, 5, 1],
    ]) {
      const a = knownRank(m, n, r, 3 * m + n);
      const factors = rankFactorization(a);
      expect(factors.rank).toBe(r);
      expect([
        factors.left.rows,
        factors.left.cols,
        factors.right.rows,
        factors.right.cols,
      ]).toEqual([m, r, r, n]);
      const scale = Math.max(frobeniusNorm(a), 1);
      expect(frobeniusNorm(subtract(a, multiply(factors.left, factors.right)))).toBeLessThan(
        100 * Math.max(m, n) * epsilon * scale,
      );
      // C = V_rᵀ has orthonormal rows.
      expect(orthogonalityError(transpose(factors.right))).toBeLessThan(1e-13);
    }
  });
});
