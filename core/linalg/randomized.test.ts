import { describe, expect, it } from 'vitest';
import { zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiplyScaledTransposeB, subtract } from './products';
import { adaptiveRandomizedSvd, randomizedSvd } from './randomized';
import { gaussianMatrix } from './random';
import { householderQr } from './qr';
import { knownRank } from './special-matrices';
import { singularValues } from './svd';
import { orthogonalityError } from './test-support';

/** U·diag(values)·Vᵀ with random orthonormal U, V, plus noise·G. */
function spectrumPlusNoise(
  m: number,
  n: number,
  values: number[],
  noise: number,
  seed: number,
): Matrix {
  const u = householderQr(gaussianMatrix(m, values.length, seed)).Q;
  const v = householderQr(gaussianMatrix(n, values.length, seed + 1)).Q;
  const signal = multiplyScaledTransposeB(u, Float64Array.from(values), v);
  const g = gaussianMatrix(m, n, seed + 2);
  for (let k = 0; k < signal.data.length; k++) signal.data[k] += noise * g.data[k];
  return signal;
}

describe('randomizedSvd', () => {
  it('recovers a known-rank matrix exactly (to round-off) with orthonormal factors', () => {
    const a = knownRank(200, 150, 10, 5);
    const result = randomizedSvd(a, { rank: 10, seed: 3 });
    const exact = singularValues(a);
    for (let i = 0; i < 10; i++)
      expect(Math.abs(result.values[i] - exact[i])).toBeLessThanOrEqual(1e-11 * exact[0]);
    const residual = frobeniusNorm(
      subtract(a, multiplyScaledTransposeB(result.U!, result.values, result.V!)),
    );
    expect(residual).toBeLessThanOrEqual(1e-11 * frobeniusNorm(a));
    expect(orthogonalityError(result.U!)).toBeLessThan(1e-12);
    expect(orthogonalityError(result.V!)).toBeLessThan(1e-12);
  });

  it('approximates the top of a decaying spectrum, and the same seed gives the same result', () => {
    const values = Array.from({ length: 60 }, (_, i) => 0.8 ** i);
    const a = spectrumPlusNoise(120, 90, values, 0, 9);
    const first = randomizedSvd(a, { rank: 8, seed: 4, powerIterations: 2 });
    const second = randomizedSvd(a, { rank: 8, seed: 4, powerIterations: 2 });
    expect(Array.from(first.values)).toEqual(Array.from(second.values));
    for (let i = 0; i < 8; i++)
      expect(Math.abs(first.values[i] - values[i]) / values[i]).toBeLessThan(1e-6);
  });

  it('clamps the rank and handles rank 0 and wide matrices', () => {
    expect(randomizedSvd(gaussianMatrix(5, 8, 1), { rank: 20 }).values.length).toBe(5);
    expect(randomizedSvd(gaussianMatrix(5, 8, 1), { rank: 0 }).values.length).toBe(0);
    const wide = knownRank(30, 80, 4, 2);
    const result = randomizedSvd(wide, { rank: 4 });
    const residual = frobeniusNorm(
      subtract(wide, multiplyScaledTransposeB(result.U!, result.values, result.V!)),
    );
    expect(residual).toBeLessThanOrEqual(1e-11 * frobeniusNorm(wide));
  });
});

describe('adaptiveRandomizedSvd', () => {
  it('stops at a clear spectral gap: rank 25 plus 1e-9 noise', () => {
    const a = spectrumPlusNoise(
      300,
      200,
      Array.from({ length: 25 }, (_, i) => 10 - 0.3 * i),
      1e-9,
      21,
    );
    const result = adaptiveRandomizedSvd(a, { seed: 2 });
    expect(result.stoppedBecause).toBe('gap');
    expect(result.rank).toBe(25);
  });

  it('stops at the noise edge when noise hides any gap, and counts the signal above it', () => {
    const signal = Array.from({ length: 20 }, (_, i) => 50 * 0.9 ** i);
    const a = spectrumPlusNoise(400, 300, signal, 0.1, 31);
    const result = adaptiveRandomizedSvd(a, { seed: 5 });
    expect(result.stoppedBecause).toBe('noise-edge');
    expect(result.rank).toBe(20);
    expect(result.noiseLevel).toBeGreaterThan(0.09);
    expect(result.noiseLevel).toBeLessThan(0.11);
  });

  it('reports full and max-rank stops, and zero matrices', () => {
    const smooth = spectrumPlusNoise(
      20,
      12,
      Array.from({ length: 12 }, (_, i) => 1 / (i + 1)),
      0,
      8,
    );
    expect(adaptiveRandomizedSvd(smooth, { seed: 1 }).stoppedBecause).toBe('full');
    const limited = adaptiveRandomizedSvd(
      spectrumPlusNoise(
        200,
        150,
        Array.from({ length: 150 }, (_, i) => 1 / (i + 1)),
        0,
        4,
      ),
      { maxRank: 16 },
    );
    expect(limited.stoppedBecause).toBe('max-rank');
    expect(limited.values.length).toBe(16);
    const zero = adaptiveRandomizedSvd(zeros(20, 10));
    expect(zero.rank).toBe(0);
  });
});
