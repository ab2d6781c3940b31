// PA = LU built one event at a time, so the view can fill L's multipliers as the person steps:
// Gaussian elimination that exchanges rows only when the pivot position holds a zero, the same
// order as core/exact/factorizations.ts luDecomposition (Strang, Introduction to Linear Algebra §2.6–2.7).
// Cost O(m·n·min(m,n)) field operations plus O(m·(m+n)) per recorded stage.
import type { Field } from '../../../../core/exact/field';
import type { Scalar, ScalarMatrix, TraceStep } from './trace-model';

export interface LuStage {
  /** Row i of PA is row permutation[i] of A. */
  permutation: number[];
  lower: ScalarMatrix;
  upper: ScalarMatrix;
  /** The entry of L filled (or the rows exchanged) by this stage; null for the starting stage. */
  event:
    | { kind: 'multiplier'; row: number; col: number }
    | { kind: 'swap'; rows: [number, number] }
    | null;
}

function snapshot(
  permutation: number[],
  lower: ScalarMatrix,
  upper: ScalarMatrix,
  event: LuStage['event'],
): LuStage {
  return {
    permutation: permutation.slice(),
    lower: lower.map((row) => row.slice()),
    upper: upper.map((row) => row.slice()),
    event,
  };
}

/** Every stage of PA = LU, the first being P = I, L = I, U = A and the last the factorization. */
export function luStages(matrix: ScalarMatrix, field: Field<Scalar>): LuStage[] {
  const rows = matrix.length;
  const cols = rows === 0 ? 0 : matrix[0].length;
  const upper = matrix.map((row) => row.slice());
  const lower: ScalarMatrix = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: rows }, (_, j) => (i === j ? field.one : field.zero)),
  );
  const permutation = Array.from({ length: rows }, (_, i) => i);
  const stages = [snapshot(permutation, lower, upper, null)];
  let pivotRow = 0;
  for (let col = 0; col < cols && pivotRow < rows; col++) {
    let chosen = pivotRow;
    while (chosen < rows && field.isZero(upper[chosen][col])) chosen++;
    if (chosen === rows) continue;
    if (chosen !== pivotRow) {
      [upper[pivotRow], upper[chosen]] = [upper[chosen], upper[pivotRow]];
      [permutation[pivotRow], permutation[chosen]] = [permutation[chosen], permutation[pivotRow]];
      // Multipliers already found travel with their rows; the unit diagonal stays.
      for (let j = 0; j < pivotRow; j++) {
        [lower[pivotRow][j], lower[chosen][j]] = [lower[chosen][j], lower[pivotRow][j]];
      }
      stages.push(snapshot(permutation, lower, upper, { kind: 'swap', rows: [pivotRow, chosen] }));
    }
    const pivotValue = upper[pivotRow][col];
    for (let i = pivotRow + 1; i < rows; i++) {
      if (field.isZero(upper[i][col])) continue;
      const multiplier = field.divide(upper[i][col], pivotValue);
      lower[i][pivotRow] = multiplier;
      for (let j = col; j < cols; j++) {
        upper[i][j] = field.subtract(upper[i][j], field.multiply(multiplier, upper[pivotRow][j]));
      }
      upper[i][col] = field.zero;
      stages.push(
        snapshot(permutation, lower, upper, { kind: 'multiplier', row: i, col: pivotRow }),
      );
    }
    pivotRow++;
  }
  return stages;
}

/**
 * The LU stage that matches the first `count` steps of a trace: each forward swap or clearing step
 * of the textbook order is one LU event (scaling the pivot to 1 has no LU counterpart).
 */
export function luStageIndex(
  steps: readonly TraceStep[],
  count: number,
  stageCount: number,
): number {
  let events = 0;
  for (let k = 0; k < Math.min(count, steps.length); k++) {
    const step = steps[k];
    if (step.phase === 'forward' && step.kind !== 'scale') events++;
  }
  return Math.min(events, stageCount - 1);
}
