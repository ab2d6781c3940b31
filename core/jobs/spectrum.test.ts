import { describe, it, expect } from 'vitest';
import { CancelledError, directContext, type JobContext } from './context';
import { gaussianMatrix } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { spectrumJob } from './spectrum';

describe('spectrum job', async () => {
  it('validates the request: data must hold rows × cols entries', async () => {
    const bad = spectrumJob.request.safeParse({
      matrix: { rows: 2, cols: 3, data: new Float64Array(5) },
    });
    expect(bad.success).toBe(false);
    const notTyped = spectrumJob.request.safeParse({ matrix: { rows: 1, cols: 2, data: [1, 2] } });
    expect(notTyped.success).toBe(false);
    const badPolicy = spectrumJob.request.safeParse({
      matrix: { rows: 1, cols: 1, data: new Float64Array(1) },
      policy: { kind: 'absolute', tolerance: -1 },
    });
    expect(badPolicy.success).toBe(false);
  });

  it('reports values, every policy and the measures of a noisy rank-12 matrix', async () => {
    const signal = knownRank(120, 90, 12, 5);
    const noise = gaussianMatrix(120, 90, 6);
    const data = signal.data.map((value, k) => value + 1e-8 * noise.data[k]);
    const request = spectrumJob.request.parse({
      matrix: { rows: 120, cols: 90, data },
      policy: { kind: 'gap' },
    });
    const progress: number[] = [];
    const result = await spectrumJob.run(request, {
      progress: (fraction) => progress.push(fraction),
      checkCancelled() {},
    });
    expect(result.singularValues.length).toBe(90);
    for (let i = 1; i < 90; i++)
      expect(result.singularValues[i]).toBeLessThanOrEqual(result.singularValues[i - 1]);
    expect(result.rank.rank).toBe(12);
    expect(result.ranks.noise.rank).toBe(12);
    expect(result.ranks.default.rank).toBe(90);
    expect(result.noiseLevel / 1e-8).toBeGreaterThan(0.9);
    expect(result.noiseLevel / 1e-8).toBeLessThan(1.1);
    expect(result.measures.stableRank).toBeLessThanOrEqual(12);
    expect(result.measures.stableRank).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)).toBe(1);
    // Results cross threads by structured clone.
    expect(structuredClone(result).singularValues).toEqual(result.singularValues);
  });

  it('stops when cancelled', async () => {
    const cancelled: JobContext = {
      progress() {},
      checkCancelled() {
        throw new CancelledError();
      },
    };
    const request = spectrumJob.request.parse({ matrix: gaussianMatrix(200, 200, 1) });
    await expect(async () => spectrumJob.run(request, cancelled)).rejects.toThrow(CancelledError);
    expect((await spectrumJob.run(request, directContext)).singularValues.length).toBe(200);
  });
});
