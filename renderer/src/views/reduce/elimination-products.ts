// What the row operations of a trace build besides the reduced matrix: the elementary matrix of a
// step, the running product E = E_k⋯E_1 (so E·A is the matrix after step k), and the augmented
// readings [A | b] → [R | Eb] (solvable? particular + special solutions) and [A | I] → [R | E]
// (inverse, or the left null space in the last m − r rows of E). Strang, Introduction to Linear
// Algebra §2.3, §2.5, §3.4. Cost O(k·m²) for k steps of an m-row matrix.
import { floatField, rationalField, type Field } from '../../../../core/exact/field';
import { applyOperationInPlace } from '../../../../core/exact/rref';
import type { ReductionTrace, Scalar, ScalarMatrix, TraceStep } from './trace-model';
import { freeColumns } from './trace-model';

/** The arithmetic of the trace: exact rationals or floating point with its tolerance. */
export function fieldOf(trace: Pick<ReductionTrace, 'exact' | 'tolerance'>): Field<Scalar> {
  // Every entry of one trace has the same type, so the casts cannot mix rationals and numbers.
  return trace.exact
    ? (rationalField as unknown as Field<Scalar>)
    : (floatField(trace.tolerance ?? 0) as unknown as Field<Scalar>);
}

export function identityOf(size: number, field: Field<Scalar>): ScalarMatrix {
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? field.one : field.zero)),
  );
}

/** The m×m elementary matrix of one step: E·M is M after the step. */
export function elementaryMatrixOf(
  step: TraceStep,
  size: number,
  field: Field<Scalar>,
): ScalarMatrix {
  const result = identityOf(size, field);
  applyOperationInPlace(result, step.kind, step.rows, step.factor, field);
  return result;
}

/** E = E_count ⋯ E_1, the first `count` steps applied to the identity. */
export function runningProduct(trace: ReductionTrace, count: number): ScalarMatrix {
  const field = fieldOf(trace);
  const result = identityOf(trace.rows, field);
  const last = Math.min(count, trace.steps.length);
  for (let k = 0; k < last; k++) {
    const step = trace.steps[k];
    applyOperationInPlace(result, step.kind, step.rows, step.factor, field);
  }
  return result;
}

export function multiply(
  left: ScalarMatrix,
  right: ScalarMatrix,
  field: Field<Scalar>,
): ScalarMatrix {
  const inner = right.length;
  const cols = inner === 0 ? 0 : right[0].length;
  return left.map((row) =>
    Array.from({ length: cols }, (_, j) => {
      let sum = field.zero;
      for (let k = 0; k < inner; k++) {
        if (!field.isExactZero(row[k]) && !field.isExactZero(right[k][j])) {
          sum = field.add(sum, field.multiply(row[k], right[k][j]));
        }
      }
      return sum;
    }),
  );
}

export function multiplyVector(
  matrix: ScalarMatrix,
  vector: readonly Scalar[],
  field: Field<Scalar>,
): Scalar[] {
  return multiply(
    matrix,
    vector.map((value) => [value]),
    field,
  ).map((row) => row[0]);
}

export type SystemReading =
  | {
      kind: 'inconsistent';
      /** 0-based row of [R | Eb] that reads 0 = c with c ≠ 0. */ row: number;
      value: Scalar;
    }
  | { kind: 'unique'; solution: Scalar[] }
  | {
      kind: 'infinite';
      particular: Scalar[];
      freeColumns: number[];
      /** x = particular + Σ t_k · specialSolutions[k]. */
      specialSolutions: Scalar[][];
    };

/** The special solutions of Rx = 0: each free variable 1 in turn, the other free variables 0. */
export function specialSolutionsOf(trace: ReductionTrace): Scalar[][] {
  const field = fieldOf(trace);
  return freeColumns(trace.pivots, trace.cols).map((free) => {
    const vector: Scalar[] = new Array<Scalar>(trace.cols).fill(field.zero);
    vector[free] = field.one;
    trace.pivots.forEach((pivotColumn, row) => {
      vector[pivotColumn] = field.negate(trace.rref[row][free]);
    });
    return vector;
  });
}

/**
 * Reads Ax = b from the finished reduction [R | c] with c = E·b: inconsistent when a zero row of R
 * meets a non-zero entry of c, else the particular solution with free variables 0 plus the special
 * solutions.
 */
export function readSystem(
  trace: ReductionTrace,
  reducedRightHandSide: readonly Scalar[],
): SystemReading {
  const field = fieldOf(trace);
  for (let i = trace.rank; i < trace.rows; i++) {
    if (!field.isZero(reducedRightHandSide[i]))
      return { kind: 'inconsistent', row: i, value: reducedRightHandSide[i] };
  }
  const particular: Scalar[] = new Array<Scalar>(trace.cols).fill(field.zero);
  trace.pivots.forEach((pivotColumn, row) => {
    particular[pivotColumn] = reducedRightHandSide[row];
  });
  const free = freeColumns(trace.pivots, trace.cols);
  if (free.length === 0) return { kind: 'unique', solution: particular };
  return {
    kind: 'infinite',
    particular,
    freeColumns: free,
    specialSolutions: specialSolutionsOf(trace),
  };
}

export type IdentityReading =
  | { kind: 'inverse'; inverse: ScalarMatrix }
  /** Rows y with yᵀA = 0: the last m − r rows of E (empty when r = m). */
  | { kind: 'left-nullspace'; basis: ScalarMatrix };

/** Reads [A | I] → [R | E] when the reduction is finished. */
export function readIdentity(trace: ReductionTrace, product: ScalarMatrix): IdentityReading {
  if (trace.rows === trace.cols && trace.rank === trace.rows)
    return { kind: 'inverse', inverse: product };
  return { kind: 'left-nullspace', basis: product.slice(trace.rank) };
}
