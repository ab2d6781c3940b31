// Reduction of an m×n matrix (m ≥ n) to upper bidiagonal form B = Qᵀ·A·P by alternating left and
// right Householder reflectors (Golub–Kahan; Golub & Van Loan §5.4.8, LAPACK dgebd2).
// Cost: 4·m·n² − 4·n³/3 flops, plus 4·m·n² − 4·n³/3 to form Q and 4·n³/3 to form P.
import type { JobContext } from '../jobs/context';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { type Matrix } from './matrix';
import { formQ } from './qr';
import { plainWorkspace, workspaceOf } from './workspace';

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
 * application of the next left reflector (`updateThenReflectLeft`). Scratch vectors come from
 * the workspace `work` lives in, so the WebAssembly kernels run on them in place.
 */
export function bidiagonalize(work: Matrix, context?: JobContext): Bidiagonalization {
  const { rows: m, cols: n, data } = work;
  if (m < n) throw new RangeError('bidiagonalize needs rows ≥ cols; transpose first');
  const space = workspaceOf(data) ?? plainWorkspace;
  const diagonal = new Float64Array(n);
  const superdiagonal = new Float64Array(Math.max(n - 1, 0));
  const leftTau = new Float64Array(n);
  const rightTau = new Float64Array(Math.max(n - 1, 0));
  // The pending right update A[k:m, k:n] −= pendingTau · w · uᵀ from the previous step.
  const u = space.vector(n);
  const w = space.vector(m);
  const factors = space.vector(n);
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
    if (pendingTau !== 0) kernels.axpy(height, -pendingTau * u[0], w, 0, data, kk);
    makeReflector(data, kk, height, reflector);
    diagonal[k] = reflector.beta;
    leftTau[k] = reflector.tau;
    data[kk] = 1;
    if (pendingTau !== 0) for (let j = 1; j < n - k; j++) factors[j - 1] = pendingTau * u[j];
    kernels.updateThenReflectLeft(
      height,
      n - k - 1,
      w,
      0,
      pendingTau !== 0 ? factors : null,
      0,
      data,
      kk,
      reflector.tau,
      data,
      kk + m,
      m,
    );
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
    // w = A[k+1:m, k+1:n]·u; the update itself waits for the next step.
    const rows = m - k - 1;
    kernels.gemv(false, rows, length, 1, data, k + 1 + (k + 1) * m, m, u, 0, 0, w, 0);
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
  const space = workspaceOf(data) ?? plainWorkspace;
  const p = space.matrix(n, n);
  for (let j = 0; j < n; j++) p.data[j + j * n] = 1;
  const vectors = space.vector(reflectorBlock * n);
  const starts = space.integers(reflectorBlock);
  const taus = space.vector(reflectorBlock);
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
