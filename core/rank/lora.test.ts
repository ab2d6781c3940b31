import { describe, expect, it } from 'vitest';
import { gaussianMatrix } from '../linalg/random';
import { multiply } from '../linalg/products';
import {
  analyzeDelta,
  deltaFromCheckpoints,
  deltaFromFactors,
  loraBudgets,
  suggestLoraRank,
} from './lora';

describe('LoRA arithmetic', () => {
  it('gives the chapter figures: 4096×4096 at r = 8 is 65,536 against 16,777,216', () => {
    const [budget] = loraBudgets(4096, 4096, [8]);
    expect(budget.parameters).toBe(65_536);
    expect(budget.fullParameters).toBe(16_777_216);
    expect(budget.fraction).toBeCloseTo(65_536 / 16_777_216, 15);
  });

  it('counts r(m+n) for every rank of a list, rectangular too', () => {
    const budgets = loraBudgets(768, 3072, [1, 4, 16, 64]);
    expect(budgets.map((budget) => budget.parameters)).toEqual([3840, 15360, 61440, 245760]);
  });

  it('refuses impossible ranks and shapes with a sentence', () => {
    expect(() => loraBudgets(10, 10, [0])).toThrow(/whole number ≥ 1/);
    expect(() => loraBudgets(0, 10, [1])).toThrow(/dimensions/);
  });

  it('finds the rank of an update built from rank-r factors, and of a checkpoint difference', () => {
    const b = gaussianMatrix(64, 6, 11);
    const a = gaussianMatrix(6, 48, 12);
    const delta = deltaFromFactors(b, a);
    expect(analyzeDelta(delta).rank.rank).toBe(6);
    const before = gaussianMatrix(64, 48, 13);
    const after = { ...before, data: before.data.map((value, k) => value + delta.data[k]) };
    expect(analyzeDelta(deltaFromCheckpoints(before, after)).rank.rank).toBe(6);
    expect(() => deltaFromFactors(b, gaussianMatrix(5, 48, 1))).toThrow(/LoRA rank/);
  });

  it('suggests the smallest rank keeping the asked share of energy', () => {
    const values = Float64Array.from([10, 5, 1, 0.1]);
    // Σσ² = 126.01; 10² = 100 (79 %), +25 = 125 (99.2 %).
    expect(
      suggestLoraRank(values, { rows: 4, cols: 4 }, { kind: 'energy', fraction: 0.9 }).rank,
    ).toBe(2);
    expect(
      suggestLoraRank(values, { rows: 4, cols: 4 }, { kind: 'energy', fraction: 0.995 }).rank,
    ).toBe(3);
    const noisy = multiply(gaussianMatrix(200, 3, 1), gaussianMatrix(3, 150, 2));
    for (let k = 0; k < noisy.data.length; k++) noisy.data[k] *= 10;
    const noise = gaussianMatrix(200, 150, 3);
    for (let k = 0; k < noisy.data.length; k++) noisy.data[k] += 0.01 * noise.data[k];
    const suggestion = analyzeDelta(noisy);
    expect(suggestLoraRank(suggestion.singularValues, noisy, { kind: 'noise' }).rank).toBe(3);
  });
});
