// The JSON reports of `rankscope rank | svd | subspaces | angles --json` for a floating matrix:
// plain numbers and arrays only, so that they print as JSON and compare against numpy/scipy.
// (The exact path of `rankscope rank` is added by the CLI from core/exact.)
import { toRows, type Matrix } from '../linalg/matrix';
import { svd } from '../linalg/svd';
import { grassmannDistances, orthonormalBasis, principalAngles } from '../rank/angles';
import { effectiveRank, stableRank } from '../rank/measures';
import {
  absoluteToleranceRank,
  defaultRank,
  noiseEdgeRank,
  spectralGapRank,
  type RankDecision,
} from '../rank/policies';
import { fundamentalSubspaces } from '../rank/subspaces';

export type ReportPolicy = 'default' | 'gap' | 'noise' | 'tol';

export interface RankReport {
  rows: number;
  cols: number;
  rank: number;
  policy: ReportPolicy;
  tolerance: number | null;
  exact: false;
  nullity: number;
  /** All singular values, descending. */
  singularValues: number[];
  stableRank: number;
  effectiveRank: number;
  gapRank: number;
  noiseRank: number;
  reason: string;
}

export function rankReport(
  matrix: Matrix,
  options: { policy: ReportPolicy; tol?: number },
): RankReport {
  const { values } = svd(matrix);
  let decision: RankDecision;
  const gap = spectralGapRank(values, matrix);
  const noise = noiseEdgeRank(values, matrix);
  switch (options.policy) {
    case 'default':
      decision = defaultRank(values, matrix);
      break;
    case 'gap':
      decision = gap;
      break;
    case 'noise':
      decision = noise;
      break;
    case 'tol':
      if (options.tol === undefined) throw new RangeError('the tol policy needs a tolerance');
      decision = absoluteToleranceRank(values, options.tol);
      break;
  }
  return {
    rows: matrix.rows,
    cols: matrix.cols,
    rank: decision.rank,
    policy: options.policy,
    tolerance: decision.tolerance,
    exact: false,
    nullity: matrix.cols - decision.rank,
    singularValues: Array.from(values),
    stableRank: stableRank(values),
    effectiveRank: effectiveRank(values),
    gapRank: gap.rank,
    noiseRank: noise.rank,
    reason: decision.reason,
  };
}

export interface SvdReport {
  rows: number;
  cols: number;
  singularValues: number[];
  /** Thin U (m×k) and V (n×k) as rows of numbers, when vectors were asked for: A = U·diag(σ)·Vᵀ. */
  U?: number[][];
  V?: number[][];
}

export function svdReport(matrix: Matrix, options: { vectors?: boolean } = {}): SvdReport {
  const result = svd(matrix, { vectors: options.vectors ?? false });
  const report: SvdReport = {
    rows: matrix.rows,
    cols: matrix.cols,
    singularValues: Array.from(result.values),
  };
  if (result.U && result.V) {
    report.U = toRows(result.U);
    report.V = toRows(result.V);
  }
  return report;
}

export interface SubspaceReport {
  dimension: number;
  ambient: number;
  /** Orthonormal basis vectors, one array per vector. */
  basis: number[][];
}

export interface SubspacesReport {
  rows: number;
  cols: number;
  rank: number;
  nullity: number;
  tolerance: number | null;
  reason: string;
  column: SubspaceReport;
  row: SubspaceReport;
  null: SubspaceReport;
  leftNull: SubspaceReport;
}

function basisVectors(basis: Matrix): SubspaceReport {
  const vectors: number[][] = [];
  for (let j = 0; j < basis.cols; j++)
    vectors.push(Array.from(basis.data.subarray(j * basis.rows, (j + 1) * basis.rows)));
  return { dimension: basis.cols, ambient: basis.rows, basis: vectors };
}

/** The four fundamental subspaces at the numpy/MATLAB default rank. */
export function subspacesReport(matrix: Matrix): SubspacesReport {
  const spaces = fundamentalSubspaces(matrix);
  return {
    rows: matrix.rows,
    cols: matrix.cols,
    rank: spaces.rank,
    nullity: matrix.cols - spaces.rank,
    tolerance: spaces.decision.tolerance,
    reason: spaces.decision.reason,
    column: basisVectors(spaces.column),
    row: basisVectors(spaces.row),
    null: basisVectors(spaces.null),
    leftNull: basisVectors(spaces.leftNull),
  };
}

export interface AnglesReport {
  ambient: number;
  dimensionA: number;
  dimensionB: number;
  /** Principal angles in radians between the column spaces, descending (as scipy.linalg.subspace_angles). */
  angles: number[];
  geodesic: number;
  chordal: number;
  projection: number;
}

export function anglesReport(a: Matrix, b: Matrix): AnglesReport {
  if (a.rows !== b.rows) {
    throw new RangeError(
      `A has ${a.rows} rows and B has ${b.rows}: their column spaces lie in different spaces`,
    );
  }
  const basisA = orthonormalBasis(a);
  const basisB = orthonormalBasis(b);
  const angles = principalAngles(basisA, basisB, { orthonormal: true });
  return {
    ambient: a.rows,
    dimensionA: basisA.cols,
    dimensionB: basisB.cols,
    angles: Array.from(angles),
    ...grassmannDistances(angles, basisA.cols, basisB.cols),
  };
}
