import { describe, it, expect } from 'vitest';
import { directContext } from './context';
import { frobeniusNorm } from '../linalg/norms';
import { multiplyTransposeB, subtract } from '../linalg/products';
import { gaussianMatrix } from '../linalg/random';
import { singularValues } from '../linalg/svd';
import { lowRankCurve, lowRankJob } from './low-rank';

describe('low-rank job', async () => {
  it('returns A_r = left·rightᵀ with the Eckart–Young errors', async () => {
    const matrix = gaussianMatrix(20, 15, 8);
    const result = await lowRankJob.run(
      lowRankJob.request.parse({ matrix, rank: 5 }),
      directContext,
    );
    const values = singularValues(matrix);
    // Values-only (dqds) and with vectors (implicit QR) agree to rounding, not bit for bit.
    expect(result.spectralError).toBeCloseTo(values[5], 13);
    const approximation = result.approximation!;
    expect(
      frobeniusNorm(subtract(approximation, multiplyTransposeB(result.left, result.right))),
    ).toBeLessThan(1e-12);
    expect(frobeniusNorm(subtract(matrix, approximation))).toBeCloseTo(result.frobeniusError, 12);
    expect(result.curve.frobeniusError[5]).toBeCloseTo(result.frobeniusError, 13);
    expect(result.curve.energyKept[5]).toBeCloseTo(result.energyKept, 13);
    const figuresOnly = await lowRankJob.run(
      lowRankJob.request.parse({ matrix, rank: 5, approximation: false }),
      directContext,
    );
    expect(figuresOnly.approximation).toBeNull();
  });

  it('the error curve falls to zero and the energy rises to one', async () => {
    const curve = lowRankCurve(Float64Array.from([4, 3, 0]));
    expect(Array.from(curve.frobeniusError)).toEqual([5, 3, 0, 0]);
    expect(Array.from(curve.spectralError)).toEqual([4, 3, 0, 0]);
    expect(curve.energyKept[1]).toBeCloseTo(16 / 25, 15);
    expect(curve.energyKept[3]).toBe(1);
    expect(lowRankCurve(new Float64Array(2)).energyKept[0]).toBe(1);
  });
});
