// What the figure views say instead of a figure when a matrix has no numbers yet: a dense
// matrix's numbers on their way from the host, or why there are none.
import type { ViewMatrix } from './use-matrix';

/** The sentence for a matrix without numbers: a cell that is not a number, or a failed read. */
export function matrixProblem(matrix: ViewMatrix): string {
  // A dense matrix's error already says what could not be read.
  return matrix.dense
    ? (matrix.error ?? '')
    : `The matrix has an entry that is not a number: ${matrix.error ?? ''}`;
}

export function NumbersLoading({ matrix }: { matrix: ViewMatrix | null | undefined }) {
  if (!matrix?.loading) return null;
  return (
    <p className="muted" role="status" data-testid="numbers-loading">
      Reading the numbers of {matrix.name} ({matrix.rows}×{matrix.cols})…
    </p>
  );
}
