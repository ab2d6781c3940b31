import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { FormatError } from './format-error';
import { parseMatrixMarket, writeMatrixMarket } from './matrix-market';
import {
  expectOnlyFormatError,
  expectSameDoubles,
  mutate,
  mutationArbitrary,
  valuesFromHex,
  type ExpectedMatrix,
} from './test-support';

const folder = new URL('./fixtures/mtx/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', folder), 'utf8')) as Record<
  string,
  ExpectedMatrix
>;
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');

function thrown(text: string, maxEntries?: number): FormatError {
  try {
    parseMatrixMarket(text, { file: 'm.mtx', maxEntries });
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}

describe('parseMatrixMarket agrees with scipy.io.mmread on the fixtures', () => {
  for (const [name, matrix] of Object.entries(expected)) {
    it(name, () => {
      const result = parseMatrixMarket(read(name), { file: name });
      expect([result.matrix.rows, result.matrix.cols]).toEqual([matrix.rows, matrix.cols]);
      expectSameDoubles(result.matrix.data, valuesFromHex(matrix.values));
    });
  }

  it('reports layout, field, symmetry and comments', () => {
    const result = parseMatrixMarket(read('symmetric_coordinate.mtx'));
    expect(result).toMatchObject({
      layout: 'coordinate',
      field: 'real',
      symmetry: 'symmetric',
      entriesRead: 6,
    });
    expect(result.comments).toContain('symmetric: only the lower triangle is stored');
    expect(parseMatrixMarket(read('pattern_coordinate.mtx')).field).toBe('pattern');
    expect(parseMatrixMarket(read('skew_array.mtx')).symmetry).toBe('skew-symmetric');
  });

  it('sums duplicate coordinates', () => {
    const result = parseMatrixMarket(
      '%%MatrixMarket matrix coordinate integer general\n1 1 3\n1 1 2\n1 1 3\n1 1 -1\n',
    );
    expect(result.matrix.data[0]).toBe(4);
  });
});

describe('parseMatrixMarket refuses bad files with a location', () => {
  it('complex and hermitian matrices, with a message', () => {
    expect(
      thrown('%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n').reason,
    ).toMatch(/complex/);
    expect(thrown('%%MatrixMarket matrix coordinate real hermitian\n1 1 0\n').reason).toMatch(
      /hermitian/,
    );
  });

  it('a declared size above the cap, before allocating', () => {
    const error = thrown(
      '%%MatrixMarket matrix coordinate real general\n100000 100000 1000000000\n',
    );
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/more than the limit/);
    expect(thrown('%%MatrixMarket matrix array real general\n3 3\n', 8).reason).toMatch(
      /limit of 8/,
    );
  });

  it('a billion entries declared in a short file', () => {
    const error = thrown('%%MatrixMarket matrix coordinate real general\n2 2 1000000000\n1 1 1\n');
    expect(error.reason).toBe('1000000000 entries are declared, but the file ends after 1');
  });

  it('indices out of bounds, naming line and column', () => {
    const error = thrown('%%MatrixMarket matrix coordinate real general\n2 3 1\n1 4 1.0\n');
    expect([error.line, error.column]).toEqual([3, 2]);
    expect(error.message).toBe('m.mtx, line 3, column 2: the column 4 is outside 1..3');
    expect(
      thrown('%%MatrixMarket matrix coordinate real general\n2 3 1\n0 1 1.0\n').reason,
    ).toMatch(/row 0/);
  });

  it('too few or too many entries', () => {
    expect(thrown('%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1\n').reason).toMatch(
      /ends after 1/,
    );
    expect(thrown('%%MatrixMarket matrix array real general\n1 1\n1\n2\n').line).toBe(4);
  });

  it('non-numbers, non-integers in integer files, negative sizes, a missing banner', () => {
    expect(thrown('%%MatrixMarket matrix array real general\n1 1\nabc\n').message).toBe(
      'm.mtx, line 3, column 1: "abc" is not a number',
    );
    expect(thrown('%%MatrixMarket matrix array integer general\n1 1\n1.5\n').reason).toMatch(
      /not an integer/,
    );
    expect(thrown('%%MatrixMarket matrix array real general\n-1 2\n').reason).toMatch(
      /non-negative/,
    );
    expect(thrown('1 2\n').line).toBe(1);
    expect(thrown('%%MatrixMarket matrix coordinate real symmetric\n2 3 0\n').reason).toMatch(
      /square/,
    );
    expect(
      thrown('%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 3\n').reason,
    ).toMatch(/zero diagonal/);
  });
});

const matrixArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
  .chain(([rows, cols]) =>
    fc
      .array(fc.oneof(fc.constant(0), fc.double({ noNaN: true })), {
        minLength: rows * cols,
        maxLength: rows * cols,
      })
      .map((values) => ({ rows, cols, data: Float64Array.from(values) })),
  );

describe('round trip and fuzzing', () => {
  it('writeMatrixMarket → parseMatrixMarket gives the same doubles, array and coordinate', () => {
    fc.assert(
      fc.property(matrixArbitrary, fc.constantFrom('array', 'coordinate'), (matrix, layout) => {
        const result = parseMatrixMarket(
          writeMatrixMarket(matrix, { layout: layout as 'array' | 'coordinate', comment: 'test' }),
        );
        expect([result.matrix.rows, result.matrix.cols]).toEqual([matrix.rows, matrix.cols]);
        // -0 is not stored by the coordinate layout (it is a zero), so compare with ==.
        expect(Array.from(result.matrix.data).every((value, k) => value === matrix.data[k])).toBe(
          true,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('mutated fixtures only ever yield a matrix or a FormatError', () => {
    const originals = Object.keys(expected).map((name) => new TextEncoder().encode(read(name)));
    fc.assert(
      fc.property(fc.constantFrom(...originals), mutationArbitrary, (original, mutation) => {
        const text = new TextDecoder().decode(mutate(original, mutation));
        expectOnlyFormatError(() => parseMatrixMarket(text, { maxEntries: 1 << 16 }));
      }),
      { numRuns: 800 },
    );
  });

  it('random text only ever yields a matrix or a FormatError', () => {
    const alphabet = fc.constantFrom(
      '%%MatrixMarket matrix ',
      'coordinate ',
      'array ',
      'real ',
      'integer ',
      'pattern ',
      'general',
      'symmetric',
      'skew-symmetric',
      '\n',
      ' ',
      '1',
      '2',
      '9',
      '-',
      '.',
      'e',
      '%',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          expectOnlyFormatError(() => parseMatrixMarket(text, { maxEntries: 1 << 16 }));
        },
      ),
      { numRuns: 800 },
    );
  });
});
