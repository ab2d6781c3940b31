// What the reduced row echelon form reveals: pivot and free columns, rank, and bases of the four
// fundamental subspaces (Strang, Introduction to Linear Algebra §3.3–3.5): special solutions for the
// null space, pivot columns of A, non-zero rows of R, and the last m−r rows of E (from [A | I]).
// Cost: one Gauss–Jordan elimination of the m×(n+m) matrix [A | I], O(m²·(n+m)).
import { Rational } from './rational';
import { type Step, applyOperationInPlace, rref } from './rref';
import { rationalField } from './field';

export type RationalMatrix = readonly (readonly Rational[])[];

export interface SubspaceAnalysis {
  rows: number;
  cols: number;
  rref: Rational[][];
  pivots: number[];
  freeColumns: number[];
  rank: number;
  nullity: number;
  /** Special solutions: one per free column, that free variable 1, the others 0. Each has length n. */
  nullspace: Rational[][];
  /** The pivot columns of A (each of length m). */
  columnSpace: Rational[][];
  /** The non-zero rows of R (each of length n). */
  rowSpace: Rational[][];
  /** Rows y with yᵀA = 0: the last m − r rows of E (each of length m). */
  leftNullspace: Rational[][];
  /** E with EA = R, read off the reduction of [A | I]. */
  reduction: Rational[][];
}

export function columnCountOf(matrix: RationalMatrix, columns?: number): number {
  return columns ?? (matrix.length === 0 ? 0 : matrix[0].length);
}

export function freeColumnsOf(pivots: readonly number[], columns: number): number[] {
  const pivotSet = new Set(pivots);
  const free: number[] = [];
  for (let j = 0; j < columns; j++) if (!pivotSet.has(j)) free.push(j);
  return free;
}

/** The special solutions of Rx = 0 for R in RREF with the given pivot columns. */
export function specialSolutions(
  reduced: RationalMatrix,
  pivots: readonly number[],
  columns: number,
): Rational[][] {
  return freeColumnsOf(pivots, columns).map((free) => {
    const vector = new Array<Rational>(columns).fill(Rational.zero);
    vector[free] = Rational.one;
    pivots.forEach((pivotColumn, row) => {
      vector[pivotColumn] = reduced[row][free].negate();
    });
    return vector;
  });
}

/** [A | I]: A with the m×m identity appended. */
export function appendIdentity(matrix: RationalMatrix): Rational[][] {
  const size = matrix.length;
  return matrix.map((row, i) => [
    ...row,
    ...Array.from({ length: size }, (_, j) => (i === j ? Rational.one : Rational.zero)),
  ]);
}

/**
 * Reduces [A | I] to [R | E]. Pivots of A are the pivots of [A | I] that fall in the first n
 * columns, because the RREF of the left block alone is the left block of the RREF.
 */
export function reduceWithIdentity(
  matrix: RationalMatrix,
  columns = columnCountOf(matrix),
): { rref: Rational[][]; reduction: Rational[][]; pivots: number[] } {
  const augmented = rref(appendIdentity(matrix), { trace: false });
  return {
    rref: augmented.rref.map((row) => row.slice(0, columns)),
    reduction: augmented.rref.map((row) => row.slice(columns)),
    pivots: augmented.pivots.filter((col) => col < columns),
  };
}

/** E with EA = R, by replaying a trace's operations on the identity: O(m) per step, no new elimination. */
export function reductionFromSteps(
  steps: readonly Pick<Step, 'kind' | 'rows' | 'factor'>[],
  size: number,
): Rational[][] {
  const result = Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? Rational.one : Rational.zero)),
  );
  for (const step of steps)
    applyOperationInPlace(result, step.kind, step.rows, step.factor, rationalField);
  return result;
}

/** The subspaces, given A, its RREF R with pivots, and E with EA = R. */
export function subspacesFromReduction(
  matrix: RationalMatrix,
  columns: number,
  reduced: Rational[][],
  pivots: number[],
  reduction: Rational[][],
): SubspaceAnalysis {
  const rank = pivots.length;
  return {
    rows: matrix.length,
    cols: columns,
    rref: reduced,
    pivots,
    freeColumns: freeColumnsOf(pivots, columns),
    rank,
    nullity: columns - rank,
    nullspace: specialSolutions(reduced, pivots, columns),
    columnSpace: pivots.map((col) => matrix.map((row) => row[col])),
    rowSpace: reduced.slice(0, rank).map((row) => row.slice()),
    leftNullspace: reduction.slice(rank).map((row) => row.slice()),
    reduction,
  };
}

/** Everything the RREF says about A. `columns` is needed only for a 0×n matrix. */
export function analyzeSubspaces(matrix: RationalMatrix, columns?: number): SubspaceAnalysis {
  const columnCount = columnCountOf(matrix, columns);
  const { rref: reduced, reduction, pivots } = reduceWithIdentity(matrix, columnCount);
  return subspacesFromReduction(matrix, columnCount, reduced, pivots, reduction);
}
