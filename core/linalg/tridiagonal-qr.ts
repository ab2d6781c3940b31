// Eigenvalues (and optionally eigenvectors) of a symmetric tridiagonal matrix by implicit QR steps
// with Wilkinson shifts (Golub & Van Loan §8.3, Algorithm 8.3.3). Cost: about 30·n² flops for
// values, about 6·n²·m more to rotate m-row vectors. Used alone for values and for small problems,
// and by the divide and conquer (tridiagonal-divide.ts) for its leaves.
import type { JobContext } from '../job-context';
import { batchSweeps } from './bidiagonal-svd';
import type { Block } from './block-reflector';
import { kernels } from './kernels/kernels';
import { plainWorkspace, workspaceOf } from './workspace';

const epsilon = 2 ** -53;
/** Couplings below the smallest normal number count as zero (they would never pass the relative test in subnormal arithmetic). */
const smallestNormal = 2 ** -1022;
/** Lengths above this were computed from normal squares. */
const tinyLength = 2 ** -480;

/**
 * Diagonalizes (d, e) in place, d receiving the eigenvalues (in no particular order). With
 * `vectors`, the n columns of the `rows`-row block are rotated along (start from the identity for
 * the tridiagonal's own eigenvectors). The rotations of up to 16 steps are queued and applied
 * together (each block of rows stays in cache across them), in the order they were made.
 */
export function tridiagonalQr(
  d: Float64Array,
  e: Float64Array,
  vectors: Block | undefined,
  rows: number,
  context: JobContext | undefined,
): void {
  const n = d.length;
  const space = workspaceOf(vectors?.data) ?? plainWorkspace;
  const mark = space.mark();
  const batch = vectors ? batchSweeps : 1;
  const cosines = space.vector(batch * n);
  const sines = space.vector(batch * n);
  const firsts = space.integers(batch);
  const counts = space.integers(batch);
  const offsets = space.integers(batch);
  // The sweeps address the block's columns from its first entry.
  const target = vectors && vectors.data.subarray(vectors.offset);
  let queued = 0;
  let used = 0;
  const flush = (): void => {
    if (target && queued > 0) {
      kernels.rotationSweeps(
        target,
        rows,
        vectors.ld,
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
      const negligible = epsilon * (Math.abs(d[i]) + Math.abs(d[i + 1])) + smallestNormal;
      if (Math.abs(e[i]) <= negligible) e[i] = 0;
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
    const root = length(delta, b);
    const shift = d[bottom] - b * (b / (delta + (delta >= 0 ? root : -root)));
    let x = d[top] - shift;
    let z = e[top];
    for (let k = top; k < bottom; k++) {
      const radius = length(x, z);
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
    if (vectors) {
      firsts[queued] = top;
      counts[queued] = bottom - top;
      offsets[queued] = used;
      queued++;
      used += bottom - top;
      if (queued === batch) flush();
    }
  }
  flush();
  space.release(mark);
}

/** √(x² + y²), rescaled where the squares would underflow (deep in a graded spectrum). */
function length(x: number, y: number): number {
  const plain = Math.sqrt(x * x + y * y);
  return plain >= tinyLength ? plain : Math.hypot(x, y);
}
