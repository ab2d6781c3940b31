import { describe, expect, it } from 'vitest';
import { instanceOwning } from './kernels/wasm-module';
import { multiply, multiplyTransposeA } from './products';
import { gaussianMatrix } from './random';
import { ResidentMatrix } from './resident-matrix';
import { createWorkspace, workspaceOverflows } from './workspace';

function largestDifference(x: Float64Array, y: Float64Array): number {
  expect(x.length).toBe(y.length);
  let largest = 0;
  for (let i = 0; i < x.length; i++) largest = Math.max(largest, Math.abs(x[i] - y[i]));
  return largest;
}

describe('ResidentMatrix', () => {
  it('gives A·B and Aᵀ·B as ordinary products do, many times, without running out of room', () => {
    const a = gaussianMatrix(301, 157, 1);
    const resident = new ResidentMatrix(a, 20);
    const overflowsBefore = workspaceOverflows();
    for (let round = 0; round < 50; round++) {
      const b = gaussianMatrix(157, 1 + (round % 20), round);
      const c = gaussianMatrix(301, 1 + (round % 20), round + 100);
      const product = resident.times(b);
      const transposed = resident.transposeTimes(c);
      expect(instanceOwning(product.data)).toBeUndefined();
      const expected = multiply(a, b);
      const expectedTransposed = multiplyTransposeA(a, c);
      expect(largestDifference(product.data, expected.data)).toBeLessThan(1e-11);
      expect(largestDifference(transposed.data, expectedTransposed.data)).toBeLessThan(1e-11);
    }
    // Each product's operands were released: fifty rounds fit in room for one.
    expect(workspaceOverflows()).toBe(overflowsBefore);
    // Wider than its room: still right (an ordinary product).
    const wide = gaussianMatrix(157, 40, 7);
    expect(resident.times(wide).data[5]).toBeCloseTo(multiply(a, wide).data[5], 11);
  });

  it('rejects mismatched shapes', () => {
    const resident = new ResidentMatrix(gaussianMatrix(30, 20, 1), 4);
    expect(() => resident.times(gaussianMatrix(30, 2, 2))).toThrow(/inner dimensions/);
  });

  it('hands out zeros again after a release', () => {
    const space = createWorkspace(1 << 16);
    const mark = space.mark();
    space.vector(100).fill(7);
    space.release(mark);
    expect(space.vector(100).every((x) => x === 0)).toBe(true);
  });
});
