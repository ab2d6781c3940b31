// Singular values and vectors of an upper bidiagonal matrix by divide and conquer, as LAPACK
// dbdsdc/dlasd0–dlasd4 (Jessup & Sorensen 1994; Gu & Eisenstat 1995): split off a middle row,
// solve the halves, and merge through the secular equation of the arrow matrix left between them,
// with deflation and Gu–Eisenstat's recomputed z so the vectors stay orthogonal. Small blocks go to
// implicit QR (bidiagonal-svd.ts). Cost: about (8/3)·n³ flops at gemm speed, less after deflation.
import type { JobContext } from '../job-context';
import { bidiagonalSvd } from './bidiagonal-svd';
import { kernels } from './kernels/kernels';
import type { Matrix } from './matrix';
import { scaleByPowerOfTwo } from './norms';
import { plainWorkspace, workspaceOf, type Workspace } from './workspace';

const epsilon = 2 ** -53;
/** Blocks of at most this many rows are solved by implicit QR (LAPACK's smlsiz is 25). */
export const divideLeafSize = 32;
/** Below this order the whole problem goes to implicit QR, which is faster there (measured). */
export const divideCrossover = 128;

/** Doubles bidiagonalDivide takes from the workspace of its output for an n×n bidiagonal. */
export function bidiagonalDivideScratchDoubles(n: number): number {
  // The merge's two packed blocks and its secular differences, with a few vectors (or the
  // final sort's copy, n², when that is more).
  return 3 * (n + 1) * (n + 1) + 16 * (n + 2) + 256;
}

/**
 * Diagonalizes the n×n upper bidiagonal matrix (d on the diagonal, e above it), B = Ub·Σ·Vbᵀ: on
 * return d holds the singular values, descending, and the top n×n blocks of `left` and `right`
 * (zero on entry, leading dimension their row counts) hold Ub and Vb.
 */
export function bidiagonalDivide(
  d: Float64Array,
  e: Float64Array,
  left: Matrix,
  right: Matrix,
  context?: JobContext,
): void {
  const n = d.length;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(d[i]), Math.abs(e[i] ?? 0));
  if (largest === 0) {
    for (let j = 0; j < n; j++) {
      left.data[j + j * left.rows] = 1;
      right.data[j + j * right.rows] = 1;
    }
    return;
  }
  // Scaled by a power of two (exact) to largest entry about 1, so the squares in the secular
  // equation neither overflow nor underflow (dbdsdc scales likewise).
  const exponent = Math.round(Math.log2(largest));
  const scaled = e.slice(0, n - 1);
  scaleByPowerOfTwo(d, -exponent);
  scaleByPowerOfTwo(scaled, -exponent);
  const space = workspaceOf(left.data) ?? plainWorkspace;
  const mark = space.mark();
  const solver = new DivideAndConquer(d, scaled, left, right, space, context);
  solver.solve(0, n, 0);
  scaleByPowerOfTwo(d, exponent);
  // Descending order, the vectors permuted along.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j] - d[i]);
  const values = Float64Array.from(order, (i) => d[i]);
  d.set(values);
  if (order.every((i, j) => i === j)) {
    space.release(mark);
    return;
  }
  const copy = space.vector(n * n);
  for (const factor of [left, right]) {
    const ld = factor.rows;
    for (let j = 0; j < n; j++) copy.set(factor.data.subarray(j * ld, j * ld + n), j * n);
    for (let j = 0; j < n; j++) {
      factor.data.set(copy.subarray(order[j] * n, order[j] * n + n), j * ld);
    }
  }
  space.release(mark);
}

/** Row groups a gathered column touches: the upper child's rows (with the middle row), the lower's. */
const upper = 1;
const lower = 2;

class DivideAndConquer {
  constructor(
    private readonly d: Float64Array,
    private readonly e: Float64Array,
    private readonly u: Matrix,
    private readonly v: Matrix,
    private readonly space: Workspace,
    private readonly context: JobContext | undefined,
  ) {}

  /**
   * Rows start … start+size−1 of B, with size + extra columns (extra = 1: the block is
   * size×(size+1), its last column's entry e[start+size−1]). Leaves its values in d[start…] and
   * its vectors in the diagonal blocks of U (size²) and V ((size+extra)²) at (start, start); for
   * extra = 1, V's last column spans the block's null space.
   */
  solve(start: number, size: number, extra: number): void {
    if (size <= divideLeafSize) {
      this.leaf(start, size, extra);
      return;
    }
    const upperSize = Math.floor(size / 2);
    this.solve(start, upperSize, 1);
    this.solve(start + upperSize + 1, size - upperSize - 1, extra);
    this.context?.checkCancelled();
    this.merge(start, size, upperSize, extra);
  }

  private leaf(start: number, size: number, extra: number): void {
    const columns = size + extra;
    const d = this.d.slice(start, start + size);
    const e = this.e.slice(start, start + size - 1);
    const left = identity(size);
    const right = identity(columns);
    if (extra === 1) {
      // Rotations from the right fold the last column's entry into the square part: B·G = [B' 0].
      let f = this.e[start + size - 1];
      for (let i = size - 1; i >= 0 && f !== 0; i--) {
        const r = Math.hypot(d[i], f);
        const c = d[i] / r;
        const s = f / r;
        d[i] = r;
        kernels.rotate(right.data, i * columns, size * columns, columns, c, s);
        if (i > 0) {
          f = -s * e[i - 1];
          e[i - 1] *= c;
        }
      }
    }
    bidiagonalSvd(d, e, left, right);
    this.d.set(d, start);
    const { u, v } = this;
    const n = u.rows;
    const ldV = v.rows;
    for (let j = 0; j < size; j++) {
      u.data.set(left.data.subarray(j * size, (j + 1) * size), start + (start + j) * n);
    }
    for (let j = 0; j < columns; j++) {
      v.data.set(right.data.subarray(j * columns, (j + 1) * columns), start + (start + j) * ldV);
    }
  }

  /**
   * Merges the solved children around middle row k = upperSize: in the children's bases B is the
   * arrow matrix M = e₀·zᵀ + diag(δ) with δ₀ = 0 (dlasd1–dlasd3), whose SVD is found by the secular
   * equation after deflating the negligible z and the (nearly) equal δ. Scratch: the children's
   * vectors gathered (2·size²) and the secular differences (count²), which become the arrow's left
   * vectors; its right vectors wait in U's block, free once gathered, until V is multiplied.
   */
  private merge(start: number, size: number, upperSize: number, extra: number): void {
    const { d, u, v, space } = this;
    const k = upperSize;
    const columns = size + extra;
    const mark = space.mark();
    const alpha = d[start + k];
    const beta = this.e[start + k];
    // Entry (i, j) of the block in U, or in V.
    const atU = (i: number, j: number): number => start + i + (start + j) * u.rows;
    const at = (i: number, j: number): number => start + i + (start + j) * v.rows;

    // The arrow: δ, z, and which rows of the block each index's vectors touch. Index j stands for
    // block column j − 1 (upper child) or j (lower child); index 0 for the middle row and the two
    // children's null vectors, combined by one rotation into its column and the block's new null.
    const delta = space.vector(size);
    const z = space.vector(size);
    const uTouch = space.integers(size);
    const vTouch = space.integers(size);
    const nullUpper = v.data[at(k, k)];
    const nullLower = extra === 1 ? v.data[at(k + 1, size)] : 0;
    const radius = Math.hypot(alpha * nullUpper, beta * nullLower);
    const c = radius === 0 ? 1 : (alpha * nullUpper) / radius;
    const s = radius === 0 ? 0 : (beta * nullLower) / radius;
    z[0] = radius;
    uTouch[0] = upper;
    vTouch[0] = extra === 1 ? upper | lower : upper;
    for (let j = 1; j < size; j++) {
      const column = j <= k ? j - 1 : j;
      delta[j] = d[start + column];
      z[j] = j <= k ? alpha * v.data[at(k, column)] : beta * v.data[at(k + 1, column)];
      uTouch[j] = vTouch[j] = j <= k ? upper : lower;
    }

    // The arrow scaled to largest entry about 1 by a power of two (exact), as dlasd1, so its
    // squares stay in range even deep in a graded matrix; an all-zero block keeps the whole
    // matrix's scale (about 1) for its tolerance.
    const blockScale = Math.max(Math.abs(alpha), Math.abs(beta), maxAbs(delta));
    const exponent = blockScale === 0 ? 0 : Math.round(Math.log2(blockScale));
    scaleByPowerOfTwo(delta, -exponent);
    scaleByPowerOfTwo(z, -exponent);
    // Deflation (dlasd2): tiny z, δ near zero, and δ's closer than the tolerance. The rotations
    // are recorded and applied to the vectors once they are gathered.
    const tolerance = 8 * epsilon * (blockScale === 0 ? 1 : Math.max(maxAbs(delta), maxAbs(z)));
    const sorted = Array.from({ length: size - 1 }, (_, i) => i + 1).sort(
      (i, j) => delta[i] - delta[j],
    );
    if (Math.abs(z[0]) <= tolerance) z[0] = tolerance;
    const kept = [0];
    const deflated: number[] = [];
    const rotations: Rotation[] = [];
    for (const j of sorted) {
      if (Math.abs(z[j]) <= tolerance) {
        deflated.push(j);
        continue;
      }
      if (delta[j] <= tolerance) {
        // Column j of M is then z_j·e₀ like column 0: a rotation of V's columns leaves value 0.
        const r = Math.hypot(z[0], z[j]);
        rotations.push({ first: 0, second: j, c: z[0] / r, s: z[j] / r, left: false });
        z[0] = r;
        z[j] = 0;
        delta[j] = 0;
        vTouch[0] = vTouch[j] = vTouch[0] | vTouch[j];
        deflated.push(j);
        continue;
      }
      const previous = kept[kept.length - 1];
      if (previous > 0 && delta[j] - delta[previous] <= tolerance) {
        // Equal δ: one rotation on both sides moves all of z into index j.
        const r = Math.hypot(z[previous], z[j]);
        rotations.push({ first: j, second: previous, c: z[j] / r, s: z[previous] / r, left: true });
        z[j] = r;
        z[previous] = 0;
        uTouch[previous] = uTouch[j] = uTouch[previous] | uTouch[j];
        vTouch[previous] = vTouch[j] = vTouch[previous] | vTouch[j];
        kept[kept.length - 1] = j;
        deflated.push(previous);
        continue;
      }
      kept.push(j);
    }
    // Deflated values descending after the roots, so that without deflation all come out sorted.
    deflated.sort((i, j) => delta[j] - delta[i]);
    const count = kept.length;

    // Kept columns grouped by the rows they touch (upper only, both, lower only), so each half
    // of the product skips the zero blocks (dlasd3's column types); deflated ones after them.
    const uGroups = groupedOrder(kept, uTouch, deflated);
    const vGroups = groupedOrder(kept, vTouch, deflated);
    const uPacked = space.vector(size * size);
    const vPacked = space.vector(columns * size);
    const newNull = space.vector(columns);
    for (let i = 0; i < columns; i++) {
      const upperPart = v.data[at(i, k)];
      const lowerPart = extra === 1 ? v.data[at(i, size)] : 0;
      vPacked[i + vGroups.slot[0] * columns] = c * upperPart + s * lowerPart;
      newNull[i] = -s * upperPart + c * lowerPart;
    }
    uPacked[k + uGroups.slot[0] * size] = 1;
    for (let j = 1; j < size; j++) {
      const column = j <= k ? j - 1 : j;
      const uSource = atU(0, column);
      uPacked.set(u.data.subarray(uSource, uSource + size), uGroups.slot[j] * size);
      const vSource = at(0, column);
      vPacked.set(v.data.subarray(vSource, vSource + columns), vGroups.slot[j] * columns);
    }
    for (const { first, second, c: cr, s: sr, left } of rotations) {
      if (left) rotateColumns(uPacked, size, uGroups.slot[first], uGroups.slot[second], cr, sr);
      rotateColumns(vPacked, columns, vGroups.slot[first], vGroups.slot[second], cr, sr);
    }

    const roots = space.vector(count);
    const differences = space.vector(count * count);
    solveSecular(kept, delta, z, roots, differences, space);
    // The differences become the arrow's left vectors; its right vectors go to U's block.
    const uSmall = differences;
    const vSmall = { data: u.data, offset: atU(0, 0), ld: u.rows };
    arrowVectors(kept, delta, z, differences, uGroups.slot, vGroups.slot, vSmall);

    // The block's vectors: kept columns by two products each, deflated columns copied.
    const multiply = (
      packed: Float64Array,
      small: Float64Array,
      smallOffset: number,
      smallLd: number,
      height: number,
      groups: Groups,
      target: Matrix,
    ): void => {
      const ld = target.rows;
      const place = (i: number, j: number): number => start + i + (start + j) * ld;
      const split = k + 1;
      const upperDepth = groups.upperOnly + groups.both;
      kernels.gemm(
        false,
        false,
        split,
        count,
        upperDepth,
        1,
        packed,
        0,
        height,
        small,
        smallOffset,
        smallLd,
        0,
        target.data,
        place(0, 0),
        ld,
      );
      const lowerDepth = count - groups.upperOnly;
      if (lowerDepth > 0) {
        kernels.gemm(
          false,
          false,
          height - split,
          count,
          lowerDepth,
          1,
          packed,
          split + groups.upperOnly * height,
          height,
          small,
          smallOffset + groups.upperOnly,
          smallLd,
          0,
          target.data,
          place(split, 0),
          ld,
        );
      } else {
        for (let j = 0; j < count; j++) target.data.fill(0, place(split, j), place(height, j));
      }
      for (let p = count; p < size; p++) {
        target.data.set(packed.subarray(p * height, (p + 1) * height), place(0, p));
      }
    };
    // V first: its small factor lives in U's block, which U's product then overwrites.
    multiply(vPacked, vSmall.data, vSmall.offset, vSmall.ld, columns, vGroups, v);
    if (extra === 1) v.data.set(newNull, at(0, size));
    multiply(uPacked, uSmall, 0, count, size, uGroups, u);
    scaleByPowerOfTwo(roots, exponent);
    scaleByPowerOfTwo(delta, exponent);
    for (let p = 0; p < count; p++) d[start + p] = roots[count - 1 - p];
    for (let p = 0; p < deflated.length; p++) d[start + count + p] = delta[deflated[p]];
    space.release(mark);
  }
}

/** A deflating rotation of two arrow indices' columns: of V's, and of U's too when `left`. */
interface Rotation {
  first: number;
  second: number;
  c: number;
  s: number;
  left: boolean;
}

interface Groups {
  /** slot[j]: the packed column of arrow index j (kept ones grouped, deflated ones after). */
  slot: Int32Array;
  upperOnly: number;
  both: number;
}

function groupedOrder(kept: number[], touch: Int32Array, deflated: number[]): Groups {
  const slot = new Int32Array(kept.length + deflated.length);
  let next = 0;
  let upperOnly = 0;
  let both = 0;
  for (const group of [upper, upper | lower, lower]) {
    for (const j of kept) {
      if (touch[j] !== group) continue;
      slot[j] = next++;
      if (group === upper) upperOnly++;
      else if (group === (upper | lower)) both++;
    }
  }
  for (const j of deflated) slot[j] = next++;
  return { slot, upperOnly, both };
}

/**
 * The roots σ_i of 1 + Σ z_j²/(δ_j² − σ²) = 0 over the kept indices (δ ascending, δ₀ = 0), one in
 * each gap (δ_i, δ_{i+1}) and the last above δ_max. Each is found relative to its nearer pole
 * (x = σ² − pole², dlasd4's shifted origin) by the rational "middle way" iteration (Li 1993)
 * inside a bisection bracket, so δ_j² − σ_i², stored in differences(j, i), keeps its relative
 * accuracy even when σ_i sits next to a pole.
 */
function solveSecular(
  kept: number[],
  delta: Float64Array,
  z: Float64Array,
  roots: Float64Array,
  differences: Float64Array,
  space: Workspace,
): void {
  const count = kept.length;
  const mark = space.mark();
  const poles = space.vector(count);
  const weights = space.vector(count);
  const shifted = space.vector(count);
  let norm = 0;
  for (let j = 0; j < count; j++) {
    poles[j] = delta[kept[j]];
    weights[j] = z[kept[j]] ** 2;
    norm += weights[j];
  }
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    let origin = poles[i];
    let low = 0;
    let high: number;
    if (last) {
      high = norm;
    } else {
      const gap = (poles[i + 1] - origin) * (poles[i + 1] + origin);
      // The secular function at the gap's middle says which pole the root is nearer.
      let value = 1;
      for (let j = 0; j < count; j++) {
        value += weights[j] / ((poles[j] - origin) * (poles[j] + origin) - gap / 2);
      }
      if (value >= 0) {
        high = gap / 2;
      } else {
        origin = poles[i + 1];
        low = -gap / 2;
        high = 0;
      }
    }
    for (let j = 0; j < count; j++) shifted[j] = (poles[j] - origin) * (poles[j] + origin);
    let x = (low + high) / 2;
    for (let iteration = 0; iteration < 200; iteration++) {
      let psi = 0;
      let psiSlope = 0;
      let phi = 0;
      let phiSlope = 0;
      let bound = 0;
      for (let j = 0; j <= i; j++) {
        const reciprocal = 1 / (shifted[j] - x);
        const t = weights[j] * reciprocal;
        psi += t;
        psiSlope += t * reciprocal;
      }
      for (let j = i + 1; j < count; j++) {
        const reciprocal = 1 / (shifted[j] - x);
        const t = weights[j] * reciprocal;
        phi += t;
        phiSlope += t * reciprocal;
      }
      const value = 1 + psi + phi;
      bound = 8 * (1 + Math.abs(psi) + Math.abs(phi)) + Math.abs(x) * (psiSlope + phiSlope);
      if (Math.abs(value) <= epsilon * bound) break;
      if (value < 0) low = x;
      else high = x;
      if (high - low <= 2 * epsilon * Math.max(Math.abs(low), Math.abs(high))) break;
      // Model ψ and φ each by a constant plus one pole, matched in value and slope; its root.
      const a = shifted[i] - x;
      let step: number;
      if (last) {
        const constant = 1 + psi - psiSlope * a;
        step = constant > 0 ? a + (psiSlope * a * a) / constant : Number.NaN;
      } else {
        const b = shifted[i + 1] - x;
        const left = psiSlope * a * a;
        const right = phiSlope * b * b;
        const constant = 1 + psi - psiSlope * a + phi - phiSlope * b;
        const linear = constant * (a + b) + left + right;
        const product = value * a * b;
        const root = Math.sqrt(Math.abs(linear * linear - 4 * constant * product));
        if (linear > 0) step = (2 * product) / (linear + root);
        else step = constant === 0 ? product / linear : (linear - root) / (2 * constant);
      }
      const next = x + step;
      x = next > low && next < high ? next : (low + high) / 2;
    }
    const tau = x / (origin + Math.sqrt(origin * origin + x));
    roots[i] = origin + tau;
    for (let j = 0; j < count; j++) differences[j + i * count] = shifted[j] - x;
  }
  space.release(mark);
}

/**
 * The arrow's singular vectors from Gu–Eisenstat's ẑ, for which the computed roots are exact:
 * ẑ_j² = Π_i (σ_i² − δ_j²) / Π_{i≠j} (δ_i² − δ_j²), then v_i ∝ ẑ_j/(δ_j² − σ_i²) and
 * u_i ∝ (−1, δ_j·ẑ_j/(δ_j² − σ_i²)), in descending order of σ, rows at their packed slots. The
 * left vectors overwrite the differences (count×count), the right ones go to `right`.
 */
function arrowVectors(
  kept: number[],
  delta: Float64Array,
  z: Float64Array,
  differences: Float64Array,
  uSlot: Int32Array,
  vSlot: Int32Array,
  right: { data: Float64Array; offset: number; ld: number },
): void {
  const count = kept.length;
  const poles = Float64Array.from(kept, (j) => delta[j]);
  // Root by root, so each pass reads one contiguous column of differences; every factor but
  // the last lies in (0, 1) by interlacing, so the running products cannot overflow.
  const zHat = new Float64Array(count).fill(1);
  for (let i = 0; i < count - 1; i++) {
    const column = i * count;
    const below = poles[i];
    const above = poles[i + 1];
    for (let j = 0; j <= i; j++) {
      const pj = poles[j];
      zHat[j] *= -differences[j + column] / ((above - pj) * (above + pj));
    }
    for (let j = i + 1; j < count; j++) {
      const pj = poles[j];
      zHat[j] *= -differences[j + column] / ((below - pj) * (below + pj));
    }
  }
  const last = (count - 1) * count;
  for (let j = 0; j < count; j++) {
    const magnitude = Math.sqrt(Math.abs(zHat[j] * -differences[j + last]));
    zHat[j] = z[kept[j]] < 0 ? -magnitude : magnitude;
  }
  const uRow = Int32Array.from(kept, (j) => uSlot[j]);
  const vRow = Int32Array.from(kept, (j) => vSlot[j]);
  // Root i's vectors go to column count−1−i, whose differences may not be read yet: take the
  // roots in pairs from both ends, reading both columns before writing either.
  const low = new Float64Array(count);
  const high = new Float64Array(count);
  const ratios = (i: number, values: Float64Array): void => {
    for (let j = 0; j < count; j++) values[j] = zHat[j] / differences[j + i * count];
  };
  const write = (values: Float64Array, column: number): void => {
    let vNorm = 0;
    let uNorm = 1;
    for (let j = 0; j < count; j++) {
      vNorm += values[j] * values[j];
      if (j > 0) uNorm += (poles[j] * values[j]) ** 2;
    }
    vNorm = 1 / Math.sqrt(vNorm);
    uNorm = 1 / Math.sqrt(uNorm);
    const uOffset = column * count;
    const vOffset = right.offset + column * right.ld;
    differences[uRow[0] + uOffset] = -uNorm;
    right.data[vRow[0] + vOffset] = values[0] * vNorm;
    for (let j = 1; j < count; j++) {
      differences[uRow[j] + uOffset] = poles[j] * values[j] * uNorm;
      right.data[vRow[j] + vOffset] = values[j] * vNorm;
    }
  };
  for (let i = 0, mirror = count - 1; i <= mirror; i++, mirror--) {
    ratios(i, low);
    if (mirror !== i) ratios(mirror, high);
    write(low, mirror);
    if (mirror !== i) write(high, i);
  }
}

/** Columns i and j of a column-major block: i ← c·i + s·j, j ← c·j − s·i. */
function rotateColumns(
  data: Float64Array,
  rows: number,
  i: number,
  j: number,
  c: number,
  s: number,
): void {
  kernels.rotate(data, i * rows, j * rows, rows, c, s);
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

function identity(size: number): Matrix {
  const data = new Float64Array(size * size);
  for (let i = 0; i < size; i++) data[i + i * size] = 1;
  return { rows: size, cols: size, data };
}
