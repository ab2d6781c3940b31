// Eigenvalues (and eigenvectors) of a real symmetric matrix, as LAPACK dsyevd: blocked Householder
// tridiagonalization (Golub & Van Loan §8.3.1, tridiagonalize.ts), then implicit QR steps with Wilkinson shifts for
// values alone or small orders (§8.3.3), tridiagonal divide and conquer for vectors (§8.4.4,
// tridiagonal-divide.ts), whose eigenvectors the reflectors then reach in compact WY blocks.
// Cost: 4·n³/3 flops for values, about 4·n³ with vectors. Reads the lower triangle only.
import type { JobContext } from '../job-context';
import {
  blockScratch,
  blockScratchDoubles,
  reflectFromLeft,
  triangularFactor,
} from './block-reflector';
import { batchSweeps } from './bidiagonal-svd';
import { assertFinite, zeros, type Matrix } from './matrix';
import { maxAbs, scaleByPowerOfTwo } from './norms';
import { tridiagonalDivide, tridiagonalDivideDoubles } from './tridiagonal-divide';
import { tridiagonalQr } from './tridiagonal-qr';
import { tridiagonalize, tridiagonalizeDoubles } from './tridiagonalize';
import { createWorkspace, type Workspace } from './workspace';

export interface SymmetricEigenResult {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** n×n orthogonal matrix whose column i is the eigenvector of values[i]. */
  vectors?: Matrix;
}

/**
 * Up to this order the vectors come from QR steps on Q itself; above, by divide and conquer
 * (measured: QR faster at 32, even at 48, divide and conquer 10% faster at 64 and 128).
 */
export const qrCrossover = 48;

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
  // Disposed on every way out, a cancellation included, so the next job gets the memory.
  try {
    return decompose(a, wantVectors, space, context);
  } finally {
    space.dispose();
  }
}

function decompose(
  a: Matrix,
  wantVectors: boolean,
  space: Workspace,
  context: JobContext | undefined,
): SymmetricEigenResult {
  const n = a.rows;
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
    return wantVectors ? { values: new Float64Array(n), vectors } : { values: new Float64Array(n) };
  }
  // Power-of-two scaling (exact) keeps squares inside the rotations in range.
  const exponent = Math.round(Math.log2(largest));
  scaleByPowerOfTwo(data, -exponent);

  const diagonal = new Float64Array(n);
  const offDiagonal = new Float64Array(Math.max(n - 1, 0));
  const tau = new Float64Array(Math.max(n - 2, 0));
  tridiagonalize(data, n, diagonal, offDiagonal, tau, space, context);

  let vectors: Matrix | undefined;
  if (!wantVectors) {
    tridiagonalQr(diagonal, offDiagonal, undefined, 0, context);
  } else if (n <= qrCrossover) {
    vectors = formTridiagonalQ(data, n, tau, space);
    tridiagonalQr(diagonal, offDiagonal, { data: vectors.data, offset: 0, ld: n }, n, context);
  } else {
    // Eigenvectors of T by divide and conquer, then Q·Z by the reflectors in blocks (dormtr).
    vectors = space.matrix(n, n);
    tridiagonalDivide(diagonal, offDiagonal, vectors.data, space, context);
    applyTridiagonalQ(data, n, tau, space, vectors);
  }
  scaleByPowerOfTwo(diagonal, exponent);

  return sortDescending(diagonal, vectors);
}

/** Values descending, with the vectors' columns permuted along (copied out of the workspace). */
function sortDescending(values: Float64Array, vectors: Matrix | undefined): SymmetricEigenResult {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[j] - values[i]);
  const sorted = Float64Array.from(order, (i) => values[i]);
  if (!vectors) return { values: sorted };
  const result = zeros(n, n);
  order.forEach((source, j) =>
    result.data.set(vectors.data.subarray(source * n, (source + 1) * n), j * n),
  );
  return { values: sorted, vectors: result };
}

/** Reflectors per block when forming Q. */
const reflectorBlock = 32;

/** Doubles the solver takes in its workspace for an n×n matrix. */
export function symmetricEigenWorkspaceDoubles(n: number, vectors: boolean): number {
  const rotations = 4 * (batchSweeps + 1) * Math.min(n, vectors ? qrCrossover : n) + 2 * n;
  const divide = vectors && n > qrCrossover ? tridiagonalDivideDoubles(n) : 0;
  const q = vectors ? n * n + blockScratchDoubles(n, n, reflectorBlock) : 0;
  return n * n + tridiagonalizeDoubles(n) + rotations + divide + q + 256;
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
  // Columns before the block's first row stay those of the identity.
  applyReflectorBlocks(data, n, tau, space, q, true);
  return q;
}

/** Z ← Q·Z for the n×n Z, Q = H₀·…·H_{n−3} as in formTridiagonalQ (dormtr). */
function applyTridiagonalQ(
  data: Float64Array,
  n: number,
  tau: Float64Array,
  space: Workspace,
  z: Matrix,
): void {
  applyReflectorBlocks(data, n, tau, space, z, false);
}

/** The reflector blocks, last first, applied from the left to all columns or the identity's. */
function applyReflectorBlocks(
  data: Float64Array,
  n: number,
  tau: Float64Array,
  space: Workspace,
  target: Matrix,
  identity: boolean,
): void {
  const count = tau.length;
  if (count === 0) return;
  const mark = space.mark();
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
    const first = identity ? j + 1 : 0;
    const block = { data: target.data, offset: j + 1 + first * n, ld: n };
    reflectFromLeft(v, scratch.t, rows, width, block, n - first, scratch, true);
  }
  space.release(mark);
}
