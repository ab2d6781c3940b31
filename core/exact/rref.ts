// Reduced row echelon form with a trace of every elementary row operation, the way it is written
// on a board: forward elimination (swap, scale the pivot to 1, clear below), then back substitution
// (clear above). Gauss–Jordan elimination (Strang, Introduction to Linear Algebra §2.2, §3.3).
// Cost O(m·n·min(m,n)) field operations, plus O(m·n) per step to record the matrix when tracing.
import { Rational } from './rational';
import { type Field, floatField, rationalField } from './field';
import { RoundingErrorEstimates, type ZeroJudge } from './rounding-errors';
import type { StepKind } from './row-operation';

export type { StepKind } from './row-operation';
export type Strategy = 'textbook' | 'partial';

/** One elementary row operation, with rows 0-based. */
export interface StepOf<T> {
  kind: StepKind;
  /** swap: [i, j]; scale: [i] (R_i ← factor·R_i); add: [target, source] (R_target ← R_target + factor·R_source). */
  rows: number[];
  /** 1 for a swap. */
  factor: T;
  pivot: { row: number; col: number };
  phase: 'forward' | 'backward';
  /** One sentence: "make the pivot 1". */
  reason: string;
  /** "R_2 ← R_2 − 2R_1" (1-based, as written by hand). */
  notation: string;
  /** The whole matrix after this step. */
  matrix: T[][];
}

export type Step = StepOf<Rational>;
export type FloatStep = StepOf<number>;

export interface RrefOptions {
  strategy?: Strategy;
  /** Record steps (default true); false skips the matrix copies. */
  trace?: boolean;
}

export interface EliminationResult<T> {
  rref: T[][];
  pivots: number[];
  rank: number;
  steps: StepOf<T>[];
}

export interface RrefResult extends EliminationResult<Rational> {
  exact: true;
}

export interface FloatRrefResult extends EliminationResult<number> {
  exact: false;
  /** Entries of magnitude at most this (or their own rounding-error estimate) count as zero. */
  tolerance: number;
  /** Floating reduction always uses partial pivoting, whatever was asked. */
  strategy: 'partial';
}

/** "R_2", 1-based from a 0-based row index. */
export function rowName(row: number): string {
  return `R_${row + 1}`;
}

/** A coefficient in front of a row name: "", "−", "2", "−(1/2)". Minus is U+2212, as typeset. */
function coefficientText(text: string): string {
  const negative = text.startsWith('-');
  const magnitude = negative ? text.slice(1) : text;
  const body = magnitude === '1' ? '' : magnitude.includes('/') ? `(${magnitude})` : magnitude;
  return negative ? `−${body}` : body;
}

export function stepNotation<T>(
  kind: StepKind,
  rows: number[],
  factor: T,
  field: Field<T>,
): string {
  if (kind === 'swap') return `${rowName(rows[0])} ↔ ${rowName(rows[1])}`;
  const text = field.format(factor);
  if (kind === 'scale') return `${rowName(rows[0])} ← ${coefficientText(text)}${rowName(rows[0])}`;
  const negative = text.startsWith('-');
  const magnitude = coefficientText(negative ? text.slice(1) : text);
  return `${rowName(rows[0])} ← ${rowName(rows[0])} ${negative ? '−' : '+'} ${magnitude}${rowName(rows[1])}`;
}

function copyMatrix<T>(matrix: readonly (readonly T[])[]): T[][] {
  return matrix.map((row) => row.slice());
}

/** Applies one operation in place (the recorded matrix of a step is not consulted). */
export function applyOperationInPlace<T>(
  matrix: T[][],
  kind: StepKind,
  rows: readonly number[],
  factor: T,
  field: Field<T>,
  startColumn = 0,
): void {
  if (kind === 'swap') {
    const held = matrix[rows[0]];
    matrix[rows[0]] = matrix[rows[1]];
    matrix[rows[1]] = held;
    return;
  }
  const target = matrix[rows[0]];
  if (kind === 'scale') {
    for (let j = startColumn; j < target.length; j++) {
      if (!field.isExactZero(target[j])) target[j] = field.multiply(factor, target[j]);
    }
    return;
  }
  const source = matrix[rows[1]];
  for (let j = startColumn; j < target.length; j++) {
    if (!field.isExactZero(source[j]))
      target[j] = field.add(target[j], field.multiply(factor, source[j]));
  }
}

/** The matrix after applying a step's operation to `matrix` (which is left untouched). */
export function applyStep(
  matrix: readonly (readonly Rational[])[],
  step: Pick<Step, 'kind' | 'rows' | 'factor'>,
): Rational[][] {
  const result = copyMatrix(matrix);
  applyOperationInPlace(result, step.kind, step.rows, step.factor, rationalField);
  return result;
}

/** The m×m elementary matrix E of a step: E·A is the matrix after the step. */
export function elementaryMatrix(
  step: Pick<Step, 'kind' | 'rows' | 'factor'>,
  size: number,
): Rational[][] {
  const result: Rational[][] = [];
  for (let i = 0; i < size; i++) {
    const row: Rational[] = [];
    for (let j = 0; j < size; j++) row.push(i === j ? Rational.one : Rational.zero);
    result.push(row);
  }
  applyOperationInPlace(result, step.kind, step.rows, step.factor, rationalField);
  return result;
}

/** Gauss–Jordan over any field; the matrix is copied, never modified. */
export function eliminate<T>(
  input: readonly (readonly T[])[],
  field: Field<T>,
  strategy: Strategy,
  trace: boolean,
  judge?: ZeroJudge<T>,
): EliminationResult<T> {
  const matrix = copyMatrix(input);
  const isZeroAt = (row: number, column: number) =>
    judge
      ? judge.isNegligible(matrix[row][column], row, column)
      : field.isZero(matrix[row][column]);
  const rowCount = matrix.length;
  const columnCount = rowCount === 0 ? 0 : matrix[0].length;
  const steps: StepOf<T>[] = [];
  const pivots: number[] = [];

  const record = (
    kind: StepKind,
    rows: number[],
    factor: T,
    pivot: { row: number; col: number },
    phase: 'forward' | 'backward',
    reason: string,
    startColumn: number,
    settle?: () => void,
  ) => {
    judge?.record(matrix, kind, rows, factor, startColumn);
    applyOperationInPlace(matrix, kind, rows, factor, field, startColumn);
    // The entry the step was meant to make 1 or 0 is set exactly (rounding aside).
    settle?.();
    if (trace) {
      steps.push({
        kind,
        rows,
        factor,
        pivot,
        phase,
        reason,
        notation: stepNotation(kind, rows, factor, field),
        matrix: copyMatrix(matrix),
      });
    }
  };

  let pivotRow = 0;
  for (let col = 0; col < columnCount && pivotRow < rowCount; col++) {
    let chosen = -1;
    for (let i = pivotRow; i < rowCount; i++) {
      if (isZeroAt(i, col)) continue;
      if (chosen < 0) {
        chosen = i;
        if (strategy === 'textbook') break;
      } else if (field.compareMagnitude(matrix[i][col], matrix[chosen][col]) > 0) {
        chosen = i;
      }
    }
    if (chosen < 0) {
      // Whatever is left in this column is (numerically) zero: make it exactly zero.
      for (let i = pivotRow; i < rowCount; i++) matrix[i][col] = field.zero;
      continue;
    }
    const pivot = { row: pivotRow, col };
    if (chosen !== pivotRow) {
      const reason =
        strategy === 'textbook'
          ? `bring a non-zero entry of column ${col + 1} into the pivot position`
          : `bring the largest entry of column ${col + 1} into the pivot position`;
      record('swap', [pivotRow, chosen], field.one, pivot, 'forward', reason, 0);
    }
    const pivotValue = matrix[pivotRow][col];
    if (!field.isOne(pivotValue)) {
      record(
        'scale',
        [pivotRow],
        field.divide(field.one, pivotValue),
        pivot,
        'forward',
        'make the pivot 1',
        col,
        () => {
          matrix[pivotRow][col] = field.one;
        },
      );
    }
    for (let i = pivotRow + 1; i < rowCount; i++) {
      const entry = matrix[i][col];
      if (isZeroAt(i, col)) {
        matrix[i][col] = field.zero;
        continue;
      }
      record(
        'add',
        [i, pivotRow],
        field.negate(entry),
        pivot,
        'forward',
        `clear below the pivot in column ${col + 1}`,
        col,
        () => {
          matrix[i][col] = field.zero;
        },
      );
    }
    pivots.push(col);
    pivotRow++;
  }
  // Rows below the last pivot are zero (to tolerance); make them exactly zero.
  for (let i = pivotRow; i < rowCount; i++) {
    for (let j = 0; j < columnCount; j++) matrix[i][j] = field.zero;
  }
  for (let index = pivots.length - 1; index >= 0; index--) {
    const col = pivots[index];
    const pivot = { row: index, col };
    for (let i = index - 1; i >= 0; i--) {
      const entry = matrix[i][col];
      if (isZeroAt(i, col)) {
        matrix[i][col] = field.zero;
        continue;
      }
      record(
        'add',
        [i, index],
        field.negate(entry),
        pivot,
        'backward',
        `clear above the pivot in column ${col + 1}`,
        col,
        () => {
          matrix[i][col] = field.zero;
        },
      );
    }
  }
  return { rref: matrix, pivots, rank: pivots.length, steps };
}

function checkRectangular(matrix: readonly (readonly unknown[])[]): void {
  const columnCount = matrix.length === 0 ? 0 : matrix[0].length;
  matrix.forEach((row, i) => {
    if (row.length !== columnCount) {
      throw new RangeError(`row ${i + 1} has ${row.length} entries, expected ${columnCount}`);
    }
  });
}

/** Exact RREF of a rational matrix, with its trace. Both strategies reach the same RREF. */
export function rref(
  matrix: readonly (readonly Rational[])[],
  options: RrefOptions = {},
): RrefResult {
  checkRectangular(matrix);
  const result = eliminate(
    matrix,
    rationalField,
    options.strategy ?? 'textbook',
    options.trace ?? true,
  );
  return { ...result, exact: true };
}

/** The floor of the zero test: max(m, n) · ε · (largest absolute entry). */
export function defaultTolerance(matrix: readonly (readonly number[])[]): number {
  let largest = 0;
  for (const row of matrix) for (const value of row) largest = Math.max(largest, Math.abs(value));
  const size = Math.max(matrix.length, matrix.length === 0 ? 0 : matrix[0].length);
  return size * Number.EPSILON * largest;
}

/**
 * Floating RREF for matrices with irrational entries: partial pivoting; an entry counts as zero
 * when it is at most `tolerance` or at most its own running rounding-error estimate. The result
 * says it is not exact.
 */
export function rrefFloat(
  matrix: readonly (readonly number[])[],
  options: { tolerance?: number; trace?: boolean } = {},
): FloatRrefResult {
  checkRectangular(matrix);
  for (const row of matrix) {
    for (const value of row)
      if (!Number.isFinite(value)) throw new RangeError('the matrix has a non-finite entry');
  }
  const tolerance = options.tolerance ?? defaultTolerance(matrix);
  const result = eliminate(
    matrix,
    floatField(tolerance),
    'partial',
    options.trace ?? true,
    new RoundingErrorEstimates(matrix, tolerance),
  );
  return { ...result, exact: false, tolerance, strategy: 'partial' };
}
