// Fraction-free Gaussian elimination on integers: every division is exact, and intermediate entries
// are minors of A, so their size stays bounded by Hadamard's bound (Bareiss 1968; Cohen,
// A Course in Computational Algebraic Number Theory, Algorithm 2.2.6). Deterministic.
// Cost O(m·n·min(m,n)) BigInt operations on numbers of up to O(min(m,n)·log ‖A‖) bits.
import type { Rational } from './rational';
import { integerRows } from './modular';

export interface BareissResult {
  /** Row echelon form; the entry at the k-th pivot is the k-th leading minor of the permuted rows. */
  echelon: bigint[][];
  pivots: number[];
  rank: number;
  /** det A when A is square with integer entries (0 when singular); undefined otherwise. */
  determinant?: bigint;
}

export function bareissInteger(
  matrix: readonly (readonly bigint[])[],
  columns: number,
): BareissResult {
  const rows = matrix.length;
  const work = matrix.map((row) => row.slice());
  const pivots: number[] = [];
  let previous = 1n;
  let sign = 1n;
  let pivotRow = 0;
  for (let col = 0; col < columns && pivotRow < rows; col++) {
    let chosen = pivotRow;
    while (chosen < rows && work[chosen][col] === 0n) chosen++;
    if (chosen === rows) continue;
    if (chosen !== pivotRow) {
      [work[pivotRow], work[chosen]] = [work[chosen], work[pivotRow]];
      sign = -sign;
    }
    const pivotLine = work[pivotRow];
    const pivotValue = pivotLine[col];
    for (let i = pivotRow + 1; i < rows; i++) {
      const line = work[i];
      const entry = line[col];
      for (let j = col + 1; j < columns; j++) {
        // Sylvester's identity makes this division exact.
        line[j] = (pivotValue * line[j] - entry * pivotLine[j]) / previous;
      }
      line[col] = 0n;
    }
    previous = pivotValue;
    pivots.push(col);
    pivotRow++;
  }
  const result: BareissResult = { echelon: work, pivots, rank: pivots.length };
  if (rows === columns) {
    result.determinant =
      pivots.length === rows ? (rows === 0 ? 1n : sign * work[rows - 1][columns - 1]) : 0n;
  }
  return result;
}

/** Bareiss on a rational matrix (rows are first cleared of denominators, which keeps rank and pivots). */
export function bareiss(matrix: readonly (readonly Rational[])[], columns?: number): BareissResult {
  const columnCount = columns ?? (matrix.length === 0 ? 0 : matrix[0].length);
  const result = bareissInteger(integerRows(matrix), columnCount);
  // Clearing denominators scaled the rows, and so the determinant: it is reported only when no row was scaled.
  if (matrix.some((row) => row.some((value) => value.denominator !== 1n)))
    delete result.determinant;
  return result;
}
