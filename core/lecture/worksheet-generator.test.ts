import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from '../exact/rational';
import { rref } from '../exact/rref';
import { multiply } from '../exact/test-support';
import { generateWorksheet } from './worksheet-generator';
import { type WorksheetRequest, WorksheetError, worksheetOptions } from './worksheet-options';

/** Valid worksheet requests over small shapes: every system class, both kinds of answer. */
const requests: fc.Arbitrary<WorksheetRequest> = fc
  .record({
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 6 }),
    rankShare: fc.double({ min: 0, max: 1, noNaN: true }),
    entryBound: fc.integer({ min: 5, max: 12 }),
    answers: fc.constantFrom('integers' as const, 'fractions' as const),
    denominatorBound: fc.integer({ min: 2, max: 6 }),
    systemChoice: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    givePivots: fc.boolean(),
    pivotSeed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((draw) => {
    const largest = Math.min(draw.rows, draw.cols);
    const rank = Math.round(draw.rankShare * largest);
    const possible: WorksheetRequest['system'][] = ['none'];
    if (rank === draw.cols) possible.push('unique');
    if (rank < draw.cols) possible.push('free');
    if (rank < draw.rows) possible.push('inconsistent');
    const system = possible[draw.systemChoice % possible.length];
    // Given pivots: a deterministic choice of `rank` columns.
    const columns = Array.from({ length: draw.cols }, (_, j) => j);
    const pivotColumns = columns
      .sort(
        (left, right) =>
          ((left * 7919 + draw.pivotSeed) % 101) - ((right * 7919 + draw.pivotSeed) % 101),
      )
      .slice(0, rank)
      .sort((left, right) => left - right);
    return {
      rows: draw.rows,
      cols: draw.cols,
      rank,
      entryBound: draw.entryBound,
      answers: draw.answers,
      denominatorBound: draw.denominatorBound,
      system,
      count: 3,
      seed: draw.seed,
      ...(draw.givePivots ? { pivotColumns } : {}),
    };
  });

function within(values: readonly Rational[], bound: number): boolean {
  return values.every((value) => value.abs().compare(Rational.fromInteger(bound)) <= 0);
}

describe('worksheet generator', () => {
  it('makes every exercise exactly as asked, over many seeds', () => {
    fc.assert(
      fc.property(requests, (request) => {
        const options = worksheetOptions(request);
        const sheet = generateWorksheet(request);
        expect(sheet.exercises.length).toBe(3);
        for (const exercise of sheet.exercises) {
          const a = exercise.matrix;
          expect(a.length).toBe(options.rows);
          expect(
            a.every(
              (row) => row.length === options.cols && row.every((value) => value.isInteger()),
            ),
          ).toBe(true);
          expect(within(a.flat(), options.entryBound)).toBe(true);
          // Checked by an elimination of its own, not the generator's.
          const reduced = rref(a, { trace: false });
          expect(reduced.rank).toBe(options.rank);
          if (options.pivotColumns) expect(reduced.pivots).toEqual(options.pivotColumns);
          const largestDenominator =
            options.answers === 'integers' ? 1n : BigInt(options.denominatorBound);
          for (const value of reduced.rref.flat()) {
            expect(value.denominator <= largestDenominator).toBe(true);
          }
          expect(within(reduced.rref.flat(), options.entryBound)).toBe(true);
          // The answer key's subspaces: A·N = 0, Nᵀ(A)·A = 0, with the right dimensions.
          const { analysis } = exercise;
          expect(analysis.nullspace.length).toBe(options.cols - options.rank);
          expect(analysis.leftNullspace.length).toBe(options.rows - options.rank);
          for (const vector of analysis.nullspace) {
            const product = multiply(
              a,
              vector.map((value) => [value]),
            );
            expect(product.every(([value]) => value.isZero())).toBe(true);
          }
          for (const vector of analysis.leftNullspace) {
            const product = multiply([vector], a);
            expect(product[0].every((value) => value.isZero())).toBe(true);
          }
          if (options.system === 'none') {
            expect(exercise.rightHandSide).toBeUndefined();
            continue;
          }
          const b = exercise.rightHandSide!;
          expect(within(b, options.entryBound)).toBe(true);
          const augmented = rref(
            a.map((row, i) => [...row, b[i]]),
            { trace: false },
          );
          for (const value of augmented.rref.flat())
            expect(value.denominator <= largestDenominator).toBe(true);
          if (options.system === 'inconsistent') {
            expect(augmented.rank).toBe(options.rank + 1);
            expect(augmented.pivots[augmented.pivots.length - 1]).toBe(options.cols);
          } else {
            expect(augmented.rank).toBe(options.rank);
            const system = exercise.system!;
            const solution =
              system.kind === 'unique'
                ? system.solution
                : system.kind === 'infinite'
                  ? system.particular
                  : [];
            const image = multiply(
              a,
              solution.map((value) => [value]),
            );
            expect(image.map(([value]) => value.toString())).toEqual(b.map(String));
            expect(system.kind).toBe(options.system === 'unique' ? 'unique' : 'infinite');
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is reproducible: the same seed gives the same sheet, another seed another', () => {
    const request = { rows: 3, cols: 4, rank: 2, count: 10, seed: 7 };
    const text = (seed: number) =>
      generateWorksheet({ ...request, seed }).exercises.map((exercise) =>
        exercise.matrix.map((row) => row.join(' ')).join(';'),
      );
    expect(text(7)).toEqual(text(7));
    expect(text(8)).not.toEqual(text(7));
    // Ten different exercises on one sheet.
    expect(new Set(text(7)).size).toBe(10);
  });

  it('draws matrices that take real elimination, not ones nearly in RREF', () => {
    // A general 3×4 of rank 2 needs r(m − 1) = 4 row additions; seed 7 once opened with a matrix
    // whose first two rows were already [1 0 * *] and [0 1 * *], two subtractions from done.
    for (const seed of [7, 8, 9, 10, 11]) {
      const sheet = generateWorksheet({ rows: 3, cols: 4, rank: 2, count: 10, seed });
      for (const exercise of sheet.exercises) {
        const additions = rref(exercise.matrix).steps.filter((step) => step.kind === 'add');
        expect(additions.length, `seed ${seed}, exercise ${exercise.number}`).toBeGreaterThan(2);
        // At most one row of A is already a row of its RREF, up to sign.
        const reducedRows = exercise.analysis.rref
          .slice(0, 2)
          .flatMap((row) => [row.join(' '), row.map((value) => value.negate()).join(' ')]);
        const alreadyReduced = exercise.matrix.filter((row) => reducedRows.includes(row.join(' ')));
        expect(alreadyReduced.length, `seed ${seed}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('shows fractions on a fraction sheet where the pivots allow them', () => {
    const sheet = generateWorksheet({
      rows: 3,
      cols: 5,
      rank: 2,
      answers: 'fractions',
      count: 10,
      seed: 3,
    });
    const withFractions = sheet.exercises.filter((exercise) =>
      exercise.analysis.rref.flat().some((value) => !value.isInteger()),
    );
    expect(withFractions.length).toBeGreaterThan(5);
  });

  it('says which option is impossible', () => {
    expect(() => worksheetOptions({ rows: 3, cols: 4, rank: 4 })).toThrow(
      'rank: a 3×4 matrix has rank at most 3',
    );
    expect(() => worksheetOptions({ rows: 3, cols: 4, rank: 2, system: 'unique' })).toThrow(
      /unique solution needs rank = number of columns \(4\)/,
    );
    expect(() => worksheetOptions({ rows: 3, cols: 3, rank: 3, system: 'inconsistent' })).toThrow(
      /every b is reached/,
    );
    expect(() => worksheetOptions({ rows: 3, cols: 4, rank: 2, pivotColumns: [2, 1] })).toThrow(
      /increasing order/,
    );
    expect(() => worksheetOptions({ rows: 3, cols: 4, rank: 2, pivotColumns: [1] })).toThrow(
      /needs 2 pivot columns/,
    );
    // Eight rows of a rank-2 matrix with entries in {−1, 0, 1}, no two equal or opposite: there are
    // only four such directions.
    expect(() => generateWorksheet({ rows: 8, cols: 2, rank: 2, entryBound: 1, count: 1 })).toThrow(
      WorksheetError,
    );
  });
});
