import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Rational } from './rational';
import { analyzeSubspaces, reductionFromSteps } from './analysis';
import {
  columnRowFactorization,
  determinant,
  inverse,
  luDecomposition,
  reductionMatrix,
} from './factorizations';
import { solveSystem } from './system';
import { rref } from './rref';
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

function rankOf(rows: Rational[][]): number {
  return rows.length === 0 ? 0 : rref(rows, { trace: false }).rank;
}

function transpose(rows: readonly (readonly Rational[])[], columns: number): Rational[][] {
  return Array.from({ length: columns }, (_, j) => rows.map((row) => row[j]));
}

describe('analyzeSubspaces', () => {
  it('analyzes the worked example', () => {
    const analysis = analyzeSubspaces(
      rationalGrid([
        [1, 2, 3],
        [2, 4, 6],
        [1, 3, 4],
      ]),
    );
    expect(analysis.rank).toBe(2);
    expect(analysis.freeColumns).toEqual([2]);
    expect(textGrid(analysis.nullspace)).toEqual([['-1', '-1', '1']]);
    expect(textGrid(analysis.columnSpace)).toEqual([
      ['1', '2', '1'],
      ['2', '4', '3'],
    ]);
    expect(textGrid(analysis.rowSpace)).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
    ]);
    expect(analysis.leftNullspace).toHaveLength(1);
    const [y] = analysis.leftNullspace;
    const yTimesA = multiply(
      [y],
      rationalGrid([
        [1, 2, 3],
        [2, 4, 6],
        [1, 3, 4],
      ]),
    );
    expect(yTimesA[0].every((value) => value.isZero())).toBe(true);
  });

  it('agrees with SymPy: rank, RREF and the special solutions', () => {
    for (const fixture of cases) {
      const analysis = analyzeSubspaces(rationalGrid(fixture.matrix), fixture.cols);
      expect(analysis.rank, fixture.name).toBe(fixture.rank);
      expect(textGrid(analysis.rref), fixture.name).toEqual(fixture.rref);
      expect(analysis.pivots, fixture.name).toEqual(fixture.pivots);
      expect(textGrid(analysis.nullspace), fixture.name).toEqual(fixture.nullspace);
      expect(analysis.nullity).toBe(fixture.cols - fixture.rank);
    }
  });

  it('gives bases of the four subspaces with the right dimensions (property)', () => {
    fc.assert(
      fc.property(lowRankMatrix(), (matrix) => {
        const m = matrix.length;
        const n = matrix[0].length;
        const analysis = analyzeSubspaces(matrix);
        const r = analysis.rank;
        expect(analysis.nullspace).toHaveLength(n - r);
        expect(analysis.leftNullspace).toHaveLength(m - r);
        for (const x of analysis.nullspace) {
          const product = multiply(
            matrix,
            x.map((value) => [value]),
          );
          expect(product.every(([value]) => value.isZero())).toBe(true);
        }
        for (const y of analysis.leftNullspace) {
          expect(multiply([y], matrix)[0].every((value) => value.isZero())).toBe(true);
        }
        // Independence and spans: row space = rows of A; column space spans A's columns.
        expect(rankOf(analysis.rowSpace)).toBe(r);
        expect(rankOf([...matrix.map((row) => row.slice()), ...analysis.rowSpace])).toBe(r);
        expect(rankOf(analysis.columnSpace)).toBe(r);
        expect(rankOf([...transpose(matrix, n), ...analysis.columnSpace])).toBe(r);
        expect(rankOf(analysis.nullspace)).toBe(n - r);
        expect(rankOf(analysis.leftNullspace)).toBe(m - r);
        // EA = R.
        expect(textGrid(multiply(analysis.reduction, matrix))).toEqual(textGrid(analysis.rref));
      }),
      { numRuns: 120 },
    );
  });
});

describe('reductionFromSteps', () => {
  it('replaying the trace on I gives E with EA = R, invertible, and A⁻¹ when A is (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(5, 5), (matrix) => {
        const traced = rref(matrix);
        const reduction = reductionFromSteps(traced.steps, matrix.length);
        expect(textGrid(multiply(reduction, matrix))).toEqual(textGrid(traced.rref));
        expect(rankOf(reduction)).toBe(matrix.length);
        const square = matrix.length === matrix[0].length;
        if (square && traced.rank === matrix.length) {
          expect(textGrid(reduction)).toEqual(textGrid(inverse(matrix)!));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('factorizations', () => {
  it('PA = LU with unit lower L and echelon U (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(5, 5), (matrix) => {
        const { permutationMatrix, lower, upper, pivots } = luDecomposition(matrix);
        expect(textGrid(multiply(lower, upper))).toEqual(
          textGrid(multiply(permutationMatrix, matrix)),
        );
        lower.forEach((row, i) => {
          expect(row[i].isOne()).toBe(true);
          for (let j = i + 1; j < row.length; j++) expect(row[j].isZero()).toBe(true);
        });
        pivots.forEach((col, row) => {
          expect(upper[row][col].isZero()).toBe(false);
          for (let i = row + 1; i < upper.length; i++) expect(upper[i][col].isZero()).toBe(true);
        });
        expect(pivots).toEqual(rref(matrix, { trace: false }).pivots);
      }),
      { numRuns: 120 },
    );
  });

  it('puts the multipliers in L', () => {
    const { lower, upper, permutation } = luDecomposition(
      rationalGrid([
        [2, 1],
        [6, 8],
      ]),
    );
    expect(permutation).toEqual([0, 1]);
    expect(textGrid(lower)).toEqual([
      ['1', '0'],
      ['3', '1'],
    ]);
    expect(textGrid(upper)).toEqual([
      ['2', '1'],
      ['0', '5'],
    ]);
  });

  it('A = CR (property)', () => {
    fc.assert(
      fc.property(lowRankMatrix(), (matrix) => {
        const { columnFactor, rowFactor, pivots } = columnRowFactorization(matrix);
        expect(columnFactor[0]).toHaveLength(pivots.length);
        if (pivots.length > 0)
          expect(textGrid(multiply(columnFactor, rowFactor))).toEqual(textGrid(matrix));
        else expect(matrix.every((row) => row.every((value) => value.isZero()))).toBe(true);
      }),
    );
  });

  it('inverse and determinant agree with SymPy', () => {
    for (const fixture of cases) {
      const matrix = rationalGrid(fixture.matrix);
      const result = inverse(matrix, fixture.cols);
      if (fixture.inverse) {
        expect(textGrid(result!), fixture.name).toEqual(fixture.inverse);
        expect(determinant(matrix).toString()).toBe(fixture.determinant);
        expect(textGrid(multiply(reductionMatrix(matrix), matrix))).toEqual(
          textGrid(identityGrid(matrix.length)),
        );
      } else {
        expect(result, fixture.name).toBeNull();
        if (fixture.rows === fixture.cols && fixture.rows > 0)
          expect(determinant(matrix).isZero()).toBe(true);
      }
    }
  });
});

describe('solveSystem', () => {
  it('classifies [A | b] as SymPy does and solves it', () => {
    const systems = cases.filter((fixture) => fixture.rhs);
    expect(systems.length).toBeGreaterThan(5);
    for (const fixture of systems) {
      const matrix = rationalGrid(fixture.matrix);
      const rhs = fixture.rhs!.map((value) => rationalGrid([[value]])[0][0]);
      const result = solveSystem(matrix, rhs);
      expect(result.kind, fixture.name).toBe(fixture.solution!.kind);
      if (result.kind === 'unique') {
        expect(result.solution.map(String)).toEqual(fixture.solution!.particular);
      }
      if (result.kind === 'infinite') {
        expect(result.particular.map(String)).toEqual(fixture.solution!.particular);
        const product = multiply(
          matrix,
          result.particular.map((value) => [value]),
        );
        expect(product.map(([value]) => value.toString())).toEqual(rhs.map(String));
        expect(result.nullspace).toHaveLength(result.freeColumns.length);
        for (const x of result.nullspace) {
          expect(
            multiply(
              matrix,
              x.map((value) => [value]),
            ).every(([value]) => value.isZero()),
          ).toBe(true);
        }
      }
      if (result.kind === 'inconsistent') {
        const row = result.augmentedRref[result.contradictionRow];
        expect(row.slice(0, -1).every((value) => value.isZero())).toBe(true);
        expect(row[row.length - 1].isZero()).toBe(false);
      }
    }
  });
});
