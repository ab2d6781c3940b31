import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRref } from '../../../../core/jobs/rref';
import { rref } from '../../../../core/exact/rref';
import { failureOutcome, traceFromJobResult } from './job-trace';
import { cellsOf, rationalMatrixArbitrary } from './test-matrices';
import { scalarText, type ReductionTrace, type TraceOutcome } from './trace-model';

function plain(outcome: TraceOutcome) {
  if (outcome.kind === 'error') return outcome;
  const text = (matrix: readonly (readonly unknown[])[]) =>
    matrix.map((row) => row.map((value) => scalarText(value as never)));
  const { trace } = outcome;
  return {
    kind: outcome.kind,
    exact: trace.exact,
    start: text(trace.start),
    rref: text(trace.rref),
    pivots: trace.pivots,
    rank: trace.rank,
    steps: trace.steps.map((step) => ({
      ...step,
      factor: scalarText(step.factor),
      matrix: text(step.matrix),
    })),
  };
}

describe('the host rref job, read back as the view trace', () => {
  it('gives exactly the trace of core/exact, every fraction intact', () => {
    fc.assert(
      fc.property(
        rationalMatrixArbitrary,
        fc.constantFrom('textbook' as const, 'partial' as const),
        (matrix, strategy) => {
          const cells = cellsOf(matrix);
          const direct = rref(matrix, { strategy, trace: true });
          const trace: ReductionTrace = {
            rows: matrix.length,
            cols: matrix[0].length,
            exact: true,
            strategy,
            start: matrix,
            steps: direct.steps,
            rref: direct.rref,
            pivots: direct.pivots,
            rank: direct.rank,
          };
          expect(plain(traceFromJobResult(runRref({ cells, strategy, trace: true })))).toEqual(
            plain({ kind: 'trace', trace }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('says what is wrong with a cell as a sentence', () => {
    expect(failureOutcome(new Error('row 2, column 3: “2x” is not a number'))).toEqual({
      kind: 'error',
      message: 'Row 2, column 3: “2x” is not a number.',
    });
  });

  it('keeps floating entries to the last bit', () => {
    const cells = [
      ['sqrt(2)', '1/3'],
      ['pi', '2'],
    ];
    const outcome = traceFromJobResult(runRref({ cells, trace: true }));
    if (outcome.kind !== 'trace') throw new Error(outcome.kind);
    expect(outcome.trace.exact).toBe(false);
    expect(outcome.trace.start[0][0]).toBe(Math.SQRT2);
    expect(outcome.trace.rank).toBe(2);
  });

  it('summarizes beyond the traced size', () => {
    const cells = Array.from({ length: 31 }, (_, i) =>
      Array.from({ length: 2 }, (_, j) => String(i + j)),
    );
    const outcome = traceFromJobResult(runRref({ cells, trace: true }));
    expect(outcome.kind).toBe('summary');
    if (outcome.kind === 'summary') expect(outcome.trace.rank).toBe(2);
  });
});
