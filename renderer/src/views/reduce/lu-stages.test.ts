import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rationalField, type Field } from '../../../../core/exact/field';
import { luDecomposition } from '../../../../core/exact/factorizations';
import { multiply } from './elimination-products';
import { luStageIndex, luStages } from './lu-stages';
import { rationalMatrixArbitrary, reducedByJob } from './test-matrices';
import { scalarText, type Scalar, type ScalarMatrix } from './trace-model';

const field = rationalField as unknown as Field<Scalar>;
const text = (matrix: ScalarMatrix) => matrix.map((row) => row.map(scalarText));

function permuted(matrix: ScalarMatrix, permutation: number[]): ScalarMatrix {
  return permutation.map((source) => matrix[source]);
}

describe('luStages', () => {
  it('keeps PA = LU at every stage, with L unit lower triangular', () => {
    fc.assert(
      fc.property(rationalMatrixArbitrary, (matrix) => {
        for (const stage of luStages(matrix, field)) {
          expect(text(multiply(stage.lower, stage.upper, field))).toEqual(
            text(permuted(matrix, stage.permutation)),
          );
          stage.lower.forEach((row, i) =>
            row.forEach((value, j) => {
              if (j === i) expect(scalarText(value)).toBe('1');
              if (j > i) expect(scalarText(value)).toBe('0');
            }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ends at core luDecomposition', () => {
    fc.assert(
      fc.property(rationalMatrixArbitrary, (matrix) => {
        const stages = luStages(matrix, field);
        const last = stages[stages.length - 1];
        const expected = luDecomposition(matrix);
        expect(last.permutation).toEqual(expected.permutation);
        expect(text(last.lower)).toEqual(text(expected.lower));
        expect(text(last.upper)).toEqual(text(expected.upper));
      }),
      { numRuns: 60 },
    );
  });

  it('follows the textbook trace: one LU event per forward swap or clearing step', () => {
    const cells = [
      ['0', '2', '1'],
      ['1', '1', '1'],
      ['2', '4', '3'],
    ];
    const outcome = reducedByJob(cells, 'textbook');
    if (outcome.kind !== 'trace') throw new Error(outcome.kind);
    const trace = outcome.trace;
    const stages = luStages(trace.start, field);
    const forwardEvents = trace.steps.filter(
      (step) => step.phase === 'forward' && step.kind !== 'scale',
    ).length;
    expect(stages.length - 1).toBe(forwardEvents);
    expect(luStageIndex(trace.steps, 0, stages.length)).toBe(0);
    expect(luStageIndex(trace.steps, trace.steps.length, stages.length)).toBe(stages.length - 1);
    expect(stages[1].event).toEqual({ kind: 'swap', rows: [0, 1] });
  });
});
