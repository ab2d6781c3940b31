// Helpers shared by the exact-core tests: rational grids from text and back, products, fast-check
// arbitraries for small rational matrices.
import fc from 'fast-check';
import { Rational, parseRational } from './rational';

export function rationalGrid(rows: readonly (readonly (string | number)[])[]): Rational[][] {
  return rows.map((row) => row.map((value) => parseRational(String(value))));
}

export function textGrid(rows: readonly (readonly Rational[])[]): string[][] {
  return rows.map((row) => row.map((value) => value.toString()));
}

export function multiply(
  left: readonly (readonly Rational[])[],
  right: readonly (readonly Rational[])[],
  innerSize = left.length === 0 ? 0 : left[0].length,
): Rational[][] {
  const columns = right.length === 0 ? 0 : right[0].length;
  return left.map((row) => {
    const result: Rational[] = [];
    for (let j = 0; j < columns; j++) {
      let sum = Rational.zero;
      for (let k = 0; k < innerSize; k++) sum = sum.add(row[k].multiply(right[k][j]));
      result.push(sum);
    }
    return result;
  });
}

export function identityGrid(size: number): Rational[][] {
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? Rational.one : Rational.zero)),
  );
}

/** Small rationals, with many zeros and repeats so that rank deficiency happens often. */
export const smallRational = fc.oneof(
  { weight: 2, arbitrary: fc.constant(Rational.zero) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 1, max: 4 }))
      .map(([numerator, denominator]) => Rational.of(numerator, denominator)),
  },
);

export function rationalMatrix(maxRows = 5, maxColumns = 5) {
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxColumns }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(smallRational, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
}

/** Low-rank integer matrices built as products of thin factors. */
export function lowRankMatrix(maxRows = 6, maxColumns = 6) {
  return fc
    .tuple(
      fc.integer({ min: 1, max: maxRows }),
      fc.integer({ min: 1, max: maxColumns }),
      fc.integer({ min: 0, max: 3 }),
    )
    .chain(([rows, columns, rank]) =>
      fc
        .tuple(
          fc.array(fc.array(smallRational, { minLength: rank, maxLength: rank }), {
            minLength: rows,
            maxLength: rows,
          }),
          fc.array(fc.array(smallRational, { minLength: columns, maxLength: columns }), {
            minLength: rank,
            maxLength: rank,
          }),
        )
        .map(([left, right]) =>
          rank === 0
            ? Array.from({ length: rows }, () =>
                Array.from({ length: columns }, () => Rational.zero),
              )
            : multiply(left, right, rank),
        ),
    );
}

export interface FixtureCase {
  name: string;
  rows: number;
  cols: number;
  matrix: string[][];
  rref: string[][];
  pivots: number[];
  rank: number;
  nullspace: string[][];
  inverse?: string[][];
  determinant?: string;
  rhs?: string[];
  solution?: { kind: 'unique' | 'infinite' | 'inconsistent'; particular?: string[] };
}
