// A matrix as RGBA pixels, one pixel per entry (row i is pixel row i), through a colour map.
// Used for canvas heatmaps on screen and, PNG-encoded, for the same heatmaps in exported SVG.
import type { Matrix } from '../../../core/linalg/matrix';
import { colormap, colourIndex, type ColormapName } from './colormap';

export interface ColourRange {
  name: ColormapName;
  /** Diverging: the |value| mapped to full colour; otherwise the top of [low, limit]. */
  limit: number;
  low?: number;
}

/** The range that shows a matrix: symmetric max |a_ij| for diverging, [min, max] otherwise. */
export function rangeFor(matrix: Matrix, name: ColormapName): ColourRange {
  let smallest = Infinity;
  let largest = -Infinity;
  let magnitude = 0;
  for (let k = 0; k < matrix.data.length; k++) {
    const value = matrix.data[k];
    if (!Number.isFinite(value)) continue;
    smallest = Math.min(smallest, value);
    largest = Math.max(largest, value);
    magnitude = Math.max(magnitude, Math.abs(value));
  }
  if (name === 'diverging') return { name, limit: magnitude };
  if (!Number.isFinite(smallest)) return { name, limit: 1, low: 0 };
  return { name, limit: largest, low: smallest };
}

export function heatmapPixels(matrix: Matrix, range: ColourRange): Uint8ClampedArray<ArrayBuffer> {
  const { rows, cols, data } = matrix;
  const lut = colormap(range.name);
  const pixels = new Uint8ClampedArray(rows * cols * 4);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      const k = colourIndex(data[i + j * rows], range.name, range.limit, range.low ?? 0);
      const p = 4 * (i * cols + j);
      pixels[p] = lut[3 * k];
      pixels[p + 1] = lut[3 * k + 1];
      pixels[p + 2] = lut[3 * k + 2];
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}
