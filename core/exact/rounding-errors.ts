// Running rounding-error estimates for floating Gauss–Jordan (Wilkinson's running error analysis,
// Higham, Accuracy and Stability of Numerical Algorithms §3.3): beside every entry, how far it may
// be from the entry exact arithmetic would hold. A fixed tolerance scaled by the largest entry
// misjudges cancellation: a small pivot makes its scaled row large, earlier rounding grows with
// it, and an entry that is zero in exact arithmetic is left at 50 ε·‖A‖ and taken for a pivot.
// The first-order terms are summed in quadrature (rounding errors behave like independent random
// variables: Higham and Mary 2019), not in absolute value: the worst case is so pessimistic that
// it called the Hilbert matrix of order 10 singular, where the SVD and numpy give rank 10.
import type { StepKind } from './row-operation';

const unitRoundoff = Number.EPSILON / 2;

/** Decides zero per entry, from what the steps so far have done to it (floating point). */
export interface ZeroJudge<T> {
  isNegligible(value: T, row: number, column: number): boolean;
  /** Called before each step changes the matrix. */
  record(
    matrix: readonly (readonly T[])[],
    kind: StepKind,
    rows: readonly number[],
    factor: T,
    pivotColumn: number,
  ): void;
}

export class RoundingErrorEstimates implements ZeroJudge<number> {
  private readonly errors: number[][];

  /** Every entry starts with the rounding of its own reading: half an ulp. */
  constructor(
    matrix: readonly (readonly number[])[],
    private readonly floor: number,
  ) {
    this.errors = matrix.map((row) => row.map((value) => unitRoundoff * Math.abs(value)));
  }

  /** At most the floor or its own error estimate: zero as far as the arithmetic can tell. */
  isNegligible(value: number, row: number, column: number): boolean {
    const magnitude = Math.abs(value);
    return magnitude <= this.floor || magnitude <= this.errors[row][column];
  }

  /**
   * Carries the estimates through one step, before the step changes `matrix`. A scale makes
   * `pivotColumn` of its row 1 and an add makes it 0 (both exact by construction), so the
   * factor's own error is charged to the rest of the row.
   */
  record(
    matrix: readonly (readonly number[])[],
    kind: StepKind,
    rows: readonly number[],
    factor: number,
    pivotColumn: number,
  ): void {
    const errors = this.errors;
    if (kind === 'swap') {
      const held = errors[rows[0]];
      errors[rows[0]] = errors[rows[1]];
      errors[rows[1]] = held;
      return;
    }
    const target = matrix[rows[0]];
    const targetErrors = errors[rows[0]];
    const size = Math.abs(factor);
    if (kind === 'scale') {
      // factor = 1/p: relative error of p, plus the division's rounding.
      const pivot = target[pivotColumn];
      const relative = Math.hypot(targetErrors[pivotColumn] / Math.abs(pivot), unitRoundoff);
      for (let j = pivotColumn + 1; j < target.length; j++) {
        const scaled = size * Math.abs(target[j]);
        targetErrors[j] = Math.hypot(
          size * targetErrors[j],
          scaled * relative,
          unitRoundoff * scaled,
        );
      }
      targetErrors[pivotColumn] = 0;
      return;
    }
    // add: target ← target + factor·source, factor = −target[pivotColumn].
    const source = matrix[rows[1]];
    const sourceErrors = errors[rows[1]];
    const factorError = targetErrors[pivotColumn];
    for (let j = pivotColumn + 1; j < target.length; j++) {
      const product = Math.abs(factor * source[j]);
      const sum = Math.abs(target[j] + factor * source[j]);
      targetErrors[j] = Math.hypot(
        targetErrors[j],
        size * sourceErrors[j],
        factorError * Math.abs(source[j]),
        unitRoundoff * product,
        unitRoundoff * sum,
      );
    }
    targetErrors[pivotColumn] = 0;
  }
}
