// Seeded sparse corruption for the robust PCA demo: a given share of entries pushed far off
// (±spread·max|a_ij|), the "S" that principal component pursuit should find again.
// Cost O(mn); deterministic for a seed (mulberry32).
import type { RequestMatrix } from '../../state/matrix-from-cells';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Corrupted {
  matrix: RequestMatrix;
  /** Column-major indices of the corrupted entries, ascending. */
  indices: number[];
}

export function corruptSparsely(
  matrix: RequestMatrix,
  share: number,
  seed = 3,
  spread = 1.5,
): Corrupted {
  const random = mulberry32(seed);
  let magnitude = 0;
  for (const value of matrix.data) magnitude = Math.max(magnitude, Math.abs(value));
  const data = new Float64Array(matrix.data);
  const indices: number[] = [];
  for (let k = 0; k < data.length; k++) {
    if (random() >= share) continue;
    data[k] += (random() < 0.5 ? -1 : 1) * spread * (magnitude || 1);
    indices.push(k);
  }
  return { matrix: { rows: matrix.rows, cols: matrix.cols, data }, indices };
}
