// Reduction of an m×n matrix (m ≥ n) to upper bidiagonal form B = Qᵀ·A·P by alternating left and
// right Householder reflectors (Golub–Kahan; Golub & Van Loan §5.4.8, LAPACK dgebd2).
// Cost: 4·m·n² − 4·n³/3 flops, plus 4·m·n² − 4·n³/3 to form Q and 4·n³/3 to form P.
import type { JobContext } from '../jobs/context';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { zeros, type Matrix } from './matrix';
import { formQ } from './qr';

export interface Bidiagonalization {
  /** Diagonal of B, length n. */
  diagonal: Float64Array;
  /** Superdiagonal of B, length max(n − 1, 0). */
  superdiagonal: Float64Array;
  /** The working array: reflector vectors below the diagonal (left) and right of the superdiagonal (right). */
  reflectors: Matrix;
  leftTau: Float64Array;
  rightTau: Float64Array;
}

/**
 * Bidiagonalizes `work` (m×n, m ≥ n) in place; `work` keeps the reflectors. Memory traffic is
 * what limits this BLAS-2 reduction, so each step makes two passes over the trailing matrix
 * instead of three: the rank-one update of the previous right reflector is fused with the
 * application of the next left reflector, one column at a time while it sits in cache.
 */
export function bidiagonalize(work: Matrix, context?: JobContext): Bidiagonalization {
  const { rows: m, cols: n, data } = work;
  if (m < n) throw new RangeError('bidiagonalize needs rows ≥ cols; transpose first');
  const diagonal = new Float64Array(n);
  const superdiagonal = new Float64Array(Math.max(n - 1, 0));
  const leftTau = new Float64Array(n);
  const rightTau = new Float64Array(Math.max(n - 1, 0));
  // The pending right update A[k:m, k:n] −= pendingTau · w · uᵀ from the previous step.
  const u = new Float64Array(n);
  const w = new Float64Array(m);
  let pendingTau = 0;
  const reflector: Reflector = { tau: 0, beta: 0 };

  for (let k = 0; k < n; k++) {
    if (context && (k & 31) === 0) {
      context.checkCancelled();
      context.progress((0.8 * k) / n, 'bidiagonalizing');
    }
    const height = m - k;
    const kk = k + k * m;
    // Column k receives the pending update first: the left reflector is built from it.
    if (pendingTau !== 0) {
      const factor = pendingTau * u[0];
      for (let i = 0; i < height; i++) data[kk + i] -= factor * w[i];
    }
    makeReflector(data, kk, height, reflector);
    const tau = reflector.tau;
    diagonal[k] = reflector.beta;
    leftTau[k] = tau;
    data[kk] = 1;
    // Software-pipelined: while column j gets the pending update and its dot product with v,
    // column j − 1 receives its left reflector in the same loop (v is loaded once for both).
    let previous = -1;
    let previousScale = 0;
    for (let j = k + 1; j < n; j++) {
      const aj = k + j * m;
      const factor = pendingTau === 0 ? 0 : pendingTau * u[j - k];
      let s = 0;
      if (previous >= 0 && previousScale !== 0) {
        for (let i = 0; i < height; i++) {
          const vi = data[kk + i];
          data[previous + i] -= previousScale * vi;
          const t = data[aj + i] - factor * w[i];
          data[aj + i] = t;
          s += vi * t;
        }
      } else if (factor !== 0) {
        for (let i = 0; i < height; i++) {
          const t = data[aj + i] - factor * w[i];
          data[aj + i] = t;
          s += data[kk + i] * t;
        }
      } else {
        for (let i = 0; i < height; i++) s += data[kk + i] * data[aj + i];
      }
      previous = aj;
      previousScale = tau * s;
    }
    if (previous >= 0 && previousScale !== 0) {
      for (let i = 0; i < height; i++) data[previous + i] -= previousScale * data[kk + i];
    }
    data[kk] = reflector.beta;
    pendingTau = 0;
    if (k >= n - 1) continue;

    // Right reflector: zero row k right of the superdiagonal (copied to be contiguous).
    const length = n - k - 1;
    for (let j = 0; j < length; j++) u[j] = data[k + (k + 1 + j) * m];
    makeReflector(u, 0, length, reflector);
    superdiagonal[k] = reflector.beta;
    rightTau[k] = reflector.tau;
    for (let j = 1; j < length; j++) data[k + (k + 1 + j) * m] = u[j];
    data[k + (k + 1) * m] = reflector.beta;
    u[0] = 1;
    if (reflector.tau === 0) continue;
    // w = A[k+1:m, k+1:n]·u, four columns per pass over w; the update itself waits for the next step.
    const rows = m - k - 1;
    const base = k + 1 + (k + 1) * m;
    w.fill(0, 0, rows);
    let j = 0;
    for (; j + 3 < length; j += 4) {
      const u0 = u[j];
      const u1 = u[j + 1];
      const u2 = u[j + 2];
      const u3 = u[j + 3];
      const a0 = base + j * m;
      const a1 = a0 + m;
      const a2 = a1 + m;
      const a3 = a2 + m;
      for (let i = 0; i < rows; i++) {
        w[i] += data[a0 + i] * u0 + data[a1 + i] * u1 + data[a2 + i] * u2 + data[a3 + i] * u3;
      }
    }
    for (; j < length; j++) {
      const uj = u[j];
      const aj = base + j * m;
      for (let i = 0; i < rows; i++) w[i] += data[aj + i] * uj;
    }
    pendingTau = reflector.tau;
  }
  return { diagonal, superdiagonal, reflectors: work, leftTau, rightTau };
}

/** The thin m×n factor Q = H₀·H₁·…·H_{n−1}: stored exactly as Householder QR stores its reflectors. */
export function formLeftFactor(result: Bidiagonalization): Matrix {
  return formQ(result.reflectors, result.leftTau, result.reflectors.cols);
}

/** Reflectors applied together per column when forming P. */
const reflectorBlock = 16;

/** The n×n factor P = G₀·G₁·…·G_{n−2} of the right reflectors, accumulated backwards in blocks. */
export function formRightFactor(result: Bidiagonalization): Matrix {
  const { rows: m, cols: n, data } = result.reflectors;
  const p = zeros(n, n);
  for (let j = 0; j < n; j++) p.data[j + j * n] = 1;
  const vectors = new Float64Array(reflectorBlock * n);
  const starts = new Int32Array(reflectorBlock);
  const taus = new Float64Array(reflectorBlock);
  for (let last = n - 2; last >= 0; last -= reflectorBlock) {
    const first = Math.max(0, last - reflectorBlock + 1);
    const count = last - first + 1;
    for (let r = 0; r < count; r++) {
      // G_k acts on indices k+1 … n−1 with u = (1, A[k, k+2:n]).
      const k = last - r;
      starts[r] = k + 1;
      taus[r] = result.rightTau[k];
      vectors.fill(0, r * n + first + 1, r * n + k + 1);
      vectors[r * n + k + 1] = 1;
      for (let j = k + 2; j < n; j++) vectors[r * n + j] = data[k + j * m];
    }
    const start = first + 1;
    kernels.applyReflectorsLeft(
      n,
      n - start,
      count,
      vectors,
      n,
      starts,
      taus,
      p.data,
      start * n,
      n,
      start,
    );
  }
  return p;
}
