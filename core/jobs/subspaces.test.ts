import { describe, it, expect } from 'vitest';
import { directContext } from './context';
import { frobeniusNorm } from '../linalg/norms';
import { multiply, multiplyTransposeA, multiplyVector, subtract } from '../linalg/products';
import { knownRank } from '../linalg/special-matrices';
import { subspacesJob } from './subspaces';

describe('subspaces job', async () => {
  it('returns bases whose dimensions add up, and a pseudo-inverse with A·A⁺·A = A', async () => {
    const matrix = knownRank(7, 9, 4, 3);
    const result = await subspacesJob.run(subspacesJob.request.parse({ matrix }), directContext);
    expect(result.rank).toBe(4);
    expect(result.nullity).toBe(5);
    expect([result.column.cols, result.row.cols, result.null.cols, result.leftNull.cols]).toEqual([
      4, 4, 5, 3,
    ]);
    expect(frobeniusNorm(multiply(matrix, result.null))).toBeLessThan(
      1e-12 * frobeniusNorm(matrix),
    );
    const roundTrip = multiply(multiply(matrix, result.pseudoInverse), matrix);
    expect(frobeniusNorm(subtract(roundTrip, matrix))).toBeLessThan(1e-12 * frobeniusNorm(matrix));
    expect(result.leastSquares).toBeNull();
  });

  it('solves Ax = b with the minimum-norm solution and classifies it', async () => {
    const matrix = knownRank(6, 8, 3, 4);
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const rhs = multiplyVector(matrix, x);
    const result = await subspacesJob.run(
      subspacesJob.request.parse({ matrix, rhs, policy: { kind: 'gap' } }),
      directContext,
    );
    expect(result.leastSquares!.kind).toBe('infinitely many');
    expect(result.leastSquares!.residualNorm).toBeLessThan(1e-10);
    // The solution has no component in the null space.
    const solution = { rows: 8, cols: 1, data: result.leastSquares!.solution };
    expect(frobeniusNorm(multiplyTransposeA(result.null, solution))).toBeLessThan(1e-11);
  });

  it('rejects a right-hand side of the wrong length', async () => {
    const matrix = knownRank(3, 3, 2, 1);
    expect(subspacesJob.request.safeParse({ matrix, rhs: new Float64Array(2) }).success).toBe(
      false,
    );
  });
});
