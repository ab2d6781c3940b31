import { describe, it, expect } from 'vitest';
import { fromRows } from '../../../../core/linalg/matrix';
import { principalAngles } from '../../../../core/rank/angles';
import { fundamentalSubspaces } from '../../../../core/rank/subspaces';
import {
  basisFor,
  describe as describeChoice,
  isLeft,
  isLora,
  loraUpdate,
  orientedMatrix,
  toRequest,
} from './subspace-choice';

const b = fromRows([
  [1, 0, 2, 1],
  [0, 1, 1, 2],
  [1, 1, 3, 3],
]);
const spaces = fundamentalSubspaces(b);

describe('subspace choices', () => {
  it('takes column and row spaces whole and top-k singular subspaces as the first k σ-ordered vectors', () => {
    expect(basisFor({ matrixId: 'b', kind: 'column', k: 1 }, spaces).cols).toBe(2);
    expect(basisFor({ matrixId: 'b', kind: 'row', k: 1 }, spaces).rows).toBe(4);
    const top = basisFor({ matrixId: 'b', kind: 'top-left', k: 1 }, spaces);
    expect(top.cols).toBe(1);
    // The top left singular vector is the direction A stretches most: ‖Aᵀu₁‖ = σ₁.
    const u = top.data;
    let stretch = 0;
    for (let j = 0; j < 4; j++) {
      let dot = 0;
      for (let i = 0; i < 3; i++) dot += b.data[i + j * 3] * u[i];
      stretch += dot * dot;
    }
    expect(Math.sqrt(stretch)).toBeCloseTo(spaces.singularValues[0], 10);
    expect(basisFor({ matrixId: 'b', kind: 'top-right', k: 9 }, spaces).cols).toBe(2);
  });

  it('orients the matrix so that the choice is always a column space', () => {
    const request = toRequest(b);
    expect(orientedMatrix(request, 'column')).toBe(request);
    const transposed = orientedMatrix(request, 'row');
    expect([transposed.rows, transposed.cols]).toEqual([4, 3]);
    // col(Bᵀ) = row(B): the principal angles between them are all 0.
    const angles = principalAngles(transposed, spaces.row);
    for (const angle of angles) expect(angle).toBeLessThan(1e-7);
    expect(isLeft('top-right')).toBe(false);
    expect(describeChoice({ matrixId: 'b', kind: 'top-left', k: 3 }, 'B')).toBe(
      'top-3 left singular vectors of B',
    );
  });

  it('takes a LoRA update ΔW = BA: its column space is col(B) and its row space row(A)', () => {
    // B (4×2) and A (2×3) of full rank 2: ΔW is 4×3 of rank 2.
    const bFactor = fromRows([
      [1, 0],
      [0, 1],
      [1, 1],
      [2, -1],
    ]);
    const aFactor = fromRows([
      [1, 2, 0],
      [0, 1, 3],
    ]);
    const update = loraUpdate(bFactor, aFactor);
    expect([update.rows, update.cols]).toEqual([4, 3]);
    // (BA)₄₃ = 2·0 + (−1)·3
    expect(update.data[3 + 2 * 4]).toBe(-3);
    const updateSpaces = fundamentalSubspaces(update);
    const column = basisFor({ matrixId: 'b', kind: 'lora-column', k: 1, loraA: 'a' }, updateSpaces);
    const row = basisFor({ matrixId: 'b', kind: 'lora-row', k: 1, loraA: 'a' }, updateSpaces);
    expect([column.rows, column.cols]).toEqual([4, 2]);
    expect([row.rows, row.cols]).toEqual([3, 2]);
    for (const angle of principalAngles(bFactor, column)) expect(angle).toBeLessThan(1e-7);
    const aRows = fundamentalSubspaces(aFactor).row;
    for (const angle of principalAngles(aRows, row)) expect(angle).toBeLessThan(1e-7);
    expect(isLeft('lora-column')).toBe(true);
    expect(isLeft('lora-row')).toBe(false);
    expect(isLora('lora-row')).toBe(true);
    expect(isLora('column')).toBe(false);
    expect(describeChoice({ matrixId: 'b', kind: 'lora-column', k: 1 }, 'B₀', 'A₀')).toBe(
      'column space of ΔW = BA (B = B₀, A = A₀)',
    );
    expect(() => loraUpdate(aFactor, aFactor)).toThrow(/B's columns to equal A's rows/);
  });
});
