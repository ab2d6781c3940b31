import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fixtures from './fixtures/rank-fixtures.json';
import { gaussianMatrix } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { singularValues } from '../linalg/svd';
import {
  absoluteToleranceRank,
  decideRank,
  defaultRank,
  defaultTolerance,
  estimateNoiseLevel,
  marchenkoPasturMedian,
  noiseEdgeRank,
  relativeToleranceRank,
  spectralGapRank,
} from './policies';

const descending = (values: number[]): Float64Array =>
  Float64Array.from(values.slice().sort((x, y) => y - x));

describe('default policy (numpy/MATLAB)', () => {
  it('counts values strictly above σ₁·max(m,n)·ε', () => {
    const values = Float64Array.from([10, 1, 1e-13, 1e-15]);
    const shape = { rows: 4, cols: 7 };
    const decision = defaultRank(values, shape);
    expect(decision.tolerance).toBe(10 * 7 * Number.EPSILON);
    expect(decision.rank).toBe(3);
    expect(decision.policy).toBe('default');
    expect(decision.reason).toContain('3 singular values exceed');
    // One value is one value.
    const single = defaultRank(Float64Array.from([10, 1e-15]), shape);
    expect(single.reason).toMatch(/^1 singular value exceeds /);
    const noise = noiseEdgeRank(Float64Array.from([50, 1, 0.9, 0.8, 0.7]), { rows: 5, cols: 5 });
    expect(noise.rank).toBe(1);
    expect(noise.reason).toMatch(/^1 singular value stands above/);
  });

  it('gives rank 0 for the zero and the empty matrix', () => {
    expect(defaultRank(new Float64Array(3), { rows: 3, cols: 3 }).rank).toBe(0);
    expect(defaultRank(new Float64Array(0), { rows: 0, cols: 5 }).rank).toBe(0);
  });
});

describe('tolerance policies', () => {
  it('absolute and relative tolerances agree when tol_abs = tol_rel·σ₁', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (list, relative) => {
          const values = descending(list);
          const byRelative = relativeToleranceRank(values, relative);
          const byAbsolute = absoluteToleranceRank(values, relative * values[0]);
          expect(byRelative.rank).toBe(byAbsolute.rank);
          // Every counted value exceeds the tolerance, every other does not.
          for (let i = 0; i < values.length; i++) {
            expect(values[i] > byAbsolute.tolerance!).toBe(i < byAbsolute.rank);
          }
        },
      ),
    );
  });

  it('rejects a negative tolerance', () => {
    expect(() => absoluteToleranceRank(Float64Array.from([1]), -1)).toThrow(RangeError);
    expect(() =>
      decideRank(Float64Array.from([1]), { rows: 1, cols: 1 }, { kind: 'relative', tolerance: -2 }),
    ).toThrow();
  });
});

describe('spectral gap policy', () => {
  it('finds the gap and names it', () => {
    const values = Float64Array.from([5, 4, 3, 2e-6, 1e-6, 9e-7]);
    const decision = spectralGapRank(values, { rows: 6, cols: 6 });
    expect(decision.rank).toBe(3);
    expect(decision.reason).toContain('σ3/σ4');
    expect(decision.tolerance! < 3 && decision.tolerance! > 2e-6).toBe(true);
  });

  it('keeps a well-conditioned full-rank spectrum whole', () => {
    const values = Float64Array.from([3, 2.5, 2, 1.5, 1]);
    expect(spectralGapRank(values, { rows: 5, cols: 5 }).rank).toBe(5);
  });

  it('cuts an exactly rank-deficient spectrum where roundoff begins', () => {
    const values = Float64Array.from([3, 2, 1, 3e-16, 1e-16, 0]);
    expect(spectralGapRank(values, { rows: 6, cols: 6 }).rank).toBe(3);
  });

  it('never exceeds the default rank and is 0 only for the zero matrix', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (list) => {
          const values = descending(list);
          const shape = { rows: values.length, cols: values.length + 3 };
          const gap = spectralGapRank(values, shape);
          const byDefault = defaultRank(values, shape);
          expect(gap.rank).toBeLessThanOrEqual(byDefault.rank);
          expect(gap.rank === 0).toBe(byDefault.rank === 0);
        },
      ),
    );
  });
});

describe('Marchenko–Pastur noise edge', () => {
  it('median of the MP law agrees with scipy quadrature', () => {
    for (const { beta, median } of fixtures.marchenkoPasturMedian) {
      expect(Math.abs(marchenkoPasturMedian(beta) - median)).toBeLessThan(1e-10);
    }
  });

  it('estimates the noise level from a pure noise spectrum of known σ', () => {
    // The exact quantiles of the MP law stand in for the singular values of σ·Z, Z 400×1000.
    const m = 400;
    const n = 1000;
    const beta = m / n;
    const sigma = 3e-4;
    // Singular values √(n·λ)·σ at the MP median give back σ.
    const median = marchenkoPasturMedian(beta);
    const values = new Float64Array(m);
    for (let i = 0; i < m; i++)
      values[i] = sigma * Math.sqrt(n * median) * (1 + (m / 2 - i) * 1e-4);
    values.sort().reverse();
    expect(Math.abs(estimateNoiseLevel(values, { rows: m, cols: n }) / sigma - 1)).toBeLessThan(
      1e-3,
    );
  });

  it('counts signal above σ(√m+√n) with a given noise level', () => {
    const values = Float64Array.from([100, 50, 1.5, 0.52, 0.5, 0.1]);
    // Edge 0.1·(√6+√6) ≈ 0.49; the Tracy–Widom margin lifts the threshold to ≈ 0.56, above 0.52.
    const decision = noiseEdgeRank(values, { rows: 6, cols: 6 }, { noiseLevel: 0.1 });
    expect(decision.rank).toBe(3);
    expect(decision.tolerance!).toBeGreaterThanOrEqual(0.1 * 2 * Math.sqrt(6));
    expect(decision.reason).toContain('given');
  });

  it('is never below the default floor', () => {
    const values = Float64Array.from([1, 1, 1e-17, 0, 0, 0]);
    const shape = { rows: 6, cols: 6 };
    const decision = noiseEdgeRank(values, shape);
    expect(decision.tolerance!).toBeGreaterThanOrEqual(defaultTolerance(values, shape));
    expect(decision.rank).toBe(2);
  });
});

describe('policies on a noisy low-rank matrix (the 4096 case scaled down)', () => {
  // 300×300 of rank 20 plus Gaussian noise of level 1e-9: numpy's matrix_rank counts the noise.
  const m = 300;
  const n = 300;
  const signal = knownRank(m, n, 20, 2026);
  const noise = gaussianMatrix(m, n, 2027);
  const noisy = {
    rows: m,
    cols: n,
    data: signal.data.map((value, k) => value + 1e-9 * noise.data[k]),
  };
  const values = singularValues(noisy);
  const shape = { rows: m, cols: n };

  it('gap and noise policies find 20, the default rule counts far more', () => {
    expect(spectralGapRank(values, shape).rank).toBe(20);
    expect(noiseEdgeRank(values, shape).rank).toBe(20);
    expect(defaultRank(values, shape).rank).toBeGreaterThan(200);
  });

  it('estimates the noise level to within a few percent', () => {
    expect(Math.abs(estimateNoiseLevel(values, shape) / 1e-9 - 1)).toBeLessThan(0.05);
  });

  it('pure Gaussian noise has noise rank 0 for several shapes', () => {
    for (const [rows, cols, seed] of [
      [200, 80, 1],
      [80, 200, 2],
      [150, 150, 3],
    ]) {
      const pure = gaussianMatrix(rows, cols, seed);
      const decision = noiseEdgeRank(singularValues(pure), { rows, cols });
      expect(decision.rank).toBe(0);
      const estimate = estimateNoiseLevel(singularValues(pure), { rows, cols });
      expect(Math.abs(estimate - 1)).toBeLessThan(0.05);
    }
  });
});
