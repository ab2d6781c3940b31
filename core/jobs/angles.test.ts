import { describe, it, expect } from 'vitest';
import { directContext } from './context';
import fixtures from '../rank/fixtures/rank-fixtures.json';
import { fromRows } from '../linalg/matrix';
import { gaussianMatrix } from '../linalg/random';
import { anglesJob } from './angles';

describe('angles job', async () => {
  it('returns scipy’s angles and consistent distances', async () => {
    const item = fixtures.angles[0];
    const request = anglesJob.request.parse({ a: fromRows(item.a), b: fromRows(item.b) });
    const result = await anglesJob.run(request, directContext);
    expect(result.dimensionA).toBe(3);
    for (let i = 0; i < 3; i++) expect(result.angles[i]).toBeCloseTo(item.angles[i], 12);
    const sumOfSquares = item.angles.reduce((sum, angle) => sum + angle * angle, 0);
    expect(result.distances.geodesic).toBeCloseTo(Math.sqrt(sumOfSquares), 12);
    expect(result.distances.projection).toBeCloseTo(Math.sin(item.angles[0]), 12);
    expect(result.similarity).toBeNull();
  });

  it('adds the φ grid on request and refuses subspaces of different ambient spaces', async () => {
    const a = gaussianMatrix(10, 4, 1);
    const b = gaussianMatrix(10, 6, 2);
    const result = await anglesJob.run(
      anglesJob.request.parse({ a, b, similarity: { maxI: 3 } }),
      directContext,
    );
    expect([result.similarity!.rows, result.similarity!.cols]).toEqual([3, 6]);
    expect(anglesJob.request.safeParse({ a, b: gaussianMatrix(9, 2, 3) }).success).toBe(false);
  });
});
