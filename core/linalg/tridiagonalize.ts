// Householder reduction of a symmetric matrix to tridiagonal form, Qᵀ·A·Q = T, blocked as LAPACK
// dsytrd with dlatrd panels (Golub & Van Loan §8.3.1; Dongarra, Sorensen & Hammarling 1989): a
// panel of reflectors is built with matrix–vector products against the not yet updated trailing
// matrix, then the trailing matrix takes the whole panel in rank-2·b products, so half the
// 4·n³/3 flops run in the SIMD product kernel. Only the lower triangle and the diagonal blocks of a
// grid are kept up to date (as dsyr2k and dsymv); the last columns are reduced unblocked.
import type { JobContext } from '../job-context';
import { makeReflector, type Reflector } from './householder';
import { kernels } from './kernels/kernels';
import { activeTeam, setActiveTeam } from './threads/thread-team';
import type { Workspace } from './workspace';

/** Reflectors per panel (dsytrd's default). */
export const panelWidth = 32;
/** The trailing update keeps the lower triangle and whole diagonal blocks of this grid. */
const gridWidth = 128;
/** The last columns, from where this many or fewer remain, are reduced one at a time. */
const unblockedTail = 64;

/** Doubles `tridiagonalize` takes from its workspace for order n. */
export function tridiagonalizeDoubles(n: number): number {
  return 5 * n * panelWidth + 4 * n + 2 * panelWidth + 64;
}

/**
 * Reduces the symmetric n×n `data` (both triangles stored, column-major) in place: on return
 * the entries above the diagonal are spent, `diagonal` and `offDiagonal` hold T, and reflector k (k < n − 2), with scalar tau[k], is
 * v = (1, data[k+2 … n−1, k]) acting on indices k+1 … n−1, so that A = Q·T·Qᵀ with
 * Q = H₀·…·H_{n−3}.
 */
export function tridiagonalize(
  data: Float64Array,
  n: number,
  diagonal: Float64Array,
  offDiagonal: Float64Array,
  tau: Float64Array,
  space: Workspace,
  context?: JobContext,
): void {
  const mark = space.mark();
  const w = space.vector(n * panelWidth);
  const rowOfV = space.vector(panelWidth);
  const rowOfW = space.vector(panelWidth);
  const products = space.vector(panelWidth);
  const left = space.vector(2 * n * panelWidth);
  const right = space.vector(2 * n * panelWidth);
  const pair = space.vector(2 * n);
  const swapped = space.vector(2 * n);
  const reflector: Reflector = { tau: 0, beta: 0 };
  let first = 0;
  for (; n - first > unblockedTail; first += panelWidth) {
    context?.checkCancelled();
    alone(() =>
      reducePanel(data, n, first, offDiagonal, tau, w, rowOfV, rowOfW, products, reflector),
    );
    // A₂₂ ← A₂₂ − V·Wᵀ − W·Vᵀ on and below the diagonal blocks of the grid (half the flops of
    // the whole square; the matrix–vector products read no more than that).
    const next = first + panelWidth;
    const rows = n - next;
    // [V W] and [W V] side by side, so each block takes one product of depth 2·panelWidth.
    for (let p = 0; p < panelWidth; p++) {
      const vColumn = data.subarray(next + (first + p) * n, n + (first + p) * n);
      const wColumn = w.subarray(next + p * n, n + p * n);
      left.set(vColumn, p * rows);
      left.set(wColumn, (panelWidth + p) * rows);
      right.set(wColumn, p * rows);
      right.set(vColumn, (panelWidth + p) * rows);
    }
    for (let low = next; low < n; low = gridEnd(low, n)) {
      const width = gridEnd(low, n) - low;
      const at = low - next;
      const depth = 2 * panelWidth;
      kernels.gemm(
        false,
        true,
        n - low,
        width,
        depth,
        -1,
        left,
        at,
        rows,
        right,
        at,
        rows,
        1,
        data,
        low + low * n,
        n,
      );
    }
    // The unit entries of V held the subdiagonal.
    for (let k = first; k < next; k++) data[k + 1 + k * n] = offDiagonal[k];
  }
  // The unblocked steps read the whole square of what is left.
  for (let j = first; j < n; j++) {
    for (let i = j + 1; i < n; i++) data[j + i * n] = data[i + j * n];
  }
  alone(() => {
    for (let k = first; k < n - 2; k++) {
      if (context && (k & 31) === 0) context.checkCancelled();
      reduceColumn(data, n, k, offDiagonal, tau, pair, swapped, reflector);
    }
  });
  for (let k = 0; k < n; k++) diagonal[k] = data[k + k * n];
  if (n >= 2) offDiagonal[n - 2] = data[n - 1 + (n - 2) * n];
  space.release(mark);
}

/**
 * Runs `work` on this thread only. The panel's matrix–vector products are memory-bound and a few
 * hundred microseconds each at most: split over the team, the fork–join and the second thread's
 * share of the memory bandwidth cost more than they save (a 512² reduction was slower on 2
 * threads than on 1).
 */
function alone(work: () => void): void {
  const team = activeTeam();
  setActiveTeam(undefined);
  try {
    work();
  } finally {
    setActiveTeam(team);
  }
}

/**
 * dlatrd: reflectors first … first + panelWidth − 1, each from its column brought up to date by
 * the panel's earlier ones; W (n×panelWidth, rows absolute) such that the trailing update is
 * A − V·Wᵀ − W·Vᵀ, V being the reflectors in data's columns with their unit entries written in.
 */
function reducePanel(
  data: Float64Array,
  n: number,
  first: number,
  offDiagonal: Float64Array,
  tau: Float64Array,
  w: Float64Array,
  rowOfV: Float64Array,
  rowOfW: Float64Array,
  products: Float64Array,
  reflector: Reflector,
): void {
  const panelV = first * n;
  for (let i = 0; i < panelWidth; i++) {
    const c = first + i;
    const column = c * n;
    const wColumn = i * n;
    if (i > 0) {
      // A[c:, c] −= V[c:, :i]·W[c, :i]ᵀ + W[c:, :i]·V[c, :i]ᵀ.
      for (let p = 0; p < i; p++) {
        rowOfV[p] = data[c + panelV + p * n];
        rowOfW[p] = w[c + p * n];
      }
      kernels.gemv(false, n - c, i, -1, data, c + panelV, n, rowOfW, 0, 1, data, c + column);
      kernels.gemv(false, n - c, i, -1, w, c, n, rowOfV, 0, 1, data, c + column);
    }
    const start = c + 1 + column;
    const size = n - c - 1;
    makeReflector(data, start, size, reflector);
    offDiagonal[c] = reflector.beta;
    tau[c] = reflector.tau;
    data[start] = 1;
    // w = tau·(A − V·Wᵀ − W·Vᵀ)·v over rows c+1 …, then w −= (tau/2)(wᵀv)·v.
    const below = c + 1;
    symmetricProduct(data, n, below, data, start, w, below + wColumn);
    if (i > 0) {
      kernels.gemv(true, size, i, 1, w, below, n, data, start, 0, products, 0);
      kernels.gemv(false, size, i, -1, data, below + panelV, n, products, 0, 1, w, below + wColumn);
      kernels.gemv(true, size, i, 1, data, below + panelV, n, data, start, 0, products, 0);
      kernels.gemv(false, size, i, -1, w, below, n, products, 0, 1, w, below + wColumn);
    }
    for (let r = below; r < n; r++) w[r + wColumn] *= reflector.tau;
    const alpha = -0.5 * reflector.tau * kernels.dot(size, w, below + wColumn, data, start);
    kernels.axpy(size, alpha, data, start, w, below + wColumn);
  }
}

/** Where the grid block holding index `low` ends (blocks of `gridWidth`, counted from 0). */
function gridEnd(low: number, n: number): number {
  return Math.min(n, (Math.floor(low / gridWidth) + 1) * gridWidth);
}

/**
 * y ← S·x for the trailing S = A[low:, low:], of which only the lower triangle and the diagonal
 * blocks of the grid are current (dsymv by blocks): each block column below its diagonal block
 * is read twice while it is in cache, once as itself and once transposed.
 */
function symmetricProduct(
  data: Float64Array,
  n: number,
  low: number,
  x: Float64Array,
  xAt: number,
  y: Float64Array,
  yAt: number,
): void {
  y.fill(0, yAt, yAt + n - low);
  for (let start = low; start < n; start = gridEnd(start, n)) {
    const width = gridEnd(start, n) - start;
    const rest = n - start - width;
    const column = start * n;
    const xBlock = xAt + start - low;
    const yBlock = yAt + start - low;
    kernels.gemv(false, width + rest, width, 1, data, start + column, n, x, xBlock, 1, y, yBlock);
    if (rest > 0) {
      const under = start + width + column;
      kernels.gemv(true, rest, width, 1, data, under, n, x, xBlock + width, 1, y, yBlock);
    }
  }
}

/** One reflector and its rank-two update S ← S − v·wᵀ − w·vᵀ as one product of depth 2. */
function reduceColumn(
  data: Float64Array,
  n: number,
  k: number,
  offDiagonal: Float64Array,
  tau: Float64Array,
  pair: Float64Array,
  swapped: Float64Array,
  reflector: Reflector,
): void {
  const start = k + 1 + k * n;
  const size = n - k - 1;
  makeReflector(data, start, size, reflector);
  offDiagonal[k] = reflector.beta;
  tau[k] = reflector.tau;
  if (reflector.tau === 0) return;
  data[start] = 1;
  // p = tau·S·v and w = p − (tau/2)(pᵀv)·v, with v in pair[0:size] and w in pair[size:2·size].
  pair.set(data.subarray(start, start + size), 0);
  const block = k + 1 + (k + 1) * n;
  kernels.gemv(false, size, size, reflector.tau, data, block, n, pair, 0, 0, pair, size);
  const correction = -0.5 * reflector.tau * kernels.dot(size, pair, size, pair, 0);
  kernels.axpy(size, correction, pair, 0, pair, size);
  swapped.set(pair.subarray(size, 2 * size), 0);
  swapped.set(pair.subarray(0, size), size);
  kernels.gemm(false, true, size, size, 2, -1, pair, 0, size, swapped, 0, size, 1, data, block, n);
  data[start] = reflector.beta;
}
