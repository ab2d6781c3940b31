import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  conditionNumber,
  effectiveRank,
  energyRank,
  frobeniusNorm,
  measures,
  nuclearNorm,
  stableRank,
} from './measures';

const spectrum = fc
  .array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 25 })
  .map((list) => Float64Array.from(list.sort((x, y) => y - x)));

describe('rank measures', () => {
  it('stable and effective ranks lie in [1, k] and equal k for equal singular values', () => {
    fc.assert(
      fc.property(spectrum, (values) => {
        const k = values.length;
        for (const value of [stableRank(values), effectiveRank(values)]) {
          expect(value).toBeGreaterThanOrEqual(1 - 1e-12);
          expect(value).toBeLessThanOrEqual(k * (1 + 1e-12));
        }
      }),
    );
    const flat = new Float64Array(7).fill(2.5);
    expect(stableRank(flat)).toBeCloseTo(7, 12);
    expect(effectiveRank(flat)).toBeCloseTo(7, 12);
  });

  it('effective rank of a two-value spectrum is exp of the binary entropy', () => {
    const values = Float64Array.from([3, 1]);
    const entropy = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    expect(effectiveRank(values)).toBeCloseTo(Math.exp(entropy), 14);
    expect(stableRank(values)).toBeCloseTo(10 / 9, 14);
  });

  it('norms obey ‖A‖₂ ≤ ‖A‖_F ≤ ‖A‖_* ≤ √k‖A‖_F', () => {
    fc.assert(
      fc.property(spectrum, (values) => {
        const spectral = values[0];
        const frobenius = frobeniusNorm(values);
        const nuclear = nuclearNorm(values);
        expect(spectral).toBeLessThanOrEqual(frobenius * (1 + 1e-14));
        expect(frobenius).toBeLessThanOrEqual(nuclear * (1 + 1e-14));
        expect(nuclear).toBeLessThanOrEqual(Math.sqrt(values.length) * frobenius * (1 + 1e-14));
      }),
    );
  });

  it('Frobenius norm neither overflows nor underflows', () => {
    expect(frobeniusNorm(Float64Array.from([3e200, 4e200]))).toBeCloseTo(5e200, -188);
    expect(frobeniusNorm(Float64Array.from([3e-200, 4e-200])) / 5e-200).toBeCloseTo(1, 14);
  });

  it('condition number is σ₁/σ_k, Infinity when rank-deficient, 0 when empty', () => {
    expect(conditionNumber(Float64Array.from([4, 2, 0.5]), { rows: 3, cols: 3 })).toBe(8);
    expect(conditionNumber(Float64Array.from([4, 2, 1e-17]), { rows: 3, cols: 3 })).toBe(Infinity);
    expect(conditionNumber(new Float64Array(0), { rows: 0, cols: 3 })).toBe(0);
  });

  it('energy rank is the smallest r keeping the fraction of Σσ², monotone in the fraction', () => {
    fc.assert(
      fc.property(spectrum, fc.double({ min: 0, max: 1, noNaN: true }), (values, fraction) => {
        const r = energyRank(values, fraction);
        const squares = Array.from(values, (value) => value * value);
        const total = squares.reduce((sum, square) => sum + square, 0);
        const kept = (count: number) =>
          squares.slice(0, count).reduce((sum, square) => sum + square, 0);
        expect(kept(r)).toBeGreaterThanOrEqual(fraction * total * (1 - 1e-12));
        if (r > 1) expect(kept(r - 1)).toBeLessThan(fraction * total);
        expect(energyRank(values, Math.min(1, fraction + 0.05))).toBeGreaterThanOrEqual(r);
      }),
    );
    const values = Float64Array.from([3, 2, 1, 1]); // energies 9, 4, 1, 1 of 15
    expect(measures(values, { rows: 4, cols: 4 }).energyRank).toEqual({ p90: 3, p95: 4, p99: 4 });
  });

  it('the zero matrix measures zero everywhere', () => {
    const result = measures(new Float64Array(4), { rows: 4, cols: 6 });
    expect(result.stableRank).toBe(0);
    expect(result.effectiveRank).toBe(0);
    expect(result.nuclearNorm).toBe(0);
    expect(result.conditionNumber).toBe(Infinity);
    expect(result.energyRank.p99).toBe(0);
  });
});
