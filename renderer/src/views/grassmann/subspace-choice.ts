// Which subspace of a project matrix the Grassmann view compares: its column or row space, or the
// span of its top-k left or right singular vectors, or the subspaces of a LoRA update ΔW = BA from
// two project matrices B (m×r) and A (r×n); and how to get it from the subspaces job.
import { transpose, type Matrix } from '../../../../core/linalg/matrix';
import { columns } from '../../../../core/rank/column-blocks';
import type { RequestMatrix } from '../../state/matrix-from-cells';

export type SubspaceKind = 'column' | 'row' | 'top-left' | 'top-right' | 'lora-column' | 'lora-row';

export interface SubspaceChoice {
  matrixId: string;
  kind: SubspaceKind;
  /** k for the top-k kinds. */
  k: number;
  /** For the LoRA kinds: matrixId is B (m×r) and loraA the id of A (r×n). */
  loraA?: string;
}

export const kindLabels: Record<SubspaceKind, string> = {
  column: 'column space',
  row: 'row space',
  'top-left': 'top-k left singular vectors',
  'top-right': 'top-k right singular vectors',
  'lora-column': 'LoRA factors: column space of ΔW = BA',
  'lora-row': 'LoRA factors: row space of ΔW = BA',
};

export function isLora(kind: SubspaceKind): boolean {
  return kind === 'lora-column' || kind === 'lora-row';
}

/** Left kinds live in ℝᵐ (spanned by columns of U), right kinds in ℝⁿ (columns of V). */
export function isLeft(kind: SubspaceKind): boolean {
  return kind === 'column' || kind === 'top-left' || kind === 'lora-column';
}

/** The orthonormal basis for a choice, from the subspaces job's U_r (column) and V_r (row), σ-ordered. */
export function basisFor(choice: SubspaceChoice, bases: { column: Matrix; row: Matrix }): Matrix {
  const full = isLeft(choice.kind) ? bases.column : bases.row;
  if (!choice.kind.startsWith('top')) return full;
  return columns(full, 0, Math.max(0, Math.min(choice.k, full.cols)));
}

export function describe(choice: SubspaceChoice, matrixName: string, loraAName = 'A'): string {
  if (choice.kind === 'lora-column')
    return `column space of ΔW = BA (B = ${matrixName}, A = ${loraAName})`;
  if (choice.kind === 'lora-row')
    return `row space of ΔW = BA (B = ${matrixName}, A = ${loraAName})`;
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

/**
 * The LoRA update ΔW = BA (m×n) from B (m×r) and A (r×n). Its column space is col(B) when A has
 * full row rank, its row space row(A) when B has full column rank; taking the subspaces of the
 * product itself is right in every case. Throws when the inner dimensions differ.
 */
export function loraUpdate(b: Matrix, a: Matrix): RequestMatrix {
  if (b.cols !== a.rows)
    throw new RangeError(
      `B is ${b.rows}×${b.cols} and A is ${a.rows}×${a.cols}: ΔW = BA needs B's columns to equal A's rows`,
    );
  const m = b.rows;
  const n = a.cols;
  const r = b.cols;
  const data = new Float64Array(m * n);
  for (let j = 0; j < n; j++)
    for (let l = 0; l < r; l++) {
      const factor = a.data[l + j * r];
      if (factor === 0) continue;
      for (let i = 0; i < m; i++) data[i + j * m] += b.data[i + l * m] * factor;
    }
  return { rows: m, cols: n, data };
}
