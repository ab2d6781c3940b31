import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rationalField } from '../../../../core/exact/field';
import { Rational } from '../../../../core/exact/rational';
import { solveSystem } from '../../../../core/exact/system';
import {
  elementaryMatrixOf,
  fieldOf,
  identityOf,
  multiply,
  multiplyVector,
  readIdentity,
  readSystem,
  runningProduct,
  specialSolutionsOf,
} from './elimination-products';
import { cellsOf, rationalArbitrary, rationalMatrixArbitrary, reducedByJob } from './test-matrices';
import { matrixAtStep, scalarText, type ReductionTrace, type ScalarMatrix } from './trace-model';

function traceOf(cells: string[][]): ReductionTrace {
  const outcome = reducedByJob(cells, 'textbook');
  if (outcome.kind !== 'trace') throw new Error(outcome.kind);
  return outcome.trace;
}

const text = (matrix: ScalarMatrix) => matrix.map((row) => row.map(scalarText));

describe('running product E', () => {
  it('E·A is the matrix after each step, and E_k·(previous) the next', () => {
    fc.assert(
      fc.property(rationalMatrixArbitrary, (matrix) => {
        const trace = traceOf(cellsOf(matrix));
        const field = fieldOf(trace);
        for (let k = 0; k <= trace.steps.length; k++) {
          const product = runningProduct(trace, k);
          expect(text(multiply(product, trace.start, field))).toEqual(text(matrixAtStep(trace, k)));
          if (k > 0) {
            const elementary = elementaryMatrixOf(trace.steps[k - 1], trace.rows, field);
            expect(text(multiply(elementary, matrixAtStep(trace, k - 1), field))).toEqual(
              text(matrixAtStep(trace, k)),
            );
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('starts from the identity', () => {
    const trace = traceOf([['2', '1']]);
    expect(text(runningProduct(trace, 0))).toEqual(text(identityOf(1, rationalField as never)));
  });
});

describe('[A | b] and [A | I] readings', () => {
  it('agree with core solveSystem: the same verdict, and solutions that solve Ax = b', () => {
    fc.assert(
      fc.property(
        rationalMatrixArbitrary,
        fc.array(rationalArbitrary, { minLength: 5, maxLength: 5 }),
        (matrix, raw) => {
          const trace = traceOf(cellsOf(matrix));
          const field = fieldOf(trace);
          const b = raw.slice(0, trace.rows);
          const reading = readSystem(
            trace,
            multiplyVector(runningProduct(trace, trace.steps.length), b, field),
          );
          const expected = solveSystem(matrix, b);
          expect(reading.kind).toBe(expected.kind);
          if (reading.kind === 'inconsistent') return;
          const x = reading.kind === 'unique' ? reading.solution : reading.particular;
          expect(text([multiplyVector(trace.start, x, field)])).toEqual(text([b]));
          if (reading.kind === 'infinite') {
            for (const special of reading.specialSolutions) {
              expect(
                multiplyVector(trace.start, special, field).every((value) =>
                  (value as Rational).isZero(),
                ),
              ).toBe(true);
            }
            expect(reading.specialSolutions).toHaveLength(trace.cols - trace.rank);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads the inverse of an invertible matrix, and a left null space otherwise', () => {
    const invertible = traceOf([
      ['2', '1'],
      ['1', '1'],
    ]);
    const reading = readIdentity(invertible, runningProduct(invertible, invertible.steps.length));
    expect(reading.kind).toBe('inverse');
    if (reading.kind === 'inverse') {
      expect(text(reading.inverse)).toEqual([
        ['1', '-1'],
        ['-1', '2'],
      ]);
    }
    const singular = traceOf([
      ['1', '2', '3'],
      ['2', '4', '6'],
      ['1', '3', '4'],
    ]);
    const left = readIdentity(singular, runningProduct(singular, singular.steps.length));
    expect(left.kind).toBe('left-nullspace');
    if (left.kind === 'left-nullspace') {
      expect(left.basis).toHaveLength(1);
      // yᵀA = 0.
      const product = multiply(left.basis, singular.start, fieldOf(singular));
      expect(product[0].every((value) => (value as Rational).isZero())).toBe(true);
    }
  });

  it('special solutions span the null space: A·s = 0 with the free variable 1', () => {
    const trace = traceOf([
      ['1', '2', '3'],
      ['2', '4', '6'],
      ['1', '3', '4'],
    ]);
    const specials = specialSolutionsOf(trace);
    expect(specials.map((vector) => vector.map(scalarText))).toEqual([['-1', '-1', '1']]);
    expect(multiplyVector(trace.start, specials[0], fieldOf(trace)).map(scalarText)).toEqual([
      '0',
      '0',
      '0',
    ]);
  });
});
