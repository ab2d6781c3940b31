import { describe, it, expect } from 'vitest';
import { gaussianMatrix } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { singularValues } from '../linalg/svd';
import { noiseEdgeRank, spectralGapRank } from './policies';
import { sketchedRank } from './sketched-rank';

describe('sketched rank of a large noisy matrix', () => {
  const m = 360;
  const n = 300;
  const signal = knownRank(m, n, 15, 41);
  const noise = gaussianMatrix(m, n, 42);
  const noisy = {
    rows: m,
    cols: n,
    data: signal.data.map((value, k) => value + 1e-9 * noise.data[k]),
  };

  it('gap and noise policies find the planted rank from a partial spectrum', () => {
    const byGap = sketchedRank(noisy, { policy: 'gap' });
    const byNoise = sketchedRank(noisy, { policy: 'noise' });
    expect(byGap.rank).toBe(15);
    expect(byNoise.rank).toBe(15);
    expect(byGap.complete).toBe(false);
    expect(byGap.leadingValues.length).toBeLessThan(n);
    expect(byNoise.noiseLevel / 1e-9).toBeGreaterThan(0.9);
    expect(byNoise.noiseLevel / 1e-9).toBeLessThan(1.1);
    expect(byNoise.reason).toContain('energy outside the sketch');
  });

  it('leading values agree with the full spectrum, and so do the ranks', () => {
    const full = singularValues(noisy);
    const sketched = sketchedRank(noisy, { policy: 'gap' });
    for (let i = 0; i < 15; i++)
      expect(Math.abs(sketched.leadingValues[i] - full[i]) / full[i]).toBeLessThan(1e-10);
    expect(spectralGapRank(full, noisy).rank).toBe(sketched.rank);
    expect(noiseEdgeRank(full, noisy).rank).toBe(sketched.rank);
  });
});
