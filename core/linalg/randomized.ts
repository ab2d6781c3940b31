// Randomized SVD: a Gaussian range finder with power iterations re-orthonormalized by QR, then the
// SVD of the small projected matrix (Halko, Martinsson & Tropp 2011, Algorithms 4.4 and 5.1); and an
// adaptive mode that grows the sketch until a spectral gap or the noise edge shows. Cost: O(m·n·k).
import type { JobContext } from '../job-context';
import { assertFinite, zeros, type Matrix } from './matrix';
import { frobeniusNorm } from './norms';
import { multiply, multiplyTransposeA } from './products';
import { factorQrInPlace, formQ, qrWorkspaceDoubles } from './qr';
import { gaussianMatrix } from './random';
import { ResidentMatrix } from './resident-matrix';
import { svd, type SvdResult } from './svd';
import { createWorkspace, detached } from './workspace';

export interface RandomizedSvdOptions {
  /** How many singular triplets to return (clamped to min(m, n)). */
  rank: number;
  /** Extra sketch columns that make the top `rank` accurate (default 10). */
  oversample?: number;
  /** Passes of (A·Aᵀ) that sharpen a slowly decaying spectrum (default 2). */
  powerIterations?: number;
  seed?: number;
  context?: JobContext;
}

export interface AdaptiveRandomizedSvdOptions {
  seed?: number;
  /** Largest sketch rank to try (default min(m, n)). */
  maxRank?: number;
  /** σ_r / σ_{r+1} at least this large counts as a clear gap (default 1e3). */
  gapRatio?: number;
  /**
   * Power iterations per new sketch block (default 1). 0 halves the cost and still finds wide
   * gaps (rank 100 + 1e-9 noise), but underestimates the tail, so noise-edge calls get worse.
   */
  powerIterations?: number;
  context?: JobContext;
}

export type AdaptiveStop = 'gap' | 'noise-edge' | 'full' | 'max-rank';

export interface AdaptiveSvdResult extends SvdResult {
  stoppedBecause: AdaptiveStop;
  /** The rank the stopping rule points at: before the gap, or above the noise edge. */
  rank: number;
  /** Estimated standard deviation of the entrywise noise (0 when the rest is round-off). */
  noiseLevel: number;
  /** Marchenko–Pastur edge σ·(√m + √n) of that noise: singular values below it are noise. */
  noiseEdge: number;
}

const epsilon = 2 ** -53;
/** Sketch columns added at once that the resident copy of A has room for. */
const thinColumns = 128;
/** Noise singular values exceed the Marchenko–Pastur edge only by Tracy–Widom fluctuations (< 1 %). */
const edgeMargin = 1.05;
const adaptiveOversample = 10;

function orthonormalize(y: Matrix): Matrix {
  const space = createWorkspace(qrWorkspaceDoubles(y.rows, y.cols));
  const work = space.copyOf(y);
  const q = detached(formQ(work, factorQrInPlace(work)));
  space.dispose();
  return q;
}

/** Top-`rank` SVD of A from a randomized range sketch, with U (m×rank) and V (n×rank). */
export function randomizedSvd(a: Matrix, options: RandomizedSvdOptions): SvdResult {
  assertFinite(a);
  const m = a.rows;
  const n = a.cols;
  const full = Math.min(m, n);
  const rank = Math.max(0, Math.min(Math.floor(options.rank), full));
  const sketch = Math.min(rank + (options.oversample ?? 10), full);
  const powerIterations = options.powerIterations ?? 2;
  const context = options.context;
  if (rank === 0) return { values: new Float64Array(0), U: zeros(m, 0), V: zeros(n, 0) };

  // A is copied once into a kernel memory; every product with it then runs in place.
  const resident = new ResidentMatrix(a, Math.max(sketch, 1));
  let q = orthonormalize(resident.times(gaussianMatrix(n, sketch, options.seed ?? 1)));
  for (let p = 0; p < powerIterations; p++) {
    context?.checkCancelled();
    // Re-orthonormalizing after each product keeps the small singular directions from drowning.
    const z = orthonormalize(resident.transposeTimes(q));
    q = orthonormalize(resident.times(z));
  }
  context?.checkCancelled();
  // Bᵀ = Aᵀ·Q is n×sketch; its SVD Bᵀ = W·Σ·Xᵀ gives A ≈ Q·B = (Q·X)·Σ·Wᵀ.
  const small = svd(resident.transposeTimes(q), { vectors: true, context });
  const left = multiply(q, small.V!);
  return {
    values: small.values.slice(0, rank),
    U: leadingColumns(left, rank),
    V: leadingColumns(small.U!, rank),
  };
}

function leadingColumns(matrix: Matrix, count: number): Matrix {
  return { rows: matrix.rows, cols: count, data: matrix.data.slice(0, matrix.rows * count) };
}

/**
 * Grows a randomized SVD (16, 32, 64, … columns) until the computed spectrum shows a clear gap,
 * reaches the Marchenko–Pastur edge of the noise estimated from the unexplained energy, or
 * covers the whole matrix. Unlike a posterior error tolerance, both stops exist even when the
 * noise floor is far above any tolerance one could have chosen.
 */
export function adaptiveRandomizedSvd(
  a: Matrix,
  options: AdaptiveRandomizedSvdOptions = {},
): AdaptiveSvdResult {
  assertFinite(a);
  const m = a.rows;
  const n = a.cols;
  const full = Math.min(m, n);
  const limit = Math.max(0, Math.min(options.maxRank ?? full, full));
  const gapRatio = options.gapRatio ?? 1e3;
  const totalEnergy = frobeniusNorm(a) ** 2;
  // A zero matrix is settled by its exact (trivial) SVD; a zero budget by an empty one.
  let size = totalEnergy === 0 ? full : Math.min(16, limit);
  if (limit === 0 && full > 0 && totalEnergy > 0) {
    const empty = { values: new Float64Array(0), U: zeros(m, 0), V: zeros(n, 0) };
    return { ...empty, stoppedBecause: 'max-rank', rank: 0, noiseLevel: 0, noiseEdge: 0 };
  }

  const sketch = new GrowingSketch(
    new ResidentMatrix(a, Math.min(thinColumns, full)),
    options.seed ?? 1,
    options.powerIterations ?? 1,
    options.context,
  );
  for (;;) {
    options.context?.progress(size / Math.max(limit, 1), 'sketching');
    const exact = size + adaptiveOversample >= full;
    const result = exact
      ? svd(a, { vectors: true, context: options.context })
      : sketch.grow(size + adaptiveOversample, size);
    const values = result.values;
    const count = values.length;
    const largest = count > 0 ? values[0] : 0;

    const { noiseLevel, noiseEdge } = estimateNoise(values, totalEnergy, m, n);
    const floor = Math.max(edgeMargin * noiseEdge, largest * Math.max(m, n) * epsilon);
    const stop = (stoppedBecause: AdaptiveStop, rank: number): AdaptiveSvdResult => ({
      ...result,
      stoppedBecause,
      rank,
      noiseLevel,
      noiseEdge,
    });
    const aboveFloor = countAbove(values, floor);

    // A gap counts only if something below it was seen, so the sketch size does not fake one.
    const guard = exact ? 0 : Math.max(2, Math.floor(count / 8));
    let bestRank = 0;
    let bestRatio = 0;
    for (let i = 1; i + guard < count; i++) {
      const ratio =
        values[i] === 0 ? (values[i - 1] > 0 ? Infinity : 0) : values[i - 1] / values[i];
      if (ratio > bestRatio) {
        bestRatio = ratio;
        bestRank = i;
      }
    }
    if (largest === 0) return stop(exact ? 'full' : 'gap', 0);
    if (bestRatio >= gapRatio) return stop('gap', bestRank);
    // Reached the noise: the smallest computed value sits at or below the noise edge.
    if (!exact && count > 0 && values[count - 1] <= floor) return stop('noise-edge', aboveFloor);
    if (exact) return stop('full', aboveFloor);
    if (size >= limit) return stop('max-rank', aboveFloor);
    size = Math.min(size * 2, limit);
  }
}

function countAbove(values: Float64Array, threshold: number): number {
  let count = 0;
  while (count < values.length && values[count] > threshold) count++;
  return count;
}

/**
 * Entrywise noise level σ of A = signal + σ·G estimated from the energy outside the top r singular
 * values, r = count above the edge, iterated to a fixed point: the residual of a rank-r fit has
 * (m − r)(n − r) degrees of freedom, and pure noise has its largest singular value near σ(√m + √n).
 */
export function estimateNoise(
  values: Float64Array,
  totalEnergy: number,
  m: number,
  n: number,
): { noiseLevel: number; noiseEdge: number } {
  let rank = 0;
  let noiseLevel = 0;
  let noiseEdge = 0;
  const roundoff = 4 * Math.max(m, n) * epsilon * totalEnergy;
  for (let iteration = 0; iteration < 8; iteration++) {
    let captured = 0;
    for (let i = 0; i < rank; i++) captured += values[i] * values[i];
    const remaining = totalEnergy - captured;
    const freedom = (m - rank) * (n - rank);
    noiseLevel = remaining > roundoff && freedom > 0 ? Math.sqrt(remaining / freedom) : 0;
    noiseEdge = noiseLevel * (Math.sqrt(m) + Math.sqrt(n));
    const next = countAbove(values, edgeMargin * noiseEdge);
    if (next === rank) break;
    rank = next;
  }
  return { noiseLevel, noiseEdge };
}

/**
 * A range sketch that grows by blocks: new Gaussian columns pass through the power iterations,
 * are orthogonalized against the basis so far (block Gram–Schmidt, twice), and extend both the
 * basis Q and Bᵀ = Aᵀ·Q, so growing from k to 2k costs what k new columns cost.
 */
class GrowingSketch {
  private basis: Matrix;
  private projected: Matrix;
  constructor(
    private readonly a: ResidentMatrix,
    private readonly seed: number,
    private readonly powerIterations: number,
    private readonly context: JobContext | undefined,
  ) {
    this.basis = zeros(a.rows, 0);
    this.projected = zeros(a.cols, 0);
  }

  /** Extends the basis to `columns` columns and returns the top `rank` SVD of Q·Qᵀ·A. */
  grow(columns: number, rank: number): SvdResult {
    const a = this.a;
    const added = columns - this.basis.cols;
    if (added > 0) {
      let y = a.times(gaussianMatrix(a.cols, added, this.seed + 7919 * this.basis.cols));
      for (let p = 0; p < this.powerIterations; p++) {
        this.context?.checkCancelled();
        y = a.times(orthonormalize(a.transposeTimes(orthonormalize(y))));
      }
      for (let pass = 0; pass < 2 && this.basis.cols > 0; pass++) {
        const coefficients = multiplyTransposeA(this.basis, y);
        const inBasis = multiply(this.basis, coefficients);
        for (let k = 0; k < y.data.length; k++) y.data[k] -= inBasis.data[k];
      }
      const fresh = orthonormalize(y);
      this.basis = appendColumns(this.basis, fresh);
      this.projected = appendColumns(this.projected, a.transposeTimes(fresh));
    }
    this.context?.checkCancelled();
    // Bᵀ = W·Σ·Xᵀ, so A ≈ Q·B = (Q·X)·Σ·Wᵀ.
    const small = svd(this.projected, { vectors: true, context: this.context });
    const left = multiply(this.basis, small.V!);
    const count = Math.min(rank, small.values.length);
    return {
      values: small.values.slice(0, count),
      U: leadingColumns(left, count),
      V: leadingColumns(small.U!, count),
    };
  }
}

function appendColumns(left: Matrix, right: Matrix): Matrix {
  const data = new Float64Array(left.data.length + right.data.length);
  data.set(left.data, 0);
  data.set(right.data, left.data.length);
  return { rows: left.rows, cols: left.cols + right.cols, data };
}
