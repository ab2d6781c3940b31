import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromRows } from '../../../core/linalg/matrix';
import { colormap, colourIndex } from './colormap';
import { heatmapPixels, rangeFor } from './heatmap-pixels';

describe('colour maps', () => {
  it('diverging: zero sits in the middle and ±v are mirror images', () => {
    expect(colourIndex(0, 'diverging', 3)).toBe(128);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        (value, limit) => {
          const up = colourIndex(value, 'diverging', limit);
          const down = colourIndex(-value, 'diverging', limit);
          expect(up).toBeGreaterThanOrEqual(128);
          expect(down).toBeLessThanOrEqual(128);
          expect(Math.abs(up + down - 255)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('grayscale runs from black at the low end to white at the top', () => {
    const lut = colormap('grayscale');
    expect(Array.from(lut.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(lut.subarray(255 * 3))).toEqual([255, 255, 255]);
    expect(colourIndex(2, 'grayscale', 2, 1)).toBe(255);
    expect(colourIndex(1, 'grayscale', 2, 1)).toBe(0);
    expect(colourIndex(Number.NaN, 'grayscale', 2, 1)).toBe(0);
  });
});

describe('heatmap pixels', () => {
  it('puts entry (i, j) of a column-major matrix at pixel row i, column j', () => {
    const matrix = fromRows([
      [0, 1, 0],
      [0, 0, 0],
    ]);
    const range = rangeFor(matrix, 'grayscale');
    expect(range).toEqual({ name: 'grayscale', limit: 1, low: 0 });
    const pixels = heatmapPixels(matrix, range);
    expect(pixels.length).toBe(2 * 3 * 4);
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 3; j++) {
        const expected = i === 0 && j === 1 ? 255 : 0;
        expect(pixels[4 * (i * 3 + j)]).toBe(expected);
        expect(pixels[4 * (i * 3 + j) + 3]).toBe(255);
      }
  });

  it('takes the symmetric range max |a_ij| for diverging maps', () => {
    expect(rangeFor(fromRows([[-4, 2]]), 'diverging').limit).toBe(4);
  });
});
