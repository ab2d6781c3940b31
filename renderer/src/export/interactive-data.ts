// The data an interactive figure file embeds: plain JSON, read back by the figure's inlined script
// (interactive/*-runtime.ts). One converter per view, from the very results the views draw.
import type { SpectrumResult } from '../../../core/jobs/spectrum';
import type { SubspacesResult } from '../../../core/jobs/subspaces';
import type { Matrix } from '../../../core/linalg/matrix';
import type { ReductionLesson } from '../../../core/lecture/reduction-lesson';
import { entryText } from '../../../core/lecture/step-description';

export interface SubspacesFigureData {
  kind: 'subspaces';
  title: string;
  rows: number;
  cols: number;
  rank: number;
  /** A, row by row. */
  matrix: number[][];
  /** Orthonormal bases, one vector per entry. */
  bases: { row: number[][]; null: number[][]; column: number[][]; leftNull: number[][] };
  /** The vector x the figure opens with. */
  x: number[];
}

export type ScreePolicyId = 'default' | 'gap' | 'noise';

export interface ScreePolicy {
  id: ScreePolicyId;
  label: string;
  rank: number;
  tolerance: number | null;
  reason: string;
  /** Marchenko–Pastur bulk edge, drawn for the noise policy. */
  bulkEdge: number | null;
}

export interface ScreeFigureData {
  kind: 'scree';
  title: string;
  rows: number;
  cols: number;
  singularValues: number[];
  policies: ScreePolicy[];
  policy: ScreePolicyId;
  scale: 'linear' | 'log';
  gapRank: number | null;
  stableRank: number;
  effectiveRank: number;
}

export interface ReductionFigureStep {
  cells: string[][];
  notation: string;
  words: string;
  reason: string;
  pivot: { row: number; col: number };
  readRows: number[];
  writtenRows: number[];
}

export interface ReductionFigureData {
  kind: 'reduction';
  title: string;
  /** The bar of [A | b] stands before this column. */
  augmentAt?: number;
  start: string[][];
  steps: ReductionFigureStep[];
  /** "rank 3, pivots in columns 1, 2 and 4". */
  summary: string;
}

export type InteractiveFigureData = SubspacesFigureData | ScreeFigureData | ReductionFigureData;

/** The embedded data's element id. */
export const figureDataId = 'rankscope-figure-data';

function columns(matrix: Matrix): number[][] {
  return Array.from({ length: matrix.cols }, (_, j) =>
    Array.from(matrix.data.subarray(j * matrix.rows, (j + 1) * matrix.rows)),
  );
}

function rowsOf(matrix: Matrix): number[][] {
  return Array.from({ length: matrix.rows }, (_, i) =>
    Array.from({ length: matrix.cols }, (_, j) => matrix.data[i + j * matrix.rows]),
  );
}

/** The Subspaces view's scene (m, n ≤ 3) from the subspaces job's result. */
export function subspacesFigureData(
  result: SubspacesResult,
  matrix: Matrix,
  x: readonly number[],
  title: string,
): SubspacesFigureData {
  if (result.rows > 3 || result.cols > 3)
    throw new RangeError(
      `the 3D scene draws matrices up to 3×3, not ${result.rows}×${result.cols}`,
    );
  return {
    kind: 'subspaces',
    title,
    rows: result.rows,
    cols: result.cols,
    rank: result.rank,
    matrix: rowsOf(matrix),
    bases: {
      row: columns(result.row),
      null: columns(result.null),
      column: columns(result.column),
      leftNull: columns(result.leftNull),
    },
    x: Array.from({ length: result.cols }, (_, j) => x[j] ?? 0),
  };
}

const policyLabels: Record<ScreePolicyId, string> = {
  default: 'Default (numpy/MATLAB)',
  gap: 'Largest spectral gap',
  noise: 'Noise edge (Marchenko–Pastur)',
};

/** The Spectrum view's scree plot, with the three policies a reader can switch between. */
export function screeFigureData(
  result: SpectrumResult,
  title: string,
  options: { policy?: ScreePolicyId; scale?: 'linear' | 'log' } = {},
): ScreeFigureData {
  const edge = result.noiseLevel * (Math.sqrt(result.rows) + Math.sqrt(result.cols));
  return {
    kind: 'scree',
    title,
    rows: result.rows,
    cols: result.cols,
    singularValues: Array.from(result.singularValues),
    policies: (['default', 'gap', 'noise'] as const).map((id) => ({
      id,
      label: policyLabels[id],
      rank: result.ranks[id].rank,
      tolerance: result.ranks[id].tolerance,
      reason: result.ranks[id].reason,
      bulkEdge: id === 'noise' ? edge : null,
    })),
    policy: options.policy ?? 'default',
    scale: options.scale ?? 'linear',
    gapRank: result.ranks.gap.rank,
    stableRank: result.measures.stableRank,
    effectiveRank: result.measures.effectiveRank,
  };
}

/** The reduction stepper, from the same lesson the slides are made of. */
export function reductionFigureData(lesson: ReductionLesson): ReductionFigureData {
  const text = (matrix: ReductionLesson['start']) => matrix.map((row) => row.map(entryText));
  const { result } = lesson;
  const pivots = result.pivots.map((column) => column + 1).join(', ') || 'none';
  return {
    kind: 'reduction',
    title: lesson.title,
    ...(lesson.augmentedColumns > 0 ? { augmentAt: lesson.cols - lesson.augmentedColumns } : {}),
    start: text(lesson.start),
    steps: lesson.steps.map((step) => ({
      cells: text(step.after),
      notation: step.notation,
      words: step.words,
      reason: step.reason,
      pivot: step.pivot,
      readRows: step.readRows,
      writtenRows: step.writtenRows,
    })),
    summary: `rank ${result.rank}, pivot columns ${pivots}`,
  };
}
