// Vector and matrix norms that neither overflow nor underflow: a plain sum of squares, redone
// with scaling only when it leaves the safe range (the idea of LAPACK dnrm2). Cost: O(length).
import type { Matrix } from './matrix';

const tooSmall = 1e-140;
const tooLarge = 1e140;

/** Euclidean norm of data[offset .. offset+length). */
export function vectorNorm(data: Float64Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = offset; i < offset + length; i++) sum += data[i] * data[i];
  if (sum > tooSmall && sum < tooLarge) return Math.sqrt(sum);
  if (sum === 0) {
    // Squares may all have underflowed to zero although the vector is not zero.
    let any = false;
    for (let i = offset; i < offset + length; i++) if (data[i] !== 0) any = true;
    if (!any) return 0;
  }
  let largest = 0;
  for (let i = offset; i < offset + length; i++) largest = Math.max(largest, Math.abs(data[i]));
  if (largest === 0 || !Number.isFinite(largest)) return largest;
  let scaled = 0;
  for (let i = offset; i < offset + length; i++) {
    const t = data[i] / largest;
    scaled += t * t;
  }
  return largest * Math.sqrt(scaled);
}

export function frobeniusNorm(matrix: Matrix): number {
  return vectorNorm(matrix.data, 0, matrix.data.length);
}

/** Largest absolute entry, max |a_ij| (0 for an empty matrix). */
export function maxAbs(matrix: Matrix): number {
  let largest = 0;
  const data = matrix.data;
  for (let k = 0; k < data.length; k++) {
    const t = Math.abs(data[k]);
    if (t > largest) largest = t;
  }
  return largest;
}

/** Multiplies by 2^power (exact) in steps that stay representable (2^±1074 alone would not be). */
export function scaleByPowerOfTwo(data: Float64Array, power: number): void {
  let remaining = power;
  while (remaining !== 0) {
    const step = Math.max(-1000, Math.min(1000, remaining));
    const factor = 2 ** step;
    for (let i = 0; i < data.length; i++) data[i] *= factor;
    remaining -= step;
  }
}
