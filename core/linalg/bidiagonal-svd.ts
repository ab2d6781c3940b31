// Singular values (and optionally vectors) of an upper bidiagonal matrix by implicit-shift QR with
// Demmel–Kahan zero-shift sweeps for high relative accuracy, as LAPACK dbdsqr (Demmel & Kahan 1990;
// Golub & Van Loan §8.6.2). Cost: O(n²) for values, about 12·n²·(m+n) more flops with vectors.
import type { JobContext } from '../job-context';
import { kernels } from './kernels/kernels';
import type { Matrix } from './matrix';
import { plainWorkspace, workspaceOf } from './workspace';

const epsilon = 2 ** -53;
const underflow = 2.2250738585072014e-308;
/** Below this, f² + g² has lost digits to gradual underflow. */
const smallestSafeSquare = underflow / epsilon;
/** Sweeps queued before their rotations are applied to the singular vectors. */
export const batchSweeps = 16;

// Results of the last `givens` call; module variables so the sweeps allocate nothing.
let rotationCos = 1;
let rotationSin = 0;
let rotationRadius = 0;

/** The rotation [c s; −s c] with c·f + s·g = r and −s·f + c·g = 0 (LAPACK dlartg). */
function givens(f: number, g: number): void {
  if (g === 0) {
    rotationCos = 1;
    rotationSin = 0;
    rotationRadius = f;
  } else if (f === 0) {
    rotationCos = 0;
    rotationSin = 1;
    rotationRadius = g;
  } else {
    // Inputs are scaled to a safe range by the caller, so f² + g² cannot overflow; it can
    // underflow for a graded matrix's tiny entries, where the slower exact hypot takes over.
    const squares = f * f + g * g;
    const radius = squares > smallestSafeSquare ? Math.sqrt(squares) : Math.hypot(f, g);
    const r = f < 0 ? -radius : radius;
    rotationCos = f / r;
    rotationSin = g / r;
    rotationRadius = r;
  }
}

/** Smaller singular value of the 2×2 upper triangular [f g; 0 h] (LAPACK dlas2). */
export function smallerSingularValue2x2(f: number, g: number, h: number): number {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const smallest = Math.min(fa, ha);
  const largest = Math.max(fa, ha);
  if (smallest === 0) return 0;
  if (ga < largest) {
    const as = 1 + smallest / largest;
    const at = (largest - smallest) / largest;
    const au = (ga / largest) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return smallest * c;
  }
  const au = largest / ga;
  if (au === 0) return (smallest * largest) / ga;
  const as = 1 + smallest / largest;
  const at = (largest - smallest) / largest;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  return 2 * (smallest * c * au);
}

/**
 * Diagonalizes the n×n upper bidiagonal matrix (d on the diagonal, e above it) in place: on
 * return d holds the singular values, nonnegative and descending. Each rotation applied on the
 * right is also applied to the columns of `right` (n-row or any-row matrix with ≥ n columns) and
 * each left rotation to the columns of `left`, so U·B·Vᵀ = (U·Ub)·Σ·(V·Vb)ᵀ.
 */
export function bidiagonalSvd(
  d: Float64Array,
  e: Float64Array,
  left?: Matrix,
  right?: Matrix,
  context?: JobContext,
): void {
  const n = d.length;
  if (n > 1 && Math.abs(d[n - 1]) > Math.abs(d[0])) {
    // Graded upwards: chasing top to bottom would lose the small values' relative accuracy
    // (dbdsqr chases bottom to top here). Equivalently, diagonalize B' = J·Bᵀ·J, which is upper
    // bidiagonal with d and e reversed; since B = J·B'ᵀ·J, the two sides swap and reverse.
    d.reverse();
    e.reverse();
    if (left) reverseColumns(left, n);
    if (right) reverseColumns(right, n);
    diagonalize(d, e, right, left, context);
  } else if (n > 1) {
    diagonalize(d, e, left, right, context);
  }
  finish(d, left, right);
}

function reverseColumns(matrix: Matrix, count: number): void {
  for (let i = 0, j = count - 1; i < j; i++, j--) swapColumns(matrix, i, j);
}

function diagonalize(
  d: Float64Array,
  e: Float64Array,
  left: Matrix | undefined,
  right: Matrix | undefined,
  context: JobContext | undefined,
): void {
  const n = d.length;
  const tolerance = Math.max(10, Math.min(100, epsilon ** -0.125)) * epsilon;
  // Rotations are queued and applied to the vectors a batch of sweeps at a time (see flush).
  const vectors = left !== undefined || right !== undefined;
  const batch = vectors ? batchSweeps : 1;
  // Beside the vectors, in their workspace, so the WebAssembly sweeps run in place.
  const space = workspaceOf(left?.data ?? right?.data) ?? plainWorkspace;
  const leftCos = space.vector(batch * n);
  const leftSin = space.vector(batch * n);
  const rightCos = space.vector(batch * n);
  const rightSin = space.vector(batch * n);
  const firsts = space.integers(batch);
  const counts = space.integers(batch);
  const offsets = space.integers(batch);
  let queued = 0;
  let used = 0;
  const flush = (): void => {
    if (right)
      kernels.rotationSweeps(
        right.data,
        right.rows,
        right.rows,
        queued,
        firsts,
        counts,
        offsets,
        rightCos,
        rightSin,
      );
    if (left)
      kernels.rotationSweeps(
        left.data,
        left.rows,
        left.rows,
        queued,
        firsts,
        counts,
        offsets,
        leftCos,
        leftSin,
      );
    queued = 0;
    used = 0;
  };

  // Threshold below which an off-diagonal entry is set to zero: tolerance times an estimate of
  // the smallest singular value, so small singular values keep their relative accuracy.
  let smallestEstimate = Math.abs(d[0]);
  if (smallestEstimate !== 0) {
    let mu = smallestEstimate;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      smallestEstimate = Math.min(smallestEstimate, mu);
      if (smallestEstimate === 0) break;
    }
  }
  smallestEstimate /= Math.sqrt(n);
  const threshold = Math.max(tolerance * smallestEstimate, 6 * n * n * underflow);

  const maxIterations = 6 * n * n;
  let iterations = 0;
  let sweeps = 0;
  let bottom = n - 1;

  main: while (bottom > 0) {
    if (iterations > maxIterations) {
      throw new Error(`bidiagonal SVD did not converge after ${iterations} inner steps`);
    }
    if (context && (++sweeps & 63) === 0) context.checkCancelled();

    // Find the unreduced block [top, bottom] ending at the bottom.
    let blockMax = Math.abs(d[bottom]);
    let top = 0;
    for (let l = bottom - 1; l >= 0; l--) {
      const absE = Math.abs(e[l]);
      if (absE <= threshold) {
        e[l] = 0;
        if (l === bottom - 1) {
          bottom--;
          continue main;
        }
        top = l + 1;
        break;
      }
      blockMax = Math.max(blockMax, Math.abs(d[l]), absE);
    }

    // Convergence tests that keep relative accuracy (dbdsqr, chasing top to bottom).
    if (Math.abs(e[bottom - 1]) <= tolerance * Math.abs(d[bottom])) {
      e[bottom - 1] = 0;
      continue;
    }
    let mu = Math.abs(d[top]);
    let smallest = mu;
    for (let l = top; l < bottom; l++) {
      if (Math.abs(e[l]) <= tolerance * mu) {
        e[l] = 0;
        continue main;
      }
      mu = Math.abs(d[l + 1]) * (mu / (mu + Math.abs(e[l])));
      smallest = Math.min(smallest, mu);
    }

    // Shift: zero when it would destroy relative accuracy of the smallest singular value.
    let shift = 0;
    if (n * tolerance * (smallest / blockMax) > Math.max(epsilon, 0.01 * tolerance)) {
      const topAbs = Math.abs(d[top]);
      shift = smallerSingularValue2x2(d[bottom - 1], e[bottom - 1], d[bottom]);
      if (topAbs > 0 && (shift / topAbs) ** 2 < epsilon) shift = 0;
    }
    iterations += bottom - top;
    const count = bottom - top;
    if (vectors && used + count > batch * n) flush();
    const base = used - top;

    if (shift === 0) {
      // Demmel–Kahan zero-shift QR sweep: every entry is computed with high relative accuracy.
      let cs = 1;
      let oldCs = 1;
      let oldSn = 0;
      for (let i = top; i < bottom; i++) {
        givens(d[i] * cs, e[i]);
        cs = rotationCos;
        const sn = rotationSin;
        const r = rotationRadius;
        if (i > top) e[i - 1] = oldSn * r;
        givens(oldCs * r, d[i + 1] * sn);
        oldCs = rotationCos;
        oldSn = rotationSin;
        d[i] = rotationRadius;
        rightCos[base + i] = cs;
        rightSin[base + i] = sn;
        leftCos[base + i] = oldCs;
        leftSin[base + i] = oldSn;
      }
      const h = d[bottom] * cs;
      d[bottom] = h * oldCs;
      e[bottom - 1] = h * oldSn;
    } else {
      // Implicit shifted QR sweep chasing the bulge from top to bottom.
      let f = (Math.abs(d[top]) - shift) * ((d[top] >= 0 ? 1 : -1) + shift / d[top]);
      let g = e[top];
      for (let i = top; i < bottom; i++) {
        givens(f, g);
        const cosR = rotationCos;
        const sinR = rotationSin;
        if (i > top) e[i - 1] = rotationRadius;
        f = cosR * d[i] + sinR * e[i];
        e[i] = cosR * e[i] - sinR * d[i];
        g = sinR * d[i + 1];
        d[i + 1] = cosR * d[i + 1];
        givens(f, g);
        const cosL = rotationCos;
        const sinL = rotationSin;
        d[i] = rotationRadius;
        f = cosL * e[i] + sinL * d[i + 1];
        d[i + 1] = cosL * d[i + 1] - sinL * e[i];
        if (i < bottom - 1) {
          g = sinL * e[i + 1];
          e[i + 1] = cosL * e[i + 1];
        }
        rightCos[base + i] = cosR;
        rightSin[base + i] = sinR;
        leftCos[base + i] = cosL;
        leftSin[base + i] = sinL;
      }
      e[bottom - 1] = f;
    }
    if (vectors) {
      firsts[queued] = top;
      counts[queued] = count;
      offsets[queued] = used;
      queued++;
      used += count;
      if (queued === batch) flush();
    }
    if (Math.abs(e[bottom - 1]) <= threshold) e[bottom - 1] = 0;
  }
  if (queued > 0) flush();
}

/** Makes the singular values nonnegative and sorts them descending, permuting the vectors along. */
function finish(d: Float64Array, left: Matrix | undefined, right: Matrix | undefined): void {
  const n = d.length;
  for (let i = 0; i < n; i++) {
    if (d[i] < 0 || Object.is(d[i], -0)) {
      d[i] = -d[i];
      if (right) {
        const offset = i * right.rows;
        for (let r = 0; r < right.rows; r++) right.data[offset + r] = -right.data[offset + r];
      }
    }
  }
  for (let i = 0; i < n - 1; i++) {
    let best = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[best]) best = j;
    if (best === i) continue;
    const t = d[i];
    d[i] = d[best];
    d[best] = t;
    if (left) swapColumns(left, i, best);
    if (right) swapColumns(right, i, best);
  }
}

export function swapColumns(matrix: Matrix, i: number, j: number): void {
  const rows = matrix.rows;
  const data = matrix.data;
  for (let r = 0; r < rows; r++) {
    const t = data[r + i * rows];
    data[r + i * rows] = data[r + j * rows];
    data[r + j * rows] = t;
  }
}
