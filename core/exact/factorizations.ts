// Exact factorizations read off elimination: PA = LU with the multipliers in L (Strang §2.6–2.7,
// rectangular and singular A allowed), A = CR (Strang's column–row factorization, §1.4), the
// inverse through [A | I] (§2.5) and the determinant from U.
// Cost O(m·n·min(m,n)) rational operations for LU; O(m²·(n+m)) for E and the inverse.
import { Rational } from './rational';
import { type RationalMatrix, columnCountOf, reduceWithIdentity } from './analysis';
import { rref } from './rref';

export interface LuFactorization {
  /** P as a row order: row i of PA is row permutation[i] of A. */
  permutation: number[];
  /** P as a matrix (m×m). */
  permutationMatrix: Rational[][];
  /** Unit lower triangular m×m, the elimination multipliers below the diagonal. */
  lower: Rational[][];
  /** m×n row echelon form, pivots not scaled. */
  upper: Rational[][];
  pivots: number[];
  /** Number of row swaps, so det P = (−1)^swaps. */
  swaps: number;
}

/** PA = LU by Gaussian elimination, swapping only when the pivot position holds a zero. */
export function luDecomposition(matrix: RationalMatrix, columns?: number): LuFactorization {
  const rowCount = matrix.length;
  const columnCount = columnCountOf(matrix, columns);
  const upper = matrix.map((row) => row.slice());
  const lower = Array.from({ length: rowCount }, (_, i) =>
    Array.from({ length: rowCount }, (_, j) => (i === j ? Rational.one : Rational.zero)),
  );
  const permutation = Array.from({ length: rowCount }, (_, i) => i);
  const pivots: number[] = [];
  let swaps = 0;
  let pivotRow = 0;
  for (let col = 0; col < columnCount && pivotRow < rowCount; col++) {
    let chosen = pivotRow;
    while (chosen < rowCount && upper[chosen][col].isZero()) chosen++;
    if (chosen === rowCount) continue;
    if (chosen !== pivotRow) {
      [upper[pivotRow], upper[chosen]] = [upper[chosen], upper[pivotRow]];
      [permutation[pivotRow], permutation[chosen]] = [permutation[chosen], permutation[pivotRow]];
      // Multipliers already found move with their rows; the diagonal stays 1.
      for (let j = 0; j < pivotRow; j++) {
        [lower[pivotRow][j], lower[chosen][j]] = [lower[chosen][j], lower[pivotRow][j]];
      }
      swaps++;
    }
    const pivotValue = upper[pivotRow][col];
    for (let i = pivotRow + 1; i < rowCount; i++) {
      if (upper[i][col].isZero()) continue;
      const multiplier = upper[i][col].divide(pivotValue);
      lower[i][pivotRow] = multiplier;
      for (let j = col; j < columnCount; j++) {
        upper[i][j] = upper[i][j].subtract(multiplier.multiply(upper[pivotRow][j]));
      }
    }
    pivots.push(col);
    pivotRow++;
  }
  const permutationMatrix = permutation.map((source) =>
    Array.from({ length: rowCount }, (_, j) => (j === source ? Rational.one : Rational.zero)),
  );
  return { permutation, permutationMatrix, lower, upper, pivots, swaps };
}

/** det A for square A: (−1)^swaps times the product of U's diagonal. */
export function determinant(matrix: RationalMatrix): Rational {
  const size = matrix.length;
  if (matrix.some((row) => row.length !== size))
    throw new RangeError('the determinant needs a square matrix');
  const { upper, swaps } = luDecomposition(matrix, size);
  let product = swaps % 2 === 0 ? Rational.one : Rational.minusOne;
  for (let i = 0; i < size; i++) product = product.multiply(upper[i][i]);
  return product;
}

/** E with EA = R (a product of elementary matrices), from reducing [A | I]. */
export function reductionMatrix(matrix: RationalMatrix, columns?: number): Rational[][] {
  return reduceWithIdentity(matrix, columnCountOf(matrix, columns)).reduction;
}

/** A⁻¹ through [A | I] → [I | A⁻¹], or null when A is singular or not square. */
export function inverse(matrix: RationalMatrix, columns?: number): Rational[][] | null {
  const size = matrix.length;
  if (columnCountOf(matrix, columns) !== size || matrix.some((row) => row.length !== size))
    return null;
  const { reduction, pivots } = reduceWithIdentity(matrix, size);
  return pivots.length === size ? reduction : null;
}

export interface ColumnRowFactorization {
  /** The pivot columns of A, m×r. */
  columnFactor: Rational[][];
  /** The non-zero rows of rref(A), r×n. */
  rowFactor: Rational[][];
  pivots: number[];
}

/** A = CR: C holds A's independent columns, R says how every column combines them. */
export function columnRowFactorization(matrix: RationalMatrix): ColumnRowFactorization {
  const reduced = rref(matrix, { trace: false });
  return {
    columnFactor: matrix.map((row) => reduced.pivots.map((col) => row[col])),
    rowFactor: reduced.rref.slice(0, reduced.rank),
    pivots: reduced.pivots,
  };
}
