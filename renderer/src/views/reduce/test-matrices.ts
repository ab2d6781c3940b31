// Random exact matrices for property tests: small rationals, with repeated rows so that
// rank-deficient cases (zero rows, free columns, swaps) come up often.
import fc from 'fast-check';
import { runRref } from '../../../../core/jobs/rref';
import { Rational } from '../../../../core/exact/rational';
import { failureOutcome, traceFromJobResult } from './job-trace';
import type { TraceOutcome } from './trace-model';

export const rationalArbitrary = fc
  .tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 }))
  .map(([numerator, denominator]) => Rational.of(numerator, denominator));

/** An m×n rational matrix, 1 ≤ m, n ≤ 5, where a row may be a multiple of an earlier one. */
export const rationalMatrixArbitrary = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      base: fc.array(fc.array(rationalArbitrary, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      copies: fc.array(fc.option(fc.tuple(fc.nat(), rationalArbitrary), { freq: 3 }), {
        minLength: rows,
        maxLength: rows,
      }),
    }),
  )
  .map(({ base, copies }) =>
    base.map((row, i) => {
      const copy = copies[i];
      if (!copy || i === 0) return row;
      const [source, factor] = copy;
      return base[source % i].map((value) => value.multiply(factor));
    }),
  );

export function cellsOf(matrix: readonly (readonly Rational[])[]): string[][] {
  return matrix.map((row) => row.map((value) => value.toString()));
}

/** The view's outcome for `cells` as the host gives it: the rref job, read back by job-trace. */
export function reducedByJob(
  cells: string[][],
  strategy: 'textbook' | 'partial' = 'textbook',
): TraceOutcome {
  try {
    return traceFromJobResult(runRref({ cells, strategy, trace: true }));
  } catch (error) {
    return failureOutcome(error);
  }
}
