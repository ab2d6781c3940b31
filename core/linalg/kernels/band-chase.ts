// Band → bidiagonal by Householder bulge chasing, the second stage of the two-stage reduction
// (Haidar, Ltaief & Dongarra, SC'11; Lang 1996), TypeScript tier. Sweep s makes row s bidiagonal:
// a right reflector on columns [c, c+b) clears row r past column c, a left reflector on rows
// [c, c+b) clears the bulge that made below column c, and the chase moves b columns on, until the
// end of the matrix. Cost: about 8·b·n² flops for all sweeps.
//
// Band storage: entry (i, j) of the n×n matrix is band[j·ld + i − j + 2b − 1]; a chase keeps every
// entry within 2b − 1 above and b − 1 below the diagonal, so ld ≥ 3b − 1.
import { vectorNorm } from '../norms';

/**
 * Doubles of work a chase needs with `threads` threads: 3b per thread, then a pair of 32-bit
 * progress words per thread (sweep, steps done) where the threads pipeline their sweeps.
 */
export function chaseWorkDoubles(b: number, threads = 1): number {
  return threads * 3 * b + threads + 2;
}

/** Vectors smaller than this are scaled up by `rescaling` first. */
const tiny = 2 ** -900;
const rescaling = 2 ** 600;

/** Reflector (I − tau·v·vᵀ) with v[0] = 1 mapping x = v[0:length] onto beta·e₁ (dlarfg), in place. */
export function householderInPlace(
  v: Float64Array,
  offset: number,
  length: number,
): { tau: number; beta: number } {
  let norm = vectorNorm(v, offset, length);
  if (norm === 0 || length <= 1 || vectorNorm(v, offset + 1, length - 1) === 0) {
    const beta = v[offset];
    v[offset] = 1;
    return { tau: 0, beta };
  }
  // Roundoff-sized vectors are scaled up by a power of two first (exact), as dlarfg does.
  let unscale = 1;
  if (norm < tiny) {
    for (let i = offset; i < offset + length; i++) v[i] *= rescaling;
    norm = vectorNorm(v, offset, length);
    unscale = 1 / rescaling;
  }
  const alpha = v[offset];
  const beta = alpha >= 0 ? -norm : norm;
  const scale = 1 / (alpha - beta);
  for (let i = offset + 1; i < offset + length; i++) v[i] *= scale;
  v[offset] = 1;
  return { tau: (beta - alpha) / beta, beta: beta * unscale };
}

export function chaseBandSweeps(
  band: Float64Array,
  n: number,
  b: number,
  ld: number,
  firstSweep: number,
  lastSweep: number,
  work: Float64Array,
): void {
  const up = 2 * b - 1;
  const at = (i: number, j: number): number => j * ld + i - j + up;
  // work: v (b doubles) then w (2b doubles).
  const w = b;
  for (let s = firstSweep; s < lastSweep; s++) {
    let r = s;
    for (let c = s + 1; c < n; c += b) {
      const e = Math.min(c + b, n);
      const length = e - c;
      if (length <= 1) break;
      // Right reflector: clear row r past column c.
      for (let j = 0; j < length; j++) work[j] = band[at(r, c + j)];
      const right = householderInPlace(work, 0, length);
      band[at(r, c)] = right.beta;
      for (let j = 1; j < length; j++) band[at(r, c + j)] = 0;
      if (right.tau !== 0) {
        const rows = e - r - 1;
        work.fill(0, w, w + rows);
        for (let j = 0; j < length; j++) {
          const vj = work[j];
          const column = at(r + 1, c + j);
          for (let i = 0; i < rows; i++) work[w + i] += vj * band[column + i];
        }
        for (let j = 0; j < length; j++) {
          const factor = right.tau * work[j];
          const column = at(r + 1, c + j);
          for (let i = 0; i < rows; i++) band[column + i] -= factor * work[w + i];
        }
      }
      // Left reflector: clear column c below the diagonal (the bulge the right one made).
      const top = at(c, c);
      for (let i = 0; i < length; i++) work[i] = band[top + i];
      const left = householderInPlace(work, 0, length);
      band[top] = left.beta;
      for (let i = 1; i < length; i++) band[top + i] = 0;
      if (left.tau !== 0) {
        const last = Math.min(c + 2 * b, n);
        for (let j = c + 1; j < last; j++) {
          const column = at(c, j);
          let sum = 0;
          for (let i = 0; i < length; i++) sum += work[i] * band[column + i];
          const factor = left.tau * sum;
          for (let i = 0; i < length; i++) band[column + i] -= factor * work[i];
        }
      }
      r = c;
    }
  }
}
