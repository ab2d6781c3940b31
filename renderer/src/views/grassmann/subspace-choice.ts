// Which subspace of a project matrix the Grassmann view compares: its column or row space, or the
// span of its top-k left or right singular vectors; and how to get it from the subspaces job.
import { transpose, type Matrix } from '../../../../core/linalg/matrix';
import { columns } from '../../../../core/rank/column-blocks';
import type { RequestMatrix } from '../spectrum/matrix-from-cells';

export type SubspaceKind = 'column' | 'row' | 'top-left' | 'top-right';

export interface SubspaceChoice {
  matrixId: string;
  kind: SubspaceKind;
  /** k for the top-k kinds. */
  k: number;
}

export const kindLabels: Record<SubspaceKind, string> = {
  column: 'column space',
  row: 'row space',
  'top-left': 'top-k left singular vectors',
  'top-right': 'top-k right singular vectors',
};

/** Left kinds live in ℝᵐ (spanned by columns of U), right kinds in ℝⁿ (columns of V). */
export function isLeft(kind: SubspaceKind): boolean {
  return kind === 'column' || kind === 'top-left';
}

/** The orthonormal basis for a choice, from the subspaces job's U_r (column) and V_r (row), σ-ordered. */
export function basisFor(choice: SubspaceChoice, bases: { column: Matrix; row: Matrix }): Matrix {
  const full = isLeft(choice.kind) ? bases.column : bases.row;
  if (choice.kind === 'column' || choice.kind === 'row') return full;
  return columns(full, 0, Math.max(0, Math.min(choice.k, full.cols)));
}

export function describe(choice: SubspaceChoice, matrixName: string): string {
  const kind =
    choice.kind === 'top-left' || choice.kind === 'top-right'
      ? kindLabels[choice.kind].replace('k', String(choice.k))
      : kindLabels[choice.kind];
  return `${kind} of ${matrixName}`;
}

export function toRequest(matrix: Matrix): RequestMatrix {
  return { rows: matrix.rows, cols: matrix.cols, data: new Float64Array(matrix.data) };
}

/** The matrix whose left singular vectors are the choice's: A itself, or Aᵀ for the right kinds. */
export function orientedMatrix(matrix: RequestMatrix, kind: SubspaceKind): RequestMatrix {
  return isLeft(kind) ? matrix : toRequest(transpose(matrix));
}
