import { describe, it, expect } from 'vitest';
import { CancelledError, type JobContext } from '../job-context';
import { frobeniusNorm } from '../linalg/norms';
import { seededRandom } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { subtract } from '../linalg/products';
import { completeMatrix } from './completion';
import { robustPca } from './robust-pca';
import { shrinkSingularValues, softThreshold } from './singular-value-threshold';
import { singularValues } from '../linalg/svd';

/** A seeded low-rank + sparse split: rank r, a fraction of entries corrupted by ±10. */
function corrupted(m: number, n: number, r: number, fraction: number, seed: number) {
  const lowRank = knownRank(m, n, r, seed);
  const sparse = { rows: m, cols: n, data: new Float64Array(m * n) };
  const random = seededRandom(seed + 99);
  for (let k = 0; k < m * n; k++) {
    if (random.uniform() < fraction)
      sparse.data[k] = (random.uniform() < 0.5 ? -10 : 10) * (1 + random.uniform());
  }
  const data = { rows: m, cols: n, data: lowRank.data.map((value, k) => value + sparse.data[k]) };
  return { lowRank, sparse, data };
}

describe('robust PCA (inexact ALM)', () => {
  it('recovers a seeded rank-3 + 5 %-sparse split', () => {
    const { lowRank, sparse, data } = corrupted(60, 50, 3, 0.05, 4);
    const progress: number[] = [];
    const context: JobContext = {
      progress: (fraction) => progress.push(fraction),
      checkCancelled() {},
    };
    const result = robustPca(data, { context });
    expect(result.converged).toBe(true);
    expect(result.residual).toBeLessThanOrEqual(1e-7);
    expect(result.rank).toBe(3);
    expect(frobeniusNorm(subtract(result.lowRank, lowRank)) / frobeniusNorm(lowRank)).toBeLessThan(
      1e-5,
    );
    expect(frobeniusNorm(subtract(result.sparse, sparse)) / frobeniusNorm(sparse)).toBeLessThan(
      1e-5,
    );
    expect(progress.length).toBeGreaterThanOrEqual(result.iterations);
    expect(progress.at(-1)).toBe(1);
  });

  it('stops with a report when the iteration budget runs out, and on cancellation', () => {
    const { data } = corrupted(30, 20, 2, 0.05, 8);
    const short = robustPca(data, { maxIterations: 3 });
    expect(short.iterations).toBe(3);
    expect(short.converged).toBe(false);
    expect(short.residual).toBeGreaterThan(1e-7);
    let polls = 0;
    const cancelling: JobContext = {
      progress() {},
      checkCancelled() {
        if (++polls > 2) throw new CancelledError();
      },
    };
    expect(() => robustPca(data, { context: cancelling })).toThrow(CancelledError);
  });
});

describe('singular value thresholding', () => {
  it('D_τ shrinks every singular value by τ and drops those below it', () => {
    const x = knownRank(8, 6, 4, 5);
    const values = singularValues(x);
    const tau = (values[1] + values[2]) / 2;
    const shrunk = shrinkSingularValues(x, tau);
    expect(shrunk.rank).toBe(2);
    const after = singularValues(shrunk.matrix);
    expect(after[0]).toBeCloseTo(values[0] - tau, 12);
    expect(after[1]).toBeCloseTo(values[1] - tau, 12);
    expect(after[2]).toBeLessThan(1e-12);
    expect(Array.from(softThreshold(Float64Array.from([3, -3, 0.5, -0.5]), 1))).toEqual([
      2, -2, 0, 0,
    ]);
  });

  it('completes a rank-2 40×40 matrix from half of its entries', () => {
    const truth = knownRank(40, 40, 2, 17);
    const random = seededRandom(18);
    const mask = new Uint8Array(1600);
    for (let k = 0; k < 1600; k++) mask[k] = random.uniform() < 0.5 ? 1 : 0;
    const hidden = {
      rows: 40,
      cols: 40,
      data: truth.data.map((value, k) => (mask[k] ? value : 1e6)),
    };
    const result = completeMatrix(hidden, mask, { tolerance: 1e-5, maxIterations: 1500 });
    expect(result.converged).toBe(true);
    expect(result.rank).toBe(2);
    // The entries it never saw come out right too.
    expect(frobeniusNorm(subtract(result.completed, truth)) / frobeniusNorm(truth)).toBeLessThan(
      1e-4,
    );
  });
});
