// The corruption is sparse, seeded, and touches exactly the entries it reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { robustPca } from '../../../../core/rank/robust-pca';
import { corruptSparsely } from './sparse-corruption';

function lowRank(
  rows: number,
  cols: number,
): { rows: number; cols: number; data: Float64Array<ArrayBuffer> } {
  const data = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++)
    for (let i = 0; i < rows; i++)
      data[i + j * rows] = Math.sin(i + 1) * Math.cos(j) + 0.5 * (i % 3) * (j % 2);
  return { rows, cols, data };
}

describe('corruptSparsely', () => {
  it('changes exactly the reported entries, about the requested share, the same way for a seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        (seed, share) => {
          const clean = lowRank(20, 15);
          const first = corruptSparsely(clean, share, seed);
          const again = corruptSparsely(clean, share, seed);
          expect(Array.from(again.matrix.data)).toEqual(Array.from(first.matrix.data));
          const changed = [];
          for (let k = 0; k < clean.data.length; k++)
            if (first.matrix.data[k] !== clean.data[k]) changed.push(k);
          expect(changed).toEqual(first.indices);
          expect(first.indices.length).toBeLessThanOrEqual(clean.data.length);
        },
      ),
      { numRuns: 25 },
    );
    const many = corruptSparsely(lowRank(40, 40), 0.05, 9);
    expect(many.indices.length / 1600).toBeGreaterThan(0.025);
    expect(many.indices.length / 1600).toBeLessThan(0.08);
  });

  it('is what robust PCA separates: S is supported on the corrupted entries', () => {
    const clean = lowRank(30, 30);
    const { matrix, indices } = corruptSparsely(clean, 0.04, 5);
    const result = robustPca(matrix, { maxIterations: 300 });
    expect(result.converged).toBe(true);
    let error = 0;
    let norm = 0;
    for (let k = 0; k < clean.data.length; k++) {
      error += (result.lowRank.data[k] - clean.data[k]) ** 2;
      norm += clean.data[k] ** 2;
    }
    expect(Math.sqrt(error / norm)).toBeLessThan(1e-3);
    const corrupted = new Set(indices);
    for (let k = 0; k < clean.data.length; k++)
      if (Math.abs(result.sparse.data[k]) > 1e-3) expect(corrupted.has(k)).toBe(true);
  });
});
