// Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by divide and conquer, as LAPACK
// dstedc/dlaed0–dlaed3: tear T into two halves by a rank-one correction (Cuppen 1981), solve each,
// then merge: deflate the small and close parts, find the other eigenvalues as roots of the
// secular equation (secular-equation.ts), rebuild z from them (Gu & Eisenstat 1995, so the new
// eigenvectors are orthogonal to working precision) and rotate the halves' eigenvectors by one
// matrix product. Golub & Van Loan §8.4.4. Cost: about 4·n³/3 flops, less with deflation.
import type { JobContext } from '../job-context';
import { kernels } from './kernels/kernels';
import { secularRoot } from './secular-equation';
import { tridiagonalQr } from './tridiagonal-qr';
import type { Workspace } from './workspace';

const epsilon = 2 ** -53;
/** Blocks of at most this many rows are diagonalized by QR steps (LAPACK's smlsiz is 25; leaves of
 * 16 to 48 measured within 3% of each other at 512²). */
export const divideLeafSize = 32;

/** Doubles `tridiagonalDivide` takes from its workspace for order n. */
export function tridiagonalDivideDoubles(n: number): number {
  return 2 * n * n + 12 * n + 64;
}

/**
 * Diagonalizes (d, e) of order n: d receives the eigenvalues (in no particular order) and the
 * n×n `vectors` (leading dimension n, zero on entry) the tridiagonal's eigenvectors, column j
 * for d[j]. Scratch comes from `space`, which should hold `vectors` so the products run in SIMD.
 */
export function tridiagonalDivide(
  d: Float64Array,
  e: Float64Array,
  vectors: Float64Array,
  space: Workspace,
  context?: JobContext,
): void {
  const n = d.length;
  const mark = space.mark();
  const merger = new Merger(n, d, e, vectors, space, context);
  // Negligible couplings split T into blocks that are solved apart (as dstedc).
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end =
      i === n - 1 ||
      Math.abs(e[i]) <= epsilon * Math.sqrt(Math.abs(d[i])) * Math.sqrt(Math.abs(d[i + 1]));
    if (!end) continue;
    if (i < n - 1) e[i] = 0;
    merger.solve(start, i + 1 - start);
    start = i + 1;
  }
  space.release(mark);
}

class Merger {
  private readonly z: Float64Array;
  private readonly poles: Float64Array;
  private readonly weights: Float64Array;
  private readonly previous: Float64Array;
  private readonly products: Float64Array;
  private readonly columns: Float64Array;
  private readonly distances: Float64Array;
  private readonly order: Int32Array;
  private readonly kept: Int32Array;
  private readonly dropped: Int32Array;
  private readonly kinds: Int32Array;
  private readonly placed: Int32Array;
  private readonly shift = new Float64Array(1);

  constructor(
    private readonly n: number,
    private readonly d: Float64Array,
    private readonly e: Float64Array,
    private readonly vectors: Float64Array,
    space: Workspace,
    private readonly context: JobContext | undefined,
  ) {
    this.z = space.vector(n);
    this.poles = space.vector(n);
    this.weights = space.vector(n);
    this.previous = space.vector(n);
    this.products = space.vector(n);
    this.columns = space.vector(n * n);
    this.distances = space.vector(n * n);
    this.order = space.integers(n);
    this.kept = space.integers(n);
    this.dropped = space.integers(n);
    this.kinds = space.integers(n);
    this.placed = space.integers(n);
  }

  /** Diagonalizes rows and columns [low, low + size). */
  solve(low: number, size: number): void {
    const { d, e, n } = this;
    if (size <= divideLeafSize) {
      const at = low + low * n;
      for (let i = 0; i < size; i++) this.vectors[at + i + i * n] = 1;
      tridiagonalQr(
        d.subarray(low, low + size),
        e.subarray(low, low + size - 1),
        { data: this.vectors, offset: at, ld: n },
        size,
        this.context,
      );
      return;
    }
    this.context?.checkCancelled();
    // T = diag(T₁, T₂) + ρ·u·uᵀ with u = e_k + sign(β)·e_{k+1}, β the coupling torn out.
    const top = size >> 1;
    const middle = low + top;
    const coupling = e[middle - 1];
    d[middle - 1] -= Math.abs(coupling);
    d[middle] -= Math.abs(coupling);
    this.solve(low, top);
    this.solve(middle, size - top);
    this.merge(low, top, size, coupling);
  }

  private merge(low: number, top: number, size: number, coupling: number): void {
    const { d, n, z, vectors, order, kinds } = this;
    const middle = low + top;
    // z = Qᵀ·u/√2 (unit length), so the update is (2|β|)·z·zᵀ.
    const sign = coupling < 0 ? -1 : 1;
    for (let c = 0; c < size; c++) {
      const column = (low + c) * n;
      z[c] =
        c < top
          ? vectors[column + middle - 1] * Math.SQRT1_2
          : sign * vectors[column + middle] * Math.SQRT1_2;
      kinds[c] = c < top ? kindTop : kindBottom;
      order[c] = c;
    }
    const rho = 2 * Math.abs(coupling);
    const values = d.subarray(low, low + size);
    order.subarray(0, size).sort((a, b) => values[a] - values[b]);

    const kept = this.deflate(low, size, rho);
    if (kept === 0) return;
    this.rebuild(low, top, size, kept, rho);
  }

  /**
   * dlaed2: an entry of z below the tolerance leaves its eigenpair as it is; two poles closer
   * than it are rotated so one of them does. Returns how many remain (in `kept`, ascending).
   */
  private deflate(low: number, size: number, rho: number): number {
    const { d, n, z, vectors, order, kinds, kept, dropped } = this;
    let largestZ = 0;
    let largestD = 0;
    for (let c = 0; c < size; c++) {
      largestZ = Math.max(largestZ, Math.abs(z[c]));
      largestD = Math.max(largestD, Math.abs(d[low + c]));
    }
    const tolerance = 8 * epsilon * Math.max(largestD, largestZ);
    let keptCount = 0;
    let droppedCount = 0;
    if (rho * largestZ <= tolerance) return 0;
    let pending = -1;
    for (let r = 0; r < size; r++) {
      const c = order[r];
      if (rho * Math.abs(z[c]) <= tolerance) {
        dropped[droppedCount++] = c;
        continue;
      }
      if (pending < 0) {
        pending = c;
        continue;
      }
      const length = Math.hypot(z[c], z[pending]);
      const cosine = z[c] / length;
      const sine = -z[pending] / length;
      const gap = d[low + c] - d[low + pending];
      if (Math.abs(gap * cosine * sine) > tolerance) {
        kept[keptCount++] = pending;
        pending = c;
        continue;
      }
      // Rotate the pair so that all of z's weight sits on c; `pending` leaves with its pole.
      z[c] = length;
      z[pending] = 0;
      if (kinds[c] !== kinds[pending]) kinds[c] = kindBoth;
      kernels.rotate(vectors, (low + pending) * n + low, (low + c) * n + low, size, cosine, sine);
      const first = d[low + pending];
      const second = d[low + c];
      d[low + pending] = first * cosine * cosine + second * sine * sine;
      d[low + c] = first * sine * sine + second * cosine * cosine;
      dropped[droppedCount++] = pending;
      pending = c;
    }
    if (pending >= 0) kept[keptCount++] = pending;
    return keptCount;
  }

  /**
   * dlaed3: the kept eigenvalues from the secular equation, z rebuilt from them (Löwner), and
   * the new eigenvectors as the halves' eigenvectors times the secular eigenvectors.
   */
  private rebuild(low: number, top: number, size: number, count: number, rho: number): void {
    const { d, n, z, vectors, kinds, kept, dropped } = this;
    const { poles, weights, previous, columns, distances, placed } = this;
    for (let i = 0; i < count; i++) {
      poles[i] = d[low + kept[i]];
      weights[i] = z[kept[i]];
    }
    for (let c = 0; c < size; c++) previous[c] = d[low + c];
    // Column j of `distances` (count×count) holds pole_i − λ_j.
    for (let j = 0; j < count; j++) {
      const pole = secularRoot(count, poles, weights, rho, j, distances, j * count, this.shift);
      d[low + j] = poles[pole] + this.shift[0];
    }
    // ẑᵢ² = Πⱼ(λⱼ − pᵢ) / Π_{j≠i}(pⱼ − pᵢ) (up to ρ): z rebuilt so the computed λ are exact.
    // Accumulated a column of distances at a time, in order in memory.
    const products = this.products;
    for (let i = 0; i < count; i++) products[i] = distances[i + i * count];
    for (let j = 0; j < count; j++) {
      const at = j * count;
      const pole = poles[j];
      for (let i = 0; i < count; i++) {
        if (i !== j) products[i] *= distances[at + i] / (poles[i] - pole);
      }
    }
    for (let i = 0; i < count; i++) {
      const magnitude = Math.sqrt(Math.max(-products[i], 0));
      weights[i] = weights[i] < 0 ? -magnitude : magnitude;
    }
    // The kept columns, grouped as top-only, both halves, bottom-only (dlaed3's layout), then
    // the dropped columns after them.
    let position = 0;
    for (const kind of [kindTop, kindBoth, kindBottom]) {
      for (let i = 0; i < count; i++) if (kinds[kept[i]] === kind) placed[position++] = i;
    }
    const topCount = countKind(kinds, kept, count, kindTop);
    const bottomCount = countKind(kinds, kept, count, kindBottom);
    for (let p = 0; p < count; p++) {
      columns.set(
        vectors.subarray(
          (low + kept[placed[p]]) * n + low,
          (low + kept[placed[p]]) * n + low + size,
        ),
        p * size,
      );
    }
    for (let r = 0; r < size - count; r++) {
      const source = (low + dropped[r]) * n + low;
      columns.set(vectors.subarray(source, source + size), (count + r) * size);
      d[low + count + r] = previous[dropped[r]];
    }
    // Secular eigenvector j, uᵢ = ẑᵢ/(pᵢ − λⱼ) normalized, stored over its distances column with
    // its rows in the grouped order.
    const column = this.poles;
    for (let j = 0; j < count; j++) {
      const at = j * count;
      let squares = 0;
      for (let i = 0; i < count; i++) {
        const entry = weights[i] / distances[at + i];
        column[i] = entry;
        squares += entry * entry;
      }
      const scale = 1 / Math.sqrt(squares);
      for (let p = 0; p < count; p++) distances[at + p] = column[placed[p]] * scale;
    }
    const bottomRows = size - top;
    const topDepth = count - bottomCount;
    const at = low + low * n;
    // A product of depth 0 still sets its block to zero (beta = 0).
    kernels.gemm(
      false,
      false,
      top,
      count,
      topDepth,
      1,
      columns,
      0,
      size,
      distances,
      0,
      count,
      0,
      vectors,
      at,
      n,
    );
    const bottomAt = top + topCount * size;
    kernels.gemm(
      false,
      false,
      bottomRows,
      count,
      count - topCount,
      1,
      columns,
      bottomAt,
      size,
      distances,
      topCount,
      count,
      0,
      vectors,
      at + top,
      n,
    );
    for (let r = 0; r < size - count; r++) {
      const target = (low + count + r) * n + low;
      vectors.set(columns.subarray((count + r) * size, (count + r + 1) * size), target);
    }
  }
}

const kindTop = 1;
const kindBoth = 2;
const kindBottom = 3;

function countKind(kinds: Int32Array, kept: Int32Array, count: number, kind: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) if (kinds[kept[i]] === kind) total++;
  return total;
}
