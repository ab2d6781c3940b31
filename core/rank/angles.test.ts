import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import fixtures from './fixtures/rank-fixtures.json';
import { fromRows, type Matrix } from '../linalg/matrix';
import { frobeniusNorm } from '../linalg/norms';
import { multiply, subtract } from '../linalg/products';
import { gaussianMatrix } from '../linalg/random';
import { singularValues } from '../linalg/svd';
import {
  grassmannDistances,
  loraSubspaceSimilarity,
  orthonormalBasis,
  principalAngles,
  subspaceSimilarityGrid,
} from './angles';
import { projector } from './subspaces';

describe('principal angles', () => {
  it('agree with scipy.linalg.subspace_angles, including angles near 1e-9', () => {
    for (const item of fixtures.angles) {
      const angles = principalAngles(fromRows(item.a), fromRows(item.b));
      expect(angles.length, item.name).toBe(item.angles.length);
      for (let i = 0; i < angles.length; i++) {
        const expected = item.angles[i];
        // Small angles to relative accuracy (sine-based), large ones to absolute 1e-12.
        const allowed = expected < 1e-4 ? 1e-6 * expected + 1e-15 : 1e-12;
        expect(Math.abs(angles[i] - expected), `${item.name}, angle ${i}`).toBeLessThanOrEqual(
          allowed,
        );
      }
    }
  });

  it('recovers a planted angle of 1e-10 that arccos alone would call 0', () => {
    const basis = orthonormalBasis(gaussianMatrix(20, 4, 3));
    const theta = 1e-10;
    const rotated = basis.data.slice();
    // Rotate the first basis vector towards a direction outside the span.
    const outside = orthonormalBasis(gaussianMatrix(20, 5, 4)).data.subarray(0, 20);
    const project = projector(basis);
    const normal = subtract(
      { rows: 20, cols: 1, data: outside.slice() },
      multiply(project, { rows: 20, cols: 1, data: outside.slice() }),
    );
    const length = frobeniusNorm(normal);
    for (let i = 0; i < 20; i++)
      rotated[i] = Math.cos(theta) * basis.data[i] + (Math.sin(theta) * normal.data[i]) / length;
    const angles = principalAngles(basis, { rows: 20, cols: 4, data: rotated });
    expect(Math.abs(angles[0] - theta) / theta).toBeLessThan(1e-5);
    expect(angles[1]).toBeLessThan(1e-15);
  });

  it('are symmetric in A and B, lie in [0, π/2] and vanish for the same space', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 100_000 }),
        (m, p, q, seed) => {
          const a = gaussianMatrix(m, Math.min(p, m), seed);
          const b = gaussianMatrix(m, Math.min(q, m), seed + 1);
          const forward = principalAngles(a, b);
          const backward = principalAngles(b, a);
          expect(forward.length).toBe(Math.min(a.cols, b.cols));
          for (let i = 0; i < forward.length; i++) {
            expect(Math.abs(forward[i] - backward[i])).toBeLessThan(1e-12);
            expect(forward[i]).toBeGreaterThanOrEqual(0);
            expect(forward[i]).toBeLessThanOrEqual(Math.PI / 2);
            if (i > 0) expect(forward[i]).toBeLessThanOrEqual(forward[i - 1] + 1e-15);
          }
          // A times an invertible mixing spans the same space.
          const mixed = multiply(a, gaussianMatrix(a.cols, a.cols, seed + 2));
          for (const angle of principalAngles(a, mixed)) expect(angle).toBeLessThan(1e-7);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('Grassmann distances', () => {
  it('projection and chordal distances equal the norms of P_A − P_B for equal dimensions', () => {
    for (const seed of [1, 2, 3]) {
      const a = orthonormalBasis(gaussianMatrix(9, 3, seed));
      const b = orthonormalBasis(gaussianMatrix(9, 3, seed + 10));
      const distances = grassmannDistances(principalAngles(a, b), 3, 3);
      const difference = subtract(projector(a), projector(b));
      expect(distances.projection).toBeCloseTo(singularValues(difference)[0], 12);
      expect(distances.chordal).toBeCloseTo(frobeniusNorm(difference) / Math.SQRT2, 12);
      expect(distances.geodesic).toBeGreaterThanOrEqual(distances.chordal);
    }
    expect(grassmannDistances([0.3], 1, 2).projection).toBe(1);
  });
});

describe('LoRA subspace similarity φ(i, j)', () => {
  const basisOf = (m: number, p: number, seed: number): Matrix =>
    orthonormalBasis(gaussianMatrix(m, p, seed));

  it('matches the definition entry by entry and lies in [0, 1]', () => {
    const a = basisOf(16, 5, 21);
    const b = basisOf(16, 7, 22);
    const grid = subspaceSimilarityGrid(a, b);
    expect([grid.rows, grid.cols]).toEqual([5, 7]);
    for (let i = 1; i <= 5; i++) {
      for (let j = 1; j <= 7; j++) {
        const left = { rows: 16, cols: i, data: a.data.slice(0, 16 * i) };
        const right = { rows: 16, cols: j, data: b.data.slice(0, 16 * j) };
        let sum = 0;
        for (let s = 0; s < i; s++) {
          for (let t = 0; t < j; t++) {
            let dot = 0;
            for (let k = 0; k < 16; k++) dot += left.data[k + s * 16] * right.data[k + t * 16];
            sum += dot * dot;
          }
        }
        const phi = grid.data[i - 1 + (j - 1) * 5];
        expect(phi).toBeCloseTo(sum / Math.min(i, j), 13);
        expect(phi).toBeGreaterThanOrEqual(0);
        expect(phi).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });

  it('is 1 where one space contains the other', () => {
    const a = gaussianMatrix(12, 6, 31);
    const b = multiply(a, gaussianMatrix(6, 3, 32)); // col(B) ⊂ col(A)
    const grid = loraSubspaceSimilarity(a, b);
    expect(grid.data[5 + 2 * 6]).toBeCloseTo(1, 12); // φ(6, 3)
  });
});
