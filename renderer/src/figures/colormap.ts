// Colour maps as 256-entry RGB lookup tables, so a 128×128 heatmap costs one table read per cell.
// Diverging: blue (negative) – near-white (zero) – red (positive), d3's RdBu reversed, for signed
// matrices; grayscale for images. Sequential (viridis) for values in [0, 1] such as φ(i, j).
import { interpolateRdBu, interpolateViridis, rgb } from 'd3';

export type ColormapName = 'diverging' | 'grayscale' | 'sequential';

function table(interpolate: (t: number) => string): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const colour = rgb(interpolate(k / 255));
    lut[3 * k] = Math.round(colour.r);
    lut[3 * k + 1] = Math.round(colour.g);
    lut[3 * k + 2] = Math.round(colour.b);
  }
  return lut;
}

const tables: Partial<Record<ColormapName, Uint8Array>> = {};

export function colormap(name: ColormapName): Uint8Array {
  tables[name] ??= table(
    name === 'diverging'
      ? (t) => interpolateRdBu(1 - t)
      : name === 'sequential'
        ? interpolateViridis
        : (t) => {
            const level = Math.round(t * 255);
            return `rgb(${level},${level},${level})`;
          },
  );
  return tables[name]!;
}

/**
 * The table index of a value. Diverging maps [−limit, limit] symmetrically (0 → the middle);
 * grayscale and sequential map [low, limit] linearly. Out-of-range values clamp.
 */
export function colourIndex(value: number, name: ColormapName, limit: number, low = 0): number {
  let t: number;
  if (name === 'diverging') t = limit > 0 ? 0.5 + value / (2 * limit) : 0.5;
  else t = limit > low ? (value - low) / (limit - low) : 0;
  if (!(t >= 0)) t = 0;
  return Math.min(255, Math.round(t * 255));
}

export function colourCss(value: number, name: ColormapName, limit: number, low = 0): string {
  const lut = colormap(name);
  const k = colourIndex(value, name, limit, low);
  return `rgb(${lut[3 * k]},${lut[3 * k + 1]},${lut[3 * k + 2]})`;
}
