// The JSON reports of `rankscope rank | svd | subspaces | angles --json` for a floating matrix:
// plain numbers and arrays only, so that they print as JSON and compare against numpy/scipy.
// (The exact path of `rankscope rank` is added by the CLI from core/exact.) A floating report of
// written decimals also gives their exact rank when it differs, with the σ that separates them.
import { exactRank } from '../exact/exact-rank';
import type { Rational } from '../exact/rational';
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
import { rankStory, type RankStory } from '../rank/rank-story';
import { fundamentalSubspaces } from '../rank/subspaces';
import { largestEditorSize } from '../project/limits';

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
  /** The written entries' exact rank, when it differs from `rank`, and why (the σ between them). */
  asWritten?: RankStory;
}

/** Written matrices up to the editor's size get their exact rank beside the numerical one. */
const largestComparedEntries = largestEditorSize * largestEditorSize;

/** Entries as written, read exactly (the caller parses them: the parser is large to load). */
export interface WrittenEntries {
  rationals: readonly (readonly Rational[])[];
  /** Some entry was written as a decimal (not only integers and fractions). */
  decimals: boolean;
}

/** The story of written entries' exact rank against a numerical decision, when they differ. */
function writtenStory(
  written: WrittenEntries,
  values: Float64Array,
  decision: RankDecision,
): RankStory | null {
  const { rationals } = written;
  if (decision.tolerance === null) return null;
  const columns = rationals[0]?.length ?? 0;
  if (rationals.length * columns > largestComparedEntries) return null;
  const exact = exactRank(rationals as Rational[][], { certify: true, columns });
  return rankStory(
    values,
    decision.tolerance,
    exact.rank,
    decision.rank,
    written.decimals ? 'the decimals written' : 'the entries written',
  );
}

export function rankReport(
  matrix: Matrix,
  options: { policy: ReportPolicy; tol?: number; written?: WrittenEntries },
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
  const story = options.written ? writtenStory(options.written, values, decision) : null;
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
    reason: story ? `${decision.reason}. ${story.sentence}` : decision.reason,
    ...(story ? { asWritten: story } : {}),
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
