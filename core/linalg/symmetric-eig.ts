// Eigenvalues (and eigenvectors) of a real symmetric matrix: Householder tridiagonalization, then
// implicit symmetric QR with Wilkinson shifts (Golub & Van Loan §8.3, Algorithm 8.3.3). The
// working arrays live in a workspace, so every pass runs in the SIMD kernels (over the thread
// team when there is one): the rank-two updates as depth-2 products, Q formed in compact WY
// blocks, the QR rotations queued and applied to the vectors in batches of sweeps.
// Cost: 4·n³/3 flops for values, about 9·n³ with vectors. Reads the lower triangle only.
import type { JobContext } from '../job-context';
import {
  blockScratch,
  blockScratchDoubles,
  reflectFromLeft,
  triangularFactor,
} from './block-reflector';
import { batchSweeps } from './bidiagonal-svd';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { assertFinite, zeros, type Matrix } from './matrix';
import { maxAbs, scaleByPowerOfTwo } from './norms';
import {
  createWorkspace,
  detached,
  plainWorkspace,
  workspaceOf,
  type Workspace,
} from './workspace';

export interface SymmetricEigenResult {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** n×n orthogonal matrix whose column i is the eigenvector of values[i]. */
  vectors?: Matrix;
}

const epsilon = 2 ** -53;

export function symmetricEigen(
  a: Matrix,
  options: { vectors?: boolean; context?: JobContext } = {},
): SymmetricEigenResult {
  assertFinite(a);
  if (a.rows !== a.cols)
    throw new RangeError(`symmetricEigen needs a square matrix, got ${a.rows}×${a.cols}`);
  const wantVectors = options.vectors ?? false;
  const context = options.context;
  const n = a.rows;
  const space = createWorkspace(symmetricEigenWorkspaceDoubles(n, wantVectors));
  // Working copy made symmetric from the lower triangle.
  const data = space.vector(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      data[i + j * n] = a.data[i + j * n];
      data[j + i * n] = a.data[i + j * n];
    }
  }
  const largest = maxAbs({ rows: n, cols: n, data });
  if (n === 0 || largest === 0) {
    const vectors = zeros(n, n);
    for (let i = 0; i < n; i++) vectors.data[i + i * n] = 1;
    space.dispose();
    return wantVectors ? { values: new Float64Array(n), vectors } : { values: new Float64Array(n) };
  }
  // Power-of-two scaling (exact) keeps squares inside the rotations in range.
  const exponent = Math.round(Math.log2(largest));
  scaleByPowerOfTwo(data, -exponent);

  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 2, 0));
  // The rank-two update S ← S − v·wᵀ − w·vᵀ is one product [v w]·[w v]ᵀ of depth 2.
  const pair = space.vector(2 * n);
  const swapped = space.vector(2 * n);
  const reflector: Reflector = { tau: 0, beta: 0 };

  for (let k = 0; k < n - 2; k++) {
    if (context && (k & 31) === 0) context.checkCancelled();
    const start = k + 1 + k * n;
    const size = n - k - 1;
    makeReflector(data, start, size, reflector);
    offDiagonal[k] = reflector.beta;
    tau[k] = reflector.tau;
    if (reflector.tau === 0) continue;
    data[start] = 1;
    // p = tau·S·v and w = p − (tau/2)(pᵀv)·v, with v in pair[0:size] and w in pair[size:2·size].
    pair.set(data.subarray(start, start + size), 0);
    const block = k + 1 + (k + 1) * n;
    kernels.gemv(false, size, size, reflector.tau, data, block, n, pair, 0, 0, pair, size);
    const correction = -0.5 * reflector.tau * kernels.dot(size, pair, size, pair, 0);
    kernels.axpy(size, correction, pair, 0, pair, size);
    swapped.set(pair.subarray(size, 2 * size), 0);
    swapped.set(pair.subarray(0, size), size);
    kernels.gemm(
      false,
      true,
      size,
      size,
      2,
      -1,
      pair,
      0,
      size,
      swapped,
      0,
      size,
      1,
      data,
      block,
      n,
    );
    data[start] = reflector.beta;
  }
  for (let k = 0; k < n; k++) diagonal[k] = data[k + k * n];
  if (n >= 2) offDiagonal[n - 2] = data[n - 1 + (n - 2) * n];

  const vectors = wantVectors ? formTridiagonalQ(data, n, tau, space) : undefined;

  tridiagonalQr(diagonal, offDiagonal, vectors, context);
  scaleByPowerOfTwo(diagonal, exponent);

  // Sort descending, permuting the eigenvectors along.
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (diagonal[j] > diagonal[best]) best = j;
    if (best === i) continue;
    const t = diagonal[i];
    diagonal[i] = diagonal[best];
    diagonal[best] = t;
    if (vectors) {
      for (let r = 0; r < n; r++) {
        const u = vectors.data[r + i * n];
        vectors.data[r + i * n] = vectors.data[r + best * n];
        vectors.data[r + best * n] = u;
      }
    }
  }
  const result = vectors ? { values: diagonal, vectors: detached(vectors) } : { values: diagonal };
  space.dispose();
  return result;
}

/** Reflectors per block when forming Q. */
const reflectorBlock = 32;

/** Doubles the solver takes in its workspace for an n×n matrix. */
export function symmetricEigenWorkspaceDoubles(n: number, vectors: boolean): number {
  const rotations = vectors ? 4 * (batchSweeps + 1) * n : 2 * n;
  const q = vectors ? n * n + blockScratchDoubles(n, n, reflectorBlock) : 0;
  return n * n + 4 * n + rotations + q + 256;
}

/**
 * Q = H₀·…·H_{n−3} (H_k acts on indices k+1 … n−1 with v = (1, A[k+2:n, k])), built backwards a
 * block of 32 reflectors at a time in compact WY form (dorgtr).
 */
function formTridiagonalQ(
  data: Float64Array,
  n: number,
  tau: Float64Array,
  space: Workspace,
): Matrix {
  const q = space.matrix(n, n);
  for (let i = 0; i < n; i++) q.data[i + i * n] = 1;
  const count = tau.length;
  if (count === 0) return q;
  const scratch = blockScratch(space, n, n, reflectorBlock);
  const { v } = scratch;
  const lastBlock = Math.floor((count - 1) / reflectorBlock) * reflectorBlock;
  for (let j = lastBlock; j >= 0; j -= reflectorBlock) {
    const width = Math.min(reflectorBlock, count - j);
    const rows = n - 1 - j;
    for (let r = 0; r < width; r++) {
      const k = j + r;
      const column = r * rows;
      v.fill(0, column, column + r);
      v[column + r] = 1;
      for (let i = k + 2; i < n; i++) v[column + i - (j + 1)] = data[i + k * n];
    }
    triangularFactor(v, rows, width, tau.subarray(j, j + width), scratch.t, scratch.gram);
    const target = { data: q.data, offset: j + 1 + (j + 1) * n, ld: n };
    reflectFromLeft(v, scratch.t, rows, width, target, rows, scratch, true);
  }
  return q;
}

/**
 * Implicit symmetric QR steps with Wilkinson shift on (d, e) until e vanishes. The rotations of
 * up to 16 steps are queued and applied to Q's columns together (each block of Q's rows stays in
 * cache across them), in the order they were made.
 */
function tridiagonalQr(
  d: Float64Array,
  e: Float64Array,
  q: Matrix | undefined,
  context: JobContext | undefined,
): void {
  const n = d.length;
  const space = workspaceOf(q?.data) ?? plainWorkspace;
  const batch = q ? batchSweeps : 1;
  const cosines = space.vector(batch * n);
  const sines = space.vector(batch * n);
  const firsts = space.integers(batch);
  const counts = space.integers(batch);
  const offsets = space.integers(batch);
  let queued = 0;
  let used = 0;
  const flush = (): void => {
    if (q && queued > 0) {
      kernels.rotationSweeps(
        q.data,
        q.rows,
        q.rows,
        queued,
        firsts,
        counts,
        offsets,
        cosines,
        sines,
      );
    }
    queued = 0;
    used = 0;
  };
  const maxSteps = 30 * n;
  let steps = 0;
  let bottom = n - 1;
  while (bottom > 0) {
    for (let i = 0; i < bottom; i++) {
      if (Math.abs(e[i]) <= epsilon * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
    }
    while (bottom > 0 && e[bottom - 1] === 0) bottom--;
    if (bottom === 0) break;
    let top = bottom - 1;
    while (top > 0 && e[top - 1] !== 0) top--;
    if (++steps > maxSteps) throw new Error('symmetric eigensolver did not converge');
    if (context && (steps & 63) === 0) context.checkCancelled();
    if (used + bottom - top > batch * n) flush();

    // Wilkinson shift: the eigenvalue of the trailing 2×2 block closer to its last entry.
    const delta = (d[bottom - 1] - d[bottom]) / 2;
    const b = e[bottom - 1];
    const root = Math.sqrt(delta * delta + b * b);
    const shift = d[bottom] - (b * b) / (delta + (delta >= 0 ? root : -root));
    let x = d[top] - shift;
    let z = e[top];
    for (let k = top; k < bottom; k++) {
      const radius = Math.sqrt(x * x + z * z);
      const c = radius === 0 ? 1 : x / radius;
      const s = radius === 0 ? 0 : z / radius;
      if (k > top) e[k - 1] = radius;
      const dk = d[k];
      const ek = e[k];
      const dk1 = d[k + 1];
      d[k] = c * c * dk + 2 * c * s * ek + s * s * dk1;
      d[k + 1] = s * s * dk - 2 * c * s * ek + c * c * dk1;
      e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
      if (k < bottom - 1) {
        z = s * e[k + 1];
        e[k + 1] = c * e[k + 1];
        x = e[k];
      }
      cosines[used + k - top] = c;
      sines[used + k - top] = s;
    }
    if (q) {
      firsts[queued] = top;
      counts[queued] = bottom - top;
      offsets[queued] = used;
      queued++;
      used += bottom - top;
      if (queued === batch) flush();
    }
  }
  flush();
}
