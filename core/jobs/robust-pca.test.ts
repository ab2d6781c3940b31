import { describe, it, expect } from 'vitest';
import { directContext } from './context';
import { frobeniusNorm } from '../linalg/norms';
import { subtract } from '../linalg/products';
import { seededRandom } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { completionJob, robustPcaJob } from './robust-pca';

describe('robust PCA job', async () => {
  it('splits a seeded low-rank + sparse matrix and reports convergence', async () => {
    const lowRank = knownRank(40, 30, 2, 12);
    const random = seededRandom(13);
    const data = lowRank.data.map(
      (value) => value + (random.uniform() < 0.05 ? (random.uniform() < 0.5 ? -20 : 20) : 0),
    );
    const request = robustPcaJob.request.parse({ matrix: { rows: 40, cols: 30, data } });
    const result = await robustPcaJob.run(request, directContext);
    expect(result.converged).toBe(true);
    expect(result.rank).toBe(2);
    expect(frobeniusNorm(subtract(result.lowRank, lowRank)) / frobeniusNorm(lowRank)).toBeLessThan(
      1e-5,
    );
    expect(structuredClone(result).iterations).toBe(result.iterations);
  });

  it('completion validates its mask and fills in the unseen entries', async () => {
    const truth = knownRank(30, 30, 1, 2);
    const random = seededRandom(3);
    const mask = Uint8Array.from({ length: 900 }, () => (random.uniform() < 0.6 ? 1 : 0));
    expect(
      completionJob.request.safeParse({ matrix: truth, mask: new Uint8Array(5) }).success,
    ).toBe(false);
    const result = await completionJob.run(
      completionJob.request.parse({ matrix: truth, mask, tolerance: 1e-6, maxIterations: 2000 }),
      directContext,
    );
    expect(result.converged).toBe(true);
    expect(frobeniusNorm(subtract(result.completed, truth)) / frobeniusNorm(truth)).toBeLessThan(
      1e-4,
    );
  });
});
