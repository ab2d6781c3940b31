import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../../core/linalg/matrix';
import { applyMatrix } from '../../figures/subspace-geometry';
import { sceneVectors } from '../../figures/subspace-interaction';
import { framesPerSecond, vectorsAt } from './subspaces-motion';

// A = [1 1 0; 1 1 0; 0 0 0]: row space spanned by (1, 1, 0)/√2.
const a: Matrix = { rows: 3, cols: 3, data: Float64Array.from([1, 1, 0, 1, 1, 0, 0, 0, 0]) };
const rowBasis: Matrix = {
  rows: 3,
  cols: 1,
  data: Float64Array.from([1, 1, 0].map((v) => v / Math.SQRT2)),
};
// Ax = (1, 1, 0) is short enough to be drawn at full length.
const x = [1, 0, 1];
const input = { a, rowBasis, x };
const tip = (vectors: { name: string; tip: readonly number[] }[], name: string) =>
  vectors.find((vector) => vector.name === name)?.tip;

describe('the vectors of the split motion', () => {
  it('shows x alone before it splits, and nothing in the codomain before A', () => {
    const start = vectorsAt(input, { split: 0, map: 0 }, '#000');
    expect(start.domain.map((vector) => vector.name)).toEqual(['x']);
    expect(start.codomain).toEqual([]);
  });

  it('slides x_row and x_null out of x to the projections, which sum to x', () => {
    const half = vectorsAt(input, { split: 0.5, map: 0 }, '#000');
    // Halfway from x = (1, 0, 1) to x_row = (½, ½, 0) and to x_null = (½, −½, 1).
    const expectNear = (actual: readonly number[] | undefined, expected: number[]) =>
      expected.forEach((value, i) => expect(actual![i]).toBeCloseTo(value, 12));
    expectNear(tip(half.domain, 'x_row'), [0.75, 0.25, 0.5]);
    expectNear(tip(half.domain, 'x_null'), [0.75, -0.25, 1]);
    const done = vectorsAt(input, { split: 1, map: 0 }, '#000');
    const row = tip(done.domain, 'x_row')!;
    const nullPart = tip(done.domain, 'x_null')!;
    row.forEach((value, i) => expect(value + nullPart[i]).toBeCloseTo(x[i], 12));
    expect(applyMatrix(a, nullPart).every((value) => Math.abs(value) < 1e-12)).toBe(true);
  });

  it('ends with A x_null = 0 and Ax = A x_row in the codomain', () => {
    const end = vectorsAt(input, { split: 1, map: 1 }, '#000');
    expect(tip(end.codomain, 'A x_null')!.every((value) => Math.abs(value) < 1e-12)).toBe(true);
    const image = applyMatrix(a, x);
    tip(end.codomain, 'A x_row')!.forEach((value, i) => expect(value).toBeCloseTo(image[i], 12));
    tip(end.codomain, 'Ax')!.forEach((value, i) => expect(value).toBeCloseTo(image[i], 12));
  });

  it('shrinks every codomain vector alike when Ax is too long for the panel', () => {
    const long = [4, 3, -2];
    const frame = vectorsAt({ a, rowBasis, x: long }, { split: 1, map: 1 }, '#000');
    const image = applyMatrix(a, long);
    const ax = tip(frame.codomain, 'Ax')!;
    const scale = Math.hypot(...image) / Math.hypot(...ax);
    expect(scale).toBeGreaterThan(1);
    // A x_row lands on Ax, not past the panel's edge; the frames match the view and the export.
    tip(frame.codomain, 'A x_row')!.forEach((value, i) =>
      expect(value).toBeCloseTo(image[i] / scale, 12),
    );
    expect(frame.codomain).toEqual(sceneVectors(a, rowBasis, long, 1, '#000').codomain);
  });

  it('runs GIFs at a rate whose frame time is whole hundredths', () => {
    expect((100 / framesPerSecond.gif) % 1).toBe(0);
  });
});
