// Singular values of an upper bidiagonal matrix by the differential quotient–difference algorithm
// with shifts (dqds: Fernando & Parlett 1994; Parlett & Marques 2000; LAPACK dlasq1–dlasq6): the
// squares of the entries are transformed, never the entries, every step is mixed stable, and all
// singular values come out with high relative accuracy. Cost: about 8·n² flops and no square roots
// in the inner loop — several times faster than implicit QR for values only.
import { bidiagonalSvd } from './bidiagonal-svd';
import type { JobContext } from '../job-context';

const epsilon = 2 ** -53;
const tolerance = 100 * epsilon;
const tolerance2 = tolerance * tolerance;

/**
 * Replaces d (length n) by the singular values of the upper bidiagonal matrix with diagonal d and
 * superdiagonal e (length n − 1), descending; e is destroyed. Falls back to implicit QR
 * (bidiagonal-svd.ts) where dqds cannot start (an exact zero on the diagonal) or does not settle.
 */
export function bidiagonalSingularValues(
  d: Float64Array,
  e: Float64Array,
  context?: JobContext,
): void {
  const n = d.length;
  if (n === 0) return;
  const originalD = d.slice();
  const originalE = e.slice();
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(d[i]));
  for (let i = 0; i < n - 1; i++) largest = Math.max(largest, Math.abs(e[i]));
  if (largest === 0) {
    d.fill(0);
    return;
  }
  // Scale by a power of two (exact) so the largest entry is near 1: squares and their products
  // stay finite, and squares of entries above 2^-500 stay normal (smaller ones go to implicit QR).
  const exponent = -Math.round(Math.log2(largest));
  const scale = 2 ** exponent;
  const q = new Float64Array(n);
  const f = new Float64Array(Math.max(n - 1, 1));
  for (let i = 0; i < n; i++) q[i] = (d[i] * scale) ** 2;
  for (let i = 0; i < n - 1; i++) f[i] = (e[i] * scale) ** 2;
  let startable = true;
  for (let i = 0; i < n; i++) if (!(q[i] > 2 ** -1000)) startable = false;
  const eigenvalues = startable ? dqds(q, f, n, context) : undefined;
  if (!eigenvalues) {
    d.set(originalD);
    e.set(originalE);
    bidiagonalSvd(d, e, undefined, undefined, context);
    return;
  }
  for (let i = 0; i < n; i++) d[i] = Math.sqrt(eigenvalues[i]) / scale;
  d.sort();
  d.reverse();
}

/** What the last transform saw: the smallest d, the smallest before the last one or two, the last three. */
interface TransformResult {
  dmin: number;
  dmin1: number;
  dmin2: number;
  dn: number;
  dn1: number;
  dn2: number;
}

/**
 * One dqds transform with shift tau of rows [top, bottom] of (q, e) into (qq, ee). Returns false
 * when a d turned negative or not finite (the shift passed the smallest eigenvalue).
 */
function transform(
  q: Float64Array,
  e: Float64Array,
  qq: Float64Array,
  ee: Float64Array,
  top: number,
  bottom: number,
  tau: number,
  out: TransformResult,
): boolean {
  let d = q[top] - tau;
  let dmin = d;
  let beforeLast = Infinity;
  let beforeLast2 = Infinity;
  let dn1 = d;
  let dn2 = d;
  for (let i = top; i < bottom; i++) {
    beforeLast2 = beforeLast;
    if (d < beforeLast) beforeLast = d;
    const sum = d + e[i];
    qq[i] = sum;
    const ratio = q[i + 1] / sum;
    ee[i] = e[i] * ratio;
    dn2 = dn1;
    dn1 = d;
    d = d * ratio - tau;
    if (d < dmin) dmin = d;
  }
  qq[bottom] = d;
  out.dmin = dmin;
  out.dmin1 = beforeLast === Infinity ? dmin : beforeLast;
  out.dmin2 = beforeLast2 === Infinity ? out.dmin1 : beforeLast2;
  out.dn = d;
  out.dn1 = dn1;
  out.dn2 = dn2;
  return dmin >= 0 && Number.isFinite(dmin);
}

/** λ₁ ≥ λ₂ of the 2×2 qd block [q1, e1, q2] (eigenvalues of B·Bᵀ), stably. */
function pair(q1: number, e1: number, q2: number): [number, number] {
  const half = (q1 + e1 - q2) / 2;
  const root = Math.sqrt(half * half + e1 * q2);
  const larger = q2 + half + root;
  const smaller = larger > 0 ? q1 * (q2 / larger) : 0;
  return [larger, smaller];
}

/**
 * The shift for the next transform, from the last one (after LAPACK dlasq4's main cases): near a
 * converging bottom, d_n less a bound on its distance to the smallest eigenvalue; otherwise a
 * fraction of the smallest d, growing while nothing converges.
 */
function chooseShift(
  q: Float64Array,
  e: Float64Array,
  top: number,
  bottom: number,
  last: TransformResult,
  deflated: number,
  state: { fraction: number },
): number {
  if (deflated === 1) return 0.25 * last.dmin1;
  if (deflated === 2) return 0.25 * last.dmin2;
  if (deflated > 2) return 0;
  const { dmin, dmin1, dmin2, dn, dn1 } = last;
  if (bottom - top >= 2 && dmin === dn && dmin1 === dn1) {
    state.fraction = 0.25;
    const b1 = Math.sqrt(q[bottom]) * Math.sqrt(e[bottom - 1]);
    const b2 = Math.sqrt(q[bottom - 1]) * Math.sqrt(e[bottom - 2]);
    const a2 = q[bottom - 1] + e[bottom - 1];
    const gap2 = 0.75 * dmin2 - a2;
    const gap1 = gap2 > 0 && gap2 > b2 ? a2 - dn - (b2 / gap2) * b2 : a2 - dn - (b1 + b2);
    if (gap1 > 0 && gap1 > b1) return Math.max(dn - (b1 / gap1) * b1, 0.5 * dmin);
    let shift = dn > b1 ? dn - b1 : 0;
    if (a2 > b1 + b2) shift = Math.min(shift, a2 - (b1 + b2));
    return Math.max(shift, dmin / 3);
  }
  if (dmin === dn || dmin === dn1) {
    state.fraction = 0.25;
    return 0.25 * dmin;
  }
  // Nothing to go by at the bottom: a growing fraction of the smallest d.
  const shift = state.fraction * dmin;
  state.fraction += (1 - state.fraction) / 3;
  return shift;
}

interface QdArrays {
  q: Float64Array;
  e: Float64Array;
}

/**
 * dqds on q (squares of the diagonal, all positive) and e (squares of the superdiagonal): the
 * eigenvalues of B·Bᵀ (unsorted), or undefined if they did not settle.
 */
function dqds(
  q: Float64Array,
  e: Float64Array,
  n: number,
  context: JobContext | undefined,
): Float64Array | undefined {
  let current: QdArrays = { q, e };
  let other: QdArrays = { q: new Float64Array(n), e: new Float64Array(Math.max(n - 1, 1)) };
  const eigenvalues = new Float64Array(n);
  let found = 0;
  const last: TransformResult = { dmin: 0, dmin1: 0, dmin2: 0, dn: 0, dn1: 0, dn2: 0 };
  const state = { fraction: 0.25 };
  let iterations = 0;
  const maxIterations = 30 * n + 100;
  let bottom = n - 1;
  while (bottom >= 0) {
    // A new segment ends at the bottom: from its top up the rows have seen no shift yet.
    const start = current;
    let top = bottom;
    while (
      top > 0 &&
      current.e[top - 1] > tolerance2 * Math.min(current.q[top - 1], current.q[top])
    ) {
      top--;
    }
    if (top > 0) current.e[top - 1] = 0;
    let sigma = 0;
    let deflated = 3;
    state.fraction = 0.25;
    while (bottom >= top) {
      const { q: z, e: f } = current;
      if (bottom === top) {
        eigenvalues[found++] = z[bottom] + sigma;
        bottom--;
        deflated++;
        continue;
      }
      if (f[bottom - 1] <= tolerance2 * (sigma + z[bottom])) {
        eigenvalues[found++] = z[bottom] + sigma;
        bottom--;
        deflated++;
        continue;
      }
      if (bottom - top === 1 || f[bottom - 2] <= tolerance2 * (sigma + z[bottom - 1])) {
        const [larger, smaller] = pair(z[bottom - 1], f[bottom - 1], z[bottom]);
        eigenvalues[found++] = larger + sigma;
        eigenvalues[found++] = smaller + sigma;
        bottom -= 2;
        deflated += 2;
        continue;
      }
      if (deflated > 0 && 1.5 * z[top] < z[bottom]) {
        // The larger values at the bottom would converge slowly there: reverse (as dlasq3).
        z.subarray(top, bottom + 1).reverse();
        f.subarray(top, bottom).reverse();
        deflated = 3;
      }
      if (++iterations > maxIterations) return undefined;
      if (context && (iterations & 255) === 0) context.checkCancelled();
      let tau = chooseShift(z, f, top, bottom, last, deflated, state);
      for (let failures = 0; ; failures++) {
        if (transform(z, f, other.q, other.e, top, bottom, tau, last)) break;
        if (tau === 0 || failures >= 3) return undefined;
        // Past the smallest eigenvalue: failing only at the last row says by how much.
        tau = failures === 2 ? 0 : last.dmin1 > 0 ? (tau + last.dmin) * (1 - 2 * epsilon) : tau / 4;
        if (!(tau > 0)) tau = 0;
      }
      sigma += tau;
      [current, other] = [other, current];
      deflated = 0;
    }
    if (current !== start && top > 0) {
      // Rows above the segment were never transformed: they are still in the other array.
      current.q.set(start.q.subarray(0, top));
      current.e.set(start.e.subarray(0, top));
    }
  }
  for (let i = 0; i < n; i++)
    if (!(eigenvalues[i] >= 0 && eigenvalues[i] < Infinity)) return undefined;
  return eigenvalues;
}
