import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixFromCells } from './matrix-from-cells';

describe('matrixFromCells', () => {
  it('lays the cells out column-major', () => {
    const matrix = matrixFromCells([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(matrix.rows).toBe(2);
    expect(matrix.cols).toBe(3);
    expect(Array.from(matrix.data)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('rounds fractions and expressions once, as the exact parser does', () => {
    const matrix = matrixFromCells([['1/3', '0.1/0.3', 'sqrt(2)', '-pi/4']]);
    expect(matrix.data[0]).toBe(1 / 3);
    // Dividing the two rounded decimals would give 0.33333333333333337.
    expect(matrix.data[1]).toBe(1 / 3);
    expect(matrix.data[2]).toBe(Math.SQRT2);
    expect(matrix.data[3]).toBeCloseTo(-Math.PI / 4, 15);
  });

  it('reads inf and nan as files write them', () => {
    const matrix = matrixFromCells([['inf', '-Infinity', 'nan', ' 2.5e-3 ']]);
    expect(Array.from(matrix.data)).toEqual([Infinity, -Infinity, NaN, 0.0025]);
  });

  it('names the row and column of a cell that is not a number', () => {
    expect(() =>
      matrixFromCells([
        ['1', '2'],
        ['3', '2x'],
      ]),
    ).toThrow(/^row 2, column 2: "2x" is not a number/);
    expect(() => matrixFromCells([['1'], ['']])).toThrow(/^row 2, column 1: empty entry/);
    expect(() => matrixFromCells([['1', '2'], ['3']])).toThrow('row 2 has 1 entries, expected 2');
  });

  it('gives every decimal its nearest double, subnormals included', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^\d{1,12}$/),
        fc.stringMatching(/^\d{0,12}$/),
        fc.integer({ min: -330, max: 310 }),
      )
      .map(([sign, whole, fraction, exponent]) => `${sign}${whole}.${fraction}e${exponent}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 6 }), (row) => {
        // ECMAScript's Number() is correctly rounded (ECMA-262, StringToNumber).
        expect(Array.from(matrixFromCells([row]).data)).toEqual(row.map(Number));
      }),
      { numRuns: 200 },
    );
  });
});
