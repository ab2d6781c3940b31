import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from './rational';
import { applyStep, elementaryMatrix, rref, rrefFloat } from './rref';
import fixtures from './fixtures/sympy-rref.json';
import {
  type FixtureCase,
  identityGrid,
  lowRankMatrix,
  multiply,
  rationalGrid,
  rationalMatrix,
  textGrid,
} from './test-support';

const cases = fixtures.cases as FixtureCase[];

describe('rref', () => {
  it('reduces the worked example', () => {
    const result = rref(
      rationalGrid([
        [1, 2, 3],
        [2, 4, 6],
        [1, 3, 4],
      ]),
    );
    expect(textGrid(result.rref)).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['0', '0', '0'],
    ]);
    expect(result.rank).toBe(2);
    expect(result.pivots).toEqual([0, 1]);
    expect(result.steps.map((step) => step.notation)).toEqual([
      'R_2 ← R_2 − 2R_1',
      'R_3 ← R_3 − R_1',
      'R_2 ↔ R_3',
      'R_1 ← R_1 − 2R_2',
    ]);
    expect(result.steps[0].reason).toBe('clear below the pivot in column 1');
    expect(result.steps[0].phase).toBe('forward');
    expect(result.steps[3].phase).toBe('backward');
    expect(result.steps[3].reason).toBe('clear above the pivot in column 2');
  });

  it('writes scale steps and fractions the way a lecturer does', () => {
    const result = rref(
      rationalGrid([
        [2, 1],
        [1, 3],
      ]),
    );
    expect(result.steps[0]).toMatchObject({ kind: 'scale', rows: [0], notation: 'R_1 ← (1/2)R_1' });
    expect(result.steps[0].reason).toBe('make the pivot 1');
    expect(result.steps[0].factor.toString()).toBe('1/2');
    expect(result.steps[1].notation).toBe('R_2 ← R_2 − R_1');
    expect(result.steps[2].notation).toBe('R_2 ← (2/5)R_2');
    expect(result.steps[3].notation).toBe('R_1 ← R_1 − (1/2)R_2');
    expect(textGrid(result.rref)).toEqual([
      ['1', '0'],
      ['0', '1'],
    ]);
  });

  it('pivots on the largest entry with the partial strategy', () => {
    const result = rref(
      rationalGrid([
        [1, 2],
        [-3, 1],
      ]),
      { strategy: 'partial' },
    );
    expect(result.steps[0]).toMatchObject({ kind: 'swap', rows: [0, 1], notation: 'R_1 ↔ R_2' });
    expect(result.steps[1].notation).toBe('R_1 ← −(1/3)R_1');
  });

  it('agrees with SymPy on the fixture set', () => {
    for (const fixture of cases) {
      for (const strategy of ['textbook', 'partial'] as const) {
        const result = rref(rationalGrid(fixture.matrix), { strategy });
        expect(textGrid(result.rref), fixture.name).toEqual(fixture.rref);
        expect(result.pivots, fixture.name).toEqual(fixture.pivots);
        expect(result.rank, fixture.name).toBe(fixture.rank);
      }
    }
  });

  it('replays: each step applied to the previous matrix gives the next (property)', () => {
    fc.assert(
      fc.property(
        rationalMatrix(),
        fc.constantFrom('textbook', 'partial' as const),
        (matrix, strategy) => {
          const result = rref(matrix, { strategy });
          let current = matrix;
          for (const step of result.steps) {
            const next = applyStep(current, step);
            expect(textGrid(next)).toEqual(textGrid(step.matrix));
            current = step.matrix;
          }
          expect(textGrid(current)).toEqual(textGrid(result.rref));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the product of the elementary matrices times A is R (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(), (matrix) => {
        const result = rref(matrix);
        let product = identityGrid(matrix.length);
        for (const step of result.steps)
          product = multiply(elementaryMatrix(step, matrix.length), product);
        expect(textGrid(multiply(product, matrix))).toEqual(textGrid(result.rref));
      }),
      { numRuns: 100 },
    );
  });

  it('both strategies reach the same RREF, which is in reduced form (property)', () => {
    fc.assert(
      fc.property(lowRankMatrix(), (matrix) => {
        const textbook = rref(matrix, { strategy: 'textbook' });
        const partial = rref(matrix, { strategy: 'partial', trace: false });
        expect(textGrid(partial.rref)).toEqual(textGrid(textbook.rref));
        expect(partial.steps).toEqual([]);
        textbook.pivots.forEach((col, row) => {
          for (let i = 0; i < matrix.length; i++) {
            expect(textbook.rref[i][col].equals(i === row ? Rational.one : Rational.zero)).toBe(
              true,
            );
          }
          for (let j = 0; j < col; j++) expect(textbook.rref[row][j].isZero()).toBe(true);
        });
        for (let i = textbook.rank; i < matrix.length; i++) {
          expect(textbook.rref[i].every((value) => value.isZero())).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('rejects ragged input', () => {
    expect(() => rref(rationalGrid([[1, 2], [3]]))).toThrow('row 2 has 1 entries, expected 2');
  });
});

describe('rrefFloat', () => {
  it('reduces with partial pivoting and says it is inexact', () => {
    const s = Math.SQRT2;
    const result = rrefFloat([
      [1, s, 2],
      [s, 2, 2 * s],
      [0, 1, 1],
    ]);
    expect(result.exact).toBe(false);
    expect(result.strategy).toBe('partial');
    expect(result.tolerance).toBeGreaterThan(0);
    expect(result.rank).toBe(2);
    expect(result.pivots).toEqual([0, 1]);
    expect(result.rref[0][2]).toBeCloseTo(2 - s, 12);
    expect(result.rref[1][2]).toBeCloseTo(1, 12);
    expect(result.rref[2]).toEqual([0, 0, 0]);
    expect(result.steps[0].kind).toBe('swap');
  });

  it('replays its own steps to rounding, and matches the exact rank (property)', () => {
    fc.assert(
      fc.property(lowRankMatrix(5, 5), (matrix) => {
        const approx = matrix.map((row) => row.map((value) => value.toNumber()));
        const result = rrefFloat(approx);
        expect(result.rank).toBe(rref(matrix, { trace: false }).rank);
        let current = approx;
        for (const step of result.steps) {
          const next = current.map((row) => row.slice());
          if (step.kind === 'swap')
            [next[step.rows[0]], next[step.rows[1]]] = [next[step.rows[1]], next[step.rows[0]]];
          else {
            const source = step.kind === 'scale' ? next[step.rows[0]] : next[step.rows[1]];
            next[step.rows[0]] = next[step.rows[0]].map((value, j) =>
              step.kind === 'scale' ? step.factor * value : value + step.factor * source[j],
            );
          }
          next.forEach((row, i) =>
            row.forEach((value, j) => expect(step.matrix[i][j]).toBeCloseTo(value, 6)),
          );
          current = step.matrix;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('sees through cancellation that a fixed tolerance takes for a pivot', () => {
    // Rank-deficient matrices (σ_{r+1}/σ₁ ≈ 1e-17) whose last cancelled entry is 4–7 times
    // max(m, n)·ε·max|a|; both were found by the property above.
    const cases = [
      [
        ['1', '-7/4', '17/2'],
        ['-31/4', '49/4', '-11/2'],
        ['-6', '19/2', '-5'],
        ['41/4', '-16', '-2'],
      ],
      [
        ['-5', '31/12', '67/24', '1/3'],
        ['0', '-3/2', '-3', '3'],
        ['9', '-7/12', '7/3', '-3/2'],
        ['4', '2', '5', '0'],
      ],
    ];
    for (const text of cases) {
      const matrix = rationalGrid(text);
      const exact = rref(matrix, { trace: false });
      expect(exact.rank).toBeLessThan(text[0].length);
      const result = rrefFloat(matrix.map((row) => row.map((value) => value.toNumber())));
      expect(result.rank).toBe(exact.rank);
      expect(result.pivots).toEqual(exact.pivots);
    }
  });

  it('keeps the rank of an ill-conditioned matrix the SVD still resolves', () => {
    // Hilbert matrices: numpy's matrix_rank gives 10 for order 10 (σ₁₀/σ₁ ≈ 6e-14), and 11 for
    // order 12, whose σ₁₂ ≈ 1e-16 is lost in rounding.
    const hilbert = (order: number) =>
      Array.from({ length: order }, (_, i) =>
        Array.from({ length: order }, (_, j) => 1 / (i + j + 1)),
      );
    expect(rrefFloat(hilbert(8)).rank).toBe(8);
    expect(rrefFloat(hilbert(10)).rank).toBe(10);
    expect(rrefFloat(hilbert(12)).rank).toBeLessThan(12);
  });

  it('agrees with the exact RREF on rational fixtures', () => {
    for (const fixture of cases) {
      const exact = rref(rationalGrid(fixture.matrix), { trace: false });
      const approx = rrefFloat(
        rationalGrid(fixture.matrix).map((row) => row.map((value) => value.toNumber())),
      );
      expect(approx.rank, fixture.name).toBe(exact.rank);
      approx.rref.forEach((row, i) =>
        row.forEach((value, j) => expect(value).toBeCloseTo(exact.rref[i][j].toNumber(), 6)),
      );
    }
  });
});
