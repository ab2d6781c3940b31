// The two passes over a weight matrix. Quick: σ₁ … σ_k by the randomized range finder with power
// iterations (Halko, Martinsson & Tropp 2011, Algorithms 4.3–4.4 and 5.1), the exact Frobenius
// norm from the entries, stable rank ‖A‖_F²/σ₁², and the noise-edge rank with the noise level
// taken from the energy outside the sketch — O(m·n·(k+p)·(2q+2)). Full: every singular value
// (values-only SVD, O(m·n·min(m,n))) and every measure read off them. Each result says its pass.
import type { JobContext } from '../job-context';
import { kernels } from '../linalg/kernels/kernels';
import type { Matrix } from '../linalg/matrix';
import { frobeniusNorm } from '../linalg/norms';
import { factorQrInPlace, formQ } from '../linalg/qr';
import { seededRandom } from '../linalg/random';
import { estimateNoise } from '../linalg/randomized';
import { singularValues } from '../linalg/svd';
import { plainWorkspace, workspaceOf, type Workspace } from '../linalg/workspace';
import { measures } from '../rank/measures';
import { decideRank, noiseEdgeRank, type RankPolicy } from '../rank/policies';

export interface QuickPassSettings {
  /** How many leading singular values to compute (default 16). */
  rank: number;
  /** Extra sketch columns that make the leading ones accurate (default 8). */
  oversample: number;
  /** Passes of A·Aᵀ that sharpen a flat spectrum (default 1). */
  powerIterations: number;
  /** Base seed; each tensor's sketch seeds from it and the tensor's name. */
  seed: number;
}

export const defaultQuickPassSettings: QuickPassSettings = {
  rank: 16,
  oversample: 8,
  powerIterations: 1,
  seed: 1,
};

export interface QuickPass {
  pass: 'quick';
  /** σ₁ ≥ … ≥ σ_k from the sketch (each a slight underestimate of the true value). */
  topSingularValues: number[];
  sigmaMax: number;
  /** ‖A‖_F, exact (from the entries). */
  frobeniusNorm: number;
  /** ‖A‖_F² / σ₁² with the sketched σ₁ (so at most slightly above the true value). */
  stableRank: number;
  /** Entrywise noise level estimated from the energy outside the sketch. */
  noiseLevel: number;
  /** Singular values above the Marchenko–Pastur edge of that noise (a lower bound when all k are). */
  noiseRank: number;
  noiseRankIsLowerBound: boolean;
  sketch: { rank: number; oversample: number; powerIterations: number; seed: number };
}

export interface FullPass {
  pass: 'full';
  singularValues: number[];
  rank: number;
  policy: string;
  rankReason: string;
  sigmaMax: number;
  frobeniusNorm: number;
  nuclearNorm: number;
  stableRank: number;
  effectiveRank: number;
  /** σ₁/σ_min; Infinity when rank-deficient by the default rule. */
  condition: number;
  energyRank90: number;
  energyRank95: number;
  energyRank99: number;
  noiseRank: number;
  /** r(m+n) for the rank r: what storing the matrix as a rank-r product would take. */
  factorParameters: number;
}

/** Doubles the quick pass allocates beside the matrix in its workspace. */
export function quickPassWorkspaceDoubles(
  rows: number,
  cols: number,
  settings: QuickPassSettings,
): number {
  const width = Math.min(settings.rank + settings.oversample, Math.min(rows, cols));
  const orthonormalizations = 2 * settings.powerIterations + 1;
  // Ω/Z, Y, B and one Q (m×l or n×l) plus reflector blocks per orthonormalization.
  return (
    (rows + cols) * width * (orthonormalizations + 3) +
    20 * (rows + cols) * (orthonormalizations + 1) +
    4096
  );
}

/** A seed for one tensor: the same on every machine and shard, whatever the order of work. */
export function tensorSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let k = 0; k < name.length; k++) hash = Math.imul(hash ^ name.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}

/** The quick pass over A (or Aᵀ: the values are the same). A is read, not changed. */
export function quickPass(
  a: Matrix,
  settings: QuickPassSettings,
  seed: number,
  context?: Pick<JobContext, 'checkCancelled'>,
): QuickPass {
  const { rows: m, cols: n } = a;
  const full = Math.min(m, n);
  const rank = Math.min(settings.rank, full);
  const width = Math.min(rank + settings.oversample, full);
  const frobenius = frobeniusNorm(a);
  const sketch = {
    rank: settings.rank,
    oversample: settings.oversample,
    powerIterations: settings.powerIterations,
    seed,
  };
  if (width === 0 || frobenius === 0) {
    return {
      pass: 'quick',
      topSingularValues: new Array<number>(rank).fill(0),
      sigmaMax: 0,
      frobeniusNorm: frobenius,
      stableRank: 0,
      noiseLevel: 0,
      noiseRank: 0,
      noiseRankIsLowerBound: false,
      sketch,
    };
  }
  const space: Workspace = workspaceOf(a.data) ?? plainWorkspace;
  // Y = A·Ω, Ω Gaussian n×l.
  const omega = space.matrix(n, width);
  const random = seededRandom(seed);
  for (let k = 0; k < omega.data.length; k++) omega.data[k] = random.gaussian();
  const y = space.matrix(m, width);
  const product = (transposeA: boolean, right: Matrix, out: Matrix) => {
    context?.checkCancelled();
    const [outRows, depth] = transposeA ? [n, m] : [m, n];
    kernels.gemm(
      transposeA,
      false,
      outRows,
      width,
      depth,
      1,
      a.data,
      0,
      m,
      right.data,
      0,
      right.rows,
      0,
      out.data,
      0,
      outRows,
    );
  };
  product(false, omega, y);
  for (let p = 0; p < settings.powerIterations; p++) {
    // Re-orthonormalizing between products keeps the smaller directions from drowning in σ₁'s.
    product(true, orthonormalized(y), omega);
    product(false, orthonormalized(omega), y);
  }
  const q = orthonormalized(y);
  // B = Qᵀ·A (l×n); its singular values are the sketch's.
  const b = space.matrix(width, n);
  context?.checkCancelled();
  kernels.gemm(true, false, width, n, m, 1, q.data, 0, m, a.data, 0, m, 0, b.data, 0, width);
  const values = singularValues(b, { overwrite: true });
  const top = Array.from(values.subarray(0, rank));
  const sigmaMax = top[0] ?? 0;
  const { noiseLevel } = estimateNoise(values, frobenius * frobenius, m, n);
  const decided = noiseEdgeRank(values.subarray(0, rank), { rows: m, cols: n }, { noiseLevel });
  return {
    pass: 'quick',
    topSingularValues: top,
    sigmaMax,
    frobeniusNorm: frobenius,
    stableRank: sigmaMax === 0 ? 0 : (frobenius / sigmaMax) ** 2,
    noiseLevel,
    noiseRank: decided.rank,
    noiseRankIsLowerBound: decided.rank === rank && rank < full,
    sketch,
  };
}

/** An orthonormal basis of the columns of y (overwritten), in y's workspace. */
function orthonormalized(y: Matrix): Matrix {
  const tau = factorQrInPlace(y);
  return formQ(y, tau);
}

/** The full pass over A (or Aᵀ), `shape` the weight's own: A is reduced in place. */
export function fullPass(
  a: Matrix,
  shape: { rows: number; cols: number },
  policy: RankPolicy,
  context?: JobContext,
): FullPass {
  const values = singularValues(a, { context, overwrite: true });
  const decided = decideRank(values, shape, policy);
  const facts = measures(values, shape);
  return {
    pass: 'full',
    singularValues: Array.from(values),
    rank: decided.rank,
    policy: decided.policy,
    rankReason: decided.reason,
    sigmaMax: facts.spectralNorm,
    frobeniusNorm: facts.frobeniusNorm,
    nuclearNorm: facts.nuclearNorm,
    stableRank: facts.stableRank,
    effectiveRank: facts.effectiveRank,
    condition: facts.conditionNumber,
    energyRank90: facts.energyRank.p90,
    energyRank95: facts.energyRank.p95,
    energyRank99: facts.energyRank.p99,
    noiseRank: noiseEdgeRank(values, shape).rank,
    factorParameters: decided.rank * (shape.rows + shape.cols),
  };
}
